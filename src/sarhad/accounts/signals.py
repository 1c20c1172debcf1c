from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .actor import client_ip
from .services import note_failed_login, note_login


@receiver(user_login_failed)
def _failed(sender, credentials, request=None, **kwargs):
    note_failed_login(credentials.get("username", ""), client_ip(request) if request else "")


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    note_login(user, client_ip(request) if request else "")
