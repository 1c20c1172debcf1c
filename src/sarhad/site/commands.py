"""Database-backed ``sarhad`` subcommands: serve, demo, audit, api-client, manage."""

from __future__ import annotations

import argparse
import json
import os
import sys

from sarhad.cli import setup_django


def register(subparsers) -> None:
    p = subparsers.add_parser("serve", help="migrate the database and serve Sarhad with gunicorn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    # One process per core and one more, one thread each: a request is mostly Python (one
    # thread runs at a time in a process), so a second thread only makes requests wait
    # inside the process; the extra process uses the time another waits for the database.
    p.add_argument("--workers", type=int, default=int(os.environ.get("SARHAD_WORKERS", (os.cpu_count() or 1) + 1)),
                   help="worker processes (SARHAD_WORKERS; default: cores + 1)")
    p.add_argument("--threads", type=int, default=int(os.environ.get("SARHAD_THREADS", "1")),
                   help="threads per worker (SARHAD_THREADS; default 1)")
    p.add_argument("--no-migrate", action="store_true", help="do not apply pending migrations first")
    p.set_defaults(func=serve)

    p = subparsers.add_parser("demo", help="load the demo country into the database (idempotent)")
    p.add_argument("--travellers", type=int, default=10_000)
    p.add_argument("--years", type=int, default=1)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=demo)

    p = subparsers.add_parser("migrate", help="create or upgrade the database schema")
    p.set_defaults(func=migrate)

    p = subparsers.add_parser("audit", help="audit log tools")
    sub = p.add_subparsers(dest="audit_command", metavar="ACTION")
    v = sub.add_parser("verify", help="check the whole hash chain; name the first broken entry")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=audit_verify)

    p = subparsers.add_parser("api-client", help="API clients (partner agencies, e-gates)")
    sub = p.add_subparsers(dest="client_command", metavar="ACTION")
    c = sub.add_parser("create", help="create a client and print its token (shown once)")
    c.add_argument("name")
    c.add_argument("--scope", action="append", default=[], dest="scopes",
                   help="grant a scope (repeatable); see --list-scopes")
    c.add_argument("--post", action="append", default=[], dest="posts", help="bind to a border crossing point")
    c.add_argument("--agency", default="")
    c.set_defaults(func=api_client_create)
    s = sub.add_parser("scopes", help="list the scopes a client can hold")
    s.set_defaults(func=api_client_scopes)

    p = subparsers.add_parser("manage", help="run a Django management command", add_help=False)
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=manage)


def migrate(args=None) -> int:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    return 0


def serve(args) -> int:
    if args.host in {"127.0.0.1", "localhost", "::1"} and "SARHAD_HTTPS" not in os.environ:
        # Plain HTTP on the loopback only (a desk or a demo); anything wider needs TLS.
        os.environ["SARHAD_HTTPS"] = "0"
    if not args.no_migrate:
        migrate()
    warm_screening_index()
    print(f"Sarhad is serving on http://{args.host}:{args.port}/  (Ctrl+C to stop)", flush=True)
    argv = [
        "gunicorn", "sarhad.site.wsgi:application",
        "--bind", f"{args.host}:{args.port}",
        # gthread even with one thread: it keeps client connections alive (e-gates, kiosks)
        "--worker-class", "gthread", "--workers", str(args.workers), "--threads", str(args.threads),
        "--access-logfile", "-", "--timeout", "60",
    ]
    from gunicorn.app.wsgiapp import run

    sys.argv = argv
    return run() or 0


def warm_screening_index() -> None:
    """Bring the watchlist index snapshot up to date before the workers start, so each
    worker loads it instead of rebuilding it from the database on its first check."""
    setup_django()
    from sarhad.watchlists.live import LIVE

    # A first build (no snapshot yet) uses every core; the server's workers, forked
    # later, must not fork again: back to one process afterwards.
    LIVE.build_workers = os.cpu_count() or 1
    try:
        path = LIVE.save_snapshot()
    finally:
        LIVE.build_workers = 1
    if path:
        print(f"screening index ready: {len(LIVE.current())} entries ({path.name})", flush=True)


def demo(args) -> int:
    migrate()
    from sarhad.demo.country import load_demo_country, print_logins

    summary = load_demo_country(travellers=args.travellers, years=args.years, seed=args.seed)
    print(summary)
    print_logins()
    return 0


def audit_verify(args) -> int:
    setup_django()
    from sarhad.audit.services import verify_chain

    result = verify_chain()
    if args.json:
        print(json.dumps(result.__dict__))
    elif result.ok:
        print(f"audit chain OK: {result.checked} entries verified")
    else:
        print(f"audit chain BROKEN at entry {result.first_broken_id}: {result.reason} "
              f"({result.checked} entries before it verified)")
    return 0 if result.ok else 1


def api_client_create(args) -> int:
    setup_django()
    from sarhad.accounts.actor import Actor
    from sarhad.accounts.services import create_api_client
    from sarhad.common.errors import ServiceError

    try:
        client, token = create_api_client(Actor.system("cli"), args.name, args.scopes, args.posts, args.agency)
    except ServiceError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    print(f"created API client {client.name!r} with scopes {', '.join(client.scopes) or '(none)'}")
    print(f"token (shown once; store it in the client's secret store): {token}")
    return 0


def api_client_scopes(args) -> int:
    from sarhad.accounts.roles import API_SCOPES

    for scope, text in API_SCOPES.items():
        print(f"{scope:18} {text}")
    return 0


def manage(args) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sarhad manage", *args.args])
    return 0
