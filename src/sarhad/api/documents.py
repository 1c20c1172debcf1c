"""Documents API: parse and validate a machine readable zone (e-gates, other agencies)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from sarhad.api.auth import actor_with_scope
from sarhad.audit.services import record_event
from sarhad import documents

router = Router(tags=["documents"])


class MRZIn(Schema):
    mrz: str = Field(..., min_length=1, max_length=400, description="The 2 or 3 MRZ lines, separated by newlines")
    on: date | None = Field(None, description="Date for the expiry check (default: today)")
    correct: bool = Field(False, description="Try the usual OCR confusions; every correction is reported")


@router.post("/mrz", summary="Parse and validate an MRZ")
def check_mrz(request, payload: MRZIn):
    """Returns the parsed fields, `valid`, and every error and warning with its field,
    line and position. An invalid MRZ is a normal answer (HTTP 200, `valid: false`)."""
    actor = actor_with_scope(request, "documents:check")
    on = payload.on or timezone.localdate()
    result = documents.parse(payload.mrz, on=on, correct=payload.correct).to_dict(on)
    # The document number identifies a person: the check is an audited read.
    record_event(actor, "check", "mrz", result.get("document_number") or "", {"valid": result.get("valid")})
    return result
