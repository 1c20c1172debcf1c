"""Working days: Monday to Friday, minus public holidays and substitute days off, plus
weekend days made working by decree.

Azerbaijan's calendar comes from the ``holidays`` package (``holidays.AZ``): the public
holidays of the Labour Code (Art. 105), the carry-over of a holiday that falls on a
weekend to the next working day (Art. 105.5, and 105.6 for Ramazan and Qurban bayrami),
and the Cabinet of Ministers' decisions that swap working and rest days (a weekday becomes
a day off, a Saturday or Sunday becomes a working day). Islamic holidays of years the
package has not confirmed are *estimated* (:meth:`WorkingCalendar.is_estimated`).

The government announces the swaps of a year only late in the year before, and Islamic
holidays are fixed only when the moon is sighted. A national calendar file
(``data/az_calendar.json``, or any file in the same shape passed to
:func:`load_calendar_file`) adds or removes days by decree, each with its source; it wins
over the package::

    {"country": "AZ",
     "changes": [
        {"date": "2027-03-10", "kind": "day_off", "name": "Ramazan bayrami",
         "source": "Cabinet of Ministers decision No ..."},
        {"date": "2027-03-13", "kind": "working_day", "name": "swap", "source": "..."}]}

>>> from datetime import date
>>> az = azerbaijan_calendar()
>>> az.is_working_day(date(2025, 3, 19)), az.is_working_day(date(2025, 3, 20))
(True, False)
>>> az.is_working_day(date(2023, 12, 30))  # a Saturday made working (2024 swap)
True
>>> az.add_working_days(date(2025, 3, 19), 5)  # Novruz, swaps and Ramazan bayrami in between
datetime.date(2025, 4, 7)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Iterable

from .errors import CalendarFileError, InvalidParameter

__all__ = [
    "CalendarChange",
    "WorkingCalendar",
    "azerbaijan_calendar",
    "load_calendar_file",
    "parse_calendar",
]

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class CalendarChange:
    """One day changed by decree: ``kind`` is ``day_off`` or ``working_day``."""

    day: date
    kind: str
    name: str = ""
    source: str = ""


def parse_calendar(data: dict, origin: str = "calendar") -> tuple[str, tuple[CalendarChange, ...]]:
    """Validate a calendar mapping; return ``(country, changes)``."""
    if not isinstance(data, dict):
        raise CalendarFileError(origin, "must be a JSON object")
    country = data.get("country")
    if not isinstance(country, str) or not country:
        raise CalendarFileError(f"{origin}: country", "is required (ISO 3166-1 alpha-2, e.g. AZ)")
    changes = data.get("changes", [])
    if not isinstance(changes, list):
        raise CalendarFileError(f"{origin}: changes", "must be a list")
    out = []
    for i, ch in enumerate(changes):
        where = f"{origin}: changes[{i}]"
        if not isinstance(ch, dict):
            raise CalendarFileError(where, "must be an object")
        try:
            day = date.fromisoformat(ch.get("date", ""))
        except (TypeError, ValueError):
            raise CalendarFileError(f"{where}.date", "must be a date YYYY-MM-DD") from None
        kind = ch.get("kind")
        if kind not in ("day_off", "working_day"):
            raise CalendarFileError(f"{where}.kind", "must be 'day_off' or 'working_day'")
        if not ch.get("source"):
            raise CalendarFileError(f"{where}.source", "is required: cite the decree")
        out.append(CalendarChange(day, kind, str(ch.get("name", "")), str(ch["source"])))
    return country, tuple(out)


def load_calendar_file(path: str | Path) -> tuple[str, tuple[CalendarChange, ...]]:
    """Read a national calendar JSON file (see the module docstring)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CalendarFileError(str(path), f"cannot be read: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise CalendarFileError(str(path), f"is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    return parse_calendar(data, Path(path).name)


def _packaged_changes(country: str) -> tuple[CalendarChange, ...]:
    name = f"{country.lower()}_calendar.json"
    try:
        text = resources.files("sarhad.rules").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    found, changes = parse_calendar(json.loads(text), name)
    if found != country:
        raise CalendarFileError(name, f"is for {found}, not {country}")
    return changes


class WorkingCalendar:
    """Working days of one country, computed per year on first use and cached.

    ``changes`` (from a national calendar file) override the ``holidays`` package;
    ``use_package=False`` gives a calendar of weekends plus the changes only.
    """

    def __init__(
        self,
        country: str = "AZ",
        changes: Iterable[CalendarChange] = (),
        *,
        use_package: bool = True,
        weekend: tuple[int, ...] = (5, 6),
    ) -> None:
        self.country = country
        self.changes = {c.day: c for c in changes}
        self.use_package = use_package
        self.weekend = frozenset(weekend)
        self._years: dict[int, tuple[dict[date, str], frozenset[date], frozenset[date]]] = {}

    def _year(self, year: int):
        cached = self._years.get(year)
        if cached is not None:
            return cached
        days_off: dict[date, str] = {}
        working_weekend: set[date] = set()
        estimated: set[date] = set()
        if self.use_package:
            import holidays

            # the swaps of a year can be decided in the next year's decision (a Saturday
            # at the end of December made working for a day off in January)
            cal = holidays.country_holidays(self.country, years=(year, year + 1), language="en_US")
            for day, name in cal.items():
                if day.year == year:
                    days_off[day] = name
                    if "estimated" in name:
                        estimated.add(day)
            working_weekend.update(d for d in getattr(cal, "weekend_workdays", ()) if d.year == year)
        for day, ch in self.changes.items():
            if day.year != year:
                continue
            if ch.kind == "day_off":
                days_off[day] = ch.name or "day off (national calendar)"
                working_weekend.discard(day)
            else:
                days_off.pop(day, None)
                estimated.discard(day)
                if day.weekday() in self.weekend:
                    working_weekend.add(day)
        cached = (days_off, frozenset(working_weekend), frozenset(estimated))
        self._years[year] = cached
        return cached

    def is_working_day(self, day: date) -> bool:
        days_off, working_weekend, _ = self._year(day.year)
        if day.weekday() in self.weekend:
            return day in working_weekend
        return day not in days_off

    def day_off_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day (``None`` if it is one)."""
        if self.is_working_day(day):
            return None
        days_off, _, _ = self._year(day.year)
        return days_off.get(day) or ("Saturday" if day.weekday() == 5 else "Sunday" if day.weekday() == 6 else "rest day")

    def is_estimated(self, day: date) -> bool:
        """True if ``day`` is a day off only by an estimate (a future Islamic holiday)."""
        return day in self._year(day.year)[2]

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``n < 0``: before); ``n == 0`` is ``start``."""
        if not isinstance(n, int):
            raise InvalidParameter("amount", "must be a whole number")
        step = ONE_DAY if n >= 0 else -ONE_DAY
        day = start
        left = abs(n)
        while left:
            day += step
            if self.is_working_day(day):
                left -= 1
        return day

    def next_working_day(self, day: date, *, backwards: bool = False) -> date:
        """``day`` itself if working, else the next (or previous) working day."""
        step = -ONE_DAY if backwards else ONE_DAY
        while not self.is_working_day(day):
            day += step
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]`` (counting from the day after ``start``)."""
        n = 0
        day = start
        while day < end:
            day += ONE_DAY
            n += self.is_working_day(day)
        return n


_AZ: WorkingCalendar | None = None


def azerbaijan_calendar() -> WorkingCalendar:
    """Azerbaijan's calendar: ``holidays.AZ`` plus the packaged national calendar file."""
    global _AZ
    if _AZ is None:
        _AZ = WorkingCalendar("AZ", _packaged_changes("AZ"))
    return _AZ
