"""generate writes every layout exactly as ICAO prints its specimens."""

from __future__ import annotations

from datetime import date

import pytest

from sarhad.documents import GenerateError, generate, parse

from mrz_samples import ON, SPECIMENS

ERIKSSON = dict(issuing_state="UTO", name="ERIKSSON<<ANNA<MARIA", birth_date="740812",
                sex="F", expiry_date="120415")


@pytest.mark.parametrize(
    "specimen, fmt, fields",
    [
        ("V1_TD3_ICAO", "TD3", dict(ERIKSSON, document_number="L898902C3", nationality="UTO",
                                    optional_data="ZE184226B")),
        ("V7_TD2_ICAO", "TD2", dict(ERIKSSON, document_number="D23145890", nationality="UTO")),
        ("V8_TD1_ICAO", "TD1", dict(ERIKSSON, document_number="D23145890", nationality="UTO")),
        ("V15_MRVA_ICAO", "MRVA", dict(ERIKSSON, document_number="L8988901C", nationality="XXX",
                                       birth_date="400907", expiry_date="961210",
                                       optional_data="6ZE184226B")),
        ("V17_MRVB_ICAO", "MRVB", dict(ERIKSSON, document_number="L8988901C", nationality="XXX",
                                       birth_date="400907", expiry_date="961210")),
        ("V4_TD3_CANADA", "TD3", dict(issuing_state="CAN", nationality="CAN",
                                      name="MARTIN<<SARAH", document_number="ZE000509",
                                      birth_date=date(1985, 1, 1), sex="F",
                                      expiry_date="2023-01-14")),
        ("V12_TD1_SWEDEN", "TD1", dict(issuing_state="SWE", nationality="SWE",
                                       name="SPECIMEN<<SVEN", document_number="59000002",
                                       birth_date="870314", sex="M", expiry_date="170102",
                                       optional_data="198703142391")),
        ("TD1_LONG_NUMBER_ICAO", "TD1", dict(issuing_state="UTO", nationality="UTO",
                                             surname="Stevenson", given_names="Peter John",
                                             document_number="D23145890734",
                                             birth_date="340712", sex="M",
                                             expiry_date="950712")),
    ],
)
def test_generate_reproduces_the_specimens(specimen, fmt, fields):
    assert generate(fmt, **fields) == SPECIMENS[specimen][0]


def test_visa_type_and_document_code_padding():
    lines = generate("MRVB", document_code="V", **dict(ERIKSSON, document_number="X1",
                                                        nationality="AZE"))
    assert lines[0].startswith("V<UTO")


def test_name_is_transliterated_and_truncated():
    lines = generate("TD3", issuing_state="AZE", nationality="AZE", surname="Nilavadhanananda",
                     given_names="Chayapa Dejthamrong Krasuang", document_number="X1",
                     birth_date="900101", sex="M", expiry_date="300101")
    assert lines[0] == "P<AZENILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K"
    result = parse(lines, on=ON)
    assert result.valid and result.name_truncated


def test_sex_x_is_written_as_filler():
    lines = generate("TD3", **dict(ERIKSSON, document_number="A1", nationality="AZE",
                                   sex="X"))
    assert lines[1][20] == "<"
    assert parse(lines, on=ON).sex == "X"


@pytest.mark.parametrize(
    "fmt, change, fragment",
    [
        ("TD3", dict(document_number="A123456789"), "longer than 9"),
        ("MRVA", dict(document_number="A123456789"), "longer than 9"),
        ("TD2", dict(document_number="A123456789012345"), "longer than 7"),
        ("TD3", dict(optional_data="X" * 15), "longer than 14"),
        ("TD1", dict(optional_data_2="X" * 12), "longer than 11"),
        ("TD3", dict(optional_data_2="X"), "only on TD1"),
        ("TD3", dict(nationality="QQQ"), "not a known"),
        ("TD3", dict(sex="Q"), "must be F, M or X"),
        ("TD3", dict(birth_date="1990-02-30"), "birth_date"),
        ("TD3", dict(expiry_date="12<<<<"), "complete"),
        ("TD3", dict(document_number="AB-12"), "outside A-Z"),
        ("XX9", {}, "unknown format"),
    ],
)
def test_values_that_do_not_fit_raise(fmt, change, fragment):
    fields = dict(ERIKSSON, document_number="A1", nationality="AZE")
    fields.update(change)
    with pytest.raises(GenerateError, match=fragment):
        generate(fmt, **fields)


def test_partial_birth_date_can_be_generated():
    lines = generate("TD3", **dict(ERIKSSON, document_number="A1", nationality="AZE",
                                   birth_date="74<<<<"))
    result = parse(lines, on=ON)
    assert result.valid and result.birth_date is None and result.birth_date_raw == "74<<<<"


@pytest.mark.parametrize("fmt, code", [("TD1", "AI"), ("TD2", "AC"), ("TD3", "IP"),
                                        ("MRVA", "P"), ("TD1", "IV")])
def test_document_codes_the_layout_forbids_are_refused(fmt, code):
    with pytest.raises(GenerateError, match="document_code"):
        generate(fmt, **dict(ERIKSSON, document_number="A1", nationality="AZE",
                             document_code=code))


def test_a_single_identifier_is_written_as_the_primary_one():
    lines = generate("TD3", **dict(ERIKSSON, document_number="A1", nationality="AZE",
                                   name="<<ARKFREITH"))
    assert lines[0][5:15] == "ARKFREITH<"
    with pytest.raises(GenerateError, match="name"):
        generate("TD3", **dict(ERIKSSON, document_number="A1", nationality="AZE", name="<<"))
