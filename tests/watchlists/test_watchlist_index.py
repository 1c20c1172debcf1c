"""The process index: built once, saved, loaded on restart, kept in step across processes."""

from __future__ import annotations

import pytest

from sarhad.watchlists import services
from sarhad.watchlists.live import LIVE, LiveIndex
from sarhad.watchlists.models import WatchlistState
from sarhad.watchlists.values import EntryData

pytestmark = pytest.mark.django_db


def no_rebuild(monkeypatch):
    def refuse(self, *args):
        raise AssertionError("the index was rebuilt from the database")

    monkeypatch.setattr(LiveIndex, "_build", refuse)


def test_first_use_builds_and_saves_a_snapshot_that_a_restart_loads(mammadov, private_index, monkeypatch):
    with LIVE.lock:
        assert str(mammadov.pk) in LIVE.current()
    [snapshot] = private_index.glob("index-*.snap")
    epoch, generation = WatchlistState.objects.values_list("epoch", "generation").get()
    assert snapshot.name == f"index-{epoch}-{generation:012d}.snap"

    no_rebuild(monkeypatch)
    restarted = LiveIndex()
    with restarted.lock:
        assert str(mammadov.pk) in restarted.current()


def test_another_process_catches_up_incrementally(admin, mammadov, monkeypatch):
    worker = LiveIndex()  # another gunicorn worker
    with worker.lock:
        assert len(worker.current()) == 1
    no_rebuild(monkeypatch)

    added = services.add_entry(admin, mammadov.watchlist, EntryData(names=("Hüseynov Rəşad",), external_id="BAN-2"))
    services.update_entry(admin, mammadov.pk, remarks="seen in 2025")
    with worker.lock:
        index = worker.current()
        assert str(added.pk) in index and index.get(str(mammadov.pk)).version == 2

    services.deactivate_entry(admin, added.pk)
    with worker.lock:
        assert str(added.pk) not in worker.current()


def test_a_snapshot_of_another_database_is_not_used(mammadov, private_index):
    with LIVE.lock:
        LIVE.current()
    WatchlistState.objects.filter(pk=1).update(epoch="0" * 32)
    fresh = LiveIndex()
    with fresh.lock:
        assert len(fresh.current()) == 1
    assert [p.name for p in private_index.glob("index-*.snap")] == [f"index-{'0' * 32}-{1:012d}.snap"]


def test_a_damaged_snapshot_is_rebuilt(mammadov, private_index):
    with LIVE.lock:
        LIVE.current()
    [snapshot] = private_index.glob("index-*.snap")
    snapshot.write_bytes(snapshot.read_bytes()[:-5] + b"XXXXX")
    fresh = LiveIndex()
    with fresh.lock:
        assert str(mammadov.pk) in fresh.current()


@pytest.mark.parametrize("how", ["built", "loaded"])
def test_a_large_index_is_packed_and_out_of_the_collectors_way(mammadov, private_index, monkeypatch, how):
    import gc

    from sarhad.watchlists import live

    if how == "loaded":
        with LIVE.lock:
            LIVE.current()  # builds and saves a snapshot
        no_rebuild(monkeypatch)
    monkeypatch.setattr(live, "FREEZE_AFTER_ENTRIES", 1)  # "large": this one entry
    process = LiveIndex()
    try:
        with process.lock:
            index = process.current()
        young = {id(o) for o in gc.get_objects()}
        assert id(index._records) not in young and id(index._words) not in young
        assert all(isinstance(v, (int, bytes)) for v in index._postings.values())
        assert str(mammadov.pk) in index
    finally:
        gc.unfreeze()


def test_a_build_with_worker_processes_gives_the_same_index(admin, bans, mammadov, private_index):
    for k, (name, alias) in enumerate([("Hüseynov Rəşad", "Гусейнов Рашад"), ("Əliyeva Leyla", "Алиева Лейла"),
                                       ("Qasımov Elnur Vüqar oğlu", "")]):
        services.add_entry(admin, bans, EntryData(names=(name,), aliases=(alias,) if alias else (),
                                                  birth_dates=(f"{1970 + k}",), external_id=f"BAN-W{k}"))
    single = LiveIndex()
    with single.lock:
        expected = single.current()
    forked = LiveIndex()
    forked.build_workers = 2
    with forked.lock:
        built = forked.current()
    assert built._records == expected._records
    assert built._postings.keys() == expected._postings.keys()
    assert built._words == expected._words
    assert list(built._facts) == list(expected._facts)
