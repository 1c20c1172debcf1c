from django.contrib import admin

from sarhad.audit.admin_mixins import AuditedModelAdmin

from .models import Crossing, Referral, Refusal, ResidencePermit, StayRegime, Visa


@admin.register(StayRegime)
class StayRegimeAdmin(admin.ModelAdmin):
    list_display = ("nationality", "kind", "limit_days", "window_days", "per_entry_days", "source")
    list_filter = ("kind",)
    search_fields = ("nationality__code", "nationality__name")


@admin.register(Visa)
class VisaAdmin(AuditedModelAdmin):
    list_display = ("number", "kind", "person", "valid_from", "valid_until", "duration_days", "entries")
    raw_id_fields = ("person",)


@admin.register(ResidencePermit)
class ResidencePermitAdmin(AuditedModelAdmin):
    list_display = ("number", "kind", "person", "valid_from", "valid_until")
    raw_id_fields = ("person",)


@admin.register(Crossing)
class CrossingAdmin(AuditedModelAdmin):
    """Read-only: crossings change only through the border services (audited)."""

    list_display = ("local_date", "direction", "post", "person", "permitted_until", "overstay_days", "exit_missing")
    list_filter = ("direction", "post")
    date_hierarchy = "local_date"
    raw_id_fields = ("person", "document", "entry")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Refusal)
class RefusalAdmin(CrossingAdmin):
    list_display = ("local_date", "post", "person")
    list_filter = ("post",)
    raw_id_fields = ("person", "document")


@admin.register(Referral)
class ReferralAdmin(CrossingAdmin):
    list_display = ("created_at", "post", "person", "direction", "status")
    list_filter = ("post", "status")
    date_hierarchy = "created_at"
    raw_id_fields = ("person", "document", "crossing", "refusal")
