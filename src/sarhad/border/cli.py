"""``sarhad border ...``: the daily overstayer job and the demo queue."""

from __future__ import annotations

import csv
import sys
from datetime import date


def register(subparsers) -> None:
    p = subparsers.add_parser("border", help="border crossing tools")
    sub = p.add_subparsers(dest="border_command", metavar="ACTION")
    o = sub.add_parser("overstayers", help="list people inside the country beyond their permitted stay (daily job)")
    o.add_argument("--on", type=date.fromisoformat, default=None, help="date (default: today)")
    o.add_argument("--nationality", default=None)
    o.add_argument("--post", default=None)
    o.add_argument("--output", "-o", default="-", help="CSV file (default: standard output)")
    o.set_defaults(func=overstayers)
    q = sub.add_parser("demo-queue", help="print the demo post's queue of MRZs to scan")
    q.set_defaults(func=demo_queue)


def overstayers(args) -> int:
    from sarhad.cli import setup_django

    setup_django()
    from sarhad.accounts.actor import Actor
    from sarhad.border.selectors import OVERSTAYER_COLUMNS
    from sarhad.border.selectors import overstayers as list_overstayers

    rows = list_overstayers(Actor.system("overstayer-job"), args.on, nationality=args.nationality, post=args.post)
    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="", encoding="utf-8")
    try:
        writer = csv.DictWriter(out, fieldnames=OVERSTAYER_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{len(rows)} overstayers", file=sys.stderr)
    return 0


def demo_queue(args) -> int:
    from sarhad.demo.queue import demo_queue as queue

    for item in queue():
        print(f"# {item['label']} ({item['direction']}): {item['note']}")
        print(item["mrz"])
        print()
    return 0
