"""Fixtures for the watchlists tests: actors, a ban list, and a private screening index.

Every test starts with a forgotten process index and snapshots in its own folder, so no
test sees another's entries or writes into the project's data folder.
"""

from __future__ import annotations

import pytest

from sarhad.accounts.actor import Actor
from sarhad.watchlists import services
from sarhad.watchlists.live import LIVE
from sarhad.watchlists.values import EntryData


@pytest.fixture(autouse=True)
def private_index(settings, tmp_path):
    settings.SARHAD_SCREENING_DIR = tmp_path / "screening"
    LIVE.reset()
    yield tmp_path / "screening"
    LIVE.reset()


@pytest.fixture
def admin(make_user):
    return Actor.for_user(make_user("wl-admin", "administrator"))


@pytest.fixture
def supervisor(make_user):
    return Actor.for_user(make_user("sup-gyd", "border_supervisor", ["GYD"]))


@pytest.fixture
def other_supervisor(make_user):
    return Actor.for_user(make_user("sup-samur", "border_supervisor", ["SAMUR"]))


@pytest.fixture
def officer(make_user):
    return Actor.for_user(make_user("off-gyd", "border_officer", ["GYD"]))


@pytest.fixture
def bans(admin):
    return services.create_list(admin, name="National entry bans", kind="entry_ban", source="State Migration Service")


@pytest.fixture
def mammadov(admin, bans):
    """A banned person, listed in Soviet-era Russian Cyrillic with an Azerbaijani alias."""
    return services.add_entry(admin, bans, EntryData(
        names=("Мамедов Али Гасан оглы",), aliases=("Məmmədov Əli",), birth_dates=("1980-05-02",),
        nationalities=("AZE",), sex="M", external_id="BAN-1",
    ))
