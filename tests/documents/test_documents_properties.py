"""Property tests: round trips, detection of substitutions, safety of correction mode."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sarhad.documents import generate, mrz_name, parse
from sarhad.documents.checkdigit import ALPHABET, is_mrz_text
from sarhad.documents.correction import numeric_positions
from sarhad.documents.countries import COUNTRIES
from sarhad.documents.layouts import LAYOUTS
from sarhad.documents.parser import DIGIT_TO_LETTER
from sarhad.documents.transliteration import TABLE_A, TABLE_B, TABLE_C

ON = date(2026, 1, 1)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
VALUE = {c: i for i, c in enumerate(ALPHABET[:36])} | {"<": 0}
CODES = sorted(COUNTRIES)
DOC_CODES = {
    "TD3": ["P", "PP", "PD", "PO", "PE", "PR", "PS", "PT", "PL", "PM"],
    "TD1": ["I", "ID", "IR", "A", "AR", "C", "CA", "AC"],
    "TD2": ["I", "ID", "IR", "A", "AR", "C", "CA"],
    "MRVA": ["V", "VC", "VA"],
    "MRVB": ["V", "VC", "VA"],
}
OPTIONAL_ROOM = {"TD3": 14, "TD1": 15, "TD2": 7, "MRVA": 16, "MRVB": 8}
NAME_ROOM = {"TD3": 39, "TD1": 30, "TD2": 31, "MRVA": 39, "MRVB": 31}

component = st.text(LETTERS, min_size=1, max_size=12)


@st.composite
def documents(draw, formats=tuple(LAYOUTS)):
    fmt = draw(st.sampled_from(formats))
    long_ok = fmt in ("TD1", "TD2")
    number = draw(st.text(ALNUM, min_size=1, max_size=9 if not long_ok else 14))
    room = OPTIONAL_ROOM[fmt]
    if len(number) > 9:
        room -= len(number) - 9 + 2  # remainder, its check digit, a filler
        assume(room >= -1)
        room = max(room, 0)
    fields = dict(
        document_code=draw(st.sampled_from(DOC_CODES[fmt])),
        issuing_state=draw(st.sampled_from(CODES)),
        nationality=draw(st.sampled_from(CODES)),
        document_number=number,
        birth_date=draw(st.dates(ON - timedelta(days=36400), ON)),
        expiry_date=draw(st.dates(date(1977, 1, 1), date(2076, 12, 31))),
        sex=draw(st.sampled_from("FMX")),
        primary=draw(st.lists(component, min_size=1, max_size=3)),
        secondary=draw(st.lists(component, min_size=0, max_size=3)),
        optional_data=draw(st.text(ALNUM, max_size=room)),
        optional_data_2=draw(st.text(ALNUM, max_size=11)) if fmt == "TD1" else "",
    )
    return fmt, fields


def make(fmt, fields):
    values = dict(fields)
    primary, secondary = values.pop("primary"), values.pop("secondary")
    name = "<".join(primary) + ("<<" + "<".join(secondary) if secondary else "")
    return generate(fmt, name=name, **values)


@settings(max_examples=200)
@given(documents())
def test_generate_then_parse_round_trips_every_layout(doc):
    fmt, fields = doc
    lines = make(fmt, fields)
    result = parse(lines, on=ON)
    assert result.valid, [e.message for e in result.errors]
    assert result.format == fmt
    assert result.document_code == fields["document_code"]
    assert result.issuing_state == fields["issuing_state"]
    assert result.nationality == fields["nationality"]
    assert result.document_number == fields["document_number"]
    assert result.birth_date == fields["birth_date"]
    assert result.expiry_date == fields["expiry_date"]
    assert result.sex == fields["sex"]
    assert result.optional_data == fields["optional_data"]
    if fmt == "TD1":
        assert result.optional_data_2 == fields["optional_data_2"]
    primary = "<".join(fields["primary"])
    full = primary + "<<" + "<".join(fields["secondary"])
    if len(full) <= NAME_ROOM[fmt]:
        assert result.surname == " ".join(fields["primary"])
        assert result.given_names == " ".join(fields["secondary"])
    else:
        # ICAO truncation: the primary identifier is kept whole while "<<" and one
        # letter of the secondary one still fit, and that letter is always there.
        if len(primary) + 3 <= NAME_ROOM[fmt]:
            assert result.surname == " ".join(fields["primary"])
        else:
            assert primary.startswith(result.surname.replace(" ", "<"))
        if fields["secondary"]:
            assert result.given_names[:1] == fields["secondary"][0][0]
    json.dumps(result.to_dict(ON))


def covered_positions(fmt):
    """Offsets covered by a check digit, split into (digits-only, alphanumeric)."""
    layout = LAYOUTS[fmt]
    numeric = set(numeric_positions(layout))
    mixed = set(range(*layout.document_number))
    if layout.optional_data_cd is not None or layout.composite_cd is not None:
        mixed |= set(range(*layout.optional_data))
    if layout.optional_data_2:
        mixed |= set(range(*layout.optional_data_2))
    return numeric, mixed - numeric


@settings(max_examples=250)
@given(documents(), st.data())
def test_every_substitution_in_a_checked_field_is_detected(doc, data):
    fmt, fields = doc
    lines = make(fmt, fields)
    flat = "".join(lines)
    numeric, mixed = covered_positions(fmt)
    offset = data.draw(st.sampled_from(sorted(numeric | mixed)))
    new = data.draw(st.sampled_from(ALPHABET.replace(flat[offset], "")))
    same_value = VALUE[new] % 10 == VALUE[flat[offset]] % 10
    if offset in mixed or offset not in _date_offsets(fmt):
        # The 7-3-1 digit cannot see a change by a multiple of 10 (0/A/K/U/<, 1/B/L/V,
        # ...): ICAO's own limit, documented in docs/decisions/0304-mrz-validation-policy.md.
        assume(not same_value)
    width = LAYOUTS[fmt].width
    changed = flat[:offset] + new + flat[offset + 1:]
    result = parse([changed[i:i + width] for i in range(0, len(changed), width)], on=ON)
    assert not result.valid, (fmt, offset, flat[offset], new)


def _date_offsets(fmt):
    layout = LAYOUTS[fmt]
    return set(range(*layout.birth_date)) | set(range(*layout.expiry_date))


@settings(max_examples=200)
@given(documents(), st.data())
def test_confusions_in_numeric_fields_are_undone_exactly(doc, data):
    fmt, fields = doc
    lines = make(fmt, fields)
    flat = "".join(lines)
    layout = LAYOUTS[fmt]
    candidates = [i for i in numeric_positions(layout) if flat[i] in DIGIT_TO_LETTER]
    assume(candidates)
    chosen = data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=3,
                                unique=True))
    noisy = list(flat)
    for i in chosen:
        noisy[i] = DIGIT_TO_LETTER[flat[i]]
    width = layout.width
    noisy_lines = ["".join(noisy[i:i + width]) for i in range(0, len(noisy), width)]
    result = parse(noisy_lines, on=ON, correct=True)
    assert result.valid, [e.message for e in result.errors]
    assert result.lines == lines
    assert sorted((c.line - 1) * width + c.position - 1 for c in result.corrections) == \
        sorted(chosen)


CONFUSABLE = {"O": "0", "0": "O", "I": "1", "1": "I", "B": "8", "8": "B", "S": "5",
              "5": "S", "Z": "2", "2": "Z", "G": "6", "6": "G"}


@settings(max_examples=200)
@given(documents(), st.data())
def test_correction_never_keeps_a_change_no_check_digit_confirms(doc, data):
    fmt, fields = doc
    lines = make(fmt, fields)
    flat = "".join(lines)
    layout = LAYOUTS[fmt]
    candidates = [i for i, c in enumerate(flat) if c in CONFUSABLE]
    assume(candidates)
    chosen = data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=4,
                                unique=True))
    noisy = list(flat)
    for i in chosen:
        noisy[i] = CONFUSABLE[flat[i]]
    width = layout.width
    noisy_lines = ["".join(noisy[i:i + width]) for i in range(0, len(noisy), width)]
    result = parse(noisy_lines, on=ON, correct=True)
    numeric = numeric_positions(layout)
    corrected = "".join(result.lines) if result.format else "".join(noisy_lines)
    for c in result.corrections:
        offset = (c.line - 1) * width + c.position - 1
        assert offset in numeric and c.confirmed_by
        assert noisy[offset] == c.found and corrected[offset] == c.replacement
    # Outside the reported corrections, nothing changed.
    touched = {(c.line - 1) * width + c.position - 1 for c in result.corrections}
    assert [i for i in range(len(noisy)) if noisy[i] != corrected[i]] == sorted(touched)
    if result.corrections:
        # Every check digit agrees with the corrected zone.
        again = parse(result.lines, on=ON)
        assert not [e for e in again.errors if e.code == "check_digit"]


junk = st.text(ALPHABET + "«é a\t", min_size=0, max_size=50)


@settings(max_examples=200)
@given(st.one_of(st.text(max_size=200), st.lists(junk, max_size=5).map("\n".join)),
       st.booleans())
def test_parse_never_raises_and_always_explains_invalid_input(text, correct):
    result = parse(text, on=ON, correct=correct)
    json.dumps(result.to_dict(ON))
    assert result.valid or result.errors
    for error in result.errors:
        assert error.message


name_text = st.lists(
    st.text("".join(sorted(set(TABLE_A) | set(TABLE_B) | set(TABLE_C))) + LETTERS + " -'",
            min_size=1, max_size=25),
    min_size=1, max_size=2)


@settings(max_examples=200)
@given(name_text, st.sampled_from([30, 31, 39]))
def test_mrz_name_always_fills_the_field_with_mrz_characters(parts, length):
    surname = parts[0]
    given_names = parts[1] if len(parts) > 1 else ""
    try:
        field = mrz_name(surname, given_names, length)
    except ValueError:
        return  # nothing left to write (only punctuation): refused, not written
    assert len(field) == length and is_mrz_text(field)
    assert field[0] != "<"


@st.composite
def shaped_junk(draw):
    count, width = draw(st.sampled_from([(3, 30), (2, 36), (2, 44)]))
    chars = st.sampled_from(ALPHABET + "OISBZG«é <")
    first = draw(st.sampled_from(["P", "I", "A", "C", "V", "X", "<", "0"]))
    lines = [draw(st.text(chars, min_size=width, max_size=width)) for _ in range(count)]
    lines[0] = first + lines[0][1:]
    return lines


@settings(max_examples=300)
@given(shaped_junk(), st.booleans())
def test_any_zone_of_the_right_shape_is_read_without_raising(lines, correct):
    result = parse(lines, on=ON, correct=correct)
    json.dumps(result.to_dict(ON))
    assert result.valid or result.errors
    for c in result.corrections:
        assert c.confirmed_by or c.found in "«‹"
