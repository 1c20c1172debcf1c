"""The border desk's services: check a traveller, then record what the officer decided.

``check`` reads (and audits the read); every other function here is one change of state,
validated, written and audited in one transaction. Pages, the API and the CLI call these;
none of them decides anything on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sarhad import documents
from sarhad.accounts.actor import Actor
from sarhad.audit.services import audited, record_event
from sarhad.common import rawsql, refcache
from sarhad.common.errors import Conflict, ValidationFailed, get_or_not_found
from sarhad.people.models import Person
from sarhad.people.services import (DocumentData, PersonData, holder_from, holder_id_sql, holder_part,
                                    register_traveller)
from sarhad.reference.models import BorderCrossingPoint, RefusalReason
from sarhad.watchlists.live import state_from, state_part

from . import stay
from .models import Crossing, Direction, Referral, Refusal


@dataclass(frozen=True)
class CheckResult:
    """Everything the officer needs on one screen, and a recommended decision."""

    post: str
    direction: str
    on: date
    document: dict
    person: dict | None
    history: list[dict]
    hits: list[dict]
    stay: dict | None
    recommendation: dict
    visas: list[dict] = field(default_factory=list)
    permits: list[dict] = field(default_factory=list)

    @property
    def valid_document(self) -> bool:
        return bool(self.document.get("valid"))

    def as_dict(self) -> dict:
        out = dict(self.__dict__)
        out["on"] = self.on.isoformat()
        return out


# -- helpers ---------------------------------------------------------------------------

def _require_desk(actor: Actor, post: str, permission: str = "border.desk") -> BorderCrossingPoint:
    actor.require(permission)
    actor.require_post(post)
    point = refcache.get(f"post:{post}", lambda: BorderCrossingPoint.objects.filter(code=post, active=True).first())
    if point is None:
        raise ValidationFailed.on("post", f"unknown or inactive border crossing point {post!r}")
    return point


def _direction(direction: str) -> str:
    if direction not in Direction.values:
        raise ValidationFailed.on("direction", f"must be 'entry' or 'exit'; found {direction!r}")
    return direction


def _parse(mrz: str, on: date):
    """Parse a scanned MRZ; a zone with errors cannot be recorded (422 with the errors)."""
    if not mrz or not mrz.strip():
        raise ValidationFailed.on("mrz", "no MRZ lines were given")
    return documents.parse(mrz, on=on, correct=True)


def _require_valid(parsed) -> None:
    if parsed.errors:
        details = [{**e.to_dict(), "field": "mrz", "mrz_field": e.field} for e in parsed.errors]
        raise ValidationFailed(f"mrz: {parsed.errors[0].message}", details=details)


def _split_birth(parsed) -> tuple[int | None, int | None, int | None]:
    """Year, month, day from the MRZ birth date; unknown parts stay None."""
    if parsed.birth_date:
        return parsed.birth_date.year, parsed.birth_date.month, parsed.birth_date.day
    raw = parsed.birth_date_raw or ""
    if len(raw) != 6 or not raw[:2].isdigit():
        return None, None, None
    year = 1900 + int(raw[:2])
    if year + 100 <= date.today().year:
        year += 100
    month = int(raw[2:4]) if raw[2:4].isdigit() and 1 <= int(raw[2:4]) <= 12 else None
    day = int(raw[4:6]) if month and raw[4:6].isdigit() else None
    return year, month, day


def _person_data(parsed) -> PersonData:
    year, month, day = _split_birth(parsed)
    nationality = parsed.nationality or ""
    return PersonData(
        surname=parsed.surname or "", given_names=parsed.given_names or "",
        birth_year=year, birth_month=month, birth_day=day, sex=parsed.sex or "X",
        nationalities=(nationality,) if nationality and len(nationality) == 3 else (),
    )


def _document_data(parsed) -> DocumentData:
    return DocumentData(document_code=parsed.document_code or "P<", number=parsed.document_number or "",
                        issuing_state=parsed.issuing_state or "", expiry_date=parsed.expiry_date)


def _desk_reads(parsed) -> tuple[Person | None, stay.Records, tuple[str, int] | None]:
    """The registered holder of the scanned document, their records, and the watchlists'
    state: one statement (``rawsql.read_parts``), read before the screening needs them."""
    if not parsed.document_number or not parsed.issuing_state:
        return None, stay.Records(), None
    issuing_state, number = parsed.issuing_state, parsed.document_number
    rows = rawsql.read_parts(Person, [holder_part(issuing_state, number),
                                      *stay.record_parts(*holder_id_sql(issuing_state, number)), state_part()])
    person = holder_from(rows["h"], issuing_state, number)[0]
    return person, stay.records_from(rows, person) if person else stay.Records(), state_from(rows["s"])


def _local(now=None):
    now = now or timezone.now()
    return now, timezone.localdate(now)


# -- check -----------------------------------------------------------------------------

def check(actor: Actor, mrz: str, post: str, direction: str = Direction.ENTRY, on: date | None = None,
          record_hits: bool = True) -> CheckResult:
    """Parse, identify, screen and evaluate the stay of one traveller (a read).

    The read of the person's record is audited; watchlist hits are stored for review.
    The screening search runs outside any transaction (a first build of the index may
    take a while, and on the embedded database an open write transaction holds every
    other writer back); the hits and the audit entry are then written in one.
    """
    point = _require_desk(actor, post)
    _direction(direction)
    on = on or timezone.localdate()
    parsed = _parse(mrz, on)
    document = parsed.to_dict(on)
    person, known, state = _desk_reads(parsed)
    nationality = parsed.nationality

    found = None
    if parsed.surname or parsed.document_number:
        from sarhad.watchlists.services import search_lists

        found = search_lists(
            actor, surname=parsed.surname or "", given_names=parsed.given_names or "",
            native_name=person.native_name if person else "",
            birth_date=parsed.birth_date.isoformat() if parsed.birth_date else None,
            nationality=nationality, sex=parsed.sex if parsed.sex in ("F", "M") else None,
            document_number=parsed.document_number, issuing_state=parsed.issuing_state,
            person=person, post=point, context=f"border_{direction}", record=record_hits, audit=False, state=state,
        )

    # The person's records, read once: shown to the officer and given to the stay rules.
    crossings, visa_rows, permit_rows = known.crossings, known.visas, known.permits
    stay_info = None
    if parsed.valid or parsed.nationality:
        if direction == Direction.ENTRY:
            stay_info = stay.assess_entry(person, nationality, on, known).as_dict()
        else:
            regime = stay.regime_for(nationality)
            stay_info = {"overstay_days": stay.overstay_on_exit(person, nationality, on, known),
                         "regime": regime.kind, "regime_label": str(regime.get_kind_display())}

    history = [
        {"date": c.local_date.isoformat(), "direction": c.direction, "post": c.post_id,
         "permitted_until": c.permitted_until.isoformat() if c.permitted_until else None}
        for c in reversed(crossings[-10:])
    ]
    person_info = None
    visas, permits = [], []
    if person is not None:
        person_info = {
            "id": str(person.pk), "surname": person.surname, "given_names": person.given_names,
            "native_name": person.native_name, "birth_date": person.birth_date_display, "sex": person.sex,
        }
        visas = [{"kind": v.kind, "number": v.number, "valid_from": v.valid_from.isoformat(),
                  "valid_until": v.valid_until.isoformat(), "duration_days": v.duration_days}
                 for v in visa_rows[:5]]
        permits = [{"kind": p.kind, "number": p.number, "valid_from": p.valid_from.isoformat(),
                    "valid_until": p.valid_until.isoformat()} for p in permit_rows[:5]]

    hits = []
    screening = {}
    # One transaction for the stored hits and the check's audit entry (one commit).
    with transaction.atomic():
        if found is not None:
            outcome = found.store()
            screening = {"screening": outcome.audit_details()}
            hits = [
                {"id": str(h.id) if h.id else None, "score": round(h.score, 3), "band": h.band,
                 "list": h.list_name, "required_action": h.required_action, "explanation": h.explanation_text,
                 "status": h.status, "entry_id": str(h.entry_id)}
                for h in outcome.hits
            ]
        result = CheckResult(
            post=post, direction=direction, on=on, document=document, person=person_info, history=history,
            hits=hits, stay=stay_info, recommendation=recommend(parsed, hits, stay_info, direction, on),
            visas=visas, permits=permits,
        )
        record_event(actor, "check", "person", person.pk if person else None,
                     {"direction": direction, "document": parsed.document_number or "",
                      "hits": len(hits), "decision": result.recommendation["decision"], **screening}, post=post)
    return result


def recommend(parsed, hits: list[dict], stay_info: dict | None, direction: str, on: date) -> dict:
    """The decision the rules point to, with the reasons an officer can read.

    Refusal codes follow the standard form (A no valid document, C no visa, F stay used
    up, H entry ban or alert). Open hits that are not a refusal order go to second line.
    """
    reasons, why = [], []
    if parsed.errors:
        return {"decision": "refer", "reasons": [], "why": [_("the MRZ has errors: check the document by hand")]}
    live = [h for h in hits if h["status"] in ("open", "confirmed")]
    # A strong hit (band "hit") ordering refusal points to H; weaker ones go to second line.
    refusing_hits = [h for h in live if h["band"] == "hit" and h["required_action"] == "refuse_entry"]
    other_hits = [h for h in live if h not in refusing_hits]
    if direction == Direction.ENTRY:
        if parsed.expired(on):
            reasons.append("A")
            why.append(_("the travel document has expired"))
        if refusing_hits:
            reasons.append("H")
            why.append(_("entry ban or alert: %(list)s") % {"list": refusing_hits[0]["list"]})
        if stay_info and not stay_info.get("allowed", True):
            if stay_info.get("regime") in ("visa_required", "evisa") and not stay_info.get("last_permitted_day"):
                reasons.append("C")
                why.append(_("no valid visa or residence permit"))
            else:
                reasons.append("F")
                why.append(_("the permitted stay is already used up"))
        if reasons:
            return {"decision": "refuse", "reasons": reasons, "why": why}
    if refusing_hits or other_hits:
        hit = (refusing_hits or other_hits)[0]
        why = _("watchlist hit (%(list)s): %(action)s") % {"list": hit["list"], "action": hit["required_action"]}
        return {"decision": "refer", "reasons": [], "why": [why]}
    if direction == Direction.EXIT and stay_info and stay_info.get("overstay_days"):
        return {"decision": "record_exit", "reasons": [],
                "why": [_("overstayed by %(days)s days: record and report") % {"days": stay_info["overstay_days"]}]}
    return {"decision": "admit" if direction == Direction.ENTRY else "record_exit", "reasons": [], "why": []}


# -- state changes ---------------------------------------------------------------------

def _existing_for_key(model, key: str | None, post: str, mrz_number: str | None):
    if not key:
        return None
    # Nearly every key is new: one plain query to see whether it was used; the row is only
    # read for a replay.
    with connections[model.objects.db].cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {rawsql.table(model)} WHERE idempotency_key = %s", [key])
        if cursor.fetchone() is None:
            return None
    return _replayed(model, key, post, mrz_number)


def _replayed(model, key: str, post: str, mrz_number: str | None):
    """The row an earlier request recorded with this idempotency key. A key used before
    for another post or document is a conflict, not a replay."""
    row = model.objects.select_related("document").get(idempotency_key=key)
    if row.post_id != post or (row.document and mrz_number and row.document.number != mrz_number):
        raise Conflict(f"idempotency key {key!r} was already used for a different request", code="idempotency_conflict")
    return row


def _officer_fields(actor: Actor) -> dict:
    return {"officer_id": actor.id} if actor.kind == "user" else {"client_id": actor.id} if actor.kind == "api" else {}


def _record_crossing(actor: Actor, mrz: str, post: str, direction: str, idempotency_key: str | None,
                     notes: str, now) -> tuple[Crossing, bool]:
    """The common path of recording an entry or an exit (see the two public functions)."""
    _require_desk(actor, post, "border.record")
    now, today = _local(now)
    parsed = _parse(mrz, today)
    _require_valid(parsed)
    # A retried request (its key already used) is found when its insert does nothing,
    # below: nearly every key is new, so no statement is spent looking it up first.
    # The holder's row stays locked until the transaction ends: a person's crossings are
    # recorded one at a time, each reading the history the one before it wrote.
    person, document, created = register_traveller(actor, _person_data(parsed), _document_data(parsed), post=post,
                                                   permission="border.record", lock=True)
    # A traveller registered just now has no crossings, visas or permits to read.
    known = stay.Records() if created else stay.records(person)
    open_entry = known.open_entry
    fields = {}
    if direction == Direction.ENTRY:
        fields["permitted_until"] = stay.assess_entry(person, parsed.nationality, today, known).last_permitted_day
        details = {"exit_missing_before": bool(open_entry), "permitted_until":
                   fields["permitted_until"].isoformat() if fields["permitted_until"] else None}
    else:
        fields = {"entry_id": open_entry,
                  "overstay_days": stay.overstay_on_exit(person, parsed.nationality, today, known)}
        details = {"overstay_days": fields["overstay_days"], "entry": str(open_entry) if open_entry else None}
    crossing = Crossing(person=person, document=document, post_id=post, direction=direction, occurred_at=now,
                        local_date=today, idempotency_key=idempotency_key, notes=notes, **fields,
                        **_officer_fields(actor))
    # The key used already (a retry, or a concurrent retry a moment ago): this row is not
    # inserted, nothing of this request is kept and the first crossing is returned (no
    # savepoint needed: the clash raises no error). Used for another request: a conflict,
    # and the whole request is rolled back.
    if not rawsql.insert(Crossing, [crossing], unless_taken="idempotency_key" if idempotency_key else None):
        return _replayed(Crossing, idempotency_key, post, parsed.document_number), False
    if direction == Direction.ENTRY and open_entry is not None:
        # Entered again without a recorded exit: the traveller left unseen.
        with connections[Crossing.objects.db].cursor() as cursor:
            cursor.execute(f"UPDATE {rawsql.table(Crossing)} SET exit_missing = %s WHERE id = %s",
                           [True, rawsql.param(Crossing, "id", open_entry)])
    record_event(actor, "create", "crossing", crossing.pk,
                 {"direction": direction, "person": str(person.pk), **details}, post=post)
    return crossing, True


@audited
def record_entry(actor: Actor, mrz: str, post: str, *, idempotency_key: str | None = None,
                 notes: str = "", now=None) -> tuple[Crossing, bool]:
    """Admit a traveller: register them if new, record the entry with the permitted stay.

    Returns ``(crossing, created)``; a retry with the same idempotency key returns the
    crossing recorded the first time and ``created=False``. An open entry without an
    exit is marked ``exit_missing`` (see decision 0005).
    """
    return _record_crossing(actor, mrz, post, Direction.ENTRY, idempotency_key, notes, now)


@audited
def record_exit(actor: Actor, mrz: str, post: str, *, idempotency_key: str | None = None,
                notes: str = "", now=None) -> tuple[Crossing, bool]:
    """Record an exit, close the open entry, and note the days overstayed (if any).

    Returns ``(crossing, created)`` like :func:`record_entry`.
    """
    return _record_crossing(actor, mrz, post, Direction.EXIT, idempotency_key, notes, now)


def _reasons(codes) -> list[RefusalReason]:
    codes = [c.strip().upper() for c in codes if c and c.strip()]
    if not codes:
        raise ValidationFailed.on("reasons", "choose at least one refusal reason (A–I)")
    found = {r.code: r for r in RefusalReason.objects.filter(code__in=codes)}
    for i, code in enumerate(codes):
        if code not in found:
            raise ValidationFailed.on("reasons", f"unknown refusal reason {code!r} at position {i + 1} (use A–I)")
    return [found[c] for c in dict.fromkeys(codes)]


@audited
def refuse(actor: Actor, mrz: str, post: str, reasons, *, notes: str = "", idempotency_key: str | None = None,
           now=None) -> Refusal:
    """Refuse entry with the standard reasons; the traveller is registered if new."""
    _require_desk(actor, post, "border.record")
    now, today = _local(now)
    reason_rows = _reasons(reasons)
    parsed = _parse(mrz, today)
    _require_valid(parsed)
    existing = _existing_for_key(Refusal, idempotency_key, post, parsed.document_number)
    if existing:
        return existing
    person, document, _created = register_traveller(actor, _person_data(parsed), _document_data(parsed), post=post,
                                                    permission="border.record")
    refusal = Refusal.objects.create(person=person, document=document, post_id=post, occurred_at=now,
                                     local_date=today, notes=notes, idempotency_key=idempotency_key,
                                     **_officer_fields(actor))
    refusal.reasons.set(reason_rows)
    record_event(actor, "create", "refusal", refusal.pk,
                 {"person": str(person.pk), "reasons": [r.code for r in reason_rows]}, post=post)
    return refusal


@audited
def refer(actor: Actor, mrz: str, post: str, direction: str = Direction.ENTRY, reason: str = "", now=None) -> Referral:
    """Send the traveller to second-line control (the supervisor's queue)."""
    _require_desk(actor, post)
    _direction(direction)
    now, today = _local(now)
    parsed = _parse(mrz, today)
    _require_valid(parsed)
    person, document, _created = register_traveller(actor, _person_data(parsed), _document_data(parsed), post=post,
                                                    permission="border.record")
    referral = Referral.objects.create(person=person, document=document, post_id=post, direction=direction,
                                       mrz="\n".join(parsed.lines), reason=reason, created_at=now,
                                       officer_id=actor.id if actor.kind == "user" else None)
    record_event(actor, "create", "referral", referral.pk, {"person": str(person.pk), "reason": reason}, post=post)
    return referral


@audited
def decide_referral(actor: Actor, referral_id, decision: str, *, reasons=(), notes: str = "") -> Referral:
    """A supervisor admits or refuses a referred traveller."""
    actor.require("border.supervise")
    referral = get_or_not_found(Referral.objects.select_for_update(), referral_id, "referral")
    actor.require_post(referral.post_id)
    if referral.status != Referral.Status.OPEN:
        raise Conflict(f"referral already decided ({referral.status})", code="already_decided")
    if decision == "admit":
        record = record_entry if referral.direction == Direction.ENTRY else record_exit
        referral.crossing, _ = record(actor, referral.mrz, referral.post_id, notes=notes)
        referral.status = Referral.Status.ADMITTED
    elif decision == "refuse":
        referral.refusal = refuse(actor, referral.mrz, referral.post_id, reasons, notes=notes)
        referral.status = Referral.Status.REFUSED
    else:
        raise ValidationFailed.on("decision", f"must be 'admit' or 'refuse'; found {decision!r}")
    referral.decided_by_id = actor.id if actor.kind == "user" else None
    referral.decided_at = timezone.now()
    referral.decision_notes = notes
    referral.save()
    record_event(actor, "decide", "referral", referral.pk, {"decision": decision, "notes": notes},
                 post=referral.post_id)
    return referral
