"""Demo watchlists: idempotent, and the banned demo traveller is found across scripts."""

from __future__ import annotations

from datetime import date

import pytest

from sarhad.people.services import DocumentData, PersonData, register_traveller
from sarhad.watchlists import services
from sarhad.watchlists.demo import BAN_LIST, LOST_LIST, load_demo_watchlists, other_script_forms
from sarhad.watchlists.models import WatchlistEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def banned(system_actor):
    person, _doc, _ = register_traveller(system_actor, PersonData(
        surname="MAMMADOV", given_names="RUSTAM", surname_native="Məmmədov", given_names_native="Rüstəm",
        birth_year=1983, birth_month=9, birth_day=2, sex="M", nationalities=("RUS",),
    ), DocumentData(document_code="P<", number="751234567", issuing_state="RUS"))
    return person


def test_the_banned_traveller_is_listed_in_soviet_era_cyrillic(banned):
    name, aliases = other_script_forms(banned)
    assert name == "Мамедов Рустам"
    assert aliases and all("\u0600" <= ch <= "\u06ff" or ch in " \u200c" for ch in aliases[0])


def test_demo_lists_load_once_and_the_desk_sees_the_hit(banned, officer):
    counts = load_demo_watchlists(7, travellers=[banned])
    assert counts[BAN_LIST] > 250 and counts[LOST_LIST] == 7
    total = WatchlistEntry.objects.count()
    assert load_demo_watchlists(7, travellers=[banned]) == counts
    assert WatchlistEntry.objects.count() == total
    outcome = services.screen(officer, surname="MAMMADOV", given_names="RUSTAM", birth_date=date(1983, 9, 2),
                              nationality="RUS", sex="M", document_number="751234567", issuing_state="RUS",
                              person=banned, post="GYD")
    hit = outcome.hits[0]
    assert hit.list_name == BAN_LIST and hit.required_action == "refuse_entry"
    assert "Мамедов Рустам" in hit.explanation_text
