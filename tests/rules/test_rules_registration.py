"""Registration at the place of stay."""

from __future__ import annotations

from datetime import date

import pytest

from sarhad.rules.errors import InvalidStay
from sarhad.rules.registration import (
    RegistrationRule,
    registration_due,
    registration_rule_for,
    reregistration_due,
)

D = date


def test_stays_over_fifteen_days_must_be_registered_within_fifteen_days():
    r = registration_due(D(2025, 3, 1), "DEU", departure=D(2025, 3, 16))  # 16 days
    assert (r.required, r.due, r.stay_days, r.rule) == (True, D(2025, 3, 16), 16, "registration.default")
    r = registration_due(D(2025, 3, 1), "DEU", departure=D(2025, 3, 15))  # exactly 15 days
    assert r.required is False


def test_kazakhstan_citizens_thirty_thirty():
    r = registration_due(D(2025, 3, 1), "kaz", departure=D(2025, 3, 30))  # 30 days
    assert (r.required, r.due, r.rule) == (False, D(2025, 3, 31), "registration.kazakhstan")
    assert registration_due(D(2025, 3, 1), "KAZ", departure=D(2025, 3, 31)).required is True
    assert registration_rule_for("KAZ").threshold_days == 30
    assert registration_rule_for("RUS").threshold_days == 15


def test_unknown_departure_gives_the_due_date_without_a_verdict():
    r = registration_due(D(2024, 12, 20), "TUR")
    assert r.required is None and r.due == D(2025, 1, 4)


def test_late_registration_is_flagged():
    assert registration_due(D(2025, 3, 1), "DEU", registered_on=D(2025, 3, 17)).late is True
    assert registration_due(D(2025, 3, 1), "DEU", registered_on=D(2025, 3, 16)).late is False


def test_reregistration_within_five_working_days():
    assert reregistration_due(D(2025, 3, 19)).due == D(2025, 4, 7)  # Novruz and Ramazan
    assert reregistration_due(D(2025, 5, 5)).due == D(2025, 5, 13)  # 9 May is a holiday
    assert reregistration_due(D(2025, 5, 5), same_owner=True) is None


def test_departure_before_arrival_is_refused():
    with pytest.raises(InvalidStay) as exc:
        registration_due(D(2025, 3, 10), "DEU", departure=D(2025, 3, 9))
    assert exc.value.field == "departure"


def test_a_rule_can_be_given_explicitly():
    treaty = RegistrationRule("registration.treaty", ("UTO",), 30, 30, "registration.apply_kaz", ("test",))
    r = registration_due(D(2025, 3, 1), "UTO", departure=D(2025, 3, 25), rule=treaty)
    assert (r.required, r.due, r.rule) == (False, D(2025, 3, 31), "registration.treaty")
