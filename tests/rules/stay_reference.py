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


def reference(stays, on, limit, window, permits=(), per_entry_limit=None):
    """Return (used_days, remaining_days, overstay_days, latest_exit, status)."""
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

    def breaks(day, days_set, entries):
        if limit is not None and used(day, days_set) > limit:
            return True
        if per_entry_limit is not None:
            for entry in entries:
                if day_number_in_stay(day, entry, days_set) > per_entry_limit:
                    return True
        return False

    used_on = used(on, counted)
    overstay = sum(1 for d in counted if breaks(d, counted, stay_of[d]))
    latest = None
    if open_entry is not None:
        plan = {d for d in counted if d < open_entry}
        d = open_entry
        while True:
            if d not in permitted:
                plan.add(d)
                if breaks(d, plan, [open_entry]):
                    break
            latest = d
            d += ONE
    remaining = None if limit is None else max(0, limit - used_on)
    if open_entry is not None:
        status = "overstaying" if latest is None or latest < on else "present"
    else:
        status = "overstayed" if overstay else "absent"
    return used_on, remaining, overstay, latest, status
