from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    """An ISO 3166-1 alpha-3 country or an ICAO 9303 special code (D, XXA, EUE, ...)."""

    code = models.CharField(max_length=3, primary_key=True)
    name = models.CharField(max_length=120)
    icao_special = models.BooleanField(default=False, help_text=_("Not an ISO 3166-1 country"))
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class BorderCrossingPoint(models.Model):
    class Kind(models.TextChoices):
        AIRPORT = "airport", _("International airport")
        LAND = "land", _("Land border (road)")
        RAIL = "rail", _("Land border (rail)")
        SEA = "sea", _("Sea port")

    code = models.CharField(max_length=12, primary_key=True)
    name = models.CharField(max_length=120)
    name_az = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    neighbour = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("Neighbouring country for land and sea posts"),
    )
    region = models.CharField(max_length=80, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "border crossing point"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class RefusalReason(models.Model):
    """Standard refusal-of-entry reasons A–I (Schengen Borders Code Annex V, Part B)."""

    code = models.CharField(max_length=1, primary_key=True)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"


class DocumentType(models.Model):
    """ICAO 9303 document codes (P<, PP, PD, I<, ID, V<, ...) and their meaning."""

    code = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=120)
    category = models.CharField(
        max_length=10,
        choices=[("passport", "Passport"), ("id", "Identity card"), ("visa", "Visa"), ("other", "Other")],
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
