"""``sarhad screen``: screen one traveller against a saved index snapshot.

    sarhad screen "Məmmədov Əli" --dob 1980-05 --nationality AZE --sex M
    sarhad screen MAMMADOV<<ALI --document C01234567:AZE --json
    sarhad screen --document C0I234567:AZE          # a document alone

The index snapshot is read from ``--index`` (default ``var/screening.idx``); the
watchlists app writes it. Exit status 0 after a search (hits or not), 2 when the query
is invalid, 3 when the snapshot is missing or unreadable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .model import InvalidQuery, Query

DEFAULT_INDEX = Path("var") / "screening.idx"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "screen",
        help="screen a traveller against the watchlist index",
        description="Screen a traveller against a saved watchlist index and explain each hit.",
    )
    parser.add_argument(
        "names", nargs="*", metavar="NAME",
        help="the traveller's name: MRZ form and/or original script (several allowed)",
    )
    parser.add_argument("--dob", help="date of birth: YYYY, YYYY-MM or YYYY-MM-DD")
    parser.add_argument("--nationality", help="ICAO 9303 state code, e.g. AZE")
    parser.add_argument("--sex", help="M, F or X")
    parser.add_argument("--document", action="append", default=[], metavar="NUMBER[:STATE]",
                        help="travel document number, optionally with issuing state (repeatable)")
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=f"index snapshot (default {DEFAULT_INDEX})")
    parser.add_argument("--limit", type=int, default=10, help="at most this many hits (default 10)")
    parser.add_argument("--all", action="store_true", help="also show candidates below the review threshold")
    parser.add_argument("--json", action="store_true", help="print one JSON object per hit")
    parser.set_defaults(func=run_screen)


def query_from_args(args: argparse.Namespace) -> Query:
    return Query(
        names=tuple(args.names),
        date_of_birth=args.dob,
        nationality=args.nationality,
        sex=args.sex,
        documents=tuple(args.document),
    )


def run_screen(args: argparse.Namespace) -> int:
    from .index import ScreeningIndex
    from .snapshot import SnapshotError

    try:
        query = query_from_args(args)
    except InvalidQuery as exc:
        print(f"sarhad screen: {exc}", file=sys.stderr)
        return 2
    try:
        index = ScreeningIndex.load(args.index)
    except FileNotFoundError:
        print(f"sarhad screen: no index snapshot at {args.index} (build one from the watchlists first)",
              file=sys.stderr)
        return 3
    except SnapshotError as exc:
        print(f"sarhad screen: {exc}", file=sys.stderr)
        return 3
    hits = index.search(query, limit=args.limit, include_no_match=args.all)
    if args.json:
        for hit in hits:
            print(json.dumps(hit.to_dict(), ensure_ascii=False))
        return 0
    if not hits:
        print(f"no hits among {len(index)} entries")
        return 0
    for number, hit in enumerate(hits, 1):
        if number > 1:
            print()
        print(f"{number}. {hit.explain()}")
    return 0
