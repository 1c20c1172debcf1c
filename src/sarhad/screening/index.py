"""The screening index: find the few watchlist entries a traveller may be, then explain why.

Screening runs in two stages, as every large-scale name matcher does:

1. **Candidates (blocking).** Every name and alias of an entry is turned into blocking
   keys by the name engine (transliteration variants, phonetic codes of the name
   parts); each key points to the entries that carry it. A key's weight is its inverse
   document frequency, so a rare surname counts for much and ``ALI`` for little; keys
   carried by more than ``max_key_share`` of the entries are not read at all (they would
   cost time and say nothing), and the rarest keys are read first within a fixed budget
   of postings per query. Because a common name still leaves hundreds of homonyms,
   name keys are also combined with the birth year (``key@1980``), which a traveller's
   date of birth makes selective. The entries with the highest summed weight are the
   candidates (50 by default).
2. **Scoring.** Each candidate's names are compared with the traveller's names by the name
   engine; the best pair gives the name score, and the qualifiers (date of birth,
   nationality, sex; see :mod:`.qualifiers`) move it. A document number found on the
   entry (up to OCR confusions) is a hit whatever the name says. The score falls into a
   band (:class:`~sarhad.screening.model.Decision`) and comes with its explanation.

Documents have their own exact index (canonical number -> entries), which is all a
lost/stolen-document list needs.

The index is updated in place: :meth:`ScreeningIndex.add` inserts or replaces an entry
(a newer version replaces the older; an older one is refused), :meth:`ScreeningIndex.remove`
takes it out. It keeps each entry as one compact JSON record and decodes only the
candidates, so a million entries fit in a few hundred megabytes plus the postings.
:meth:`ScreeningIndex.save` and :meth:`ScreeningIndex.load` keep it across restarts
(see :mod:`.snapshot`).

The index is not thread-safe for writers: one writer at a time, and no reads during a
write (a process serving queries reloads or is fed updates in order).
"""

from __future__ import annotations

import enum
import json
import math
import multiprocessing
import threading
from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from os import PathLike
from typing import Any

import numpy as np
import orjson
from rapidfuzz.distance.Levenshtein import normalized_similarity as _similarity

from .docnumbers import canonical, match_document
from .engine import NameEngine, default_engine, engine_fingerprint
from .model import (
    Decision,
    DocumentMatch,
    Hit,
    ListKind,
    QualifierEffect,
    Query,
    WatchlistEntry,
    _stored_birth_date,
    entry_from_stored,
)
from .qualifiers import ScoringPolicy, birth_date_delta, compare_birth_date, compare_nationality, compare_sex

__all__ = ["AddResult", "ScreeningIndex", "default_policy"]

#: Birth-year composite keys are added for at most this many years of a range.
MAX_YEARS_PER_ENTRY = 11

#: Records are read with orjson (a third of the standard decoder's time: the search reads
#: about 25 a query); they are written with ``json`` (the snapshot format's own encoding).
#: orjson writes faster, but each bytes object it returns keeps its 4 KB buffer: a million
#: records would take 4 GB instead of 300 MB.
_DECODE = orjson.loads


def _encode(stored: dict[str, Any]) -> bytes:
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode()

#: One entry slot; an ``array('I')`` of slots (as written by ``add``); or the same packed in
#: ``bytes`` (native 32-bit, as loaded or after ``seal``: immutable, so the garbage
#: collector never visits them; the next write to the key unpacks it).
Postings = int | array | bytes


class AddResult(str, enum.Enum):
    ADDED = "added"  # new entry id
    REPLACED = "replaced"  # newer version (or same version, changed content) replaced the stored one
    UNCHANGED = "unchanged"  # the same version with the same content is already stored
    STALE = "stale"  # an older version than the stored one: refused


def default_policy() -> ScoringPolicy:
    """The default policy, with the hit threshold taken from the name engine's default."""
    try:
        from sarhad.names import DEFAULT_THRESHOLD
    except ImportError:  # pragma: no cover - only while sarhad.names is absent
        return ScoringPolicy()
    hit = float(DEFAULT_THRESHOLD)
    return ScoringPolicy(hit_threshold=hit, review_threshold=max(0.0, round(hit - 0.12, 2)))


def _unpacked(table: dict[str, Postings], key: str, current: array | bytes) -> array:
    if isinstance(current, bytes):
        unpacked = array("I")
        unpacked.frombytes(current)
        table[key] = current = unpacked
    return current


def _add_posting(table: dict[str, Postings], key: str, slot: int) -> None:
    current = table.get(key)
    if current is None:
        table[key] = slot
    elif type(current) is array:  # the common case while building: no further checks
        current.append(slot)
    elif isinstance(current, int):
        if current != slot:
            table[key] = array("I", (current, slot))
    else:
        _unpacked(table, key, current).append(slot)


def _remove_posting(table: dict[str, Postings], key: str, slot: int) -> None:
    current = table.get(key)
    if current is None:
        return
    if isinstance(current, int):
        if current == slot:
            del table[key]
        return
    current = _unpacked(table, key, current)
    try:
        current.remove(slot)
    except ValueError:
        return
    if len(current) == 1:
        table[key] = current[0]
    elif not current:
        del table[key]


WordKeys = tuple[frozenset[str], ...]

#: Two words whose sound keys are less alike than this cannot agree by spelling; the
#: name engine needs about 0.83 for an edit-distance agreement of 0.5 (see _words_may_agree).
PRECHECK_SIMILARITY = 0.6


def _word_keys(prepared: Any) -> WordKeys | None:
    """Sound keys per name word of an engine's prepared name, or ``None`` when the words
    cannot be bounded cheaply (a Persian/Arabic written form, an initial, an engine
    without per-word sound keys): then the pair is always compared."""
    tokens = getattr(prepared, "tokens", None)
    if tokens is None:
        return None
    out = []
    for token in tokens:
        keys = getattr(token, "readings", None) or getattr(token, "keys", None)
        if not keys or getattr(token, "written", "") or getattr(token, "script", "") == "Arab":
            return None
        if len(getattr(token, "text", "")) <= 1:
            return None
        out.append(frozenset(keys))
    return tuple(out)


def _words_may_agree(query: WordKeys | None, entry: WordKeys | None) -> bool:
    """Can these two names score above one agreeing word? A cheap, conservative pre-check.

    The name engine scores two multi-word names at most 0.5 when fewer than two of their
    words agree (its documented rule), and two words agree only if their sound keys are
    the same or within a small edit distance. So when fewer than ``min(2, words)`` query
    words have a candidate word with a sound key at least ``PRECHECK_SIMILARITY`` alike,
    the full comparison cannot reach the review band and is skipped. The test suite and
    the benchmark check that the pre-check never changes the hits.
    """
    if not query or not entry:
        return True  # None: not bounded cheaply; no words: nothing to count
    need = 2 if len(query) > 1 and len(entry) > 1 else 1
    agreeing = 0
    known = _CLOSE_CACHE.get
    for query_keys in query:
        for entry_keys in entry:
            close = known((query_keys, entry_keys))
            if close is None:
                close = _keys_close(query_keys, entry_keys)
            if close:
                agreeing += 1
                if agreeing >= need:
                    return True
                break
    return False


_CLOSE_CACHE: dict[tuple[frozenset[str], frozenset[str]], bool] = {}
_CLOSE_CACHE_MAX = 200_000


def _keys_close(a: frozenset[str], b: frozenset[str]) -> bool:
    pair = (a, b)
    known = _CLOSE_CACHE.get(pair)
    if known is None:
        known = not a.isdisjoint(b) or any(
            _similarity(x, y) >= PRECHECK_SIMILARITY for x in a for y in b
        )
        if len(_CLOSE_CACHE) >= _CLOSE_CACHE_MAX:
            _CLOSE_CACHE.clear()
        _CLOSE_CACHE[pair] = known
    return known


#: Consonant skeletons are cut to this length before their deletion variants are formed.
TYPO_SKELETON_LENGTH = 6
#: Sound keys are cut to this length in sound-key pair keys.
SOUND_KEY_LENGTH = 8


def _single(skeleton: str) -> str:
    """Doubled letters written once, as in a consonant skeleton."""
    return "".join(c for i, c in enumerate(skeleton) if not i or c != skeleton[i - 1])


def _own_keys(prepared: Any) -> set[str]:
    """The index's own keys, from the engine's per-word skeletons and sound keys.

    **Typo keys** (``t:KRKT|LKSNTR``): one name word's consonant skeleton or a
    one-letter deletion of it, paired with another word's skeleton. A mistyped consonant
    changes a word's skeleton, so the word shares no engine key with the listed spelling,
    and the intact word alone (``ALI``, born 1994) is shared by hundreds of entries. But
    two skeletons one edit apart always share a one-deletion variant (``KZMV`` and
    ``KMV`` share ``KMV``), and paired with the intact word the key is as selective as
    the engine's own pair keys.

    **Sound-key pairs** (``s:KUSAINUVA|LAILA``): the engine's keys are consonant
    skeletons (so that Persian spellings, which omit short vowels, meet their Latin
    forms), and skeletons merge names that differ only in vowels: Hüseynova and Həsənova
    are both ``KSNV``. Pairs of the words' full sound keys keep them apart, so the right
    Leyla Hüseynova is not lost among the Leyla Həsənovas born the same year.

    Only names of two to four words get them; engines without per-word skeletons and
    sound keys give none.
    """
    words = []
    for token in getattr(prepared, "tokens", ()):
        skeletons = [s[:TYPO_SKELETON_LENGTH] for s in getattr(token, "skeletons", ()) if s]
        if skeletons:
            words.append(skeletons)
    out: set[str] = set()
    if len(words) < 2 or len(words) > 4:
        return out
    sounds = [[k[:SOUND_KEY_LENGTH] for k in getattr(t, "keys", ()) if k] for t in getattr(prepared, "tokens", ())]
    for i in range(len(sounds)):
        for j in range(i + 1, len(sounds)):
            for a in sounds[i]:
                for b in sounds[j]:
                    out.add(f"s:{a}|{b}" if a <= b else f"s:{b}|{a}")
    for i, varied in enumerate(words):
        variants = _typo_variants(varied[0]) if len(varied) == 1 else frozenset().union(*map(_typo_variants, varied))
        for j, fixed in enumerate(words):
            if j != i:
                out.update([f"t:{v}|{f}" for v in variants for f in fixed])
    return out


@lru_cache(maxsize=65_536)
def _typo_variants(skeleton: str) -> frozenset[str]:
    """A skeleton and its one-letter deletions (the same few thousand skeletons make up
    most names: worked out once each)."""
    variants = {skeleton}
    if len(skeleton) >= 2:
        # a deletion can bring two equal letters together (MKMT -> MMT); a skeleton
        # writes them once (MAMUT -> MT), and so does the variant
        variants.update([_single(skeleton[:k] + skeleton[k + 1 :]) for k in range(len(skeleton))])
    return frozenset(variants)


_UNSEEN = object()

#: The index an :meth:`ScreeningIndex.add_many` with workers is filling; forked workers
#: inherit it and use only its engine and settings.
_BUILDING: ScreeningIndex | None = None


def _chunks(entries: Iterable[WatchlistEntry], size: int) -> Iterator[list[WatchlistEntry]]:
    batch: list[WatchlistEntry] = []
    for entry in entries:
        batch.append(entry)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _work_out_chunk(entries: list[WatchlistEntry]) -> list[Any]:
    """In a worker process: what adding each of ``entries`` needs."""
    assert _BUILDING is not None
    return [_BUILDING._worked_out(entry) for entry in entries]


def _agreeing_names(code: bytes, slot_masks: list[tuple[int, Any]]) -> int:
    """The word pre-check (``_words_may_agree``) of every query name against every name
    of a slot's ``_words`` code: a bit mask of the entry's names (in ``all_names``
    order) of which some pair with a query name can score above one agreeing word.

    ``slot_masks`` holds, per query name, its number of words and a memo from a word
    number to the bit mask of the query words it is close to.
    """
    numbers = memoryview(code).cast("I")
    end = len(numbers)
    i = name = passing = 0
    while i < end:
        count = numbers[i]
        words = numbers[i + 1 : i + 1 + count]
        i += 1 + count
        for query_count, masks in slot_masks:
            bits = 0
            for number in words:
                bits |= masks[number]
            # at least min(2, words) query words with a close entry word
            if bits and (bits & (bits - 1) or query_count == 1 or count == 1):
                passing |= 1 << name
                break
        name += 1
    return passing


def _best_first(slots: np.ndarray, values: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the ``limit`` highest ``values``, best first, ties in slot order.

    A partial sort finds the cut-off value; only the values at or above it are sorted.
    """
    if len(values) > limit:
        cut = np.partition(values, len(values) - limit)[len(values) - limit]
        above = np.flatnonzero(values >= cut)
    else:
        above = np.arange(len(values))
    order = np.lexsort((slots[above], -values[above]))
    return above[order[:limit]]


def _iter_postings(value: Postings) -> Iterable[int]:
    if isinstance(value, int):
        return (value,)
    return memoryview(value).cast("I") if isinstance(value, bytes) else value


def _df(value: Postings) -> int:
    if isinstance(value, int):
        return 1
    return len(value) >> 2 if isinstance(value, bytes) else len(value)


#: Listed and traveller's years of birth this many years apart or more (two full years
#: between them, more than 366 days) make the qualifiers call the dates different, not
#: near (``qualifiers._date_outcome``); a property test keeps the two in step.
DOB_FAR_YEARS = 3
#: Candidate ranking: how much what the traveller's date of birth, nationality and sex say
#: about an entry moves its blocking score (key weights are ``log(1 + N/df)``, 5-14 each).
RANK_YEAR_AGREES = 2.0
RANK_DAY_AGREES = 2.0  # and the same day of the year (a full date on both sides)
RANK_NATIONALITY_AGREES = 1.0
RANK_NATIONALITY_DIFFERS = -2.0
RANK_SEX_AGREES = 0.5
RANK_SEX_DIFFERS = -2.0
#: Below every entry whose date of birth may agree: one listed two years or more away.
RANK_FAR = -1.0e6
_SEVERAL = 1  # the nationality code of an entry with several (not used in ranking)
_SEX_CODE = {None: 0, "M": 1, "F": 2}
#: A traveller's sex code -> the ranking move of each listed sex code (none, M, F, unused).
_SEX_EFFECTS = [np.zeros(4)] + [
    np.array([0.0] + [RANK_SEX_AGREES if listed == sex else RANK_SEX_DIFFERS for listed in (1, 2)] + [0.0])
    for sex in (1, 2)
]
#: Where each fact sits in a slot's packed word (16 bits each).
_FACT_YEAR, _FACT_DAY, _FACT_NATSEX = 0, 16, 32
_FACT_MASK = 0xFFFF
_YEAR_BASE = 1799  # years are kept as year - 1799 in 1..511 (clipped; 0 = no date)
_YEAR_MAX = 511


#: Listed years of birth over more than this many years are not used in ranking.
_SPAN_MAX = 7


def _year(year: int) -> int:
    return max(1, min(_YEAR_MAX, year - _YEAR_BASE))


def _years(lo: int, hi: int) -> int:
    """The first listed year and the span of the listed years as one code (0 = unknown)."""
    lo, hi = _year(lo), _year(hi)
    span = hi - lo
    return span << 9 | lo if 0 <= span <= _SPAN_MAX else 0


_CODES = np.arange((_SPAN_MAX + 1) << 9)
_CODES_LO = _CODES & _YEAR_MAX
_CODES_HI = _CODES_LO + (_CODES >> 9)


@lru_cache(maxsize=256)
def _far_codes(q_lo: int, q_hi: int) -> list[bool]:
    """For a traveller's year(s) of birth (``_year`` codes), which ``_years`` codes
    (0 = unknown) are at least ``DOB_FAR_YEARS`` away, so that every listed date is more
    than 366 days from the traveller's. A clipped year (1 or ``_YEAR_MAX``) on either
    side is never far: the true year is not known here."""
    if q_lo == 1 or q_hi == _YEAR_MAX:
        return [False] * len(_CODES)
    known = (_CODES != 0) & (_CODES_LO != 1) & (_CODES_HI != _YEAR_MAX)
    apart = (q_hi <= _CODES_LO - DOB_FAR_YEARS) | (q_lo >= _CODES_HI + DOB_FAR_YEARS)
    return (known & apart).tolist()


@lru_cache(maxsize=64)
def _nationality_effects(nat: int, codes: int) -> np.ndarray:
    """A traveller's nationality code (-1: a state no entry lists) -> the ranking move of
    every listed nationality code below ``codes``: none or several (0, 1) do not move."""
    table = np.full(codes, RANK_NATIONALITY_DIFFERS if nat else 0.0)
    table[: _SEVERAL + 1] = 0.0
    if nat > _SEVERAL:
        table[nat] = RANK_NATIONALITY_AGREES
    table.flags.writeable = False  # cached: shared by every traveller of this state
    return table


@lru_cache(maxsize=256)
def _year_effects(q_lo: int, q_hi: int, far: float, agrees: float) -> np.ndarray:
    """A traveller's year(s) of birth (``_year`` codes) -> the ranking move of every
    ``_years`` code (0 = unknown: no move): ``agrees`` where the listed years overlap the
    traveller's, none a year off, ``far`` two years or more apart.
    The same few tables serve every traveller born in the same years (never changed)."""
    overlap = (_CODES_LO <= q_hi) & (_CODES_HI >= q_lo)
    near = (_CODES_LO <= q_hi + 1) & (_CODES_HI >= q_lo - 1)
    table = np.where(overlap, agrees, np.where(near, 0.0, far))
    table[0] = 0.0  # unknown
    table.flags.writeable = False  # cached: the same array serves every such traveller
    return table


class _Memo(dict):  # type: ignore[type-arg]
    """A dict that computes a missing value once (used through ``map``, at C speed)."""

    def __init__(self, compute: Any) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.compute(key)
        return value


class ScreeningIndex:
    """An in-memory, incrementally updated, persistable screening index.

    >>> index = ScreeningIndex()                                       # doctest: +SKIP
    >>> index.add(WatchlistEntry("E1", 1, "national-bans", names=("Məmmədov Əli",)))  # doctest: +SKIP
    >>> index.search(Query.traveller("MAMMADOV<<ALI", dob="1980"))    # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        engine: NameEngine | None = None,
        policy: ScoringPolicy | None = None,
        candidates: int = 50,
        posting_budget: int = 10_000,
        max_key_share: float = 0.02,
        min_key_cap: int = 1_000,
        prepared_cache_size: int = 100_000,
        precheck: bool = True,
        own_keys: bool = True,
        skip_single_word_keys: bool = True,
    ) -> None:
        self.engine: NameEngine = engine if engine is not None else default_engine()
        self.policy: ScoringPolicy = policy if policy is not None else default_policy()
        self.candidates = candidates
        self.posting_budget = posting_budget
        self.max_key_share = max_key_share
        self.min_key_cap = min_key_cap
        self._records: list[bytes | None] = []
        self._free: list[int] = []
        self._slot_of: dict[str, int] = {}
        self._postings: dict[str, Postings] = {}
        self._documents: dict[str, Postings] = {}
        self._prepared: dict[str, Any] = {}
        self._prepared_cache_size = prepared_cache_size
        self.precheck = precheck
        self.own_keys = own_keys
        self.skip_single_word_keys = skip_single_word_keys
        self._fingerprint: str | None = None
        self._bound = getattr(self.engine, "score_bound", None)  # optional in the protocol
        self._local = threading.local()  # per reading thread: the candidate stage's work array
        # Per-slot facts for ranking and the date-of-birth shortcut, without decoding the
        # record, packed in one 64-bit word (``_FACT_*`` shifts; one memory read per slot
        # when ranking): the listed years of birth (``_years``: first year and span; 0 = no
        # date, or more than _SPAN_MAX years), the day of the year of a single full date
        # (0 = none), and the nationality code (0 = none, 1 = several) << 2 | the sex code.
        self._facts = array("Q")
        self._nat_codes: dict[str, int] = {}
        # Per-slot name words for the word pre-check, without decoding the record or
        # preparing its names: each distinct set of a word's sound keys (``_word_keys``)
        # gets a number; a slot holds, per name, the count of its words and their
        # numbers (``array('I')`` bytes), or ``None`` when some name cannot be bounded
        # cheaply (it is always compared). See ``_agreeing_names``.
        self._words: list[bytes | None] = []
        self._word_sets: list[frozenset[str]] = []
        self._word_ids: dict[frozenset[str], int] = {}

    # ------------------------------------------------------------------ size and access

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._slot_of

    def __iter__(self) -> Iterator[WatchlistEntry]:
        for record in self._records:
            if record is not None:
                yield self._decode(record)

    def get(self, entry_id: str) -> WatchlistEntry | None:
        slot = self._slot_of.get(entry_id)
        return None if slot is None else self._entry_at(slot)

    def stats(self) -> dict[str, int]:
        postings = sum(_df(v) for v in self._postings.values())
        return {
            "entries": len(self),
            "name_keys": len(self._postings),
            "name_postings": postings,
            "document_keys": len(self._documents),
            "record_bytes": sum(len(r) for r in self._records if r is not None),
            "fact_bytes": len(self) * self._facts.itemsize,
            "word_sets": len(self._word_sets),
            "word_bytes": sum(len(c) for c in self._words if c is not None),
        }

    def seal(self) -> None:
        """Pack every list of slots into immutable ``bytes``.

        Nothing changes for searching. The point is memory management: a million
        entries have about 750,000 ``array`` objects. Each one costs about 50 bytes more
        than the same bytes, and the garbage collector visits every one on each full
        collection (about 0.3 s at a time in a server process). ``bytes`` hold no
        references, so the collector never tracks them. A loaded snapshot is already
        packed. Call this after a build; a later write to a key unpacks that key only.
        """
        for table in (self._postings, self._documents):
            for key, value in table.items():
                if isinstance(value, array):
                    table[key] = value.tobytes()

    @property
    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = engine_fingerprint(self.engine)
        return self._fingerprint

    # ------------------------------------------------------------------ updates

    def add(self, entry: WatchlistEntry) -> AddResult:
        """Insert ``entry``, or replace the stored entry with the same id.

        A newer version replaces the stored one; the same version replaces it only if its
        content changed (a corrected import); an older version is refused (``STALE``),
        so replaying an old feed cannot undo a newer entry.
        """
        return self._apply(entry, self._worked_out(entry))

    def _worked_out(self, entry: WatchlistEntry) -> tuple[bytes, list[str], list[WordKeys | None] | None]:
        """What adding ``entry`` needs that depends on the entry alone (no index state):
        its record, its blocking keys and its names' word keys. The costly part of an
        add, and the part :meth:`add_many` hands to worker processes."""
        return _encode(entry.to_dict()), list(self._entry_keys(entry)), self._names_word_keys(entry)

    def _names_word_keys(self, entry: WatchlistEntry) -> list[WordKeys | None] | None:
        """Per name of a listed person, its words' sound keys (``None`` for other kinds)."""
        if entry.kind is not ListKind.PERSON or not entry.all_names:
            return None
        return [_word_keys(self.engine.prepare(name)) for name in entry.all_names]

    def _apply(self, entry: WatchlistEntry, worked_out: tuple[bytes, list[str], list[WordKeys | None] | None]
               ) -> AddResult:
        record, keys, words = worked_out
        slot = self._slot_of.get(entry.id)
        result = AddResult.ADDED
        if slot is not None:
            stored = self._entry_at(slot)
            if entry.version < stored.version:
                return AddResult.STALE
            if entry.version == stored.version and self._records[slot] == record:
                return AddResult.UNCHANGED
            self._unindex(slot, stored)
            result = AddResult.REPLACED
        else:
            slot = self._free.pop() if self._free else len(self._records)
            if slot == len(self._records):
                self._records.append(None)
        self._records[slot] = record
        self._slot_of[entry.id] = slot
        self._index(slot, entry, keys)
        self._set_facts(slot, entry, words)
        return result

    def add_many(self, entries: Iterable[WatchlistEntry], *, workers: int = 1,
                 chunk: int = 1000) -> dict[AddResult, int]:
        """Add ``entries`` in order; the count of each outcome.

        With ``workers`` > 1 (on platforms that can fork), that many worker processes
        work out the entries' records and keys (:meth:`_worked_out`, most of an add's
        time) ``chunk`` entries at a time, while this process files them in order: the
        index is the same as with one process. On two cores a million entries took a
        third less time (this process, which also reads the entries, is the busy one).
        Workers only compute; they read no database and write nothing.
        """
        counts = dict.fromkeys(AddResult, 0)
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            for entry in entries:
                counts[self.add(entry)] += 1
            return counts
        global _BUILDING
        _BUILDING = self  # inherited by the forked workers
        # At most two chunks a worker in flight: entries are read from ``entries`` (a
        # database cursor, a generator) only as fast as they are filed.
        in_flight: deque[tuple[list[WatchlistEntry], Any]] = deque()

        def file_oldest() -> None:
            batch, worked = in_flight.popleft()
            for entry, parts in zip(batch, worked.get()):
                counts[self._apply(entry, parts)] += 1

        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for batch in _chunks(entries, chunk):
                    in_flight.append((batch, pool.apply_async(_work_out_chunk, (batch,))))
                    if len(in_flight) >= 2 * workers:
                        file_oldest()
                while in_flight:
                    file_oldest()
        finally:
            _BUILDING = None
        return counts

    def remove(self, entry_id: str) -> bool:
        """Take an entry out of the index; ``False`` if it was not there."""
        slot = self._slot_of.pop(entry_id, None)
        if slot is None:
            return False
        record = self._records[slot]
        assert record is not None
        self._unindex(slot, self._decode(record))
        self._records[slot] = None
        self._set_facts(slot, None)
        self._free.append(slot)
        return True

    def _set_facts(self, slot: int, entry: WatchlistEntry | None, words: list[WordKeys | None] | None = None) -> None:
        """Record (or clear) what ranking needs of an entry: dates, nationality, sex, and
        its names' word numbers (``words``: the names' word keys, as :meth:`_worked_out`
        gives them)."""
        while len(self._facts) <= slot:
            self._facts.append(0)
        year = day = nat = sex = 0
        if entry is not None and entry.kind is ListKind.PERSON:
            dates = entry.birth_dates
            if dates:
                year = _years(min(d.earliest.year for d in dates), max(d.latest.year for d in dates))
                if len(dates) == 1 and dates[0].earliest == dates[0].latest:
                    day = dates[0].earliest.timetuple().tm_yday
            if len(entry.nationalities) == 1:
                nat = self._nat_code(entry.nationalities[0])
            elif entry.nationalities:
                nat = _SEVERAL
            sex = _SEX_CODE.get(entry.sex, 0)
        self._facts[slot] = year << _FACT_YEAR | day << _FACT_DAY | (nat << 2 | sex) << _FACT_NATSEX
        while len(self._words) <= slot:
            self._words.append(None)
        self._words[slot] = self._name_words(entry, words)

    def _fact_columns(self) -> list[array]:
        """The packed facts as the three columns a snapshot keeps: years of birth, day of
        the year, nationality and sex."""
        packed = np.frombuffer(self._facts, dtype=np.uint64)
        return [array("H", (packed >> shift & _FACT_MASK).astype(np.uint16).tobytes())
                for shift in (_FACT_YEAR, _FACT_DAY, _FACT_NATSEX)]

    def _set_fact_columns(self, years: Iterable[int], days: Iterable[int], natsex: Iterable[int]) -> None:
        """Pack the three fact columns (values below 2**16, one per slot)."""
        columns = [np.fromiter(column, dtype=np.uint64) for column in (years, days, natsex)]
        packed = columns[0] << _FACT_YEAR | columns[1] << _FACT_DAY | columns[2] << _FACT_NATSEX
        self._facts = array("Q", packed.tobytes())

    def _name_words(self, entry: WatchlistEntry | None, names_words: list[WordKeys | None] | None = None
                    ) -> bytes | None:
        """The ``_words`` code of an entry: per name, its word count and word numbers
        (``names_words``: :meth:`_names_word_keys`, worked out here if not given)."""
        if names_words is None and entry is not None:
            names_words = self._names_word_keys(entry)
        if not names_words:
            return None
        code = array("I")
        for words in names_words:
            if not words:
                return None  # not bounded cheaply (or no words): always compared
            code.append(len(words))
            for keys in words:
                number = self._word_ids.get(keys)
                if number is None:
                    number = self._word_ids[keys] = len(self._word_sets)
                    self._word_sets.append(keys)
                code.append(number)
        return code.tobytes()

    def _nat_code(self, nationality: str) -> int:
        code = self._nat_codes.get(nationality)
        if code is None:
            code = len(self._nat_codes) + 2
            if code >= 1 << 14:  # pragma: no cover - far more states than exist
                return 0
            self._nat_codes[nationality] = code
        return code

    def _entry_keys(self, entry: WatchlistEntry) -> set[str]:
        if entry.kind is not ListKind.PERSON:
            return set()  # lost/stolen documents are matched on their numbers only
        keys: set[str] = set()
        for name in entry.all_names:
            keys.update(self.engine.keys(name))
        years = sorted({y for d in entry.birth_dates for y in d.years()})
        if years and len(years) <= MAX_YEARS_PER_ENTRY:
            keys.update([f"{k}@{y}" for k in tuple(keys) for y in years])
        if self.own_keys:
            for name in entry.all_names:
                keys.update(_own_keys(self.engine.prepare(name)))
        return keys

    def _index(self, slot: int, entry: WatchlistEntry, keys: Iterable[str] | None = None) -> None:
        postings = self._postings
        for key in self._entry_keys(entry) if keys is None else keys:
            _add_posting(postings, key, slot)
        for doc in entry.documents:
            _add_posting(self._documents, canonical(doc.number), slot)

    def _unindex(self, slot: int, entry: WatchlistEntry) -> None:
        for key in self._entry_keys(entry):
            _remove_posting(self._postings, key, slot)
        for doc in entry.documents:
            _remove_posting(self._documents, canonical(doc.number), slot)

    # ------------------------------------------------------------------ records

    @staticmethod
    def _decode(record: bytes) -> WatchlistEntry:
        return entry_from_stored(_DECODE(record))

    def _entry_at(self, slot: int) -> WatchlistEntry:
        record = self._records[slot]
        if record is None:
            raise KeyError(slot)
        return self._decode(record)

    def _prepare(self, name: str) -> tuple[Any, WordKeys | None]:
        """The engine's prepared name and its words' sound keys (for the pre-check)."""
        cached = self._prepared.get(name)
        if cached is None:
            prepared = self.engine.prepare(name)
            cached = (prepared, _word_keys(prepared) if self.precheck else None)
            if len(self._prepared) >= self._prepared_cache_size:
                # drop the oldest tenth (dicts keep insertion order): cheap, bounded
                for old in list(self._prepared)[: self._prepared_cache_size // 10]:
                    del self._prepared[old]
            self._prepared[name] = cached
        return cached

    # ------------------------------------------------------------------ queries

    def _query_keys(self, query: Query) -> set[str]:
        keys: set[str] = set()
        for name in query.names:
            keys.update(self.engine.keys(name))
        dob = query.date_of_birth
        if dob is not None:
            years = list(dob.years())
            if len(years) <= MAX_YEARS_PER_ENTRY:
                keys.update([f"{k}@{y}" for k in tuple(keys) for y in years])
        if self.own_keys:
            for name in query.names:
                keys.update(_own_keys(self._prepare(name)[0]))
        return keys

    def candidate_slots(self, query: Query, limit: int | None = None) -> list[int]:
        """The slots of the best candidates by blocking-key weight (no name scoring).

        Keys fall into families: the engine's one-word keys (``1:``), its word-pair keys
        (``2:``), the typo keys (``t:``), and each of these combined with the birth year.
        An entry scores, per family, the weight of the rarest key it shares, summed over
        the families. Keys of one family are strongly correlated (the same word in three
        scripts, a skeleton and its deletions), so summing within a family would favour
        entries listed under many spellings over the one that shares the most specific
        key, e.g. the right birth year.
        """
        limit = self.candidates if limit is None else limit
        total = max(len(self), 1)
        cap = max(self.min_key_cap, int(total * self.max_key_share))
        found: list[tuple[int, str, Postings]] = []
        postings = self._postings
        keys = self._query_keys(query)
        if self.skip_single_word_keys and query.date_of_birth is not None and any(k.startswith("2:") for k in keys):
            # one-word keys say least; with a birth year their year-combined form is read
            keys = {k for k in keys if not k.startswith("1:") or "@" in k}
        for key in keys:
            value = postings.get(key)
            if value is not None:
                df = _df(value)
                if df <= cap:
                    found.append((df, key, value))
        found.sort(key=lambda item: item[0])
        families: dict[str, list[tuple[int, Postings]]] = {}
        spent = 0
        for df, key, value in found:
            if spent and spent + df > self.posting_budget:
                break
            spent += df
            family = key.partition(":")[0] + ("@" if "@" in key else "")
            families.setdefault(family, []).append((df, value))
        if not families:
            return []
        slots, scores = self._blocking_scores(families.values(), total)
        return self._rank(slots, scores, query, limit)

    def _scratch(self) -> np.ndarray:
        """This thread's zeroed work array, a row of two values per slot (readers may be
        threads): a slot's sum and weight share a cache line, so a posting costs one
        memory read, not two, in a work array far larger than the processor's caches."""
        local = self._local
        scratch = getattr(local, "scratch", None)
        slots = len(self._records)
        if scratch is None or len(scratch) < slots:
            # with room to grow: entries added between queries do not reallocate it each time
            scratch = local.scratch = np.zeros((slots + slots // 8 + 1024, 2), dtype=np.float64)
        return scratch

    def _blocking_scores(
        self, families: Iterable[list[tuple[int, Postings]]], total: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """The scored slots (each once) and their blocking scores: per family, the weight
        of the rarest key an entry shares, summed over the families.

        The two columns of one zeroed work array hold the sums and one family's weights;
        the slots written are zeroed again before returning, so the next query finds it
        clean.
        """
        scratch = self._scratch()
        sums, weights = scratch[:, 0], scratch[:, 1]
        touched: list[np.ndarray] = []
        try:
            for members in families:
                parts = []
                for df, value in reversed(members):  # most frequent first: rarer keys overwrite
                    # as native indices: numpy converts 32-bit ones on every use
                    posted = np.frombuffer(value, np.uintc).astype(np.intp) if df > 1 else np.array((value,), np.intp)
                    weights[posted] = math.log(1.0 + total / df)
                    parts.append(posted)
                family = np.concatenate(parts) if len(parts) > 1 else parts[0]
                sums[family] += weights[family]  # repeated slots: the same sum written again
                weights[family] = 0.0
                touched.append(family)
            scored = np.concatenate(touched) if len(touched) > 1 else touched[0]
            # each slot once: write every position, keep the slots whose own position
            # stayed (the last one written), in the free column of the work array
            positions = np.arange(len(scored), dtype=np.float64)
            weights[scored] = positions
            slots = scored[weights[scored] == positions]
            weights[slots] = 0.0
            scores = sums[slots]
            sums[slots] = 0.0
        except BaseException:
            self._local.scratch = None  # never reuse a half-written work array
            raise
        return slots, scores

    def _rank(self, slots: np.ndarray, scores: np.ndarray, query: Query, limit: int) -> list[int]:
        """The best ``limit`` slots by blocking score moved by the traveller's qualifiers.

        Blocking keys cannot tell namesakes apart; the traveller's date of birth,
        nationality and sex can, and they are kept per slot without decoding a record.
        An entry whose listed years of birth are two years or more from the traveller's
        cannot reach the review band (the qualifiers take 0.40 off a date more than a year
        away) and goes after every entry that can; a year (and a day) that agrees, a
        nationality or sex as listed move an entry up, a different nationality or sex
        down. Entries without the value (or years over a wide range, several
        nationalities) are not moved. Every scored entry is moved (array look-ups, a few
        microseconds for thousands); ties are broken in slot order.
        """
        dob = query.date_of_birth
        nationality = query.nationality
        sex = _SEX_CODE.get(query.sex, 0)
        facts = np.frombuffer(self._facts, dtype=np.uint64)[slots]  # one read per slot
        values = scores
        if dob is not None:
            listed_years = (facts & _FACT_MASK).astype(np.intp)
            q_lo, q_hi = _year(dob.earliest.year), _year(dob.latest.year)
            values = values + _year_effects(q_lo, q_hi, RANK_FAR, RANK_YEAR_AGREES)[listed_years]
            if dob.earliest == dob.latest:
                day = dob.earliest.timetuple().tm_yday
                values += (facts >> _FACT_DAY & _FACT_MASK == day) * RANK_DAY_AGREES
        nat = self._nat_codes.get(nationality, -1) if nationality else 0
        if nat or sex:
            codes = (facts >> _FACT_NATSEX).astype(np.intp)
            values = values + _nationality_effects(nat, len(self._nat_codes) + 2)[codes >> 2] \
                + _SEX_EFFECTS[sex][codes & 3]
        return slots[_best_first(slots, values, limit)].tolist()

    def candidates_for(self, query: Query, limit: int | None = None) -> list[str]:
        """Entry ids of the name candidates, best first (what recall is measured on)."""
        out = []
        for slot in self.candidate_slots(query, limit):
            record = self._records[slot]
            if record is not None:
                out.append(self._decode(record).id)
        return out

    def _document_slots(self, query: Query) -> set[int]:
        slots: set[int] = set()
        for doc in query.documents:
            value = self._documents.get(canonical(doc.number))
            if value is not None:
                slots.update(_iter_postings(value))
        return slots

    def search(
        self,
        query: Query,
        limit: int = 10,
        *,
        include_no_match: bool = False,
    ) -> list[Hit]:
        """Screen one traveller: the best ``limit`` hits, highest score first.

        Only HIT and REVIEW bands are returned unless ``include_no_match`` is set.
        """
        policy = self.policy
        document_slots = self._document_slots(query)
        slots = set(self.candidate_slots(query)) if query.names else set()
        slots |= document_slots
        prepared_query = [(name, self._prepare(name)) for name in query.names]
        # A candidate whose best name score cannot reach the review band even with every
        # qualifier agreeing is not decoded further (most candidates of a common name).
        # A listed year of birth years away from the traveller's takes more off than a
        # name can give: such a candidate is dropped before its record is decoded. The
        # names are compared next (a cheap bound and a word pre-check first), and the
        # exact date-of-birth effect only for the candidates whose name can pass.
        dob_boost = max(0.0, policy.dob_same_day, policy.dob_same_month, policy.dob_same_year,
                        policy.dob_in_range, policy.dob_day_month_swapped)
        other_boost = max(0.0, policy.nationality_agrees) + max(0.0, policy.sex_agrees)
        needed = max(policy.name_floor, policy.review_threshold - dob_boost - other_boost)
        query_dob = query.date_of_birth
        filtering = not include_no_match
        far: list[bool] | None = None
        if filtering and query_dob is not None and \
                policy.review_threshold - policy.dob_differs - other_boost > 1.0:
            far = _far_codes(_year(query_dob.earliest.year), _year(query_dob.latest.year))
        hits: list[Hit] = []
        records = self._records
        facts = self._facts
        memo: dict[str, Any] = {}
        agree = self._agreement(prepared_query) if self.precheck and filtering else None
        slot_masks = self._slot_masks(prepared_query, agree) if agree is not None else None
        words_of = self._words
        agreeing: dict[bytes, int] = {}
        for slot in slots:
            best = None
            by_name = slot not in document_slots
            passing = -1  # every name
            if by_name:
                # the slot's packed facts and words code before its record: most
                # candidates stop here, and a record read is one more cache miss
                if far is not None and far[facts[slot] & _FACT_MASK]:
                    continue
                if slot_masks is not None:
                    code = words_of[slot]
                    if code is not None:
                        # namesakes share their words' code: the pre-check once per code
                        passing = agreeing.get(code, -1)
                        if passing == -1:
                            passing = agreeing[code] = _agreeing_names(code, slot_masks)
                        if not passing:
                            continue  # no name of the entry passes the word pre-check
            record = records[slot]
            if record is None:  # removed
                continue
            data = _DECODE(record)
            if by_name:
                if "kind" in data:  # only lost/stolen documents carry a kind; names do not count
                    continue
                names = data.get("names", []) + data.get("aliases", [])
                if passing != -1:  # only the names that pass are prepared and compared
                    names = [n for k, n in enumerate(names) if passing >> k & 1]
                best = self._best_name(
                    prepared_query, names,
                    precheck=self.precheck and filtering, memo=memo,
                    floor=needed if self.precheck and filtering else None, agree=agree,
                )
                if filtering:
                    if best is None or best[0] < needed:
                        continue
                    if query_dob is not None and "birth_dates" in data:
                        listed = tuple(_stored_birth_date(d) for d in data["birth_dates"])
                        if best[0] < policy.review_threshold - birth_date_delta(query_dob, listed, policy) - other_boost:
                            continue
            hit = self._score(query, prepared_query, entry_from_stored(data), best, filtering)
            if hit is not None:
                hits.append(hit)
        hits.sort(key=lambda h: (-h.score, h.entry_id))
        return hits[:limit]

    def _best_name(
        self,
        prepared_query: list[tuple[str, tuple[Any, WordKeys | None]]],
        entry_names: Iterable[str],
        precheck: bool = False,
        memo: dict[str, Any] | None = None,
        floor: float | None = None,
        agree: list[Any] | None = None,
    ) -> tuple[float, str, str, Any] | None:
        """The best-scoring pair of a query name and an entry name.

        With a ``floor``, pairs that cannot reach it are not compared (the word pre-check
        and the engine's ``score_bound``, when it has one); ``None`` if none can. A
        ``memo`` (one per query) keeps the outcome per entry name: namesakes share names.
        ``agree`` (one per query, from :meth:`_agreement`) makes the pre-check a look-up
        per entry word.
        """
        best: tuple[float, str, str, Any] | None = None
        for entry_name in entry_names:
            if memo is None:
                found = self._best_for_name(prepared_query, entry_name, precheck, floor, agree)
            else:
                found = memo.get(entry_name, _UNSEEN)
                if found is _UNSEEN:
                    found = memo[entry_name] = self._best_for_name(
                        prepared_query, entry_name, precheck, floor, agree)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best

    @staticmethod
    def _agreement(prepared_query: list[tuple[str, tuple[Any, WordKeys | None]]]) -> list[Any]:
        """Per query name, a memo from an entry word's sound keys to the bit mask of the
        query words they are close to (``_keys_close``): the word pre-check of an entry
        name is then the number of bits set in the union of its words' masks, which counts
        the query words that have a close entry word, as ``_words_may_agree`` does."""
        out = []
        for _, (_, query_words) in prepared_query:
            if not query_words:
                out.append(None)
                continue

            def mask(entry_keys: frozenset[str], words: WordKeys = query_words) -> int:
                bits = 0
                for i, query_keys in enumerate(words):
                    close = _CLOSE_CACHE.get((query_keys, entry_keys))
                    if close is None:
                        close = _keys_close(query_keys, entry_keys)
                    if close:
                        bits |= 1 << i
                return bits

            out.append(_Memo(mask))
        return out

    def _slot_masks(
        self,
        prepared_query: list[tuple[str, tuple[Any, WordKeys | None]]],
        agree: list[Any],
    ) -> list[tuple[int, Any]] | None:
        """The word pre-check on a slot's stored word numbers (``_agreeing_names``), before
        its record is decoded or its names prepared: per query name, its word count and a
        memo from a word number to the bit mask of the query words it is close to.
        ``None`` when some query name cannot be bounded cheaply (every name is compared).
        """
        if not all(masks is not None for masks in agree):
            return None
        word_sets = self._word_sets
        return [
            (len(words), _Memo(lambda number, m=masks: m[word_sets[number]]))
            for (_, (_, words)), masks in zip(prepared_query, agree)
        ]

    def _best_for_name(
        self,
        prepared_query: list[tuple[str, tuple[Any, WordKeys | None]]],
        entry_name: str,
        precheck: bool,
        floor: float | None,
        agree: list[Any] | None = None,
    ) -> tuple[float, str, str, Any] | None:
        best: tuple[float, str, str, Any] | None = None
        compare = self.engine.compare_prepared
        bound = self._bound if floor is not None else None
        prepared_entry, entry_words = self._prepare(entry_name)
        for k, (query_name, (prepared, query_words)) in enumerate(prepared_query):
            if precheck and query_words and entry_words:
                masks = agree[k] if agree is not None else None
                if masks is not None:
                    bits = 0
                    for entry_keys in entry_words:
                        bits |= masks[entry_keys]
                    # fewer than min(2, words) query words with a close entry word
                    if not bits or (bits & (bits - 1) == 0 and len(query_words) > 1 and len(entry_words) > 1):
                        continue
                elif not _words_may_agree(query_words, entry_words):
                    continue
            if bound is not None and bound(prepared, prepared_entry) < floor:
                continue
            comparison = compare(prepared, prepared_entry)
            score = float(comparison.score)
            if best is None or score > best[0]:
                best = (score, query_name, entry_name, comparison)
        return best

    def screen(self, query: Query, limit: int = 10) -> list[Hit]:
        """Alias of :meth:`search`."""
        return self.search(query, limit)

    def score_entry(self, query: Query, entry: WatchlistEntry) -> Hit:
        """Score one entry against a query, without the index (for re-checks and tests)."""
        prepared_query = [(name, self._prepare(name)) for name in query.names]
        hit = self._score(query, prepared_query, entry)
        assert hit is not None
        return hit

    def _score(
        self,
        query: Query,
        prepared_query: list[tuple[str, tuple[Any, WordKeys | None]]],
        entry: WatchlistEntry,
        best: tuple[float, str, str, Any] | None = None,
        drop_no_match: bool = False,
    ) -> Hit | None:
        policy = self.policy
        document_match = self._document_match(query, entry)
        name_score: float | None = None
        if entry.kind is ListKind.PERSON and prepared_query and entry.all_names:
            if best is None:
                best = self._best_name(prepared_query, entry.all_names)
            assert best is not None
            name_score = best[0]
        else:
            best = None
        effects: tuple[QualifierEffect, ...] = ()
        if entry.kind is ListKind.PERSON:
            effects = (
                compare_birth_date(query.date_of_birth, entry.birth_dates, policy),
                compare_nationality(query.nationality, entry.nationalities, policy),
                compare_sex(query.sex, entry.sex, policy),
            )
        score = 0.0
        if name_score is not None and name_score >= policy.name_floor:
            score = min(1.0, max(0.0, name_score + sum(e.delta for e in effects)))
        if document_match is not None:
            doc_score = policy.document_score if document_match.exact else policy.document_bridged_score
            score = max(score, doc_score)
            decision = Decision.HIT
        elif score >= policy.hit_threshold and (not policy.hit_needs_birth_date or (effects and effects[0].delta > 0)):
            decision = Decision.HIT
        elif score >= policy.review_threshold:
            decision = Decision.REVIEW
        else:
            decision = Decision.NO_MATCH
            if drop_no_match:
                return None
        return Hit(
            entry_id=entry.id,
            entry_version=entry.version,
            list_id=entry.list_id,
            kind=entry.kind,
            score=round(score, 4),
            decision=decision,
            name_score=None if name_score is None else round(name_score, 4),
            query_name=best[1] if best else None,
            matched_name=best[2] if best else None,
            name_comparison=best[3] if best else None,
            effects=effects,
            document_match=document_match,
            required_action=entry.required_action,
            remarks=entry.remarks,
            entry_names=entry.all_names[:4],
        )

    @staticmethod
    def _document_match(query: Query, entry: WatchlistEntry) -> DocumentMatch | None:
        best: DocumentMatch | None = None
        for asked in query.documents:
            for listed in entry.documents:
                found = match_document(asked, listed)
                if found is not None and (best is None or len(found.bridged) < len(best.bridged)):
                    best = found
        return best

    # ------------------------------------------------------------------ persistence

    def save(self, path: str | PathLike[str]) -> None:
        """Write a snapshot (see :mod:`.snapshot`); atomic (temp file + rename)."""
        from .snapshot import write_snapshot

        write_snapshot(self, path)

    @classmethod
    def load(
        cls,
        path: str | PathLike[str],
        *,
        engine: NameEngine | None = None,
        policy: ScoringPolicy | None = None,
        **options: Any,
    ) -> ScreeningIndex:
        """Read a snapshot written by :meth:`save`.

        If the name engine now gives other blocking keys than the one that wrote the
        snapshot (an upgrade of :mod:`sarhad.names`), the postings are rebuilt from the
        stored entries; otherwise nothing is recomputed.
        """
        from .snapshot import read_snapshot

        index = cls(engine=engine, policy=policy, **options)
        read_snapshot(index, path)
        return index

    def rebuild(self) -> None:
        """Recompute every posting from the stored entries (after an engine change)."""
        self._postings.clear()
        self._documents.clear()
        self._words = []
        self._word_sets = []
        self._word_ids = {}
        for slot, record in enumerate(self._records):
            if record is not None:
                entry = self._decode(record)
                self._index(slot, entry)
                self._set_facts(slot, entry)
            else:
                self._set_facts(slot, None)
