"""Desk benchmark, end to end (`make bench-desk`): e-gates checking and recording
travellers through the HTTP API against a country-sized database.

1. starts a throwaway PostgreSQL server (``tools/pgserver.py``) and migrates it;
2. loads the demo country's travellers, documents and crossings and a watchlist of four
   lists with ``COPY`` (:mod:`sarhad.demo.bulk`), and lets the watchlists app build and
   snapshot its screening index;
3. starts ``sarhad serve`` (gunicorn) on a free loopback port;
4. runs the load generator (``bench/desk_load.py``) in its own process: ``--clients``
   concurrent e-gates, each posting ``/api/v1/border/checks`` and then
   ``/api/v1/border/crossings`` for the next traveller: a mix of known travellers (the
   direction follows their last crossing), new ones, and listed ones who must hit;
   after a warm-up, for at most ``--seconds`` or ``--max-pairs``;
5. prints ``name: value unit`` lines: the machine, data sizes and load times,
   throughput in check+record pairs per second, p50/p95/p99 latency of check and of
   record as the server measured it (``Server-Timing``) and as the client saw it, and
   ``errors: N``; then the ratios against the operational budget.

Every process it starts (PostgreSQL, gunicorn, the load generator) is stopped on exit,
on failure and on Ctrl+C.

    python bench/desk.py                                   # 1.5M travellers, 1M entries
    python bench/desk.py --travellers 200000 --watchlist 100000
    python bench/desk.py --smoke                           # tiny, full path (the tests)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

from pgserver import PostgresServer, PostgresUnavailable  # noqa: E402

POST = "GYD"
#: The operational budget (docs/benchmarks): a desk check may add at most 2 s at p95.
BUDGET_P95_MS = 2000.0
TARGETS = {"check_p95_ms": 50.0, "record_p95_ms": 30.0, "pairs_per_s": 100.0}
EXIT_SKIPPED = 3


def line(name: str, value, unit: str = "") -> None:
    print(f"{name}: {value}{(' ' + unit) if unit else ''}", flush=True)


def note(text: str) -> None:
    print(f"# {text}", file=sys.stderr, flush=True)


def memory_gib() -> float:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for row in fh:
                if row.startswith("MemTotal:"):
                    return int(row.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------------------- travellers


def _mrz(surname, given, nationality, number, birth: date, sex, expiry: date) -> str | None:
    from sarhad.documents import GenerateError, generate

    try:
        lines = generate("TD3", issuing_state=nationality, document_number=number, nationality=nationality,
                         birth_date=birth, sex=sex if sex in ("F", "M") else "X", expiry_date=expiry,
                         surname=surname, given_names=given)
    except GenerateError:
        return None
    return "\n".join(lines)


def known_travellers(count: int, seed: int, listed_only: bool = False) -> list[dict]:
    """Travellers drawn from the registry, the direction following their last crossing."""
    from django.db import connection

    from sarhad.border.models import Crossing
    from sarhad.demo.bulk import LISTED_EXTERNAL_PREFIX
    from sarhad.people.models import Person, TravelDocument
    from sarhad.watchlists.models import WatchlistEntry

    q = connection.ops.quote_name
    person_t, doc_t = q(Person._meta.db_table), q(TravelDocument._meta.db_table)
    crossing_t, entry_t = q(Crossing._meta.db_table), q(WatchlistEntry._meta.db_table)
    with connection.cursor() as cursor:
        if listed_only:
            cursor.execute(f"SELECT substr(external_id, %s)::uuid FROM {entry_t} WHERE external_id LIKE %s",
                           [len(LISTED_EXTERNAL_PREFIX) + 1, LISTED_EXTERNAL_PREFIX + "%"])
        else:
            cursor.execute("SELECT setseed(%s)", [(seed % 1000) / 1000.0])
            cursor.execute(f"SELECT id FROM {person_t} ORDER BY random() LIMIT %s", [count])
        ids = [row[0] for row in cursor.fetchall()]
        rng = random.Random(seed)
        rng.shuffle(ids)
        ids = ids[:count]
        cursor.execute(f"""
            SELECT p.id, p.surname, p.given_names, p.birth_year, p.birth_month, p.birth_day, p.sex,
                   d.number, d.issuing_state_id, d.expiry_date,
                   (SELECT c.direction FROM {crossing_t} c WHERE c.person_id = p.id
                    ORDER BY c.occurred_at DESC LIMIT 1)
            FROM {person_t} p JOIN {doc_t} d ON d.person_id = p.id
            WHERE p.id = ANY(%s)""", [ids])
        rows = cursor.fetchall()
    out = []
    for pid, surname, given, year, month, day, sex, number, state, expiry, last in rows:
        mrz = _mrz(surname, given, state, number, date(year, month or 1, day or 1), sex, expiry)
        if mrz is None:
            continue
        # Inside the country after an entry: leaving now; otherwise arriving (citizens too).
        direction = "exit" if last == "entry" else "entry"
        out.append({"mrz": mrz, "direction": direction, "kind": "listed" if listed_only else "known"})
    return out


def new_travellers(count: int, seed: int) -> list[dict]:
    """Travellers never seen: names of the region, documents numbered outside the registry's scheme."""
    from sarhad.names.synthetic import generate_people

    rng = random.Random(seed)
    out = []
    for person in generate_people(count, seed=seed):
        birth = date(rng.randrange(1950, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
        number = "Q" + "".join(rng.choice("0123456789") for _ in range(8))
        mrz = _mrz(person.latin_surname, person.latin_given, person.nationality, number, birth, person.sex,
                   date.today() + timedelta(days=rng.randrange(200, 3000)))
        if mrz is not None:
            out.append({"mrz": mrz, "direction": "entry", "kind": "new"})
    return out


def traveller_mix(total: int, seed: int, known: float, listed: float) -> list[dict]:
    n_listed = max(1, round(total * listed))
    n_known = round(total * known)
    mix = (known_travellers(n_known, seed) + known_travellers(n_listed, seed + 1, listed_only=True)
           + new_travellers(total - n_known - n_listed, seed + 2))
    random.Random(seed).shuffle(mix)
    return mix


# ------------------------------------------------------------------------------- processes


class Server:
    """``sarhad serve`` in its own process group (gunicorn master and workers)."""

    def __init__(self, env: dict, port: int, workers: int, threads: int, log: Path):
        self.port = port
        sarhad = Path(sys.executable).with_name("sarhad")
        cmd = [str(sarhad)] if sarhad.exists() else [sys.executable, "-c", "import sys; from sarhad.cli import main; sys.exit(main())"]
        cmd += ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                "--threads", str(threads), "--no-migrate"]
        self.log = open(log, "wb")
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
                                     cwd=ROOT)

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with code {self.proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start listening")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        self.log.close()


def _terminate(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


# ------------------------------------------------------------------------------- main


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--travellers", type=int, default=1_500_000)
    p.add_argument("--crossings-years", type=int, default=5,
                   help="years of crossing history (5 gives about 5M crossings for 1.5M travellers)")
    p.add_argument("--watchlist", type=int, default=1_000_000, help="watchlist entries")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--seconds", type=float, default=60.0, help="measured phase: at most this long")
    p.add_argument("--max-pairs", type=int, default=12_000, help="measured phase: at most this many pairs")
    p.add_argument("--warmup-pairs", type=int, default=600)
    p.add_argument("--warmup-seconds", type=float, default=90.0)
    p.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1,
                   help="gunicorn worker processes (default: cores + 1, as `sarhad serve`)")
    p.add_argument("--threads", type=int, default=1, help="threads per worker (default 1, as `sarhad serve`)")
    p.add_argument("--known", type=float, default=0.7, help="share of known travellers")
    p.add_argument("--listed", type=float, default=0.02, help="share of listed travellers (must hit)")
    p.add_argument("--rounds", type=int, default=1, help="measured rounds per server (interleaved with --compare-tree)")
    p.add_argument("--compare-tree", metavar="DIR",
                   help="also serve another checkout of this repository (e.g. a proposed change) on the same data, "
                        "rounds interleaved; prints its figures as compare_* and the ratios")
    p.add_argument("--keep-data", metavar="DIR",
                   help="keep the loaded database (and index snapshot) in DIR and reuse it on the next run "
                        "with the same sizes and seed, instead of loading again (for iterating on the code)")
    p.add_argument("--durable-db", action="store_true",
                   help="run PostgreSQL with its durable defaults (fsync, synchronous commit, full page "
                        "writes on), as in production; by default a test server skips them")
    p.add_argument("--smoke", action="store_true", help="tiny sizes, same path (for the tests)")
    args = p.parse_args(argv)
    if args.smoke:
        args.travellers, args.crossings_years, args.watchlist = 300, 3, 500
        args.seconds, args.max_pairs, args.warmup_pairs, args.warmup_seconds = 10.0, 50, 16, 30.0
        args.threads = 4
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    line("machine_cpus", os.cpu_count())
    line("machine_memory", f"{memory_gib():.1f}", "GiB")
    line("machine_python", platform.python_version())
    line("machine_load_average_at_start", f"{os.getloadavg()[0]:.2f}")
    keep = Path(args.keep_data).resolve() if args.keep_data else None
    try:
        pg = PostgresServer(keep=keep / "pg" if keep else None, durable=args.durable_db)
    except PostgresUnavailable as exc:
        print(f"skipped: PostgreSQL server programs are not available ({exc})", flush=True)
        return EXIT_SKIPPED
    if keep:
        var_dir = keep / "var"
        var_dir.mkdir(parents=True, exist_ok=True)
    else:
        var_dir = Path(tempfile.mkdtemp(prefix="sarhad-bench-desk-"))
    try:
        with pg:
            line("postgresql_version", pg.version)
            return _run(args, pg, var_dir, keep)
    except KeyboardInterrupt:
        print("interrupted: the server and PostgreSQL are stopped", file=sys.stderr, flush=True)
        return 130
    finally:
        if not keep:
            shutil.rmtree(var_dir, ignore_errors=True)


def _run(args, pg: PostgresServer, var_dir: Path, keep: Path | None) -> int:
    env = dict(os.environ, DATABASE_URL=pg.url, SARHAD_VAR_DIR=str(var_dir), SARHAD_HTTPS="0",
               SARHAD_SECRET_KEY=secrets.token_urlsafe(48), DJANGO_SETTINGS_MODULE="sarhad.site.settings")
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from sarhad.accounts.actor import Actor
    from sarhad.accounts.services import create_api_client
    from sarhad.demo.bulk import load_population, load_watchlist

    t0 = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    line("migrate_time", f"{time.perf_counter() - t0:.1f}", "s")

    sizes = {"travellers": args.travellers, "crossings_years": args.crossings_years, "watchlist": args.watchlist,
             "seed": args.seed}
    marker = keep / "loaded.json" if keep else None
    if marker and pg.reused:
        loaded = json.loads(marker.read_text()) if marker.exists() else None
        if loaded is None or loaded["sizes"] != sizes:
            raise SystemExit(f"{keep} holds data of other sizes or an unfinished load ({loaded and loaded['sizes']});"
                             " remove the folder or name another one")
        note(f"reusing the data loaded in {keep}")
        for name, value in loaded["lines"]:
            line(name, value)
    else:
        population = load_population(args.travellers, args.crossings_years, seed=args.seed)
        watchlist = load_watchlist(args.watchlist, seed=args.seed)
        lines = [("data_travellers", population.rows.get("travellers", 0)),
                 ("data_crossings", population.rows.get("crossings", 0)),
                 ("data_travellers_left_out", population.rows.get("skipped_duplicate_document", 0)),
                 ("data_crossings_years", args.crossings_years),
                 ("load_population_time", f"{population.seconds:.1f} s"),
                 ("data_watchlist_entries", watchlist.rows.get("entries", 0)),
                 ("data_watchlist_listed_travellers", watchlist.rows.get("listed_travellers", 0)),
                 ("load_watchlist_time", f"{watchlist.seconds:.1f} s")]
        for name, value in lines:
            line(name, value)
        if marker:
            marker.write_text(json.dumps({"sizes": sizes, "lines": lines}))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        line("data_database_size", f"{cursor.fetchone()[0] / 2**30:.2f}", "GiB")

    # people:write too: recording a new traveller registers them (people.services.register_traveller
    # asks for person.write, which border:record alone does not grant).
    _client, token = create_api_client(Actor.system("bench"), f"bench e-gates {secrets.token_hex(4)}", ["border:check", "border:record"],
                                       [POST])
    trees = [("", ROOT)] + ([("compare_", Path(args.compare_tree).resolve())] if args.compare_tree else [])
    rounds = args.rounds
    total = len(trees) * (args.warmup_pairs + rounds * args.max_pairs)
    t0 = time.perf_counter()
    mix = traveller_mix(total, args.seed, args.known, args.listed)
    line("travellers_prepared", len(mix))
    note(f"prepared {len(mix)} travellers with MRZs in {time.perf_counter() - t0:.1f} s")
    connection.close()

    servers: list[Server] = []
    phases = []
    taken = 0

    def take(n: int) -> list[dict]:
        nonlocal taken
        part = mix[taken:taken + n]
        taken += n
        return part

    line("server", f"gunicorn workers={args.workers} threads={args.threads}")
    line("database_durable", "yes (fsync, synchronous commit)" if args.durable_db else "no (a test server)")
    try:
        for label, tree in trees:
            port = free_port()
            # The server serves the code of its tree.
            python_path = os.pathsep.join(p for p in (str(tree / "src"), os.environ.get("PYTHONPATH", "")) if p)
            servers.append(Server(dict(env, PYTHONPATH=python_path), port, args.workers, args.threads,
                                  var_dir / f"server{len(servers)}.log"))
            phases.append({"label": label, "port": port, "server_group": servers[-1].proc.pid, "warmup": True,
                           "travellers": take(args.warmup_pairs),
                           "max_pairs": args.warmup_pairs, "seconds": args.warmup_seconds})
        for server in servers:
            server.wait_ready()
        for _round in range(rounds):  # interleaved: A, B, A, B ...
            for (label, _tree), server in zip(trees, servers):
                phases.append({"label": label, "port": server.port, "server_group": server.proc.pid, "warmup": False,
                               "travellers": take(args.max_pairs), "max_pairs": args.max_pairs,
                               "seconds": args.seconds})
        job = {"host": "127.0.0.1", "token": token, "post": POST, "clients": args.clients, "phases": phases}
        job_path, result_path = var_dir / "job.json", var_dir / "result.json"
        job_path.write_text(json.dumps(job))
        line("machine_load_average_before_load", f"{os.getloadavg()[0]:.2f}")
        load = subprocess.Popen([sys.executable, str(ROOT / "bench" / "desk_load.py"), str(job_path), str(result_path)],
                                start_new_session=True)
        try:
            limit = len(trees) * (args.warmup_seconds + rounds * args.seconds) + 300
            code = load.wait(timeout=limit)
        except BaseException:
            load.kill()
            load.wait()
            raise
        if code != 0:
            raise RuntimeError(f"the load generator failed with code {code}")
        line("machine_load_average_after_load", f"{os.getloadavg()[0]:.2f}")
    except BaseException:
        for i in range(len(servers)):
            log = (var_dir / f"server{i}.log").read_text(errors="replace")[-3000:]
            print(f"server log (end):\n{log}", file=sys.stderr)
        raise
    finally:
        for server in servers:
            server.stop()
    results = json.loads(result_path.read_text())
    if any(r["errors"] for r in results):
        for i in range(len(servers)):
            tracebacks = [row for row in (var_dir / f"server{i}.log").read_text(errors="replace").splitlines()
                          if '"POST /api' not in row]
            note("server log without the access lines (end):\n" + "\n".join(tracebacks[-60:]))
    line("load_clients", args.clients)
    line("rounds", rounds)
    figures = {label: report(label, [r for r in results if r["label"] == label]) for label, _tree in trees}
    if args.compare_tree:
        base, other = figures[""], figures["compare_"]
        for name in ("check_p95", "record_p95"):
            line(f"ratio_compare_{name}", f"{base[name] / other[name]:.2f}" if other[name] else "nan")
        line("ratio_compare_throughput", f"{other['throughput'] / base['throughput']:.2f}" if base["throughput"] else "nan")
    line("ratio_vs_desk_budget", f"{BUDGET_P95_MS / figures['']['check_client_p95']:.1f}"
         if figures[""]["check_client_p95"] else "nan")
    return 0


def report(prefix: str, results: list[dict]) -> dict:
    """Print one tree's figures (measured rounds pooled) and return the headline ones."""
    warm = [r for r in results if r["warmup"]]
    measured = [r for r in results if not r["warmup"]]
    line(f"{prefix}warmup_pairs", sum(r["pairs"] for r in warm))
    pairs, seconds = sum(r["pairs"] for r in measured), sum(r["seconds"] for r in measured)
    line(f"{prefix}measured_pairs", pairs)
    line(f"{prefix}measured_seconds", f"{seconds:.1f}", "s")
    throughput = pairs / seconds if seconds else 0.0
    line(f"{prefix}throughput", f"{throughput:.1f}", "pairs/s")
    per_round = [r["pairs"] / r["seconds"] for r in measured if r["seconds"]]
    if len(per_round) > 1:
        line(f"{prefix}throughput_round_median", f"{statistics.median(per_round):.1f}", "pairs/s")
    kinds, decisions = {}, {}
    for r in measured:
        for k, n in r["kinds"].items():
            kinds[k] = kinds.get(k, 0) + n
        for k, n in r["decisions"].items():
            decisions[k] = decisions.get(k, 0) + n
    for kind, n in sorted(kinds.items()):
        line(f"{prefix}travellers_{kind}", n)
    line(f"{prefix}checks_with_hits", sum(r["hits"] for r in measured))
    line(f"{prefix}hits_per_check", f"{sum(r.get('hit_rows', 0) for r in measured) / max(1, pairs):.2f}")
    for decision, n in sorted(decisions.items()):
        line(f"{prefix}decision_{decision}", n)
    figures = {"throughput": throughput}
    for what in ("check", "record"):
        rows = [row for r in measured for row in r[what]]
        server_ms = [srv for _c, srv, _k in rows if srv is not None]
        client_ms = [c * 1000 for c, _s, _k in rows]
        for q in (50, 95, 99):
            line(f"{prefix}{what}_server_p{q}", f"{percentile(server_ms, q / 100):.1f}", "ms")
        for q in (50, 95, 99):
            line(f"{prefix}{what}_client_p{q}", f"{percentile(client_ms, q / 100):.1f}", "ms")
        figures[f"{what}_p95"] = percentile(server_ms, 0.95)
        figures[f"{what}_client_p95"] = percentile(client_ms, 0.95)
    # Where the two cores went: the server's workers, PostgreSQL, the load generator.
    if pairs:
        for part in ("server", "postgres", "load"):
            used = sum(r.get("cpu_seconds", {}).get(part, 0.0) for r in measured)
            line(f"{prefix}cpu_per_pair_{part}", f"{used / pairs * 1000:.2f}", "ms")
    errors = [e for r in results for e in r["errors"]]
    for sample in errors[:5]:
        note(f"error: {sample[:200]}")
    line(f"{prefix}errors", len(errors))
    for name, target, lower in (("check_p95", TARGETS["check_p95_ms"], True),
                                ("record_p95", TARGETS["record_p95_ms"], True),
                                ("throughput", TARGETS["pairs_per_s"], False)):
        value = figures[name]
        ok = value <= target if lower else value >= target
        line(f"{prefix}target_{name}", f"{'met' if ok else 'missed'} ({value:.1f} vs {target:g})")
    return figures


if __name__ == "__main__":
    sys.exit(main())
