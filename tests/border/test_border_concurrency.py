"""Two requests for one traveller at the same moment (PostgreSQL's row locks)."""

import threading

import pytest
from django.db import connection

from sarhad.border import services, stay

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_two_exits_of_one_traveller_at_once_close_the_open_entry_once(officer, mrz, scenarios, monkeypatch):
    """A crossing is recorded with the holder's row locked: the second of two exits
    recorded at once reads the history after the first is committed, and closes nothing,
    instead of failing on the entry the first one closed."""
    real_records = stay.records
    both_read = threading.Barrier(2, timeout=3)

    def records_then_wait(person):
        known = real_records(person)
        try:  # without the lock both requests read the same open entry here
            both_read.wait()
        except threading.BrokenBarrierError:
            pass
        return known

    monkeypatch.setattr(stay, "records", records_then_wait)
    recorded, failed = [], []

    def record_exit():
        try:
            recorded.append(services.record_exit(officer, mrz("overstayer"), "GYD")[0])
        except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
            failed.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=record_exit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []
    assert sorted(crossing.entry_id is not None for crossing in recorded) == [False, True]
    assert sorted(crossing.overstay_days > 0 for crossing in recorded) == [False, True]
