"""Typed results of reading a machine readable zone.

A :class:`MRZResult` holds every field of the document, whether the zone is ``valid``,
and three tuples that explain it: ``errors`` (each makes the zone invalid), ``warnings``
(accepted, but worth a look) and ``corrections`` (characters changed in correction mode,
each one confirmed by a check digit). An :class:`MRZProblem` names the field, the line,
the 1-based positions, what was expected and what was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["Correction", "MRZError", "MRZProblem", "MRZResult", "MRZWarning"]


@dataclass(frozen=True, slots=True)
class MRZProblem:
    """Something wrong or odd at a place in the zone.

    ``code`` is a stable machine-readable kind (``check_digit``, ``charset``,
    ``structure``, ``unknown_code``, ``date``, ``sex``, ``document_code``, ``name``,
    ``long_number``, ``specimen_code``, ...). ``line`` and ``positions`` are 1-based;
    ``positions`` is ``(first, last)`` and both are ``None`` for problems of the whole
    input (e.g. a wrong number of lines).
    """

    code: str
    field: str | None
    line: int | None
    positions: tuple[int, int] | None
    expected: str | None
    found: str | None
    message: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "field": self.field,
            "line": self.line,
            "positions": list(self.positions) if self.positions else None,
            "expected": self.expected,
            "found": self.found,
            "message": self.message,
            "suggestion": self.suggestion,
        }

    def __str__(self) -> str:
        return self.message


class MRZError(MRZProblem):
    """A problem that makes the zone invalid."""

    __slots__ = ()


class MRZWarning(MRZProblem):
    """A problem that leaves the zone valid (specimen code, filler check digit, ...)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Correction:
    """One character changed by correction mode.

    ``confirmed_by`` names the check digits that cover the position and agree with the
    corrected text. It is empty only for ``«`` -> ``<``: not an MRZ character, with no
    other reading; every other correction needs a confirming check digit.
    """

    field: str
    line: int
    position: int
    found: str
    replacement: str
    confirmed_by: tuple[str, ...]

    @property
    def message(self) -> str:
        why = (
            f"confirmed by check digit of {', '.join(self.confirmed_by)}"
            if self.confirmed_by
            else f"{self.found} is not an MRZ character; its only reading is {self.replacement}"
        )
        return (
            f"corrected {self.field} at line {self.line} pos {self.position}: "
            f"{self.found} -> {self.replacement} ({why})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "line": self.line,
            "position": self.position,
            "found": self.found,
            "replacement": self.replacement,
            "confirmed_by": list(self.confirmed_by),
            "message": self.message,
        }


# Not slots=True: the parser fills the instance dict in one step (see _result_from_dict),
# which is several times faster than the frozen dataclass __init__ on the hot path.
@dataclass(frozen=True)
class MRZResult:
    """Everything read from one machine readable zone.

    Text fields hold the MRZ characters with fillers removed: ``issuing_state`` is
    ``"D"`` for ``D<<``, ``surname`` and ``given_names`` are the MRZ name components
    joined by single spaces, ``document_number`` is the whole number (a long TD1/TD2
    number is reassembled from its overflow), ``optional_data`` excludes that overflow.
    ``sex`` is ``"F"``, ``"M"`` or ``"X"`` (the MRZ filler ``<`` means unspecified).
    ``*_date`` are ``None`` when the date is partly unknown or invalid; ``*_date_raw``
    are the six characters as printed. Fields that could not be read are ``None``.
    """

    format: str | None
    lines: tuple[str, ...]
    document_code: str | None = None
    issuing_state: str | None = None
    document_number: str | None = None
    nationality: str | None = None
    surname: str | None = None
    given_names: str | None = None
    name_truncated: bool = False
    birth_date_raw: str | None = None
    birth_date: date | None = None
    sex: str | None = None
    expiry_date_raw: str | None = None
    expiry_date: date | None = None
    optional_data: str | None = None
    optional_data_2: str | None = None
    errors: tuple[MRZError, ...] = ()
    warnings: tuple[MRZWarning, ...] = ()
    corrections: tuple[Correction, ...] = field(default=())

    @property
    def valid(self) -> bool:
        """True when the zone has no error (an expired document can be valid)."""
        return not self.errors

    def expired(self, on: date | None = None) -> bool | None:
        """Whether the document expired before *on* (default today); ``None`` if unknown."""
        if self.expiry_date is None:
            return None
        return self.expiry_date < (on or date.today())

    def to_dict(self, on: date | None = None) -> dict[str, Any]:
        """The JSON-ready mapping printed by ``sarhad mrz check``."""
        return {
            "valid": not self.errors,
            "format": self.format,
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "surname": self.surname,
            "given_names": self.given_names,
            "name_truncated": self.name_truncated,
            "birth_date_raw": self.birth_date_raw,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "sex": self.sex,
            "expiry_date_raw": self.expiry_date_raw,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "expired": self.expired(on),
            "optional_data": self.optional_data,
            "optional_data_2": self.optional_data_2,
            "mrz": list(self.lines),
            "errors": [e.to_dict() for e in self.errors],
            "warnings": [w.to_dict() for w in self.warnings],
            "corrections": [c.to_dict() for c in self.corrections],
        }


_new = object.__new__
_set = object.__setattr__


def result_from_dict(values: dict[str, Any]) -> MRZResult:
    """Build an :class:`MRZResult` from a dict holding every field (the parser's fast path).

    Equivalent to ``MRZResult(**values)`` without the per-field ``object.__setattr__``
    calls of a frozen dataclass ``__init__``; the instance stays frozen.
    """
    result = _new(MRZResult)
    _set(result, "__dict__", values)
    return result
