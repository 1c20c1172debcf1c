"""Registration at the place of stay (Azerbaijan), as configurable rules.

A foreigner or stateless person who stays in Azerbaijan longer than 15 days must be
registered at the place of stay within 15 days of arrival; citizens of Kazakhstan only
when staying longer than 30 days, within 30 days. After moving to a new address the
person re-registers within 5 working days (not needed when moving to another flat of the
same owner). Source: State Migration Service, https://migration.gov.az/en/oyq.

The thresholds live in ``data/registration.json`` and the deadlines in the deadline
catalogue (``registration.apply``, ``registration.apply_kaz``,
``registration.change_of_address``), so a change of law is a data change.

Days are counted as in the rest of the kernel: the arrival day and the departure day are
both days of stay; a deadline counts from the day after the event.

>>> from datetime import date
>>> r = registration_due(date(2025, 3, 1), "DEU", departure=date(2025, 3, 20))
>>> r.required, r.due
(True, datetime.date(2025, 3, 16))
>>> registration_due(date(2025, 3, 1), "KAZ", departure=date(2025, 3, 20)).required
False
>>> reregistration_due(date(2025, 3, 19)).due  # Novruz holidays in between
datetime.date(2025, 4, 7)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources

from .calendar import WorkingCalendar
from .deadlines import Deadline, get_rule
from .errors import InvalidParameter, InvalidStay

__all__ = [
    "RegistrationRule",
    "RegistrationDue",
    "REGISTRATION_RULES",
    "registration_rule_for",
    "registration_due",
    "reregistration_due",
]


@dataclass(frozen=True, slots=True)
class RegistrationRule:
    """Who must register, after how many days, and by when."""

    key: str
    nationalities: tuple[str, ...]
    threshold_days: int
    within_days: int
    deadline_rule: str
    sources: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class RegistrationDue:
    """Whether and by when the place of stay must be registered.

    ``required`` is ``None`` when the departure date is not known: the duty then arises
    once the stay exceeds ``threshold_days``, and ``due`` is the date to respect in that
    case. ``late`` says whether a registration made on ``registered_on`` was late.
    """

    arrival: date
    nationality: str
    required: bool | None
    due: date
    rule: str
    threshold_days: int
    within_days: int
    stay_days: int | None
    late: bool | None
    sources: tuple[str, ...]

    def as_dict(self) -> dict:
        out = {}
        for name in self.__slots__:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, date) else (
                list(value) if isinstance(value, tuple) else value
            )
        return out


def _load() -> tuple[dict[str, RegistrationRule], RegistrationRule, dict]:
    text = resources.files("sarhad.rules").joinpath("data", "registration.json").read_text("utf-8")
    data = json.loads(text)
    by_nationality: dict[str, RegistrationRule] = {}
    default = None
    for raw in data["rules"]:
        rule = RegistrationRule(
            key=raw["key"],
            nationalities=tuple(raw["nationalities"]),
            threshold_days=int(raw["threshold_days"]),
            within_days=int(raw["within_days"]),
            deadline_rule=raw["deadline_rule"],
            sources=tuple(raw["sources"]),
            note=raw.get("note", ""),
        )
        if get_rule(rule.deadline_rule).amount != rule.within_days:  # one truth, two files
            raise InvalidParameter(f"registration.json: {rule.key}", "within_days differs from its deadline rule")
        if not rule.nationalities:
            default = rule
        for code in rule.nationalities:
            by_nationality[code] = rule
    if default is None:
        raise InvalidParameter("registration.json", "needs a default rule (empty nationalities)")
    return by_nationality, default, data["change_of_address"]


REGISTRATION_RULES, _DEFAULT, _CHANGE = _load()


def registration_rule_for(nationality: str) -> RegistrationRule:
    """The rule for a nationality (ICAO/ISO alpha-3 code), or the default rule."""
    return REGISTRATION_RULES.get((nationality or "").upper(), _DEFAULT)


def registration_due(
    arrival: date,
    nationality: str,
    departure: date | None = None,
    *,
    registered_on: date | None = None,
    rule: RegistrationRule | None = None,
    calendar: WorkingCalendar | None = None,
) -> RegistrationDue:
    """Must this stay be registered, and by when?

    ``rule`` overrides the rule chosen by nationality (e.g. a regime under a new treaty);
    its ``deadline_rule`` names the deadline in the catalogue."""
    if not isinstance(arrival, date):
        raise InvalidStay("arrival", "must be a date")
    if departure is not None and departure < arrival:
        raise InvalidStay("departure", "is before arrival")
    rule = rule or registration_rule_for(nationality)
    due = get_rule(rule.deadline_rule).deadline(arrival, calendar=calendar).due
    stay_days = None if departure is None else (departure - arrival).days + 1
    required = None if stay_days is None else stay_days > rule.threshold_days
    late = None
    if registered_on is not None:
        late = registered_on > due
    return RegistrationDue(
        arrival=arrival,
        nationality=(nationality or "").upper(),
        required=required,
        due=due,
        rule=rule.key,
        threshold_days=rule.threshold_days,
        within_days=rule.within_days,
        stay_days=stay_days,
        late=late,
        sources=rule.sources,
    )


def reregistration_due(
    moved_on: date, *, same_owner: bool = False, calendar: WorkingCalendar | None = None
) -> Deadline | None:
    """Deadline to re-register after moving on ``moved_on`` (5 working days), or ``None``
    when the move is to another flat of the same owner."""
    if same_owner and _CHANGE.get("exempt_same_owner", True):
        return None
    return get_rule(_CHANGE["deadline_rule"]).deadline(moved_on, calendar=calendar)
