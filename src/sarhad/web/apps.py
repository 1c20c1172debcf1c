from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sarhad.web"
    verbose_name = "Web"
