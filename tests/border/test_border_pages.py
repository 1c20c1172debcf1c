"""Desk, dashboard, overstayers and refusal-notice pages through the test client."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone

from sarhad.border import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def web_officer(client, make_user):
    user = make_user("page-officer", "border_officer", ["GYD"])
    client.force_login(user)
    return user


def test_desk_check_and_admit_through_the_page(client, web_officer, mrz, scenarios):
    assert client.get("/border/desk/").status_code == 200
    page = client.post("/border/desk/check/", {"mrz": mrz("clean"), "post": "GYD", "direction": "entry"})
    assert page.status_code == 200 and b"Recommended" in page.content
    key = page.context["decision_key"]
    done = client.post("/border/desk/decide/", {"mrz": mrz("clean"), "post": "GYD", "decision": "admit",
                                                "idempotency_key": key})
    assert b"Entry recorded" in done.content
    again = client.post("/border/desk/decide/", {"mrz": mrz("clean"), "post": "GYD", "decision": "admit",
                                                 "idempotency_key": key})
    assert b"Entry recorded" in again.content
    from sarhad.border.models import Crossing

    assert Crossing.objects.filter(person__surname="BERIDZE").count() == 1


def test_desk_shows_a_clear_error_for_garbage(client, web_officer, scenarios):
    page = client.post("/border/desk/check/", {"mrz": "hello", "post": "GYD", "direction": "entry"})
    assert page.status_code == 200
    assert page.context["r"].document["errors"]
    empty = client.post("/border/desk/check/", {"mrz": "  ", "post": "GYD", "direction": "entry"})
    assert empty.status_code == 422 and b"no MRZ lines" in empty.content


def test_other_post_desk_is_forbidden(client, web_officer, mrz, scenarios):
    assert client.get("/border/desk/?post=SAMUR").status_code == 403
    response = client.post("/border/desk/check/", {"mrz": mrz("clean"), "post": "SAMUR", "direction": "entry"})
    assert response.status_code == 403


def test_refusal_notice_is_a_pdf(client, web_officer, officer, mrz, scenarios):
    refusal = services.refuse(officer, mrz("banned"), "GYD", ["H"], notes="national entry ban")
    response = client.get(f"/border/refusals/{refusal.pk}/notice.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_dashboard_counts_today(client, make_user, officer, mrz, scenarios):
    services.record_entry(officer, mrz("clean"), "GYD")
    services.refuse(officer, mrz("banned"), "GYD", ["H"])
    client.force_login(make_user("page-super", "border_supervisor", ["GYD"]))
    page = client.get("/border/dashboard/")
    assert page.status_code == 200
    data = page.context["d"]
    assert data["entries"] == 1 and data["refusals"] == 1 and data["refusals_by_reason"] == [("H", 1)]
    assert sum(data["per_hour"]["entry"]) == 1
    fragment = client.get("/border/dashboard/", HTTP_HX_REQUEST="true")
    assert b"<html" not in fragment.content and b"stat-entries" in fragment.content


def test_overstayers_list_and_exports(client, make_user, scenarios):
    client.force_login(make_user("page-analyst", "analyst"))
    page = client.get("/border/overstayers/")
    rows = page.context["rows"]
    assert [r["surname"] for r in rows] == ["PETROV"] and rows[0]["days_over"] == 31
    csv_text = client.get("/border/overstayers/?format=csv").content.decode()
    assert csv_text.splitlines()[0].startswith("surname,given_names") and "PETROV" in csv_text
    xlsx = client.get("/border/overstayers/?format=xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[2]][:2] == ["PETROV", "IGOR"]
    earlier = (timezone.localdate() - timedelta(days=60)).isoformat()
    assert client.get(f"/border/overstayers/?on={earlier}").context["rows"] == []
    assert client.get("/border/overstayers/?on=yesterday").status_code == 422


def test_overstayer_job_cli(capsys, scenarios):
    from sarhad.cli import main as sarhad

    assert sarhad(["border", "overstayers"]) == 0
    out = capsys.readouterr().out
    assert "PETROV" in out and out.splitlines()[0].startswith("surname")
