"""Sarhad's legal rules kernel: stay limits, registration of stay, legal deadlines.

Pure Python, no Django, no I/O of its own (it reads only the data files shipped inside
the package). Dates are calendar dates in the post's local zone.

* :mod:`sarhad.rules.stay` -- rolling "N days in any M-day period" limit, per-entry
  limits, visas and residence permits: :func:`evaluate_stay`, :func:`earliest_entry`,
  :func:`explain`.
* :mod:`sarhad.rules.deadlines` -- legal deadlines in calendar days, working days or
  months, rules as data with their sources: :func:`compute_deadline`, :func:`get_rule`.
* :mod:`sarhad.rules.calendar` -- Azerbaijan's working days (``holidays.AZ`` plus a national
  calendar file): :func:`azerbaijan_calendar`.
* :mod:`sarhad.rules.registration` -- registration of the place of stay:
  :func:`registration_due`, :func:`reregistration_due`.
* :mod:`sarhad.rules.batch` -- the stay semantics for a whole country's crossings at once
  (Polars; imported on its own so the desk does not load Polars):
  :func:`sarhad.rules.batch.stay_status`, :func:`sarhad.rules.batch.overstayers`.
"""

from .errors import (
    CalendarFileError,
    InvalidParameter,
    InvalidStay,
    RulesError,
    UnknownRule,
    UnknownUnit,
)
from .calendar import WorkingCalendar, azerbaijan_calendar
from .deadlines import Deadline, DeadlineRule, compute_deadline, get_rule
from .registration import RegistrationDue, registration_due, reregistration_due
from .stay import (
    DayLine,
    Explanation,
    Period,
    Stay,
    StayResult,
    Visa,
    earliest_entry,
    evaluate_stay,
    explain,
)

__all__ = [
    "CalendarFileError",
    "DayLine",
    "Deadline",
    "DeadlineRule",
    "RegistrationDue",
    "WorkingCalendar",
    "azerbaijan_calendar",
    "compute_deadline",
    "get_rule",
    "registration_due",
    "reregistration_due",
    "Explanation",
    "InvalidParameter",
    "InvalidStay",
    "Period",
    "RulesError",
    "Stay",
    "StayResult",
    "UnknownRule",
    "UnknownUnit",
    "Visa",
    "earliest_entry",
    "evaluate_stay",
    "explain",
]
