"""Qualifiers: how date of birth, nationality and sex move a name score.

A name score says how alike two names are; it cannot tell two Ali Mammadovs apart. The
qualifiers can. Each one compares one attribute of the traveller with the entry and
returns a :class:`~sarhad.screening.model.QualifierEffect`: a signed score delta and the
reason in words. An attribute missing on either side has no effect (and says so), so an
entry with little data is never favoured or punished for it.

The sizes of the deltas are policy, not law: they live in :class:`ScoringPolicy` so an
operator can tune them (``ScreeningIndex(policy=...)``) and a review can see them.

Dates of birth are compared as intervals, so partial dates and ranges are respected: a
listed ``1980`` agrees (weakly) with a traveller born ``1980-05-02``; a listed
``1980-05-02`` agrees strongly with the same day; a day and month swapped
(``1980-02-05``) is a common clerical error and counts as a weak agreement.

>>> policy = ScoringPolicy()
>>> compare_birth_date(BirthDate.parse("1980-05-02"), (BirthDate.parse("1980"),), policy).delta
0.04
>>> compare_sex("M", "F", policy).delta
-0.12
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import BirthDate, DatePrecision, QualifierEffect

__all__ = [
    "ScoringPolicy",
    "compare_birth_date",
    "compare_nationality",
    "compare_sex",
]


@dataclass(frozen=True, slots=True)
class ScoringPolicy:
    """Thresholds and qualifier weights of screening (all on the [0, 1] score scale).

    ``hit_threshold``: at or above, the decision is HIT; ``review_threshold``: at or
    above, REVIEW. ``name_floor``: a name score below this is no match whatever the
    qualifiers say (qualifiers refine names, they do not replace them). Document matches
    are HIT regardless of the name (``document_score`` exact, ``document_bridged_score``
    when OCR confusions or a missing issuing state had to be bridged).
    """

    hit_threshold: float = 0.85
    review_threshold: float = 0.72
    name_floor: float = 0.55
    document_score: float = 1.0
    document_bridged_score: float = 0.97
    # date of birth
    dob_same_day: float = 0.10
    dob_same_month: float = 0.06
    dob_same_year: float = 0.04
    dob_in_range: float = 0.02
    dob_day_month_swapped: float = 0.02
    # A partial date within a year of the other, or a complete one a digit away: REVIEW at best.
    dob_near: float = -0.25
    dob_differs: float = -0.40
    # nationality
    nationality_agrees: float = 0.03
    nationality_differs: float = -0.06
    # sex
    sex_agrees: float = 0.01
    sex_differs: float = -0.12
    # Without a document, HIT needs the dates of birth to agree: a name (and nationality)
    # alone, with no date on one side, is put before the officer (REVIEW), not acted on.
    hit_needs_birth_date: bool = True

    def __post_init__(self) -> None:
        if not 0.0 <= self.review_threshold <= self.hit_threshold <= 1.0:
            raise ValueError(
                "thresholds must satisfy 0 <= review_threshold <= hit_threshold <= 1, got "
                f"{self.review_threshold} and {self.hit_threshold}"
            )


def compare_birth_date(
    query: BirthDate | None, listed: tuple[BirthDate, ...], policy: ScoringPolicy
) -> QualifierEffect:
    """Best agreement of the traveller's date of birth with any listed one."""
    if query is None or not listed:
        side = "traveller" if query is None else "entry"
        return QualifierEffect("date of birth", 0.0, f"not compared ({side} has none)")
    outcome, best = max(((_date_outcome(query, d, policy), d) for d in listed), key=lambda o: o[0][0])
    return QualifierEffect("date of birth", outcome[0], _date_reason(outcome, query, best))


def birth_date_delta(query: BirthDate | None, listed: tuple[BirthDate, ...], policy: ScoringPolicy) -> float:
    """The delta of :func:`compare_birth_date`, without writing its explanation (the
    screening index asks it of many candidates and keeps few)."""
    if query is None or not listed:
        return 0.0
    return max(_date_outcome(query, d, policy)[0] for d in listed)


_ORDER = (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.RANGE)


def _date_outcome(query: BirthDate, listed: BirthDate, policy: ScoringPolicy) -> tuple[float, str, int]:
    """(delta, what was found, gap in days) of one listed date; see ``_date_reason``."""
    if query.overlaps(listed):
        # The weaker of the two precisions decides how much the agreement says.
        coarser = max(query.precision, listed.precision, key=_ORDER.index)
        if coarser is DatePrecision.DAY:
            return policy.dob_same_day, "day", 0
        if coarser is DatePrecision.MONTH:
            return policy.dob_same_month, "month", 0
        if coarser is DatePrecision.YEAR:
            return policy.dob_same_year, "year", 0
        return policy.dob_in_range, "range", 0
    if query.precision is DatePrecision.DAY and listed.precision is DatePrecision.DAY:
        q, e = query.earliest, listed.earliest
        if q.year == e.year and q.month == e.day and q.day == e.month:
            return policy.dob_day_month_swapped, "swapped", 0
        # Two complete dates: a slip of one digit (or two neighbours swapped) within the
        # year is how a listed date goes wrong; any other difference is another person's
        # birthday. (Dates years apart always differ: the index relies on it to skip them.)
        if abs((q - e).days) <= 366 and _one_slip(f"{q:%Y%m%d}", f"{e:%Y%m%d}"):
            return policy.dob_near, "slip", 0
        return policy.dob_differs, "differs", 0
    gap = min(abs((query.earliest - listed.latest).days), abs((listed.earliest - query.latest).days))
    if gap <= 366:
        return policy.dob_near, "near", gap
    return policy.dob_differs, "differs", gap


def _date_reason(outcome: tuple[float, str, int], query: BirthDate, listed: BirthDate) -> str:
    found, gap = outcome[1], outcome[2]
    if found == "day":
        return f"same day {listed}"
    if found in ("month", "year"):
        return f"{query} agrees with listed {listed} ({found})"
    if found == "range":
        return f"{query} within listed range {listed}"
    if found == "swapped":
        return f"{query} is listed {listed} with day and month swapped"
    if found == "slip":
        return f"{query} is one digit away from listed {listed}"
    if found == "near":
        return f"{query} differs from listed {listed} by {gap} days"
    return f"{query} differs from listed {listed}"


def _one_slip(a: str, b: str) -> bool:
    """Equal-length strings that differ in one position, or by two neighbours swapped."""
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def compare_nationality(query: str | None, listed: tuple[str, ...], policy: ScoringPolicy) -> QualifierEffect:
    if query is None or not listed:
        side = "traveller" if query is None else "entry"
        return QualifierEffect("nationality", 0.0, f"not compared ({side} has none)")
    if query in listed:
        return QualifierEffect("nationality", policy.nationality_agrees, f"{query} is listed")
    return QualifierEffect("nationality", policy.nationality_differs, f"{query} not among listed {', '.join(listed)}")


def compare_sex(query: str | None, listed: str | None, policy: ScoringPolicy) -> QualifierEffect:
    if query is None or listed is None:
        side = "traveller" if query is None else "entry"
        return QualifierEffect("sex", 0.0, f"not compared ({side} has none)")
    if query == listed:
        return QualifierEffect("sex", policy.sex_agrees, f"{query} as listed")
    return QualifierEffect("sex", policy.sex_differs, f"{query} but listed {listed}")
