"""Shared MRZ samples for the documents tests: ICAO specimens and their expected fields.

Sources (project domain notes, section 1.9): ICAO Doc 9303 Parts 3-7 specimens, the test data of
https://github.com/Arg0s1080/mrz, https://github.com/konstantint/PassportEye and
https://github.com/cheminfo/mrz; check digits re-verified with the 7-3-1 rule.
"""

from __future__ import annotations

from datetime import date

# name -> (lines, expected fields)
SPECIMENS = {
    "V1_TD3_ICAO": (
        ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
         "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
        dict(format="TD3", document_code="P", issuing_state="UTO", surname="ERIKSSON",
             given_names="ANNA MARIA", document_number="L898902C3", nationality="UTO",
             birth_date_raw="740812", birth_date=date(1974, 8, 12), sex="F",
             expiry_date_raw="120415", expiry_date=date(2012, 4, 15),
             optional_data="ZE184226B", optional_data_2=None),
    ),
    "V2_TD3_GERMANY": (
        ("P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
         "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0"),
        dict(format="TD3", document_code="P", issuing_state="D", surname="MUSTERMANN",
             given_names="ERIKA", document_number="C01X0006H", nationality="D",
             birth_date_raw="640812", birth_date=date(1964, 8, 12), sex="F",
             expiry_date_raw="171031", expiry_date=date(2017, 10, 31), optional_data=""),
    ),
    "V4_TD3_CANADA": (
        ("P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<",
         "ZE000509<9CAN8501019F2301147<<<<<<<<<<<<<<08"),
        dict(format="TD3", surname="MARTIN", given_names="SARAH", document_number="ZE000509",
             nationality="CAN", birth_date=date(1985, 1, 1), sex="F",
             expiry_date=date(2023, 1, 14), optional_data=""),
    ),
    "V5_TD3_CZECH": (
        ("P<CZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<<<<<<<<<",
         "99003853<1CZE1101018M1207046110101111<<<<<94"),
        dict(format="TD3", surname="SPECIMEN", given_names="VZOR", document_number="99003853",
             nationality="CZE", birth_date=date(2011, 1, 1), sex="M",
             expiry_date=date(2012, 7, 4), optional_data="110101111"),
    ),
    "V7_TD2_ICAO": (
        ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
         "D231458907UTO7408122F1204159<<<<<<<6"),
        dict(format="TD2", document_code="I", issuing_state="UTO", surname="ERIKSSON",
             given_names="ANNA MARIA", document_number="D23145890", nationality="UTO",
             birth_date=date(1974, 8, 12), sex="F", expiry_date=date(2012, 4, 15),
             optional_data=""),
    ),
    "V8_TD1_ICAO": (
        ("I<UTOD231458907<<<<<<<<<<<<<<<",
         "7408122F1204159UTO<<<<<<<<<<<6",
         "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"),
        dict(format="TD1", document_code="I", issuing_state="UTO", surname="ERIKSSON",
             given_names="ANNA MARIA", document_number="D23145890", nationality="UTO",
             birth_date=date(1974, 8, 12), sex="F", expiry_date=date(2012, 4, 15),
             optional_data="", optional_data_2=""),
    ),
    "V12_TD1_SWEDEN": (
        ("I<SWE59000002<8198703142391<<<",
         "8703145M1701027SWE<<<<<<<<<<<8",
         "SPECIMEN<<SVEN<<<<<<<<<<<<<<<<"),
        dict(format="TD1", surname="SPECIMEN", given_names="SVEN", document_number="59000002",
             nationality="SWE", birth_date=date(1987, 3, 14), sex="M",
             expiry_date=date(2017, 1, 2), optional_data="198703142391", optional_data_2=""),
    ),
    "V15_MRVA_ICAO": (
        ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
         "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"),
        dict(format="MRVA", document_code="V", issuing_state="UTO", surname="ERIKSSON",
             given_names="ANNA MARIA", document_number="L8988901C", nationality="XXX",
             birth_date=date(1940, 9, 7), sex="F", expiry_date_raw="961210",
             optional_data="6ZE184226B"),
    ),
    "V17_MRVB_ICAO": (
        ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
         "L8988901C4XXX4009078F9612109<<<<<<<<"),
        dict(format="MRVB", surname="ERIKSSON", given_names="ANNA MARIA",
             document_number="L8988901C", nationality="XXX", birth_date=date(1940, 9, 7),
             sex="F", expiry_date_raw="961210", optional_data=""),
    ),
    # Doc 9303 Part 5 (section 4.2.4): a 12-character TD1 document number.
    "TD1_LONG_NUMBER_ICAO": (
        ("I<UTOD23145890<7349<<<<<<<<<<<",
         "3407127M9507122UTO<<<<<<<<<<<2",
         "STEVENSON<<PETER<JOHN<<<<<<<<<"),
        dict(format="TD1", document_number="D23145890734", surname="STEVENSON",
             given_names="PETER JOHN", birth_date=date(1934, 7, 12), sex="M",
             expiry_date=date(1995, 7, 12), optional_data="", optional_data_2=""),
    ),
}

ON = date(2026, 1, 1)


def text(name: str) -> str:
    return "\n".join(SPECIMENS[name][0])
