"""Django admin pages that show personal data go through the audit log too."""

from __future__ import annotations

from django.contrib import admin

from sarhad.accounts.actor import Actor

from .services import record_event


class AuditedModelAdmin(admin.ModelAdmin):
    """Records every list, view, save and delete made through the admin."""

    def _audit(self, request, action: str, object_id=None, details: dict | None = None) -> None:
        record_event(Actor.from_request(request), action, f"admin:{self.model._meta.model_name}", object_id,
                     details or {})

    def changelist_view(self, request, extra_context=None):
        self._audit(request, "search", None, {"query": request.GET.urlencode()[:500]})
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self._audit(request, "view", object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._audit(request, "update" if change else "create", obj.pk,
                    {"fields": sorted(form.changed_data) if form else []})

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        self._audit(request, "delete", pk)
