from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sarhad.accounts.models import ApiClient
from sarhad.common.ids import uuid7
from sarhad.people.models import Person, TravelDocument
from sarhad.reference.models import BorderCrossingPoint, RefusalReason


class Direction(models.TextChoices):
    ENTRY = "entry", _("Entry")
    EXIT = "exit", _("Exit")


class Crossing(models.Model):
    """One entry or exit at a border crossing point.

    ``local_date`` is the calendar date at the post (stay rules count calendar days);
    ``occurred_at`` is the instant in UTC. An exit points to the entry it closes.
    """

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="crossings")
    document = models.ForeignKey(TravelDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    post = models.ForeignKey(BorderCrossingPoint, on_delete=models.PROTECT, related_name="crossings")
    direction = models.CharField(max_length=5, choices=Direction.choices)
    occurred_at = models.DateTimeField(default=timezone.now)
    local_date = models.DateField()
    permitted_until = models.DateField(null=True, blank=True, help_text=_("Last day of permitted stay (entries)"))
    entry = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="exit",
        help_text=_("For an exit: the entry it closes"),
    )
    overstay_days = models.PositiveIntegerField(default=0)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=80, null=True, blank=True, unique=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["person", "occurred_at"]),
            models.Index(fields=["post", "local_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.direction} {self.post_id} {self.local_date} {self.person_id}"


class Refusal(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="refusals")
    document = models.ForeignKey(TravelDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    post = models.ForeignKey(BorderCrossingPoint, on_delete=models.PROTECT, related_name="refusals")
    occurred_at = models.DateTimeField(default=timezone.now)
    local_date = models.DateField()
    reasons = models.ManyToManyField(RefusalReason, related_name="+")
    notes = models.TextField(blank=True)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=80, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["post", "local_date"])]
