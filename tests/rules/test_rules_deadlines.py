"""Deadline engine and Azerbaijan's working-day calendar."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sarhad.rules.calendar import (
    CalendarChange,
    WorkingCalendar,
    azerbaijan_calendar,
    load_calendar_file,
    parse_calendar,
)
from sarhad.rules.deadlines import RULES, UNITS, add_months, compute_deadline, get_rule, load_rules
from sarhad.rules.errors import CalendarFileError, InvalidParameter, UnknownRule, UnknownUnit

D = date
AZ = azerbaijan_calendar()


# --- the calendar -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, working",
    [
        (D(2025, 3, 19), True),
        (D(2025, 3, 20), False),  # Novruz
        (D(2025, 3, 26), False),  # Novruz carried over from the weekend
        (D(2025, 3, 27), False),  # day off swapped by decree
        (D(2025, 3, 31), False),  # Ramazan bayrami
        (D(2025, 4, 1), True),  # its carry-over day was swapped to 28 March
        (D(2023, 12, 30), True),  # a Saturday made working
        (D(2024, 1, 7), True),  # a Sunday made working
        (D(2024, 2, 7), False),  # presidential election
        (D(2024, 6, 18), False),  # National Liberation Day carried over
        (D(2025, 9, 27), False),  # Saturday; Memorial Day is not a day off anyway
        (D(2025, 9, 29), True),
    ],
)
def test_azerbaijan_working_days(day, working):
    assert AZ.is_working_day(day) is working


@pytest.mark.parametrize(
    "event, first_working_day_after",
    [
        (D(2024, 3, 19), D(2024, 3, 27)),  # Novruz 20-24 + 25, 26 carried over
        (D(2025, 3, 19), D(2025, 4, 1)),  # Novruz, swaps, Ramazan bayrami 30-31 March
        (D(2026, 3, 19), D(2026, 3, 31)),  # Ramazan falls on Novruz: extra days to 30 March
        (D(2024, 4, 9), D(2024, 4, 15)),  # Ramazan bayrami 2024 is in April
        (D(2024, 6, 14), D(2024, 6, 20)),  # Qurban bayrami 2024 meets National Liberation Day
        (D(2025, 6, 5), D(2025, 6, 10)),  # Qurban bayrami 2025, ten days earlier
        (D(2023, 12, 27), D(2023, 12, 28)),
    ],
)
def test_holidays_that_move_between_years(event, first_working_day_after):
    assert compute_deadline(event, 1, "working_days").due == first_working_day_after


def test_working_days_across_the_year_end_use_the_swapped_weekend_days():
    # 28, 29 Dec, Saturday 30 Dec (working), then 31 Dec-6 Jan off, Sunday 7 Jan working
    assert compute_deadline(D(2023, 12, 27), 5, "working_days").due == D(2024, 1, 8)


def test_estimated_future_islamic_holidays_are_marked():
    assert AZ.is_estimated(D(2027, 3, 10))
    assert not AZ.is_estimated(D(2025, 3, 31))
    assert AZ.day_off_reason(D(2025, 3, 20)) == "Spring Festival"
    assert AZ.day_off_reason(D(2025, 3, 19)) is None


def test_national_calendar_file_adds_and_removes_days(tmp_path):
    path = tmp_path / "az.json"
    path.write_text(json.dumps({
        "country": "AZ",
        "changes": [
            {"date": "2027-03-10", "kind": "working_day", "source": "decree A"},
            {"date": "2027-03-12", "kind": "day_off", "name": "Ramazan bayrami", "source": "decree B"},
            {"date": "2027-03-13", "kind": "working_day", "source": "decree C"},
        ],
    }))
    country, changes = load_calendar_file(path)
    cal = WorkingCalendar(country, changes)
    assert not AZ.is_working_day(D(2027, 3, 10)) and cal.is_working_day(D(2027, 3, 10))
    assert AZ.is_working_day(D(2027, 3, 12)) and not cal.is_working_day(D(2027, 3, 12))
    assert cal.day_off_reason(D(2027, 3, 12)) == "Ramazan bayrami"
    assert cal.is_working_day(D(2027, 3, 13))  # a Saturday made working
    assert not cal.is_estimated(D(2027, 3, 10))


@pytest.mark.parametrize(
    "data, field",
    [
        ({"changes": []}, "x: country"),
        ({"country": "AZ", "changes": [{"date": "2027-02-30", "kind": "day_off", "source": "s"}]}, "x: changes[0].date"),
        ({"country": "AZ", "changes": [{"date": "2027-02-03", "kind": "holiday", "source": "s"}]}, "x: changes[0].kind"),
        ({"country": "AZ", "changes": [{"date": "2027-02-03", "kind": "day_off"}]}, "x: changes[0].source"),
    ],
)
def test_bad_calendar_files_name_the_entry(data, field):
    with pytest.raises(CalendarFileError) as exc:
        parse_calendar(data, "x")
    assert exc.value.field == field


def test_calendar_without_the_package_is_weekends_plus_changes():
    cal = WorkingCalendar("AZ", [CalendarChange(D(2025, 3, 20), "day_off", source="s")], use_package=False)
    assert cal.is_working_day(D(2025, 3, 21)) and not cal.is_working_day(D(2025, 3, 20))


# --- counting -----------------------------------------------------------------------------


def test_counting_starts_the_day_after_the_event():
    assert compute_deadline(D(2025, 3, 19), 5, "calendar_days").due == D(2025, 3, 24)
    assert compute_deadline(D(2025, 3, 19), 0, "calendar_days").due == D(2025, 3, 19)
    assert compute_deadline(D(2025, 3, 19), 5, "working_days").due == D(2025, 4, 7)


def test_calendar_day_deadline_is_not_moved_off_a_holiday_unless_the_rule_says_so():
    d = compute_deadline(D(2025, 3, 19), 10, "calendar_days")
    assert d.due == D(2025, 3, 29) and not d.due_is_working_day and d.rolled_from is None
    d = compute_deadline(D(2025, 3, 19), 10, "calendar_days", roll_to_working_day=True)
    assert (d.due, d.rolled_from) == (D(2025, 4, 1), D(2025, 3, 29))


def test_counting_backwards_and_rolling_back():
    assert compute_deadline(D(2025, 6, 10), 3, "calendar_days", direction="before").due == D(2025, 6, 7)
    d = compute_deadline(D(2025, 3, 26), 3, "calendar_days", direction="before", roll_to_working_day=True)
    assert d.due == D(2025, 3, 19)  # 23 March is Novruz: back to the last working day


def test_months_clip_to_the_month_end():
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 11, 30), 3) == D(2025, 2, 28)
    assert add_months(D(2025, 5, 31), -3) == D(2025, 2, 28)
    assert get_rule("readmission.transfer").deadline(D(2024, 11, 30)).due == D(2025, 2, 28)


def test_suspension_stops_the_clock():
    d = compute_deadline(D(2025, 5, 1), 10, "calendar_days", suspensions=[(D(2025, 5, 4), D(2025, 5, 6))])
    assert (d.due, d.suspended_days) == (D(2025, 5, 14), 3)
    d = compute_deadline(D(2025, 5, 1), 1, "months", suspensions=[(D(2025, 5, 20), D(2025, 5, 29))])
    assert (d.due, d.suspended_days) == (D(2025, 6, 11), 10)
    rule = get_rule("readmission.transfer")
    assert rule.deadline(D(2025, 5, 1), suspensions=[(D(2025, 5, 20), D(2025, 5, 29))]).due == D(2025, 8, 11)
    with pytest.raises(InvalidParameter):
        get_rule("visa.decision").deadline(D(2025, 5, 1), suspensions=[(D(2025, 5, 2), D(2025, 5, 3))])


@settings(max_examples=200)
@given(st.dates(D(2020, 1, 1), D(2027, 12, 31)), st.integers(0, 40))
def test_working_day_deadline_equals_counting_working_days_one_by_one(start, n):
    due = compute_deadline(start, n, "working_days").due
    days = [start + timedelta(days=k) for k in range(1, (due - start).days + 1)]
    assert sum(AZ.is_working_day(x) for x in days) == n
    assert n == 0 or AZ.is_working_day(due)


# --- the rule catalogue -------------------------------------------------------------------


def test_rules_from_the_issue_are_in_the_catalogue():
    expect = {
        "visa.decision": (10, "calendar_days"),
        "visa.decision_urgent": (2, "working_days"),
        "evisa.issue": (3, "working_days"),
        "readmission.travel_document": (5, "working_days"),
        "readmission.reply_accelerated": (2, "working_days"),
        "registration.apply": (15, "calendar_days"),
        "registration.apply_kaz": (30, "calendar_days"),
        "registration.change_of_address": (5, "working_days"),
    }
    for key, (amount, unit) in expect.items():
        assert (RULES[key].amount, RULES[key].unit) == (amount, unit), key
    for rule in RULES.values():
        assert rule.sources and rule.unit in UNITS
    assert RULES["readmission.reply"].on_expiry == "tacit_consent"
    assert RULES["readmission.reply"].uncertain


def test_visa_decision_and_its_extension():
    rule = get_rule("visa.decision")
    assert rule.deadline(D(2025, 3, 19)).due == D(2025, 3, 29)
    assert rule.deadline(D(2025, 3, 19), extended=True).due == D(2025, 4, 18)
    with pytest.raises(InvalidParameter):
        get_rule("evisa.issue").deadline(D(2025, 3, 19), extended=True)


def test_tacit_consent_is_reported_with_the_deadline():
    d = get_rule("readmission.reply_accelerated").deadline(D(2025, 3, 19))
    assert d.on_expiry == "tacit_consent" and d.due == D(2025, 4, 2)


def test_unknown_unit_and_rule_name_the_field():
    with pytest.raises(UnknownUnit) as exc:
        compute_deadline(D(2025, 1, 1), 3, "weeks")
    assert exc.value.field == "unit"
    with pytest.raises(UnknownRule) as exc:
        get_rule("no.such")
    assert exc.value.field == "rule"
    with pytest.raises(InvalidParameter):
        compute_deadline(D(2025, 1, 1), -1, "calendar_days")


def test_rules_without_a_source_are_refused():
    with pytest.raises(InvalidParameter) as exc:
        load_rules({"rules": [{"key": "x", "title": "x", "amount": 1, "unit": "calendar_days",
                               "event": "e", "sources": []}]})
    assert exc.value.field == "rules[0].sources"
