"""The name engine screening builds on.

Screening does not know how names are transliterated or compared: it asks a *name
engine*, by default :mod:`sarhad.names`. Anything with the four functions of
:class:`NameEngine` will do, which keeps this package testable on its own and lets a
deployment swap in another engine without touching the index.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol, runtime_checkable

__all__ = ["NameEngine", "default_engine", "engine_fingerprint"]


@runtime_checkable
class NameEngine(Protocol):
    def keys(self, name: str) -> frozenset[str]:
        """Blocking keys: two names that may be the same share at least one."""
        ...

    def prepare(self, name: str) -> Any:
        """A prepared (parsed, transliterated) name for :meth:`compare_prepared`."""
        ...

    def compare_prepared(self, query: Any, candidate: Any) -> Any:
        """A comparison with ``.score`` in [0, 1] and ``.explain()``."""
        ...


def default_engine() -> NameEngine:
    """:mod:`sarhad.names`, imported on first use."""
    from sarhad import names

    return names  # type: ignore[return-value]


# Names in the region's scripts; if an engine gives other keys (or other sound keys of the
# words) for them than the one that built a snapshot, the snapshot's postings and name
# words are stale and are rebuilt from its entries.
_PROBES = (
    "Məmmədov Əli Həsən oğlu",
    "Мамедов Али Гасанович",
    "محمد حسین زاده",
    "Hüseynov Rəşad",
    "გიორგი ბერიძე",
    "Արամ Պետրոսյան",
    "O'Connor-Smith, John",
    "MAMMADOV<<ALI",
)


def engine_fingerprint(engine: NameEngine) -> str:
    digest = hashlib.sha256()
    digest.update(f"{getattr(engine, '__name__', type(engine).__name__)}\n".encode())
    for probe in _PROBES:
        try:
            keys = sorted(engine.keys(probe))
        except Exception as exc:  # an engine that rejects a probe still has a fingerprint
            keys = [f"!{type(exc).__name__}"]
        digest.update(("\x1f".join(keys) + "\n").encode())
        # the words' sound keys, which the index stores for its word pre-check
        try:
            tokens = getattr(engine.prepare(probe), "tokens", None) or ()
            words = [sorted(getattr(t, "readings", None) or getattr(t, "keys", None) or ()) for t in tokens]
        except Exception as exc:
            words = [[f"!{type(exc).__name__}"]]
        digest.update(("\x1e".join("\x1f".join(w) for w in words) + "\n").encode())
    return digest.hexdigest()[:32]
