"""Benchmark of watchlist screening at a million entries (`make bench-screening`).

Builds a seeded synthetic watchlist (people of the region from
``sarhad.names.synthetic``, in their own scripts and in Latin, with aliases in other
scripts and romanisations, partial dates of birth, documents, and a share of lost/stolen
documents), then measures:

- index build time and peak memory (process peak RSS, which includes the generator);
- candidate recall at 50: queries are travellers whose names are written in another
  script, another romanisation, with a typo or in another order than the listed entry
  (date of birth, nationality and sex as in a machine-readable zone);
- single-query latency p50/p95 on one core and queries per second, over a mix of listed
  travellers (variant spellings) and unlisted ones;
- snapshot save and load time;
- ``ratio_vs_logic_v2``: nomenklatura's logic-v2 time to score each query against the
  same 50 candidates / our full screening time for that query (retrieval + scoring),
  interleaved rounds, median. nomenklatura runs in its own environment
  ``.venv-peers/nomenklatura`` (created on first use), in a subprocess;
- ``ratio_vs_yente``: our queries/s per core against yente's published ~4 requests/s per
  vCPU with logic-v2.

    python bench/screening.py                 # 1,000,000 entries
    python bench/screening.py --size 100000
    python bench/screening.py --smoke         # small, no peer (used by the tests)
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from peers import ensure_peer_env  # noqa: E402  (bench/ is on the path when run as a script)
PEER_PACKAGE = "nomenklatura==4.17.4"
YENTE_RPS_PER_VCPU = 4.0
TYPO_SHARE = 0.2
ISO2 = {
    "AZE": "az", "RUS": "ru", "IRN": "ir", "TUR": "tr", "GEO": "ge", "ARM": "am", "UKR": "ua",
    "KAZ": "kz", "DEU": "de", "GBR": "gb", "USA": "us", "FRA": "fr",
}


def line(name: str, value: object, unit: str = "") -> None:
    print(f"{name}: {value}{(' ' + unit) if unit else ''}", flush=True)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ------------------------------------------------------------------------------- data


class Watchlist:
    """Streams a synthetic watchlist and keeps the people behind a sample of entries."""

    LISTS = ("national-entry-bans", "wanted-persons", "un-sc-consolidated", "imported-public")

    def __init__(self, size: int, seed: int, sample: int) -> None:
        self.size = size
        self.seed = seed
        rng = random.Random(seed ^ 0x5EED)
        self.sample_slots = set(rng.sample(range(size), min(sample, size)))
        self.sampled: dict[str, tuple[object, object]] = {}  # entry id -> (person, entry)

    def entries(self):
        from sarhad.names.synthetic import generate_people
        from sarhad.screening import DocumentRef, ListKind, WatchlistEntry

        rng = random.Random(self.seed)
        for i, person in enumerate(generate_people(self.size, seed=self.seed)):
            entry_id = f"W{i:07d}"
            if rng.random() < 0.05:
                yield WatchlistEntry(
                    entry_id, 1, "lost-stolen-documents", kind=ListKind.LOST_STOLEN_DOCUMENT,
                    documents=(DocumentRef(passport_number(rng), person.nationality),),
                    required_action="seize document",
                )
                continue
            names = [person.native_full]
            latin = f"{person.latin_surname} {person.latin_given}"
            if latin.upper() != person.native_full.upper():
                names.append(latin)
            aliases = alias_forms(person, rng) if rng.random() < 0.35 else ()
            entry = WatchlistEntry(
                entry_id, 1 + (i % 3 == 0), self.LISTS[i % len(self.LISTS)],
                names=tuple(names), aliases=aliases,
                birth_dates=listed_birth_date(rng),
                nationalities=(person.nationality,) if rng.random() < 0.9 else (),
                sex=person.sex if rng.random() < 0.85 else None,
                documents=(DocumentRef(passport_number(rng), person.nationality),) if rng.random() < 0.3 else (),
                required_action=("refuse entry", "arrest and notify", "refer to supervisor")[i % 3],
            )
            if i in self.sample_slots:
                self.sampled[entry_id] = (person, entry)
            yield entry


def passport_number(rng: random.Random) -> str:
    letters = "ABCDEFHKLMNPRTUX"
    return rng.choice(letters) + "".join(rng.choice("0123456789") for _ in range(8))


def listed_birth_date(rng: random.Random) -> tuple[str, ...]:
    year = rng.randint(1945, 2006)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    r = rng.random()
    if r < 0.70:
        return (f"{year}-{month:02d}-{day:02d}",)
    if r < 0.85:
        return (str(year),)
    if r < 0.90:
        return (f"{year}-{month:02d}",)
    if r < 0.95:
        return (f"{year - 2}..{year + 2}",)
    return ()


def _record(person):
    from sarhad.names.synthetic import name_tables

    tabs = name_tables()[person.nationality]
    given = (tabs.female if person.sex == "F" else tabs.male)[person.given_id]
    surname = tabs.surnames[person.surname_id]
    return tabs, given, surname


def alias_forms(person, rng: random.Random) -> tuple[str, ...]:
    """A name the entry is also listed under: the Soviet-era Russian form, a Persian
    spelling or another romanisation."""
    from sarhad.names import synthetic as S
    from sarhad.names import tables as T

    nat, fem = person.nationality, person.sex == "F"
    if nat == "AZE":
        _, given, surname = _record(person)
        if rng.random() < 0.5:
            ru_s = surname.russian_f if fem else surname.russian_m
            ru_g = given.russian_f if fem else given.russian_m
            return (f"{ru_s} {ru_g}",) if ru_s and ru_g else ()
        fa_s = S.persian_az_surname(surname.persian_m, surname.extra, person.sex) if surname.persian_m else ""
        fa_g = given.persian_f if fem else given.persian_m
        return (f"{fa_g} {fa_s}",) if fa_s and fa_g else ()
    if nat in {"RUS", "KAZ"}:
        system = rng.choice(["bgn", "english", "gost779b"])
        text = f"{person.native_surname} {person.native_given}"
        return (S.translit_cyrillic(text, T.RUSSIAN_SYSTEMS[system], system in T.RUSSIAN_IOTATED_E),)
    if nat == "ARM":
        _, given, surname = _record(person)
        ru_s = surname.russian_f if fem else surname.russian_m
        return (f"{ru_s} {given.russian_m}",) if ru_s and given.russian_m else ()
    return ()


def typo(text: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 6:
        return text
    i = rng.choice(letters[1:-1])
    op = rng.random()
    if op < 0.4:  # substitution by a vowel/neighbour
        return text[:i] + rng.choice("AEIOU" if text[i].isupper() else "aeiou") + text[i + 1 :]
    if op < 0.7:  # deletion
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :] if i + 1 < len(text) and text[i + 1].isalpha() else text


def variant_query(person, entry, rng: random.Random):
    """A traveller who is the listed person, written differently than any listed name."""
    from sarhad.names import synthetic as S
    from sarhad.names import tables as T
    from sarhad.screening import Query

    nat, fem = person.nationality, person.sex == "F"
    listed = {n.upper() for n in entry.all_names}
    options: list[tuple[str, str]] = []
    if nat == "AZE":
        _, given, surname = _record(person)
        ru_s = surname.russian_f if fem else surname.russian_m
        ru_g = given.russian_f if fem else given.russian_m
        if ru_s and ru_g:
            options.append(("cyrillic", f"{ru_s} {ru_g}"))
            options.append(("russian-romanisation", S.translit_cyrillic(f"{ru_g} {ru_s}", T.ICAO_CYRILLIC)))
        if surname.persian_m:
            fa_s = S.persian_az_surname(surname.persian_m, surname.extra, person.sex, variant=1)
            fa_g = given.persian_f if fem else given.persian_m
            if fa_g:
                options.append(("persian", f"{fa_g} {fa_s}"))
    elif nat in {"RUS", "UKR", "KAZ"}:
        system = rng.choice(["passport1997", "gost52535", "english", "bgn"])
        text = f"{person.native_given} {person.native_surname}"
        options.append(("russian-romanisation", S.translit_cyrillic(text, T.RUSSIAN_SYSTEMS[system], system in T.RUSSIAN_IOTATED_E)))
    elif nat == "GEO":
        alt = dict(T.GEORGIAN, **T.GEORGIAN_ALT)
        options.append(("georgian-romanisation", S.translit_georgian(f"{person.native_given} {person.native_surname}", alt)))
    elif nat == "ARM":
        _, given, surname = _record(person)
        ru_s = surname.russian_f if fem else surname.russian_m
        if ru_s and given.russian_m:
            options.append(("cyrillic", f"{given.russian_m} {ru_s}"))
    elif nat == "IRN":
        options.append(("latin-of-persian", f"{person.latin_given} {person.latin_surname}"))
    options.append(("order-and-patronymic", " ".join(
        p for p in (person.native_given, person.native_surname, person.native_patronymic if rng.random() < 0.5 else "") if p)))
    options = [(k, n) for k, n in options if n and n.upper() not in listed]
    # One query in five carries a typo (a name typed at a desk or badly listed); the
    # others are the same name in another script, romanisation, order or without the
    # patronymic, as documents and lists write it.
    if not options or rng.random() < TYPO_SHARE:
        kind, name = "typo", typo(f"{person.latin_given} {person.latin_surname}", rng)
    else:
        kind, name = rng.choice(options)
    dob = None
    if entry.birth_dates:
        listed_dob = entry.birth_dates[0]
        span = (listed_dob.latest - listed_dob.earliest).days
        dob = listed_dob.earliest + __import__("datetime").timedelta(days=rng.randint(0, span))
    return kind, Query(names=(name,), date_of_birth=dob, nationality=person.nationality, sex=person.sex)


def unlisted_queries(count: int, seed: int, rng: random.Random):
    from datetime import date

    from sarhad.names.synthetic import generate_people
    from sarhad.screening import Query

    out = []
    for person in generate_people(count, seed=seed + 7919):
        dob = date(rng.randint(1945, 2006), rng.randint(1, 12), rng.randint(1, 28))
        out.append(Query(names=(f"{person.latin_surname} {person.latin_given}",), date_of_birth=dob,
                         nationality=person.nationality, sex=person.sex))
    return out


# ------------------------------------------------------------------------------- peer


PEER_WORKER = r"""
import json, sys, time
from followthemoney import model
from nomenklatura.matching import LogicV2

config = LogicV2.default_config()
tasks = json.load(sys.stdin)
counter = [0]

def entity(data):
    counter[0] += 1
    e = model.make_entity("Person")
    e.id = "%s-%d" % (data["id"], counter[0])   # unique ids: logic-v2 caches by id
    for name in data["names"]:
        e.add("name", name)
    for key in ("birthDate", "nationality", "gender"):
        for value in data.get(key, []):
            e.add(key, value)
    return e

# warm up on the whole task list once (imports, compiled patterns, the name caches of
# these very names), with other entity ids so that nothing is reused by id
for task in tasks:
    query = entity(task["query"])
    for c in task["candidates"]:
        LogicV2.compare(query, entity(c), config)
times, cpu = [], []
for task in tasks:
    query = entity(task["query"])
    candidates = [entity(c) for c in task["candidates"]]
    start, start_cpu = time.perf_counter(), time.thread_time()
    for candidate in candidates:
        LogicV2.compare(query, candidate, config)
    cpu.append(time.thread_time() - start_cpu)
    times.append(time.perf_counter() - start)
json.dump({"times": times, "cpu": cpu}, sys.stdout)
"""


def ensure_peer() -> Path | None:
    return ensure_peer_env("nomenklatura", PEER_PACKAGE, "nomenklatura.matching")


def peer_entity(entry_or_query, ident: str) -> dict:
    from sarhad.screening import Query

    if isinstance(entry_or_query, Query):
        q = entry_or_query
        data = {"id": ident, "names": list(q.names)}
        if q.date_of_birth:
            data["birthDate"] = [str(q.date_of_birth)]
        if q.nationality:
            data["nationality"] = [ISO2.get(q.nationality, q.nationality.lower())]
        if q.sex:
            data["gender"] = ["female" if q.sex == "F" else "male"]
        return data
    e = entry_or_query
    data = {"id": ident, "names": list(e.all_names)}
    data["birthDate"] = [str(d) for d in e.birth_dates if d.precision.value != "range"]
    data["nationality"] = [ISO2.get(n, n.lower()) for n in e.nationalities]
    if e.sex:
        data["gender"] = ["female" if e.sex == "F" else "male"]
    return data


def run_peer(python: Path, tasks: list[dict]) -> dict[str, list[float]]:
    result = subprocess.run(
        [str(python), "-c", PEER_WORKER], input=json.dumps(tasks), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"peer failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout)


# ------------------------------------------------------------------------------- main


def build_only(args) -> int:
    """The same watchlist built with ``add_many(workers=...)``: wall time from the first
    entry generated to the index complete (the generator runs in this process, as in the
    one-process build's ``generate_and_build_time``), and the CPU of all the processes."""
    sys.path.insert(0, str(ROOT / "src"))
    from sarhad.screening import ScreeningIndex

    watchlist = Watchlist(args.size, args.seed, args.queries)
    index = ScreeningIndex()
    gc.disable()
    started, cpu = time.perf_counter(), time.process_time()
    index.add_many(watchlist.entries(), workers=args.build_only)
    wall = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = f"{args.build_only}_workers"
    line(f"generate_and_build_time_{workers}", f"{wall:.1f}", "s")
    line(f"index_build_cpu_time_{workers}", f"{time.process_time() - cpu + children.ru_utime + children.ru_stime:.1f}",
         "s (this process, with the generator, and the workers)")
    line(f"index_entries_{workers}", len(index))
    line(f"peak_memory_{workers}", f"{peak_rss_mib():.0f}", "MiB (this process; each worker holds its own name caches)")
    return 0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000, help="watchlist entries (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--queries", type=int, default=1000, help="listed-traveller queries for recall")
    parser.add_argument("--latency-queries", type=int, default=2000)
    parser.add_argument("--peer-queries", type=int, default=30, help="queries per peer round")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved peer rounds (median of rounds)")
    parser.add_argument("--smoke", action="store_true", help="small sizes, no peer, for the test suite")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--build-workers", type=int, default=2,
                        help="also build the index with this many worker processes, in a process of its own "
                             "(ScreeningIndex.add_many(workers=...), as `sarhad serve` does); 1: skip")
    parser.add_argument("--build-only", type=int, metavar="WORKERS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build_only:
        return build_only(args)
    if args.smoke:
        args.size, args.queries, args.latency_queries, args.peer_queries, args.rounds = 3000, 100, 100, 5, 1
        args.no_peer = True

    sys.path.insert(0, str(ROOT / "src"))

    from sarhad.screening import ScreeningIndex

    mem_total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    line("machine", f"{platform.machine()} nproc={os.cpu_count()} mem={mem_total:.1f}GiB python={platform.python_version()}")
    line("load_average_at_start", "%.1f %.1f %.1f" % os.getloadavg(), "(other work on this machine inflates wall times; CPU times are per process)")
    line("watchlist_entries", args.size)

    # --- build -----------------------------------------------------------------------
    watchlist = Watchlist(args.size, args.seed, args.queries)
    index = ScreeningIndex()
    gc.disable()  # the build allocates millions of long-lived objects; no cycles to find
    build_seconds = build_cpu = 0.0
    generate_start = time.perf_counter()
    for entry in watchlist.entries():
        t, c = time.perf_counter(), time.thread_time()
        index.add(entry)
        build_cpu += time.thread_time() - c
        build_seconds += time.perf_counter() - t
    total_seconds = time.perf_counter() - generate_start
    gc.enable()
    gc.collect()
    line("index_build_time", f"{build_seconds:.1f}", "s")
    line("index_build_cpu_time", f"{build_cpu:.1f}", "s")
    line("generate_and_build_time", f"{total_seconds:.1f}", "s")
    if args.build_workers > 1:
        # in a process of its own: its index does not add to this process's memory
        result = subprocess.run([sys.executable, __file__, "--size", str(args.size), "--seed", str(args.seed),
                                 "--queries", str(args.queries), "--build-only", str(args.build_workers)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"the build with workers failed: {result.stderr[-2000:]}")
        sys.stdout.write(result.stdout)
    line("peak_memory_build", f"{peak_rss_mib():.0f}", "MiB")
    stats = index.stats()
    line("index_stats", json.dumps(stats))

    # --- recall at 50 ------------------------------------------------------------------
    rng = random.Random(args.seed + 1)
    listed = []
    for entry_id, (person, entry) in sorted(watchlist.sampled.items()):
        kind, query = variant_query(person, entry, rng)
        listed.append((entry_id, kind, query))
    found = 0
    hit_found = 0
    by_kind: dict[str, list[int]] = {}
    hit_by_kind: dict[str, list[int]] = {}
    for entry_id, kind, query in listed:
        ok = entry_id in index.candidates_for(query, 50)
        found += ok
        by_kind.setdefault(kind, []).append(ok)
        hit = any(h.entry_id == entry_id for h in index.search(query, limit=50))
        hit_found += hit
        hit_by_kind.setdefault(kind, []).append(hit)
    line("candidate_recall_at_50", f"{found / max(len(listed), 1):.4f}", f"({found}/{len(listed)})")
    for kind, oks in sorted(by_kind.items()):
        line(f"candidate_recall_at_50[{kind}]", f"{sum(oks) / len(oks):.4f}", f"({sum(oks)}/{len(oks)})")
    line("hit_or_review_recall", f"{hit_found / max(len(listed), 1):.4f}", "(listed traveller returned as HIT or REVIEW)")
    for kind, oks in sorted(hit_by_kind.items()):
        line(f"hit_or_review_recall[{kind}]", f"{sum(oks) / len(oks):.4f}", f"({sum(oks)}/{len(oks)})")

    # --- latency ---------------------------------------------------------------------
    unlisted = unlisted_queries(args.latency_queries // 2, args.seed, rng)
    workload = [q for _, _, q in listed][: args.latency_queries - len(unlisted)] + unlisted
    rng.shuffle(workload)
    for query in workload[:50]:  # warm up
        index.search(query)
    latencies, cpu_latencies = [], []
    hits_returned = 0
    for query in workload:
        t, c = time.perf_counter(), time.thread_time()
        hits = index.search(query)
        cpu_latencies.append(time.thread_time() - c)
        latencies.append(time.perf_counter() - t)
        hits_returned += len(hits)
    p50, p95 = percentile(latencies, 0.50), percentile(latencies, 0.95)
    line("latency_p50", f"{p50 * 1000:.2f}", "ms")
    line("latency_p95", f"{p95 * 1000:.2f}", "ms")
    line("latency_p99", f"{percentile(latencies, 0.99) * 1000:.2f}", "ms")
    line("latency_cpu_p50", f"{percentile(cpu_latencies, 0.50) * 1000:.2f}", "ms")
    line("latency_cpu_p95", f"{percentile(cpu_latencies, 0.95) * 1000:.2f}", "ms")
    qps = len(latencies) / sum(latencies)
    line("queries_per_second_per_core", f"{qps:.0f}")
    line("queries_per_second_per_core_cpu", f"{len(cpu_latencies) / sum(cpu_latencies):.0f}")
    line("mean_hits_per_query", f"{hits_returned / len(workload):.2f}", "(HIT+REVIEW, of which half the travellers are listed)")

    # --- snapshot ----------------------------------------------------------------------
    sample = workload[:200]
    before = [index.search(q) for q in sample]
    with tempfile.TemporaryDirectory(prefix="sarhad-bench-") as tmp:
        path = Path(tmp) / "screening.idx"
        t = time.perf_counter()
        index.save(path)
        line("snapshot_save_time", f"{time.perf_counter() - t:.1f}", "s")
        line("snapshot_size", f"{path.stat().st_size / 2**20:.0f}", "MiB")
        del index
        gc.collect()
        t = time.perf_counter()
        index = ScreeningIndex.load(path)
        line("snapshot_load_time", f"{time.perf_counter() - t:.1f}", "s")
    same = sum(index.search(q) == hits for q, hits in zip(sample, before))
    line("snapshot_results_identical", f"{same}/{len(sample)}", "queries")
    line("peak_memory", f"{peak_rss_mib():.0f}", "MiB")

    # --- peers -------------------------------------------------------------------------
    line("ratio_vs_yente", f"{qps / YENTE_RPS_PER_VCPU:.0f}", f"(ours {qps:.0f} q/s/core vs yente ~{YENTE_RPS_PER_VCPU:.0f} req/s/vCPU, published)")
    if args.no_peer:
        line("ratio_vs_logic_v2", "skipped (--smoke/--no-peer)")
        return 0
    python = ensure_peer()
    if python is None:
        line("ratio_vs_logic_v2", "skipped (peer environment unavailable)")
        return 0
    peer_queries = [q for _, _, q in listed][: args.peer_queries]
    tasks = []
    for qi, query in enumerate(peer_queries):
        slots = index.candidate_slots(query, 50)
        entries = [index._entry_at(s) for s in slots]
        tasks.append({
            "query": peer_entity(query, f"q{qi}"),
            "candidates": [peer_entity(e, f"c{qi}-{e.id}") for e in entries],
        })
    ratios, cpu_ratios, peer_medians, our_medians = [], [], [], []
    for _ in range(args.rounds):
        peer = run_peer(python, tasks)
        ours, ours_cpu = [], []
        # Both sides warm, the same way: the peer scores every task once, untimed, right
        # before its timed pass; so do we here, after the peer's process has had the
        # processor's caches. Nothing is reused by id on the peer's side (fresh ids),
        # nor are hits cached on ours.
        for query in peer_queries:
            index.search(query)
        for query in peer_queries:
            t, c = time.perf_counter(), time.thread_time()
            index.search(query)
            ours_cpu.append(time.thread_time() - c)
            ours.append(time.perf_counter() - t)
        ratios.append(statistics.median(p / o for p, o in zip(peer["times"], ours)))
        cpu_ratios.append(statistics.median(p / o for p, o in zip(peer["cpu"], ours_cpu)))
        peer_medians.append(statistics.median(peer["cpu"]))
        our_medians.append(statistics.median(ours_cpu))
        line(f"ratio_vs_logic_v2_round[{len(cpu_ratios)}]", f"{cpu_ratios[-1]:.1f}",
             f"(logic-v2 {peer_medians[-1] * 1000:.2f} ms, ours {our_medians[-1] * 1000:.3f} ms)")
    line("logic_v2_cpu_time_50_candidates_p50", f"{statistics.median(peer_medians) * 1000:.1f}", "ms")
    line("our_full_screening_cpu_time_p50", f"{statistics.median(our_medians) * 1000:.2f}", "ms")
    line("ratio_vs_logic_v2_wall", f"{statistics.median(ratios):.1f}")
    line("ratio_vs_logic_v2", f"{statistics.median(cpu_ratios):.1f}", "(CPU time, median of per-query ratios, median of rounds)")
    line("load_average_at_end", "%.1f %.1f %.1f" % os.getloadavg())
    return 0


if __name__ == "__main__":
    sys.exit(main())
