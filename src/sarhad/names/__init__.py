"""Personal names across scripts: normalise, transliterate, compare, and block.

The pure kernel behind watchlist screening. It imports no Django and does no I/O.

>>> from sarhad import names
>>> names.compare("Məmmədov Əli Həsən oğlu", "MAMMADOV ALI").is_match()
True
>>> names.compare("Hüseynov Əli", "Həsənov Əli").is_match()
False
>>> names.latin_forms("Мамедов Али")[0]
'MAMEDOV ALI'

Contract (used by :mod:`sarhad.screening`):

* :func:`normalise` — upper-case words in their own script, punctuation and marks removed.
* :func:`latin_forms` — plausible Latin romanisations of the whole name, upper-case ASCII
  words separated by single spaces, the primary (MRZ) form first.
* :func:`keys` — blocking keys. ``"2:A|B"`` keys pair the consonant skeletons of two name
  words and are selective; ``"1:A"`` keys are single-word skeletons, frequent for common
  names: the index should weigh keys by inverse frequency (or cap long posting lists)
  rather than treat them equally.
* :func:`compare` / :func:`compare_prepared` — a :class:`NameComparison` with ``.score`` in
  [0, 1], ``.parts`` (:class:`PartMatch`: query part, candidate part, kind, score) and
  ``.explain()``.
* :func:`prepare` — a :class:`PreparedName` to compare many times; :data:`DEFAULT_THRESHOLD`
  (match) and :data:`REVIEW_THRESHOLD` (worth a person's look).
"""

from __future__ import annotations

from .compare import (
    DEFAULT_THRESHOLD,
    REVIEW_THRESHOLD,
    NameComparison,
    PartMatch,
    PreparedName,
    Token,
    compare,
    compare_prepared,
    keys,
    prepare,
    score_bound,
)
from .normalise import detect_script, normalise

__all__ = [
    "DEFAULT_THRESHOLD",
    "REVIEW_THRESHOLD",
    "NameComparison",
    "PartMatch",
    "PreparedName",
    "Token",
    "compare",
    "compare_prepared",
    "detect_script",
    "keys",
    "latin_forms",
    "normalise",
    "prepare",
    "score_bound",
]


def latin_forms(name: str) -> tuple[str, ...]:
    """Plausible Latin romanisations of a name, upper-case ASCII, primary first.

    The k-th form uses each word's k-th romanisation (so one system is applied to the
    whole name at a time); a word with fewer forms keeps its last one.
    """
    p = prepare(name)
    words = [t.forms for t in p.tokens + p.patronymics if t.forms]
    if not words:
        return ()
    out = []
    for k in range(max(len(w) for w in words)):
        out.append(" ".join(w[min(k, len(w) - 1)] for w in words))
    return tuple(dict.fromkeys(out))
