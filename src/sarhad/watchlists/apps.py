from django.apps import AppConfig


class WatchlistsConfig(AppConfig):
    name = "sarhad.watchlists"
    verbose_name = "Watchlists and screening"
