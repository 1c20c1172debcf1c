from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin

from .actor import Actor
from .models import ApiClient, User
from .services import create_api_client


@admin.register(User)
class SarhadUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "is_active", "locked_until")
    list_filter = ("role", "is_active", "posts")
    fieldsets = UserAdmin.fieldsets + (("Sarhad", {"fields": ("role", "posts", "agency", "failed_logins", "locked_until")}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Sarhad", {"fields": ("role", "posts")}),)
    filter_horizontal = ("groups", "user_permissions", "posts")


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "token_prefix", "scopes", "active", "last_used_at")
    list_filter = ("active",)
    readonly_fields = ("token_prefix", "token_hash", "created_at", "last_used_at")
    filter_horizontal = ("posts",)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        # New clients get their token from the service, shown once to the administrator.
        client, token = create_api_client(Actor.from_request(request), obj.name, obj.scopes or [], agency=obj.agency)
        obj.pk = client.pk
        obj.token_prefix, obj.token_hash = client.token_prefix, client.token_hash
        messages.warning(request, f"Token for {client.name} (copy it now, it is not shown again): {token}")
