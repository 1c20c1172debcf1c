"""ICAO specimens and other published test vectors parse to the expected fields."""

from __future__ import annotations

import pytest

from sarhad.documents import parse

from mrz_samples import ON, SPECIMENS


@pytest.mark.parametrize("name", sorted(SPECIMENS))
def test_specimen_is_valid_with_expected_fields(name):
    lines, expected = SPECIMENS[name]
    result = parse(lines, on=ON)
    assert result.valid, [e.message for e in result.errors]
    for field, value in expected.items():
        assert getattr(result, field) == value, field


@pytest.mark.parametrize("name", sorted(SPECIMENS))
def test_specimen_parses_the_same_from_text_and_lines(name):
    lines, _ = SPECIMENS[name]
    assert parse("\n".join(lines), on=ON) == parse(list(lines), on=ON)


def test_utopia_is_a_specimen_code_warning_or_error_when_specimens_are_refused():
    lines, _ = SPECIMENS["V1_TD3_ICAO"]
    lenient = parse(lines, on=ON)
    assert lenient.valid
    assert [(w.code, w.field) for w in lenient.warnings] == [
        ("specimen_code", "issuing_state"), ("specimen_code", "nationality")]
    strict = parse(lines, on=ON, specimen=False)
    assert not strict.valid
    assert {e.field for e in strict.errors} == {"issuing_state", "nationality"}


def test_german_specimen_filler_check_digit_is_a_warning():
    lines, _ = SPECIMENS["V2_TD3_GERMANY"]
    result = parse(lines, on=ON)
    assert result.valid
    assert [w.code for w in result.warnings] == ["filler_check_digit"]
    assert result.warnings[0].positions == (43, 43)
    assert result.warnings[0].line == 2


def test_specimens_are_expired_but_valid():
    lines, _ = SPECIMENS["V1_TD3_ICAO"]
    result = parse(lines, on=ON)
    assert result.valid and result.expired(ON) is True
    assert result.to_dict(ON)["expired"] is True
