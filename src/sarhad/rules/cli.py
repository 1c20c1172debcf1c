"""``sarhad stay`` and ``sarhad deadline``: JSON lines in, JSON lines out.

One JSON object per input line on standard input, one per output line on standard output,
in the same order. A line that cannot be evaluated gives
``{"line": N, "error": {"field": ..., "message": ...}}`` and the others continue; the exit
code is then 1. An input key ``"id"`` is copied to the output so results can be joined
back. No Django here: these commands answer at once.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Callable, TextIO

from .errors import RulesError

STAY_HELP = """\
Evaluate stays against a rolling limit. Each input line, e.g.
  {"limit": 90, "window": 180, "on": "2024-06-29",
   "stays": [["2024-01-01", "2024-03-30"], ["2024-06-29", null]]}
optional keys: "per_entry_limit": int, "permits": [["YYYY-MM-DD", "YYYY-MM-DD"], ...],
"visa": {"valid_from": ..., "valid_until": ..., "duration_days": int, "entries": int|null},
"earliest_entry_days": int (also answer "earliest_entry" for a trip of that many days),
"explain": true (add the officer's day-by-day text as "explanation"), "id": anything.
Output line: {"used_days", "remaining_days", "overstay_days", "latest_exit", "status",
"in_area", "current_entry", "first_overstay_day", "limiting_rule", ...}.
A bad line gives {"line": N, "error": {"field", "message"}}; the rest continue and the exit
code is 1 if any line failed.
"""

DEADLINE_HELP = """\
Compute legal deadlines. Each input line, e.g.
  {"start": "2025-03-19", "amount": 5, "unit": "working_days"}
units: calendar_days, working_days, months. Or name a rule from the catalogue:
  {"start": "2025-03-19", "rule": "visa.decision", "extended": false}
optional keys: "direction": "after"|"before", "roll_to_working_day": bool,
"suspensions": [["YYYY-MM-DD", "YYYY-MM-DD"], ...], "id": anything.
Output line: {"deadline": "YYYY-MM-DD", ...}. Counting starts the day after the event.
Working days: Monday-Friday except Azerbaijan's holidays and substitute days off.
A bad line gives {"line": N, "error": {"field", "message"}}; the rest continue and the exit
code is 1 if any line failed. --list-rules prints the rule catalogue and exits.
"""


class _LineError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _date(obj: dict, key: str, *, required: bool = True, path: str | None = None) -> date | None:
    path = path or key
    if key not in obj or obj[key] is None:
        if required:
            raise _LineError(path, "is required (a date YYYY-MM-DD)")
        return None
    return _parse_date(obj[key], path)


def _parse_date(value, path: str) -> date:
    if not isinstance(value, str):
        raise _LineError(path, f"must be a date string YYYY-MM-DD, not {json.dumps(value)}")
    try:
        return date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        raise _LineError(path, f"{json.dumps(value)} is not a valid date YYYY-MM-DD") from None


def _bad_date(value):
    raise ValueError(value)


def _int(obj: dict, key: str, default=None, *, minimum: int | None = None, allow_null=False):
    if key not in obj or (obj[key] is None and allow_null):
        return None if allow_null and key in obj else default
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise _LineError(key, f"must be a whole number, not {json.dumps(value)}")
    if minimum is not None and value < minimum:
        raise _LineError(key, f"must be at least {minimum}")
    return value


def _pairs(obj: dict, key: str, *, open_end: bool) -> list:
    raw = obj.get(key, [])
    if not isinstance(raw, list):
        raise _LineError(key, "must be a list of [start, end] pairs")
    out = []
    for i, pair in enumerate(raw):
        if not isinstance(pair, list) or len(pair) != 2:
            raise _LineError(f"{key}[{i}]", "must be a pair [start, end]")
        start = _parse_date(pair[0], f"{key}[{i}][0]")
        if pair[1] is None and open_end:
            end = None
        else:
            end = _parse_date(pair[1], f"{key}[{i}][1]")
        out.append((start, end))
    return out


def _stay_line(obj: dict) -> dict:
    from .stay import Visa, earliest_entry, evaluate_stay, explain

    if "stays" not in obj:
        raise _LineError("stays", "is required (a list of [entry, exit|null] pairs)")
    stays = _pairs(obj, "stays", open_end=True)
    on = _date(obj, "on")
    limit = _int(obj, "limit", 90, minimum=0, allow_null=True)
    window = _int(obj, "window", 180, minimum=1)
    per_entry = _int(obj, "per_entry_limit", None, minimum=1, allow_null=True)
    permits = _pairs(obj, "permits", open_end=False)
    visa = None
    if obj.get("visa") is not None:
        v = obj["visa"]
        if not isinstance(v, dict):
            raise _LineError("visa", "must be an object")
        try:
            visa = Visa(
                _date(v, "valid_from", path="visa.valid_from"),
                _date(v, "valid_until", path="visa.valid_until"),
                _int(v, "duration_days", minimum=1) or _missing("visa.duration_days"),
                _int(v, "entries", None, minimum=1, allow_null=True),
            )
        except _LineError as exc:
            if not exc.field.startswith("visa."):
                exc.field = "visa." + exc.field
            raise
    kwargs = dict(limit=limit, window=window, per_entry_limit=per_entry, visa=visa, permits=permits)
    result = evaluate_stay(stays, on, **kwargs)
    out = result.as_dict()
    days = _int(obj, "earliest_entry_days", None, minimum=1, allow_null=True)
    if days is not None:
        found = earliest_entry(stays, on, days, **kwargs)
        out["earliest_entry"] = None if found is None else found.isoformat()
    if obj.get("explain"):
        out["explanation"] = explain(stays, on, **kwargs).text()
    return out


def _missing(field: str):
    raise _LineError(field, "is required")


def _deadline_line(obj: dict) -> dict:
    from .deadlines import compute_deadline, get_rule

    start = _date(obj, "start")
    suspensions = _pairs(obj, "suspensions", open_end=False)
    roll = obj.get("roll_to_working_day")
    if roll is not None and not isinstance(roll, bool):
        raise _LineError("roll_to_working_day", "must be true or false")
    direction = obj.get("direction", "after")
    if "rule" in obj:
        if not isinstance(obj["rule"], str):
            raise _LineError("rule", "must be a rule key string (see --list-rules)")
        rule = get_rule(obj["rule"])
        d = rule.deadline(start, extended=bool(obj.get("extended")), suspensions=suspensions)
        return d.as_dict()
    amount = _int(obj, "amount", minimum=0)
    if amount is None:
        raise _LineError("amount", "is required (or give a \"rule\")")
    unit = obj.get("unit")
    if unit is None:
        raise _LineError("unit", "is required: calendar_days, working_days or months")
    d = compute_deadline(
        start,
        amount,
        unit,
        direction=direction,
        roll_to_working_day=bool(roll),
        suspensions=suspensions,
    )
    return d.as_dict()


def run_lines(handler: Callable[[dict], dict], stdin: TextIO, stdout: TextIO) -> int:
    """Apply ``handler`` to each JSON line; return 1 if any line failed, else 0."""
    failed = False
    for n, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        ident = None
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _LineError("(line)", f"not valid JSON: {exc.msg} at column {exc.colno}") from None
            if not isinstance(obj, dict):
                raise _LineError("(line)", "must be a JSON object")
            ident = obj.get("id")
            out = handler(obj)
        except _LineError as exc:
            out = {"line": n, "error": {"field": exc.field, "message": exc.message}}
            failed = True
        except RulesError as exc:
            out = {"line": n, "error": {"field": exc.field, "message": exc.reason}}
            failed = True
        except (ValueError, OverflowError) as exc:  # e.g. dates pushed past year 9999
            out = {"line": n, "error": {"field": "(line)", "message": f"cannot be evaluated: {exc}"}}
            failed = True
        if ident is not None:
            out = {"id": ident, **out}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    stdout.flush()
    return 1 if failed else 0


def cmd_stay(args: argparse.Namespace) -> int:
    return run_lines(_stay_line, sys.stdin, sys.stdout)


def cmd_deadline(args: argparse.Namespace) -> int:
    if getattr(args, "list_rules", False):
        from .deadlines import RULES

        for rule in RULES.values():
            sys.stdout.write(json.dumps(rule.as_dict(), ensure_ascii=False) + "\n")
        return 0
    return run_lines(_deadline_line, sys.stdin, sys.stdout)


def register(subparsers) -> None:
    """Add the ``stay`` and ``deadline`` commands to the ``sarhad`` parser."""
    p = subparsers.add_parser(
        "stay",
        help="rolling stay limit / overstay check (JSON lines)",
        description=STAY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=cmd_stay)
    p = subparsers.add_parser(
        "deadline",
        help="legal deadlines in calendar or working days (JSON lines)",
        description=DEADLINE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--list-rules", action="store_true", help="print the rule catalogue as JSON lines")
    p.set_defaults(func=cmd_deadline)
