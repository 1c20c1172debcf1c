"""Reading border records: each object is checked against the actor's posts and audited."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count
from django.db.models.functions import ExtractHour
from django.utils import timezone

from sarhad.accounts.actor import Actor
from sarhad.audit.services import record_event
from sarhad.common.errors import NotFound, get_or_not_found

from .models import Crossing, Direction, Referral, Refusal


def get_crossing(actor: Actor, crossing_id) -> Crossing:
    actor.require("border.read")
    crossing = get_or_not_found(
        Crossing.objects.select_related("person", "post", "document", "entry"),
        crossing_id, "crossing",
    )
    actor.require_post(crossing.post_id)
    record_event(actor, "view", "crossing", crossing.pk, {"person": str(crossing.person_id)}, post=crossing.post_id)
    return crossing


def _desk_post(actor: Actor, post: str | None) -> str:
    """The post a border user works at: the one asked for if theirs, else their first."""
    post = post or actor.default_post
    if not post:
        raise NotFound("no border crossing point is assigned to you")
    actor.require_post(post)
    return post


def dashboard(actor: Actor, post: str | None = None, day: date | None = None) -> dict:
    """Today's figures for one post: entries, exits, refusals by reason, hits, referrals."""
    actor.require("border.supervise")
    post = _desk_post(actor, post)
    day = day or timezone.localdate()
    crossings = Crossing.objects.filter(post_id=post, local_date=day)
    counts = dict(crossings.values_list("direction").annotate(n=Count("id")).values_list("direction", "n"))
    zone = timezone.get_current_timezone()
    per_hour = {d: [0] * 24 for d in ("entry", "exit")}
    for direction, hour, n in (crossings.annotate(hour=ExtractHour("occurred_at", tzinfo=zone))
                               .values("direction", "hour").annotate(n=Count("id"))
                               .values_list("direction", "hour", "n")):
        per_hour[direction][hour] = n
    refusals = Refusal.objects.filter(post_id=post, local_date=day)
    by_reason = list(refusals.values("reasons__code").annotate(n=Count("id")).order_by("reasons__code")
                     .values_list("reasons__code", "n"))
    from sarhad.watchlists.selectors import open_hits

    hits = open_hits(actor, post)
    referrals = list(Referral.objects.filter(post_id=post, status=Referral.Status.OPEN)
                     .select_related("person").order_by("created_at")[:50])
    recent_refusals = list(refusals.select_related("person").prefetch_related("reasons").order_by("-occurred_at")[:20])
    record_event(actor, "view", "dashboard", post, {"day": day.isoformat()}, post=post)
    return {
        "post": post, "day": day, "entries": counts.get("entry", 0), "exits": counts.get("exit", 0),
        "refusals": refusals.count(), "refusals_by_reason": by_reason, "per_hour": per_hour,
        "hits": hits, "referrals": referrals, "recent_refusals": recent_refusals,
    }


OVERSTAYER_COLUMNS = ["surname", "given_names", "nationality", "entry_date", "post", "permitted_until", "days_over",
                      "person_id"]


def overstayers(actor: Actor, on: date | None = None, *, nationality: str | None = None,
                post: str | None = None, min_days: int = 1, limit: int | None = None) -> list[dict]:
    """People inside the country beyond their permitted stay on ``on``; most days first.

    Open entries (no exit recorded) whose permitted stay ended before ``on``; the
    permitted stay was computed at entry by the stay-rules kernel from the person's whole
    history. Post-scoped users see the people who entered through their posts.
    """
    actor.require("stats.read")
    on = on or timezone.localdate()
    qs = (Crossing.objects.filter(direction=Direction.ENTRY, exit__isnull=True, exit_missing=False,
                                  permitted_until__lt=on - timedelta(days=min_days - 1), local_date__lte=on)
          .select_related("person", "document"))
    if actor.post_codes is not None:
        qs = qs.filter(post_id__in=actor.post_codes)
    if post:
        qs = qs.filter(post_id=post)
    if nationality:
        qs = qs.filter(document__issuing_state_id=nationality.upper())
    rows = []
    for c in qs.order_by("permitted_until", "person_id").iterator(chunk_size=2000):
        rows.append({
            "person_id": str(c.person_id), "surname": c.person.surname, "given_names": c.person.given_names,
            "nationality": c.document.issuing_state_id if c.document else "", "entry_date": c.local_date,
            "post": c.post_id, "permitted_until": c.permitted_until, "days_over": (on - c.permitted_until).days,
        })
        if limit and len(rows) >= limit:
            break
    record_event(actor, "search", "overstayers", None,
                 {"on": on.isoformat(), "nationality": nationality or "", "post": post or "", "results": len(rows)})
    return rows


def get_refusal(actor: Actor, refusal_id) -> Refusal:
    actor.require("border.read")
    refusal = get_or_not_found(Refusal.objects.select_related("person", "post", "document"), refusal_id, "refusal")
    actor.require_post(refusal.post_id)
    record_event(actor, "view", "refusal", refusal.pk, {"person": str(refusal.person_id)}, post=refusal.post_id)
    return refusal
