"""Rarely changed rows that every desk request reads, kept in the process for a while.

A desk check reads its border post, the traveller's country codes and the stay regime
of a nationality; an API call reads its client and the client's posts. These change in
admin a few times a year and are read hundreds of times a second, so each process keeps
them in a dictionary of its own for ``SARHAD_REFERENCE_CACHE_SECONDS`` (default 30 s).

The values are kept as they are, not as copies: a caller reads them and never changes
them (model instances, frozen actors, frozen sets). Django's local-memory cache, used
before, pickled every value on the way in and out, and unpickling the watchlists and
the country codes cost about 60 µs a read, half a millisecond per desk check and record.

A save or delete of a watched model empties the cache of the process that made it, at
once and again when the transaction commits; the other processes see the change when
their copy expires. Decision 0006 explains the trade-off.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

T = TypeVar("T")
#: More keys than the reference data has (posts, regimes, clients, the watchlists of the
#: index's change): past it, everything is dropped and read again.
MAX_KEYS = 5000
_values: dict[str, tuple[float, Any]] = {}


def get(key: str, load: Callable[[], T], *, keep_none: bool = True) -> T:
    """The cached value of ``key``, loaded with ``load()`` when absent or expired.

    ``keep_none=False``: a ``None`` loaded is not kept (asked again next time).
    """
    now = time.monotonic()
    found = _values.get(key)
    if found is not None and found[0] > now:
        return found[1]
    value = load()
    if value is not None or keep_none:
        if len(_values) >= MAX_KEYS:
            _values.clear()
        _values[key] = (now + settings.SARHAD_REFERENCE_CACHE_SECONDS, value)
    return value


def clear(**_ignored) -> None:
    """Forget everything cached (signal receiver; also called by the tests)."""
    _values.clear()
    if transaction.get_connection().in_atomic_block:
        # A read later in the same transaction may cache what the transaction then rolls
        # back, or what it changes next: forget again once it has ended.
        transaction.on_commit(_values.clear)


def watch(*models) -> None:
    """Empty the cache whenever a row of one of ``models`` (or its many-to-many) changes."""
    for model in models:
        uid = f"refcache:{model._meta.label}"
        post_save.connect(clear, sender=model, dispatch_uid=uid + ":save", weak=False)
        post_delete.connect(clear, sender=model, dispatch_uid=uid + ":delete", weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(clear, sender=field.remote_field.through, dispatch_uid=f"{uid}:{field.name}",
                                weak=False)
