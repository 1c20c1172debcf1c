"""People API: register and read persons and their travel documents."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from ninja import Router, Schema, Status
from pydantic import Field

from sarhad.api.auth import actor_with_scope

from . import selectors, services

router = Router(tags=["people"])


class DocumentIn(Schema):
    document_code: str = Field(..., min_length=1, max_length=2, examples=["P<"])
    number: str = Field(..., min_length=1, max_length=20)
    issuing_state: str = Field(..., min_length=1, max_length=3)
    issue_date: date | None = None
    expiry_date: date | None = None


class PersonIn(Schema):
    surname: str = Field("", max_length=120)
    given_names: str = Field("", max_length=160)
    surname_native: str = Field("", max_length=120)
    given_names_native: str = Field("", max_length=160)
    patronymic: str = Field("", max_length=120)
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    sex: str = Field("X", max_length=1)
    nationalities: list[str] = []
    document: DocumentIn | None = None


class DocumentOut(Schema):
    id: UUID
    document_code: str
    number: str
    issuing_state: str
    issue_date: date | None
    expiry_date: date | None


class PersonOut(Schema):
    id: UUID
    surname: str
    given_names: str
    surname_native: str
    given_names_native: str
    patronymic: str
    birth_date: str
    sex: str
    nationalities: list[str]
    documents: list[DocumentOut]
    created: bool = False


def _out(person, created: bool = False) -> dict:
    return {
        "id": person.id, "surname": person.surname, "given_names": person.given_names,
        "surname_native": person.surname_native, "given_names_native": person.given_names_native,
        "patronymic": person.patronymic, "birth_date": person.birth_date_display, "sex": person.sex,
        "nationalities": [c.code for c in person.nationalities.all()],
        "documents": [
            {"id": d.id, "document_code": d.document_code, "number": d.number,
             "issuing_state": d.issuing_state_id, "issue_date": d.issue_date, "expiry_date": d.expiry_date}
            for d in person.documents.all()
        ],
        "created": created,
    }


@router.post("", response={200: PersonOut, 201: PersonOut}, summary="Register a person (and document)")
def register(request, payload: PersonIn):
    """Register a person, optionally with a travel document. If the document is already
    registered, the existing person is returned (HTTP 200) and nothing is created."""
    actor = actor_with_scope(request, "people:write")
    data = payload.model_dump()
    doc = data.pop("document")
    person_data = services.PersonData(**{**data, "nationalities": tuple(data["nationalities"])})
    if doc:
        person, _, created = services.register_traveller(actor, person_data, services.DocumentData(**doc))
    else:
        person, created = services.register_person(actor, person_data), True
    return Status(201 if created else 200, _out(person, created))


@router.get("/{person_id}", response=PersonOut, summary="Read one person")
def read(request, person_id: str):
    actor = actor_with_scope(request, "people:read")
    return _out(selectors.get_person(actor, person_id))


@router.get("", response=list[PersonOut], summary="Search people by name or document number")
def search(request, q: str):
    actor = actor_with_scope(request, "people:read")
    return [_out(p) for p in selectors.search_people(actor, q)]
