"""Name structure and comparison.

A name is read into parts: name words (given names and surnames, in any order),
patronymics (Azerbaijani ``Həsən oğlu``/``qızı``, Russian ``-ovich/-ovna``, Arabic
``bin``/``bint``) and particles (al-, el-, van, de...). Two names are compared by pairing
their words one to one, best pairs first, whatever the order; each pair gets a kind and a
score:

================ ====== ============================================================
kind             score  meaning
================ ====== ============================================================
exact            1.00   the same word after normalisation
transliteration  0.97   a Latin form of each side is the same (Мамедов / MAMEDOV)
phonetic         0.93   a sound key of each side is the same (Məmmədov / Mamedov,
                        Hüseynov / Гусейнов); 0.85 for an unwritten vowel written out
                        in an Armenian name (Sargsyan / Саркисян)
written_form     0.92   a Persian-script word of no known stem: its letters all appear
                        in the Latin form, every Latin consonant is written (رشاد /
                        Rəşad); 0.80 and 0.60 with half or one letter amiss
edit_distance    < 0.93 close sound keys, falling fast with each edit; a keying error
                        (a letter dropped, doubled or swapped) in a long word 0.64
initial          0.80   a single letter against a word starting with it
missing          —      a name word of one side with no counterpart (× 0.97)
extra_patronymic —      a patronymic on one side only (no penalty)
================ ====== ============================================================

The name score is the mean of the paired name-word scores, capped at the weakest pair
plus 0.15 (a name with one wrong word is a different name, however good the others),
then lowered for unpaired words (× 0.97 each), a different father's name (× 0.75), male
and female forms (× 0.6, noted). When fewer than two words of two names of two words or
more agree (score ≥ 0.5), the score is at most 0.5.

>>> compare("Məmmədov Əli Həsən oğlu", "MAMMADOV ALI").score
0.97
>>> compare("Hüseynov Əli", "Həsənov Əli").score < DEFAULT_THRESHOLD
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA, Levenshtein, LCSseq

from .normalise import detect_script, tokens as _tokens
from .persian import persian_forms, persian_skeleton, split_suffix
from .phonetic import VOWELS, plain_key, skeleton, sound_keys
from .translit import armenian_russian, word_forms

__all__ = [
    "DEFAULT_THRESHOLD", "REVIEW_THRESHOLD", "NameComparison", "PartMatch", "PreparedName", "Token",
    "prepare", "compare", "compare_prepared", "keys", "score_bound",
]

_KEY_LEN = 5  # letters of a consonant skeleton in a blocking key
_KEY_WORDS = 6  # name words that take part in blocking keys (a long name: the first six)

#: Person-screening decision threshold: a comparison at or above it is a match.
DEFAULT_THRESHOLD: float = 0.80
#: Below the match threshold but at or above this, a name is worth a person's look: one
#: word with a keying error, an initial, one look-alike word (a suggestion for the review
#: band of a screening service; screening sets its own).
REVIEW_THRESHOLD: float = 0.65

_PATRONYMIC_MARKERS = {
    "OĞLU": "M", "OGLU": "M", "OGLY": "M", "OGHLU": "M", "OGLI": "M", "OĞLI": "M",
    "ОГЛЫ": "M", "ОГЛУ": "M", "ОҒЛУ": "M", "ULY": "M", "УЛЫ": "M", "ҰЛЫ": "M",
    "QIZI": "F", "QIZİ": "F", "GIZI": "F", "KIZI": "F", "KYZY": "F", "QYZY": "F",
    "КЫЗЫ": "F", "ГЫЗЫ": "F", "ҚЫЗЫ": "F", "ГИЗИ": "F", "QİZİ": "F", "KİZİ": "F",
    "ОГЛИ": "M", "OĞUL": "M",
}
_BIN = {"BIN": "M", "IBN": "M", "BEN": "M", "BINT": "F", "بن": "M", "ابن": "M", "بنت": "F"}
_PARTICLES = {"AL", "EL", "UL", "VAN", "VON", "DE", "DER", "DEN", "DI", "DA", "DOS", "DAS",
              "DU", "LA", "LE", "DEL", "DELLA", "TER", "ال"}
_PATRONYMIC_SUFFIXES_M = ("OVICH", "EVICH", "OVYCH", "EVYCH", "IEVICH", "ICH")
_PATRONYMIC_SUFFIXES_F = ("OVNA", "EVNA", "IVNA", "ICHNA", "INICHNA", "IEVNA")
_SURNAME_F = ("OVA", "EVA", "YEVA", "IEVA", "SKAYA", "SKAIA", "CKAYA", "TSKAIA", "INA")
_SURNAME_M = ("OV", "EV", "YEV", "IEV", "SKY", "SKII", "SKIY", "SKIJ", "IN")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a prepared name."""

    text: str  # normalised, in its own script
    script: str
    forms: tuple[str, ...]  # Latin forms, primary first
    keys: tuple[str, ...]  # sound keys of the forms
    written: str  # Persian/Arabic written skeleton for words without a known stem
    role: str  # "name" | "patronymic"
    gender: str  # "M" | "F" | ""
    skeletons: tuple[str, ...]  # consonant skeletons for blocking keys
    readings: frozenset[str] = frozenset()  # all sound keys (E read as A and as I...)
    formset: frozenset[str] = frozenset()
    variant: str = ""  # "hy": read as part of an Armenian name (Russian forms added)
    blocks: frozenset[str] = frozenset()  # skeletons cut to the blocking-key length
    particle: bool = False  # al, van, de...: set aside in names of three words or more
    armenian: bool = False  # a surname in -yan/-ян/-յան
    patronymic_gender: str = ""  # "M"/"F" when the word ends like -ovich/-ovna
    plain: tuple[str, ...] = ()  # keys before glide rules, for Persian written forms


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A name read once, ready to be compared many times."""

    original: str
    normalised: str
    tokens: tuple[Token, ...]  # name words (given names and surnames)
    patronymics: tuple[Token, ...]
    particles: tuple[str, ...] = ()

    @property
    def all_tokens(self) -> tuple[Token, ...]:
        return self.tokens + self.patronymics


class PartMatch(NamedTuple):
    """How one part of the query compares with one part of the candidate (immutable)."""

    query: str
    candidate: str
    kind: str
    score: float


@dataclass(frozen=True, slots=True)
class NameComparison:
    """The outcome of comparing two names: a score in [0, 1] and its reasons."""

    score: float
    parts: tuple[PartMatch, ...]
    query: str = ""
    candidate: str = ""
    notes: tuple[str, ...] = field(default=())

    def is_match(self, threshold: float = DEFAULT_THRESHOLD) -> bool:
        return self.score >= threshold

    def explain(self) -> str:
        """A human-readable account: one line per part, then the notes."""
        verdict = "match" if self.is_match() else "no match"
        lines = [f"{self.query!r} vs {self.candidate!r}: {self.score:.3f} ({verdict}, "
                 f"threshold {DEFAULT_THRESHOLD:.2f})"]
        for p in self.parts:
            score = "" if p.kind in {"missing", "extra_patronymic"} else f" {p.score:.2f}"
            lines.append(f"  {p.query or '-'} ~ {p.candidate or '-'}: {p.kind}{score}")
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)


# --- reading a name -----------------------------------------------------------------------


def _gender_of(forms: tuple[str, ...], persian_kind: str) -> str:
    if persian_kind in {"ova", "yeva"}:
        return "F"
    if persian_kind in {"ov", "yev"}:
        return "M"
    if not forms:
        return ""
    f = forms[0]
    if len(f) < 5:
        return ""
    if f.endswith(_SURNAME_F[:-1]):
        return "F"
    if f.endswith(_SURNAME_M[:-1]):
        return "M"
    return ""


def _patronymic_gender(forms: tuple[str, ...]) -> str:
    if not forms or len(forms[0]) < 5:
        return ""
    f = forms[0]
    if f.endswith(_PATRONYMIC_SUFFIXES_F):
        return "F"
    if f.endswith(_PATRONYMIC_SUFFIXES_M):
        return "M"
    return ""


@lru_cache(maxsize=200_000)
def _token(text: str, role: str = "name", gender: str = "") -> Token:
    script = detect_script(text)
    forms = word_forms(text)
    readings = [sound_keys(f) for f in forms if f]
    keys = tuple(dict.fromkeys(r[0] for r in readings))
    alt = frozenset(k for r in readings for k in r)
    written = ""
    pkind = ""
    if script == "Arab":
        stem, pkind = split_suffix(text)
        if not persian_forms(text):
            written = persian_skeleton(text)
    if not gender and role == "name":
        gender = _gender_of(forms, pkind)
    skels = {skeleton(k) or k for r in readings for k in r}
    for base in {written.replace("H", "K"), written.replace("H", "")} if written else ():
        # a written و is a vowel or a v (موسوی Musavi, جاوید Cavid): key both readings;
        # a weak ح/ه is said or not (محمد Məmməd)
        skels.add(skeleton(base) or base)
        spots = [i for i, c in enumerate(base) if c == "U"][:3]
        for mask in range(1, 1 << len(spots)):
            w = list(base)
            for bit, i in enumerate(spots):
                if mask >> bit & 1:
                    w[i] = "V"
            skels.add(skeleton("".join(w)))
    primary = forms[0] if forms else ""
    plain = tuple(dict.fromkeys(plain_key(f) for f in forms if f)) if script != "Arab" else ()
    return Token(text, script, forms, keys, written, role, gender,
                 tuple(sorted(skels)), alt,
                 frozenset(forms), "",
                 frozenset(x[:_KEY_LEN] for x in skels),
                 text in _PARTICLES or primary in _PARTICLES,
                 script in {"Armn", "Latn"} and primary.endswith(("YAN", "IAN", "YANTS")),
                 _patronymic_gender(forms), plain)


@lru_cache(maxsize=50_000)
def _armenian_token(t: Token) -> Token:
    if t.script not in {"Armn", "Latn"} or not t.forms:
        return t
    extra = tuple(f for f in armenian_russian(t.forms[0]) if f not in t.formset)
    forms = t.forms + extra
    readings = [sound_keys(f) for f in forms]
    keys = tuple(dict.fromkeys(r[0] for r in readings))
    alt = frozenset(k for r in readings for k in r)
    skels = set(t.skeletons) | {skeleton(k) or k for r in readings for k in r}
    return Token(t.text, t.script, forms, keys, t.written, t.role, t.gender,
                 tuple(sorted(skels)), alt, frozenset(forms), "hy",
                 frozenset(x[:_KEY_LEN] for x in skels), t.particle, t.armenian,
                 t.patronymic_gender, t.plain)


#: Surname endings that documents also write as a word of their own (Гусейн-заде,
#: حسین زاده, Hossein Zadeh): joined back to the word before.
_SUFFIX_WORDS = {"ZADE", "ZADƏ", "ZADEH", "ЗАДЕ", "ЗАДӘ", "زاده"}


def _join_suffix_words(words: list[str]) -> list[str]:
    if not _SUFFIX_WORDS.intersection(words[1:]):
        return words
    out = [words[0]]
    for w in words[1:]:
        if w in _SUFFIX_WORDS:
            out[-1] += w
        else:
            out.append(w)
    return out


@lru_cache(maxsize=100_000)
def prepare(name: str) -> PreparedName:
    """Read a name once (normalise, detect scripts, transliterate, find its structure)."""
    words = _tokens(name)
    if len(words) > 1:
        words = _join_suffix_words(words)
    names: list[Token] = []
    patronymics: list[Token] = []
    particles: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        nxt = words[i + 1] if i + 1 < n else ""
        if nxt in _PATRONYMIC_MARKERS:
            patronymics.append(_token(w, "patronymic", _PATRONYMIC_MARKERS[nxt]))
            i += 2
            continue
        if w in _BIN and nxt and i > 0:
            patronymics.append(_token(nxt, "patronymic", _BIN[w]))
            i += 2
            continue
        if w in _PATRONYMIC_MARKERS:
            i += 1
            continue
        if w.startswith("ال") and persian_forms(w[2:]) and not persian_forms(w):
            w = w[2:]  # the Arabic article al- written joined to a known name
        t = _token(w)
        if n > 2 and t.particle:
            particles.append(w)
        else:
            names.append(t)
        i += 1
    # An Armenian name (a surname in -yan/-ян/-յան): every word may also stand in its
    # Russian-document form (Հայկ / Айк, Hovhannes / Ованес).
    if len(names) > 1:
        for t in names:
            if t.armenian:
                names = [_armenian_token(t) for t in names]
                break
    # Russian-style patronymics: a third word ending in -ovich/-ovna (never the only
    # two words of a name).
    if len(names) >= 3:
        for k in range(1, len(names)):
            t = names[k]
            if t.patronymic_gender:
                del names[k]
                patronymics.append(_token(t.text, "patronymic", t.patronymic_gender))
                break
    return PreparedName(name, " ".join(words), tuple(names), tuple(patronymics),
                        tuple(particles))


# --- comparing words ----------------------------------------------------------------------

_SIM_CACHE: dict[tuple[str, str, str, str], tuple[float, str]] = {}
_SIM_CACHE_MAX = 400_000


@lru_cache(maxsize=100_000)
def _mandatory(key: str, diphthong: bool) -> tuple[str, str]:
    """(key with V as U, the letters of it that a Persian spelling must write).

    Consonants must be written; so must the i of a diphthong (Hüseyn: حسین), when the
    Latin form shows one (a y after a vowel)."""
    k = key.replace("V", "U")
    mand = []
    prev = ""
    for orig, c in zip(key, k):
        if orig not in VOWELS or (diphthong and orig == "I" and prev and prev in VOWELS):
            mand.append(c)
        prev = orig
    return k, "".join(mand)


def _written_misses(written: str, key: str, diphthong: bool, vowels: frozenset[str]
                    ) -> float:
    """The fewer misses of the two readings of the weak letters (ح, medial ه): said (as
    K) or silent (half a miss each)."""
    if "H" not in written:
        return _misses(written, key, diphthong, vowels)
    said = _misses(written.replace("H", "K"), key, diphthong, vowels)
    silent = _misses(written.replace("H", ""), key, diphthong, vowels) + 0.5 * written.count("H")
    return min(said, silent)


def _misses(written: str, key: str, diphthong: bool, vowels: frozenset[str]) -> float:
    """Letters of a Persian-script word missing from a Latin key, and the other way.

    A written consonant or a required Latin letter missing counts 1; a written long
    vowel that the Latin key lacks counts 0.5 (Latin keys drop glides), or 1 when the
    Latin spelling has no such vowel at all (النوره is not Elnarə)."""
    w = written.replace("V", "U")
    k, mand = _mandatory(key, diphthong)
    lcs = LCSseq.similarity(w, k)
    unmatched = len(w) - lcs
    if unmatched:
        wc = "".join(c for c in w if c not in VOWELS)
        cons_missing = len(wc) - LCSseq.similarity(wc, k)
        foreign = sum(1 for c in set(w) if c in VOWELS and c not in vowels)
        vowel_missing = unmatched - cons_missing
        unmatched = cons_missing + min(vowel_missing, foreign) + 0.5 * max(
            0, vowel_missing - foreign)
    m2 = len(mand) - LCSseq.similarity(w, mand)
    # a final vowel is written in this script (لیلا, فاطمه, مهدی), a final consonant is not
    # followed by a vowel letter (وصال is not Vüsalə)
    if k and w and (k[-1] in VOWELS) != (w[-1] in VOWELS):
        m2 += 1
    return unmatched + m2


def _vowel_classes(forms: tuple[str, ...]) -> frozenset[str]:
    text = "".join(forms)
    out = set()
    if any(c in text for c in "AE"):
        out.add("A")
    if any(c in text for c in "IYE"):
        out.add("I")
    if any(c in text for c in "OUVW"):
        out.add("U")
    return frozenset(out)


_DIPHTHONG = re.compile(r"[AEIOU]Y")


def _edit_score(r: float) -> float:
    return max(0.0, 0.93 - 2.5 * (1.0 - r))


def token_similarity(a: Token, b: Token) -> tuple[float, str]:
    """(score, kind) of two words."""
    ck = (a.text, a.variant, b.text, b.variant)
    hit = _SIM_CACHE.get(ck)
    if hit is not None:
        return hit
    res = _token_similarity(a, b)
    if len(_SIM_CACHE) >= _SIM_CACHE_MAX:
        _SIM_CACHE.clear()
    _SIM_CACHE[ck] = res
    return res


def _token_similarity(a: Token, b: Token) -> tuple[float, str]:
    if a.text == b.text:
        return 1.0, "exact"
    if not a.formset.isdisjoint(b.formset):
        return 0.97, "transliteration"
    if not a.readings.isdisjoint(b.readings):
        return 0.93, "phonetic"
    # an initial against a word
    for x, y in ((a, b), (b, a)):
        if len(x.text) == 1 and y.forms and len(y.text) > 1:
            fx = x.forms[0] if x.forms else x.text
            if any(f[:1] == fx[:1] for f in y.forms):
                return 0.80, "initial"
            return 0.0, "initial"
    best = 0.0
    kind = "edit_distance"
    if a.written or b.written:
        if a.written and b.written:
            r = Levenshtein.normalized_similarity(a.written, b.written)
            best = _edit_score(r)
        else:
            w, other = (a, b) if a.written else (b, a)
            diph = any(_DIPHTHONG.search(f) for f in other.forms)
            vowels = _vowel_classes(other.forms)
            misses = min((_written_misses(w.written, k, diph, vowels)
                          for k in other.readings.union(other.plain)), default=9.0)
            if misses == 0:
                return 0.92, "written_form"
            best = {0.5: 0.80, 1.0: 0.60}.get(misses, max(0.0, 0.45 - 0.15 * (misses - 1.5)))
            kind = "written_form"
    for x in a.keys:
        for y in b.keys:
            short, long_ = (x, y) if len(x) < len(y) else (y, x)
            if len(long_) == len(short) + 1 and len(short) >= 3 and long_[-1] in VOWELS \
                    and long_.startswith(short):
                # a final vowel added: the other sex's form of the name (Samir/Samirə,
                # François/Françoise, Yevgeni/Yevgenia), not a spelling of it
                continue
            if (a.variant == "hy" or b.variant == "hy") and _inner_vowel_insertion(x, y):
                # an unwritten vowel written out (Sargsyan / Саркисян)
                if 0.85 > best:
                    best, kind = 0.85, "phonetic"
                continue
            r = Levenshtein.normalized_similarity(x, y)
            s = _edit_score(r)
            if s < KEYING_ERROR_SCORE and min(len(x), len(y)) >= 6 and _keying_error(x, y):
                s = KEYING_ERROR_SCORE
            if s > best:
                best, kind = s, "edit_distance"
    return best, kind


#: A long word with one letter left out, typed twice or swapped with its neighbour: not
#: enough to match (Kirillova / Krylova, Herrmann / Hartmann are other names), enough to
#: bring an otherwise agreeing name into the review band (see REVIEW_THRESHOLD).
KEYING_ERROR_SCORE = 0.64


def _keying_error(x: str, y: str) -> bool:
    """One letter dropped, added or transposed after the first (not a substitution: a
    changed letter is usually another name, Makarova / Zakharova)."""
    if x[0] != y[0]:
        return False
    if len(x) != len(y):
        return Levenshtein.distance(x, y, score_cutoff=1) == 1
    return OSA.distance(x, y, score_cutoff=1) == 1 and Levenshtein.distance(x, y) == 2


def _inner_vowel_insertion(x: str, y: str) -> bool:
    """True when one key is the other with one vowel added inside the word."""
    if len(x) == len(y) + 1:
        x, y = y, x
    if len(y) != len(x) + 1 or len(x) < 4:
        return False
    for k in range(1, len(y) - 1):
        if y[k] in VOWELS and y[k - 1] not in VOWELS and y[k + 1] not in VOWELS \
                and y[:k] + y[k + 1:] == x:
            return True
    return False


# --- comparing names ----------------------------------------------------------------------


def _assign(q: tuple[Token, ...], c: tuple[Token, ...]
            ) -> list[tuple[int, int, float, str]]:
    cells = []
    for i, a in enumerate(q):
        for j, b in enumerate(c):
            s, kind = token_similarity(a, b)
            cells.append((-s - (0.001 if a.role == b.role else 0.0), i, j, s, kind))
    if len(cells) == 1:
        _, i, j, s, kind = cells[0]
        return [(i, j, s, kind)]
    cells.sort()
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for _, i, j, s, kind in cells:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append((i, j, s, kind))
    return pairs


def compare_prepared(query: PreparedName, candidate: PreparedName) -> NameComparison:
    """Compare two prepared names (see :func:`prepare`)."""
    result = _compare_words(query, candidate)
    nq, nc = len(query.tokens), len(candidate.tokens)
    if nq != nc and min(nq, nc) >= 1 and max(nq, nc) <= 5 and result.score < 0.97:
        # one name may write as two words what the other writes as one (Mohammad Reza /
        # MOHAMMADREZA, Abdul Rahman / Abdulrahman): try joining two neighbouring words
        longer_is_query = nq > nc
        longer, shorter = (query, candidate) if longer_is_query else (candidate, query)
        for k in range(len(longer.tokens) - 1):
            joined = _joined(longer, k)
            if joined is None:
                continue
            merged = joined.tokens[k]
            if not any(token_similarity(merged, t)[0] >= 0.5 for t in shorter.tokens):
                continue  # the joined word agrees with nothing: no better pairing
            trial = (_compare_words(joined, candidate) if longer_is_query
                     else _compare_words(query, joined))
            if trial.score > result.score:
                result = NameComparison(trial.score, trial.parts, query.original,
                                        candidate.original,
                                        trial.notes + ("two words read as one",))
    return result


def score_bound(query: PreparedName, candidate: PreparedName) -> float:
    """A cheap upper bound of ``compare_prepared(query, candidate).score``.

    Taken from the word scores alone (cached per pair of words), without pairing the
    words, building parts or notes. Every word is paired when both names have as many
    words, so the mean of the pairs is at most the mean of each word's best score (on
    either side), the weakest pair at most the weakest best score, and fewer than two
    words with a best score of 0.5 or more cap the name at 0.5; every other rule (a word
    without counterpart, a father's name, male and female forms) only lowers the score.
    Names with a different number of words may be compared with two words read as one;
    for them the bound is 1.0 (no bound).

    >>> a, b = prepare("Hüseynov Əli"), prepare("Həsənov Vəli")
    >>> compare_prepared(a, b).score <= score_bound(a, b) < DEFAULT_THRESHOLD
    True
    """
    qn, cn = query.tokens, candidate.tokens
    if not qn or not cn:
        return 0.0
    n = len(qn)
    if n != len(cn):
        return 1.0
    if n == 2:
        # two words a side (most names): the words pair one way or the other
        a, b = qn
        c, d = cn
        return min(1.0, max(_pair_bound(token_similarity(a, c)[0], token_similarity(b, d)[0]),
                            _pair_bound(token_similarity(a, d)[0], token_similarity(b, c)[0])) + 1e-4)
    rows = [0.0] * n
    cols = [0.0] * n
    for i, a in enumerate(qn):
        for j, b in enumerate(cn):
            s = token_similarity(a, b)[0]
            if s > rows[i]:
                rows[i] = s
            if s > cols[j]:
                cols[j] = s
    bound = min(min(sum(rows), sum(cols)) / n, min(min(rows), min(cols)) + 0.15)
    if n >= 2 and min(sum(x >= 0.5 for x in rows), sum(x >= 0.5 for x in cols)) < 2:
        bound = min(bound, 0.5)
    # scores are rounded to four decimals
    return min(1.0, bound + 1e-4)


def _pair_bound(x: float, y: float) -> float:
    """The score of two paired words before the rules that only lower it."""
    bound = min((x + y) / 2, min(x, y) + 0.15)
    return bound if x >= 0.5 and y >= 0.5 else min(bound, 0.5)


def _joined(name: PreparedName, k: int) -> PreparedName | None:
    a, b = name.tokens[k], name.tokens[k + 1]
    if a.script != b.script or a.script not in {"Latn", "Cyrl", "Arab"}:
        return None
    merged = _token(a.text + b.text)
    tokens = name.tokens[:k] + (merged,) + name.tokens[k + 2:]
    return PreparedName(name.original, name.normalised, tokens, name.patronymics,
                        name.particles)


def _compare_words(query: PreparedName, candidate: PreparedName) -> NameComparison:
    qn, cn = query.tokens, candidate.tokens
    notes: list[str] = []
    if not qn or not cn:
        return NameComparison(0.0, (), query.original, candidate.original, ("empty name",))
    parts: list[PartMatch] = []
    core: list[float] = []
    gender_conflict = False
    # name words with name words, in any order
    pairs = _assign(qn, cn)
    for i, j, s, kind in pairs:
        a, b = qn[i], cn[j]
        if a.gender and b.gender and a.gender != b.gender:
            gender_conflict = True
        core.append(s)
        parts.append(PartMatch(a.text, b.text, kind, s))
    if len(pairs) == len(qn) == len(cn):
        left_q = left_c = []
    else:
        used_q = {p[0] for p in pairs}
        used_c = {p[1] for p in pairs}
        left_q = [t for i, t in enumerate(qn) if i not in used_q]
        left_c = [t for j, t in enumerate(cn) if j not in used_c]
    # patronymics with patronymics; an unmarked patronymic (a third name word on one side)
    # may stand against the other side's marked one
    qp = query.patronymics + tuple(left_q)
    cp = candidate.patronymics + tuple(left_c)
    patr_penalty = 1.0
    missing = 0
    if qp and cp:
        ppairs = _assign(qp, cp)
    else:
        ppairs = []
    done_q, done_c = set(), set()
    for i, j, s, kind in ppairs:
        a, b = qp[i], cp[j]
        both_marked = a.role == "patronymic" and b.role == "patronymic"
        if not both_marked and s < 0.7:
            continue  # not the same word: leave both unpaired
        done_q.add(i)
        done_c.add(j)
        if a.gender and b.gender and a.gender != b.gender and both_marked:
            gender_conflict = True
        if s < 0.5:
            patr_penalty = min(patr_penalty, 0.75)
            notes.append("different father's names")
        elif s < 0.7:
            patr_penalty = min(patr_penalty, 0.9)
        parts.append(PartMatch(a.text, b.text, kind, s))
    for side, toks, done in (("q", qp, done_q), ("c", cp, done_c)):
        for i, t in enumerate(toks):
            if i in done:
                continue
            kind = "extra_patronymic" if t.role == "patronymic" else "missing"
            missing += kind == "missing"
            parts.append(PartMatch(t.text if side == "q" else "", t.text if side == "c" else "",
                                   kind, 1.0 if kind != "missing" else 0.0))
    mean = sum(core) / len(core)
    score = min(mean, min(core) + 0.15)
    if missing:
        score *= 0.97 ** missing
        notes.append(f"{missing} name word(s) without counterpart")
    good = sum(1 for x in core if x >= 0.5)
    if good < 2 and (len(qn) >= 2 or len(cn) >= 2):
        score = min(score, 0.5)
        notes.append("only one name word agrees")
    if gender_conflict:
        score *= 0.6
        notes.append("male and female name forms")
    score = max(0.0, min(1.0, score * patr_penalty))
    return NameComparison(round(score, 4), tuple(parts), query.original, candidate.original,
                          tuple(notes))


def clear_caches() -> None:
    """Forget every cached reading and word comparison (for benchmarks and tests)."""
    from . import persian, phonetic, translit

    prepare.cache_clear()
    _token.cache_clear()
    _mandatory.cache_clear()
    _SIM_CACHE.clear()
    translit.word_forms.cache_clear()
    persian.persian_forms.cache_clear()
    persian.persian_skeleton.cache_clear()
    for fn in (phonetic.sound_key, phonetic.sound_keys, phonetic.skeleton):
        fn.cache_clear()


def compare(query: str, candidate: str) -> NameComparison:
    """Compare two names written in any script and in any order."""
    return compare_prepared(prepare(query), prepare(candidate))


# --- blocking keys ------------------------------------------------------------------------


def keys(name: str | PreparedName) -> frozenset[str]:
    """Blocking keys: ``2:`` keys pair two name words' consonant skeletons (selective),
    ``1:`` keys are single words' skeletons (frequent; weigh them by frequency)."""
    p = prepare(name) if isinstance(name, str) else name
    toks = (p.tokens or p.patronymics)[:_KEY_WORDS]
    per = [t.blocks for t in toks]
    out: set[str] = set()
    for sk in per:
        for s in sk:
            out.add("1:" + s)
    n = len(per)
    for x in range(n):
        for y in range(x + 1, n):
            for s1 in per[x]:
                for s2 in per[y]:
                    out.add(f"2:{s1}|{s2}" if s1 <= s2 else f"2:{s2}|{s1}")
    return frozenset(out)
