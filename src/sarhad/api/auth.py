"""Bearer-token authentication for API clients, and scope checks."""

from __future__ import annotations

from ninja.security import HttpBearer

from sarhad.accounts.actor import Actor, client_ip
from sarhad.accounts.services import authenticate_token
from sarhad.common.errors import Forbidden


class ClientToken(HttpBearer):
    def authenticate(self, request, token):
        actor = authenticate_token(token, client_ip(request))
        if actor is None:
            return None  # -> 401
        request.actor = actor
        return actor


def actor_with_scope(request, scope: str) -> Actor:
    """The calling client's actor, if it holds ``scope``; otherwise 403."""
    actor: Actor = request.actor
    if scope not in actor.scopes:
        raise Forbidden(f"client {actor.name} lacks the scope {scope!r}", code="missing_scope")
    return actor
