"""Exceptions of the rules kernel.

Every error names the input field it is about (``field``, e.g. ``"stays[2].exit"``) and
says why, so the CLI, the API and the desk can point the officer at the wrong value.
All are :class:`ValueError` subclasses.
"""

from __future__ import annotations


class RulesError(ValueError):
    """Base class: ``field`` names the offending input, the message says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class InvalidStay(RulesError):
    """A stay is malformed: exit before entry, overlapping stays, open stay not last."""


class InvalidParameter(RulesError):
    """A parameter of a regime or a rule is out of range (limit, window, amount...)."""


class UnknownUnit(RulesError):
    """A deadline unit that the engine does not know."""


class UnknownRule(RulesError):
    """A deadline or registration rule key that is not in the catalogue."""


class CalendarFileError(RulesError):
    """A national calendar file that cannot be read or has a wrong entry."""
