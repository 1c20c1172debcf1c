"""Rolling stay limit: "N days in any M-day period", per-entry limits, visas, permits.

The rule (Schengen 90/180, Reg. (EU) No 610/2013; the same arithmetic serves Azerbaijan's
90-day visa-free stay and any other regime given as ``limit``/``window``):

* the entry day and the exit day both count; a stay still open counts until the
  evaluation date ``on``; days of stay are distinct calendar dates (leaving and coming back
  on the same day counts that day once);
* days covered by a residence permit (or a long-stay visa) do not count;
* ``used_days`` is the number of counted days in the ``window`` days ending on ``on``;
  ``remaining_days = max(0, limit - used_days)``;
* ``overstay_days`` is the number of counted days, over the whole history up to ``on``,
  that break a rule: the window ending that day holds more than ``limit`` days, or (when
  given) the day is beyond the per-entry limit or outside what the visa allows;
* ``latest_exit`` (only while a stay is open, entered on E) is the largest date L such
  that, staying every day from E to L, no day from E to L breaks a rule. It lies before
  ``on`` when the person is already over, and is ``None`` when no stay is open or E itself
  breaks a rule.

History is read "as known on ``on``": stays that start after ``on`` are ignored, and a
stay whose recorded exit is after ``on`` is open on ``on``.

>>> from datetime import date
>>> r = evaluate_stay([(date(2024, 1, 1), date(2024, 3, 30))], on=date(2024, 6, 28))
>>> r.used_days, r.remaining_days, r.in_area
(90, 0, False)
>>> earliest_entry([(date(2024, 1, 1), date(2024, 3, 30))], on=date(2024, 4, 1), days=1)
datetime.date(2024, 6, 29)
>>> r = evaluate_stay([(date(2024, 1, 1), date(2024, 3, 30)), (date(2024, 6, 29), None)],
...                   on=date(2024, 6, 29))
>>> r.used_days, r.overstay_days, r.latest_exit  # each new day pushes an old one out
(90, 0, datetime.date(2024, 9, 26))

Implementation: stays become sorted, disjoint intervals of day ordinals with prefix sums,
so ``C(t)`` (counted days up to t) costs one bisection. Within one unbroken run of counted
days the window count never decreases (a day enters on the right, at most one leaves on the
left), so the first day a run breaks the limit is found by bisection and the rest of the
run is over too. An evaluation is O(n log n) in the number of stays, independent of their
length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter
from datetime import date
from typing import Iterable, Sequence, Union

from .errors import InvalidParameter, InvalidStay

__all__ = [
    "Stay",
    "Period",
    "Visa",
    "StayResult",
    "DayLine",
    "Explanation",
    "evaluate_stay",
    "earliest_entry",
    "explain",
]


@dataclass(frozen=True, slots=True)
class Stay:
    """One stay in the area: ``entry`` and ``exit`` are both days of stay.

    ``exit`` is ``None`` while the person is still in the area.
    """

    entry: date
    exit: date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.entry, date):
            raise InvalidStay("entry", f"must be a date, not {type(self.entry).__name__}")
        if self.exit is not None:
            if not isinstance(self.exit, date):
                raise InvalidStay("exit", f"must be a date or None, not {type(self.exit).__name__}")
            if self.exit < self.entry:
                raise InvalidStay(
                    "exit", f"exit {self.exit.isoformat()} is before entry {self.entry.isoformat()}"
                )


@dataclass(frozen=True, slots=True)
class Period:
    """A span of days (both ends included) covered by a residence permit or long-stay
    visa: days of stay inside it do not count towards the limit."""

    start: date
    end: date
    label: str = "residence permit"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidStay(
                "end", f"end {self.end.isoformat()} is before start {self.start.isoformat()}"
            )


@dataclass(frozen=True, slots=True)
class Visa:
    """A short-stay visa: usable for entries from ``valid_from`` to ``valid_until``,
    for at most ``duration_days`` days of stay in total, and ``entries`` entries
    (``None``: multiple entries).

    Stays that *enter* within the validity are "on the visa". Their days after
    ``valid_until``, beyond ``duration_days``, and every day of an entry beyond the allowed
    number are overstay days.
    """

    valid_from: date
    valid_until: date
    duration_days: int
    entries: int | None = None
    label: str = "visa"

    def __post_init__(self) -> None:
        if self.valid_until < self.valid_from:
            raise InvalidParameter("visa.valid_until", "is before valid_from")
        if self.duration_days < 1:
            raise InvalidParameter("visa.duration_days", "must be at least 1")
        if self.entries is not None and self.entries < 1:
            raise InvalidParameter("visa.entries", "must be at least 1 (or None for multiple)")


StayLike = Union[Stay, Sequence]
PeriodLike = Union[Period, Sequence]

#: Longest window accepted (ten years): real regimes use 180 or 365 days, and the day-by-day
#: explanation and the earliest-entry search grow with the window.
MAX_WINDOW = 3660

#: ``status`` values of :class:`StayResult` (and of the batch job).
STATUSES = ("present", "overstaying", "absent", "overstayed")


@dataclass(frozen=True, slots=True)
class StayResult:
    """What the rules say about one person on ``on``.

    ``status``: ``present`` (in the area, within the rules), ``overstaying`` (in the area
    after ``latest_exit``, or with no allowed day at all), ``absent`` (not in the area, no
    overstay in the history), ``overstayed`` (not in the area, overstayed in the past).
    ``limiting_rule`` says which rule fixes ``latest_exit``: ``rolling``, ``per_entry``,
    ``visa_validity``, ``visa_duration`` or ``visa_entries``.
    """

    on: date
    limit: int | None
    window: int
    used_days: int
    remaining_days: int | None
    overstay_days: int
    latest_exit: date | None
    in_area: bool
    status: str
    current_entry: date | None = None
    first_overstay_day: date | None = None
    limiting_rule: str | None = None
    window_start: date | None = None
    current_stay_days: int | None = None
    visa_days_used: int | None = None
    visa_entries_used: int | None = None

    def as_dict(self) -> dict:
        """JSON-ready mapping (dates as ISO strings), the four headline figures first."""
        out = {}
        first = ("used_days", "remaining_days", "overstay_days", "latest_exit", "status")
        for name in first + tuple(n for n in self.__slots__ if n not in first):
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, date) else value
        return out


# ---------------------------------------------------------------------------------------
# Normalisation


def _as_date(value, field_name: str) -> date:
    if isinstance(value, date):
        return value
    raise InvalidStay(field_name, f"must be a date, not {type(value).__name__}")


def _stays_as_ordinals(stays: Iterable[StayLike], on: date) -> tuple[list, int | None]:
    """Validate, sort and clip the stays.

    Returns ``[(entry, effective_start, end), ...]`` as ordinals, sorted, where
    ``effective_start`` skips a day already counted by the previous stay (same-day
    re-entry), ``end`` is clipped to ``on``, plus the entry ordinal of the stay open on
    ``on`` (or ``None``).
    """
    raw = []
    append = raw.append
    for i, item in enumerate(stays):
        if type(item) is tuple and len(item) == 2:
            entry, exit_ = item
        elif isinstance(item, Stay):
            entry, exit_ = item.entry, item.exit
        else:
            try:
                entry, exit_ = item
            except (TypeError, ValueError):
                raise InvalidStay(f"stays[{i}]", "must be a Stay or an (entry, exit) pair") from None
        if not isinstance(entry, date):
            raise InvalidStay(f"stays[{i}].entry", f"must be a date, not {type(entry).__name__}")
        a = entry.toordinal()
        if exit_ is None:
            append((a, None, i))
            continue
        if not isinstance(exit_, date):
            raise InvalidStay(f"stays[{i}].exit", f"must be a date or null, not {type(exit_).__name__}")
        b = exit_.toordinal()
        if b < a:
            raise InvalidStay(
                f"stays[{i}].exit", f"exit {exit_.isoformat()} is before entry {entry.isoformat()}"
            )
        append((a, b, i))
    raw.sort(key=itemgetter(0))  # stable: equal entries keep their input order
    for (a1, b1, i1), (a2, _b2, i2) in zip(raw, raw[1:]):
        if b1 is None:
            raise InvalidStay(
                f"stays[{i1}].exit",
                f"stay is open (no exit) but stays[{i2}] enters later; only the last stay may be open",
            )
        if a2 < b1:
            raise InvalidStay(
                f"stays[{i2}].entry",
                f"stays overlap: entry {date.fromordinal(a2).isoformat()} is before the exit "
                f"{date.fromordinal(b1).isoformat()} of stays[{i1}]",
            )
    on_ord = on.toordinal()
    out = []
    open_entry = None
    prev_end = None
    for a, b, _i in raw:
        if a > on_ord:
            break
        if b is None or b > on_ord:
            b = on_ord
            open_entry = a
        eff = a if prev_end is None or a > prev_end else prev_end + 1
        out.append((a, eff, b))
        prev_end = b
    return out, open_entry


def _periods_as_ordinals(periods: Iterable[PeriodLike]) -> list[tuple[int, int]]:
    raw = []
    for i, p in enumerate(periods):
        if isinstance(p, Period):
            s, e = p.start, p.end
        else:
            try:
                s, e = p[0], p[1]
            except (TypeError, IndexError):
                raise InvalidStay(f"permits[{i}]", "must be a Period or a (start, end) pair") from None
            s = _as_date(s, f"permits[{i}].start")
            e = _as_date(e, f"permits[{i}].end")
            if e < s:
                raise InvalidStay(f"permits[{i}].end", "is before start")
        raw.append((s.toordinal(), e.toordinal()))
    raw.sort()
    merged: list[list[int]] = []
    for s, e in raw:
        if merged and s <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _subtract(intervals: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``intervals`` minus ``holes`` (both sorted, disjoint), merging touching runs."""
    out: list[tuple[int, int]] = []
    j = 0
    nh = len(holes)
    for a, b in intervals:
        while j < nh and holes[j][1] < a:
            j += 1
        k = j
        cur = a
        while cur <= b:
            if k < nh and holes[k][0] <= b:
                hs, he = holes[k]
                if hs > cur:
                    _append_merge(out, cur, hs - 1)
                cur = max(cur, he + 1)
                k += 1
            else:
                _append_merge(out, cur, b)
                break
    return out


def _append_merge(out: list, a: int, b: int) -> None:
    if out and a <= out[-1][1] + 1:
        if b > out[-1][1]:
            out[-1] = (out[-1][0], b)
    else:
        out.append((a, b))


class _Timeline:
    """Counted days as sorted disjoint ordinal intervals with prefix sums."""

    __slots__ = ("starts", "ends", "before", "through")

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in intervals]
        self.ends = [b for _, b in intervals]
        before = []
        through = []
        total = 0
        for a, b in intervals:
            before.append(total)
            total += b - a + 1
            through.append(total)
        self.before = before
        self.through = through

    def count_upto(self, t: int) -> int:
        """Counted days on or before ordinal ``t``."""
        k = bisect_right(self.starts, t) - 1
        if k < 0:
            return 0
        end = self.ends[k]
        return self.before[k] + (t if t < end else end) - self.starts[k] + 1

    def nth_day(self, n: int) -> int | None:
        """Ordinal of the n-th counted day (1-based), or None past the end."""
        if n < 1:
            return None
        k = bisect_left(self.through, n)
        if k >= len(self.starts):
            return None
        return self.starts[k] + (n - self.before[k]) - 1

    def first_over(self, window: int, limit: int, lo: int, hi: int) -> int | None:
        """First counted day x in ``[lo, hi]`` whose window holds more than ``limit``."""
        starts, ends = self.starts, self.ends
        k = max(0, bisect_right(starts, lo) - 1)
        for k in range(k, len(starts)):
            a, b = starts[k], ends[k]
            if a > hi:
                return None
            if b < lo:
                continue
            a = a if a > lo else lo
            b = b if b < hi else hi
            if self.count_upto(b) - self.count_upto(b - window) <= limit:
                continue
            # the count never decreases inside a run: bisect for the first day over
            while a < b:
                mid = (a + b) // 2
                if self.count_upto(mid) - self.count_upto(mid - window) > limit:
                    b = mid
                else:
                    a = mid + 1
            return a
        return None


def _check_regime(limit: int | None, window: int, per_entry_limit: int | None) -> None:
    if not isinstance(window, int) or not 1 <= window <= MAX_WINDOW:
        raise InvalidParameter("window", f"must be a whole number of days from 1 to {MAX_WINDOW}")
    if limit is not None:
        if not isinstance(limit, int) or limit < 0:
            raise InvalidParameter("limit", "must be a non-negative whole number of days")
        if limit >= window:
            raise InvalidParameter("limit", f"must be less than the window ({window} days)")
    if per_entry_limit is not None and (not isinstance(per_entry_limit, int) or per_entry_limit < 1):
        raise InvalidParameter("per_entry_limit", "must be a positive whole number of days")


# ---------------------------------------------------------------------------------------
# The computation shared by evaluate_stay and explain


@dataclass(slots=True)
class _Work:
    on: int
    stays: list
    open_entry: int | None
    permits: list
    timeline: _Timeline


def _visa_stays(stays: list, visa: Visa) -> list:
    vf, vu = visa.valid_from.toordinal(), visa.valid_until.toordinal()
    return [s for s in stays if vf <= s[0] <= vu]


def _rolling_breaches(tl: _Timeline, window: int, limit: int) -> list[tuple[int, int, str]]:
    """For each run of counted days, the suffix of days over the rolling limit.

    One pass with two pointers (the window's left edge only moves right); bisection only
    inside a run that starts within the limit and ends over it.
    """
    starts, ends, before, through = tl.starts, tl.ends, tl.before, tl.through
    n = len(starts)
    out = []
    j = -1  # last run starting on or before the window edge of the run's end
    i = -1  # same, for the run's first day
    for k in range(n):
        a = starts[k]
        b = ends[k]
        t = b - window
        while j + 1 < n and starts[j + 1] <= t:
            j += 1
        left = 0 if j < 0 else before[j] + (t if t < ends[j] else ends[j]) - starts[j] + 1
        if through[k] - left <= limit:
            continue
        t = a - window
        while i + 1 < n and starts[i + 1] <= t:
            i += 1
        left = 0 if i < 0 else before[i] + (t if t < ends[i] else ends[i]) - starts[i] + 1
        if before[k] + 1 - left > limit:
            out.append((a, b, "rolling"))
            continue
        lo, hi = a + 1, b  # f(lo - 1) <= limit < f(hi)
        count = tl.count_upto
        while lo < hi:
            mid = (lo + hi) // 2
            if before[k] + mid - a + 1 - count(mid - window) > limit:
                hi = mid
            else:
                lo = mid + 1
        out.append((lo, b, "rolling"))
    return out


def _breaches(w: _Work, limit, window, per_entry_limit, visa) -> list[tuple[int, int, str]]:
    """Ranges of days (ordinals, clipped to ``on``) on which some rule is broken."""
    tl = w.timeline
    out = []
    if limit is not None:
        out.extend(_rolling_breaches(tl, window, limit))
    if per_entry_limit is not None:
        for entry, _eff, end in w.stays:
            last_ok = tl.nth_day(tl.count_upto(entry - 1) + per_entry_limit)
            if last_ok is not None and last_ok < end:
                out.append((last_ok + 1, end, "per_entry"))
    if visa is not None:
        vu = visa.valid_until.toordinal()
        on_visa = _visa_stays(w.stays, visa)
        used = 0
        for n, (entry, eff, end) in enumerate(on_visa, start=1):
            if visa.entries is not None and n > visa.entries:
                out.append((entry, end, "visa_entries"))
                continue
            if end > vu:
                out.append((vu + 1, end, "visa_validity"))
            days = tl.count_upto(end) - tl.count_upto(eff - 1)
            left = visa.duration_days - used
            if days > left:
                start = eff if left <= 0 else tl.nth_day(tl.count_upto(eff - 1) + left) + 1
                out.append((start, end, "visa_duration"))
            used += days
    return out


def _count_union(tl: _Timeline, ranges: list) -> tuple[int, int | None]:
    """Counted days in the union of ``ranges``, and the first of them."""
    if not ranges:
        return 0, None
    if all(rule == "rolling" for _a, _b, rule in ranges):  # disjoint suffixes of runs
        return sum(b - a + 1 for a, b, _r in ranges), ranges[0][0]
    spans = sorted((a, b) for a, b, _ in ranges)
    total = 0
    first = None
    cur_a, cur_b = spans[0]
    for a, b in spans[1:] + [(None, None)]:
        if a is not None and a <= cur_b + 1:
            cur_b = max(cur_b, b)
            continue
        n = tl.count_upto(cur_b) - tl.count_upto(cur_a - 1)
        if n:
            total += n
            if first is None:
                first = tl.nth_day(tl.count_upto(cur_a - 1) + 1)
        if a is not None:
            cur_a, cur_b = a, b
    return total, first


def _latest_exit(w: _Work, limit, window, per_entry_limit, visa) -> tuple[int | None, str | None]:
    """Last allowed day of the open stay, assuming presence every day from its entry."""
    E = w.open_entry
    horizon = max(E, w.on, w.permits[-1][1] if w.permits else E)
    horizon += max(window, per_entry_limit or 0, visa.duration_days if visa else 0) + 2
    reach = E - window - 1  # runs ending before this never share a window with day E
    past = [(a, b) for a, b in zip(w.timeline.starts, w.timeline.ends) if a < E and b >= reach]
    if past and past[-1][1] >= E:  # the last past run touches E: cut it at E - 1
        past[-1] = (past[-1][0], E - 1)
        if past[-1][1] < past[-1][0]:
            past.pop()
    future = _subtract([(E, horizon)], w.permits)
    ext = list(past)
    for a, b in future:
        _append_merge(ext, a, b)
    tl = _Timeline(ext)
    candidates: list[tuple[int, str]] = []
    if limit is not None:
        x = tl.first_over(window, limit, E, horizon)
        if x is not None:
            candidates.append((x - 1, "rolling"))
    if per_entry_limit is not None:
        x = tl.nth_day(tl.count_upto(E - 1) + per_entry_limit + 1)
        if x is not None:
            candidates.append((x - 1, "per_entry"))
    if visa is not None:
        vf, vu = visa.valid_from.toordinal(), visa.valid_until.toordinal()
        if vf <= E <= vu:
            on_visa = _visa_stays(w.stays, visa)
            if visa.entries is not None and len(on_visa) > visa.entries:
                candidates.append((E - 1, "visa_entries"))
            candidates.append((vu, "visa_validity"))
            used = 0
            for entry, eff, end in on_visa[:-1]:
                used += w.timeline.count_upto(end) - w.timeline.count_upto(eff - 1)
            left = visa.duration_days - used
            if left <= 0:  # the visa's days were used up by earlier stays
                candidates.append((E - 1, "visa_duration"))
            else:
                eff = on_visa[-1][1]
                x = tl.nth_day(tl.count_upto(eff - 1) + left + 1)
                if x is not None:
                    candidates.append((max(x, E) - 1, "visa_duration"))
    if not candidates:
        return None, None
    day, rule = min(candidates)
    return (day if day >= E else None), rule


def _prepare(stays, on, limit, window, per_entry_limit, permits) -> _Work:
    if not isinstance(on, date):
        raise InvalidStay("on", f"must be a date, not {type(on).__name__}")
    _check_regime(limit, window, per_entry_limit)
    norm, open_entry = _stays_as_ordinals(stays, on)
    perms = _periods_as_ordinals(permits)
    intervals: list[tuple[int, int]] = []
    for _entry, eff, end in norm:
        if eff <= end:
            _append_merge(intervals, eff, end)
    if perms:
        intervals = _subtract(intervals, perms)
    return _Work(on.toordinal(), norm, open_entry, perms, _Timeline(intervals))


def evaluate_stay(
    stays: Iterable[StayLike],
    on: date,
    limit: int | None = 90,
    window: int = 180,
    per_entry_limit: int | None = None,
    visa: Visa | None = None,
    permits: Iterable[PeriodLike] = (),
) -> StayResult:
    """Evaluate a person's stays on the date ``on`` (see the module docstring).

    ``stays``: :class:`Stay` objects or ``(entry, exit_or_None)`` pairs of dates, in any
    order; they must not overlap (an exit and a re-entry on the same day are fine) and only
    the last may be open. ``limit=None`` switches the rolling limit off (e.g. a regime
    governed only by the visa). ``permits``: :class:`Period` objects or ``(start, end)``
    pairs whose days do not count.

    Raises :class:`~sarhad.rules.errors.InvalidStay` or
    :class:`~sarhad.rules.errors.InvalidParameter`, naming the field.
    """
    w = _prepare(stays, on, limit, window, per_entry_limit, permits)
    tl = w.timeline
    on_ord = w.on
    used = tl.count_upto(on_ord) - tl.count_upto(on_ord - window)
    breaches = _breaches(w, limit, window, per_entry_limit, visa)
    overstay, first_over = _count_union(tl, breaches)
    in_area = w.open_entry is not None
    latest = rule = None
    current_days = None
    if in_area:
        latest, rule = _latest_exit(w, limit, window, per_entry_limit, visa)
        current_days = tl.count_upto(on_ord) - tl.count_upto(w.open_entry - 1)
        # no rule at all (limit=None, nothing else) leaves the stay unbounded
        over = rule is not None and (latest is None or latest < on_ord)
        status = "overstaying" if over else "present"
    else:
        status = "overstayed" if overstay else "absent"
    visa_days = visa_entries = None
    if visa is not None:
        on_visa = _visa_stays(w.stays, visa)
        visa_entries = len(on_visa)
        visa_days = sum(tl.count_upto(end) - tl.count_upto(eff - 1) for _e, eff, end in on_visa)
    return StayResult(
        on=on,
        limit=limit,
        window=window,
        used_days=used,
        remaining_days=None if limit is None else max(0, limit - used),
        overstay_days=overstay,
        latest_exit=None if latest is None else date.fromordinal(latest),
        in_area=in_area,
        status=status,
        current_entry=None if w.open_entry is None else date.fromordinal(w.open_entry),
        first_overstay_day=None if first_over is None else date.fromordinal(first_over),
        limiting_rule=rule,
        window_start=date.fromordinal(on_ord - window + 1),
        current_stay_days=current_days,
        visa_days_used=visa_days,
        visa_entries_used=visa_entries,
    )


def earliest_entry(
    stays: Iterable[StayLike],
    on: date,
    days: int,
    limit: int | None = 90,
    window: int = 180,
    per_entry_limit: int | None = None,
    visa: Visa | None = None,
    permits: Iterable[PeriodLike] = (),
) -> date | None:
    """Earliest date, on or after ``on``, on which a person now outside the area may enter
    and stay ``days`` consecutive days (entry and exit day included) without breaking a
    rule. ``None`` when no such date exists (``days`` above the limit, or the visa cannot
    allow it).

    The person must not be in the area on ``on`` (no open stay); a stay that ended on ``on``
    is fine and a re-entry that same day counts the shared day once.
    """
    if not isinstance(days, int) or days < 1:
        raise InvalidParameter("days", "must be a positive whole number of days")
    w = _prepare(stays, on, limit, window, per_entry_limit, permits)
    if w.open_entry is not None:
        raise InvalidStay("stays", f"the person is in the area on {on.isoformat()} (open stay)")
    if (limit is not None and days > limit) or (per_entry_limit is not None and days > per_entry_limit):
        return None
    start = w.on
    last = max([w.on] + [b for _a, b in w.permits])
    stop = last + window + days + 1
    if visa is not None:
        vf, vu = visa.valid_from.toordinal(), visa.valid_until.toordinal()
        if visa.entries is not None and len(_visa_stays(w.stays, visa)) >= visa.entries:
            return None
        start = max(start, vf)
        stop = min(stop, vu - days + 1)
    base = [(a, b) for a, b in zip(w.timeline.starts, w.timeline.ends)]
    for e in range(start, stop + 1):
        planned = _subtract([(e, e + days - 1)], w.permits)
        ext = list(base)
        for a, b in planned:
            _append_merge(ext, a, b)
        tl = _Timeline(ext)
        if limit is not None and any(
            tl.first_over(window, limit, a, b) is not None for a, b in planned
        ):
            continue
        if visa is not None:
            used = sum(
                w.timeline.count_upto(end) - w.timeline.count_upto(eff - 1)
                for _x, eff, end in _visa_stays(w.stays, visa)
            )
            new = tl.count_upto(e + days - 1) - tl.count_upto(e - 1)
            if used + new > visa.duration_days:
                return None  # later entries cannot use fewer visa days
        return date.fromordinal(e)
    return None


# ---------------------------------------------------------------------------------------
# Explanation for the officer


@dataclass(frozen=True, slots=True)
class DayLine:
    """One day as the rules see it."""

    day: date
    in_area: bool
    counted: bool
    used_in_window: int
    breach: str | None  # the rule broken on that day, if any
    note: str = ""


@dataclass(frozen=True, slots=True)
class Explanation:
    """The result plus the days behind it; :meth:`text` is what an officer reads."""

    result: StayResult
    days: tuple[DayLine, ...]

    def text(self) -> str:
        """Runs of alike days collapsed to one line each, then the verdict."""
        r = self.result
        lines = [
            f"Evaluation on {r.on.isoformat()}: rule {r.limit if r.limit is not None else '-'} days "
            f"in any {r.window}-day period; window {r.window_start.isoformat()} .. {r.on.isoformat()}."
        ]
        run: list[DayLine] = []

        def flush() -> None:
            if not run:
                return
            first, last = run[0], run[-1]
            span = first.day.isoformat() if first.day == last.day else (
                f"{first.day.isoformat()} .. {last.day.isoformat()}"
            )
            n = len(run)
            if not first.in_area:
                what = "outside the area"
            elif not first.counted:
                what = f"in the area, not counted ({first.note})"
            else:
                what = "in the area, counted"
            tail = ""
            if first.in_area:
                tail = f"; days in window {first.used_in_window} -> {last.used_in_window}"
            if first.breach:
                tail += f"; OVER ({first.breach})"
            lines.append(f"  {span:<24} {n:>4} day{'s' if n != 1 else ' '}  {what}{tail}")
            run.clear()

        for d in self.days:
            if run and (d.in_area, d.counted, d.breach, d.note) != (
                run[-1].in_area, run[-1].counted, run[-1].breach, run[-1].note
            ) or (run and d.day.toordinal() != run[-1].day.toordinal() + 1):
                flush()
            run.append(d)
        flush()
        lines.append(
            f"Used {r.used_days} day(s) in the window; remaining "
            f"{r.remaining_days if r.remaining_days is not None else '-'}; "
            f"overstay days in the history: {r.overstay_days}"
            + (f" (first {r.first_overstay_day.isoformat()})" if r.first_overstay_day else "")
            + "."
        )
        if r.in_area:
            if r.latest_exit is None:
                lines.append(f"In the area since {r.current_entry.isoformat()}: no day of this stay is allowed.")
            else:
                lines.append(
                    f"In the area since {r.current_entry.isoformat()}: must leave by "
                    f"{r.latest_exit.isoformat()} (set by the {r.limiting_rule} rule)."
                )
        lines.append(f"Status: {r.status}.")
        return "\n".join(lines)


def explain(
    stays: Iterable[StayLike],
    on: date,
    limit: int | None = 90,
    window: int = 180,
    per_entry_limit: int | None = None,
    visa: Visa | None = None,
    permits: Iterable[PeriodLike] = (),
    since: date | None = None,
) -> Explanation:
    """Day-by-day account from ``since`` (default: the first day of the window ending on
    ``on``) to ``on``: where the person was, whether the day counts, the count in the
    window ending that day, and the rule broken that day, if any."""
    stays = list(stays)
    permits = list(permits)
    result = evaluate_stay(stays, on, limit, window, per_entry_limit, visa, permits)
    w = _prepare(stays, on, limit, window, per_entry_limit, permits)
    tl = w.timeline
    breaches = sorted(_breaches(w, limit, window, per_entry_limit, visa))
    start = (since or result.window_start).toordinal()
    present = _Timeline([(eff, end) for _e, eff, end in w.stays if eff <= end])
    out = []
    for t in range(start, w.on + 1):
        in_area = present.count_upto(t) - present.count_upto(t - 1) == 1
        counted = tl.count_upto(t) - tl.count_upto(t - 1) == 1
        breach = None
        if counted:
            for a, b, rule in breaches:
                if a <= t <= b:
                    breach = rule
                    break
        note = ""
        if in_area and not counted:
            note = next(("residence permit" for a, b in w.permits if a <= t <= b), "")
        out.append(
            DayLine(
                day=date.fromordinal(t),
                in_area=in_area,
                counted=counted,
                used_in_window=tl.count_upto(t) - tl.count_upto(t - window),
                breach=breach,
                note=note,
            )
        )
    return Explanation(result, tuple(out))

