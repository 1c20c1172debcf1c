"""Border API for e-gates and kiosks: check a traveller, record a crossing."""

from __future__ import annotations

from datetime import date

from ninja import Router, Status
from pydantic import BaseModel, Field

from sarhad.api.auth import actor_with_scope

from . import services

router = Router(tags=["border"])

# Plain pydantic models, not ninja's Schema: these routes take e-gates' requests all day,
# and Schema validates every payload through a wrapper meant for reading Django objects.


class CheckIn(BaseModel):
    mrz: str = Field(..., min_length=1, max_length=400, description="2 or 3 MRZ lines separated by newlines")
    post: str = Field(..., min_length=2, max_length=12, description="Border crossing point code, e.g. GYD")
    direction: str = Field("entry", pattern="^(entry|exit)$")
    on: date | None = Field(None, description="Evaluation date (default: today at the post)")


class CrossingIn(BaseModel):
    mrz: str = Field(..., min_length=1, max_length=400)
    post: str = Field(..., min_length=2, max_length=12)
    direction: str = Field(..., pattern="^(entry|exit)$")
    idempotency_key: str | None = Field(
        None, max_length=80, description="Or the Idempotency-Key header: a retry with the same key records once")
    notes: str = Field("", max_length=2000)


class CrossingOut(BaseModel):
    id: str
    direction: str
    post: str
    person_id: str
    local_date: date
    permitted_until: date | None
    overstay_days: int
    entry_id: str | None
    replayed: bool


@router.post("/checks", summary="Check a traveller (parse, identify, screen, stay)")
def create_check(request, payload: CheckIn):
    """The desk check as JSON: the parsed document with its errors, the person if known,
    watchlist hits with explanations, the stay computation, and a recommended decision."""
    actor = actor_with_scope(request, "border:check")
    return services.check(actor, payload.mrz, payload.post, payload.direction, payload.on).as_dict()


@router.post("/crossings", response={200: CrossingOut, 201: CrossingOut}, summary="Record an entry or exit")
def create_crossing(request, payload: CrossingIn):
    actor = actor_with_scope(request, "border:record")
    key = payload.idempotency_key or request.headers.get("Idempotency-Key") or None
    record = services.record_entry if payload.direction == "entry" else services.record_exit
    crossing, created = record(actor, payload.mrz, payload.post, idempotency_key=key, notes=payload.notes)
    return Status(201 if created else 200, {
        "id": str(crossing.pk), "direction": crossing.direction, "post": crossing.post_id,
        "person_id": str(crossing.person_id), "local_date": crossing.local_date,
        "permitted_until": crossing.permitted_until, "overstay_days": crossing.overstay_days,
        "entry_id": str(crossing.entry_id) if crossing.entry_id else None, "replayed": not created,
    })
