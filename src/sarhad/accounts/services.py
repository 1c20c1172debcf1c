"""State changes for accounts: login bookkeeping and API clients."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sarhad.audit.services import record_event
from sarhad.common import refcache
from sarhad.common.errors import ValidationFailed

from .actor import Actor
from .models import ApiClient, User, hash_token
from .roles import API_SCOPES


def note_failed_login(username: str, ip: str = "") -> None:
    """Count a failed login; lock the account after ``LOCKOUT_ATTEMPTS`` in a row."""
    with transaction.atomic():
        user = User.objects.select_for_update().filter(username=username).first()
        details = {"username": username[:150]}
        if user:
            user.failed_logins += 1
            if user.failed_logins >= settings.LOCKOUT_ATTEMPTS:
                user.locked_until = timezone.now() + timedelta(minutes=settings.LOCKOUT_MINUTES)
                user.failed_logins = 0
                details["locked_until"] = user.locked_until.isoformat()
            user.save(update_fields=["failed_logins", "locked_until"])
        record_event(Actor("user", user.pk if user else None, username[:150], ip=ip), "login_failed",
                     "user", user.pk if user else None, details)


def note_login(user: User, ip: str = "") -> None:
    if user.failed_logins or user.locked_until:
        User.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
    record_event(Actor.for_user(user, ip), "login", "user", user.pk, {})


@transaction.atomic
def create_api_client(actor: Actor, name: str, scopes: list[str], post_codes: list[str] = (),
                      agency: str = "") -> tuple[ApiClient, str]:
    """Create a client and return it with its token. The token is shown once, never stored."""
    unknown = sorted(set(scopes) - set(API_SCOPES))
    if unknown:
        raise ValidationFailed.on("scopes", f"unknown scope(s) {', '.join(unknown)}; known: {', '.join(API_SCOPES)}")
    if not name.strip():
        raise ValidationFailed.on("name", "must not be empty")
    if ApiClient.objects.filter(name=name).exists():
        raise ValidationFailed.on("name", f"a client named {name!r} already exists")
    prefix = secrets.token_hex(4)
    token = f"sarhad_{prefix}_{secrets.token_urlsafe(32)}"
    client = ApiClient.objects.create(
        name=name, agency=agency, token_prefix=prefix, token_hash=hash_token(token), scopes=sorted(set(scopes)),
    )
    if post_codes:
        from sarhad.reference.models import BorderCrossingPoint

        posts = list(BorderCrossingPoint.objects.filter(code__in=post_codes))
        missing = sorted(set(post_codes) - {p.code for p in posts})
        if missing:
            raise ValidationFailed.on("posts", f"unknown border crossing point(s) {', '.join(missing)}")
        client.posts.set(posts)
    record_event(actor, "create", "api_client", client.pk, {"name": name, "scopes": client.scopes,
                                                             "posts": sorted(post_codes)})
    return client, token


#: When this process last wrote a client's ``last_used_at`` (client id -> time).
_last_noted: dict[int, datetime] = {}


def _active_client_actor(digest: str) -> Actor | None:
    client = ApiClient.objects.filter(token_hash=digest, active=True).first()
    return Actor.for_client(client) if client else None


def authenticate_token(token: str, ip: str = "") -> Actor | None:
    """The actor of the active client holding ``token``, or None.

    A known token's client (scopes, posts) is kept in the reference cache, so a client
    deactivated or changed in another process is seen within the cache's lifetime
    (``SARHAD_REFERENCE_CACHE_SECONDS``); an unknown token is looked up every time.
    """
    digest = hash_token(token)
    # An unknown token is not kept: a client created a moment later must work at once.
    actor = refcache.get(f"client:{digest}", lambda: _active_client_actor(digest), keep_none=False)
    if actor is None:
        return None
    # At most once a minute per process: an e-gate calls many times a second, and every
    # call updating the same row would queue the client's concurrent requests on its lock.
    now = timezone.now()
    last = _last_noted.get(actor.id)
    if last is None or now - last > timedelta(seconds=60):
        _last_noted[actor.id] = now
        ApiClient.objects.filter(pk=actor.id).update(last_used_at=now)
    return replace(actor, ip=ip) if ip else actor
