"""The ``sarhad`` command.

Each part of Sarhad contributes its own subcommands: a module listed in
``COMMAND_MODULES`` defines ``register(subparsers)``, which adds its parsers and sets
``func`` on each (a callable taking the parsed ``args`` and returning an exit code).
Kernel commands (``mrz``, ``names``, ``stay``, ``deadline``) never start Django, so they
answer at once; commands that touch the database call :func:`setup_django` first.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMAND_MODULES = (
    "sarhad.site.commands",
    "sarhad.documents.cli",
    "sarhad.names.cli",
    "sarhad.screening.cli",
    "sarhad.rules.cli",
    "sarhad.watchlists.cli",
    "sarhad.border.cli",
)


def setup_django() -> None:
    """Configure Django for a command that needs the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sarhad.site.settings")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sarhad",
        description="Sarhad migration and border management information system.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # A part not yet installed in this tree; any other import error is a bug.
            if exc.name and name.startswith(exc.name):
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # e.g. `sarhad mrz check < big | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
