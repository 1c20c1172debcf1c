"""``sarhad mrz``: check, make and name machine readable zones from the command line.

* ``sarhad mrz check [--on YYYY-MM-DD] [--correct] [--no-specimen]`` reads documents from
  standard input (each its 2 or 3 MRZ lines, documents separated by blank lines) and
  prints one JSON object per document. Exit code 0 when every document is valid, 1 when
  one is not.
* ``sarhad mrz make`` reads one JSON object of field values per line and prints the MRZ
  lines of each document, documents separated by a blank line (so the output can be fed
  back to ``check``). A line it cannot use is reported on standard error; exit code 1.
* ``sarhad mrz name SURNAME GIVEN... [--lang az] [--length 39 | --format TD1]`` prints
  the MRZ name field.

No Django here: these commands answer at once.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterable
from datetime import date

from .generator import GenerateError, generate
from .layouts import LAYOUTS
from .parser import iter_documents, parse
from .transliteration import LANGUAGES, TransliterationError, mrz_name

__all__ = ["register"]

_NAME_LENGTHS = {"TD1": 30, "TD2": 31, "TD3": 39, "MRVA": 39, "MRVB": 31}
_REQUIRED = ("issuing_state", "document_number", "nationality", "birth_date", "sex",
             "expiry_date")
_MAKE_FIELDS = {
    "format", "document_code", "issuing_state", "document_number", "nationality",
    "birth_date", "sex", "expiry_date", "surname", "given_names", "name",
    "optional_data", "optional_data_2", "lang", "choices",
}


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _stdin() -> Iterable[str]:
    """Standard input as text; bytes that are not UTF-8 become U+FFFD (reported later as
    characters outside the MRZ alphabet) instead of stopping the command."""
    binary = getattr(sys.stdin, "buffer", None)
    if binary is None:  # already text (tests, embedding)
        return sys.stdin
    return io.TextIOWrapper(binary, encoding="utf-8", errors="replace")


def _check(args: argparse.Namespace) -> int:
    today = args.on or date.today()
    out = sys.stdout
    all_valid = True
    # splitlines: CR-only line ends (some scanners) count as line breaks too.
    for lines in iter_documents(part for chunk in _stdin() for part in chunk.splitlines()):
        try:
            result = parse(lines, on=today, correct=args.correct, specimen=args.specimen)
            record = result.to_dict(today)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops the rest
            record = {
                "valid": False,
                "mrz": lines,
                "errors": [{"code": "internal", "message": f"could not read document: {exc}"}],
                "warnings": [],
            }
        all_valid = all_valid and record["valid"]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return 0 if all_valid else 1


def _make(args: argparse.Namespace) -> int:
    failed = False
    first = True
    for number, raw in enumerate(_stdin(), 1):
        if not raw.strip():
            continue
        try:
            try:
                values = json.loads(raw)
            except ValueError as exc:
                raise GenerateError(f"not JSON: {exc}") from None
            if not isinstance(values, dict):
                raise GenerateError("expected a JSON object")
            unknown = set(values) - _MAKE_FIELDS
            if unknown:
                raise GenerateError(f"unknown field(s): {', '.join(sorted(unknown))}")
            missing = [f for f in _REQUIRED if f not in values]
            if missing:
                raise GenerateError(f"missing field(s): {', '.join(missing)}")
            fmt = values.pop("format", None) or args.format
            lines = generate(fmt, **values)
        except (ValueError, TypeError) as exc:
            failed = True
            print(f"line {number}: {exc}", file=sys.stderr)
            continue
        if not first:
            sys.stdout.write("\n")
        first = False
        sys.stdout.write("\n".join(lines) + "\n")
    return 1 if failed else 0


def _name(args: argparse.Namespace) -> int:
    length = args.length or _NAME_LENGTHS[args.format]
    try:
        field = mrz_name(args.surname, " ".join(args.given), length, args.lang)
    except (TransliterationError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(field)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``sarhad mrz`` and its subcommands to the ``sarhad`` command."""
    mrz = subparsers.add_parser(
        "mrz", help="ICAO 9303 machine readable zones: check, make, name",
        description="Check, make and name ICAO 9303 machine readable zones.")
    commands = mrz.add_subparsers(dest="mrz_command", metavar="SUBCOMMAND")
    mrz.set_defaults(func=lambda args: (mrz.print_help(), 2)[1])

    check = commands.add_parser(
        "check", help="validate MRZs read from standard input, one JSON line each",
        description="Read documents from standard input (2 or 3 MRZ lines each, "
                    "separated by blank lines); print one JSON object per document.")
    check.add_argument("--on", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                       help="date for 'expired' and two-digit years (default today)")
    check.add_argument("--correct", action="store_true",
                       help="undo OCR confusions (O/0, I/1, ...) that the check digits confirm")
    check.add_argument("--no-specimen", dest="specimen", action="store_false",
                       help="treat the specimen code UTO as an error, not a warning")
    check.set_defaults(func=_check)

    make = commands.add_parser(
        "make", help="write MRZ lines from JSON field values on standard input",
        description="Read one JSON object per line (format, document_code, "
                    "issuing_state, document_number, nationality, birth_date, sex, "
                    "expiry_date, surname, given_names or name, optional_data, "
                    "optional_data_2, lang, choices) and print the MRZ lines.")
    make.add_argument("--format", choices=sorted(LAYOUTS), default="TD3",
                      help="layout when an object has no 'format' (default TD3)")
    make.set_defaults(func=_make)

    name = commands.add_parser(
        "name", help="print the MRZ name field for a surname and given names",
        description="Transliterate and truncate a name per ICAO 9303 Part 3.")
    name.add_argument("surname")
    name.add_argument("given", nargs="*", help="given names")
    name.add_argument("--lang", choices=sorted(LANGUAGES), default=None,
                      help="language of the name (its transliteration exceptions)")
    name.add_argument("--format", choices=sorted(_NAME_LENGTHS), default="TD3",
                      help="layout whose name field length to use (default TD3: 39)")
    name.add_argument("--length", type=int, default=None, help="explicit field length")
    name.set_defaults(func=_name)
