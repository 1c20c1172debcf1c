"""Screening API: ``POST /api/v1/screening/check`` for e-gates, kiosks and partner systems."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Router, Schema
from pydantic import Field

from sarhad.api.auth import actor_with_scope

from . import services

router = Router(tags=["screening"])


class CheckIn(Schema):
    surname: str = Field("", max_length=200, examples=["MAMMADOV"])
    given_names: str = Field("", max_length=200, examples=["ALI"])
    native_name: str = Field("", max_length=200, description="The name in its original script, if known")
    birth_date: str | None = Field(None, max_length=30, description="YYYY, YYYY-MM or YYYY-MM-DD",
                                   examples=["1980-05-02"])
    nationality: str | None = Field(None, max_length=3, examples=["AZE"])
    sex: str | None = Field(None, max_length=1, examples=["M"])
    document_number: str | None = Field(None, max_length=30)
    issuing_state: str | None = Field(None, max_length=3)
    post: str | None = Field(None, max_length=12, description="Border crossing point code, for post-bound clients")
    record: bool = Field(True, description="Store the hits for review by a supervisor")


class HitOut(Schema):
    id: UUID | None
    entry_id: UUID
    entry_version: int
    score: float
    band: str
    status: str
    list: str
    list_kind: str
    required_action: str
    matched_name: str | None
    entry_names: list[str]
    explanation: str
    details: dict


class CheckOut(Schema):
    hits: list[HitOut]
    entries_screened: int
    checked_on: date


@router.post("/check", response=CheckOut, summary="Screen a traveller against the watchlists")
def check(request, payload: CheckIn):
    """Every hit comes with its score, the list and the required action, and an
    explanation of why it matched (name parts, date of birth, nationality, sex,
    document). A hit dismissed before for the same traveller and entry version has the
    status ``suppressed``. Invalid input: HTTP 422 naming the field."""
    actor = actor_with_scope(request, "screening:check")
    data = payload.dict()
    outcome = services.screen(actor, context="api_check", **data)
    return {
        "hits": [{
            "id": h.id, "entry_id": h.entry_id, "entry_version": h.entry_version, "score": h.score, "band": h.band,
            "status": h.status, "list": h.list_name, "list_kind": h.list_kind, "required_action": h.required_action,
            "matched_name": h.matched_name, "entry_names": list(h.entry_names), "explanation": h.explanation_text,
            "details": h.explanation,
        } for h in outcome.hits],
        "entries_screened": outcome.entries_screened,
        "checked_on": date.today(),
    }
