"""Name words stored per slot: the word pre-check before a record is decoded (decision 0424)."""

from __future__ import annotations

import hashlib
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sarhad.names.synthetic import generate_people
from sarhad.screening import Query, ScreeningIndex, SnapshotError, WatchlistEntry
from sarhad.screening.index import _agreeing_names, _words_may_agree
from sarhad.screening.snapshot import MAGIC

PEOPLE = list(generate_people(300, seed=424))
NAME_FORMS = [p.native_full for p in PEOPLE] + [f"{p.latin_surname} {p.latin_given}" for p in PEOPLE]


def _typo(name: str, k: int) -> str:
    k = 1 + k % max(1, len(name) - 2)
    return name[:k] + name[k + 1:]


name = st.one_of(
    st.sampled_from(NAME_FORMS),
    st.builds(_typo, st.sampled_from(NAME_FORMS), st.integers(0, 30)),
    st.builds(lambda a, b: f"{a.split()[0]} {b.split()[-1]}", st.sampled_from(NAME_FORMS), st.sampled_from(NAME_FORMS)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(name, min_size=1, max_size=2), st.lists(name, min_size=1, max_size=4))
def test_the_stored_words_give_the_pre_check_of_the_prepared_names(query_names, entry_names):
    """Bit k of ``_agreeing_names`` is set exactly when some query name passes the word
    pre-check against the entry's k-th name, as prepared by the engine."""
    index = ScreeningIndex()
    entry = WatchlistEntry("E", 1, "bans", names=tuple(entry_names[:1]), aliases=tuple(entry_names[1:]))
    index.add(entry)
    code = index._words[index._slot_of["E"]]
    prepared_query = [(n, index._prepare(n)) for n in query_names]
    entry_words = [index._prepare(n)[1] for n in entry.all_names]
    if code is None:
        # some name cannot be bounded cheaply: the entry is always compared in full
        assert any(not words for words in entry_words)
        return
    slot_masks = index._slot_masks(prepared_query, index._agreement(prepared_query))
    if slot_masks is None:
        assert any(not words for _, (_, words) in prepared_query)
        return
    passing = _agreeing_names(code, slot_masks)
    expected = 0
    for k, words in enumerate(entry_words):
        if any(_words_may_agree(q_words, words) for _, (_, q_words) in prepared_query):
            expected |= 1 << k
    assert passing == expected


def test_words_follow_replace_and_remove():
    index = ScreeningIndex()
    index.add(WatchlistEntry("E", 1, "bans", names=("Məmmədov Əli",)))
    slot = index._slot_of["E"]
    first = index._words[slot]
    assert first is not None
    index.add(WatchlistEntry("E", 2, "bans", names=("Hüseynova Leyla",), aliases=("Гусейнова Лейла",)))
    assert index._words[slot] not in (None, first)
    query = Query.traveller("HUSEYNOVA LEYLA")
    assert [h.entry_id for h in index.search(query)] == ["E"]
    assert index.search(Query.traveller("MAMMADOV ALI")) == []
    index.remove("E")
    assert index._words[slot] is None
    assert index.search(query) == []


def test_a_name_in_persian_script_is_always_compared():
    index = ScreeningIndex()
    index.add(WatchlistEntry("E", 1, "bans", names=("Məmmədov Əli", "علی محمدوف")))
    assert index._words[index._slot_of["E"]] is None
    assert [h.entry_id for h in index.search(Query.traveller("MAMMADOV ALI"))] == ["E"]


@pytest.fixture()
def saved(tmp_path):
    index = ScreeningIndex()
    for i, p in enumerate(PEOPLE[:60]):
        index.add(WatchlistEntry(f"P{i}", 1, "bans", names=(p.native_full, f"{p.latin_surname} {p.latin_given}")))
    index.remove("P3")
    path = tmp_path / "s.idx"
    index.save(path)
    return index, path


def test_a_snapshot_keeps_the_words(saved):
    index, path = saved
    loaded = ScreeningIndex.load(path)
    assert loaded._words == index._words
    assert loaded._word_sets == index._word_sets
    assert loaded._word_ids == index._word_ids
    for p in PEOPLE[60:90]:
        query = Query.traveller(f"{p.latin_given} {p.latin_surname}")
        assert loaded.search(query) == index.search(query)


def _rewrite(path, data: bytearray) -> None:
    path.write_bytes(bytes(data) + hashlib.sha256(bytes(data)).digest())


def test_a_snapshot_of_format_2_is_refused(saved):
    _, path = saved
    data = bytearray(path.read_bytes()[:-32])
    data[len(MAGIC):len(MAGIC) + 4] = struct.pack("<I", 2)
    _rewrite(path, data)
    with pytest.raises(SnapshotError, match="format 2 is not supported"):
        ScreeningIndex.load(path)


def test_a_word_number_past_the_table_is_refused(saved):
    index, path = saved
    data = bytearray(path.read_bytes()[:-32])
    # the last u32 of the file is the last word number of the last slot's code
    assert index._words[-1] is not None
    data[-4:] = struct.pack("<I", len(index._word_sets))
    _rewrite(path, data)
    with pytest.raises(SnapshotError, match="name words are not valid"):
        ScreeningIndex.load(path)
