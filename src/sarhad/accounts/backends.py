"""Authentication with lockout after repeated failed logins."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend


class LockoutModelBackend(ModelBackend):
    """Django's username/password check, refusing accounts that are locked out.

    A locked account is refused even with the right password until the lockout ends, so
    guessing cannot continue by waiting for a lucky hit. Failures are counted in
    ``sarhad.accounts.signals``.
    """

    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and not user.is_locked()
