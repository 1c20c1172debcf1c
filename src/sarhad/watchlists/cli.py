"""``sarhad watchlist``: import lists, show them, screen a traveller against the database.

    sarhad watchlist import --format un-xml consolidated.xml --list "UN Security Council"
    sarhad watchlist import --format csv bans.csv --list "National entry bans" --kind entry_ban
    sarhad watchlist lists
    sarhad watchlist screen "MAMMADOV ALI" --dob 1980-05 --nationality AZE --document C01234567:AZE
    sarhad watchlist index --export var/screening.idx

``import`` creates the list if it is missing, prints the report (every rejected row with
its position and reason) and exits 0 even when rows were rejected; 2 when the file cannot
be read at all, 1 when it is damaged part-way (the rows before the damage are written).
``screen`` goes through the same service as the border desk (the kernel's ``sarhad
screen`` reads an index snapshot file instead) and, unless ``--record``, stores no hits.
``index`` loads or builds this node's index, saves its snapshot and, with ``--export``,
writes a copy for the kernel's ``sarhad screen --index``. The CLI acts as the system
actor; every write and read is in the audit log.
"""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("watchlist", help="watchlists: import, list, screen against the database")
    sub = parser.add_subparsers(dest="watchlist_command", metavar="ACTION")

    p = sub.add_parser("import", help="import a UN XML, FollowTheMoney JSON-lines or CSV file into a list")
    p.add_argument("file", help="the file to read (- for standard input)")
    p.add_argument("--format", required=True, choices=("un-xml", "ftm", "csv"), dest="fmt")
    p.add_argument("--list", required=True, dest="list_name", help="the list to import into (created if missing)")
    p.add_argument("--kind", default="public",
                   choices=("entry_ban", "wanted", "lost_stolen", "public"),
                   help="kind of a list created by this import (default public)")
    p.add_argument("--source", default="", help="who publishes the list (for a new list)")
    p.add_argument("--replace", action="store_true",
                   help="the file is the whole list: deactivate entries that are not in it")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run_import)

    p = sub.add_parser("lists", help="show the lists with their entry counts")
    p.set_defaults(func=run_lists)

    p = sub.add_parser("screen", help="screen a traveller against the database lists")
    p.add_argument("name", nargs="?", default="", metavar="NAME",
                   help="the traveller's name as in the passport (quote it: \"MAMMADOV ALI\")")
    p.add_argument("--native", default="", metavar="NAME", help="the name in its original script")
    p.add_argument("--dob", help="date of birth: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--nationality", help="ICAO 9303 code, e.g. AZE")
    p.add_argument("--sex", help="M, F or X")
    p.add_argument("--document", metavar="NUMBER[:STATE]", help="travel document number, optionally with its issuer")
    p.add_argument("--post", help="border crossing point code the screening is for")
    p.add_argument("--record", action="store_true", help="store the hits for review")
    p.add_argument("--json", action="store_true", help="print one JSON object per hit")
    p.set_defaults(func=run_screen)

    p = sub.add_parser("index", help="bring this node's index snapshot up to date")
    p.add_argument("--rebuild", action="store_true", help="rebuild from the database instead of the last snapshot")
    p.add_argument("--export", metavar="PATH",
                   help="also write the index to PATH, for the kernel's `sarhad screen --index PATH`")
    p.set_defaults(func=run_index)

    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])


def _actor():
    from sarhad.accounts.actor import Actor

    return Actor.system("cli")


def run_import(args: argparse.Namespace) -> int:
    from sarhad.cli import setup_django

    if args.file != "-":
        try:
            stream = open(args.file, "rb")
        except OSError as exc:
            print(f"sarhad watchlist import: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        stream = sys.stdin.buffer
    setup_django()
    from tqdm import tqdm

    from sarhad.common.errors import ServiceError
    from sarhad.watchlists import services
    from sarhad.watchlists.models import Watchlist

    actor = _actor()
    try:
        watchlist = Watchlist.objects.filter(name=args.list_name).first()
        if watchlist is None:
            watchlist = services.create_list(actor, name=args.list_name, kind=args.kind, source=args.source)
            print(f"created list {watchlist.name!r} ({watchlist.get_kind_display()})", file=sys.stderr)
        with tqdm(desc="rows written", unit=" rows", disable=args.quiet or None, file=sys.stderr) as bar:
            report = services.import_entries(actor, watchlist, args.fmt, stream, progress=bar.update,
                                             deactivate_missing=args.replace)
    except ServiceError as exc:
        print(f"sarhad watchlist import: {exc.message}", file=sys.stderr)
        return 2
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 1 if report.damaged else 0
    print(report.summary())
    for row in report.rejected:
        print(f"  rejected {row.position}: {row.reason}")
    return 1 if report.damaged else 0


def run_lists(args: argparse.Namespace) -> int:
    from sarhad.cli import setup_django

    setup_django()
    from django.db.models import Count, Q

    from sarhad.watchlists.models import Watchlist

    rows = Watchlist.objects.annotate(n=Count("entries", filter=Q(entries__active=True))).order_by("name")
    if not rows:
        print("no watchlists yet (sarhad watchlist import ... creates one)")
    for w in rows:
        state = "active" if w.active else "switched off"
        print(f"{w.name:40} {w.kind:12} {w.n:8} active entries  {state:12} {w.required_action}")
    return 0


def run_screen(args: argparse.Namespace) -> int:
    from sarhad.cli import setup_django

    setup_django()
    from sarhad.common.errors import ServiceError
    from sarhad.watchlists import services

    number, _, state = (args.document or "").partition(":")
    try:
        outcome = services.screen(
            _actor(), surname=args.name, given_names="", native_name=args.native, birth_date=args.dob,
            nationality=args.nationality, sex=args.sex, document_number=number or None,
            issuing_state=state or None, post=args.post, context="cli", record=args.record,
        )
    except ServiceError as exc:
        print(f"sarhad watchlist screen: {exc.message}", file=sys.stderr)
        return 2
    if args.json:
        for hit in outcome.hits:
            print(json.dumps({"id": str(hit.id) if hit.id else None, "status": hit.status, "list": hit.list_name,
                              "required_action": hit.required_action, **hit.explanation}, ensure_ascii=False))
        return 0
    if not outcome.hits:
        print(f"no hits among {outcome.entries_screened} entries")
    for n, hit in enumerate(outcome.hits, 1):
        if n > 1:
            print()
        status = f" [{hit.status}: {hit.dismissal_reason}]" if hit.dismissal_reason else f" [{hit.status}]"
        print(f"{n}. {hit.list_name}{status}")
        print(hit.explanation_text)
    return 0


def run_index(args: argparse.Namespace) -> int:
    from sarhad.cli import setup_django

    setup_django()
    from sarhad.watchlists.live import LIVE

    if args.rebuild:
        LIVE.reset()
        for old in LIVE.snapshot_files():
            old.unlink(missing_ok=True)
    path = LIVE.save_snapshot()
    with LIVE.lock:
        index = LIVE.current()
        size = len(index)
        if args.export:
            index.save(args.export)
    print(f"{size} entries at change {LIVE.generation}" + (f"; snapshot {path}" if path else " (no entries yet)"))
    if args.export:
        print(f"exported to {args.export}")
    return 0
