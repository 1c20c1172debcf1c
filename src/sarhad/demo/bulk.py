"""Load benchmark-scale data into PostgreSQL with ``COPY``: a country's travellers and a
million-entry watchlist.

:func:`load_population` streams the same seeded :func:`sarhad.demo.country.generate` as
the demo loader (same people, documents and crossings, with the same ids for the same
options), but writes them with ``COPY ... FROM STDIN`` in one transaction instead of
``bulk_create``. The generator builds Django model instances, so the row values come
from the models themselves (every concrete field, defaults included) and a schema change
never leaves a column behind. Two things make ``COPY`` of millions of rows fast:

- the secondary (non-unique) indexes of the loaded tables are dropped for the load and
  created again at the end (one sort each instead of millions of inserts into each);
- foreign keys are not checked row by row (``session_replication_role = replica`` for
  the load's transaction): the rows come from one generator that only points at rows it
  made or at reference data, so the checks would only spend time. This needs a
  superuser, which the throwaway benchmark server's user is.

:func:`load_watchlist` writes the entries of four lists through ``COPY`` too, each one
validated and put in canonical form by the watchlists app's own
:func:`~sarhad.watchlists.values.normalise_entry`, all stamped with one value of the
change counter; the app then builds its screening index from the table and saves the
snapshot that serving processes load (:mod:`sarhad.watchlists.live`). A share of the
population (every ``LISTED_EVERY``-th traveller) is put on the entry-ban list, so a load
generator can draw travellers who must hit.

Both loaders refuse to load twice: they look for their own first row and return without
writing when it is there. Both print progress lines.

    from sarhad.demo.bulk import load_population, load_watchlist
    load_population(travellers=1_500_000, years=5, seed=2026)
    load_watchlist(entries=1_000_000, seed=2026)
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from django.db import connection, transaction
from django.utils import timezone

#: Every this-many-th traveller of the population is also on the entry-ban list.
LISTED_EVERY = 997
#: Lists made by :func:`load_watchlist` (name, kind).
BENCH_LISTS = (
    ("Bench: national entry bans", "entry_ban"),
    ("Bench: wanted persons", "wanted"),
    ("Bench: imported public list", "public"),
    ("Bench: lost and stolen documents", "lost_stolen"),
)
LISTED_EXTERNAL_PREFIX = "traveller:"


@dataclass(frozen=True)
class LoadReport:
    what: str
    rows: dict[str, int]
    seconds: float
    skipped: bool = False

    def __str__(self) -> str:
        if self.skipped:
            return f"{self.what}: already loaded, nothing written"
        counts = ", ".join(f"{n} {table}" for table, n in self.rows.items())
        return f"{self.what}: {counts} in {self.seconds:.1f} s"


def _say(text: str, quiet: bool) -> None:
    if not quiet:
        print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- COPY text


def _escape(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def _text_value(value) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return _escape(value)
    if isinstance(value, (int, float, uuid.UUID)):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return _escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    return _escape(str(value))


class _Table:
    """The COPY statement and row formatter of one model (every concrete column)."""

    def __init__(self, model, now: datetime):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields]
        self.table = model._meta.db_table
        quote = connection.ops.quote_name
        self.sql = f"COPY {quote(self.table)} ({', '.join(quote(f.column) for f in self.fields)}) FROM STDIN"
        # auto_now / auto_now_add fields are only filled by save(); give them the load time.
        self.auto = {f.attname for f in self.fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)}
        self.now = now
        self.attnames = [f.attname for f in self.fields]

    def line(self, obj) -> str:
        values = []
        for name in self.attnames:
            value = getattr(obj, name)
            if value is None and name in self.auto:
                value = self.now
            values.append(_text_value(value))
        return "\t".join(values) + "\n"


def _copy(cursor, table: _Table, lines: list[str]) -> None:
    if not lines:
        return
    with cursor.copy(table.sql) as copy:
        copy.write("".join(lines))


def _secondary_indexes(cursor, tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the plain indexes of ``tables`` (no constraint behind them)."""
    cursor.execute(
        """
        SELECT i.relname, pg_get_indexdef(x.indexrelid)
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid
        WHERE t.relname = ANY(%s) AND c.oid IS NULL AND t.relnamespace = 'public'::regnamespace
        """,
        [tables],
    )
    return list(cursor.fetchall())


class _FastLoad:
    """Inside a transaction: no row-by-row FK checks, plain indexes rebuilt at the end."""

    def __init__(self, cursor, tables: list[str], quiet: bool):
        self.cursor, self.tables, self.quiet = cursor, tables, quiet
        self.indexes: list[tuple[str, str]] = []

    def __enter__(self):
        if connection.vendor != "postgresql":
            raise RuntimeError("the bulk loader writes with PostgreSQL's COPY; set DATABASE_URL to a PostgreSQL database")
        self.cursor.execute("SET LOCAL session_replication_role = replica")
        self.cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        self.indexes = _secondary_indexes(self.cursor, self.tables)
        for name, _sql in self.indexes:
            self.cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        return self

    def rebuild(self) -> None:
        started = time.perf_counter()
        for _name, sql in self.indexes:
            self.cursor.execute(sql)
        for table in self.tables:
            self.cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        _say(f"  rebuilt {len(self.indexes)} indexes and analysed in {time.perf_counter() - started:.1f} s", self.quiet)

    def __exit__(self, *exc):
        return False


# --------------------------------------------------------------------------- population


def load_population(travellers: int, years: int, seed: int = 2026, today: date | None = None,
                    chunk: int = 20_000, quiet: bool = False) -> LoadReport:
    """Write the demo generator's travellers, documents, nationalities and crossings.

    One transaction: an interrupted load leaves nothing behind. A second call with the
    same options finds the first traveller and writes nothing.
    """
    from sarhad.border.models import Crossing
    from sarhad.demo.country import generate
    from sarhad.people.models import Person, TravelDocument

    today = today or date.today()
    started = time.perf_counter()
    rows = generate(travellers, years, seed, today)
    first = next(rows, None)
    if first is None:
        return LoadReport("population", {}, 0.0)
    if Person.objects.filter(pk=first[0].pk).exists():
        _say(f"population: already loaded (traveller {first[0].pk} exists); nothing written", quiet)
        return LoadReport("population", {}, 0.0, skipped=True)

    now = timezone.now()
    Link = Person.nationalities.through
    person_t, doc_t, crossing_t = _Table(Person, now), _Table(TravelDocument, now), _Table(Crossing, now)
    link_table = connection.ops.quote_name(Link._meta.db_table)
    person_col = connection.ops.quote_name(Link._meta.get_field("person").column)
    country_col = connection.ops.quote_name(Link._meta.get_field("country").column)
    link_sql = f"COPY {link_table} ({person_col}, {country_col}) FROM STDIN"
    tables = [person_t.table, doc_t.table, Link._meta.db_table, crossing_t.table]
    counts = {"travellers": 0, "documents": 0, "nationalities": 0, "crossings": 0, "skipped_duplicate_document": 0}
    numbers: set[str] = set()
    generate_s = copy_s = 0.0

    def chained():
        yield first
        yield from rows

    with transaction.atomic(), connection.cursor() as django_cursor:
        cursor = django_cursor.cursor  # the psycopg cursor, for COPY
        with _FastLoad(cursor, tables, quiet) as fast:
            people, docs, links, crossings = [], [], [], []
            source = chained()
            next_report = 100_000
            while True:
                t0 = time.perf_counter()
                for person, document, nationality, trips in source:
                    # The generator draws document numbers at random: at this scale a few
                    # repeat (the demo loader's ignore_conflicts hides that). The second
                    # holder of a number is left out, with their crossings.
                    key = f"{document.issuing_state_id}:{document.number}"
                    if key in numbers:
                        counts["skipped_duplicate_document"] += 1
                        continue
                    numbers.add(key)
                    people.append(person_t.line(person))
                    docs.append(doc_t.line(document))
                    links.append(f"{person.pk}\t{nationality}\n")
                    for crossing in trips:
                        crossings.append(crossing_t.line(crossing))
                    if len(people) >= chunk:
                        break
                t1 = time.perf_counter()
                generate_s += t1 - t0
                if not people:
                    break
                _copy(cursor, person_t, people)
                _copy(cursor, doc_t, docs)
                with cursor.copy(link_sql) as copy:
                    copy.write("".join(links))
                _copy(cursor, crossing_t, crossings)
                copy_s += time.perf_counter() - t1
                counts["travellers"] += len(people)
                counts["documents"] += len(docs)
                counts["nationalities"] += len(links)
                counts["crossings"] += len(crossings)
                people, docs, links, crossings = [], [], [], []
                if counts["travellers"] >= next_report or counts["travellers"] == travellers:
                    elapsed = time.perf_counter() - started
                    _say(f"  population: {counts['travellers']:,}/{travellers:,} travellers, "
                         f"{counts['crossings']:,} crossings, {elapsed:.0f} s "
                         f"(generator {generate_s:.0f} s, COPY {copy_s:.0f} s)", quiet)
                    next_report += 100_000
            fast.rebuild()
    seconds = time.perf_counter() - started
    _say(f"population: generator and row text {generate_s:.1f} s, COPY {copy_s:.1f} s, total {seconds:.1f} s", quiet)
    return LoadReport("population", counts, seconds)


# --------------------------------------------------------------------------- watchlist


def _birth_dates(rng: random.Random) -> tuple[str, ...]:
    year, month, day = rng.randint(1945, 2006), rng.randint(1, 12), rng.randint(1, 28)
    r = rng.random()
    if r < 0.70:
        return (f"{year}-{month:02d}-{day:02d}",)
    if r < 0.85:
        return (str(year),)
    if r < 0.95:
        return (f"{year - 2}..{year + 2}",)
    return ()


def _passport(rng: random.Random) -> str:
    return rng.choice("ABCDEFHKLMNPRTUX") + "".join(rng.choice("0123456789") for _ in range(8))


def _synthetic_entries(count: int, seed: int):
    """(list index, EntryData) of made-up listed people and lost/stolen documents."""
    from sarhad.names.synthetic import generate_people
    from sarhad.watchlists.values import EntryData

    rng = random.Random(seed ^ 0x5EED)
    for i, person in enumerate(generate_people(count, seed=seed ^ 0xBEEF)):
        if rng.random() < 0.05:
            yield 3, EntryData(documents=(f"{_passport(rng)}:{person.nationality}",), external_id=f"doc:{i}")
            continue
        names = [person.native_full]
        latin = person.latin_full
        if latin.upper() != person.native_full.upper():
            names.append(latin)
        aliases = (f"{person.latin_surname} {person.latin_given}",) if rng.random() < 0.2 else ()
        yield i % 3, EntryData(
            names=tuple(names), aliases=aliases, birth_dates=_birth_dates(rng),
            nationalities=(person.nationality,) if rng.random() < 0.9 else (),
            sex=person.sex if rng.random() < 0.85 else "",
            documents=(f"{_passport(rng)}:{person.nationality}",) if rng.random() < 0.3 else (),
            external_id=f"syn:{i}",
        )


def _listed_travellers(every: int):
    """EntryData for every ``every``-th traveller already in the registry (by id): entry bans.

    Read back from the database, so the watchlist can be loaded after the population
    without running the generator again.
    """
    from sarhad.people.models import Person, TravelDocument
    from sarhad.watchlists.values import EntryData

    person_table = connection.ops.quote_name(Person._meta.db_table)
    doc_table = connection.ops.quote_name(TravelDocument._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT p.id, p.surname, p.given_names, p.surname_native, p.given_names_native, p.patronymic,
                   p.birth_year, p.birth_month, p.birth_day, p.sex, d.number, d.issuing_state_id
            FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM {person_table}) p
            JOIN {doc_table} d ON d.person_id = p.id
            WHERE p.n %% %s = 1
            ORDER BY p.id""", [every])
        rows = cursor.fetchall()
    for i, (pid, surname, given, surname_n, given_n, patronymic, year, month, day, sex, number, state) in enumerate(rows):
        if state in {"AZE", "RUS", "UKR", "KAZ"}:  # the order the person's own documents use
            native = " ".join(p for p in (surname_n, given_n, patronymic) if p)
        else:
            native = " ".join(p for p in (given_n, patronymic, surname_n) if p)
        latin = f"{given} {surname}".strip()
        names = tuple(dict.fromkeys(n for n in (native, latin) if n))
        birth = f"{year}-{month:02d}-{day:02d}" if year and month and day else (str(year) if year else "")
        yield 0, EntryData(
            names=names, birth_dates=(birth,) if birth else (), nationalities=(state,), sex=sex if sex in "FM" else "",
            documents=(f"{number}:{state}",) if i % 2 == 0 else (),
            external_id=f"{LISTED_EXTERNAL_PREFIX}{pid}",
        )


def load_watchlist(entries: int, seed: int = 2026, *, listed_every: int = LISTED_EVERY, chunk: int = 20_000,
                   build_index: bool = True, quiet: bool = False) -> LoadReport:
    """Write ``entries`` watchlist entries over four lists, then build and snapshot the index.

    Every ``listed_every``-th traveller already in the registry is one of the entries (on
    the entry-ban list, half of them with their passport); the rest are made-up people of
    the region and lost or stolen documents.
    """
    from sarhad.accounts.actor import Actor
    from sarhad.audit.services import record_event
    from sarhad.watchlists import services as wl_services
    from sarhad.watchlists.live import LIVE, next_generation
    from sarhad.watchlists.models import ListKind, Watchlist, WatchlistEntry
    from sarhad.watchlists.values import InvalidEntryData, normalise_entry

    started = time.perf_counter()
    actor = Actor.system("bench")
    if Watchlist.objects.filter(name=BENCH_LISTS[0][0]).exists():
        _say("watchlist: already loaded; nothing written", quiet)
        return LoadReport("watchlist", {}, 0.0, skipped=True)
    lists = [wl_services.create_list(actor, name=name, kind=kind, source="benchmark data")
             for name, kind in BENCH_LISTS]
    now = timezone.now()
    table = _Table(WatchlistEntry, now)
    counts = {"entries": 0, "listed_travellers": 0, "rejected": 0}
    listed = list(_listed_travellers(listed_every)) if listed_every else []

    def all_entries():
        yield from listed[:entries]
        yield from _synthetic_entries(max(0, entries - len(listed)), seed)

    with transaction.atomic(), connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        generation = next_generation()
        with _FastLoad(cursor, [table.table], quiet) as fast:
            batch: list[str] = []
            next_report = 100_000
            for list_index, data in all_entries():
                watchlist = lists[list_index]
                try:
                    data = normalise_entry(data, document_list=watchlist.kind == ListKind.LOST_STOLEN)
                except InvalidEntryData:
                    counts["rejected"] += 1
                    continue
                entry = WatchlistEntry(watchlist=watchlist, seq=generation, created_at=now, updated_at=now)
                wl_services._apply(entry, data)  # the app's own field mapping and search text
                batch.append(table.line(entry))
                counts["entries"] += 1
                if data.external_id.startswith(LISTED_EXTERNAL_PREFIX):
                    counts["listed_travellers"] += 1
                if len(batch) >= chunk:
                    _copy(cursor, table, batch)
                    batch = []
                if counts["entries"] >= next_report:
                    _say(f"  watchlist: {counts['entries']:,}/{entries:,} entries, "
                         f"{time.perf_counter() - started:.0f} s", quiet)
                    next_report += 100_000
            _copy(cursor, table, batch)
            fast.rebuild()
        record_event(actor, "bulk_load", "watchlist", None,
                     {"entries": counts["entries"], "lists": [w.name for w in lists], "seed": seed})
    rows_s = time.perf_counter() - started
    _say(f"watchlist: {counts['entries']:,} entries written in {rows_s:.1f} s", quiet)
    if build_index:
        t0 = time.perf_counter()
        LIVE.reset()
        with LIVE.lock:
            index = LIVE.current()  # builds from the table and saves the snapshot
            size = len(index)
        counts["indexed"] = size
        LIVE.reset()  # serving processes load the snapshot; this one need not hold the index
        _say(f"watchlist: screening index of {size:,} entries built and saved in {time.perf_counter() - t0:.1f} s",
             quiet)
    return LoadReport("watchlist", counts, time.perf_counter() - started)
