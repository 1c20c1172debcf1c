"""Read and validate ICAO 9303 machine readable zones.

:func:`parse` takes the two or three MRZ lines of a passport (TD3), identity card (TD1,
TD2) or visa (MRV-A, MRV-B) and returns an :class:`~sarhad.documents.model.MRZResult`
with every field, whether the zone is valid, and errors that say what is wrong and where.
It never raises on bad input: a wrong number of lines, a character outside ``A-Z 0-9 <``
or mixed layouts all come back as specific errors.

What is checked (Doc 9303 Parts 3-7, see ``docs/documents.md``): the layout, the
alphabet, each check digit and the composite check digit over its exact ranges, long
TD1/TD2 document numbers, the document code, the issuing State and nationality codes,
dates (partly unknown birth dates are allowed), sex and the name field.

>>> r = parse('''P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
... L898902C36UTO7408122F1204159ZE184226B<<<<<10''')
>>> r.valid, r.format, r.document_number, r.surname, r.given_names
(True, 'TD3', 'L898902C3', 'ERIKSSON', 'ANNA MARIA')
>>> r.birth_date, r.optional_data, [w.code for w in r.warnings]
(datetime.date(1974, 8, 12), 'ZE184226B', ['specimen_code', 'specimen_code'])
>>> bad = parse('''P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
... L898902C36UTO7408123F1204159ZE184226B<<<<<10''')
>>> [e.message for e in bad.errors]
['check digit of date_of_birth at line 2 pos 20: expected 2, found 3', 'composite check digit at line 2 pos 44: expected 3, found 0']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from .checkdigit import DIGITS, VALUE_TABLE
from .countries import COUNTRIES, DEPRECATED_CODES, SPECIMEN_CODES
from .layouts import MRVA, MRVB, TD1, TD2, TD3, Layout, field_at
from .model import MRZError, MRZResult, MRZWarning, result_from_dict

__all__ = ["check_text", "iter_documents", "parse", "parse_many", "split_documents"]

# Letters a keyboard-wedge scanner or OCR engine reads in place of digits, and back.
# Only these pairs are tried by correction mode (and suggested in error messages).
LETTER_TO_DIGIT = {"O": "0", "I": "1", "B": "8", "S": "5", "Z": "2", "G": "6"}
DIGIT_TO_LETTER = {digit: letter for letter, digit in LETTER_TO_DIGIT.items()}
_DIGIT_TO_LETTER_TABLE = str.maketrans(DIGIT_TO_LETTER)

_TD3_TYPES = frozenset("<PEDORTSLM")
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WIDTH_NAMES = {30: "TD1", 36: "TD2/MRV-B", 44: "TD3/MRV-A"}
_SHAPES = {(3, 30): TD1, (2, 36): TD2, (2, 44): TD3}
_FAST_SHAPES = {shape: (layout, layout.length) for shape, layout in _SHAPES.items()}
_BY_TOTAL = {90: (3, 30), 72: (2, 36), 88: (2, 44)}
_SEX = {"F": "F", "M": "M", "<": "X"}


# --------------------------------------------------------------------------- input


def iter_documents(lines: Iterable[str]) -> Iterator[list[str]]:
    """Group lines into documents: runs of non-blank lines (streams, for big inputs)."""
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip("\r\n"))
        elif current:
            yield current
            current = []
    if current:
        yield current


def split_documents(text: str) -> list[list[str]]:
    """Split scanner output into documents: runs of non-blank lines.

    >>> split_documents("A\\r\\nB\\r\\n\\r\\n \\nC\\nD\\nE\\n")
    [['A', 'B'], ['C', 'D', 'E']]
    """
    return list(iter_documents(text.splitlines()))


def _problem(cls, code, field, layout, start, end, expected, found, what, suggestion=None,
             detail=None):
    """Build an error or warning located at offsets ``start..end-1`` of the zone."""
    width = layout.width
    line, first = divmod(start, width)
    last = (end - 1) % width
    line += 1
    first += 1
    last += 1
    where = f"line {line} pos {first}" if first == last else f"line {line} pos {first}-{last}"
    message = f"{what} at {where}"
    if expected is not None or found is not None:
        message += f": expected {expected}, found {found}"
    if detail:
        message += f": {detail}"
    if suggestion:
        message += f" (did you mean {suggestion}?)"
    return cls(code, field, line, (first, last), expected, found, message, suggestion)


def _text(item: object) -> str:
    if isinstance(item, (bytes, bytearray)):
        return item.decode("utf-8", "replace")  # undecodable bytes become charset errors
    return str(item)


def _structure_error(message: str) -> MRZError:
    return MRZError("structure", None, None, None, None, None, message)


def _normalise(mrz: str | bytes | Sequence[str | bytes], warnings: list
               ) -> tuple[str | None, Layout | None, list[str], MRZError | None]:
    """Return ``(joined, layout, lines, error)`` from raw scanner text or lines."""
    if isinstance(mrz, str):
        # Fast path: clean scanner output, lines separated by LF only.
        raw = mrz.split("\n")
        width = len(raw[0])
        layout = _SHAPES.get((len(raw), width))
        if layout is not None and len(raw[1]) == width:
            joined = "".join(raw)
            # Every line has the layout's width; isupper: no lower case (the alphabet
            # itself is checked in _validate).
            if len(joined) == layout.length and joined.isupper():
                return joined, layout, raw, None
        raw = mrz.splitlines()
    elif isinstance(mrz, (bytes, bytearray)):
        raw = mrz.decode("utf-8", "replace").splitlines()
    else:
        raw = [part for item in mrz for part in _text(item).splitlines()]
    lines = []
    lowered = False
    for item in raw:
        item = item.strip()
        if not item:
            continue
        if item.isascii():
            upper = item.upper()
        else:
            upper = item.translate(_ASCII_UPPER)
        if upper != item:
            lowered = True
        lines.append(upper)
    if lowered:
        warnings.append(MRZWarning(
            "lowercase", None, None, None, None, None,
            "input had lower-case letters; read as upper case"))
    if not lines:
        return None, None, lines, _structure_error("no MRZ lines in the input")
    count = len(lines)
    width = len(lines[0])
    layout = _SHAPES.get((count, width))
    if layout is not None and all(len(line) == width for line in lines):
        return "".join(lines), layout, lines, None
    joined = "".join(lines)
    shape = _BY_TOTAL.get(len(joined))
    lengths = [len(line) for line in lines]
    # Right total, wrong line breaks: a glued or split line. Not when a line already
    # has another layout's width (44 + 44 + 2 characters is not a TD1).
    if shape is not None and not any(n in _WIDTH_NAMES and n != shape[1] for n in lengths):
        n, w = shape
        lines = [joined[i * w:(i + 1) * w] for i in range(n)]
        warnings.append(MRZWarning(
            "line_breaks", None, None, None, None, None,
            f"input had {count} line(s) of {', '.join(map(str, lengths))} characters; "
            f"read as {n} lines of {w}"))
        return joined, _SHAPES[shape], lines, None
    known = [w for w in lengths if w in _WIDTH_NAMES]
    if len(set(known)) > 1:
        parts = ", ".join(
            f"line {i} has {w} characters ({_WIDTH_NAMES.get(w, 'no layout')})"
            for i, w in enumerate(lengths, 1))
        return None, None, lines, _structure_error(f"mixed layouts: {parts}")
    return None, None, lines, _structure_error(
        "expected 3 lines of 30 characters (TD1), 2 lines of 36 (TD2, MRV-B) or "
        f"2 lines of 44 (TD3, MRV-A); found {count} line(s) of "
        f"{', '.join(map(str, lengths))} characters")


# --------------------------------------------------------------------------- fields


def _resolve_birth(yy: int, mm: int, dd: int, today: date) -> date:
    """Birth dates: the latest century that does not put the date in the future."""
    year = today.year - today.year % 100 + yy
    if (year, mm, dd) > (today.year, today.month, today.day):
        year -= 100
    return date(year, mm, dd)


def _resolve_expiry(yy: int, mm: int, dd: int, today: date) -> date:
    """Expiry dates: the year within 49 years before and 50 years after *today*.

    In 2026: 00-76 are 2000-2076, 77-99 are 1977-1999. See
    docs/decisions/0301-mrz-century-rule.md.
    """
    year = today.year - today.year % 100 + yy
    if year > today.year + 50:
        year -= 100
    elif year <= today.year - 50:
        year += 100
    return date(year, mm, dd)


def _read_date(raw, field, start, layout, today, errors, warnings, partial_ok, resolve):
    if raw.isdigit():
        try:
            return resolve(int(raw[:2]), int(raw[2:4]), int(raw[4:]), today)
        except ValueError:
            errors.append(_problem(
                MRZError, "date", field, layout, start, start + 6, "a calendar date YYMMDD",
                raw, field))
            return None
    groups = (raw[:2], raw[2:4], raw[4:])
    if all(g == "<<" or g.isdigit() for g in groups):
        if partial_ok:
            month, day = groups[1], groups[2]
            bad = (month.isdigit() and not 1 <= int(month) <= 12) or (
                day.isdigit() and not 1 <= int(day) <= 31)
            if bad:
                errors.append(_problem(
                    MRZError, "date", field, layout, start, start + 6,
                    "a date YYMMDD with unknown parts as <<", raw, field))
            else:
                warnings.append(_problem(
                    MRZWarning, "partial_date", field, layout, start, start + 6, None, None,
                    field, detail=f"partly unknown ({raw})"))
            return None
        errors.append(_problem(
            MRZError, "date", field, layout, start, start + 6, "a complete date YYMMDD",
            raw, field))
        return None
    suggestion = None
    fixed = "".join(LETTER_TO_DIGIT.get(c, c) for c in raw)
    if fixed != raw and fixed.isdigit():
        suggestion = fixed
    errors.append(_problem(
        MRZError, "date", field, layout, start, start + 6, "digits YYMMDD", raw,
        field, suggestion))
    return None


def _read_code(raw, field, start, layout, specimen, errors, warnings):
    code = raw.rstrip("<")
    if code in COUNTRIES:
        if code == "DEU":
            warnings.append(_problem(
                MRZWarning, "icao_form", field, layout, start, start + 3, None, None,
                field, detail="ICAO writes Germany as D<< in an MRZ, not DEU"))
        elif code in DEPRECATED_CODES:
            warnings.append(_problem(
                MRZWarning, "deprecated_code", field, layout, start, start + 3, None, None,
                field, detail=f"{code} is a deprecated code"))
        return code
    if code in SPECIMEN_CODES:
        if specimen:
            warnings.append(_problem(
                MRZWarning, "specimen_code", field, layout, start, start + 3, None, None,
                field, detail=f"{code} is a specimen code"))
        else:
            errors.append(_problem(
                MRZError, "specimen_code", field, layout, start, start + 3,
                "a real country code", code, field, detail=f"{code} is a specimen code"))
        return code
    suggestion = None
    if any(c.isdigit() for c in raw):
        fixed = raw.translate(_DIGIT_TO_LETTER_TABLE)
        if fixed.rstrip("<") in COUNTRIES or fixed.rstrip("<") in SPECIMEN_CODES:
            suggestion = fixed
    errors.append(_problem(
        MRZError, "unknown_code", field, layout, start, start + 3,
        "an ISO 3166-1 alpha-3 or ICAO code", raw, field, suggestion))
    return code


def _name_problems(raw, start, layout, errors, warnings):
    """Report an empty name, digits in it, or a name starting with a filler."""
    body = raw.rstrip("<")
    if not body:
        errors.append(_problem(
            MRZError, "name", "name", layout, start, start + len(raw), "a name", "only fillers",
            "name"))
        return
    for i, c in enumerate(raw):
        if c.isdigit():
            errors.append(_problem(
                MRZError, "name", "name", layout, start + i, start + i + 1, "a letter or <", c,
                "name", DIGIT_TO_LETTER.get(c)))
    if body[0] == "<":
        warnings.append(_problem(
            MRZWarning, "name", "name", layout, start, start + 1, None, None,
            "name", detail="starts with a filler (no primary identifier)"))


def _odd_fillers(body, start, layout, errors, warnings):
    """Fillers inside a name beyond single separators and the one ``<<``.

    Three or more in a row cannot separate anything: most often a filler position
    misread as a letter, so the name is refused (no check digit covers it). A second
    ``<<`` is only unusual: some issuers separate further name parts that way.
    """
    run = body.find("<<<")
    if run != -1:
        errors.append(_problem(
            MRZError, "name", "name", layout, start + run, start + run + 3, "< or <<", "<<<",
            "name", detail="three or more fillers inside the name"))
        return
    second = body.find("<<", body.find("<<") + 2)
    warnings.append(_problem(
        MRZWarning, "name", "name", layout, start + second, start + second + 2, None, None,
        "name", detail="a second << separator inside the name"))


def _check_document_code(code, layout, errors, warnings):
    first, second = code[0], code[1]
    problem = None
    if layout is TD3:
        if first != "P":
            problem = "P"
        elif second not in _TD3_TYPES:
            warnings.append(_problem(
                MRZWarning, "document_code", "document_code", layout, 1, 2, None, None,
                "document_code",
                detail=f"passport type {second} is not one of P E D O R T S L M <"))
    elif layout is MRVA or layout is MRVB:
        if first != "V":
            problem = "V"
    else:
        if first not in "ACI":
            problem = "A, C or I"
        elif second == "V":
            errors.append(_problem(
                MRZError, "document_code", "document_code", layout, 1, 2, "not V", "V",
                "document_code"))
        elif code == "AI" and layout is TD1:
            errors.append(_problem(
                MRZError, "document_code", "document_code", layout, 0, 2, "not AI", "AI",
                "document_code", detail="AI is not allowed on TD1"))
        elif code == "AC" and layout is TD2:
            errors.append(_problem(
                MRZError, "document_code", "document_code", layout, 0, 2, "not AC", "AC",
                "document_code", detail="AC is not allowed on TD2"))
    if problem:
        errors.append(_problem(
            MRZError, "document_code", "document_code", layout, 0, 1, problem, first,
            "document_code", detail=f"a {layout.name} document code starts with {problem}"))


# --------------------------------------------------------------------------- parse
#
# _validate is the hot path of a batch over a national register, so it is written for
# speed: offsets are unpacked into locals once, check digits are computed with C-level
# slice sums (see checkdigit.weighted), and the common case (valid alphabet, complete
# dates, known codes) takes no function call that builds a message. Every unusual case
# falls back to the helpers above, which say precisely what is wrong.


def _plan(layout: Layout) -> tuple:
    return (
        *layout.name_field, *layout.document_number, layout.document_number_cd,
        *layout.nationality, *layout.birth_date, layout.birth_date_cd, layout.sex,
        *layout.expiry_date, layout.expiry_date_cd, *layout.optional_data,
        layout.optional_data_cd, layout.optional_data_2, layout.composite_cd,
        layout.composite_spans, layout.long_number,
    )


_PLANS = {layout: _plan(layout) for layout in (TD1, TD2, TD3, MRVA, MRVB)}
_COMPOSITE_SLICES = {
    layout: tuple(slice(a, b) for a, b in layout.composite_spans)
    for layout in (TD1, TD2, TD3, MRVA, MRVB)
}
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
# Codes that need no warning: every known code but the deprecated ones and DEU.
_PLAIN_CODES = frozenset(COUNTRIES) - DEPRECATED_CODES - {"DEU"}
_GOOD_CODES = {
    TD3: frozenset("P" + c for c in _TD3_TYPES),
    MRVA: frozenset("V" + c for c in _ALPHABET),
    MRVB: frozenset("V" + c for c in _ALPHABET),
    TD1: frozenset(f + c for f in "ACI" for c in _ALPHABET if c != "V") - {"AI"},
    TD2: frozenset(f + c for f in "ACI" for c in _ALPHABET if c != "V") - {"AC"},
}


def _charset(s: str, layout: Layout, errors: list) -> tuple[list[int], bytes]:
    """Report characters outside the alphabet; values with those read as fillers."""
    bad = []
    chars = []
    for i, c in enumerate(s):
        if c in _ALPHABET:
            chars.append(c)
            continue
        bad.append(i)
        chars.append("<")
        errors.append(_problem(
            MRZError, "charset", field_at(layout, i), layout, i, i + 1, "A-Z, 0-9 or <",
            c, "character", "<" if c in "«‹" else None))
    return bad, "".join(chars).encode("ascii").translate(VALUE_TABLE)


def _touches(bad: list[int] | None, *spans: tuple[int, int]) -> bool:
    return bool(bad) and any(a <= b < e for b in bad for a, e in spans)


def _check_digit_error(layout, field, cd, expected, found, errors):
    what = "composite check digit" if field == "composite" else f"check digit of {field}"
    errors.append(_problem(MRZError, "check_digit", field, layout, cd, cd + 1, expected,
                           found, what))


def _validate(s: str, layout: Layout, lines: list[str], today: date, specimen: bool,
              errors: list, warnings: list, corrections: tuple = ()) -> MRZResult:
    # Visas and passports share line widths; the first character tells them apart.
    if s[0] == "V":
        if layout is TD3:
            layout = MRVA
        elif layout is TD2:
            layout = MRVB
    (name_a, name_e, na, ne, ncd, ta, te, ba, be, bcd, sx, ea, ee, ecd, oa, oe, ocd,
     opt2, comp, spans, long_number) = _PLANS[layout]
    # Character values in one C-level pass; anything outside the alphabet maps to 255
    # (or fails to encode) and takes the slow path that reports it.
    try:
        v = s.encode("ascii").translate(VALUE_TABLE)
    except UnicodeEncodeError:
        v = b"\xff"
    if 255 in v:
        bad, v = _charset(s, layout, errors)
    else:
        bad = None

    code = s[0:2]
    if code not in _GOOD_CODES[layout]:
        _check_document_code(code, layout, errors, warnings)

    raw = s[2:5]
    issuing_state = raw.rstrip("<")
    if issuing_state not in _PLAIN_CODES:
        _read_code(raw, "issuing_state", 2, layout, specimen, errors, warnings)

    # Name: PRIMARY<<SECONDARY, components split by single fillers.
    raw = s[name_a:name_e]
    body = raw.rstrip("<")
    primary, _, secondary = body.partition("<<")
    if not body or body[0] == "<" or not body.replace("<", "").isalpha():
        _name_problems(raw, name_a, layout, errors, warnings)
        surname = " ".join(filter(None, primary.split("<")))
        given_names = secondary.replace("<", " ")
    else:
        surname = primary.replace("<", " ")
        given_names = secondary.replace("<", " ")
    if "<<" in secondary or secondary[:1] == "<":
        _odd_fillers(body, name_a, layout, errors, warnings)
        given_names = " ".join(filter(None, secondary.split("<")))

    # Document number, with the TD1/TD2 overflow of numbers longer than 9 characters.
    number_field = s[na:ne]
    optional = s[oa:oe]
    if long_number and s[ncd] == "<" and number_field[-1] != "<":
        end = optional.find("<")
        if end == -1:
            end = len(optional)
        if end < 2 or not optional[end - 1].isdigit():
            errors.append(_problem(
                MRZError, "long_number", "document_number", layout, oa, oa + max(end, 1),
                "the rest of the number and its check digit", optional[:end] or "<",
                "long document_number",
                detail="no overflow with a check digit in the optional data"))
            document_number = number_field
        else:
            document_number = number_field + optional[:end - 1]
            if not _touches(bad, (na, ne), (oa, oa + end)):
                c = v[na:ne] + v[oa:oa + end - 1]
                expected = DIGITS[(sum(c[0::3]) * 7 + sum(c[1::3]) * 3 + sum(c[2::3])) % 10]
                if optional[end - 1] != expected:
                    _check_digit_error(layout, "document_number", oa + end - 1, expected,
                                       optional[end - 1], errors)
            optional = optional[end + 1:]
    else:
        document_number = number_field.rstrip("<")
        if not (bad and _touches(bad, (na, ncd + 1))):
            expected = DIGITS[(sum(v[na:ne:3]) * 7 + sum(v[na + 1:ne:3]) * 3
                               + sum(v[na + 2:ne:3])) % 10]
            if s[ncd] != expected:
                _check_digit_error(layout, "document_number", ncd, expected, s[ncd], errors)
    if not document_number:
        errors.append(_problem(
            MRZError, "document_number", "document_number", layout, na, ne, "a number",
            "only fillers", "document_number"))
    elif "<" in document_number:
        # '<' and '0' have the same check-digit value, so a filler read for a zero (or
        # the reverse) inside the number cannot be caught by the check digit.
        if document_number[0] == "<":
            errors.append(_problem(
                MRZError, "document_number", "document_number", layout, na, na + 1,
                "a letter or digit", "<", "document_number",
                detail="a number starts at the first position"))
        else:
            warnings.append(_problem(
                MRZWarning, "document_number", "document_number", layout, na, ne, None, None,
                "document_number",
                detail=f"filler inside the number ({document_number}); "
                       "the check digit cannot tell < from 0"))

    raw = s[ta:te]
    nationality = raw.rstrip("<")
    if nationality not in _PLAIN_CODES:
        _read_code(raw, "nationality", ta, layout, specimen, errors, warnings)

    # Date of birth: the latest century that does not put it in the future.
    birth_raw = s[ba:be]
    birth_date = None
    if birth_raw.isdigit():
        yy, rest = divmod(int(birth_raw), 10000)
        year = today.year - today.year % 100 + yy
        if year * 10000 + rest > today.year * 10000 + today.month * 100 + today.day:
            year -= 100
        try:
            birth_date = date(year, rest // 100, rest % 100)
        except ValueError:
            _read_date(birth_raw, "date_of_birth", ba, layout, today, errors, warnings, True,
                       _resolve_birth)
    else:
        _read_date(birth_raw, "date_of_birth", ba, layout, today, errors, warnings, True,
                   _resolve_birth)
    if not (bad and _touches(bad, (ba, bcd + 1))):
        expected = DIGITS[(sum(v[ba:be:3]) * 7 + sum(v[ba + 1:be:3]) * 3
                           + sum(v[ba + 2:be:3])) % 10]
        if s[bcd] != expected:
            _check_digit_error(layout, "date_of_birth", bcd, expected, s[bcd], errors)

    sex_char = s[sx]
    sex = _SEX.get(sex_char)
    if sex is None:
        sex = sex_char
        if sex_char == "X":
            warnings.append(_problem(
                MRZWarning, "sex", "sex", layout, sx, sx + 1, "F, M or <", "X",
                "sex", detail="X is not an ICAO 9303 MRZ value; read as unspecified"))
        else:
            errors.append(_problem(
                MRZError, "sex", "sex", layout, sx, sx + 1, "F, M or <", sex_char, "sex"))

    # Date of expiry: the year within 49 years back and 50 ahead (docs/decisions/0301).
    expiry_raw = s[ea:ee]
    expiry_date = None
    if expiry_raw.isdigit():
        yy, rest = divmod(int(expiry_raw), 10000)
        year = today.year - today.year % 100 + yy
        if year > today.year + 50:
            year -= 100
        elif year <= today.year - 50:
            year += 100
        try:
            expiry_date = date(year, rest // 100, rest % 100)
        except ValueError:
            _read_date(expiry_raw, "date_of_expiry", ea, layout, today, errors, warnings,
                       False, _resolve_expiry)
    else:
        _read_date(expiry_raw, "date_of_expiry", ea, layout, today, errors, warnings, False,
                   _resolve_expiry)
    if not (bad and _touches(bad, (ea, ecd + 1))):
        expected = DIGITS[(sum(v[ea:ee:3]) * 7 + sum(v[ea + 1:ee:3]) * 3
                           + sum(v[ea + 2:ee:3])) % 10]
        if s[ecd] != expected:
            _check_digit_error(layout, "date_of_expiry", ecd, expected, s[ecd], errors)

    if ocd is not None:
        found = s[ocd]
        if optional.strip("<") == "":
            if found == "<":
                warnings.append(_problem(
                    MRZWarning, "filler_check_digit", "optional_data", layout, ocd, ocd + 1,
                    None, None, "check digit of optional_data",
                    detail="< for an empty field (ICAO also allows 0)"))
            elif found != "0" and not (bad and ocd in bad):
                errors.append(_problem(
                    MRZError, "check_digit", "optional_data", layout, ocd, ocd + 1, "0 or <",
                    found, "check digit of optional_data"))
        elif not (bad and _touches(bad, (oa, ocd + 1))):
            expected = DIGITS[(sum(v[oa:oe:3]) * 7 + sum(v[oa + 1:oe:3]) * 3
                               + sum(v[oa + 2:oe:3])) % 10]
            if found != expected:
                _check_digit_error(layout, "optional_data", ocd, expected, found, errors)

    if comp is not None and not (bad and _touches(bad, *spans)):
        c = b"".join(map(v.__getitem__, _COMPOSITE_SLICES[layout]))
        expected = DIGITS[(sum(c[0::3]) * 7 + sum(c[1::3]) * 3 + sum(c[2::3])) % 10]
        if s[comp] != expected:
            _check_digit_error(layout, "composite", comp, expected, s[comp], errors)

    return result_from_dict({
        "format": layout.name,
        "lines": tuple(lines),
        "document_code": code.rstrip("<"),
        "issuing_state": issuing_state,
        "document_number": document_number,
        "nationality": nationality,
        "surname": surname,
        "given_names": given_names,
        # A name field whose last position is not a filler was possibly truncated.
        "name_truncated": s[name_e - 1] != "<",
        "birth_date_raw": birth_raw,
        "birth_date": birth_date,
        "sex": sex,
        "expiry_date_raw": expiry_raw,
        "expiry_date": expiry_date,
        "optional_data": optional.rstrip("<"),
        "optional_data_2": s[opt2[0]:opt2[1]].rstrip("<") if opt2 else None,
        "errors": tuple(errors),
        "warnings": tuple(warnings),
        "corrections": corrections,
    })


def parse(mrz: str | bytes | Sequence[str | bytes], *, on: date | None = None,
          correct: bool = False, specimen: bool = True) -> MRZResult:
    """Read and validate one machine readable zone.

    *mrz* is the scanner text (lines separated by any newline; surrounding spaces and
    lower case are tolerated and reported), as ``str`` or UTF-8 ``bytes``, or a sequence
    of lines. *on* is the date
    that decides the century of two-digit years (default today). With *correct*, the
    usual scanner confusions are undone where a check digit confirms them (see
    :mod:`sarhad.documents.correction`). With ``specimen=False`` the specimen code
    ``UTO`` is an error instead of a warning.
    """
    today = on or date.today()
    if not correct and type(mrz) is str:
        # Fast path (clean scanner output, LF line ends), as in _normalise.
        raw = mrz.split("\n")
        width = len(raw[0])
        shape = _FAST_SHAPES.get((len(raw), width))
        if shape is not None and len(raw[1]) == width:
            joined = "".join(raw)
            if len(joined) == shape[1] and joined.isupper():
                return _validate(joined, shape[0], raw, today, specimen, [], [])
    warnings: list = []
    s, layout, lines, error = _normalise(mrz, warnings)
    if error is not None:
        return MRZResult(format=None, lines=tuple(lines), errors=(error,),
                         warnings=tuple(warnings))
    if correct:
        from .correction import correct_zone

        return correct_zone(s, layout, lines, today, specimen, warnings)
    return _validate(s, layout, lines, today, specimen, [], warnings)


def check_text(text: str, on: date | None = None, correct: bool = False,
               specimen: bool = True) -> list[dict]:
    """Parse every document in *text* (separated by blank lines) into CLI dictionaries.

    This is what ``sarhad mrz check`` prints, one dictionary per document.
    """
    today = on or date.today()
    return [
        parse(lines, on=today, correct=correct, specimen=specimen).to_dict(today)
        for lines in split_documents(text)
    ]


def parse_many(documents: Iterable[str | Sequence[str]], *, on: date | None = None,
               correct: bool = False, specimen: bool = True) -> list[MRZResult]:
    """Parse many zones with one reference date (what a batch over a register wants)."""
    today = on or date.today()
    return [parse(d, on=today, correct=correct, specimen=specimen) for d in documents]

