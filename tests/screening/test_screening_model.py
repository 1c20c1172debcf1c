from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sarhad.screening import (
    BirthDate,
    DatePrecision,
    DocumentRef,
    InvalidEntry,
    InvalidQuery,
    ListKind,
    Query,
    WatchlistEntry,
)


def test_birth_date_precisions():
    assert BirthDate.parse("1980").precision is DatePrecision.YEAR
    assert BirthDate.parse("1980").earliest == date(1980, 1, 1)
    assert BirthDate.parse("1980").latest == date(1980, 12, 31)
    feb = BirthDate.parse("1984-02")
    assert (feb.earliest, feb.latest, feb.precision) == (date(1984, 2, 1), date(1984, 2, 29), DatePrecision.MONTH)
    assert BirthDate.parse("1980-05-02") == BirthDate.exact(date(1980, 5, 2))
    rng = BirthDate.parse("1978..1982-06")
    assert rng.precision is DatePrecision.RANGE
    assert (rng.earliest, rng.latest) == (date(1978, 1, 1), date(1982, 6, 30))
    assert BirthDate.parse("1978/1982") == BirthDate.parse("1978..1982")
    assert list(rng.years()) == [1978, 1979, 1980, 1981, 1982]


@pytest.mark.parametrize("text", ["80", "1980-13", "1980-02-30", "1982..1978", "abc", "1980-5-x"])
def test_birth_date_rejects_nonsense(text):
    with pytest.raises(ValueError):
        BirthDate.parse(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)))
def test_birth_date_text_round_trip(day):
    for text in (day.isoformat(), day.isoformat()[:7], str(day.year), f"{day.year - 2}..{day.isoformat()}"):
        parsed = BirthDate.parse(text)
        assert BirthDate.parse(str(parsed)) == parsed
        assert parsed.contains(day)


def test_document_ref_parse_and_cleanup():
    assert DocumentRef.parse("c01 234-567:aze") == DocumentRef("C01234567", "AZE")
    assert DocumentRef.parse("C01234567").issuing_state is None
    assert DocumentRef("X1", "D<<").issuing_state == "D"
    with pytest.raises(ValueError):
        DocumentRef("")
    with pytest.raises(ValueError):
        DocumentRef("AB12", "AZERBAIJAN")


def test_entry_validation_says_what_and_where():
    with pytest.raises(InvalidEntry, match="entry 'E1': version"):
        WatchlistEntry("E1", 0, "bans", names=("A",))
    with pytest.raises(InvalidEntry, match="needs a name or a document"):
        WatchlistEntry("E1", 1, "bans")
    with pytest.raises(InvalidEntry, match="needs a document number"):
        WatchlistEntry("L1", 1, "lost", kind=ListKind.LOST_STOLEN_DOCUMENT, names=("A",))
    with pytest.raises(InvalidEntry, match="unknown list kind"):
        WatchlistEntry("E1", 1, "bans", kind="vehicle", names=("A",))
    with pytest.raises(InvalidEntry, match="entry 'E1': sex"):
        WatchlistEntry("E1", 1, "bans", names=("A",), sex="Q")
    with pytest.raises(InvalidEntry, match="unknown fields"):
        WatchlistEntry.from_dict({"id": "E1", "version": 1, "list_id": "x", "nmaes": ["A"]})


def test_entry_normalises_its_values():
    entry = WatchlistEntry(
        "E1", 2, "bans", names=(" Ali  ", "Ali", ""), aliases=("Ali", "Alik"),
        birth_dates=("1980", date(1981, 1, 2)), nationalities=("aze", "AZE"), sex="male",
        documents=("c123:aze",),
    )
    assert entry.names == ("Ali",)
    assert entry.aliases == ("Alik",)
    assert entry.birth_dates == (BirthDate.parse("1980"), BirthDate.parse("1981-01-02"))
    assert entry.nationalities == ("AZE",)
    assert entry.sex == "M"
    assert entry.documents == (DocumentRef("C123", "AZE"),)


names = st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)
                 .filter(str.strip), min_size=1, max_size=3)


@given(
    names=names,
    aliases=st.lists(st.text(min_size=1, max_size=10).filter(str.strip), max_size=2),
    year=st.integers(1920, 2020),
    sex=st.sampled_from([None, "M", "F"]),
    nats=st.lists(st.sampled_from(["AZE", "RUS", "IRN", "TUR", "GEO", "ARM", "D"]), max_size=2),
    version=st.integers(1, 10_000),
)
def test_entry_dict_round_trip(names, aliases, year, sex, nats, version):
    entry = WatchlistEntry(
        "E-1", version, "bans", names=tuple(names), aliases=tuple(aliases),
        birth_dates=(str(year),), nationalities=tuple(nats), sex=sex,
        documents=(DocumentRef("AB123", "AZE"),), required_action="refer", remarks="r",
    )
    assert WatchlistEntry.from_dict(entry.to_dict()) == entry


def test_query_reads_mrz_names_and_coerces():
    query = Query.traveller("MAMMADOV<<ALI<HASAN", "Məmmədov Əli", dob="1980-05", nationality="aze",
                            sex="<", document="C01234567", issuing_state="AZE")
    assert query.names == ("MAMMADOV ALI HASAN", "Məmmədov Əli")
    assert query.date_of_birth == BirthDate.parse("1980-05")
    assert query.sex is None
    assert query.nationality == "AZE"
    assert query.documents == (DocumentRef("C01234567", "AZE"),)
    with pytest.raises(InvalidQuery, match="at least a name or a document"):
        Query()
    with pytest.raises(InvalidQuery, match="date must be"):
        Query(names=("A",), date_of_birth="05/1980")

