"""The candidate stage on arrays: blocking scores as defined (per family, the weight of the
rarest key an entry shares, summed over the families), a work array that is clean
between queries and never shared between threads, and re-ranking over every scored
entry."""

from __future__ import annotations

import math
import threading
from array import array

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sarhad.screening import Query, ScreeningIndex, WatchlistEntry


def _reference_scores(families: list[list[tuple[int, object]]], total: int) -> dict[int, float]:
    """The definition, in plain Python: per family the weight of the rarest shared key."""
    scores: dict[int, float] = {}
    for members in families:
        best: dict[int, float] = {}
        for df, value in members:
            weight = math.log(1.0 + total / df)
            for slot in ((value,) if isinstance(value, int) else value):
                best[slot] = max(best.get(slot, 0.0), weight)
        for slot, weight in best.items():
            scores[slot] = scores.get(slot, 0.0) + weight
    return scores


# a family is a list of keys, each a set of slots; keys are given rarest first (as the
# index reads them: sorted by how many entries carry them)
_keys = st.lists(st.frozensets(st.integers(0, 199), min_size=1, max_size=40), min_size=1, max_size=5)


@given(st.lists(_keys, min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_blocking_scores_are_the_rarest_shared_key_per_family_summed(raw_families):
    index = ScreeningIndex()
    index._records = [None] * 200  # room for the slots (the work array is sized by it)
    families = []
    for keys in raw_families:
        members = []
        for slots in sorted(keys, key=len):
            ordered = sorted(slots)
            members.append((len(ordered), ordered[0] if len(ordered) == 1 else array("I", ordered)))
        families.append(members)
    slots, scores = index._blocking_scores(families, 1000)
    expected = _reference_scores(families, 1000)
    assert sorted(slots.tolist()) == sorted(expected)
    assert len(set(slots.tolist())) == len(slots)  # each slot once
    for slot, score in zip(slots.tolist(), scores.tolist()):
        assert math.isclose(score, expected[slot], rel_tol=1e-12)
    # and the work array is left clean for the next query
    assert not index._scratch().any()


def _index_of_namesakes() -> ScreeningIndex:
    index = ScreeningIndex()
    for i in range(400):
        index.add(WatchlistEntry(f"E{i}", 1, "bans", names=(f"Mammadov {['Ali', 'Vali', 'Rashad', 'Elnur'][i % 4]}",),
                                 birth_dates=(f"{1950 + i % 50}-0{1 + i % 9}-1{i % 10}",),
                                 nationalities=("AZE",) if i % 3 else ("RUS",), sex="M" if i % 5 else "F"))
    return index


QUERIES = [
    Query.traveller("MAMMADOV<<ALI", dob="1960-02-11", nationality="AZE", sex="M"),
    Query.traveller("MAMEDOV<<RASHAD", dob="1977", nationality="RUS"),
    Query.traveller("Мамедов Эльнур"),
    Query.traveller("MAMMADOV<<VALI", dob="1999-09-19", sex="F"),
]


def test_a_failed_query_leaves_no_half_written_work_array(monkeypatch):
    index = _index_of_namesakes()
    before = [index.candidates_for(q) for q in QUERIES]
    calls = {"n": 0}
    real_concatenate = np.concatenate

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # after the first family has been written
            raise MemoryError("simulated")
        return real_concatenate(*args, **kwargs)

    monkeypatch.setattr(np, "concatenate", failing)
    try:
        index.candidates_for(QUERIES[0])
    except MemoryError:
        pass
    monkeypatch.setattr(np, "concatenate", real_concatenate)
    assert calls["n"] >= 2
    assert [index.candidates_for(q) for q in QUERIES] == before


def test_threads_reading_at_once_find_what_one_reader_finds():
    index = _index_of_namesakes()
    expected = [index.candidates_for(q) for q in QUERIES]
    found: list[list[list[str]]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def reader():
        try:
            start.wait()
            found.append([index.candidates_for(q) for q in QUERIES * 25][:: 25])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert found == [expected] * 4


def test_an_entry_added_after_a_query_is_found_by_the_next_one():
    # the work array grows with the index
    index = _index_of_namesakes()
    query = Query.traveller("QURBANOV<<TOFIQ", dob="1970-01-01")
    assert index.candidates_for(query) == []
    for i in range(1000):
        index.add(WatchlistEntry(f"N{i}", 1, "bans", names=(f"Novruzov {i}",)))
    index.add(WatchlistEntry("Q", 1, "bans", names=("Qurbanov Tofiq",), birth_dates=("1970-01-01",)))
    assert index.candidates_for(query) == ["Q"]


_SKELETON = st.lists(st.sampled_from("BKDFGLMNPRSTVZ"), min_size=2, max_size=6).map(
    lambda letters: "".join(c for i, c in enumerate(letters) if not i or c != letters[i - 1])
).filter(lambda s: len(s) >= 2)


@given(_SKELETON, st.integers(min_value=0, max_value=5), st.sampled_from("BKDFGLMNPRSTVZ"), st.booleans())
def test_skeletons_one_edit_apart_share_a_typo_variant(skeleton, position, letter, substitute):
    """What the typo keys rely on: a skeleton and the same skeleton with one letter
    changed (or left out) share a one-deletion variant, doubled letters written once."""
    from sarhad.screening.index import _single, _typo_variants

    k = position % len(skeleton)
    edited = _single(skeleton[:k] + (letter if substitute else "") + skeleton[k + 1:])
    assert _typo_variants(skeleton) & _typo_variants(edited)
    assert skeleton in _typo_variants(skeleton)
    assert all(len(v) < len(skeleton) for v in _typo_variants(skeleton) - {skeleton})
