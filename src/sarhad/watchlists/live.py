"""The process-wide screening index, kept in step with the database.

Every process that screens (each gunicorn worker, the CLI) holds one
:class:`~sarhad.screening.ScreeningIndex` of the active entries of the active lists.

- **Change counter.** Every write to an entry takes the next value of the single
  :class:`~sarhad.watchlists.models.WatchlistState` row (under a row lock, so values
  commit in order) and stamps it on the entry as ``seq``. A process whose index is at
  counter ``g`` catches up by reading only the entries with ``seq > g`` and adding or
  removing each one: incremental, whichever process made the change.
- **When.** Before screening, the process reads the counter (one primary-key lookup) at
  most every ``SARHAD_SCREENING_SYNC_SECONDS`` (default 0: on every screening, which costs
  a fraction of a millisecond against the screening itself). Staleness never depends on
  timing in tests: with the default, every call sees the latest committed change.
- **Restart.** A full build from a million entries takes minutes, so the index is saved
  as a snapshot ``index-<epoch>-<counter>.snap`` under ``var/screening/`` after a full
  build and after large catch-ups; a starting process loads the newest snapshot of this
  database (``epoch``) and applies the changes made since its counter. The counter in
  the file name is written with the file (atomically, by rename), so a snapshot can
  never claim changes it does not contain.

The index is not safe for a writer and readers at once, so one lock guards it per
process; screening is fast enough that workers' threads queue briefly at worst.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import secrets
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, connections, transaction

from sarhad.common import rawsql
from sarhad.screening import ScreeningIndex, SnapshotError

log = logging.getLogger(__name__)

#: Save a new snapshot after catching up on at least this many changed entries.
SNAPSHOT_AFTER_CHANGES = 5_000
_SNAPSHOT_RE = re.compile(r"^index-([0-9a-f]{32})-(\d{12})\.snap$")


def snapshot_dir() -> Path:
    return Path(getattr(settings, "SARHAD_SCREENING_DIR", None) or Path(settings.VAR_DIR) / "screening")


def _sync_interval() -> float:
    return float(os.environ.get("SARHAD_SCREENING_SYNC_SECONDS", "0") or 0)


# --------------------------------------------------------------------------- the counter

def next_generation() -> int:
    """Take the next change-counter value (call inside the writing transaction)."""
    from .models import WatchlistState

    with transaction.atomic():
        state = WatchlistState.objects.select_for_update().filter(pk=1).first()
        if state is None:
            try:
                with transaction.atomic():  # two first writers at once: one creates, both go on
                    WatchlistState.objects.create(pk=1, epoch=secrets.token_hex(16), generation=0)
            except IntegrityError:
                pass
            state = WatchlistState.objects.select_for_update().get(pk=1)
        state.generation += 1
        WatchlistState.objects.filter(pk=1).update(generation=state.generation)
        return state.generation


def current_state() -> tuple[str, int]:
    """``(epoch, generation)`` of the database ('' and 0 before any change)."""
    from .models import WatchlistState

    # Plain SQL: every screening asks, and the ORM's query building costs more than the read.
    with connections[WatchlistState.objects.db].cursor() as cursor:
        cursor.execute(state_part().sql)
        return state_from(cursor.fetchall())


def state_part() -> rawsql.Part:
    """The read of :func:`current_state` as a part of a combined statement
    (:func:`sarhad.common.rawsql.read_parts`): the desk check reads it with the
    traveller's records, in one round trip."""
    from .models import WatchlistState

    return rawsql.Part("s", ("epoch", "generation"), f"FROM {rawsql.table(WatchlistState)} WHERE id = 1",
                       types=rawsql.column_types(WatchlistState, ("epoch", "generation")))


def state_from(rows: list[tuple]) -> tuple[str, int]:
    """``(epoch, generation)`` from the rows of :func:`state_part`."""
    return (rows[0][0], int(rows[0][1])) if rows else ("", 0)


# --------------------------------------------------------------------------- the index

def kernel_entries(queryset):
    """``(screenable, entry)`` for each entry row: the kernel value, and whether the entry
    and its list are both active. Reads plain values (no model instances): a full build
    reads every row."""
    from .models import ListKind, Watchlist
    from .values import EntryData, to_kernel

    lists = {w.pk: w for w in Watchlist.objects.all()}
    fields = ("id", "version", "watchlist_id", "active", "names", "aliases", "birth_dates", "nationalities",
              "sex", "documents", "required_action", "remarks")
    for (pk, version, list_id, active, names, aliases, dobs, nats, sex, docs, action,
         remarks) in queryset.order_by().values_list(*fields).iterator(chunk_size=2000):
        watchlist = lists.get(list_id) or Watchlist.objects.get(pk=list_id)
        lists[list_id] = watchlist
        data = EntryData(names=tuple(names), aliases=tuple(aliases), birth_dates=tuple(dobs),
                         nationalities=tuple(nats), sex=sex, documents=tuple(docs), required_action=action,
                         remarks=remarks)
        yield active and watchlist.active, to_kernel(
            str(pk), version, watchlist.name, data, document_list=watchlist.kind == ListKind.LOST_STOLEN,
            default_action=watchlist.required_action)


#: An index of at least this many entries is moved out of the garbage collector's way
#: once loaded or built (see ``_out_of_the_collectors_way``).
FREEZE_AFTER_ENTRIES = 50_000


def _out_of_the_collectors_way(index: ScreeningIndex) -> None:
    """Keep the collector's full passes from walking a large index.

    The index holds a few lists of a million ``bytes`` each (the entry records and name
    words). A full collection visits every item of every tracked list. In a server process
    that is 50–150 ms each time, every few hundred requests, for objects that cannot be in
    a reference cycle. ``gc.freeze`` moves everything alive now (the index, Django, the
    loaded modules) to a generation the collector never visits. It runs after a collection,
    so no garbage is kept. Reference counting still frees a replaced index.
    """
    if len(index) >= FREEZE_AFTER_ENTRIES:
        gc.collect()
        gc.freeze()


class LiveIndex:
    """One screening index per process, brought up to date before use."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.index: ScreeningIndex | None = None
        self.epoch = ""
        self.generation = 0
        self.changes_since_snapshot = 0
        self._checked_at = 0.0
        #: Worker processes for a full build (``ScreeningIndex.add_many``). More than one
        #: only in a single-threaded process about to serve (``sarhad serve`` sets it for
        #: its warm-up, before the server's workers start): a build forks.
        self.build_workers = 1

    # -- public ---------------------------------------------------------------------
    def current(self, state: tuple[str, int] | None = None) -> ScreeningIndex:
        """The index, up to date with every change committed before this call.

        Call (and use the result) while holding :attr:`lock`. ``state``: the database's
        ``(epoch, generation)`` if the caller has just read it (:func:`state_part`).
        """
        now = time.monotonic()
        interval = _sync_interval()
        if self.index is not None and interval > 0 and now - self._checked_at < interval:
            return self.index
        epoch, generation = current_state() if state is None else state
        if self.index is None or epoch != self.epoch:
            self._start(epoch, generation)
        elif generation != self.generation:
            self._catch_up(generation)
        self._checked_at = now
        assert self.index is not None
        return self.index

    def reset(self) -> None:
        """Forget the index (the next use loads or builds it again)."""
        with self.lock:
            self.index = None
            self.epoch = ""
            self.generation = 0
            self.changes_since_snapshot = 0

    def snapshot_files(self) -> list[Path]:
        try:
            return [p for p in snapshot_dir().glob("index-*.snap") if _SNAPSHOT_RE.match(p.name)]
        except OSError:
            return []

    def save_snapshot(self) -> Path | None:
        """Write the index as this database's newest snapshot; remove older ones."""
        with self.lock:
            index = self.current()
            if not self.epoch:
                return None
            directory = snapshot_dir()
            path = directory / f"index-{self.epoch}-{self.generation:012d}.snap"
            index.save(path)
            self.changes_since_snapshot = 0
            for other in directory.glob("index-*.snap"):
                match = _SNAPSHOT_RE.match(other.name)
                if match and other != path and (match.group(1) != self.epoch or int(match.group(2)) < self.generation):
                    other.unlink(missing_ok=True)
            return path

    # -- internals ------------------------------------------------------------------
    def _start(self, epoch: str, generation: int) -> None:
        snapshot = self._newest_snapshot(epoch, generation)
        if snapshot is not None:
            path, at = snapshot
            try:
                self.index = ScreeningIndex.load(path)
                self.epoch, self.generation = epoch, at
                if at != generation:
                    self._catch_up(generation)
                _out_of_the_collectors_way(self.index)
                return
            except (SnapshotError, OSError) as exc:
                log.warning("screening snapshot %s not used: %s", path, exc)
        self._build(epoch, generation)

    def _newest_snapshot(self, epoch: str, generation: int) -> tuple[Path, int] | None:
        if not epoch:
            return None
        best: tuple[Path, int] | None = None
        try:
            files = list(snapshot_dir().glob(f"index-{epoch}-*.snap"))
        except OSError:
            return None
        for path in files:
            match = _SNAPSHOT_RE.match(path.name)
            if match and int(match.group(2)) <= generation and (best is None or int(match.group(2)) > best[1]):
                best = (path, int(match.group(2)))
        return best

    def _build(self, epoch: str, generation: int) -> None:
        from .models import WatchlistEntry

        index = ScreeningIndex()
        rows = WatchlistEntry.objects.filter(active=True, watchlist__active=True)
        index.add_many((entry for _screenable, entry in kernel_entries(rows)), workers=self.build_workers)
        index.seal()  # as a loaded snapshot is: less memory, nothing for the garbage collector
        _out_of_the_collectors_way(index)
        self.index, self.epoch, self.generation = index, epoch, generation
        self.changes_since_snapshot = 0
        if epoch and len(index) >= 1:
            try:
                self.save_snapshot()
            except OSError as exc:  # a read-only data folder must not stop screening
                log.warning("screening snapshot not written: %s", exc)

    def _catch_up(self, generation: int) -> None:
        from .models import WatchlistEntry

        assert self.index is not None
        rows = WatchlistEntry.objects.filter(seq__gt=self.generation)
        changed = 0
        for screenable, entry in kernel_entries(rows):
            if screenable:
                self.index.add(entry)
            else:
                self.index.remove(entry.id)
            changed += 1
        self.generation = generation
        self.changes_since_snapshot += changed
        if self.changes_since_snapshot >= SNAPSHOT_AFTER_CHANGES:
            try:
                self.save_snapshot()
            except OSError as exc:
                log.warning("screening snapshot not written: %s", exc)


#: The index of this process.
LIVE = LiveIndex()
