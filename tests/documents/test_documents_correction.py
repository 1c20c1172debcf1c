"""Correction mode: only confusions the check digits confirm, each one reported."""

from __future__ import annotations

import pytest

from sarhad.documents import parse
from sarhad.documents.checkdigit import compute

from mrz_samples import ON, SPECIMENS

TD3 = SPECIMENS["V1_TD3_ICAO"][0]
TD1 = SPECIMENS["V8_TD1_ICAO"][0]


def put(lines, line, pos, chars):
    out = list(lines)
    row = out[line - 1]
    out[line - 1] = row[:pos - 1] + chars + row[pos - 1 + len(chars):]
    return out


def test_letter_in_a_date_is_corrected_when_the_check_digits_agree():
    noisy = put(put(TD3, 2, 16, "O"), 2, 44, "O")  # 740812 -> 74O812, composite 0 -> O
    plain = parse(noisy, on=ON)
    assert not plain.valid and plain.corrections == ()
    fixed = parse(noisy, on=ON, correct=True)
    assert fixed.valid
    assert fixed.birth_date_raw == "740812" and fixed.lines == tuple(TD3)
    assert [(c.field, c.line, c.position, c.found, c.replacement) for c in fixed.corrections] == [
        ("date_of_birth", 2, 16, "O", "0"), ("composite check digit", 2, 44, "O", "0")]
    assert fixed.corrections[0].confirmed_by == ("date_of_birth", "composite")
    assert "corrected" in [w.code for w in fixed.warnings]


@pytest.mark.parametrize("digit, letter", sorted(
    {"0": "O", "1": "I", "8": "B", "5": "S", "2": "Z", "6": "G"}.items()))
def test_every_confusion_pair_is_undone_in_a_numeric_field(digit, letter):
    expiry = "1" + digit + "0415"
    lines = put(TD3, 2, 22, expiry + compute(expiry))
    body = lines[1]
    lines = put(lines, 2, 44, compute(body[0:10] + body[13:20] + body[21:43]))
    assert parse(lines, on=ON).valid
    noisy = put(lines, 2, 23, letter.lower())  # lower case too, as some scanners send
    fixed = parse(noisy, on=ON, correct=True)
    assert fixed.valid
    assert fixed.expiry_date_raw == expiry
    assert [(c.found, c.replacement) for c in fixed.corrections] == [(letter, digit)]


def test_a_confusion_the_check_digit_contradicts_is_not_kept():
    # The expiry check digit 9 read as G: G -> 6 is not 9, so nothing is changed.
    result = parse(put(TD3, 2, 28, "G"), on=ON, correct=True)
    assert not result.valid and result.corrections == ()
    assert "correction_rejected" in [w.code for w in result.warnings]


def test_nothing_is_kept_when_a_check_digit_disagrees():
    # 7 in the birth date read as S; S -> 5 does not satisfy the check digit 2.
    noisy = put(TD3, 2, 14, "S")
    result = parse(noisy, on=ON, correct=True)
    assert not result.valid
    assert result.corrections == ()
    assert result.birth_date_raw == "S40812"
    assert "correction_rejected" in [w.code for w in result.warnings]


def test_mixed_fields_are_never_changed():
    # Document numbers hold letters and digits: an O there cannot be a confusion.
    noisy = put(TD3, 2, 5, "O")  # L898902C3 -> L898O02C3
    result = parse(noisy, on=ON, correct=True)
    assert not result.valid and result.corrections == ()
    assert result.document_number == "L898O02C3"


def test_fields_without_a_check_digit_get_a_suggestion_not_a_change():
    noisy = put(TD1, 3, 3, "1")  # ERIKSSON -> ER1KSSON in the TD1 name line
    result = parse(noisy, on=ON, correct=True)
    assert not result.valid and result.corrections == ()
    (error,) = result.errors
    assert error.field == "name" and error.suggestion == "I"
    assert result.surname == "ER1KSSON"


def test_guillemet_becomes_a_filler_in_correction_mode_only():
    noisy = put(TD3, 2, 38, "«««««")
    assert not parse(noisy, on=ON).valid
    result = parse(noisy, on=ON, correct=True)
    assert result.valid
    assert result.optional_data == "ZE184226B"
    assert len(result.corrections) == 5
    assert all(c.found == "«" and c.replacement == "<" and c.confirmed_by == ()
               for c in result.corrections)


def test_clean_input_has_no_corrections():
    result = parse(TD3, on=ON, correct=True)
    assert result == parse(TD3, on=ON)


def test_correction_does_not_pass_a_check_over_an_invalid_character():
    # A letter to correct in the birth date and an invalid character in the same
    # composite range: the composite is not computed, so nothing may be confirmed.
    noisy = put(put(TD3, 2, 16, "O"), 2, 30, "#")
    result = parse(noisy, on=ON, correct=True)
    assert result.corrections == ()
    assert not result.valid
