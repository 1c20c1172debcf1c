from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sarhad.accounts"
    verbose_name = "Accounts and access"

    def ready(self) -> None:
        from sarhad.common import refcache

        from . import signals  # noqa: F401  (login audit and lockout counting)
        from .models import ApiClient

        refcache.watch(ApiClient)
