"""Reading watchlists and hits, checked against the actor's role and posts.

Reads that show personal data (entries, hits) are audited; :func:`open_hits` is the
count the post dashboard shows and returns a query set whose rows a page must not
list without going through :func:`review_queue` or :func:`get_hit`.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from sarhad.accounts.actor import Actor
from sarhad.audit.services import record_event
from sarhad.common.errors import Forbidden, get_or_not_found

from .models import HitStatus, ScreeningHit, Watchlist, WatchlistEntry


def _require_review(actor: Actor) -> None:
    if not (actor.can("watchlist.review") or actor.can("border.supervise")):
        actor.require("watchlist.review")


def open_hits(actor: Actor, post_code: str | None = None) -> QuerySet[ScreeningHit]:
    """Open hits of one post (or of every post the actor may see), newest first.

    For counts on dashboards (``open_hits(actor, "GYD").count()``).
    """
    _require_review(actor)
    qs = ScreeningHit.objects.filter(status=HitStatus.OPEN)
    if post_code:
        actor.require_post(post_code)
        return qs.filter(post_id=post_code)
    if actor.post_codes is not None:
        qs = qs.filter(post_id__in=actor.post_codes)
    return qs


def review_queue(actor: Actor, post_code: str | None = None, limit: int = 100) -> list[ScreeningHit]:
    """The open hits a supervisor is to decide on, oldest first (audited)."""
    actor.require("watchlist.review")
    hits = list(open_hits(actor, post_code).select_related("entry", "entry__watchlist", "person", "post")
                .order_by("created_at")[:limit])
    record_event(actor, "view", "screening_hit_queue", None,
                 {"post": post_code or "", "hits": [str(h.pk) for h in hits]}, post=post_code)
    return hits


def get_hit(actor: Actor, hit_id, audit: bool = True) -> ScreeningHit:
    actor.require("watchlist.review")
    hit = get_or_not_found(
        ScreeningHit.objects.select_related("entry", "entry__watchlist", "person", "post"),
        hit_id, "screening hit",
    )
    if not actor.can_see_post(hit.post_id):
        raise Forbidden(f"{actor.name} may not see hits of post {hit.post_id}", code="forbidden_post")
    if audit:
        record_event(actor, "view", "screening_hit", hit.pk, {}, post=hit.post_id or "")
    return hit


def watchlists(actor: Actor) -> list[Watchlist]:
    actor.require("watchlist.manage")
    return list(Watchlist.objects.annotate(
        active_entries=Count("entries", filter=Q(entries__active=True)),
        all_entries=Count("entries"),
    ).order_by("name"))


def get_watchlist(actor: Actor, list_id) -> Watchlist:
    actor.require("watchlist.manage")
    return get_or_not_found(Watchlist.objects, list_id, "watchlist")


def search_entries(actor: Actor, watchlist: Watchlist, query: str = "", *, include_inactive: bool = False,
                   limit: int = 50, offset: int = 0) -> tuple[list[WatchlistEntry], int]:
    """Entries of a list whose names, aliases, documents or id contain ``query``
    (any script, case-insensitive); ``(page, total)``. Audited when a query is given."""
    actor.require("watchlist.manage")
    qs = WatchlistEntry.objects.filter(watchlist=watchlist)
    if not include_inactive:
        qs = qs.filter(active=True)
    query = " ".join((query or "").split())
    if query:
        qs = qs.filter(search_text__contains=query.casefold())
    total = qs.count()
    page = list(qs.order_by("external_id", "id")[offset:offset + limit])
    if query:
        record_event(actor, "search", "watchlist_entry", None,
                     {"list": watchlist.name, "query": query, "results": total})
    return page, total


def get_entry(actor: Actor, entry_id) -> WatchlistEntry:
    actor.require("watchlist.manage")
    entry = get_or_not_found(WatchlistEntry.objects.select_related("watchlist"), entry_id, "watchlist entry")
    record_event(actor, "view", "watchlist_entry", entry.pk, {"list": entry.watchlist.name})
    return entry
