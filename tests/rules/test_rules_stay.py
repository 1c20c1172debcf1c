"""Stay calculator: hand-worked cases from the issue and DOMAIN.md, and property tests
against the day-by-day reference in ``stay_reference.py``."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sarhad.rules import (
    InvalidParameter,
    InvalidStay,
    Period,
    Stay,
    Visa,
    earliest_entry,
    evaluate_stay,
    explain,
)
from stay_reference import reference

D = date


# --- hand-worked cases -------------------------------------------------------------------


def test_ninety_day_stay_allows_reentry_on_june_29_not_28():
    past = [(D(2024, 1, 1), D(2024, 3, 30))]
    ok = evaluate_stay(past + [(D(2024, 6, 29), None)], on=D(2024, 6, 29))
    assert (ok.used_days, ok.overstay_days, ok.latest_exit, ok.status) == (
        90, 0, D(2024, 9, 26), "present",
    )
    # each day of the new stay pushes one day of the old one out of the window, so the
    # count stays at 90 until the old stay has left the window entirely
    early = evaluate_stay(past + [(D(2024, 6, 28), None)], on=D(2024, 6, 28))
    assert early.used_days == 91
    assert early.overstay_days == 1
    assert early.latest_exit is None
    assert early.status == "overstaying"
    assert earliest_entry(past, on=D(2024, 4, 1), days=1) == D(2024, 6, 29)


def test_ninety_day_stay_itself_is_exactly_the_limit():
    r = evaluate_stay([(D(2024, 1, 1), None)], on=D(2024, 1, 1))
    assert r.latest_exit == D(2024, 3, 30)  # 2024 is a leap year: Jan 31 + Feb 29 + Mar 30
    r = evaluate_stay([(D(2023, 1, 1), None)], on=D(2023, 1, 1))
    assert r.latest_exit == D(2023, 3, 31)  # Jan 31 + Feb 28 + Mar 31 = 90


def test_leap_day_counts_as_a_day_of_stay():
    r = evaluate_stay([(D(2024, 2, 28), D(2024, 3, 1))], on=D(2024, 3, 1))
    assert r.used_days == 3
    r = evaluate_stay([(D(2023, 2, 28), D(2023, 3, 1))], on=D(2023, 3, 1))
    assert r.used_days == 2


def test_window_crosses_the_year_end():
    stays = [(D(2024, 12, 1), D(2025, 1, 31))]
    r = evaluate_stay(stays, on=D(2025, 5, 30))
    # window 2024-12-02 .. 2025-05-30 holds 2024-12-02 .. 2025-01-31 = 30 + 31 = 61 days
    assert r.window_start == D(2024, 12, 2)
    assert r.used_days == 61
    assert r.remaining_days == 29


def test_same_day_entry_and_exit_is_one_day():
    r = evaluate_stay([(D(2024, 5, 5), D(2024, 5, 5))], on=D(2024, 5, 5))
    assert (r.used_days, r.in_area, r.status) == (1, False, "absent")


def test_exit_and_reentry_on_the_same_day_counts_that_day_once():
    stays = [(D(2024, 5, 1), D(2024, 5, 10)), (D(2024, 5, 10), D(2024, 5, 12))]
    assert evaluate_stay(stays, on=D(2024, 5, 31)).used_days == 12


def test_open_stay_counts_until_the_evaluation_date():
    r = evaluate_stay([Stay(D(2024, 3, 1))], on=D(2024, 3, 10))
    assert r.used_days == 10
    assert r.in_area and r.current_entry == D(2024, 3, 1)
    assert r.latest_exit == D(2024, 5, 29)
    assert r.current_stay_days == 10


def test_overstay_days_count_each_day_over_the_limit():
    r = evaluate_stay([(D(2024, 1, 1), D(2024, 4, 9))], on=D(2024, 4, 20))  # 100 days
    assert r.overstay_days == 10
    assert r.first_overstay_day == D(2024, 3, 31)
    assert r.status == "overstayed"


def test_latest_exit_can_lie_before_the_evaluation_date():
    r = evaluate_stay([(D(2024, 1, 1), None)], on=D(2024, 4, 9))
    assert r.latest_exit == D(2024, 3, 30)
    assert r.status == "overstaying"
    assert r.overstay_days == 10


def test_stays_after_the_evaluation_date_are_ignored_and_later_exit_means_open():
    stays = [(D(2024, 1, 1), D(2024, 1, 20)), (D(2024, 2, 1), D(2024, 2, 20))]
    r = evaluate_stay(stays, on=D(2024, 1, 10))
    assert (r.used_days, r.in_area, r.current_entry) == (10, True, D(2024, 1, 1))


def test_permit_days_do_not_count():
    stays = [(D(2024, 1, 1), D(2024, 6, 30))]
    r = evaluate_stay(stays, on=D(2024, 6, 30), permits=[Period(D(2024, 1, 1), D(2024, 5, 31))])
    assert r.used_days == 30
    assert r.overstay_days == 0


def test_per_entry_limit_of_an_e_visa():
    r = evaluate_stay([(D(2025, 3, 1), None)], on=D(2025, 3, 10), per_entry_limit=30)
    assert r.latest_exit == D(2025, 3, 30)
    assert r.limiting_rule == "per_entry"
    r = evaluate_stay([(D(2025, 3, 1), D(2025, 4, 4))], on=D(2025, 5, 1), per_entry_limit=30)
    assert r.overstay_days == 5


def test_visa_validity_and_duration():
    visa = Visa(D(2025, 6, 1), D(2025, 6, 20), duration_days=15, entries=1)
    r = evaluate_stay([(D(2025, 6, 10), None)], on=D(2025, 6, 12), visa=visa)
    assert (r.latest_exit, r.limiting_rule) == (D(2025, 6, 20), "visa_validity")
    r = evaluate_stay([(D(2025, 6, 1), None)], on=D(2025, 6, 2), visa=visa)
    assert (r.latest_exit, r.limiting_rule) == (D(2025, 6, 15), "visa_duration")
    r = evaluate_stay([(D(2025, 6, 1), D(2025, 6, 22))], on=D(2025, 7, 1), visa=visa)
    assert r.overstay_days == 7  # 16th..22nd day beyond the 15 days (incl. 21st, 22nd)
    two = [(D(2025, 6, 1), D(2025, 6, 2)), (D(2025, 6, 5), None)]
    r = evaluate_stay(two, on=D(2025, 6, 5), visa=visa)
    assert r.latest_exit is None and r.limiting_rule == "visa_entries"
    assert r.visa_entries_used == 2


def test_visa_days_used_up_long_before_the_current_entry():
    visa = Visa(D(2023, 12, 1), D(2024, 1, 31), duration_days=1)
    stays = [(D(2023, 12, d), D(2023, 12, d)) for d in (1, 5, 9)] + [(D(2024, 1, 20), None)]
    # a short window: the early stays lie outside every window from the current entry on
    r = evaluate_stay(stays, on=D(2024, 1, 20), limit=None, window=10, visa=visa)
    assert (r.latest_exit, r.limiting_rule, r.status) == (None, "visa_duration", "overstaying")
    assert r.overstay_days == 3  # 5 and 9 December, 20 January


def test_rolling_limit_can_be_switched_off():
    r = evaluate_stay([(D(2024, 1, 1), None)], on=D(2024, 12, 31), limit=None)
    assert r.remaining_days is None
    assert r.overstay_days == 0
    assert r.latest_exit is None and r.limiting_rule is None
    assert r.status == "present"  # unbounded, not "no day allowed"


@pytest.mark.parametrize(
    "stays, field",
    [
        ([(D(2024, 1, 5), D(2024, 1, 4))], "stays[0].exit"),
        ([(D(2024, 1, 1), D(2024, 1, 10)), (D(2024, 1, 9), None)], "stays[1].entry"),
        ([(D(2024, 1, 1), None), (D(2024, 2, 1), D(2024, 2, 2))], "stays[0].exit"),
        ([("2024-01-01", None)], "stays[0].entry"),
        ([(D(2024, 1, 1),)], "stays[0]"),
    ],
)
def test_bad_stays_name_the_field(stays, field):
    with pytest.raises(InvalidStay) as exc:
        evaluate_stay(stays, on=D(2024, 3, 1))
    assert exc.value.field == field


@pytest.mark.parametrize("limit, window", [(180, 180), (-1, 180), (90, 0), (90, 100_000)])
def test_bad_regime_is_rejected(limit, window):
    with pytest.raises(InvalidParameter):
        evaluate_stay([], on=D(2024, 1, 1), limit=limit, window=window)


def test_stays_in_any_order_give_the_same_result():
    a = [(D(2024, 1, 1), D(2024, 1, 20)), (D(2024, 3, 1), D(2024, 3, 5)), (D(2024, 4, 1), None)]
    assert evaluate_stay(a, on=D(2024, 4, 10)) == evaluate_stay(a[::-1], on=D(2024, 4, 10))


def test_earliest_entry_for_a_longer_trip():
    past = [(D(2024, 1, 1), D(2024, 1, 30)), (D(2024, 3, 1), D(2024, 4, 29))]  # 30 + 60
    assert earliest_entry(past, on=D(2024, 5, 1), days=1) == D(2024, 6, 29)
    assert earliest_entry(past, on=D(2024, 5, 1), days=30) == D(2024, 6, 29)
    # 31 days: the last day's window must have dropped a day of the 60-day stay, so
    # E + 30 - 179 >= 2024-03-02, i.e. E >= 2024-07-29
    assert earliest_entry(past, on=D(2024, 5, 1), days=31) == D(2024, 7, 29)
    assert earliest_entry(past, on=D(2024, 5, 1), days=91) is None
    with pytest.raises(InvalidStay):
        earliest_entry([(D(2024, 1, 1), None)], on=D(2024, 1, 2), days=1)


def test_explain_lists_every_day_and_reads_well():
    stays = [(D(2024, 1, 1), D(2024, 3, 30)), (D(2024, 6, 20), None)]
    e = explain(stays, on=D(2024, 7, 10))
    assert len(e.days) == 180
    assert e.days[-1].used_in_window == e.result.used_days == 99
    over = [d for d in e.days if d.breach]
    assert over[0].day == D(2024, 6, 20) and len(over) == 21
    text = e.text()
    assert "2024-06-20 .. 2024-07-10" in text and "OVER (rolling)" in text
    assert "Status: overstaying." in text


# --- property tests against the reference -------------------------------------------------

BASE = D(2023, 12, 20)


@st.composite
def histories(draw):
    limit = draw(st.integers(1, 12))
    window = draw(st.integers(limit + 1, 25))
    n = draw(st.integers(0, 6))
    stays = []
    cursor = BASE + timedelta(days=draw(st.integers(0, 5)))
    for i in range(n):
        length = draw(st.integers(1, 14))
        exit_ = cursor + timedelta(days=length - 1)
        stays.append((cursor, exit_))
        gap = draw(st.integers(0, 12))  # 0: re-entry the same day as the exit
        cursor = exit_ + timedelta(days=gap)
    if stays and draw(st.booleans()):
        stays[-1] = (stays[-1][0], None)
    last = stays[-1][0] if stays else BASE
    on = last + timedelta(days=draw(st.integers(-10, 30)))
    permits = []
    if draw(st.booleans()):
        s = BASE + timedelta(days=draw(st.integers(0, 60)))
        permits.append((s, s + timedelta(days=draw(st.integers(0, 15)))))
    per_entry = draw(st.one_of(st.none(), st.integers(1, 10)))
    return stays, on, limit, window, permits, per_entry


@settings(max_examples=400)
@given(histories())
def test_kernel_matches_the_day_by_day_reference(h):
    stays, on, limit, window, permits, per_entry = h
    r = evaluate_stay(stays, on, limit, window, per_entry_limit=per_entry, permits=permits)
    got = (r.used_days, r.remaining_days, r.overstay_days, r.latest_exit, r.status)
    assert got == reference(stays, on, limit, window, permits, per_entry)


@st.composite
def visa_histories(draw):
    limit = draw(st.one_of(st.none(), st.integers(3, 12)))
    window = draw(st.integers((limit or 3) + 1, 25))
    stays = []
    cursor = BASE + timedelta(days=draw(st.integers(0, 5)))
    for _ in range(draw(st.integers(0, 5))):
        length = draw(st.integers(1, 10))
        exit_ = cursor + timedelta(days=length - 1)
        stays.append((cursor, exit_))
        cursor = exit_ + timedelta(days=draw(st.integers(1, 10)))
    if stays and draw(st.booleans()):
        stays[-1] = (stays[-1][0], None)
    vf = BASE + timedelta(days=draw(st.integers(0, 30)))
    vu = vf + timedelta(days=draw(st.integers(0, 30)))
    visa = (vf, vu, draw(st.integers(1, 15)), draw(st.one_of(st.none(), st.integers(1, 3))))
    on = (stays[-1][0] if stays else BASE) + timedelta(days=draw(st.integers(-5, 25)))
    per_entry = draw(st.one_of(st.none(), st.integers(1, 10)))
    return stays, on, limit, window, visa, per_entry


@settings(max_examples=300)
@given(visa_histories())
def test_visa_rules_match_the_reference(h):
    stays, on, limit, window, visa, per_entry = h
    r = evaluate_stay(stays, on, limit, window, per_entry_limit=per_entry, visa=Visa(*visa))
    got = (r.used_days, r.remaining_days, r.overstay_days, r.latest_exit, r.status)
    assert got == reference(stays, on, limit, window, (), per_entry, visa)


@settings(max_examples=150)
@given(histories(), st.integers(1, 12))
def test_earliest_entry_is_the_first_allowed_day(h, days):
    stays, on, limit, window, permits, _ = h
    if stays and stays[-1][1] is None:
        stays = stays[:-1]
    if stays and stays[-1][1] > on:
        on = stays[-1][1]  # the person must be outside on `on`
    got = earliest_entry(stays, on, days, limit, window, permits=permits)
    if days > limit:
        assert got is None
        return

    def allowed(e):  # staying from e, no day up to e + days - 1 breaks the limit
        latest = reference([s for s in stays if s[0] <= on] + [(e, None)], e, limit, window, permits)[3]
        return latest is not None and latest >= e + timedelta(days=days - 1)

    assert got is not None and got >= on
    assert allowed(got)
    d = on
    while d < got:
        assert not allowed(d)
        d += timedelta(days=1)


@settings(max_examples=100)
@given(histories())
def test_explain_days_agree_with_the_result(h):
    stays, on, limit, window, permits, per_entry = h
    e = explain(stays, on, limit, window, per_entry_limit=per_entry, permits=permits,
                since=min(on, BASE) - timedelta(days=1))
    assert e.days[-1].used_in_window == e.result.used_days
    assert sum(1 for d in e.days if d.breach) == e.result.overstay_days
