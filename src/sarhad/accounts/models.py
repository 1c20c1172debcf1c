from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sarhad.reference.models import BorderCrossingPoint

from .roles import POST_SCOPED_ROLES, Role


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.ANALYST)
    posts = models.ManyToManyField(
        BorderCrossingPoint, blank=True, related_name="staff",
        help_text=_("Border crossing points this user works at (border roles only see these)"),
    )
    agency = models.CharField(max_length=120, blank=True)
    failed_logins = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    @property
    def is_post_scoped(self) -> bool:
        return self.role in POST_SCOPED_ROLES

    def is_locked(self, now=None) -> bool:
        return bool(self.locked_until and self.locked_until > (now or timezone.now()))


def hash_token(token: str) -> str:
    """Tokens carry 256 bits of randomness, so one SHA-256 is the right hash (not a KDF)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiClient(models.Model):
    """A machine client: an e-gate, a kiosk, another ministry, a partner state's authority."""

    name = models.CharField(max_length=120, unique=True)
    agency = models.CharField(max_length=120, blank=True)
    token_prefix = models.CharField(max_length=16, unique=True, help_text=_("Public part, shown in logs"))
    token_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)
    posts = models.ManyToManyField(
        BorderCrossingPoint, blank=True, related_name="api_clients",
        help_text=_("Posts this client acts for (e-gates, kiosks); empty = not post-bound"),
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
