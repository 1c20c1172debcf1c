"""Hand-written cases: each rule of ICAO 9303 that parse checks, and what it reports."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sarhad.documents import MRZResult, generate, parse
from sarhad.documents.checkdigit import compute
from sarhad.documents.model import result_from_dict

from mrz_samples import ON, SPECIMENS

TD3 = SPECIMENS["V1_TD3_ICAO"][0]
TD2 = SPECIMENS["V7_TD2_ICAO"][0]
TD1 = SPECIMENS["V8_TD1_ICAO"][0]
MRVA = SPECIMENS["V15_MRVA_ICAO"][0]
MRVB = SPECIMENS["V17_MRVB_ICAO"][0]


def put(lines, line, pos, chars):
    """Lines with *chars* written from 1-based *pos* of 1-based *line* (no re-checking)."""
    out = list(lines)
    row = out[line - 1]
    out[line - 1] = row[:pos - 1] + chars + row[pos - 1 + len(chars):]
    assert len(out[line - 1]) == len(row)
    return out


def errors(lines, **kw):
    return [(e.code, e.field, e.line, e.positions) for e in parse(lines, on=ON, **kw).errors]


def messages(lines, **kw):
    return [e.message for e in parse(lines, on=ON, **kw).errors]


# --- check digits ------------------------------------------------------------------


def test_issue_example_message_for_a_wrong_birth_date_check_digit():
    bad = put(TD3, 2, 20, "3")
    assert messages(bad)[0] == "check digit of date_of_birth at line 2 pos 20: expected 2, found 3"
    error = parse(bad, on=ON).errors[0]
    assert (error.field, error.line, error.positions, error.expected, error.found) == (
        "date_of_birth", 2, (20, 20), "2", "3")


@pytest.mark.parametrize(
    "lines, line, pos, field",
    [
        (TD3, 2, 10, "document_number"),
        (TD3, 2, 20, "date_of_birth"),
        (TD3, 2, 28, "date_of_expiry"),
        (TD3, 2, 43, "optional_data"),
        (TD3, 2, 44, "composite"),
        (TD2, 2, 10, "document_number"),
        (TD2, 2, 20, "date_of_birth"),
        (TD2, 2, 28, "date_of_expiry"),
        (TD2, 2, 36, "composite"),
        (TD1, 1, 15, "document_number"),
        (TD1, 2, 7, "date_of_birth"),
        (TD1, 2, 15, "date_of_expiry"),
        (TD1, 2, 30, "composite"),
        (MRVA, 2, 10, "document_number"),
        (MRVA, 2, 20, "date_of_birth"),
        (MRVA, 2, 28, "date_of_expiry"),
        (MRVB, 2, 10, "document_number"),
        (MRVB, 2, 20, "date_of_birth"),
        (MRVB, 2, 28, "date_of_expiry"),
    ],
)
def test_each_check_digit_is_verified_at_its_position(lines, line, pos, field):
    original = lines[line - 1][pos - 1]
    wrong = str((int(original) + 1) % 10)
    found = [e for e in parse(put(lines, line, pos, wrong), on=ON).errors if e.field == field]
    assert len(found) == 1
    assert (found[0].code, found[0].line, found[0].positions, found[0].expected, found[0].found) \
        == ("check_digit", line, (pos, pos), original, wrong)


@pytest.mark.parametrize(
    "lines, line, pos, new, covered",
    [
        # TD3 composite: line 2 1-10, 14-20, 22-43 (not nationality 11-13, not sex 21).
        (TD3, 2, 11, "AZE", False),
        (TD3, 2, 21, "M", False),
        (TD3, 2, 30, "X", True),
        # TD2 composite includes the optional data 29-35.
        (TD2, 2, 30, "X", True),
        (TD2, 2, 11, "AZE", False),
        # TD1 composite: line 1 6-30, line 2 1-7, 9-15, 19-29; not line 3, not 16-18, not 8.
        (TD1, 1, 20, "X", True),
        (TD1, 2, 20, "X", True),
        (TD1, 2, 16, "AZE", False),
        (TD1, 2, 8, "M", False),
        (TD1, 3, 1, "ARIKSSON", False),
    ],
)
def test_composite_covers_exactly_the_icao_ranges(lines, line, pos, new, covered):
    composite_errors = [e for e in parse(put(lines, line, pos, new), on=ON).errors
                        if e.field == "composite"]
    assert bool(composite_errors) is covered


def test_visas_have_no_composite_and_no_optional_check_digit():
    changed = put(MRVA, 2, 30, "XYZ")
    result = parse(changed, on=ON)
    assert result.valid and result.optional_data == "6XYZ84226B"
    assert parse(put(MRVB, 2, 30, "XYZ"), on=ON).valid


# --- optional data of TD3 ----------------------------------------------------------


def test_empty_optional_data_check_digit_zero_is_silent_and_filler_warns():
    zero = SPECIMENS["V4_TD3_CANADA"][0]
    assert parse(zero, on=ON).warnings == ()
    filler = put(zero, 2, 43, "<")
    result = parse(filler, on=ON)
    assert result.valid
    assert [w.code for w in result.warnings] == ["filler_check_digit"]


def test_empty_optional_data_with_another_digit_is_an_error():
    bad = put(SPECIMENS["V4_TD3_CANADA"][0], 2, 43, "5")
    assert ("check_digit", "optional_data", 2, (43, 43)) in errors(bad)


def test_filler_check_digit_over_non_empty_optional_data_is_an_error():
    bad = put(TD3, 2, 43, "<")
    assert ("check_digit", "optional_data", 2, (43, 43)) in errors(bad)


# --- long document numbers ---------------------------------------------------------


def test_td1_long_number_is_reassembled_and_its_check_digit_checked():
    lines = SPECIMENS["TD1_LONG_NUMBER_ICAO"][0]
    assert parse(lines, on=ON).document_number == "D23145890734"
    bad = put(lines, 1, 19, "8")
    assert ("check_digit", "document_number", 1, (19, 19)) in errors(bad)


def test_td2_long_number_overflows_into_optional_data():
    lines = generate("TD2", issuing_state="AZE", nationality="AZE", name="ALIYEV<<RAUF",
                     document_number="AZ12345678", birth_date="900101", sex="M",
                     expiry_date="300101")
    assert lines[1][9] == "<" and lines[1][28:30] == "8" + compute("AZ12345678")
    result = parse(lines, on=ON)
    assert result.valid and result.document_number == "AZ12345678"
    assert result.optional_data == ""


def test_long_number_without_overflow_is_an_error():
    lines = put(SPECIMENS["V8_TD1_ICAO"][0], 1, 15, "<")
    assert "long_number" in [code for code, *_ in errors(lines)]


def test_filler_inside_a_document_number_is_reported():
    # generate refuses fillers inside numbers, so write one by hand: C1<234567.
    base = put(TD3, 2, 1, "C1<234567")
    base = put(base, 2, 10, compute("C1<234567"))
    base = put(base, 2, 44, compute(base[1][0:10] + base[1][13:20] + base[1][21:43]))
    result = parse(base, on=ON)
    assert result.valid
    assert "document_number" in [w.code for w in result.warnings]
    leading = put(TD3, 2, 1, "<12345678")
    assert ("document_number", "document_number", 2, (1, 1)) in errors(leading)


# --- document codes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, code, ok",
    [
        (TD3, "PP", True), (TD3, "PD", True), (TD3, "PM", True), (TD3, "I<", False),
        (TD1, "ID", True), (TD1, "AC", True), (TD1, "AI", False), (TD1, "IV", False),
        (TD1, "P<", False), (TD2, "AC", False), (TD2, "CA", True), (TD2, "IV", False),
        (MRVA, "VC", True),
    ],
)
def test_document_code_rules(lines, code, ok):
    result = parse(put(lines, 1, 1, code), on=ON)
    assert ("document_code" not in [e.field for e in result.errors]) is ok
    assert result.document_code == code.rstrip("<")


def test_unusual_passport_type_is_a_warning():
    result = parse(put(TD3, 1, 2, "X"), on=ON)
    assert result.valid and "document_code" in [w.code for w in result.warnings]


def test_visa_and_passport_are_told_apart_by_the_first_character():
    assert parse(TD3, on=ON).format == "TD3"
    assert parse(MRVA, on=ON).format == "MRVA"
    assert parse(TD2, on=ON).format == "TD2"
    assert parse(MRVB, on=ON).format == "MRVB"


# --- codes -------------------------------------------------------------------------


def test_unknown_country_code_is_an_error_with_its_place():
    bad = put(TD3, 2, 11, "QQQ")
    assert ("unknown_code", "nationality", 2, (11, 13)) in errors(bad)
    bad = put(TD3, 1, 3, "QQQ")
    assert ("unknown_code", "issuing_state", 1, (3, 5)) in errors(bad)


def test_digit_in_a_code_suggests_the_letter():
    bad = parse(put(TD3, 2, 11, "UT0"), on=ON)
    (error,) = [e for e in bad.errors if e.field == "nationality"]
    assert error.suggestion == "UTO"
    assert "did you mean UTO?" in error.message


@pytest.mark.parametrize("code", ["AZE", "D<<", "XXA", "XXB", "XXC", "XXX", "EUE", "UNO",
                                  "UNA", "UNK", "RKS", "GBD", "GBN", "GBO", "GBS", "GBP",
                                  "XOM", "XPO"])
def test_iso_and_icao_special_codes_are_accepted(code):
    result = parse(put(TD3, 2, 11, code), on=ON)
    assert "nationality" not in [e.field for e in result.errors]
    assert result.nationality == code.rstrip("<")


def test_deprecated_code_is_a_warning():
    result = parse(put(TD3, 2, 11, "ANT"), on=ON)
    assert "deprecated_code" in [w.code for w in result.warnings]
    assert "nationality" not in [e.field for e in result.errors]


# --- dates -------------------------------------------------------------------------


def _with_birth(raw, lines=TD3):
    changed = put(lines, 2, 14, raw)
    return put(changed, 2, 20, compute(raw))


def test_invalid_calendar_date_is_an_error():
    result = parse(_with_birth("741332"), on=ON)
    assert ("date", "date_of_birth", 2, (14, 19)) in [
        (e.code, e.field, e.line, e.positions) for e in result.errors]
    assert result.birth_date is None and result.birth_date_raw == "741332"


def test_leap_day_depends_on_the_century():
    assert parse(_with_birth("000229"), on=ON).birth_date == date(2000, 2, 29)
    result = parse(_with_birth("010229"), on=ON)
    assert result.birth_date is None
    assert "date_of_birth" in [e.field for e in result.errors]


@pytest.mark.parametrize("raw, shown", [("74<<<<", "74<<<<"), ("7408<<", "7408<<"),
                                        ("<<<<<<", "<<<<<<"), ("<<0812", "<<0812")])
def test_partly_unknown_birth_date_is_a_warning(raw, shown):
    result = parse(_with_birth(raw), on=ON)
    assert "date_of_birth" not in [e.field for e in result.errors]
    assert result.birth_date is None and result.birth_date_raw == shown
    assert "partial_date" in [w.code for w in result.warnings]


def test_malformed_partial_date_is_an_error():
    result = parse(_with_birth("7<0812"), on=ON)
    assert "date_of_birth" in [e.field for e in result.errors]


def test_unknown_expiry_date_is_an_error():
    changed = put(TD3, 2, 22, "<<<<<<")
    changed = put(changed, 2, 28, "0")
    assert "date_of_expiry" in [e.field for e in parse(changed, on=ON).errors]


@pytest.mark.parametrize(
    "raw, on, year",
    [("991231", date(2026, 1, 1), 1999), ("250101", date(2026, 1, 1), 2025),
     ("260101", date(2026, 1, 1), 2026), ("260102", date(2026, 1, 1), 1926),
     ("000101", date(2026, 1, 1), 2000)],
)
def test_birth_century_is_the_latest_not_in_the_future(raw, on, year):
    assert parse(_with_birth(raw), on=on).birth_date.year == year


@pytest.mark.parametrize(
    "raw, on, year",
    [("300101", date(2026, 1, 1), 2030), ("760101", date(2026, 1, 1), 2076),
     ("770101", date(2026, 1, 1), 1977), ("961210", date(2026, 1, 1), 1996),
     ("120101", date(2070, 1, 1), 2112)],
)
def test_expiry_century_window(raw, on, year):
    changed = put(TD3, 2, 22, raw)
    changed = put(changed, 2, 28, compute(raw))
    assert parse(changed, on=on).expiry_date.year == year


# --- sex ---------------------------------------------------------------------------


@pytest.mark.parametrize("char, sex, warned", [("F", "F", False), ("M", "M", False),
                                               ("<", "X", False), ("X", "X", True)])
def test_sex_values(char, sex, warned):
    result = parse(put(TD3, 2, 21, char), on=ON)
    assert result.valid and result.sex == sex
    assert ("sex" in [w.code for w in result.warnings]) is warned


def test_other_sex_character_is_an_error():
    assert ("sex", "sex", 2, (21, 21)) in errors(put(TD3, 2, 21, "Q"))


# --- names -------------------------------------------------------------------------


def test_name_components_and_identifiers():
    lines = put(TD3, 1, 6, "VAN<DER<MUELLEN<<MARTIN<<<<<<<<<<<<<<<<")
    result = parse(lines, on=ON)
    assert (result.surname, result.given_names, result.name_truncated) == (
        "VAN DER MUELLEN", "MARTIN", False)


def test_name_with_only_a_primary_identifier():
    result = parse(put(TD3, 1, 6, "ARKFREITH" + "<" * 30), on=ON)
    assert result.valid and (result.surname, result.given_names) == ("ARKFREITH", "")


def test_letter_in_the_last_position_means_possibly_truncated():
    full = "NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K"
    result = parse(put(TD3, 1, 6, full), on=ON)
    assert result.valid and result.name_truncated
    assert result.given_names == "CHAYAPA DEJTHAMRONG K"


def test_digit_in_the_name_is_an_error_with_a_suggestion():
    result = parse(put(TD3, 1, 8, "1"), on=ON)
    (error,) = result.errors
    assert (error.code, error.line, error.positions, error.suggestion) == (
        "name", 1, (8, 8), "I")


def test_empty_name_is_an_error():
    assert "name" in [e.field for e in parse(put(TD3, 1, 6, "<" * 39), on=ON).errors]


# --- input structure and scanner noise ---------------------------------------------


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "no MRZ lines"),
        ("   \n\n", "no MRZ lines"),
        ("HELLO", "found 1 line(s) of 5 characters"),
        ("\n".join(TD3 + TD3), "found 4 line(s)"),
        (TD3[0] + "\n" + TD2[1], "mixed layouts: line 1 has 44 characters (TD3/MRV-A), "
                                 "line 2 has 36 characters (TD2/MRV-B)"),
        (TD1[0] + "\n" + TD1[1], "found 2 line(s) of 30, 30 characters"),
    ],
)
def test_structure_errors_are_specific(text, fragment):
    result = parse(text, on=ON)
    assert not result.valid and result.format is None
    (error,) = result.errors
    assert error.code == "structure" and fragment in error.message


def test_scanner_line_endings_spaces_and_lower_case_are_accepted_and_reported():
    noisy = "  " + TD3[0].lower() + "  \r\n\r\n\t" + TD3[1] + " \r\n"
    result = parse(noisy, on=ON)
    assert result.valid and result.document_number == "L898902C3"
    assert "lowercase" in [w.code for w in result.warnings]


@pytest.mark.parametrize("text", [
    "".join(TD3),                                   # glued
    TD3[0][:20] + "\n" + TD3[0][20:] + TD3[1],      # split, then glued
    "\n".join([TD1[0] + TD1[1], TD1[2]]),           # TD1 with two lines glued
])
def test_glued_or_split_lines_are_re_split_with_a_warning(text):
    result = parse(text, on=ON)
    assert result.valid
    assert "line_breaks" in [w.code for w in result.warnings]


def test_character_outside_the_alphabet_is_located():
    result = parse(put(TD3, 2, 30, "é"), on=ON)
    assert not result.valid
    charset = [e for e in result.errors if e.code == "charset"]
    assert [(e.line, e.positions, e.found, e.field) for e in charset] == [
        (2, (30, 30), "é", "optional_data")]
    # The check digits over that character are not computed, so no noise from them.
    assert [e.code for e in result.errors] == ["charset"]


def test_guillemet_is_an_error_suggesting_the_filler_without_correction_mode():
    result = parse(put(TD3, 2, 40, "«"), on=ON)
    (error,) = result.errors
    assert error.suggestion == "<"


# --- the result object -------------------------------------------------------------


def test_result_is_frozen():
    result = parse(TD3, on=ON)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.surname = "X"


def test_fast_constructor_matches_the_dataclass_constructor():
    result = parse(TD3, on=ON)
    values = {f.name: getattr(result, f.name) for f in dataclasses.fields(MRZResult)}
    assert result_from_dict(dict(values)) == MRZResult(**values) == result


CLI_KEYS = {
    "valid", "format", "document_code", "issuing_state", "document_number", "nationality",
    "surname", "given_names", "birth_date_raw", "expiry_date_raw", "birth_date",
    "expiry_date", "sex", "optional_data", "optional_data_2", "expired", "errors", "warnings",
}


def test_to_dict_has_every_field_the_issue_names():
    record = parse(TD1, on=ON).to_dict(ON)
    assert CLI_KEYS <= set(record)
    assert record["birth_date"] == "1974-08-12" and record["expiry_date"] == "2012-04-15"
    assert record["birth_date_raw"] == "740812" and record["optional_data_2"] == ""


def test_expired_is_relative_to_the_given_date():
    result = parse(TD3, on=ON)
    assert result.to_dict(date(2012, 4, 15))["expired"] is False
    assert result.to_dict(date(2012, 4, 16))["expired"] is True


def test_td1_lines_of_unequal_length_are_re_split_with_a_warning():
    uneven = "\n".join([TD1[0], TD1[1][:-1], TD1[1][-1] + TD1[2]])
    result = parse(uneven, on=ON)
    assert result.valid and result.lines == tuple(TD1)
    assert "line_breaks" in [w.code for w in result.warnings]


def test_lines_of_another_layout_are_not_glued_into_a_different_one():
    # 44 + 44 + 2 characters add up to 90 (a TD1), but they are a TD3 and noise.
    result = parse("\n".join([*TD3, "XX"]), on=ON)
    assert not result.valid and result.format is None
    assert "found 3 line(s) of 44, 44, 2 characters" in result.errors[0].message


def test_deu_is_accepted_with_a_note_that_icao_writes_d():
    result = parse(put(TD3, 2, 11, "DEU"), on=ON)
    assert result.valid and result.nationality == "DEU"
    assert "icao_form" in [w.code for w in result.warnings]


def test_bytes_from_a_scanner_are_read_and_bad_bytes_reported():
    assert parse("\r\n".join(TD3).encode("ascii"), on=ON).valid
    assert parse([line.encode("ascii") for line in TD3], on=ON).valid
    broken = "\n".join(TD3).encode("ascii").replace(b"ZE18", b"ZE\xff8")
    result = parse(broken, on=ON)
    assert [e.code for e in result.errors] == ["charset"]
