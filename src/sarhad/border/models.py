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
    # person and post: no index of their own, the Meta indexes lead with them (decision 0009)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="crossings", db_index=False)
    document = models.ForeignKey(TravelDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    post = models.ForeignKey(BorderCrossingPoint, on_delete=models.PROTECT, related_name="crossings", db_index=False)
    direction = models.CharField(max_length=5, choices=Direction.choices)
    occurred_at = models.DateTimeField(default=timezone.now)
    local_date = models.DateField()
    permitted_until = models.DateField(null=True, blank=True, help_text=_("Last day of permitted stay (entries)"))
    entry = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="exit",
        help_text=_("For an exit: the entry it closes"),
    )
    overstay_days = models.PositiveIntegerField(default=0)
    exit_missing = models.BooleanField(
        default=False, help_text=_("An entry followed by another entry: the exit was not recorded"),
    )
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # unique through Meta.constraints: one index (a unique field also gets a LIKE index on PostgreSQL)
    idempotency_key = models.CharField(max_length=80, null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["person", "occurred_at"]),
            models.Index(fields=["direction", "local_date"]),
            models.Index(fields=["post", "local_date"]),
        ]
        constraints = [models.UniqueConstraint(fields=["idempotency_key"], name="border_crossing_idempotency_key_uniq")]

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


class StayRegime(models.Model):
    """How long a national of a country may stay, and on what authority (data, not code).

    ``nationality`` empty is the default for every nationality not listed. A visa or a
    residence permit the person holds overrides the regime.
    """

    class Kind(models.TextChoices):
        CITIZEN = "citizen", _("Citizen (no stay limit)")
        VISA_FREE = "visa_free", _("Visa-free")
        EVISA = "evisa", _("E-visa eligible")
        VISA_REQUIRED = "visa_required", _("Visa required")

    nationality = models.OneToOneField(
        "reference.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    limit_days = models.PositiveSmallIntegerField(default=90, help_text=_("N days ..."))
    window_days = models.PositiveSmallIntegerField(default=180, help_text=_("... in any M-day window"))
    per_entry_days = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Longest stay per entry"))
    source = models.CharField(max_length=300, blank=True, help_text=_("Legal source of the rule"))

    class Meta:
        ordering = ["nationality_id"]

    def __str__(self) -> str:
        return f"{self.nationality_id or 'default'}: {self.get_kind_display()}"


class Visa(models.Model):
    class Kind(models.TextChoices):
        EVISA = "evisa", _("E-visa (ASAN Visa)")
        VISA = "visa", _("Visa")

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="visas")
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.EVISA)
    number = models.CharField(max_length=20)
    valid_from = models.DateField()
    valid_until = models.DateField()
    duration_days = models.PositiveSmallIntegerField(help_text=_("Days of stay the visa allows"))
    entries = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Empty: multiple entries"))

    class Meta:
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number} {self.valid_from}..{self.valid_until}"


class ResidencePermit(models.Model):
    class Kind(models.TextChoices):
        TEMPORARY = "temporary", _("Temporary residence permit")
        PERMANENT = "permanent", _("Permanent residence permit")

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="permits")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    number = models.CharField(max_length=20)
    valid_from = models.DateField()
    valid_until = models.DateField()

    class Meta:
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number} {self.valid_from}..{self.valid_until}"


class Referral(models.Model):
    """A traveller sent to second-line control; a supervisor decides."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting")
        ADMITTED = "admitted", _("Admitted")
        REFUSED = "refused", _("Refused")

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals")
    document = models.ForeignKey(TravelDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    post = models.ForeignKey(BorderCrossingPoint, on_delete=models.PROTECT, related_name="referrals")
    direction = models.CharField(max_length=5, choices=Direction.choices)
    mrz = models.TextField()
    reason = models.TextField(blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_notes = models.TextField(blank=True)
    crossing = models.OneToOneField(Crossing, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    refusal = models.OneToOneField(Refusal, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["post", "status"])]

