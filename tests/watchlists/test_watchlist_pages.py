"""Watchlist pages: list management (administrators) and the hit review queue (supervisors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sarhad.watchlists import services
from sarhad.watchlists.models import HitDismissal, HitStatus, ScreeningHit, Watchlist, WatchlistEntry

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "samples"
TRAVELLER = {"surname": "MAMMADOV", "given_names": "ALI", "birth_date": "1980-05-02", "nationality": "AZE"}


def signed_in(client, actor):
    from sarhad.accounts.models import User

    client.force_login(User.objects.get(pk=actor.id))
    return client


def test_administrator_creates_a_list_and_imports_a_file(client, admin):
    signed_in(client, admin)
    response = client.post(reverse("watchlists:lists"), {"name": "Court bans", "kind": "entry_ban"})
    watchlist = Watchlist.objects.get(name="Court bans")
    assert response.status_code == 302 and response["Location"] == reverse("watchlists:list", args=[watchlist.pk])
    upload = SimpleUploadedFile("bans.csv", (SAMPLES / "bans.csv").read_bytes(), content_type="text/csv")
    page = client.post(reverse("watchlists:import", args=[watchlist.pk]), {"format": "csv", "file": upload})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="import-report"' in html and "8 rows read: 2 created" in html
    assert "unknown country &#x27;Atlantis&#x27;" in html
    assert WatchlistEntry.objects.filter(watchlist=watchlist).count() == 2


def test_entry_search_answers_htmx_with_the_table_only(client, admin, mammadov):
    signed_in(client, admin)
    url = reverse("watchlists:list", args=[mammadov.watchlist_id])
    page = client.get(url, {"q": "məmmədov"}, HTTP_HX_REQUEST="true")
    html = page.content.decode()
    assert html.startswith('<div id="entries">') and "Мамедов Али Гасан оглы" in html
    assert "No entries found." in client.get(url, {"q": "nobody"}, HTTP_HX_REQUEST="true").content.decode()


def test_editing_an_entry_makes_a_new_version(client, admin, mammadov):
    signed_in(client, admin)
    url = reverse("watchlists:entry", args=[mammadov.pk])
    form = {"external_id": "BAN-1", "names": "Мамедов Али Гасан оглы", "aliases": "Məmmədov Əli",
            "birth_dates": "1980-05-02; 1980-02-05", "nationalities": "AZE", "sex": "M", "documents": "",
            "required_action": "", "remarks": "date may be swapped"}
    assert client.post(url, form).status_code == 302
    entry = WatchlistEntry.objects.get(pk=mammadov.pk)
    assert entry.version == 2 and entry.birth_dates == ["1980-05-02", "1980-02-05"]
    bad = client.post(url, {**form, "birth_dates": "1980-99"})
    assert bad.status_code == 200 and "month must be 1-12" in bad.content.decode()


def test_other_roles_cannot_manage_lists(client, supervisor, bans):
    signed_in(client, supervisor)
    assert client.get(reverse("watchlists:lists")).status_code == 403
    assert client.get(reverse("watchlists:list", args=[bans.pk])).status_code == 403


def test_supervisor_sees_own_posts_hits_and_dismisses_with_htmx(client, officer, supervisor, mammadov):
    at_gyd = services.screen(officer, **TRAVELLER, post="GYD").hits[0]
    signed_in(client, supervisor)
    queue = client.get(reverse("watchlists:hits")).content.decode()
    assert f'id="hit-{at_gyd.id}"' in queue and "Why this matched" in queue and "MAMMADOV ALI" in queue

    url = reverse("watchlists:decide", args=[at_gyd.id])
    missing = client.post(url, {"decision": "dismiss", "reason": ""}, HTTP_HX_REQUEST="true")
    assert 'role="alert"' in missing.content.decode()
    assert ScreeningHit.objects.get(pk=at_gyd.id).status == HitStatus.OPEN

    done = client.post(url, {"decision": "dismiss", "reason": "different person, checked"}, HTTP_HX_REQUEST="true")
    html = done.content.decode()
    assert html.startswith("<article") and 'data-status="dismissed"' in html and "different person, checked" in html
    assert HitDismissal.objects.get().reason == "different person, checked"


def test_supervisor_of_another_post_sees_nothing_and_cannot_decide(client, officer, other_supervisor, mammadov):
    hit = services.screen(officer, **TRAVELLER, post="GYD").hits[0]
    signed_in(client, other_supervisor)
    assert str(hit.id) not in client.get(reverse("watchlists:hits")).content.decode()
    response = client.post(reverse("watchlists:decide", args=[hit.id]), {"decision": "confirm"})
    assert response.status_code == 403
    assert ScreeningHit.objects.get(pk=hit.id).status == HitStatus.OPEN


def test_officer_has_no_review_queue(client, officer):
    signed_in(client, officer)
    assert client.get(reverse("watchlists:hits")).status_code == 403


def test_review_queue_speaks_azerbaijani_and_russian(client, supervisor):
    signed_in(client, supervisor)
    client.cookies["django_language"] = "az"
    assert "Açıq uyğunluq yoxdur." in client.get(reverse("watchlists:hits")).content.decode()
    client.cookies["django_language"] = "ru"
    assert "Открытых совпадений нет." in client.get(reverse("watchlists:hits")).content.decode()


def test_deactivate_entry_and_switch_off_list_from_the_pages(client, admin, officer, mammadov):
    signed_in(client, admin)
    client.post(reverse("watchlists:deactivate", args=[mammadov.pk]), {"reason": "delisted"})
    entry = WatchlistEntry.objects.get(pk=mammadov.pk)
    assert not entry.active and entry.version == 2
    client.post(reverse("watchlists:active", args=[mammadov.watchlist_id]), {"active": "0"})
    assert not Watchlist.objects.get(pk=mammadov.watchlist_id).active
    assert services.screen(officer, **TRAVELLER, post="GYD").hits == ()
