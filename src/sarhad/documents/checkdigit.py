"""The ICAO 9303 check digit (7-3-1).

Every check digit of a machine readable zone is computed the same way (ICAO Doc 9303
Part 3, section 4.9): each character gets a value (``0``-``9`` are themselves, ``A`` is
10 ... ``Z`` is 35, the filler ``<`` is 0), the values are multiplied by the weights
7, 3, 1, 7, 3, 1, ... from left to right, and the check digit is the sum modulo 10.

Source: https://www.icao.int/publications/Documents/9303_p3_cons_en.pdf (Appendix A).

>>> compute("520727")
'3'
>>> compute("AB2134<<<")
'5'
>>> is_valid("L898902C3", "6")
True
>>> is_valid("L898902C3", "7")
False
>>> compute("a")
Traceback (most recent call last):
  ...
sarhad.documents.checkdigit.InvalidCharacter: 'a' is not an MRZ character (A-Z, 0-9, <)
"""

from __future__ import annotations

import re

__all__ = ["ALPHABET", "InvalidCharacter", "compute", "is_valid", "value_bytes", "weighted"]

#: The MRZ alphabet: upper-case Latin letters, digits and the filler.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"

DIGITS = "0123456789"

# bytes.translate table: ASCII code of an MRZ character -> its value (0..35). Any other
# byte maps to 255 so that a caller that forgot to check the alphabet gets a wrong
# digit rather than a plausible one.
_VALUE_TABLE = bytearray(b"\xff" * 256)
for _value, _char in enumerate(ALPHABET[:36]):
    _VALUE_TABLE[ord(_char)] = _value
_VALUE_TABLE[ord("<")] = 0
VALUE_TABLE = bytes(_VALUE_TABLE)

is_mrz_text = re.compile(r"[0-9A-Z<]*").fullmatch


class InvalidCharacter(ValueError):
    """A character outside ``A-Z``, ``0-9`` and ``<``."""


def value_bytes(text: str) -> bytes:
    """The values of the characters of *text* as bytes (``"A<1"`` -> ``b"\\x0a\\x00\\x01"``).

    *text* must already be known to use the MRZ alphabet only.
    """
    return text.encode("ascii").translate(VALUE_TABLE)


def weighted(values: bytes) -> int:
    """The 7-3-1 check digit (as an int) of a run of character values.

    Summing every third value with a slice keeps the loop in C, which is several times
    faster than a per-character Python loop.
    """
    return (sum(values[0::3]) * 7 + sum(values[1::3]) * 3 + sum(values[2::3])) % 10


def compute(text: str) -> str:
    """Return the check digit of *text* as a one-character string."""
    if not is_mrz_text(text):
        bad = next(c for c in text if c not in ALPHABET)
        raise InvalidCharacter(f"{bad!r} is not an MRZ character (A-Z, 0-9, <)")
    return DIGITS[weighted(value_bytes(text))]


def is_valid(text: str, check_digit: str) -> bool:
    """Whether *check_digit* is the check digit of *text*."""
    return compute(text) == check_digit
