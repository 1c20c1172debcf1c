"""Brute-force, day-by-day reference for the stay rules: the simplest code that follows
the words of the rule. Slow on purpose; the kernel is checked against it."""

from __future__ import annotations

from datetime import date, timedelta

ONE = timedelta(days=1)


def days_between(a: date, b: date):
    d = a
    while d <= b:
        yield d
        d += ONE


def reference(stays, on, limit, window, permits=(), per_entry_limit=None, visa=None):
    """Return (used_days, remaining_days, overstay_days, latest_exit, status).

    ``visa``: ``(valid_from, valid_until, duration_days, entries_or_None)``; stays entering
    within the validity are on the visa (histories with a same-day re-entry are not
    supported here)."""
    permitted = {d for s, e in permits for d in days_between(s, e)}
    present = set()
    open_entry = None
    stay_of = {}  # day -> list of entries of stays containing it
    for entry, exit_ in stays:
        if entry > on:
            continue
        end = exit_
        if exit_ is None or exit_ > on:
            end = on
            open_entry = entry
        for d in days_between(entry, end):
            present.add(d)
            stay_of.setdefault(d, []).append(entry)
    counted = present - permitted

    def used(day, days_set):
        return sum(1 for k in range(window) if day - timedelta(days=k) in days_set)

    def day_number_in_stay(day, entry, days_set):
        return sum(1 for d in days_between(entry, day) if d in days_set)

    visa_entries = []
    if visa is not None:
        vf, vu, duration, n_entries = visa
        visa_entries = sorted(e for e, _ in stays if e <= on and vf <= e <= vu)

    def breaks_visa(day, days_set, entry, entry_of):
        if entry not in visa_entries:
            return False
        if n_entries is not None and visa_entries.index(entry) + 1 > n_entries:
            return True
        if day > vu:
            return True
        visa_days = sum(1 for x in days_set if x <= day and entry_of[x] in visa_entries)
        return visa_days > duration

    def breaks(day, days_set, entries, entry_of=None):
        if limit is not None and used(day, days_set) > limit:
            return True
        if per_entry_limit is not None:
            for entry in entries:
                if day_number_in_stay(day, entry, days_set) > per_entry_limit:
                    return True
        if visa is not None:
            for entry in entries:
                if breaks_visa(day, days_set, entry, entry_of):
                    return True
        return False

    used_on = used(on, counted)
    entry_of = {d: entries[0] for d, entries in stay_of.items()}
    overstay = sum(1 for d in counted if breaks(d, counted, stay_of[d], entry_of))
    latest = None
    if open_entry is not None:
        plan = {d for d in counted if d < open_entry}
        plan_entry_of = dict(entry_of)
        d = open_entry
        unbounded = False
        while True:
            if d > on + timedelta(days=400):  # no rule applies (limit None, no visa)
                latest, unbounded = None, True
                break
            plan_entry_of[d] = open_entry
            if d not in permitted:
                plan.add(d)
                if breaks(d, plan, [open_entry], plan_entry_of):
                    break
            latest = d
            d += ONE
    remaining = None if limit is None else max(0, limit - used_on)
    if open_entry is not None:
        over = not unbounded and (latest is None or latest < on)
        status = "overstaying" if over else "present"
    else:
        status = "overstayed" if overstay else "absent"
    return used_on, remaining, overstay, latest, status
