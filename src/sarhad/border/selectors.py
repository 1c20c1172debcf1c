"""Reading border records: each object is checked against the actor's posts and audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError

from sarhad.accounts.actor import Actor
from sarhad.audit.services import record_event
from sarhad.common.errors import NotFound

from .models import Crossing


def get_crossing(actor: Actor, crossing_id) -> Crossing:
    actor.require("border.read")
    try:
        crossing = Crossing.objects.select_related("person", "post", "document", "entry").get(pk=crossing_id)
    except (Crossing.DoesNotExist, ValueError, DjangoValidationError):
        raise NotFound(f"no crossing {crossing_id}") from None
    actor.require_post(crossing.post_id)
    record_event(actor, "view", "crossing", crossing.pk, {"person": str(crossing.person_id)}, post=crossing.post_id)
    return crossing
