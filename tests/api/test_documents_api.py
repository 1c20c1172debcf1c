"""POST /api/v1/documents/mrz: the kernel's result as JSON, audited, scoped."""

import pytest

from sarhad.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"


def test_valid_specimen(api_call, make_client):
    _, token = make_client(["documents:check"])
    body = api_call("post", "/api/v1/documents/mrz", token, json={"mrz": TD3, "on": "2010-01-01"}).json()
    assert body["valid"] and body["format"] == "TD3" and body["document_number"] == "L898902C3"
    assert body["surname"] == "ERIKSSON" and body["given_names"] == "ANNA MARIA" and not body["expired"]
    assert AuditEntry.objects.filter(action="check", object_type="mrz", object_id="L898902C3").exists()


def test_wrong_check_digit_names_field_line_and_position(api_call, make_client):
    _, token = make_client(["documents:check"])
    broken = TD3.replace("7408122F", "7408123F")
    body = api_call("post", "/api/v1/documents/mrz", token, json={"mrz": broken}).json()
    assert not body["valid"]
    error = body["errors"][0]
    assert error["field"] == "date_of_birth" and error["line"] == 2 and error["positions"] == [20, 20]


def test_scope_and_bad_input(api_call, make_client):
    _, token = make_client(["people:read"])
    assert api_call("post", "/api/v1/documents/mrz", token, json={"mrz": TD3}).status_code == 403
    _, token = make_client(["documents:check"])
    assert api_call("post", "/api/v1/documents/mrz", token, json={"mrz": ""}).status_code == 422
    assert api_call("post", "/api/v1/documents/mrz", token, json={"mrz": TD3, "on": "28.11.2026"}).status_code == 422
