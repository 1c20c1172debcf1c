from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "sarhad.reference"
    verbose_name = "Reference data"
