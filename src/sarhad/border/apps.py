from django.apps import AppConfig


class BorderConfig(AppConfig):
    name = "sarhad.border"
    verbose_name = "Border crossings"
