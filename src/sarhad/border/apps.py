from django.apps import AppConfig


class BorderConfig(AppConfig):
    name = "sarhad.border"
    verbose_name = "Border crossings"

    def ready(self) -> None:
        from sarhad.common import refcache

        from .models import StayRegime

        refcache.watch(StayRegime)
