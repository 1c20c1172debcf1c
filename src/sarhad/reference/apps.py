from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "sarhad.reference"
    verbose_name = "Reference data"

    def ready(self) -> None:
        from sarhad.common import refcache

        from .models import BorderCrossingPoint, Country

        refcache.watch(Country, BorderCrossingPoint)
