from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sarhad.common.ids import uuid7
from sarhad.reference.models import BorderCrossingPoint, Country


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    UNSPECIFIED = "X", _("Unspecified")


class Person(models.Model):
    """A person known to the service. Names are kept as written in the original script
    and in their Latin (passport) form; the date of birth may be partial."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    surname = models.CharField(_("surname (Latin)"), max_length=120, db_index=True)
    given_names = models.CharField(_("given names (Latin)"), max_length=160, blank=True)
    surname_native = models.CharField(_("surname (original script)"), max_length=120, blank=True)
    given_names_native = models.CharField(_("given names (original script)"), max_length=160, blank=True)
    patronymic = models.CharField(max_length=120, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNSPECIFIED)
    nationalities = models.ManyToManyField(Country, blank=True, related_name="+")
    registered_post = models.ForeignKey(
        BorderCrossingPoint, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("The post where this record was first created, if any"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["surname", "given_names"]
        indexes = [models.Index(fields=["birth_year", "surname"])]

    def __str__(self) -> str:
        return f"{self.surname}, {self.given_names}".strip(", ")

    @property
    def birth_date_display(self) -> str:
        """YYYY-MM-DD with XX for unknown parts, as the visual zone shows them."""
        if not self.birth_year:
            return "XXXX-XX-XX"
        month = f"{self.birth_month:02d}" if self.birth_month else "XX"
        day = f"{self.birth_day:02d}" if self.birth_day else "XX"
        return f"{self.birth_year:04d}-{month}-{day}"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname) if p)

    @property
    def native_name(self) -> str:
        return " ".join(p for p in (self.given_names_native, self.surname_native) if p)


class TravelDocument(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="documents")
    document_code = models.CharField(max_length=2, help_text=_("ICAO document code, e.g. P<, PP, ID, V<"))
    number = models.CharField(max_length=20)
    issuing_state = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+")
    issue_date = models.DateField(null=True, blank=True)
    expiry_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-expiry_date"]
        constraints = [
            models.UniqueConstraint(fields=["issuing_state", "number"], name="unique_document_per_issuer"),
        ]

    def __str__(self) -> str:
        return f"{self.document_code} {self.issuing_state_id} {self.number}"
