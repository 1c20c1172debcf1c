from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sarhad.audit"
    verbose_name = "Audit log"
