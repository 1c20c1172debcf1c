"""POST /api/v1/screening/check: authentication, scope, field errors and a real hit."""

from __future__ import annotations

import pytest

from sarhad.watchlists.models import ScreeningHit

pytestmark = pytest.mark.django_db

URL = "/api/v1/screening/check"
BODY = {"surname": "MAMMADOV", "given_names": "ALI", "birth_date": "1980-05-02", "nationality": "AZE", "sex": "M"}


def test_no_token_is_401(api_call):
    assert api_call("post", URL, json=BODY).status_code == 401


def test_client_without_the_scope_is_403(api_call, make_client):
    _, token = make_client(["people:read"])
    response = api_call("post", URL, token, json=BODY)
    assert response.status_code == 403 and response.json()["error"]["code"] == "missing_scope"


def test_bad_birth_date_is_422_naming_the_field(api_call, make_client):
    _, token = make_client(["screening:check"])
    response = api_call("post", URL, token, json={**BODY, "birth_date": "1980-02-31"})
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "birth_date"


def test_wrong_type_is_422_naming_the_field(api_call, make_client):
    _, token = make_client(["screening:check"])
    response = api_call("post", URL, token, json={**BODY, "record": "perhaps"})
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "record"


def test_a_real_hit_with_its_explanation(api_call, make_client, mammadov):
    _, token = make_client(["screening:check"], posts=["GYD"])
    response = api_call("post", URL, token, json=BODY)
    assert response.status_code == 200, response.content
    body = response.json()
    [hit] = body["hits"]
    assert hit["entry_id"] == str(mammadov.pk) and hit["list"] == "National entry bans"
    assert hit["band"] == "hit" and hit["status"] == "open" and hit["required_action"] == "refuse_entry"
    assert "date of birth: +0.10" in hit["explanation"]
    assert hit["details"]["qualifiers"][0]["qualifier"] == "date of birth"
    assert body["entries_screened"] == 1
    stored = ScreeningHit.objects.get(pk=hit["id"])
    assert stored.post_id == "GYD" and stored.context == "api_check"


def test_post_bound_client_cannot_screen_for_another_post(api_call, make_client, mammadov):
    _, token = make_client(["screening:check"], posts=["GYD"])
    response = api_call("post", URL, token, json={**BODY, "post": "SAMUR"})
    assert response.status_code == 403
