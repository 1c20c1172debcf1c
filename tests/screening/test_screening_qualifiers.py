from __future__ import annotations

import pytest

from sarhad.screening import BirthDate, ScoringPolicy
from sarhad.screening.qualifiers import compare_birth_date, compare_nationality, compare_sex

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
        ("1980-05-02", "1980-09-02", P.dob_near),
        ("1980-05-02", "1979-12-30", P.dob_near),
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
