from django.apps import AppConfig


class WatchlistsConfig(AppConfig):
    name = "sarhad.watchlists"
    verbose_name = "Watchlists and screening"

    def ready(self) -> None:
        from sarhad.common import refcache

        from .models import Watchlist

        refcache.watch(Watchlist)
