"""E-gate API: check then record, idempotent retries, malformed MRZ errors, scopes."""

import pytest

from sarhad.border.models import Crossing

pytestmark = pytest.mark.django_db


@pytest.fixture
def egate(make_client):
    _, token = make_client(["border:check", "border:record"], posts=["GYD"], name="egate-gyd-1")
    return token


def test_check_then_record(api_call, egate, mrz, scenarios):
    check = api_call("post", "/api/v1/border/checks", egate, json={"mrz": mrz("clean"), "post": "GYD"})
    assert check.status_code == 200, check.content
    body = check.json()
    assert body["recommendation"]["decision"] == "admit" and body["stay"]["allowed"]
    record = api_call("post", "/api/v1/border/crossings", egate,
                      json={"mrz": mrz("clean"), "post": "GYD", "direction": "entry", "idempotency_key": "gate-1-0001"})
    assert record.status_code == 201 and record.json()["permitted_until"]


def test_retry_with_same_key_records_once(api_call, egate, mrz, scenarios):
    payload = {"mrz": mrz("clean"), "post": "GYD", "direction": "entry"}
    first = api_call("post", "/api/v1/border/crossings", egate, json={**payload, "idempotency_key": "retry-1"})
    second = api_call("post", "/api/v1/border/crossings", egate, json={**payload, "idempotency_key": "retry-1"})
    assert first.status_code == 201 and second.status_code == 200
    assert second.json()["replayed"] and second.json()["id"] == first.json()["id"]
    assert Crossing.objects.filter(direction="entry", post_id="GYD", person__surname="BERIDZE").count() == 1


def test_same_key_for_a_different_request_is_a_conflict(api_call, egate, mrz, scenarios):
    api_call("post", "/api/v1/border/crossings", egate,
             json={"mrz": mrz("clean"), "post": "GYD", "direction": "entry", "idempotency_key": "k"})
    other = api_call("post", "/api/v1/border/crossings", egate,
                     json={"mrz": mrz("citizen"), "post": "GYD", "direction": "entry", "idempotency_key": "k"})
    assert other.status_code == 409


def test_malformed_mrz_is_4xx_with_field_and_position(api_call, egate, mrz, scenarios):
    response = api_call("post", "/api/v1/border/crossings", egate,
                        json={"mrz": mrz("misread"), "post": "GYD", "direction": "entry"})
    assert response.status_code == 422
    detail = response.json()["error"]["details"][0]
    assert detail["field"] == "mrz" and detail["line"] == 2 and detail["positions"][0] == 20
    garbage = api_call("post", "/api/v1/border/crossings", egate,
                       json={"mrz": "P<UTO$$$", "post": "GYD", "direction": "entry"})
    assert garbage.status_code == 422 and garbage.json()["error"]["details"]


def test_scopes_and_posts(api_call, make_client, mrz, scenarios):
    _, check_only = make_client(["border:check"], posts=["GYD"])
    denied = api_call("post", "/api/v1/border/crossings", check_only,
                      json={"mrz": mrz("clean"), "post": "GYD", "direction": "entry"})
    assert denied.status_code == 403
    _, samur_gate = make_client(["border:check", "border:record"], posts=["SAMUR"])
    other_post = api_call("post", "/api/v1/border/checks", samur_gate, json={"mrz": mrz("clean"), "post": "GYD"})
    assert other_post.status_code == 403
    bad_direction = api_call("post", "/api/v1/border/checks", samur_gate,
                             json={"mrz": mrz("clean"), "post": "SAMUR", "direction": "sideways"})
    assert bad_direction.status_code == 422


def test_deactivated_or_rescoped_client_is_refused_at_once(api_call, make_client, mrz, scenarios):
    """Clients are cached per process; a change saved in this process drops the cache."""
    client, token = make_client(["border:check"], posts=["GYD"])
    body = {"mrz": mrz("clean"), "post": "GYD", "direction": "entry"}
    assert api_call("post", "/api/v1/border/checks", token, json=body).status_code == 200
    client.posts.set(["SAMUR"])
    assert api_call("post", "/api/v1/border/checks", token, json=body).status_code == 403
    client.active = False
    client.save()
    assert api_call("post", "/api/v1/border/checks", token, json=body).status_code == 401
