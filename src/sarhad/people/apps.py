from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "sarhad.people"
    verbose_name = "People and travel documents"
