"""The border desk in a real browser, end to end (issue acceptance):

an officer scans an MRZ by typing it, sees a watchlist hit with its explanation and
refuses with reason H; the supervisor sees the refusal and the hit on the dashboard; an
exit after an overstay shows the days over; an officer of another post gets 403 on that
crossing.
"""

import pytest

from sarhad.border.models import Crossing, Refusal
from sarhad.demo.queue import SCENARIOS, scenario_mrz

PASSWORD = "desk browser password 1"
BY_KEY = {s.key: s for s in SCENARIOS}


@pytest.fixture
def staff(make_user, scenarios_loaded):
    make_user("officer-gyd", "border_officer", ["GYD"], password=PASSWORD)
    make_user("super-gyd", "border_supervisor", ["GYD"], password=PASSWORD)
    make_user("officer-samur", "border_officer", ["SAMUR"], password=PASSWORD)


@pytest.fixture
def scenarios_loaded(site):
    from sarhad.demo.country import load_scenarios
    from sarhad.watchlists.demo import load_demo_watchlists

    people = load_scenarios()
    load_demo_watchlists(7, travellers=[people["banned"]])
    return people


def scan(page, key):
    """Type the zone line by line as a keyboard-wedge scanner does (Enter after each)."""
    page.click("#mrz")
    for line in scenario_mrz(BY_KEY[key]).split("\n"):
        page.keyboard.type(line)
        page.keyboard.press("Enter")
    page.wait_for_selector("#result .check")


def test_refuse_a_banned_traveller_and_supervisor_sees_it(login, page, site, staff):
    login("officer-gyd", PASSWORD)
    page.goto(f"{site}/border/desk/")
    scan(page, "banned")
    hit = page.locator("#result .hit").first
    assert "score" in hit.inner_text()
    assert page.locator("#result pre.explanation").first.inner_text().strip()
    assert "Recommended: Refuse" in page.locator("#result .recommendation").inner_text()
    page.select_option("#reasons", ["H"])
    page.click("#refuse-button")
    page.wait_for_selector("#result .done")
    assert "Entry refused" in page.locator("#result .done").inner_text()
    refusal = Refusal.objects.get()
    assert [r.code for r in refusal.reasons.all()] == ["H"]

    page.click("#logout")
    login("super-gyd", PASSWORD)
    page.goto(f"{site}/border/dashboard/")
    assert page.locator("#stat-refusals").inner_text() == "1"
    assert "H: 1" in page.locator("#refusals-by-reason").inner_text()
    assert page.locator("#hits tr").count() >= 1 and "None." not in page.locator("#hits").inner_text()


def test_exit_after_overstay_shows_days_over_and_other_post_gets_403(login, page, site, staff):
    login("officer-gyd", PASSWORD)
    page.goto(f"{site}/border/desk/")
    page.check("input[name=direction][value=exit]")
    scan(page, "overstayer")
    assert page.locator("#overstay-days").inner_text().startswith("31")
    page.keyboard.press("F8")
    page.wait_for_selector("#result .done")
    assert "31" in page.locator("#done-overstay").inner_text()
    exit_crossing = Crossing.objects.get(direction="exit")

    page.click("#logout")
    login("officer-samur", PASSWORD)
    response = page.goto(f"{site}/border/crossings/{exit_crossing.pk}/")
    assert response.status == 403
