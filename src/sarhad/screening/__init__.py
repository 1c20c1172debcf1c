"""Watchlist screening: is this traveller on a list, and why do we think so?

A pure kernel (no Django, no I/O except the index snapshot files it is asked to read or
write). The watchlists app owns the lists and feeds their entries in; the border desk
asks :meth:`ScreeningIndex.search` about each traveller and shows the hits with their
explanations.

>>> from sarhad.screening import ScreeningIndex, WatchlistEntry, Query   # doctest: +SKIP
>>> index = ScreeningIndex()                                             # doctest: +SKIP
>>> index.add(WatchlistEntry("E1", 1, "bans", names=("Məmmədov Əli Həsən oğlu",),
...                          birth_dates=("1980-05-02",), nationalities=("AZE",)))
>>> for hit in index.search(Query.traveller("MAMMADOV<<ALI", dob="1980-05-02")):
...     print(hit.explain())

Lost and stolen documents are entries of kind ``ListKind.LOST_STOLEN_DOCUMENT``; they
are found by document number and issuing state, tolerant of OCR confusions
(:mod:`.docnumbers`).
"""

from .docnumbers import CONFUSIONS, canonical
from .index import AddResult, ScreeningIndex, default_policy
from .model import (
    BirthDate,
    DatePrecision,
    Decision,
    DocumentMatch,
    DocumentRef,
    Hit,
    InvalidEntry,
    InvalidQuery,
    ListKind,
    QualifierEffect,
    Query,
    WatchlistEntry,
)
from .qualifiers import ScoringPolicy
from .snapshot import SnapshotError

__all__ = [
    "CONFUSIONS",
    "AddResult",
    "BirthDate",
    "DatePrecision",
    "Decision",
    "DocumentMatch",
    "DocumentRef",
    "Hit",
    "InvalidEntry",
    "InvalidQuery",
    "ListKind",
    "QualifierEffect",
    "Query",
    "ScoringPolicy",
    "ScreeningIndex",
    "SnapshotError",
    "WatchlistEntry",
    "canonical",
    "default_policy",
]
