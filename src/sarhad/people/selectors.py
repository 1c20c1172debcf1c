"""Reading the person registry: every read is checked against the actor's scope and audited."""

from __future__ import annotations

from django.db.models import Q

from sarhad.accounts.actor import Actor
from sarhad.audit.services import record_event
from sarhad.common.errors import Forbidden, ValidationFailed, get_or_not_found

from .models import Person, TravelDocument


def visible_people(actor: Actor):
    """People an actor may see: all for central roles; for post-scoped roles, those
    registered at or crossing through one of their posts."""
    actor.require("person.read")
    qs = Person.objects.all()
    if actor.post_codes is not None:
        qs = qs.filter(
            Q(registered_post_id__in=actor.post_codes) | Q(crossings__post_id__in=actor.post_codes)
        ).distinct()
    return qs


def _get_visible_person(actor: Actor, person_id, lock: bool = False) -> Person:
    person = get_or_not_found(Person.objects, person_id, "person")
    if not visible_people(actor).filter(pk=person.pk).exists():
        raise Forbidden(f"{actor.name} may not see person {person_id} (outside their posts)", code="forbidden_post")
    if lock:
        person = Person.objects.select_for_update().get(pk=person.pk)
    return person


def get_person(actor: Actor, person_id) -> Person:
    """One person with documents and nationalities; audited as a view."""
    person = _get_visible_person(actor, person_id)
    record_event(actor, "view", "person", person.pk, {})
    return person


def search_people(actor: Actor, query: str, limit: int = 50) -> list[Person]:
    """Find people by name (Latin or original script) or document number; audited."""
    query = (query or "").strip()
    if len(query) < 2:
        raise ValidationFailed.on("q", "type at least 2 characters")
    qs = visible_people(actor).filter(
        Q(surname__icontains=query) | Q(given_names__icontains=query)
        | Q(surname_native__icontains=query) | Q(given_names_native__icontains=query)
        | Q(documents__number=query.upper())
    ).distinct().prefetch_related("nationalities")[:limit]
    people = list(qs)
    record_event(actor, "search", "person", None, {"query": query, "results": len(people)})
    return people


def documents_of(person: Person) -> list[TravelDocument]:
    return list(person.documents.select_related("issuing_state").all())
