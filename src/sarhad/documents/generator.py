"""Write machine readable zones for all five ICAO 9303 layouts.

Used for the visas and permits Sarhad issues and for test data. The name is
transliterated and truncated per Part 3 (see :mod:`sarhad.documents.transliteration`),
check digits are computed, and TD1/TD2 document numbers longer than nine characters
overflow into the optional data as Part 5 and Part 6 (note j) prescribe.

>>> for line in generate("TD3", document_code="P", issuing_state="UTO",
...                      surname="Eriksson", given_names="Anna María",
...                      document_number="L898902C3", nationality="UTO",
...                      birth_date="740812", sex="F", expiry_date="120415",
...                      optional_data="ZE184226B"):
...     print(line)
P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10
>>> generate("TD1", issuing_state="AZE", surname="Quliyev", given_names="Rauf",
...          document_number="AA1234567890", nationality="AZE",
...          birth_date="900101", sex="M", expiry_date="300101")[0]
'I<AZEAA1234567<8901<<<<<<<<<<<'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .checkdigit import DIGITS, is_mrz_text, value_bytes, weighted
from .countries import compact_code, is_known_code
from .layouts import LAYOUTS, Layout
from .transliteration import mrz_name, truncate_name

__all__ = ["GenerateError", "generate"]

_DEFAULT_CODES = {"TD1": "I", "TD2": "I", "TD3": "P", "MRVA": "V", "MRVB": "V"}
_ALIASES = {"MRV-A": "MRVA", "MRV-B": "MRVB"}
_SEX = {"F": "F", "M": "M", "X": "<", "<": "<", "": "<"}


class GenerateError(ValueError):
    """A field value that cannot be written into the requested layout."""


def _cd(text: str) -> str:
    return DIGITS[weighted(value_bytes(text))]


def _mrz_text(value: str, field: str) -> str:
    text = str(value).strip().upper().replace(" ", "<")
    if not is_mrz_text(text):
        raise GenerateError(f"{field} {value!r} has characters outside A-Z, 0-9, <")
    return text


def _code(value: str, field: str, specimen: bool) -> str:
    code = compact_code(str(value))
    if not is_known_code(code, specimen=specimen):
        raise GenerateError(f"{field} {value!r} is not a known country or ICAO code")
    return code.ljust(3, "<")


def _date(value: date | str, field: str) -> str:
    if isinstance(value, date):
        return f"{value:%y%m%d}"
    text = str(value).strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":  # ISO date
        try:
            return f"{date.fromisoformat(text):%y%m%d}"
        except ValueError as exc:
            raise GenerateError(f"{field} {value!r}: {exc}") from None
    if len(text) != 6 or not all(c.isdigit() or c == "<" for c in text):
        raise GenerateError(f"{field} {value!r} must be a date, YYYY-MM-DD or YYMMDD")
    return text


def _fit(text: str, width: int, field: str) -> str:
    if len(text) > width:
        raise GenerateError(f"{field} {text!r} is longer than {width} characters")
    return text.ljust(width, "<")


def generate(
    format: str,
    *,
    issuing_state: str,
    document_number: str,
    nationality: str,
    birth_date: date | str,
    sex: str | None,
    expiry_date: date | str,
    surname: str = "",
    given_names: str = "",
    name: str | None = None,
    document_code: str | None = None,
    optional_data: str = "",
    optional_data_2: str = "",
    lang: str | None = None,
    choices: Mapping[str, str] | None = None,
    specimen: bool = True,
) -> tuple[str, ...]:
    """Return the MRZ lines of one document.

    *format* is ``TD1``, ``TD2``, ``TD3``, ``MRVA`` or ``MRVB``. The name comes either
    from *surname* and *given_names* as printed in the visual zone (transliterated with
    *lang* and *choices*), or from *name*, an MRZ name already transliterated
    (``"ERIKSSON<<ANNA<MARIA"``). Dates are :class:`datetime.date`, ISO text or the six
    MRZ characters (``<`` for unknown parts of a birth date). *sex* is F, M or X.
    ``optional_data_2`` is line 2's optional field of a TD1. Raises
    :class:`GenerateError` for a value that does not fit.
    """
    layout: Layout | None = LAYOUTS.get(_ALIASES.get(format.upper(), format.upper()))
    if layout is None:
        raise GenerateError(f"unknown format {format!r}; use TD1, TD2, TD3, MRVA or MRVB")
    code = _mrz_text(document_code or _DEFAULT_CODES[layout.name], "document_code")
    code = _fit(code, 2, "document_code")
    issuer = _code(issuing_state, "issuing_state", specimen)
    nation = _code(nationality, "nationality", specimen)
    number = _mrz_text(document_number, "document_number").rstrip("<")
    if not number or "<" in number:
        raise GenerateError(f"document_number {document_number!r} must be letters and digits")
    dob = _date(birth_date, "birth_date")
    expiry = _date(expiry_date, "expiry_date")
    if "<" in expiry:
        raise GenerateError("expiry_date must be a complete date")
    sex_char = _SEX.get((sex or "").strip().upper())
    if sex_char is None:
        raise GenerateError(f"sex {sex!r} must be F, M or X")
    name_len = layout.name_field[1] - layout.name_field[0]
    if name is not None:
        mrz = _mrz_text(name, "name")
        primary, _, secondary = mrz.strip("<").partition("<<")
        primary, secondary = primary.strip("<"), secondary.strip("<")
        if not primary:
            # A single identifier is written as the primary one (Part 3, 4.6).
            primary, secondary = secondary, ""
        if not primary or not primary.replace("<", "").isalpha():
            raise GenerateError(f"name {name!r} must be letters and fillers, not empty")
        name_field = truncate_name(primary, secondary, name_len)
    else:
        name_field = mrz_name(surname, given_names, name_len, lang, choices=choices)
    optional = _mrz_text(optional_data or "", "optional_data")
    optional_2 = _mrz_text(optional_data_2 or "", "optional_data_2")
    opt_len = layout.optional_data[1] - layout.optional_data[0]

    if len(number) > 9:
        if not layout.long_number:
            raise GenerateError(
                f"document_number {number!r} is longer than 9 characters, which "
                f"{layout.name} does not allow")
        number_field = number[:9]
        number_cd = "<"
        overflow = number[9:] + _cd(number)
        if optional:
            optional = overflow + "<" + optional
        elif len(overflow) < opt_len:
            optional = overflow + "<"
        else:
            optional = overflow
        optional = _fit(optional, opt_len, "document_number overflow + optional_data")
    else:
        number_field = number.ljust(9, "<")
        number_cd = _cd(number_field)
        optional = _fit(optional, opt_len, "optional_data")

    dob_part = dob + _cd(dob)
    expiry_part = expiry + _cd(expiry)
    if layout.name == "TD1":
        optional_2 = _fit(optional_2, 11, "optional_data_2")
        upper = number_field + number_cd + optional
        middle = dob_part + sex_char + expiry_part + nation + optional_2
        composite = _cd(upper + dob_part + expiry_part + optional_2)
        return _checked(layout, (code + issuer + upper, middle + composite, name_field))
    if optional_2:
        raise GenerateError(f"optional_data_2 exists only on TD1, not {layout.name}")
    line1 = code + issuer + name_field
    body = number_field + number_cd + nation + dob_part + sex_char + expiry_part
    if layout.name == "TD3":
        optional_cd = "0" if optional == "<" * opt_len else _cd(optional)
        composite = _cd(number_field + number_cd + dob_part + expiry_part + optional
                        + optional_cd)
        line2 = body + optional + optional_cd + composite
    elif layout.name == "TD2":
        composite = _cd(number_field + number_cd + dob_part + expiry_part + optional)
        line2 = body + optional + composite
    else:
        line2 = body + optional
    return _checked(layout, (line1, line2))


def _checked(layout: Layout, lines: tuple[str, ...]) -> tuple[str, ...]:
    """Read the zone back: a rule a field value breaks (say a TD1 code AI) is refused."""
    from .parser import parse

    result = parse(lines, on=date.today())
    if result.format != layout.name:
        raise GenerateError(f"document_code {lines[0][:2]} makes the zone a {result.format}, "
                            f"not a {layout.name}")
    if result.errors:
        problems = "; ".join(e.message for e in result.errors)
        raise GenerateError(f"the {layout.name} zone would be invalid: {problems}")
    return lines
