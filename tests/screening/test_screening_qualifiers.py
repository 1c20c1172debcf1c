from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sarhad.screening import BirthDate, ScoringPolicy
from sarhad.screening.qualifiers import birth_date_delta, compare_birth_date, compare_nationality, compare_sex

P = ScoringPolicy()


def dob(text):
    return BirthDate.parse(text)


@pytest.mark.parametrize(
    ("query", "listed", "delta"),
    [
        ("1980-05-02", "1980-05-02", P.dob_same_day),
        ("1980-05-02", "1980-05", P.dob_same_month),
        ("1980-05-02", "1980", P.dob_same_year),
        ("1980", "1980-05-02", P.dob_same_year),
        ("1980-05-02", "1978..1982", P.dob_in_range),
        ("1980-05-02", "1980-02-05", P.dob_day_month_swapped),
        ("1980-05-02", "1980-09-02", P.dob_near),  # one digit
        ("1980-05-02", "1980-05-20", P.dob_near),  # two neighbours swapped
        ("1980-05-02", "1990-05-02", P.dob_differs),  # one digit, but ten years
        ("1980-05-02", "1979-12-30", P.dob_differs),  # complete, more than a slip apart
        ("1980-05-02", "1980-11-30", P.dob_differs),
        ("1980-05", "1979-12-30", P.dob_near),  # a partial date within a year
        ("1980", "1981-02-01", P.dob_near),
        ("1980-05-02", "1975-05-02", P.dob_differs),
        ("1980-05-02", "1983..1990", P.dob_differs),
    ],
)
def test_birth_date_bands(query, listed, delta):
    effect = compare_birth_date(dob(query), (dob(listed),), P)
    assert effect.delta == delta
    assert effect.reason


def test_birth_date_takes_best_of_several_listed_and_ignores_missing():
    effect = compare_birth_date(dob("1980-05-02"), (dob("1970"), dob("1980-05-02")), P)
    assert effect.delta == P.dob_same_day
    assert compare_birth_date(None, (dob("1980"),), P).delta == 0
    assert "traveller has none" in compare_birth_date(None, (dob("1980"),), P).reason
    assert compare_birth_date(dob("1980"), (), P).delta == 0


def test_agreement_raises_and_disagreement_lowers():
    assert compare_nationality("AZE", ("AZE", "RUS"), P).delta > 0
    assert compare_nationality("GEO", ("AZE",), P).delta < 0
    assert compare_nationality(None, ("AZE",), P).delta == 0
    assert compare_sex("M", "M", P).delta > 0
    assert compare_sex("M", "F", P).delta < 0
    assert compare_sex(None, "F", P).delta == 0


def test_policy_thresholds_are_ordered():
    with pytest.raises(ValueError, match="review_threshold <= hit_threshold"):
        ScoringPolicy(hit_threshold=0.7, review_threshold=0.8)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)))
def test_two_complete_dates_compare_the_same_both_ways_and_only_a_slip_is_near(a, b):
    forward = compare_birth_date(dob(a.isoformat()), (dob(b.isoformat()),), P).delta
    assert forward == compare_birth_date(dob(b.isoformat()), (dob(a.isoformat()),), P).delta
    apart = sum(x != y for x, y in zip(f"{a:%Y%m%d}", f"{b:%Y%m%d}"))
    if apart == 0:
        assert forward == P.dob_same_day
    elif a.year == b.year and (a.month, a.day) == (b.day, b.month):
        assert forward == P.dob_day_month_swapped
    elif apart == 1 and abs((a - b).days) <= 366:
        assert forward == P.dob_near
    elif apart >= 3:
        assert forward == P.dob_differs


_any_precision = st.tuples(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)),
                           st.sampled_from(["day", "month", "year", "range"]), st.integers(0, 2000))


def _dated(drawn):
    day, precision, span = drawn
    if precision == "day":
        return dob(day.isoformat())
    if precision == "month":
        return dob(day.isoformat()[:7])
    if precision == "year":
        return dob(str(day.year))
    return dob(f"{day.isoformat()}..{date.fromordinal(min(day.toordinal() + span, date(2030, 12, 31).toordinal())).isoformat()}")


@given(st.none() | _any_precision, st.lists(_any_precision, max_size=3))
def test_the_delta_alone_is_the_delta_of_the_explained_comparison(query, listed):
    # the screening index filters candidates on birth_date_delta and explains the few it
    # keeps with compare_birth_date: the two must never disagree
    query_date = None if query is None else _dated(query)
    listed_dates = tuple(_dated(d) for d in listed)
    effect = compare_birth_date(query_date, listed_dates, P)
    assert birth_date_delta(query_date, listed_dates, P) == effect.delta
    assert effect.reason
