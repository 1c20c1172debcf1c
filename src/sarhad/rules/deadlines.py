"""Legal deadlines in calendar days, working days or months, as rules with their sources.

Counting starts on the day after the event (the event day is day 0):

* ``calendar_days``: the due date is the event date plus ``amount`` days. It is **not**
  moved when it falls on a holiday or weekend, unless the rule says
  ``roll_to_working_day`` (then the next working day; the previous one when counting
  backwards);
* ``working_days``: the ``amount``-th working day after the event (Monday to Friday, minus
  Azerbaijan's holidays and substitute days off; see :mod:`sarhad.rules.calendar`);
* ``months``: the same day number ``amount`` months later, or the month's last day when
  that month is shorter (31 January + 1 month = 28/29 February).

``direction="before"`` counts back from an end date: "apply at least 3 days before the
stay ends" is ``compute_deadline(stay_end, 3, "calendar_days", direction="before")``.

Suspensions: while the clock is stopped (e.g. waiting for information from the
applicant) its days are not counted; the due date moves by the suspended days (calendar
and month units) or the suspended working days. Extensions: a rule may allow an extended
period (``extended_amount``, e.g. a visa decision 10 -> 30 calendar days). Tacit consent:
``on_expiry="tacit_consent"`` says that no reply by the due date counts as agreement.

Rules are data (``data/deadlines.json``), each with its legal source; ``uncertain`` marks
values not yet confirmed against a primary text.

>>> from datetime import date
>>> compute_deadline(date(2025, 3, 19), 5, "working_days").due
datetime.date(2025, 4, 7)
>>> compute_deadline(date(2025, 3, 19), 5, "calendar_days").due
datetime.date(2025, 3, 24)
>>> get_rule("visa.decision").deadline(date(2025, 3, 19)).due
datetime.date(2025, 3, 29)
"""

from __future__ import annotations

import calendar as _calendar
import json
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Sequence

from .calendar import WorkingCalendar, azerbaijan_calendar
from .errors import InvalidParameter, InvalidStay, UnknownRule, UnknownUnit

__all__ = [
    "UNITS",
    "Deadline",
    "DeadlineRule",
    "RULES",
    "add_months",
    "compute_deadline",
    "get_rule",
    "load_rules",
]

UNITS = ("calendar_days", "working_days", "months")
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A computed deadline: act on or before ``due``."""

    start: date
    due: date
    amount: int
    unit: str
    direction: str = "after"
    rule: str | None = None
    on_expiry: str | None = None
    rolled_from: date | None = None  # the unmoved date, when rolled off a non-working day
    suspended_days: int = 0
    due_is_working_day: bool = True
    note: str = ""

    def as_dict(self) -> dict:
        out = {"deadline": self.due.isoformat()}
        for name in self.__slots__:
            value = getattr(self, name)
            if name == "due":
                continue
            out[name] = value.isoformat() if isinstance(value, date) else value
        return out


def add_months(day: date, months: int) -> date:
    """Same day number ``months`` later (earlier if negative), clipped to the month end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def _suspended(periods: Sequence[tuple[date, date]]):
    spans = []
    for i, p in enumerate(periods):
        try:
            s, e = p
        except (TypeError, ValueError):
            raise InvalidStay(f"suspensions[{i}]", "must be a (start, end) pair") from None
        if not isinstance(s, date) or not isinstance(e, date):
            raise InvalidStay(f"suspensions[{i}]", "start and end must be dates")
        if e < s:
            raise InvalidStay(f"suspensions[{i}].end", "is before start")
        spans.append((s, e))
    spans.sort()

    def is_suspended(day: date) -> bool:
        return any(s <= day <= e for s, e in spans)

    return spans, is_suspended


def compute_deadline(
    start: date,
    amount: int,
    unit: str,
    *,
    direction: str = "after",
    roll_to_working_day: bool = False,
    suspensions: Sequence[tuple[date, date]] = (),
    calendar: WorkingCalendar | None = None,
    rule: str | None = None,
    on_expiry: str | None = None,
) -> Deadline:
    """Compute one deadline (see the module docstring for the counting rules)."""
    if not isinstance(start, date):
        raise InvalidParameter("start", "must be a date")
    if unit not in UNITS:
        raise UnknownUnit("unit", f"{unit!r} is not one of {', '.join(UNITS)}")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise InvalidParameter("amount", "must be a whole number >= 0")
    if direction not in ("after", "before"):
        raise InvalidParameter("direction", "must be 'after' or 'before'")
    if direction == "before" and suspensions:
        raise InvalidParameter("suspensions", "apply only to deadlines counted after an event")
    cal = calendar or azerbaijan_calendar()
    spans, is_suspended = _suspended(suspensions)
    step = ONE_DAY if direction == "after" else -ONE_DAY
    rolled_from = None
    skipped = 0
    if unit == "months":
        due = add_months(start, amount if direction == "after" else -amount)
        # the clock stops during suspensions: push the due date by the suspended days
        # falling between the event and the (moving) due date
        counted: set[date] = set()
        changed = True
        while changed:
            changed = False
            for s, e in spans:
                d = max(s, start + ONE_DAY)
                while d <= min(e, due):
                    if d not in counted:
                        counted.add(d)
                        due += ONE_DAY
                        changed = True
                    d += ONE_DAY
        skipped = len(counted)
    else:
        due = start
        left = amount
        while left:
            due += step
            if is_suspended(due):
                skipped += 1
                continue
            if unit == "working_days" and not cal.is_working_day(due):
                continue
            left -= 1
    if roll_to_working_day and unit != "working_days" and not cal.is_working_day(due):
        rolled_from = due
        due = cal.next_working_day(due, backwards=(direction == "before"))
    return Deadline(
        start=start,
        due=due,
        amount=amount,
        unit=unit,
        direction=direction,
        rule=rule,
        on_expiry=on_expiry,
        rolled_from=rolled_from,
        suspended_days=skipped,
        due_is_working_day=cal.is_working_day(due),
        note=("" if cal.is_working_day(due) else f"due date is a non-working day: {cal.day_off_reason(due)}"),
    )


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """A deadline rule as data: what starts the clock, how long, what happens after."""

    key: str
    title: str
    amount: int
    unit: str
    event: str
    sources: tuple[str, ...]
    legal_basis: str = ""
    direction: str = "after"
    roll_to_working_day: bool = False
    extended_amount: int | None = None
    suspension_allowed: bool = False
    on_expiry: str | None = None
    uncertain: bool = False
    note: str = ""

    def deadline(
        self,
        event_date: date,
        *,
        extended: bool = False,
        suspensions: Sequence[tuple[date, date]] = (),
        calendar: WorkingCalendar | None = None,
    ) -> Deadline:
        """The due date for an event on ``event_date``."""
        if extended and self.extended_amount is None:
            raise InvalidParameter("extended", f"rule {self.key} has no extended period")
        if suspensions and not self.suspension_allowed:
            raise InvalidParameter("suspensions", f"rule {self.key} does not allow suspension")
        return compute_deadline(
            event_date,
            self.extended_amount if extended else self.amount,
            self.unit,
            direction=self.direction,
            roll_to_working_day=self.roll_to_working_day,
            suspensions=suspensions,
            calendar=calendar,
            rule=self.key,
            on_expiry=self.on_expiry,
        )

    def as_dict(self) -> dict:
        out = {name: getattr(self, name) for name in self.__slots__}
        out["sources"] = list(self.sources)
        return out


_FIELDS = set(DeadlineRule.__slots__)


def load_rules(data: dict | None = None) -> dict[str, DeadlineRule]:
    """Rules from a mapping ``{"rules": [...]}``; default: the packaged catalogue."""
    if data is None:
        text = resources.files("sarhad.rules").joinpath("data", "deadlines.json").read_text("utf-8")
        data = json.loads(text)
    out: dict[str, DeadlineRule] = {}
    for i, raw in enumerate(data.get("rules", [])):
        where = f"rules[{i}]"
        unknown = set(raw) - _FIELDS
        if unknown:
            raise InvalidParameter(where, f"unknown keys {sorted(unknown)}")
        if raw.get("unit") not in UNITS:
            raise UnknownUnit(f"{where}.unit", f"{raw.get('unit')!r} is not one of {', '.join(UNITS)}")
        if not raw.get("sources"):
            raise InvalidParameter(f"{where}.sources", "every rule needs its legal source")
        rule = DeadlineRule(**{**raw, "sources": tuple(raw["sources"])})
        if rule.key in out:
            raise InvalidParameter(f"{where}.key", f"duplicate key {rule.key}")
        out[rule.key] = rule
    return out


RULES: dict[str, DeadlineRule] = load_rules()


def get_rule(key: str) -> DeadlineRule:
    """A rule of the packaged catalogue by key (e.g. ``"visa.decision"``)."""
    try:
        return RULES[key]
    except KeyError:
        raise UnknownRule("rule", f"{key!r} is not in the catalogue ({', '.join(sorted(RULES))})") from None
