"""The 7-3-1 check digit against ICAO Doc 9303 Part 3 Appendix A."""

from __future__ import annotations

import pytest

from sarhad.documents.checkdigit import ALPHABET, InvalidCharacter, compute, is_valid, value_bytes


@pytest.mark.parametrize(
    "text, digit",
    [
        ("520727", "3"),
        ("AB2134<<<", "5"),
        # Composite examples of Appendix A (TD3 sum 448, TD1 sum 392, TD2 sum 448).
        ("HA672242<658022549601086<<<<<<<<<<<<<<0", "8"),
        ("D231458907<<<<<<<<<<<<<<<34071279507122<<<<<<<<<<<", "2"),
        ("HA672242<658022549601086<<<<<<<", "8"),
        ("", "0"),
    ],
)
def test_icao_worked_examples(text, digit):
    assert compute(text) == digit
    assert is_valid(text, digit)


def test_values_follow_the_icao_table():
    # 0-9 are themselves, A=10 ... Z=35, the filler is 0.
    values = value_bytes(ALPHABET)
    assert list(values) == list(range(36)) + [0]


def test_weights_repeat_7_3_1():
    # A single 1 at position k contributes its weight: 7, 3, 1, 7, ...
    for k, weight in enumerate([7, 3, 1, 7, 3, 1]):
        assert compute("<" * k + "1") == str(weight)


@pytest.mark.parametrize("bad", ["a", "é", " ", "«"])
def test_characters_outside_the_alphabet_are_refused(bad):
    with pytest.raises(InvalidCharacter):
        compute("AB" + bad)
