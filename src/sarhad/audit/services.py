"""Appending to and verifying the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from . import chain
from .models import AuditEntry, AuditHead


def record_event(actor, action: str, object_type: str = "", object_id=None, details: dict | None = None,
                 post: str | None = None) -> AuditEntry:
    """Append one entry, linked to the previous one, inside the caller's transaction.

    Writers serialise on the single ``AuditHead`` row (``SELECT ... FOR UPDATE`` on
    PostgreSQL; SQLite transactions take the write lock at BEGIN), so entries are chained
    in exactly the order they commit.
    """
    # No savepoint inside the caller's transaction: nothing here is retried on error, and
    # the savepoint's two round trips would lengthen the time the chain's head is locked.
    with transaction.atomic(savepoint=False):
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditHead.objects.create(pk=1, last_id=0, last_hash=chain.GENESIS)
        if post is None:
            post = actor.default_post or ""
        values = {
            "id": head.last_id + 1,
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
        digest = chain.link(head.last_hash, values)
        entry = AuditEntry.objects.create(prev_hash=head.last_hash, entry_hash=digest, **values)
        AuditHead.objects.filter(pk=1).update(last_id=entry.id, last_hash=digest)
        return entry


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
