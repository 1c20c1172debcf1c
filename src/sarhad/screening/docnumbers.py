"""Travel document numbers as OCR reads them.

Document readers and officers typing from the page confuse a handful of glyph pairs that
look alike in OCR-B and in print: O/0, I/1, B/8, S/5, Z/2 and G/6. A lost passport
``C0I234S67`` and a scanned ``C01234567`` are the same document. Both sides are
therefore brought to one *canonical* form (each confusable letter replaced by the digit
it is confused with) before comparison, and the match says which confusion was bridged.

The canonical form is only a matching key; the number as listed is kept and shown.

>>> canonical("c0I-234 S67")
'C01234567'
>>> bridged_confusions("C0I234S67", "C01234567")
((3, 'I', '1'), (7, 'S', '5'))
"""

from __future__ import annotations

import re

from .model import DocumentMatch, DocumentRef

__all__ = ["CONFUSIONS", "bridged_confusions", "canonical", "match_document"]

#: letter -> digit it is confused with (ICAO 9303 OCR-B; the usual scanner mistakes)
CONFUSIONS: dict[str, str] = {"O": "0", "I": "1", "B": "8", "S": "5", "Z": "2", "G": "6"}

_TABLE = str.maketrans(CONFUSIONS)
_STRIP = re.compile(r"[\s\-<./]")


def canonical(number: str) -> str:
    """Upper case, separators removed, confusable letters mapped to digits."""
    return _STRIP.sub("", number).upper().translate(_TABLE)


def bridged_confusions(query: str, listed: str) -> tuple[tuple[int, str, str], ...]:
    """Positions (1-based) where two numbers with the same canonical form differ."""
    q = _STRIP.sub("", query).upper()
    e = _STRIP.sub("", listed).upper()
    return tuple((i + 1, a, b) for i, (a, b) in enumerate(zip(q, e)) if a != b)


def match_document(query: DocumentRef, listed: DocumentRef) -> DocumentMatch | None:
    """A :class:`DocumentMatch` when the numbers agree up to OCR confusions and the
    issuing states do not contradict each other; else ``None``."""
    if canonical(query.number) != canonical(listed.number):
        return None
    if query.issuing_state and listed.issuing_state:
        if query.issuing_state != listed.issuing_state:
            return None
        state_agrees: bool | None = True
    else:
        state_agrees = None
    return DocumentMatch(
        query=query,
        entry=listed,
        bridged=bridged_confusions(query.number, listed.number),
        state_agrees=state_agrees,
    )
