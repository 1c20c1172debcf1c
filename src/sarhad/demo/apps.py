from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "sarhad.demo"
    verbose_name = "Demo data"
