"""Sarhad's legal rules kernel: stay limits, registration of stay, legal deadlines.

Pure Python, no Django, no I/O of its own (it reads only the data files shipped inside
the package). Dates are calendar dates in the post's local zone.

* :mod:`sarhad.rules.stay` -- rolling "N days in any M-day period" limit, per-entry
  limits, visas and residence permits: :func:`evaluate_stay`, :func:`earliest_entry`,
  :func:`explain`.
* :mod:`sarhad.rules.batch` -- the same semantics for a whole country's crossings at once
  (Polars): :func:`sarhad.rules.batch.stay_status`, :func:`sarhad.rules.batch.overstayers`.
"""

from .errors import (
    CalendarFileError,
    InvalidParameter,
    InvalidStay,
    RulesError,
    UnknownRule,
    UnknownUnit,
)
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
