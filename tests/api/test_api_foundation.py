"""API: token authentication, scopes, post scoping, JSON errors, OpenAPI docs, auditing."""

import pytest

from sarhad.audit.models import AuditEntry
from sarhad.people.models import Person

pytestmark = pytest.mark.django_db

NEW_PERSON = {
    "surname": "HUSEYNOV", "given_names": "RAUF", "surname_native": "Hüseynov", "sex": "M",
    "birth_year": 1975, "nationalities": ["AZE"],
    "document": {"document_code": "P<", "number": "C07654321", "issuing_state": "AZE"},
}


def test_no_token_is_401(api_call):
    response = api_call("get", "/api/v1/people", q="HUSEYNOV")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_wrong_token_is_401(api_call):
    response = api_call("get", "/api/v1/people", "sarhad_nope_nope", q="HUSEYNOV")
    assert response.status_code == 401


def test_wrong_scope_is_403(api_call, make_client):
    _, token = make_client(["documents:check"])
    response = api_call("post", "/api/v1/people", token, json=NEW_PERSON)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "missing_scope"
    assert Person.objects.count() == 0


def test_register_then_read_and_the_same_document_again(api_call, make_client):
    _, token = make_client(["people:read", "people:write"])
    first = api_call("post", "/api/v1/people", token, json=NEW_PERSON)
    assert first.status_code == 201, first.content
    again = api_call("post", "/api/v1/people", token, json=NEW_PERSON)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert again.json()["created"] is False
    read = api_call("get", f"/api/v1/people/{first.json()['id']}", token)
    assert read.status_code == 200
    assert read.json()["surname_native"] == "Hüseynov"
    assert read.json()["documents"][0]["number"] == "C07654321"
    actions = set(AuditEntry.objects.filter(actor_kind="api").values_list("action", flat=True))
    assert {"create", "view"} <= actions


@pytest.mark.parametrize("payload, field", [
    ({**NEW_PERSON, "birth_year": "nineteen"}, "birth_year"),
    ({**NEW_PERSON, "birth_month": 14}, "birth_month"),
    ({**NEW_PERSON, "nationalities": ["ZZZ"]}, "nationalities"),
    ({**NEW_PERSON, "document": {"document_code": "P<", "number": "C0!", "issuing_state": "AZE"}}, "number"),
])
def test_malformed_input_is_a_4xx_json_error_naming_the_field(api_call, make_client, payload, field):
    _, token = make_client(["people:write"])
    response = api_call("post", "/api/v1/people", token, json=payload)
    assert 400 <= response.status_code < 500
    body = response.json()["error"]
    assert body["code"] == "validation_failed"
    assert any(field in d["field"] for d in body["details"]), body
    assert Person.objects.count() == 0


def test_not_json_is_a_4xx(client, make_client):
    _, token = make_client(["people:write"])
    response = client.post("/api/v1/people", data="{not json", content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert 400 <= response.status_code < 500
    assert "error" in response.json()


def test_post_bound_client_cannot_read_another_posts_person(api_call, make_client, system_actor):
    from sarhad.people import services

    person = services.register_person(system_actor, services.PersonData(surname="ALIYEV"), post="SAMUR")
    _, token = make_client(["people:read"], posts=["GYD"])
    assert api_call("get", f"/api/v1/people/{person.pk}", token).status_code == 403
    _, samur_token = make_client(["people:read"], posts=["SAMUR"])
    assert api_call("get", f"/api/v1/people/{person.pk}", samur_token).status_code == 200


def test_unknown_person_is_404(api_call, make_client):
    _, token = make_client(["people:read"])
    assert api_call("get", "/api/v1/people/not-a-uuid", token).status_code == 404


def test_openapi_docs_are_served(client):
    assert client.get("/api/docs").status_code == 200
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/people" in schema["paths"]


def test_api_client_cli_creates_a_working_token(capsys, api_call):
    from sarhad.cli import main as sarhad

    assert sarhad(["api-client", "create", "egate-1", "--scope", "people:read", "--post", "GYD"]) == 0
    token = capsys.readouterr().out.split("): ")[-1].strip()
    assert token.startswith("sarhad_")
    assert api_call("get", "/api/v1/people", token, q="XY").status_code == 200
    assert sarhad(["api-client", "create", "bad", "--scope", "nope"]) == 2
