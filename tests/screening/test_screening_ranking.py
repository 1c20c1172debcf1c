"""Candidate ranking by what the traveller's date of birth, nationality and sex say, the
date-of-birth shortcut that drops a candidate before its record is read, and the typo
keys. Real name engine (the cases are the region's)."""

from __future__ import annotations

import hashlib
import struct
from datetime import date, timedelta

import pytest
from conftest import POLICY, FakeEngine
from hypothesis import given, settings
from hypothesis import strategies as st

from sarhad.screening import BirthDate, Query, ScreeningIndex, SnapshotError, WatchlistEntry
from sarhad.screening import index as index_module
from sarhad.screening.index import _far_codes, _year, _year_effects, _years
from sarhad.screening.qualifiers import ScoringPolicy, compare_birth_date
from sarhad.screening.snapshot import MAGIC


def _namesakes_of_other_years_and_the_right_one() -> tuple[ScreeningIndex, Query]:
    index = ScreeningIndex()
    listed = {"nationalities": ("AZE",), "sex": "F"}
    # 150 listed people whose names are exactly what a typo made of the traveller's
    # (Vəliyeva -> ALIYEVA), born in any year but the traveller's (and the next ones) ...
    for i in range(150):
        year = 1940 + i % 20 if i % 2 else 1970 + i % 30
        index.add(WatchlistEntry(f"A{i}", 1, "bans", names=("Əliyeva Xədicə", "ALIYEVA XADICA"),
                                 birth_dates=(f"{year}-03-01",), **listed))
    # ... 200 Xədicəs of other surnames born the traveller's year ...
    surnames = ["Rzayeva", "Babayeva", "Nəsirova", "Sultanova", "Orucova", "Tağıyeva", "Yusifova", "Kərimova"]
    for i in range(200):
        index.add(WatchlistEntry(f"X{i}", 1, "bans", names=(f"{surnames[i % 8]} Xədicə",),
                                 birth_dates=("1964",), **listed))
    # ... and the right one
    index.add(WatchlistEntry("T", 1, "bans", names=("Vəliyeva Xədicə Əli qızı", "VALIYEVA XADICA"),
                             birth_dates=("1964-01-11",), **listed))
    return index, Query.traveller("XADICA ALIYEVA", dob="1964-01-11", nationality="AZE", sex="F")


def test_namesakes_born_years_apart_go_after_the_entry_that_can_be_the_traveller():
    index, query = _namesakes_of_other_years_and_the_right_one()
    assert "T" in index.candidates_for(query, 50)
    # every one born two years or more away comes after it
    ranked = index.candidates_for(query, 300)
    assert ranked.index("T") < min(ranked.index(f"A{i}") for i in range(150) if f"A{i}" in ranked)


def test_without_the_date_of_birth_ranking_the_typo_is_lost(monkeypatch):
    # the same index ranked by blocking keys alone: the test above depends on the ranking
    monkeypatch.setattr(index_module, "RANK_FAR", 0.0)
    monkeypatch.setattr(index_module, "RANK_YEAR_AGREES", 0.0)
    monkeypatch.setattr(index_module, "RANK_DAY_AGREES", 0.0)
    index, query = _namesakes_of_other_years_and_the_right_one()
    assert "T" not in index.candidates_for(query, 50)


def test_nationality_and_sex_as_listed_break_ties_among_namesakes():
    index = ScreeningIndex()
    for i in range(120):
        index.add(WatchlistEntry(f"N{i}", 1, "bans", names=("Hosseini Zeinab",),
                                 nationalities=("IRQ",) if i % 2 else ("IRN",), sex="M" if i % 2 == 0 else "F"))
    index.add(WatchlistEntry("T", 1, "bans", names=("Hosseini Zeinab",), nationalities=("IRN",), sex="F"))
    query = Query.traveller("ZEINAB HOSSEINI", nationality="IRN", sex="F")
    ranked = index.candidates_for(query, 50)
    assert ranked[0] == "T"
    # then the same nationality with the other sex (-2 + 1) before another nationality
    # with the same sex (-2 + 0.5): a different sex says a little more
    assert all(int(entry_id[1:]) % 2 == 0 for entry_id in ranked[1:])


def test_a_deleted_letter_that_brings_two_equal_letters_together_still_meets_the_listed_name():
    # MAHMUT -> MAMUT: the skeleton MKMT loses K and becomes MMT, which a skeleton writes MT
    index = ScreeningIndex()
    given_names = ["Murat", "Emre", "Burak", "Kemal", "Orhan", "Serkan", "Yusuf", "Cem", "Ali", "Can"]
    for i in range(300):
        index.add(WatchlistEntry(f"N{i}", 1, "bans", names=(f"{given_names[i % 10]} Aydın",),
                                 birth_dates=("1971",), nationalities=("TUR",), sex="M"))
    index.add(WatchlistEntry("T", 1, "bans", names=("Mahmut Aydın",), birth_dates=("1971-02-11",),
                             nationalities=("TUR",), sex="M"))
    query = Query.traveller("MAMUT AYDIN", dob="1971-02-11", nationality="TUR", sex="M")
    assert "T" in index.candidates_for(query, 50)


# --- the date-of-birth shortcut agrees with the qualifiers ---------------------------------

def _birth_date(draw_day: date, precision: str, span: int) -> BirthDate:
    if precision == "day":
        return BirthDate.parse(draw_day.isoformat())
    if precision == "month":
        return BirthDate.parse(draw_day.isoformat()[:7])
    if precision == "year":
        return BirthDate.parse(str(draw_day.year))
    return BirthDate.parse(f"{draw_day.isoformat()}..{(draw_day + timedelta(days=span)).isoformat()}")


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31))
precisions = st.sampled_from(["day", "month", "year", "range"])


@given(days, precisions, st.integers(0, 3000), days, st.sampled_from(["day", "month", "year"]))
@settings(max_examples=500)
def test_a_listed_year_the_shortcut_calls_far_is_a_date_the_qualifiers_call_different(
        q_day, q_precision, q_span, listed_day, listed_precision):
    policy = ScoringPolicy()
    query = _birth_date(q_day, q_precision, q_span)
    listed = _birth_date(listed_day, listed_precision, 0)
    far = _far_codes(_year(query.earliest.year), _year(query.latest.year))[_years(listed.earliest.year, listed.latest.year)]
    effect = compare_birth_date(query, (listed,), policy)
    if far:
        assert effect.delta == policy.dob_differs, (str(query), str(listed), effect)
    # and two years apart is far (the shortcut is not idle)
    if query.latest.year + 3 <= listed.earliest.year or listed.latest.year + 3 <= query.earliest.year:
        assert far


@given(st.integers(1850, 2020), st.integers(0, 5), st.integers(0, 7), st.integers(-12, 4), st.booleans())
def test_the_ranking_move_by_years_of_birth_follows_the_gap_between_them(q_first, q_span, l_span, gap, before):
    """Listed years overlapping the traveller's move the entry up, a year off not at all,
    two years or more apart to the bottom (the table read per candidate). ``gap``: years
    between the two spans (0 or less: they overlap), listed before or after."""
    far, agrees = -1.0e6, 2.0
    q_last = q_first + q_span
    l_first = q_first - gap - l_span if before else q_last + gap
    move = _year_effects(_year(q_first), _year(q_last), far, agrees)[_years(l_first, l_first + l_span)]
    real_gap = max(l_first - q_last, q_first - (l_first + l_span))
    assert move == (agrees if real_gap <= 0 else 0.0 if real_gap == 1 else far)


def test_the_shortcut_needs_the_policy_to_rule_the_candidate_out():
    # with a mild penalty for a date years away the candidate is scored, not skipped
    mild = ScoringPolicy(dob_differs=-0.05)
    index = ScreeningIndex(policy=mild)
    index.add(WatchlistEntry("E", 1, "bans", names=("Məmmədov Əli",), birth_dates=("1950-01-01",)))
    assert [h.entry_id for h in index.search(Query.traveller("MAMMADOV ALI", dob="1980-01-01"))] == ["E"]
    strict = ScreeningIndex()
    strict.add(WatchlistEntry("E", 1, "bans", names=("Məmmədov Əli",), birth_dates=("1950-01-01",)))
    assert strict.search(Query.traveller("MAMMADOV ALI", dob="1980-01-01")) == []


# --- snapshots carry the facts and refuse the old format -----------------------------------

def test_a_snapshot_of_the_previous_format_is_refused(tmp_path):
    index = ScreeningIndex(engine=FakeEngine(), policy=POLICY)
    index.add(WatchlistEntry("E", 1, "bans", names=("Petrov Ivan",), birth_dates=("1970",), sex="M"))
    path = tmp_path / "s.idx"
    index.save(path)
    data = bytearray(path.read_bytes()[:-32])
    data[len(MAGIC):len(MAGIC) + 4] = struct.pack("<I", 1)
    path.write_bytes(bytes(data) + hashlib.sha256(bytes(data)).digest())
    with pytest.raises(SnapshotError, match="format 1 is not supported"):
        ScreeningIndex.load(path, engine=FakeEngine(), policy=POLICY)


def test_a_loaded_snapshot_ranks_as_the_index_it_was_saved_from(tmp_path):
    index, query = _namesakes_of_other_years_and_the_right_one()
    path = tmp_path / "s.idx"
    index.save(path)
    loaded = ScreeningIndex.load(path)
    assert loaded.candidates_for(query, 50) == index.candidates_for(query, 50)
    assert loaded._facts == index._facts

