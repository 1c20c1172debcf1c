"""The per-process reference cache (``sarhad.common.refcache``) the desk reads its post,
stay regimes and API clients through: kept for its lifetime, emptied by a change."""

from __future__ import annotations

import pytest

from sarhad.reference.models import BorderCrossingPoint
from sarhad.common import refcache


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(refcache.time, "monotonic", lambda: now[0])
    return now


def _loader(values):
    calls = []

    def load():
        calls.append(1)
        return values[len(calls) - 1]
    return load, calls


def test_a_value_is_kept_for_its_lifetime_then_read_again(settings, clock):
    settings.SARHAD_REFERENCE_CACHE_SECONDS = 30
    load, calls = _loader([{"v": 1}, {"v": 2}])
    first = refcache.get("k", load)
    assert refcache.get("k", load) is first and len(calls) == 1
    clock[0] += 29.9
    assert refcache.get("k", load) is first
    clock[0] += 0.2
    assert refcache.get("k", load) == {"v": 2} and len(calls) == 2


def test_none_is_asked_again_unless_kept(clock):
    load, calls = _loader([None, None, "found"])
    assert refcache.get("unknown-token", load, keep_none=False) is None
    assert refcache.get("unknown-token", load, keep_none=False) is None
    assert refcache.get("unknown-token", load, keep_none=False) == "found" and len(calls) == 3
    load, calls = _loader([None, "later"])
    assert refcache.get("no-regime", load) is None
    assert refcache.get("no-regime", load) is None and len(calls) == 1


def test_too_many_keys_empty_the_cache_rather_than_grow(monkeypatch, clock):
    monkeypatch.setattr(refcache, "MAX_KEYS", 3)
    for i in range(3):
        refcache.get(f"k{i}", lambda i=i: i)
    refcache.get("k3", lambda: 3)
    assert refcache.get("k0", lambda: "again") == "again"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_saved_post_empties_the_cache_of_this_process():
    refcache.get("post:GYD", lambda: "stale")
    point = BorderCrossingPoint.objects.get(code="GYD")
    point.save()
    assert refcache.get("post:GYD", lambda: "fresh") == "fresh"
