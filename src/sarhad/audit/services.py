"""Appending to and verifying the audit log."""

from __future__ import annotations

import threading
from contextlib import ContextDecorator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from sarhad.common import rawsql

from . import chain
from .models import AuditEntry, AuditHead


_local = threading.local()


class _Pending:
    """An entry waiting for the end of its audited block.

    Registered as a (do-nothing) on-commit callback so that Django forgets it, as it
    forgets every callback, when a savepoint it was recorded under is rolled back: an
    entry never outlives the change it describes.
    """

    __slots__ = ("values",)

    def __init__(self, values: dict):
        self.values = values

    def __call__(self) -> None:
        pass


class _Audited(ContextDecorator):
    def _recreate_cm(self):  # a fresh state for every call of a decorated function
        return type(self)()

    def __enter__(self):
        self.outer = getattr(_local, "pending", None) is None
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        if self.outer:
            _local.pending = []
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.outer:
            pending, _local.pending = _local.pending, None
            if exc_type is None:
                try:
                    alive = {id(f) for _sids, f, _robust in transaction.get_connection().run_on_commit}
                    _append([p.values for p in pending if id(p) in alive])
                except BaseException as error:
                    self.atomic.__exit__(type(error), error, error.__traceback__)
                    raise
        return self.atomic.__exit__(exc_type, exc, tb)


def audited(func=None):
    """A transaction (like ``transaction.atomic``) whose audit entries are appended together
    at its end: ``with audited(): ...`` or ``@audited`` on a function.

    Inside it, :func:`record_event` only queues; when the block ends without an error the
    queued entries are chained and written in one go, still inside the transaction. The
    chain's head row is then locked only for those few statements and the commit, rather
    than from the first entry to the end of the transaction, and a request that records
    several entries locks it once. Nested blocks join the outermost one.
    """
    return _Audited()(func) if func is not None else _Audited()


def record_event(actor, action: str, object_type: str = "", object_id=None, details: dict | None = None,
                 post: str | None = None) -> AuditEntry | None:
    """Append one entry, linked to the previous one, inside the caller's transaction.

    Within an :func:`audited` block the entry is queued and appended when the block ends;
    otherwise it is appended at once and returned. Writers serialise on the single ``AuditHead`` row
    (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite transactions take the write lock at
    BEGIN), so entries are chained in exactly the order they commit.
    """
    if post is None:
        post = actor.default_post or ""
    values = {
        "at": timezone.now(),
        "actor_kind": actor.kind,
        "actor_id": "" if actor.id is None else str(actor.id),
        "actor_name": actor.name[:150],
        "role": actor.role,
        "post": post or "",
        "action": action,
        "object_type": object_type,
        "object_id": "" if object_id is None else str(object_id),
        "ip": actor.ip,
        "details": details or {},
    }
    pending = getattr(_local, "pending", None)
    if pending is not None:
        entry = _Pending(values)
        transaction.on_commit(entry)
        pending.append(entry)
        return None
    return _append([values])[0]


def _append(rows: list[dict]) -> list[AuditEntry]:
    """Chain ``rows`` (entry values without id and hashes) after the head, in order.

    Plain statements (lock and read the head; insert the rows and move the head, in one
    statement on PostgreSQL, in two on SQLite): this runs once per audited request while
    every other writer waits on the head, so it skips the ORM's query building; the
    values are still prepared by the model's own fields.
    """
    if not rows:
        return []
    connection = transaction.get_connection()
    head_table = rawsql.table(AuditHead)
    # No savepoint inside the caller's transaction: nothing here is retried on error, and
    # the savepoint's two round trips would lengthen the time the chain's head is locked.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(f"SELECT last_id, last_hash FROM {head_table} WHERE id = 1{rawsql.for_update(AuditHead)}")
        found = cursor.fetchone()
        if found is None:
            AuditHead.objects.create(pk=1, last_id=0, last_hash=chain.GENESIS)
            found = (0, chain.GENESIS)
        last_id, last_hash = found
        entries = []
        for values in rows:
            last_id += 1
            values = dict(values, id=last_id, prev_hash=last_hash)
            values["entry_hash"] = last_hash = chain.link(values["prev_hash"], values)
            entries.append(AuditEntry(**values))
        move = f"UPDATE {head_table} SET last_id = %s, last_hash = %s WHERE id = 1"
        if connection.vendor == "postgresql":
            # one round trip: a data-changing WITH runs its INSERT whatever the UPDATE does
            insert, row, params = rawsql.insert_values(AuditEntry, entries)
            cursor.execute(f"WITH added AS ({insert}{', '.join([row] * len(entries))}) {move}",
                           [*params, last_id, last_hash])
        else:
            rawsql.insert(AuditEntry, entries)
            cursor.execute(move, [last_id, last_hash])
        return entries


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str = ""


def verify_chain(batch: int = 5000) -> Verification:
    """Recompute every link in id order; report the first entry that does not fit."""
    prev = chain.GENESIS
    expected_id = 1
    checked = 0
    fields = list(chain.FIELDS) + ["prev_hash", "entry_hash"]
    last_id = 0
    while True:
        rows = list(AuditEntry.objects.filter(id__gt=last_id).order_by("id").values(*fields)[:batch])
        if not rows:
            break
        for row in rows:
            if row["id"] != expected_id:
                return Verification(False, checked, row["id"],
                                    f"entry {expected_id} is missing (next entry is {row['id']})")
            if row["prev_hash"] != prev:
                return Verification(False, checked, row["id"], "previous-hash link does not match the entry before it")
            if chain.link(prev, row) != row["entry_hash"]:
                return Verification(False, checked, row["id"], "content does not match its hash (altered)")
            prev = row["entry_hash"]
            expected_id += 1
            checked += 1
            last_id = row["id"]
    head = AuditHead.objects.filter(pk=1).first()
    if head and head.last_hash != prev:
        return Verification(False, checked, head.last_id, "chain head does not match the last entry (entries removed at the end)")
    return Verification(True, checked)
