from datetime import date, timedelta

import pytest

from sarhad.accounts.actor import Actor
from sarhad.demo.queue import SCENARIOS, scenario_mrz

BY_KEY = {s.key: s for s in SCENARIOS}


@pytest.fixture
def mrz():
    """``mrz("clean")`` -> the MRZ of a demo-queue traveller, valid today."""
    return lambda key: scenario_mrz(BY_KEY[key])


@pytest.fixture
def officer(make_user):
    return Actor.for_user(make_user("desk-gyd", "border_officer", ["GYD"]))


@pytest.fixture
def samur_officer(make_user):
    return Actor.for_user(make_user("desk-samur", "border_officer", ["SAMUR"]))


@pytest.fixture
def supervisor(make_user):
    return Actor.for_user(make_user("sup-gyd", "border_supervisor", ["GYD"]))


@pytest.fixture
def scenarios(db):
    """The demo queue's recorded travellers (the overstayer's entry, the ban list entry)."""
    from sarhad.demo.country import load_scenarios
    from sarhad.watchlists.demo import load_demo_watchlists

    people = load_scenarios()
    load_demo_watchlists(7, travellers=[people["banned"]])
    return people


def days_ago(n: int) -> date:
    return date.today() - timedelta(days=n)
