"""A supervisor dismisses a watchlist hit with a reason in the review queue (real browser)."""

from __future__ import annotations

from sarhad.accounts.actor import Actor
from sarhad.watchlists import services
from sarhad.watchlists.live import LIVE
from sarhad.watchlists.models import HitDismissal, HitStatus, ScreeningHit
from sarhad.watchlists.values import EntryData

PASSWORD = "browser test password 1"


def test_supervisor_dismisses_a_hit_with_a_reason(login, page, site, make_user, settings, tmp_path):
    settings.SARHAD_SCREENING_DIR = tmp_path
    LIVE.reset()
    system = Actor.system("tests")
    bans = services.create_list(system, name="National entry bans", kind="entry_ban")
    services.add_entry(system, bans, EntryData(names=("Мамедов Рустам",), birth_dates=("1983",),
                                               nationalities=("AZE",), external_id="BAN-7"))
    officer = Actor.for_user(make_user("w-officer", "border_officer", ["GYD"]))
    [hit] = services.screen(officer, surname="MAMMADOV", given_names="RUSTAM", birth_date="1983-09-02",
                            nationality="AZE", document_number="C01234567", issuing_state="AZE", post="GYD").hits
    make_user("w-super", "border_supervisor", ["GYD"], password=PASSWORD)

    login("w-super", PASSWORD)
    page.click("nav.mainnav >> text=Hit review")
    card = page.locator(f"#hit-{hit.id}")
    assert "Мамедов Рустам" in card.inner_text() and "MAMMADOV RUSTAM" in card.inner_text()

    card.locator("button[value=dismiss]").click()  # no reason yet: refused in place
    page.locator(f"#hit-{hit.id} [role=alert]").wait_for()
    assert ScreeningHit.objects.get(pk=hit.id).status == HitStatus.OPEN

    page.fill(f"#reason-{hit.id}", "Different person: born in Ganja, father's name differs")
    page.locator(f"#hit-{hit.id} button[value=dismiss]").click()
    page.locator(f"#hit-{hit.id}[data-status=dismissed]").wait_for()
    assert "father's name differs" in page.locator(f"#hit-{hit.id} .decided").inner_text()
    dismissal = HitDismissal.objects.get()
    assert dismissal.dismissed_by_name == "w-super" and dismissal.entry_version == 1
    LIVE.reset()
