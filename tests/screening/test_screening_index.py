from __future__ import annotations

import gc

import pytest
from conftest import POLICY, FakeEngine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sarhad.screening import (
    AddResult,
    Decision,
    DocumentRef,
    ListKind,
    Query,
    ScreeningIndex,
    SnapshotError,
    WatchlistEntry,
)
from sarhad.screening.index import _iter_postings

ALI = WatchlistEntry(
    "E1", 1, "bans", names=("Mammadov Ali Hasan",), aliases=("Mamedov Ali",),
    birth_dates=("1980-05-02",), nationalities=("AZE",), sex="M",
    documents=(DocumentRef("C01234567", "AZE"),), required_action="refer to supervisor",
)
LOST = WatchlistEntry("L1", 1, "lost-stolen", kind=ListKind.LOST_STOLEN_DOCUMENT,
                      names=("Petrov Ivan",), documents=(DocumentRef("AB1234567", "RUS"),))


def ids(hits):
    return [hit.entry_id for hit in hits]


def test_found_by_name_and_explained(index):
    index.add(ALI)
    hits = index.search(Query.traveller("MAMEDOV<<ALI", dob="1980-05-02", nationality="AZE", sex="M"))
    assert ids(hits) == ["E1"]
    hit = hits[0]
    assert hit.decision is Decision.HIT
    assert hit.matched_name == "Mamedov Ali"
    assert [e.qualifier for e in hit.effects] == ["date of birth", "nationality", "sex"]
    text = hit.explain()
    assert "E1 v1" in text and "same day 1980-05-02" in text and "refer to supervisor" in text
    assert hit.to_dict()["qualifiers"][0]["delta"] == POLICY.dob_same_day


def test_document_number_is_a_hit_whatever_the_name(index):
    index.add(ALI)
    hits = index.search(Query.traveller("Somebody Else", document="C0I234567:AZE"))
    assert ids(hits) == ["E1"]
    assert hits[0].decision is Decision.HIT
    assert hits[0].document_match.bridged == ((3, "I", "1"),)
    assert index.search(Query.traveller("Somebody Else", document="C01234567:GEO")) == []


def test_lost_stolen_documents_match_on_number_not_name(index):
    index.add(LOST)
    assert index.search(Query.traveller("Petrov Ivan")) == []
    hits = index.search(Query.traveller("Anyone", document="A8I234567:RUS"))
    assert ids(hits) == ["L1"]
    assert hits[0].kind is ListKind.LOST_STOLEN_DOCUMENT
    assert "8 read for B at position 2" in hits[0].explain() and "I read for 1 at position 3" in hits[0].explain()
    assert index.search(Query.traveller(document="AB1234568:RUS")) == []
    assert index.search(Query.traveller(document="AB1234567:UKR")) == []


def test_versions_replace_refuse_or_keep(index):
    assert index.add(ALI) is AddResult.ADDED
    assert index.add(ALI) is AddResult.UNCHANGED
    renamed = WatchlistEntry("E1", 2, "bans", names=("Guliyev Rashad",))
    assert index.add(renamed) is AddResult.REPLACED
    assert index.add(ALI) is AddResult.STALE
    assert len(index) == 1
    assert index.get("E1") == renamed
    assert index.search(Query.traveller("Mammadov Ali Hasan")) == []
    assert ids(index.search(Query.traveller("Guliyev Rashad"))) == ["E1"]
    assert index.search(Query.traveller(document="C01234567:AZE")) == []


def test_qualifiers_move_the_score(index):
    index.add(ALI)
    base = index.search(Query.traveller("Mamedov Aly"))[0].score
    agree = index.search(Query.traveller("Mamedov Aly", dob="1980-05-02", nationality="AZE"))[0].score
    disagree = index.search(Query.traveller("Mamedov Aly", dob="1966", nationality="GEO", sex="F"),
                            include_no_match=True)[0].score
    assert disagree < base < agree


def test_snapshot_damage_is_refused(index, tmp_path):
    index.add(ALI)
    path = tmp_path / "s.idx"
    index.save(path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(SnapshotError, match="checksum"):
        ScreeningIndex.load(path, engine=FakeEngine(), policy=POLICY)
    path.write_bytes(b"not a snapshot")
    with pytest.raises(SnapshotError, match="not a screening index snapshot"):
        ScreeningIndex.load(path, engine=FakeEngine(), policy=POLICY)


def test_snapshot_from_another_engine_is_rebuilt(index, tmp_path):
    index.add(ALI)
    path = tmp_path / "s.idx"
    index.save(path)

    class OtherKeys(FakeEngine):
        def keys(self, name):
            return frozenset(t[:2] for t in self.fold(name).split())

    loaded = ScreeningIndex.load(path, engine=OtherKeys(), policy=POLICY)
    assert "MA" in loaded._postings and "MAM" not in loaded._postings
    assert ids(loaded.search(Query.traveller("Mamedov Ali"))) == ["E1"]


# ----------------------------------------------------------------------- properties

SURNAMES = ["Mammadov", "Aliyev", "Huseynov", "Hasanov", "Guliyev", "Ivanov", "Beridze", "Petrosyan", "Smith"]
GIVEN = ["Ali", "Rashad", "Elnur", "Ivan", "Giorgi", "Aram", "John", "Leyla", "Nino", "Anna"]


@st.composite
def entries(draw, prefix="E"):
    n = draw(st.integers(1, 12))
    out = []
    for i in range(n):
        surname = draw(st.sampled_from(SURNAMES)) + draw(st.text("abcdefgh", max_size=3))
        given = draw(st.sampled_from(GIVEN))
        doc = draw(st.text("ABCDEFHKLMNPQRTXY0123456789OISBZG", min_size=6, max_size=9))
        out.append(WatchlistEntry(
            f"{prefix}{i}", draw(st.integers(1, 3)), "bans",
            names=(f"{surname} {given}",),
            aliases=tuple(draw(st.lists(st.sampled_from(GIVEN), max_size=1))),
            birth_dates=(str(draw(st.integers(1940, 2010))),),
            documents=(DocumentRef(doc, draw(st.sampled_from(["AZE", "RUS", "GEO"]))),),
        ))
    return out


PROPS = settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])


def build(entries_):
    index = ScreeningIndex(engine=FakeEngine(), policy=POLICY)
    for entry in entries_:
        index.add(entry)
    return index


@PROPS
@given(entries())
def test_every_entry_is_found_by_its_names_and_documents(batch):
    index = build(batch)
    for entry in batch:
        for name in entry.all_names:
            assert entry.id in ids(index.search(Query.traveller(name), limit=50))
        for doc in entry.documents:
            hits = index.search(Query(documents=(doc,)), limit=50)
            assert entry.id in ids(hits)
            assert all(h.decision is Decision.HIT for h in hits)


@PROPS
@given(entries(), st.data())
def test_remove_really_removes(batch, data):
    index = build(batch)
    gone = data.draw(st.lists(st.sampled_from(batch), unique_by=lambda e: e.id, min_size=1))
    for entry in gone:
        assert index.remove(entry.id)
        assert not index.remove(entry.id)
    gone_ids = {e.id for e in gone}
    for entry in batch:
        queries = [Query.traveller(n) for n in entry.all_names] + [Query(documents=entry.documents)]
        for query in queries:
            assert not gone_ids & set(ids(index.search(query, limit=50, include_no_match=True)))
    # nothing of a removed entry remains in the postings
    slots_alive = set(index._slot_of.values())
    for value in list(index._postings.values()) + list(index._documents.values()):
        assert set(_iter_postings(value)) <= slots_alive
    # and an index rebuilt from the survivors gives the same postings
    fresh = build([e for e in batch if e.id not in gone_ids])
    assert sorted(map(str, fresh.stats().items())) == sorted(map(str, index.stats().items()))


@PROPS
@given(entries(), entries(prefix="N"), st.data())
def test_a_sealed_index_searches_and_changes_as_the_unsealed_one(batch, later, data):
    plain, sealed = build(batch), build(batch)
    sealed.seal()
    packed = [v for v in list(sealed._postings.values()) + list(sealed._documents.values()) if not isinstance(v, int)]
    assert all(isinstance(v, bytes) and not gc.is_tracked(v) for v in packed)
    # the same changes on both: removals, then new entries (a write unpacks a key)
    gone = data.draw(st.lists(st.sampled_from([e.id for e in batch]), unique=True, max_size=len(batch)))
    for index in (plain, sealed):
        for entry_id in gone:
            assert index.remove(entry_id)
        for entry in later:
            index.add(entry)
    def as_lists(table):
        return {key: sorted(_iter_postings(value)) for key, value in table.items()}
    assert as_lists(sealed._postings) == as_lists(plain._postings)
    assert as_lists(sealed._documents) == as_lists(plain._documents)
    assert sealed.stats() == plain.stats()
    for entry in batch + later:
        for query in [Query.traveller(n) for n in entry.all_names] + [Query(documents=entry.documents)]:
            assert sealed.search(query, limit=50, include_no_match=True) == plain.search(
                query, limit=50, include_no_match=True)


@PROPS
@given(entries(), st.lists(st.sampled_from(SURNAMES + GIVEN), min_size=1, max_size=5), st.data())
def test_save_load_round_trip_gives_identical_results(tmp_path_factory, batch, words, data):
    index = build(batch)
    if data.draw(st.booleans()):
        index.remove(batch[0].id)
    path = tmp_path_factory.mktemp("snap") / "s.idx"
    index.save(path)
    loaded = ScreeningIndex.load(path, engine=FakeEngine(), policy=POLICY)
    assert len(loaded) == len(index)
    assert list(loaded) == list(index)
    assert {k: list(_iter_postings(v)) for k, v in loaded._postings.items()} == {
        k: list(_iter_postings(v)) for k, v in index._postings.items()}
    assert all(isinstance(v, (int, bytes)) for v in loaded._postings.values())  # loaded packed
    for entry in batch:
        for query in [Query.traveller(n) for n in entry.all_names] + [Query(documents=entry.documents)]:
            assert loaded.search(query, limit=50, include_no_match=True) == index.search(
                query, limit=50, include_no_match=True
            )
    query = Query.traveller(" ".join(words))
    assert loaded.search(query, include_no_match=True) == index.search(query, include_no_match=True)
    # saving the loaded index gives the same bytes
    again = path.with_suffix(".again")
    loaded.save(again)
    assert again.read_bytes() == path.read_bytes()


def test_add_many_with_worker_processes_files_the_same_index():
    """The records and keys worked out in forked workers are filed in order: the same
    outcomes and the same index as adding one entry after another."""
    feed = []
    for i in range(40):
        feed.append(WatchlistEntry(f"E{i % 30}", 1 + i // 30, "bans", names=(f"{SURNAMES[i % 9]} {GIVEN[i % 10]}",),
                                   aliases=(GIVEN[(i + 3) % 10],) if i % 4 == 0 else (),
                                   birth_dates=(str(1950 + i),), documents=(DocumentRef(f"AB{i:05d}", "AZE"),)))
    feed.append(WatchlistEntry("E3", 1, "bans", names=("Older Version",)))  # stale: E3 is at version 2
    feed.append(feed[35])  # unchanged (E5 at version 2)
    feed.append(WatchlistEntry("L1", 1, "lost", kind=ListKind.LOST_STOLEN_DOCUMENT,
                               documents=(DocumentRef("C0123456", "AZE"),)))
    one_by_one = ScreeningIndex(engine=FakeEngine(), policy=POLICY)
    outcomes = dict.fromkeys(AddResult, 0)
    for entry in feed:
        outcomes[one_by_one.add(entry)] += 1
    forked = ScreeningIndex(engine=FakeEngine(), policy=POLICY)
    assert forked.add_many(iter(feed), workers=2, chunk=7) == outcomes
    assert outcomes[AddResult.REPLACED] == 10 and outcomes[AddResult.STALE] == 1 and outcomes[AddResult.UNCHANGED] == 1
    assert forked._records == one_by_one._records
    assert forked._slot_of == one_by_one._slot_of
    assert list(forked._facts) == list(one_by_one._facts)
    assert forked._words == one_by_one._words
    for table in ("_postings", "_documents"):
        mine, theirs = getattr(forked, table), getattr(one_by_one, table)
        assert mine.keys() == theirs.keys()
        assert all(sorted(_iter_postings(mine[k])) == sorted(_iter_postings(theirs[k])) for k in mine)
