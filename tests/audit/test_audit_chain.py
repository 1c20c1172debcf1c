"""The audit log is append-only (database triggers) and hash-chained (verify finds tampering)."""

from contextlib import nullcontext

import pytest
from django.db import DatabaseError, connection, transaction

from sarhad.accounts.actor import Actor
from sarhad.audit import chain, triggers
from sarhad.audit.models import AuditEntry
from sarhad.audit.services import record_event, verify_chain
from sarhad.cli import main as sarhad

# Plain (rolled-back) database tests: the tampering below is undone with the transaction.
pytestmark = pytest.mark.django_db


def _entries(n):
    actor = Actor("user", 7, "tester", "analyst", ip="10.0.0.1")
    return [record_event(actor, "view", "person", f"p{i}", {"i": i, "name": "Məmmədov"}) for i in range(n)]


def test_entries_link_to_their_predecessor():
    a, b, c = _entries(3)
    assert a.prev_hash == chain.GENESIS
    assert b.prev_hash == a.entry_hash and c.prev_hash == b.entry_hash
    assert [a.id, b.id, c.id] == [1, 2, 3]
    assert verify_chain().ok and verify_chain().checked == 3


def test_database_refuses_update_and_delete():
    (entry,) = _entries(1)
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic():
            AuditEntry.objects.filter(pk=entry.pk).update(action="tampered")
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic():
            AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"


def _disable_triggers_and_run(sql, params):
    """Alter rows behind the triggers' back, as an intruder with database access would."""
    triggers.remove(connection)
    with connection.cursor() as cur:
        cur.execute(sql, params)
    triggers.install(connection)


def test_verify_names_the_altered_entry(capsys):
    _entries(5)
    _disable_triggers_and_run("UPDATE audit_auditentry SET actor_name = %s WHERE id = %s", ["someone else", 3])
    result = verify_chain()
    assert not result.ok and result.first_broken_id == 3 and result.checked == 2
    assert "altered" in result.reason
    assert sarhad(["audit", "verify"]) == 1
    assert "BROKEN at entry 3" in capsys.readouterr().out


def test_verify_finds_a_removed_entry():
    _entries(4)
    _disable_triggers_and_run("DELETE FROM audit_auditentry WHERE id = %s", [2])
    result = verify_chain()
    assert not result.ok and result.first_broken_id == 3 and "missing" in result.reason


def test_verify_cli_reports_ok(capsys):
    _entries(2)
    assert sarhad(["audit", "verify"]) == 0
    assert "2 entries verified" in capsys.readouterr().out


# --- audited blocks: entries queued and chained together at the end --------------------

def _actions():
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True))


def test_audited_block_appends_its_entries_at_the_end_in_order():
    from sarhad.audit.services import audited

    actor = Actor("user", 7, "tester", "analyst")
    with audited():
        assert record_event(actor, "first") is None  # queued, not yet written
        with audited():  # a nested block joins the outer one
            record_event(actor, "second")
        assert _actions() == []
        record_event(actor, "third")
    assert _actions() == ["first", "second", "third"]
    assert verify_chain().ok and verify_chain().checked == 3


def test_audited_block_that_fails_appends_nothing():
    from sarhad.audit.services import audited

    actor = Actor("user", 7, "tester", "analyst")
    with pytest.raises(RuntimeError):
        with audited():
            record_event(actor, "lost")
            raise RuntimeError("the change failed")
    assert _actions() == []
    record_event(actor, "after")  # the queue does not leak into later writes
    assert _actions() == ["after"]


def test_entry_of_a_rolled_back_savepoint_is_dropped_with_it():
    from sarhad.audit.services import audited

    actor = Actor("user", 7, "tester", "analyst")
    with audited():
        record_event(actor, "kept")
        try:
            with transaction.atomic():
                record_event(actor, "undone")
                raise ValueError("rolled back to the savepoint")
        except ValueError:
            pass
        record_event(actor, "kept too")
    assert _actions() == ["kept", "kept too"]
    assert verify_chain().ok


def test_audited_as_decorator_keeps_each_call_apart():
    from sarhad.audit.services import audited

    actor = Actor("user", 7, "tester", "analyst")

    @audited
    def change(i):
        record_event(actor, f"call {i}")
        if i == 1:
            raise ValueError("second call fails")

    change(0)
    with pytest.raises(ValueError):
        change(1)
    assert _actions() == ["call 0"]


def test_plain_sql_reads_and_writes_give_what_the_orm_gives():
    """common.rawsql (the desk's hot path) against the ORM, on this database: values
    written by rawsql.insert and read by rawsql.read_parts (reads of different shapes in
    one statement, each in its own order, one of them empty) equal the ORM's."""
    from sarhad.audit.models import AuditHead
    from sarhad.common import rawsql

    _entries(3)
    names = tuple(f.attname for f in AuditEntry._meta.concrete_fields)
    table = rawsql.table(AuditEntry)
    rows = rawsql.read_parts(AuditEntry, [
        rawsql.Part("a", names, f"FROM {table}", order=("-id",), types=rawsql.column_types(AuditEntry, names)),
        rawsql.Part("h", ("last_id", "last_hash"), f"FROM {rawsql.table(AuditHead)} WHERE id = 1",
                    types=rawsql.column_types(AuditHead, ("last_id", "last_hash"))),
        rawsql.Part("n", ("id", "at"), f"FROM {table} WHERE id = %s", (99,),
                    types=rawsql.column_types(AuditEntry, ("id", "at"))),
    ])
    by_sql = [rawsql.instance(AuditEntry, dict(zip(names, row))) for row in rows["a"]]
    by_orm = list(AuditEntry.objects.order_by("-id"))
    assert [[getattr(e, f) for f in names] for e in by_sql] == [[getattr(e, f) for f in names] for e in by_orm]
    assert by_sql[-1].at.tzinfo is not None and by_sql[-1].details == {"i": 0, "name": "Məmmədov"}
    assert rows["h"] == [(by_orm[0].id, by_orm[0].entry_hash)] and rows["n"] == []
    partial = rawsql.instance(AuditEntry, {"id": by_orm[1].id, "at": by_orm[1].at})
    assert partial.action == "view"  # the rest read when asked for
    with pytest.raises(ValueError, match="types") if connection.vendor == "postgresql" else nullcontext():
        rawsql.read_parts(AuditEntry, [rawsql.Part("x", ("id",), f"FROM {table}")])


@pytest.mark.parametrize("count", [2, 6])  # one statement; one row at a time (past the driver's cache)
def test_plain_sql_inserts_store_what_the_orm_reads_back(count):
    from datetime import datetime, timezone as tz

    from sarhad.common import rawsql

    rows = [AuditEntry(id=1000 + i, at=datetime(2026, 11, 28, 10, i, tzinfo=tz.utc), actor_kind="user",
                       actor_id=str(i), actor_name="Məmmədov", action="view", object_type="person",
                       object_id=f"p{i}", details={"i": i, "ad": "Əli"}, prev_hash=f"{i:064x}",
                       entry_hash=f"{i + 1:064x}") for i in range(count)]
    assert (len(rows) * len(AuditEntry._meta.concrete_fields) > rawsql.CACHED_PARAMS) == (count == 6)
    rawsql.insert(AuditEntry, rows)
    stored = list(AuditEntry.objects.filter(id__gte=1000).order_by("id"))
    fields = [f.attname for f in AuditEntry._meta.concrete_fields]
    assert [[getattr(e, f) for f in fields] for e in stored] == [[getattr(e, f) for f in fields] for e in rows]


def test_plain_sql_insert_unless_taken_skips_a_taken_value_without_an_error():
    """rawsql.insert(unless_taken=...): a clash inserts nothing and raises nothing, so the
    caller's transaction goes on (no savepoint); a free value is inserted."""
    from datetime import datetime, timezone as tz

    from sarhad.common import rawsql

    _entries(1)
    stored = AuditEntry.objects.get()
    clash = AuditEntry(id=stored.id, at=datetime(2026, 11, 28, tzinfo=tz.utc), actor_kind="user", actor_id="x",
                       actor_name="other", action="view", object_type="person", object_id="p", details={},
                       prev_hash="0" * 64, entry_hash="1" * 64)
    with transaction.atomic():
        assert rawsql.insert(AuditEntry, [clash], unless_taken="id") == 0
        assert AuditEntry.objects.count() == 1  # the transaction is still usable
    assert AuditEntry.objects.get().actor_name == stored.actor_name
    clash.id = stored.id + 100
    assert rawsql.insert(AuditEntry, [clash], unless_taken="id") == 1
    assert AuditEntry.objects.get(id=stored.id + 100).actor_name == "other"
