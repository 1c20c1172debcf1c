"""Helpers for views: turn service errors into the right HTTP answer."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404

from sarhad.accounts.actor import Actor
from sarhad.common.errors import Forbidden, NotFound


def with_actor(view):
    """Pass the signed-in user's :class:`Actor`; map Forbidden/NotFound to 403/404 pages."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, Actor.from_request(request), *args, **kwargs)
        except Forbidden as exc:
            raise PermissionDenied(exc.message) from exc
        except NotFound as exc:
            raise Http404(exc.message) from exc

    return wrapper
