"""Watchlists, their versioned entries, screening hits and remembered dismissals.

An entry's identity is its id (a UUID 7); what it says has a ``version`` that goes up on
every change. A hit records the entry version it was found against, and a dismissal is
remembered for one traveller and one entry version: when the entry changes, the old
dismissal no longer applies and the hit comes back for review.

``seq`` on an entry is the value of the global change counter (:class:`WatchlistState`)
when it last changed; a process holding a screening index at counter ``g`` brings it up
to date by reading the entries with ``seq > g`` (see :mod:`sarhad.watchlists.live`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sarhad.common.ids import uuid7
from sarhad.people.models import Person
from sarhad.reference.models import BorderCrossingPoint


class ListKind(models.TextChoices):
    ENTRY_BAN = "entry_ban", _("National entry ban")
    WANTED = "wanted", _("Wanted person")
    LOST_STOLEN = "lost_stolen", _("Lost or stolen documents")
    PUBLIC = "public", _("Imported public list")


class RequiredAction(models.TextChoices):
    """What the officer must do on a confirmed hit (the border desk reads these codes)."""

    REFUSE_ENTRY = "refuse_entry", _("Refuse entry")
    DETAIN_AND_NOTIFY = "detain_and_notify", _("Detain and notify the requesting authority")
    SEIZE_DOCUMENT = "seize_document", _("Seize the document and refer")
    REFER_SECOND_LINE = "refer_second_line", _("Refer to second-line check")
    REPORT_ONLY = "report_only", _("Let pass and report the crossing")


DEFAULT_ACTION_FOR_KIND = {
    ListKind.ENTRY_BAN: RequiredAction.REFUSE_ENTRY,
    ListKind.WANTED: RequiredAction.DETAIN_AND_NOTIFY,
    ListKind.LOST_STOLEN: RequiredAction.SEIZE_DOCUMENT,
    ListKind.PUBLIC: RequiredAction.REFER_SECOND_LINE,
}


class Watchlist(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=ListKind.choices)
    source = models.CharField(_("source"), max_length=200, blank=True,
                              help_text=_("Who keeps the list (an authority, the UN Security Council, ...)"))
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    required_action = models.CharField(_("required action"), max_length=24, choices=RequiredAction.choices,
                                       help_text=_("Default for entries that do not name their own"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WatchlistEntry(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    watchlist = models.ForeignKey(Watchlist, on_delete=models.PROTECT, related_name="entries")
    external_id = models.CharField(_("id at the source"), max_length=120, blank=True,
                                   help_text=_("e.g. the UN reference number; matches rows across imports"))
    names = models.JSONField(_("names"), default=list, help_text=_("Names in any script; the first is shown"))
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    birth_dates = models.JSONField(_("dates of birth"), default=list, blank=True,
                                   help_text=_("YYYY, YYYY-MM, YYYY-MM-DD or a range A..B"))
    nationalities = models.JSONField(_("nationalities"), default=list, blank=True)
    sex = models.CharField(_("sex"), max_length=1, blank=True)
    documents = models.JSONField(_("documents"), default=list, blank=True,
                                 help_text=_("Document numbers, each NUMBER or NUMBER:ISSUING_STATE"))
    required_action = models.CharField(_("required action"), max_length=24, blank=True,
                                       choices=RequiredAction.choices)
    remarks = models.TextField(_("remarks"), blank=True)
    listed_on = models.DateField(_("listed on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    active = models.BooleanField(default=True)
    seq = models.BigIntegerField(default=0, db_index=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["watchlist_id", "external_id", "id"]
        verbose_name_plural = "watchlist entries"
        constraints = [
            models.UniqueConstraint(fields=["watchlist", "external_id"], condition=~models.Q(external_id=""),
                                    name="unique_external_id_per_list"),
        ]

    def __str__(self) -> str:
        return self.primary_name or str(self.id)

    @property
    def primary_name(self) -> str:
        if self.names:
            return self.names[0]
        if self.documents:
            return self.documents[0]
        return ""

    @property
    def effective_action(self) -> str:
        return self.required_action or self.watchlist.required_action


class WatchlistState(models.Model):
    """One row: the change counter of all watchlists.

    ``epoch`` names this database (a fresh random value when the row is first made), so a
    snapshot of another database's index is never taken for this one's.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    epoch = models.CharField(max_length=32)
    generation = models.BigIntegerField(default=0)


class HitStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CONFIRMED = "confirmed", _("Confirmed")
    DISMISSED = "dismissed", _("Dismissed")
    SUPPRESSED = "suppressed", _("Suppressed (dismissed before)")


class HitDismissal(models.Model):
    """A supervisor's finding that one traveller is not the person of one entry version."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    entry = models.ForeignKey(WatchlistEntry, on_delete=models.PROTECT, related_name="dismissals")
    entry_version = models.PositiveIntegerField()
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    traveller_key = models.CharField(max_length=200, db_index=True)
    reason = models.TextField()
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    dismissed_by_name = models.CharField(max_length=150)
    dismissed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-dismissed_at"]
        indexes = [models.Index(fields=["entry", "entry_version"])]


class ScreeningHit(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    entry = models.ForeignKey(WatchlistEntry, on_delete=models.PROTECT, related_name="hits")
    entry_version = models.PositiveIntegerField()
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    traveller_key = models.CharField(max_length=200)  # indexed first in Meta.indexes
    traveller_name = models.CharField(max_length=300)
    traveller_native_name = models.CharField(max_length=300, blank=True)
    traveller_birth_date = models.CharField(max_length=30, blank=True)
    traveller_nationality = models.CharField(max_length=3, blank=True)
    traveller_sex = models.CharField(max_length=1, blank=True)
    traveller_document = models.CharField(max_length=40, blank=True)
    score = models.FloatField()
    band = models.CharField(max_length=10, help_text=_("hit or review, as the screening kernel decided"))
    explanation = models.JSONField(default=dict)
    explanation_text = models.TextField()
    list_name = models.CharField(max_length=120)
    required_action = models.CharField(max_length=24)
    context = models.CharField(max_length=40)
    post = models.ForeignKey(BorderCrossingPoint, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=HitStatus.choices, default=HitStatus.OPEN)
    suppressed_by = models.ForeignKey(HitDismissal, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="suppressed_hits")
    screened_by_name = models.CharField(max_length=150)
    created_at = models.DateTimeField(default=timezone.now)
    seen_count = models.PositiveIntegerField(default=1, help_text=_("Screenings that found this open hit again"))
    last_seen_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_by_name = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "post"]),
            models.Index(fields=["traveller_key", "entry", "entry_version"]),
        ]

    def __str__(self) -> str:
        return f"{self.traveller_name} ~ {self.entry_id} v{self.entry_version} ({self.status})"
