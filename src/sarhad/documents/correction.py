"""Correction mode: undo scanner confusions that the check digits confirm.

OCR engines and keyboard-wedge scanners confuse ``O``/``0``, ``I``/``1``, ``B``/``8``,
``S``/``5``, ``Z``/``2`` and ``G``/``6``, and some render the filler as ``«``. A wrong
"correction" is worse than none (it turns one person into another), so this module
follows three rules:

1. A character is only changed where the field's type forbids it: a letter in a date or
   a check digit becomes the digit it is confused with. Fields that may hold both
   letters and digits (document number, optional data) are never changed, and neither
   are fields no check digit covers (name, codes, sex): for those, errors carry a
   *suggestion* instead.
2. The changes are kept only if, afterwards, every check digit of the zone agrees; if
   any disagrees, none is kept and a ``correction_rejected`` warning says what was tried.
3. Every change is reported as a :class:`~sarhad.documents.model.Correction` naming the
   check digits that confirm it. The one change without a check digit is ``«`` -> ``<``:
   ``«`` is not an MRZ character and has no other reading.
"""

from __future__ import annotations

from datetime import date

from .layouts import Layout, MRVA, MRVB, TD2, TD3, field_at
from .model import Correction, MRZResult, MRZWarning
from .parser import LETTER_TO_DIGIT, _validate

__all__ = ["correct_zone", "numeric_positions"]

_FILLER_GLYPHS = "«‹"
_UNCONFIRMED = frozenset({"check_digit", "long_number", "charset"})


def numeric_positions(layout: Layout) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Offsets that may only hold digits -> (field, check digits covering them)."""
    composite = layout.composite_cd is not None

    def covered(offset: int) -> bool:
        return any(a <= offset < b for a, b in layout.composite_spans)

    def confirmers(own: str, offset: int) -> tuple[str, ...]:
        return (own, "composite") if composite and covered(offset) else (own,)

    positions: dict[int, tuple[str, tuple[str, ...]]] = {}
    for field, (a, b), cd in (
        ("date_of_birth", layout.birth_date, layout.birth_date_cd),
        ("date_of_expiry", layout.expiry_date, layout.expiry_date_cd),
    ):
        for offset in range(a, b):
            positions[offset] = (field, confirmers(field, offset))
        positions[cd] = (f"check digit of {field}", confirmers(field, cd))
    positions[layout.document_number_cd] = (
        "check digit of document_number",
        confirmers("document_number", layout.document_number_cd))
    if layout.optional_data_cd is not None:
        positions[layout.optional_data_cd] = (
            "check digit of optional_data",
            confirmers("optional_data", layout.optional_data_cd))
    if layout.composite_cd is not None:
        positions[layout.composite_cd] = ("composite check digit", ("composite",))
    return positions


_NUMERIC = {}


def _numeric(layout: Layout):
    table = _NUMERIC.get(layout.name)
    if table is None:
        table = _NUMERIC[layout.name] = numeric_positions(layout)
    return table


def correct_zone(s: str, layout: Layout, lines: list[str], today: date, specimen: bool,
                 warnings: list) -> MRZResult:
    """Validate *s* after undoing the confusions that every check digit confirms."""
    if s[0] == "V":
        layout = MRVA if layout is TD3 else MRVB if layout is TD2 else layout
    width = layout.width
    chars = list(s)
    kept: list[Correction] = []
    for i, c in enumerate(chars):
        if c in _FILLER_GLYPHS:
            chars[i] = "<"
            line, pos = divmod(i, width)
            kept.append(Correction(field_at(layout, i), line + 1, pos + 1, c, "<", ()))
    base = "".join(chars)

    tried: list[Correction] = []
    for offset, (field, confirmed_by) in _numeric(layout).items():
        c = chars[offset]
        digit = LETTER_TO_DIGIT.get(c)
        if digit is not None:
            chars[offset] = digit
            line, pos = divmod(offset, width)
            tried.append(Correction(field, line + 1, pos + 1, c, digit, confirmed_by))

    def lines_of(text: str) -> list[str]:
        return [text[i:i + width] for i in range(0, len(text), width)]

    if tried:
        fixed = "".join(chars)
        result = _validate(fixed, layout, lines_of(fixed), today, specimen, [], list(warnings))
        # A check digit over a character outside the alphabet is not computed, so any
        # charset error left would let a correction through unconfirmed.
        if not any(e.code in _UNCONFIRMED for e in result.errors):
            corrections = tuple(sorted(kept + tried, key=lambda c: (c.line, c.position)))
            return _with(result, corrections)
        tried_text = "; ".join(
            f"line {c.line} pos {c.position} {c.found!r}->{c.replacement!r}" for c in tried)
        warnings.append(MRZWarning(
            "correction_rejected", None, None, None, None, None,
            f"corrections not kept because the check digits do not confirm them: {tried_text}"))
    result = _validate(base, layout, lines_of(base) if kept else lines, today, specimen, [],
                       warnings)
    return _with(result, tuple(kept)) if kept else result


def _with(result: MRZResult, corrections: tuple[Correction, ...]) -> MRZResult:
    from dataclasses import replace

    notes = tuple(
        MRZWarning("corrected", c.field, c.line, (c.position, c.position), c.found,
                   c.replacement, c.message)
        for c in corrections)
    return replace(result, corrections=corrections, warnings=result.warnings + notes)
