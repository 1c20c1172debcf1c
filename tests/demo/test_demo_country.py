"""The demo country: seeded, idempotent, and every printed login works."""

from datetime import date

import pytest
from django.contrib.auth import authenticate

from sarhad.border.models import Crossing
from sarhad.demo.country import DEMO_PASSWORD, STAFF, load_demo_country
from sarhad.people.models import Person, TravelDocument
from sarhad.watchlists.models import WatchlistEntry

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)


def test_second_run_duplicates_nothing():
    first = load_demo_country(travellers=150, years=2, seed=5, today=TODAY, progress=False)
    counts = (Person.objects.count(), TravelDocument.objects.count(), Crossing.objects.count(),
              WatchlistEntry.objects.count())
    second = load_demo_country(travellers=150, years=2, seed=5, today=TODAY, progress=False)
    assert second.new_crossings == 0
    assert counts == (Person.objects.count(), TravelDocument.objects.count(), Crossing.objects.count(),
                      WatchlistEntry.objects.count())
    assert first.travellers == second.travellers >= 150
    assert first.crossings > 150


def test_crossings_are_consistent():
    load_demo_country(travellers=200, years=1, seed=9, today=TODAY, progress=False)
    for exit_ in Crossing.objects.filter(direction="exit", entry__isnull=False).select_related("entry")[:200]:
        assert exit_.entry.person_id == exit_.person_id
        assert exit_.entry.local_date <= exit_.local_date
    assert not Crossing.objects.filter(local_date__gt=TODAY).exists()


def test_every_printed_login_works(rf):
    load_demo_country(travellers=10, years=1, seed=1, today=TODAY, progress=False)
    for username, role, posts, *_ in STAFF:
        user = authenticate(rf.post("/login/"), username=username, password=DEMO_PASSWORD)
        assert user is not None and user.role == role
        assert sorted(user.posts.values_list("code", flat=True)) == sorted(posts)
