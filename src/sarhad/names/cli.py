"""``sarhad names ...``: compare names from the command line (no Django).

    sarhad names compare "Məmmədov Əli Həsən oğlu" "MAMMADOV ALI"
    sarhad names compare --pairs pairs.csv            # header: id,query,candidate
    sarhad names forms "Гусейнов Эльвин"
    sarhad names keys "Məmmədov Əli"
    sarhad names pairs --count 3000 --seed 7 > pairs.csv

``compare --pairs`` prints one JSON object per row: ``{"id": ..., "score": ..., "match":
...}``. A row that cannot be compared gives ``{"id": ..., "row": N, "error": "..."}``
instead and the other rows go on; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import IO

from . import DEFAULT_THRESHOLD, compare, keys, latin_forms, normalise

REQUIRED = ("id", "query", "candidate")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("names", help="compare and transliterate personal names")
    sub = parser.add_subparsers(dest="names_command", metavar="ACTION")

    p = sub.add_parser("compare", help="score two names, or every row of a CSV file")
    p.add_argument("names", nargs="*", metavar="NAME", help="two names to compare")
    p.add_argument("--pairs", metavar="FILE.csv",
                   help="CSV with a header and the columns id,query,candidate ('-' = stdin)")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                   help=f"decision threshold (default {DEFAULT_THRESHOLD})")
    p.set_defaults(func=run_compare)

    p = sub.add_parser("forms", help="the Latin forms of a name, primary first")
    p.add_argument("name")
    p.set_defaults(func=lambda a: _print_lines(latin_forms(a.name)))

    p = sub.add_parser("keys", help="the blocking keys of a name")
    p.add_argument("name")
    p.set_defaults(func=lambda a: _print_lines(sorted(keys(a.name))))

    p = sub.add_parser("normalise", help="the normalised name")
    p.add_argument("name")
    p.set_defaults(func=lambda a: _print_lines([normalise(a.name)]))

    p = sub.add_parser("pairs", help="write the labelled evaluation pairs as CSV")
    p.add_argument("--count", type=int, default=4000)
    p.add_argument("--seed", type=int, default=20261128)
    p.set_defaults(func=run_pairs)

    parser.set_defaults(func=lambda a: (parser.print_help(), 2)[1])


def _print_lines(lines) -> int:
    for line in lines:
        print(line)
    return 0


def run_compare(args: argparse.Namespace) -> int:
    if args.pairs:
        if args.names:
            print("give either two names or --pairs FILE, not both", file=sys.stderr)
            return 2
        if args.pairs == "-":
            return compare_csv(sys.stdin, sys.stdout, args.threshold)
        try:
            with open(args.pairs, newline="", encoding="utf-8-sig") as fh:
                return compare_csv(fh, sys.stdout, args.threshold)
        except OSError as exc:
            print(json.dumps({"error": f"cannot read {args.pairs}: {exc.strerror}"}))
            return 2
    if len(args.names) != 2:
        print("compare needs two names (or --pairs FILE.csv)", file=sys.stderr)
        return 2
    result = compare(args.names[0], args.names[1])
    print(f"score: {result.score:.4f}")
    print(f"match: {'yes' if result.score >= args.threshold else 'no'}")
    print(result.explain())
    return 0


def compare_csv(src: IO[str], out: IO[str], threshold: float = DEFAULT_THRESHOLD) -> int:
    """Score every row of a CSV stream; returns the exit status (1 if any row failed)."""
    reader = csv.reader(src)
    try:
        header = next(reader)
    except StopIteration:
        print(json.dumps({"row": 1, "error": "empty file: a header id,query,candidate is needed"}),
              file=out)
        return 1
    except csv.Error as exc:
        print(json.dumps({"row": 1, "error": f"unreadable header: {exc}"}), file=out)
        return 1
    cols = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        print(json.dumps({"row": 1, "error": f"header lacks column(s) {', '.join(missing)}"}),
              file=out)
        return 1
    i_id, i_q, i_c = (cols.index(c) for c in REQUIRED)
    width = max(i_id, i_q, i_c) + 1
    failed = False
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_no += 1
            failed = True
            print(json.dumps({"row": row_no, "error": f"unreadable row: {exc}"}), file=out)
            continue
        row_no += 1
        if not row or all(not c.strip() for c in row):
            continue  # blank line
        rid = row[i_id] if len(row) > i_id else None
        if len(row) < width:
            failed = True
            print(json.dumps({"id": rid, "row": row_no,
                              "error": f"expected {len(cols)} fields, found {len(row)}"},
                             ensure_ascii=False), file=out)
            continue
        query, candidate = row[i_q], row[i_c]
        empty = [n for n, v in (("query", query), ("candidate", candidate)) if not normalise(v)]
        if empty:
            failed = True
            print(json.dumps({"id": rid, "row": row_no,
                              "error": f"no name letters in {' and '.join(empty)}"},
                             ensure_ascii=False), file=out)
            continue
        try:
            score = compare(query, candidate).score
        except Exception as exc:  # a bug must not stop the other rows; report it
            failed = True
            print(json.dumps({"id": rid, "row": row_no,
                              "error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False),
                  file=out)
            continue
        print(json.dumps({"id": rid, "score": score, "match": score >= threshold},
                         ensure_ascii=False), file=out)
    return 1 if failed else 0


def run_pairs(args: argparse.Namespace) -> int:
    from .evaluation import labelled_pairs, write_csv

    write_csv(labelled_pairs(args.count, seed=args.seed), sys.stdout)
    return 0
