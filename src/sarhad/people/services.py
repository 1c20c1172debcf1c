"""Every change to the person registry: validated, written and audited in one transaction."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, connections, transaction

from sarhad.accounts.actor import Actor
from sarhad.audit.services import record_event
from sarhad.common import rawsql, refcache
from sarhad.common.errors import ValidationFailed
from sarhad.reference.models import Country

from .models import Person, Sex, TravelDocument


@dataclass(frozen=True)
class PersonData:
    surname: str
    given_names: str = ""
    surname_native: str = ""
    given_names_native: str = ""
    patronymic: str = ""
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    sex: str = "X"
    nationalities: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DocumentData:
    document_code: str
    number: str
    issuing_state: str
    issue_date: date | None = None
    expiry_date: date | None = None


def _validate_person(data: PersonData) -> None:
    if not data.surname.strip() and not data.surname_native.strip():
        raise ValidationFailed.on("surname", "a surname (Latin or original script) is required")
    if data.sex not in Sex.values:
        raise ValidationFailed.on("sex", f"must be one of F, M, X; found {data.sex!r}")
    y, m, d = data.birth_year, data.birth_month, data.birth_day
    if y is not None and not 1880 <= y <= date.today().year:
        raise ValidationFailed.on("birth_year", f"{y} is outside 1880..{date.today().year}")
    if m is not None:
        if y is None:
            raise ValidationFailed.on("birth_month", "a month needs a year")
        if not 1 <= m <= 12:
            raise ValidationFailed.on("birth_month", f"{m} is not a month (1..12)")
    if d is not None:
        if m is None:
            raise ValidationFailed.on("birth_day", "a day needs a month")
        last = calendar.monthrange(y, m)[1]
        if not 1 <= d <= last:
            raise ValidationFailed.on("birth_day", f"{d} is not a day of {y:04d}-{m:02d} (1..{last})")
    _countries("nationalities", data.nationalities)


def _known_country_codes() -> frozenset[str]:
    return refcache.get("country-codes", lambda: frozenset(Country.objects.values_list("code", flat=True)))


def _countries(field_name: str, codes) -> list[str]:
    """The codes, upper-cased, each checked against the country table."""
    codes = [c.upper() for c in codes]
    known = _known_country_codes()
    for i, code in enumerate(codes):
        if code not in known and not Country.objects.filter(code=code).exists():
            raise ValidationFailed.on(field_name, f"unknown country code {code!r} at position {i + 1}")
    return codes


def _validate_document(data: DocumentData) -> None:
    number = data.number.strip().upper()
    if not number or len(number) > 20 or not number.isalnum():
        raise ValidationFailed.on("number", f"must be 1-20 letters or digits; found {data.number!r}")
    if not data.document_code or len(data.document_code) > 2:
        raise ValidationFailed.on("document_code", f"must be an ICAO code of 1-2 characters; found {data.document_code!r}")
    _countries("issuing_state", [data.issuing_state])
    if data.issue_date and data.expiry_date and data.issue_date > data.expiry_date:
        raise ValidationFailed.on("expiry_date", "is before the issue date")


_DOCUMENT_READ = ("id", "document_code", "issue_date", "expiry_date")


def holder_part(issuing_state: str, number: str) -> rawsql.Part:
    """The read of :func:`document_holder` as a part of a combined statement
    (:func:`sarhad.common.rawsql.read_parts`): the person's columns, then the document's."""
    person = tuple(f.column for f in Person._meta.concrete_fields)
    return rawsql.Part(
        "h", (*(f"p.{c}" for c in person), *(f"d.{c}" for c in _DOCUMENT_READ)),
        f"FROM {rawsql.table(Person)} p JOIN {rawsql.table(TravelDocument)} d ON d.person_id = p.id"
        " WHERE d.issuing_state_id = %s AND d.number = %s", (issuing_state, number),
        types=rawsql.column_types(Person, person) + rawsql.column_types(TravelDocument, _DOCUMENT_READ))


def holder_id_sql(issuing_state: str, number: str) -> tuple[str, list]:
    """A subquery giving the id of the document's holder, and its parameters."""
    return (f"(SELECT person_id FROM {rawsql.table(TravelDocument)} WHERE issuing_state_id = %s AND number = %s)",
            [issuing_state, number])


def holder_from(rows: list[tuple], issuing_state: str, number: str
                ) -> tuple[Person | None, TravelDocument | None]:
    """The holder and document from the rows of :func:`holder_part` (one or none)."""
    if not rows:
        return None, None
    row = rows[0]
    fields = Person._meta.concrete_fields
    person = rawsql.instance(Person, {f.attname: value for f, value in zip(fields, row)})
    doc = rawsql.instance(TravelDocument, dict(zip(_DOCUMENT_READ, row[len(fields):])),
                          {"person_id": person.pk, "number": number, "issuing_state_id": issuing_state})
    doc.person = person
    return person, doc


def document_holder(issuing_state: str, number: str, *, lock: bool = False
                    ) -> tuple[Person | None, TravelDocument | None]:
    """The registered document (issuer + number) and its holder, or ``(None, None)``.

    One plain query (every desk check and record asks; decision 0006). The caller audits
    its own read. The document comes without ``created_at`` (read if asked for). With
    ``lock``, the holder's row is locked until the transaction ends (where the database
    locks rows; SQLite's write transactions hold the whole database).
    """
    connection = connections[Person.objects.db]
    part = holder_part(issuing_state, number)
    sql = part.sql
    if lock and connection.features.has_select_for_update_of:
        sql += " FOR UPDATE OF p"
    with connection.cursor() as cursor:
        cursor.execute(sql, part.params)
        return holder_from(cursor.fetchall(), issuing_state, number)


def _person_snapshot(person: Person) -> dict:
    return {
        "surname": person.surname, "given_names": person.given_names,
        "surname_native": person.surname_native, "given_names_native": person.given_names_native,
        "patronymic": person.patronymic, "birth": person.birth_date_display, "sex": person.sex,
    }


@transaction.atomic
def register_person(actor: Actor, data: PersonData, post: str | None = None, *,
                    permission: str = "person.write") -> Person:
    """Create a person. ``permission`` names what authorises the write: ``person.write``,
    or the workflow that registers people as a side effect (``border.record``)."""
    actor.require(permission)
    _validate_person(data)
    person = Person.objects.create(
        surname=data.surname.strip(), given_names=data.given_names.strip(),
        surname_native=data.surname_native.strip(), given_names_native=data.given_names_native.strip(),
        patronymic=data.patronymic.strip(), birth_year=data.birth_year, birth_month=data.birth_month,
        birth_day=data.birth_day, sex=data.sex, registered_post_id=post,
    )
    if data.nationalities:
        person.nationalities.add(*_countries("nationalities", data.nationalities))
    record_event(actor, "create", "person", person.pk, _person_snapshot(person), post=post)
    return person


@transaction.atomic
def update_person(actor: Actor, person_id, **changes) -> Person:
    from .selectors import _get_visible_person

    actor.require("person.write")
    person = _get_visible_person(actor, person_id, lock=True)
    before = _person_snapshot(person)
    nationalities = changes.pop("nationalities", None)
    allowed = set(PersonData.__dataclass_fields__) - {"nationalities"}
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationFailed.on(unknown[0], "is not a field of a person")
    current = {f: getattr(person, f) for f in allowed}
    current.update(changes)
    _validate_person(PersonData(**current, nationalities=tuple(nationalities or ())))
    for key, value in changes.items():
        setattr(person, key, value.strip() if isinstance(value, str) else value)
    person.save()
    if nationalities is not None:
        person.nationalities.set(_countries("nationalities", nationalities))
    after = _person_snapshot(person)
    record_event(actor, "update", "person", person.pk,
                 {"changed": {k: [before[k], after[k]] for k in after if before[k] != after[k]}})
    return person


@transaction.atomic
def register_document(actor: Actor, person: Person, data: DocumentData, *,
                      permission: str = "person.write") -> tuple[TravelDocument, bool]:
    """Link a travel document to a person. The same document (issuer + number) registered
    again returns the existing record: it never creates a second person or document."""
    actor.require(permission)
    _validate_document(data)
    number = data.number.strip().upper()
    existing = TravelDocument.objects.filter(issuing_state_id=data.issuing_state.upper(), number=number).first()
    if existing:
        return existing, False
    return _create_document(actor, person, data, number)


def _create_document(actor: Actor, person: Person, data: DocumentData, number: str) -> tuple[TravelDocument, bool]:
    """Insert a validated document not found a moment ago (a concurrent request may have)."""
    try:
        with transaction.atomic():
            doc = TravelDocument.objects.create(
                person=person, document_code=data.document_code, number=number,
                issuing_state_id=data.issuing_state.upper(), issue_date=data.issue_date,
                expiry_date=data.expiry_date,
            )
    except IntegrityError:  # registered by a concurrent request a moment ago
        return TravelDocument.objects.get(issuing_state_id=data.issuing_state.upper(), number=number), False
    record_event(actor, "create", "travel_document", doc.pk,
                 {"person": str(person.pk), "document": str(doc)})
    return doc, True


def register_traveller(actor: Actor, person_data: PersonData, doc_data: DocumentData,
                       post: str | None = None, *, permission: str = "person.write", lock: bool = False,
                       ) -> tuple[Person, TravelDocument, bool]:
    """The person holding this document: the registered one, or a new record.

    Returns ``(person, document, created)``; registering the same document twice returns
    the first person. With ``lock`` (inside a transaction), a registered holder's row is
    locked until it ends (see :func:`document_holder`).
    """
    actor.require(permission)
    _validate_document(doc_data)
    number = doc_data.number.strip().upper()
    person, doc = document_holder(doc_data.issuing_state.upper(), number, lock=lock)
    if doc:
        return person, doc, False
    # Person and document together or not at all; the read above needs no savepoint (a
    # known traveller, most of them at the desk, costs no extra round trips).
    with transaction.atomic():
        person = register_person(actor, person_data, post=post, permission=permission)
        doc, _ = _create_document(actor, person, doc_data, number)
    return doc.person, doc, doc.person_id == person.pk
