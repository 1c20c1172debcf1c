"""Every change to the watchlists, every screening and every decision on a hit.

Each function checks who is acting, validates, writes and appends to the audit log in one
transaction (an import: one transaction per batch of rows, see :func:`import_entries`).
The border desk calls :func:`screen`; supervisors call :func:`decide_hit`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO
from uuid import UUID

from django.db import IntegrityError, connections, transaction
from django.utils import timezone

from sarhad.accounts.actor import Actor
from sarhad.audit.services import record_event
from sarhad.common import rawsql, refcache
from sarhad.common.errors import Conflict, Forbidden, NotFound, ValidationFailed, get_or_not_found
from sarhad.people.models import Person
from sarhad.reference.models import BorderCrossingPoint
from sarhad.screening import InvalidQuery, Query
from sarhad.screening.model import BirthDate, DocumentRef, normalise_sex, normalise_state

from . import importers
from .countrycodes import icao_code
from .live import LIVE, next_generation
from .models import (
    DEFAULT_ACTION_FOR_KIND,
    HitDismissal,
    HitStatus,
    ListKind,
    RequiredAction,
    ScreeningHit,
    Watchlist,
    WatchlistEntry,
)
from .values import EntryData, InvalidEntryData, normalise_entry

# --------------------------------------------------------------------------- helpers


def _user_id(actor: Actor) -> int | None:
    return actor.id if actor.kind == "user" else None


def _search_text(data: EntryData) -> str:
    parts = [data.external_id, *data.names, *data.aliases, *data.documents]
    return " | ".join(p for p in parts if p).casefold()


def _entry_data(entry: WatchlistEntry) -> EntryData:
    return EntryData(
        names=tuple(entry.names), aliases=tuple(entry.aliases), birth_dates=tuple(entry.birth_dates),
        nationalities=tuple(entry.nationalities), sex=entry.sex, documents=tuple(entry.documents),
        required_action=entry.required_action, remarks=entry.remarks, external_id=entry.external_id,
        listed_on=entry.listed_on,
    )


def _apply(entry: WatchlistEntry, data: EntryData) -> None:
    entry.names = list(data.names)
    entry.aliases = list(data.aliases)
    entry.birth_dates = list(data.birth_dates)
    entry.nationalities = list(data.nationalities)
    entry.sex = data.sex
    entry.documents = list(data.documents)
    entry.required_action = data.required_action
    entry.remarks = data.remarks
    entry.external_id = data.external_id
    entry.listed_on = data.listed_on
    entry.search_text = _search_text(data)


def _validated(watchlist: Watchlist, data: EntryData) -> EntryData:
    try:
        data = normalise_entry(data, document_list=watchlist.kind == ListKind.LOST_STOLEN)
    except InvalidEntryData as exc:
        raise ValidationFailed.on(exc.field, exc.message) from None
    if data.required_action and data.required_action not in RequiredAction.values:
        raise ValidationFailed.on("required_action", f"unknown action {data.required_action!r}; use one of "
                                  + ", ".join(RequiredAction.values))
    return data


def get_list(watchlist) -> Watchlist:
    """A list by instance, id or name."""
    if isinstance(watchlist, Watchlist):
        return watchlist
    found = None
    try:
        found = Watchlist.objects.filter(pk=UUID(str(watchlist))).first()
    except ValueError:
        pass
    if found is None:
        found = Watchlist.objects.filter(name=str(watchlist)).first()
    if found is None:
        raise NotFound(f"no watchlist {watchlist}")
    return found


def _get_entry(entry_id, lock: bool = False) -> WatchlistEntry:
    qs = WatchlistEntry.objects.select_related("watchlist")
    if lock:
        qs = qs.select_for_update(of=("self",))
    return get_or_not_found(qs, entry_id, "watchlist entry")


# --------------------------------------------------------------------------- lists


@transaction.atomic
def create_list(actor: Actor, *, name: str, kind: str, source: str = "", description: str = "",
                required_action: str = "", active: bool = True) -> Watchlist:
    actor.require("watchlist.manage")
    name = " ".join((name or "").split())
    if not name:
        raise ValidationFailed.on("name", "a list needs a name")
    if len(name) > 120:
        raise ValidationFailed.on("name", "is longer than 120 characters")
    if kind not in ListKind.values:
        raise ValidationFailed.on("kind", f"must be one of {', '.join(ListKind.values)}; found {kind!r}")
    action = required_action or DEFAULT_ACTION_FOR_KIND[ListKind(kind)]
    if action not in RequiredAction.values:
        raise ValidationFailed.on("required_action", f"must be one of {', '.join(RequiredAction.values)}")
    if Watchlist.objects.filter(name=name).exists():
        raise Conflict(f"a watchlist named {name!r} exists already", code="duplicate_name")
    watchlist = Watchlist.objects.create(name=name, kind=kind, source=source.strip()[:200],
                                         description=description.strip(), required_action=action, active=active)
    record_event(actor, "create", "watchlist", watchlist.pk,
                 {"name": name, "kind": kind, "source": watchlist.source, "required_action": action})
    return watchlist


@transaction.atomic
def set_list_active(actor: Actor, watchlist, active: bool) -> Watchlist:
    """Switch a whole list on or off for screening (its entries keep their versions)."""
    actor.require("watchlist.manage")
    watchlist = get_list(watchlist)
    watchlist = Watchlist.objects.select_for_update().get(pk=watchlist.pk)
    if watchlist.active == active:
        return watchlist
    watchlist.active = active
    watchlist.save(update_fields=["active", "updated_at"])
    # Every process must add or remove the list's entries: restamp them.
    WatchlistEntry.objects.filter(watchlist=watchlist).update(seq=next_generation())
    record_event(actor, "activate" if active else "deactivate", "watchlist", watchlist.pk, {"name": watchlist.name})
    return watchlist


# --------------------------------------------------------------------------- entries


@transaction.atomic
def add_entry(actor: Actor, watchlist, data: EntryData) -> WatchlistEntry:
    actor.require("watchlist.manage")
    watchlist = get_list(watchlist)
    data = _validated(watchlist, data)
    if data.external_id and WatchlistEntry.objects.filter(watchlist=watchlist, external_id=data.external_id).exists():
        raise ValidationFailed.on("external_id", f"{data.external_id!r} is already an entry of {watchlist.name}")
    entry = WatchlistEntry(watchlist=watchlist, seq=next_generation())
    _apply(entry, data)
    entry.save()
    record_event(actor, "create", "watchlist_entry", entry.pk,
                 {"list": watchlist.name, "version": 1, **data.content()})
    return entry


ENTRY_FIELDS = set(EntryData.__dataclass_fields__)


@transaction.atomic
def update_entry(actor: Actor, entry_id, **changes) -> WatchlistEntry:
    """Change an entry's content (any :class:`EntryData` field, or ``active``).

    A real change makes a new version; earlier dismissals of hits on it no longer apply.
    Changing nothing keeps the version.
    """
    actor.require("watchlist.manage")
    entry = _get_entry(entry_id, lock=True)
    active = changes.pop("active", None)
    unknown = sorted(set(changes) - ENTRY_FIELDS)
    if unknown:
        raise ValidationFailed.on(unknown[0], "is not a field of a watchlist entry")
    before = _entry_data(entry)
    for key in ("names", "aliases", "birth_dates", "nationalities", "documents"):
        if key in changes and isinstance(changes[key], (list, str)):
            changes[key] = (changes[key],) if isinstance(changes[key], str) else tuple(changes[key])
    after = _validated(entry.watchlist, replace(before, **changes))
    if after.external_id != before.external_id and after.external_id and WatchlistEntry.objects.filter(
            watchlist=entry.watchlist, external_id=after.external_id).exclude(pk=entry.pk).exists():
        raise ValidationFailed.on("external_id", f"{after.external_id!r} is already an entry of this list")
    new_active = entry.active if active is None else bool(active)
    if after == before and new_active == entry.active:
        return entry
    old = before.content()
    _apply(entry, after)
    entry.active = new_active
    entry.version += 1
    entry.seq = next_generation()
    entry.updated_at = timezone.now()
    entry.save()
    new = after.content()
    diff = {k: [old[k], new[k]] for k in new if old[k] != new[k]}
    record_event(actor, "update", "watchlist_entry", entry.pk,
                 {"list": entry.watchlist.name, "version": entry.version, "changed": diff, "active": entry.active})
    return entry


@transaction.atomic
def deactivate_entry(actor: Actor, entry_id, reason: str = "") -> WatchlistEntry:
    """Take an entry out of screening (delisted, expired). Its history stays."""
    actor.require("watchlist.manage")
    entry = _get_entry(entry_id, lock=True)
    if not entry.active:
        return entry
    entry.active = False
    entry.version += 1
    entry.seq = next_generation()
    entry.updated_at = timezone.now()
    entry.save(update_fields=["active", "version", "seq", "updated_at"])
    record_event(actor, "deactivate", "watchlist_entry", entry.pk,
                 {"list": entry.watchlist.name, "version": entry.version, "reason": reason.strip()})
    return entry


# --------------------------------------------------------------------------- imports


@dataclass(frozen=True)
class RejectedRow:
    position: str
    reason: str


@dataclass
class ImportReport:
    list_name: str
    format: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    damaged: str = ""  # why reading stopped part-way, if it did

    def as_dict(self) -> dict[str, Any]:
        return {
            "list": self.list_name, "format": self.format, "rows": self.rows, "created": self.created,
            "updated": self.updated, "unchanged": self.unchanged, "deactivated": self.deactivated,
            "rejected": [{"position": r.position, "reason": r.reason} for r in self.rejected],
            "skipped": dict(self.skipped), "damaged": self.damaged,
        }

    def summary(self) -> str:
        text = (f"{self.list_name}: {self.rows} rows read, {self.created} created, {self.updated} updated, "
                f"{self.unchanged} unchanged, {len(self.rejected)} rejected")
        if self.deactivated:
            text += f", {self.deactivated} deactivated (no longer in the file)"
        if self.skipped:
            text += "; skipped " + ", ".join(f"{n} {what}" for what, n in sorted(self.skipped.items()))
        return text


def _open_source(source) -> tuple[BinaryIO, bool, str]:
    """A binary stream for a path, bytes or a file object; whether to close it; its name."""
    if isinstance(source, (str, Path)):
        try:
            return open(source, "rb"), True, Path(source).name
        except OSError as exc:
            raise ValidationFailed.on("file", f"cannot be read: {exc.strerror}") from None
    if isinstance(source, (bytes, bytearray)):
        import io

        return io.BytesIO(source), True, "upload"
    name = Path(getattr(source, "name", "") or "upload").name
    if hasattr(source, "mode") and "b" not in getattr(source, "mode", "b"):
        return source.buffer, False, name
    return source, False, name


def import_entries(actor: Actor, watchlist, fmt: str, source, *, progress: Callable[[int], Any] | None = None,
                   deactivate_missing: bool = False, batch_size: int = 500) -> ImportReport:
    """Read a file into a list: new ids are created, changed ones get a new version,
    the same content is left alone; bad rows are rejected one by one with their position
    and reason, and never stop or spoil the rest.

    Rows are written in batches, each batch one transaction with its audit entry, so a
    million-row list does not hold one transaction open for its whole length; running
    the same import again is harmless (everything comes back unchanged).
    ``deactivate_missing``: the file is the whole list, so active entries whose id is
    not in it are deactivated (delisted) at the end. A file that cannot be read at all
    raises :class:`ValidationFailed` on ``file`` and writes nothing.
    """
    actor.require("watchlist.manage")
    watchlist = get_list(watchlist)
    if fmt not in importers.FORMATS:
        raise ValidationFailed.on("format", f"must be one of {', '.join(importers.FORMATS)}; found {fmt!r}")
    stream, close, file_name = _open_source(source)
    try:
        return import_rows(actor, watchlist, importers.parse(fmt, stream), fmt=fmt, file_name=file_name,
                           progress=progress, deactivate_missing=deactivate_missing, batch_size=batch_size)
    finally:
        if close:
            stream.close()


def import_rows(actor: Actor, watchlist, rows, *, fmt: str = "rows", file_name: str = "",
                progress: Callable[[int], Any] | None = None, deactivate_missing: bool = False,
                batch_size: int = 500) -> ImportReport:
    """:func:`import_entries` for rows already parsed (:class:`importers.ParsedRow`)."""
    actor.require("watchlist.manage")
    watchlist = get_list(watchlist)
    report = ImportReport(watchlist.name, fmt)
    seen: dict[str, str] = {}
    batch: list[tuple[str, EntryData]] = []
    document_list = watchlist.kind == ListKind.LOST_STOLEN
    try:
        for row in rows:
            if row.skip:
                report.skipped[row.skip] = report.skipped.get(row.skip, 0) + 1
                continue
            report.rows += 1
            if row.error:
                report.rejected.append(RejectedRow(row.position, row.error))
            else:
                try:
                    data = normalise_entry(row.data, document_list=document_list)
                    if data.required_action and data.required_action not in RequiredAction.values:
                        raise InvalidEntryData("required_action", f"unknown action {data.required_action!r}")
                    if not data.external_id:
                        raise InvalidEntryData("id", "is empty (it identifies the entry across imports)")
                except InvalidEntryData as exc:
                    report.rejected.append(RejectedRow(row.position, f"{exc.field}: {exc.message}"))
                else:
                    if data.external_id in seen:
                        report.rejected.append(RejectedRow(
                            row.position, f"id {data.external_id!r} appears again (first at {seen[data.external_id]})"))
                    else:
                        seen[data.external_id] = row.position
                        batch.append((row.position, data))
            if len(batch) >= batch_size:
                _write_batch(actor, watchlist, batch, report, file_name)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            _write_batch(actor, watchlist, batch, report, file_name)
            if progress:
                progress(len(batch))
    except importers.UnreadableFile as exc:
        if not seen:
            raise ValidationFailed.on("file", str(exc)) from None
        # A file damaged part-way: the good rows before the damage are written, the
        # report says where reading stopped, and nothing is delisted.
        if batch:
            _write_batch(actor, watchlist, batch, report, file_name)
        report.damaged = str(exc)
        report.rejected.append(RejectedRow("file", f"reading stopped: {exc}"))
    if deactivate_missing and not report.damaged:
        report.deactivated = _deactivate_missing(actor, watchlist, set(seen), file_name)
    with transaction.atomic():
        record_event(actor, "import", "watchlist", watchlist.pk, {"file": file_name, **{
            k: v for k, v in report.as_dict().items() if k != "rejected"}, "rejected": len(report.rejected)})
    return report


def _write_batch(actor: Actor, watchlist: Watchlist, batch: list[tuple[str, EntryData]],
                 report: ImportReport, file_name: str) -> None:
    with transaction.atomic():
        ids = [data.external_id for _pos, data in batch]
        existing = {e.external_id: e for e in WatchlistEntry.objects.select_for_update()
                    .filter(watchlist=watchlist, external_id__in=ids)}
        generation = None
        created, updated = [], []
        now = timezone.now()
        for position, data in batch:
            entry = existing.get(data.external_id)
            if entry is not None and entry.active and _entry_data(entry) == data:
                report.unchanged += 1
                continue
            if generation is None:
                generation = next_generation()
            if entry is None:
                entry = WatchlistEntry(watchlist=watchlist, seq=generation, created_at=now, updated_at=now)
                _apply(entry, data)
                created.append((position, entry))
            else:
                _apply(entry, data)
                entry.version += 1
                entry.active = True
                entry.seq = generation
                entry.updated_at = now
                updated.append((position, entry))
        if created:
            try:
                with transaction.atomic():
                    WatchlistEntry.objects.bulk_create([e for _p, e in created])
                report.created += len(created)
            except IntegrityError:
                for position, entry in created:  # find the row at fault, keep the others
                    try:
                        with transaction.atomic():
                            entry.save(force_insert=True)
                        report.created += 1
                    except IntegrityError as exc:
                        report.rejected.append(RejectedRow(position, f"cannot be stored: {exc}"))
        for position, entry in updated:
            try:
                with transaction.atomic():
                    entry.save()
                report.updated += 1
            except IntegrityError as exc:
                report.rejected.append(RejectedRow(position, f"cannot be stored: {exc}"))
        if created or updated:
            record_event(actor, "import_rows", "watchlist", watchlist.pk, {
                "file": file_name, "from": batch[0][0], "to": batch[-1][0],
                "created": [str(e.pk) for _p, e in created],
                "updated": [[str(e.pk), e.version] for _p, e in updated],
            })


@transaction.atomic
def _deactivate_missing(actor: Actor, watchlist: Watchlist, kept: set[str], file_name: str) -> int:
    gone = list(WatchlistEntry.objects.select_for_update().filter(watchlist=watchlist, active=True)
                .exclude(external_id__in=kept).exclude(external_id=""))
    if not gone:
        return 0
    generation = next_generation()
    now = timezone.now()
    for entry in gone:
        entry.active = False
        entry.version += 1
        entry.seq = generation
        entry.updated_at = now
    WatchlistEntry.objects.bulk_update(gone, ["active", "version", "seq", "updated_at"])
    record_event(actor, "deactivate_missing", "watchlist", watchlist.pk,
                 {"file": file_name, "entries": [str(e.pk) for e in gone]})
    return len(gone)


# --------------------------------------------------------------------------- screening


@dataclass(frozen=True)
class ScreeningResult:
    """One hit as the desk shows it. ``id`` is the stored hit (``None`` if not recorded)."""

    id: UUID | None
    entry_id: UUID
    entry_version: int
    score: float
    band: str  # "hit" or "review"
    list_name: str
    list_kind: str
    required_action: str
    explanation_text: str
    explanation: dict
    status: str
    matched_name: str | None
    entry_names: tuple[str, ...]
    dismissal_reason: str = ""


@dataclass(frozen=True)
class ScreeningOutcome:
    hits: tuple[ScreeningResult, ...]
    traveller: dict
    entries_screened: int

    @property
    def open_hits(self) -> tuple[ScreeningResult, ...]:
        return tuple(h for h in self.hits if h.status == HitStatus.OPEN)

    def audit_details(self) -> dict:
        return {"traveller": self.traveller,
                "hits": [{"entry": str(r.entry_id), "version": r.entry_version, "score": r.score, "status": r.status,
                          "hit": str(r.id) if r.id else None} for r in self.hits]}

    @property
    def must_stop(self) -> bool:
        """An open hit in the HIT band: the traveller must not pass before a review."""
        return any(h.band == "hit" for h in self.open_hits)


def _require_screen(actor: Actor) -> None:
    if actor.kind == "api":
        if not actor.scopes & {"screening:check", "border:check"}:
            raise Forbidden(f"client {actor.name} lacks the scope 'screening:check'", code="missing_scope")
        return
    if not (actor.can("border.desk") or actor.can("watchlist.review") or actor.can("watchlist.manage")):
        raise Forbidden(f"{actor.name} ({actor.role}) may not screen travellers", code="forbidden_role")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(sorted(re.sub(r"[\W_]+", " ", text).split()))


def traveller_keys(*, name: str, birth_date: str, nationality: str, document: str) -> tuple[str, str]:
    """``(document key, name key)``: how a traveller is recognised again for dismissals.

    The document key (issuing state and number) is the stronger; without a document, the
    name with date of birth and nationality stands in.
    """
    return (f"doc:{document}" if document else "", f"name:{_fold(name)}|{birth_date}|{nationality}"[:200])


def _query(*, surname, given_names, native_name, birth_date, nationality, sex, document_number,
           issuing_state) -> tuple[Query, dict]:
    def text(field_name: str, value, limit: int = 200) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise ValidationFailed.on(field_name, "must be text")
        value = " ".join(value.replace("<", " ").split())
        if len(value) > limit:
            raise ValidationFailed.on(field_name, f"is longer than {limit} characters")
        return value

    surname, given_names = text("surname", surname), text("given_names", given_names)
    native_name = text("native_name", native_name)
    dob = None
    if birth_date not in (None, ""):
        try:
            dob = BirthDate.coerce(birth_date)
        except (ValueError, TypeError) as exc:
            raise ValidationFailed.on("birth_date", str(exc)) from None
    try:
        nat = normalise_state(nationality) if nationality else None
    except ValueError as exc:
        raise ValidationFailed.on("nationality", str(exc)) from None
    nat = icao_code(nat) or nat if nat else None
    try:
        sex_code = normalise_sex(sex) if sex else None
    except ValueError as exc:
        raise ValidationFailed.on("sex", str(exc)) from None
    docs: tuple[DocumentRef, ...] = ()
    if document_number:
        try:
            state = normalise_state(issuing_state) if issuing_state else None
        except ValueError as exc:
            raise ValidationFailed.on("issuing_state", str(exc)) from None
        try:
            docs = (DocumentRef(str(document_number), icao_code(state) or state if state else None),)
        except ValueError as exc:
            raise ValidationFailed.on("document_number", str(exc)) from None
    latin = " ".join(p for p in (surname, given_names) if p)
    names = tuple(n for n in (latin, native_name) if n)
    if not names and not docs:
        raise ValidationFailed.on("surname", "give the traveller's name or a document number")
    try:
        query = Query(names=names, date_of_birth=dob, nationality=nat, sex=sex_code, documents=docs)
    except InvalidQuery as exc:
        raise ValidationFailed.on("surname", str(exc)) from None
    traveller = {
        "name": latin or native_name, "native_name": native_name if latin else "",
        "birth_date": str(dob) if dob else "", "nationality": nat or "", "sex": sex_code or "",
        "document": str(docs[0]) if docs else "",
    }
    return query, traveller


def _post_code(actor: Actor, post) -> str | None:
    if isinstance(post, BorderCrossingPoint):
        code = post.code
    elif post:
        code = str(post).strip().upper()
    else:
        code = actor.default_post if actor.post_codes else None
    if code is None:
        return None
    actor.require_post(code)
    if not isinstance(post, BorderCrossingPoint) and not BorderCrossingPoint.objects.filter(pk=code).exists():
        raise ValidationFailed.on("post", f"unknown border crossing point {code!r}")
    return code


def screen(actor: Actor, **traveller: Any) -> ScreeningOutcome:
    """Screen one traveller against every active list (the arguments of
    :func:`search_lists`): the search, then its hits stored in one transaction.

    Returns the hits (HIT and REVIEW bands) best first, each with its explanation. With
    ``record`` each hit is stored for review (a hit already stored for the same traveller,
    entry version and post and still open is found again rather than duplicated); a hit a
    supervisor dismissed before for this traveller and this entry version comes back as
    ``suppressed`` (stored as such, never as open). ``audit=False``: the caller writes
    :meth:`ScreeningOutcome.audit_details` into its own audit entry (the border check does,
    so one desk check is one entry in the chain). ``birth_date`` may be partial
    (``"1980"``, ``"1980-05"``) or a ``date``. Bad input raises ``ValidationFailed``
    naming the field.
    """
    found = search_lists(actor, **traveller)
    if not found.writes:  # no transaction for nothing
        return found.store()
    with transaction.atomic():
        return found.store()


@dataclass(frozen=True)
class Screened:
    """A traveller searched for in the lists, nothing stored yet (see :func:`search_lists`)."""

    actor: Actor
    query: Query
    traveller: dict
    kernel_hits: tuple
    screened: int
    person: Person | None
    post_code: str | None
    context: str
    record: bool
    audit: bool

    @property
    def writes(self) -> bool:
        """Whether :meth:`store` writes anything (hits to store, or the audit entry)."""
        return bool(self.kernel_hits) or self.audit

    def store(self) -> ScreeningOutcome:
        """Store the hits (and the audit entry, if asked for) inside the caller's
        transaction; the outcome as :func:`screen` returns it."""
        if not self.writes:
            return ScreeningOutcome(hits=(), traveller=self.traveller, entries_screened=self.screened)
        return _record_screening(self.actor, self.query, self.traveller, self.kernel_hits, self.screened,
                                 person=self.person, post_code=self.post_code, context=self.context,
                                 record=self.record, audit=self.audit)


def search_lists(actor: Actor, *, surname: str = "", given_names: str = "", native_name: str = "",
                 birth_date=None, nationality: str | None = None, sex: str | None = None,
                 document_number: str | None = None, issuing_state: str | None = None,
                 person: Person | None = None, post=None, context: str = "border_check", record: bool = True,
                 limit: int = 10, audit: bool = True, state: tuple[str, int] | None = None) -> Screened:
    """The read half of :func:`screen`: check the actor and the input, search the index,
    store nothing. ``store()`` on the result does the rest, inside a
    transaction: the desk check stores its hits and its own audit entry in one.
    ``state``: the lists' state if the caller has just read it (see ``LiveIndex.current``).

    Outside any transaction: a first build of the index may take a while, and on the
    embedded database an open write transaction would hold every other writer back.
    """
    _require_screen(actor)
    post_code = _post_code(actor, post)
    query, traveller = _query(surname=surname, given_names=given_names, native_name=native_name,
                              birth_date=birth_date, nationality=nationality, sex=sex,
                              document_number=document_number, issuing_state=issuing_state)
    if person is not None and not isinstance(person, Person):
        raise ValidationFailed.on("person", "must be a person record")
    with LIVE.lock:
        index = LIVE.current(state)
        kernel_hits = tuple(index.search(query, limit=limit))
        screened = len(index)
    return Screened(actor, query, traveller, kernel_hits, screened, person, post_code, context, record, audit)


_ENTRY_COLUMNS = ("id", "watchlist_id", "version", "active", "required_action")
_DISMISSAL_COLUMNS = ("id", "entry_id", "entry_version", "person_id", "traveller_key", "reason", "dismissed_by_id",
                      "dismissed_by_name", "dismissed_at")


_STORED_HIT_FIELDS = ("id", "entry_id", "entry_version", "status", "suppressed_by_id", "person_id", "seen_count",
                      "score", "band", "explanation_text")


def _screening_reads(ids: list[UUID], keys: list[str], person: Person | None, key: str, post_code: str | None,
                     record: bool) -> tuple[dict[UUID, WatchlistEntry], list[HitDismissal], list[ScreeningHit]]:
    """What storing a screening's hits needs, in one plain statement (every screening with
    hits runs it, and each statement costs a round trip):

    - the hits' entries (state, version and action only) with their lists;
    - the dismissals of those entries for this traveller (by key or person), oldest first;
    - if ``record``: the open or suppressed hits of those entries already stored for this
      traveller (``key``) at this post, newest first, locked until the transaction ends.
      Only the fields a screening matches on, compares or updates are read (the stored
      explanation is replaced, never read here).

    The lists are few and read on every hit: they are kept in the reference cache for
    the index's present change (activating or deactivating a list is a change).
    """
    if not ids:
        return {}, [], []
    lists = refcache.get(f"watchlists:{LIVE.epoch}:{LIVE.generation}",
                         lambda: {w.pk: w for w in Watchlist.objects.all()})
    who, who_params = [], []
    if keys:
        keys_sql, who_params = rawsql.params(HitDismissal, "traveller_key", keys)
        who.append(f"d.traveller_key IN ({keys_sql})")
    if person is not None:
        who.append("d.person_id = %s")
        who_params.append(rawsql.param(HitDismissal, "person", person.pk))
    in_ids, id_params = rawsql.params(WatchlistEntry, "id", ids)
    parts = [rawsql.Part(
        "e", (*("e." + c for c in _ENTRY_COLUMNS), *("d." + c for c in _DISMISSAL_COLUMNS)),
        f"FROM {rawsql.table(WatchlistEntry)} e LEFT JOIN {rawsql.table(HitDismissal)} d ON d.entry_id = e.id"
        f" AND ({' OR '.join(who) or '1 = 0'}) WHERE e.id IN ({in_ids})", (*who_params, *id_params),
        order=("d.dismissed_at",),
        types=rawsql.column_types(WatchlistEntry, _ENTRY_COLUMNS) + rawsql.column_types(HitDismissal,
                                                                                          _DISMISSAL_COLUMNS))]
    with_ = None
    if record:
        post_sql = "post_id IS NULL" if post_code is None else "post_id = %s"
        hits_ids, hits_params = rawsql.params(ScreeningHit, "entry", ids)
        with_ = (f"stored AS (SELECT {', '.join(_STORED_HIT_FIELDS)}, created_at FROM {rawsql.table(ScreeningHit)}"
                 f" WHERE status IN (%s, %s) AND traveller_key = %s AND {post_sql} AND entry_id IN ({hits_ids})"
                 f"{rawsql.for_update(ScreeningHit)})",
                 [HitStatus.OPEN, HitStatus.SUPPRESSED, key, *([] if post_code is None else [post_code]), *hits_params])
        time = rawsql.time_order(ScreeningHit, "created_at")
        parts.append(rawsql.Part(
            "s", (*_STORED_HIT_FIELDS, time), "FROM stored", order=(f"-{time}",),
            types=(*rawsql.column_types(ScreeningHit, _STORED_HIT_FIELDS), rawsql.TIME_ORDER_TYPE)))
    rows = rawsql.read_parts(WatchlistEntry, parts, with_)
    width = len(_ENTRY_COLUMNS)
    entries: dict[UUID, WatchlistEntry] = {}
    dismissals = []
    for row in rows["e"]:
        entry = rawsql.instance(WatchlistEntry, dict(zip(_ENTRY_COLUMNS, row[:width])))
        entry = entries.setdefault(entry.pk, entry)
        if row[width] is not None:
            dismissals.append(rawsql.instance(HitDismissal, dict(zip(_DISMISSAL_COLUMNS, row[width:]))))
    for entry in entries.values():
        listed = lists.get(entry.watchlist_id)
        if listed is None:  # a list created since the lists were cached
            refcache.clear()
            listed = Watchlist.objects.get(pk=entry.watchlist_id)
        entry.watchlist = listed
    stored = [rawsql.instance(ScreeningHit, dict(zip(_STORED_HIT_FIELDS, row))) for row in rows.get("s", ())]
    return entries, dismissals, stored


def _count_seen_again(hits: list[ScreeningHit], now) -> None:
    """Stored hits found again exactly as stored (score, band and explanation): one
    statement counts them all, the explanation is not written again. Most screenings of a
    traveller seen before find only such hits."""
    if not hits:
        return
    ids_sql, params = rawsql.params(ScreeningHit, "id", [h.pk for h in hits])
    with connections[ScreeningHit.objects.db].cursor() as cursor:
        cursor.execute(f"UPDATE {rawsql.table(ScreeningHit)} SET seen_count = seen_count + 1, last_seen_at = %s"
                       f" WHERE id IN ({ids_sql})", [rawsql.param(ScreeningHit, "last_seen_at", now), *params])


def _record_screening(actor: Actor, query: Query, traveller: dict, kernel_hits, screened: int, *,
                      person: Person | None, post_code: str | None, context: str, record: bool,
                      audit: bool = True) -> ScreeningOutcome:
    doc_key, name_key = traveller_keys(name=" ".join(query.names[:1]), birth_date=traveller["birth_date"],
                                       nationality=traveller["nationality"], document=traveller["document"])
    key = doc_key or name_key
    entries, found, stored_rows = _screening_reads(
        [UUID(h.entry_id) for h in kernel_hits], [k for k in (doc_key, name_key) if k], person, key, post_code,
        record)
    dismissals: dict[tuple[UUID, int], HitDismissal] = {}
    for dismissal in found:  # oldest first: the newest of an entry version stays
        dismissals[(dismissal.entry_id, dismissal.entry_version)] = dismissal
    results = []
    now = timezone.now()
    # The hits already stored for this traveller at this post (locked), the newest per
    # entry version and status; new ones are inserted together.
    stored_hits: dict[tuple, ScreeningHit] = {}
    for row in stored_rows:
        stored_hits.setdefault((row.entry_id, row.entry_version, row.status, row.suppressed_by_id), row)
    to_create: list[ScreeningHit] = []
    to_update: list[ScreeningHit] = []
    seen_again: list[ScreeningHit] = []
    for hit in kernel_hits:
        entry = entries.get(UUID(hit.entry_id))
        if entry is None or not entry.active or not entry.watchlist.active or entry.version != hit.entry_version:
            continue  # changed since this process last caught up; the next screening sees it
        dismissal = dismissals.get((entry.pk, entry.version))
        status = HitStatus.SUPPRESSED if dismissal else HitStatus.OPEN
        explanation = hit.to_dict()
        explanation_text = explanation["explanation"]  # hit.explain(), worked out once
        action = entry.effective_action
        stored_id = None
        if record:
            # The same traveller screened again: the hit already stored (open, or suppressed
            # by the same dismissal) is found again rather than copied.
            stored = stored_hits.get((entry.pk, entry.version, status, dismissal.pk if dismissal else None))
            if stored is not None:
                stored.seen_count += 1
                stored.last_seen_at = now
                if (stored.score, stored.band, stored.explanation_text) == (
                        hit.score, hit.decision.value, explanation_text) and (person is None or stored.person_id):
                    seen_again.append(stored)  # found as it was: only counted
                else:
                    stored.score, stored.band = hit.score, hit.decision.value
                    stored.explanation, stored.explanation_text = explanation, explanation_text
                    if person is not None and stored.person_id is None:
                        stored.person = person
                    to_update.append(stored)
            else:
                stored = ScreeningHit(
                    entry=entry, entry_version=entry.version, person=person, traveller_key=key,
                    traveller_name=traveller["name"][:300], traveller_native_name=traveller["native_name"][:300],
                    traveller_birth_date=traveller["birth_date"], traveller_nationality=traveller["nationality"],
                    traveller_sex=traveller["sex"], traveller_document=traveller["document"],
                    score=hit.score, band=hit.decision.value, explanation=explanation,
                    explanation_text=explanation_text, list_name=entry.watchlist.name, required_action=action,
                    context=(context or "")[:40], post_id=post_code, status=status, suppressed_by=dismissal,
                    screened_by_name=actor.name[:150],
                )
                to_create.append(stored)
            stored_id = stored.pk
        results.append(ScreeningResult(
            id=stored_id, entry_id=entry.pk, entry_version=entry.version, score=hit.score,
            band=hit.decision.value, list_name=entry.watchlist.name, list_kind=entry.watchlist.kind,
            required_action=action, explanation_text=explanation_text, explanation=explanation, status=status,
            matched_name=hit.matched_name, entry_names=tuple(hit.entry_names),
            dismissal_reason=dismissal.reason if dismissal else "",
        ))
    if to_create:
        rawsql.insert(ScreeningHit, to_create)
    if to_update:
        rawsql.update(ScreeningHit, to_update, ["seen_count", "last_seen_at", "score", "band", "explanation",
                                                "explanation_text", "person"])
    _count_seen_again(seen_again, now)
    outcome = ScreeningOutcome(hits=tuple(results), traveller=traveller, entries_screened=screened)
    if audit:
        record_event(actor, "screen", "screening", person.pk if person is not None else None,
                     {"context": context, "record": record, **outcome.audit_details()}, post=post_code)
    return outcome


# --------------------------------------------------------------------------- decisions

DECISIONS = {"confirm": HitStatus.CONFIRMED, "dismiss": HitStatus.DISMISSED}


@transaction.atomic
def decide_hit(actor: Actor, hit_id, decision: str, reason: str = "") -> ScreeningHit:
    """A supervisor's decision on an open hit of one of their posts.

    ``confirm``: the traveller is the listed person (the required action applies).
    ``dismiss``: not the listed person; a reason is required, and the dismissal is
    remembered for this traveller and this entry version.
    """
    actor.require("watchlist.review")
    if decision not in DECISIONS:
        raise ValidationFailed.on("decision", f"must be confirm or dismiss; found {decision!r}")
    hit = get_or_not_found(
        ScreeningHit.objects.select_for_update(of=("self",)).select_related("entry"),
        hit_id, "screening hit",
    )
    actor.require_post(hit.post_id)
    reason = (reason or "").strip()
    if decision == "dismiss" and not reason:
        raise ValidationFailed.on("reason", "say why this traveller is not the listed person")
    if len(reason) > 2000:
        raise ValidationFailed.on("reason", "is longer than 2000 characters")
    if hit.status != HitStatus.OPEN:
        raise Conflict(f"this hit is already {hit.status} by {hit.decided_by_name or 'an earlier screening'}",
                       code="already_decided")
    now = timezone.now()
    hit.status = DECISIONS[decision]
    hit.decided_by_id = _user_id(actor)
    hit.decided_by_name = actor.name[:150]
    hit.decided_at = now
    hit.reason = reason
    hit.save(update_fields=["status", "decided_by", "decided_by_name", "decided_at", "reason"])
    details = {"decision": decision, "reason": reason, "entry": str(hit.entry_id), "entry_version": hit.entry_version,
               "traveller": hit.traveller_name}
    if decision == "dismiss":
        dismissal = HitDismissal.objects.create(
            entry_id=hit.entry_id, entry_version=hit.entry_version, person_id=hit.person_id,
            traveller_key=hit.traveller_key, reason=reason, dismissed_by_id=_user_id(actor),
            dismissed_by_name=actor.name[:150], dismissed_at=now,
        )
        details["dismissal"] = str(dismissal.pk)
    record_event(actor, "decide", "screening_hit", hit.pk, details, post=hit.post_id or "")
    return hit
