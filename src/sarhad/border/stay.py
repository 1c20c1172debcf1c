"""The stay question at the desk: which regime applies, what the history says, how long.

Reads the person's crossings, visas and permits and asks the stay-rules kernel
(:mod:`sarhad.rules`). Pairing entries with exits follows
``docs/decisions/0005-border-entry-exit-matching.md``: an exit closes the latest open
entry; an entry that meets an open entry marks that one ``exit_missing`` and counts only
its entry day (the days after it are not known).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from django.db.models import Q
from django.utils.translation import gettext as _

from sarhad.common import rawsql, refcache
from sarhad.rules import Period, Visa as VisaRule, evaluate_stay
from sarhad.rules.registration import registration_due

from .models import Crossing, Direction, ResidencePermit, StayRegime, Visa

CITIZENSHIP = "AZE"


def regime_for(nationality: str | None) -> StayRegime:
    if nationality == CITIZENSHIP:
        return StayRegime(kind=StayRegime.Kind.CITIZEN, limit_days=0, window_days=1)
    return refcache.get(f"regime:{nationality or ''}", lambda: _load_regime(nationality))


def _load_regime(nationality: str | None) -> StayRegime:
    # The nationality's own regime or the default, in one query.
    rows = StayRegime.objects.filter(Q(nationality_id=nationality) | Q(nationality__isnull=True)) if nationality \
        else StayRegime.objects.filter(nationality__isnull=True)
    found = {r.nationality_id: r for r in rows}
    return found.get(nationality) or found.get(None) or StayRegime(
        kind=StayRegime.Kind.VISA_REQUIRED, limit_days=90, window_days=180,
    )


def stays_from_crossings(crossings) -> list[tuple[date, date | None]]:
    """(entry, exit or None) pairs from crossings in time order, for the stay kernel."""
    stays: list[tuple[date, date | None]] = []
    open_entry: date | None = None
    for c in crossings:
        if c.direction == Direction.ENTRY:
            if open_entry is not None:  # exit not recorded: only the entry day is known
                stays.append((open_entry, open_entry))
            open_entry = c.local_date
        elif open_entry is not None:
            stays.append((open_entry, max(open_entry, c.local_date)))
            open_entry = None
    if open_entry is not None:
        stays.append((open_entry, None))
    # An exit and a re-entry on the same day touch, which the kernel accepts; an entry
    # on a day already counted (after an unrecorded exit) starts from that day instead.
    merged: list[tuple[date, date | None]] = []
    for entry, exit_ in stays:
        if merged and merged[-1][1] is not None and entry < merged[-1][1]:
            entry = merged[-1][1]
            if exit_ is not None and exit_ < entry:
                continue
        merged.append((entry, exit_))
    return merged


@dataclass(frozen=True)
class StayAssessment:
    regime: str
    regime_label: str
    allowed: bool
    last_permitted_day: date | None
    used_days: int | None = None
    remaining_days: int | None = None
    overstay_days: int = 0
    limit: int | None = None
    window: int | None = None
    authority: str = ""
    registration_due: date | None = None
    registration_threshold: int | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        out = dict(self.__dict__)
        for key in ("last_permitted_day", "registration_due"):
            out[key] = out[key].isoformat() if out[key] else None
        out["notes"] = list(self.notes)
        return out


def _valid_visa(visas, on: date):
    """The visa valid on ``on`` that lasts longest, or None."""
    valid = [v for v in visas if v.valid_from <= on <= v.valid_until]
    return max(valid, key=lambda v: v.valid_until) if valid else None


class CrossingRow(NamedTuple):
    """What the desk reads of a past crossing: its history line and the stay rules need
    no more, and a model instance per crossing cost more than the query."""

    direction: str
    local_date: date
    post_id: str
    permitted_until: date | None


@dataclass(frozen=True)
class Records:
    """A person's crossings (``CrossingRow``, in time order), visas and residence permits,
    and the id of the open entry (the latest entry no exit closes, not marked
    ``exit_missing``; decision 0005), if any."""

    crossings: list = field(default_factory=list)
    visas: list = field(default_factory=list)
    permits: list = field(default_factory=list)
    open_entry: Any = None


_CROSSING = CrossingRow._fields
#: read with each crossing to find the open entry: its id, the entry an exit closes, the mark
_LINKS = ("id", "entry_id", "exit_missing")
_VISA = ("id", "kind", "number", "valid_from", "valid_until", "duration_days", "entries")
_PERMIT = ("id", "kind", "number", "valid_from", "valid_until")


def _instance(model, names: tuple[str, ...], values, person):
    obj = rawsql.instance(model, dict(zip(names, values)), {"person_id": person.pk})
    obj.person = person
    return obj


def records(person) -> Records:
    """The person's crossings (in time order), visas (newest first), permits (newest
    first) and open entry, in one plain query.

    Every desk check and record reads them, and Django's query building would cost more
    than the query (decision 0006); each statement also costs a round trip of its own.
    """
    if person is None:
        return Records()
    return records_from(rawsql.read_parts(Crossing, record_parts("%s", [rawsql.param(Crossing, "person", person.pk)])),
                        person)


def record_parts(person_sql: str, person_params: list) -> list[rawsql.Part]:
    """The reads of :func:`records` as parts of a combined statement
    (:func:`sarhad.common.rawsql.read_parts`), for the person whose id ``person_sql``
    gives (a parameter, or a subquery: the desk check reads them with the document's
    holder)."""
    time = rawsql.time_order(Crossing, "occurred_at")
    types = rawsql.column_types(Crossing, (*_CROSSING, "occurred_at", *_LINKS))
    return [
        rawsql.Part("c", (*_CROSSING, time, *_LINKS), f"FROM {rawsql.table(Crossing)} WHERE person_id = {person_sql}",
                    tuple(person_params), order=("local_date", time),
                    types=(*types[:len(_CROSSING)], rawsql.TIME_ORDER_TYPE, *types[len(_CROSSING) + 1:])),
        rawsql.Part("v", _VISA, f"FROM {rawsql.table(Visa)} WHERE person_id = {person_sql}", tuple(person_params),
                    order=("-valid_from",), types=rawsql.column_types(Visa, _VISA)),
        rawsql.Part("p", _PERMIT, f"FROM {rawsql.table(ResidencePermit)} WHERE person_id = {person_sql}",
                    tuple(person_params), order=("-valid_from",), types=rawsql.column_types(ResidencePermit, _PERMIT)),
    ]


def records_from(rows: dict[str, list[tuple]], person) -> Records:
    """:class:`Records` from the rows of :func:`record_parts`."""
    width = len(_CROSSING)
    crossings = [row[:width] for row in rows["c"]]
    return Records(
        list(map(CrossingRow._make, rawsql.converted(Crossing, _CROSSING, crossings))),
        [_instance(Visa, _VISA, row, person) for row in rows["v"]],
        [_instance(ResidencePermit, _PERMIT, row, person) for row in rows["p"]],
        _open_entry([row[width + 1:] for row in rows["c"]], crossings),
    )


def _open_entry(links: list, crossings: list):
    """The id of the latest entry (``crossings`` are in time order) that no exit closes
    and that is not marked ``exit_missing``; ``links`` are the crossings' ``_LINKS``."""
    closed = {link[1] for link in links if link[1] is not None}
    for (crossing_id, _entry_id, exit_missing), crossing in zip(reversed(links), reversed(crossings)):
        if crossing[0] == Direction.ENTRY and not exit_missing and crossing_id not in closed:
            return Crossing._meta.pk.to_python(crossing_id)
    return None


def assess_entry(person, nationality: str | None, on: date, known: Records | None = None) -> StayAssessment:
    """May this person enter today, and until when may they stay?

    ``known``: the person's records (:func:`records`) if the caller has read them
    already (the desk check shows them too); otherwise they are read here.
    """
    regime = regime_for(nationality)
    label = regime.get_kind_display()
    if regime.kind == StayRegime.Kind.CITIZEN:
        return StayAssessment("citizen", label, True, None, authority="citizenship")
    known = records(person) if known is None else known
    permits = known.permits
    current_permit = next((p for p in permits if p.valid_from <= on <= p.valid_until), None)
    if current_permit:
        return StayAssessment(regime.kind, label, True, current_permit.valid_until,
                              authority=str(current_permit))
    visa = _valid_visa(known.visas, on)
    if regime.kind in (StayRegime.Kind.VISA_REQUIRED, StayRegime.Kind.EVISA) and visa is None:
        return StayAssessment(regime.kind, label, False, None,
                              notes=(_("a valid visa is required and none is recorded for this person"),))
    # Past stays are closed; one still open (no exit recorded) counts its entry day only.
    past = [c for c in known.crossings if c.local_date <= on]
    stays = [(a, a if b is None else b) for a, b in stays_from_crossings(past) if a < on]
    stays.append((on, None))
    limit = regime.limit_days if regime.kind == StayRegime.Kind.VISA_FREE else None
    visa_rule = None
    per_entry = regime.per_entry_days
    authority = label
    if visa is not None:
        visa_rule = VisaRule(valid_from=visa.valid_from, valid_until=visa.valid_until,
                             duration_days=visa.duration_days, entries=visa.entries, label=str(visa))
        authority = str(visa)
    result = evaluate_stay(stays, on, limit=limit, window=regime.window_days, per_entry_limit=per_entry,
                           visa=visa_rule, permits=[Period(p.valid_from, p.valid_until) for p in permits])
    allowed = result.latest_exit is not None and result.latest_exit >= on
    notes = []
    if not allowed:
        notes.append(_("the permitted stay is already used up"))
    reg = registration_due(on, nationality or "")
    return StayAssessment(
        regime.kind, label, allowed, result.latest_exit, result.used_days, result.remaining_days,
        result.overstay_days, limit, regime.window_days, authority, reg.due, reg.threshold_days, tuple(notes),
    )


def overstay_on_exit(person, nationality: str | None, on: date, known: Records | None = None) -> int:
    """Days over the permitted stay for a person leaving today (0 when none).

    ``known``: the person's records if the caller has read them already.
    """
    regime = regime_for(nationality)
    if regime.kind == StayRegime.Kind.CITIZEN or person is None:
        return 0
    known = records(person) if known is None else known
    stays = stays_from_crossings([c for c in known.crossings if c.local_date <= on])
    if not stays or stays[-1][1] is not None:
        return 0
    permits = known.permits
    if any(p.valid_from <= on <= p.valid_until for p in permits):
        return 0
    limit = regime.limit_days if regime.kind == StayRegime.Kind.VISA_FREE else None
    entry_day = stays[-1][0]
    visa = _valid_visa(known.visas, entry_day)
    visa_rule = VisaRule(visa.valid_from, visa.valid_until, visa.duration_days, visa.entries) if visa else None
    if limit is None and visa_rule is None:
        return 0
    result = evaluate_stay(stays, on, limit=limit, window=regime.window_days,
                           per_entry_limit=regime.per_entry_days, visa=visa_rule,
                           permits=[Period(p.valid_from, p.valid_until) for p in permits])
    return result.overstay_days
