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
    action = models.CharField(max_length=32, db_index=True)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    ip = models.CharField(max_length=64, blank=True)
    details = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"#{self.id} {self.at:%Y-%m-%d %H:%M:%S} {self.actor_name} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    """The chain's latest hash, in one row that writers lock to append in order."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)
