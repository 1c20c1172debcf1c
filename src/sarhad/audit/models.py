from django.db import models


class AuditEntry(models.Model):
    """One audited event. Rows are never updated or deleted: database triggers refuse it.

    ``entry_hash`` = SHA-256 over ``prev_hash`` and a canonical serialisation of every
    other column (see ``sarhad.audit.chain``), so changing, removing or reordering any
    row breaks the chain from that row on.
    """

    id = models.BigIntegerField(primary_key=True)  # assigned in chain order by record_event
    at = models.DateTimeField(db_index=True)
    actor_kind = models.CharField(max_length=10)
    actor_id = models.CharField(max_length=40, blank=True)
    actor_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=32, blank=True)
    post = models.CharField(max_length=12, blank=True)
    action = models.CharField(max_length=32)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    ip = models.CharField(max_length=64, blank=True)
    details = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    # Not unique in the database: each hash covers the one before it and the entry's id,
    # and verify_chain recomputes them all. Every index here is written on every
    # audited request (decision 0009).
    entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "audit entries"
        # plain b-trees (a db_index CharField also gets a LIKE index on PostgreSQL)
        indexes = [models.Index(fields=["action"], name="audit_entry_action"),
                   models.Index(fields=["object_id"], name="audit_entry_object_id")]

    def __str__(self) -> str:
        return f"#{self.id} {self.at:%Y-%m-%d %H:%M:%S} {self.actor_name} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """The chain's latest hash, in one row that writers lock to append in order."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)
