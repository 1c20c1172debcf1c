"""Benchmark of the rules kernel (``make bench-rules``).

1. Single evaluation at the desk: one traveller with 200 past stays and an open stay,
   ``evaluate_stay`` p50/p95 (a compliant frequent traveller and a chronic overstayer),
   plus ``earliest_entry`` and a working-day deadline.
2. Batch overstay detection: 5,000,000 crossings of 1,500,000 travellers over three years,
   generated deterministically (seeded hashes, realistic repeat travellers and trip
   lengths, a small share of long stays), evaluated with ``sarhad.rules.batch.stay_status``.
   Peer: a plain per-person Python loop calling the kernel, timed on a sample of travellers
   and scaled to the whole population (said in the output). Interleaved rounds, medians.

Prints ``name: value unit`` lines, then ``ratio_vs_PEER: X`` (peer time / our time).
``--smoke`` runs tiny sizes (used by the test suite; figures meaningless).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta

import polars as pl

from sarhad.rules import earliest_entry, evaluate_stay
from sarhad.rules.batch import stay_status
from sarhad.rules.deadlines import compute_deadline

ON = date(2025, 12, 31)
START = date(2023, 1, 1)


def machine() -> None:
    try:
        mem = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f}"
    except (ValueError, OSError, AttributeError):
        mem = "?"
    print(f"machine_cpus: {os.cpu_count()} cpus")
    print(f"machine_memory: {mem} GiB")
    print(f"machine_platform: {platform.system()} {platform.machine()}")
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine_load_average: {load} (1, 5, 15 min; other work shares the machine)")
    except OSError:
        pass
    print(f"python: {platform.python_version()}")
    print(f"polars: {pl.__version__} (threads {pl.thread_pool_size()})")


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


# --- 1. single evaluation ---------------------------------------------------------------


def history(seed: int, n: int, gap_max: int) -> tuple[list, date]:
    rng = random.Random(seed)
    d = date(2012, 1, 1)
    stays = []
    for _ in range(n):
        length = rng.randint(1, 20)
        stays.append((d, d + timedelta(days=length - 1)))
        d += timedelta(days=length - 1 + rng.randint(1, gap_max))
    stays.append((d, None))
    return stays, d + timedelta(days=2)


def bench_single(reps: int) -> None:
    for label, gap_max in (("compliant", 60), ("overstayer", 12)):
        stays, on = history(7, 200, gap_max)
        for _ in range(max(50, reps // 10)):
            evaluate_stay(stays, on)
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            evaluate_stay(stays, on)
            times.append(time.perf_counter() - t0)
        r = evaluate_stay(stays, on)
        print(f"single_eval_200_stays_{label}_p50: {pct(times, 0.50) * 1e6:.0f} us")
        print(f"single_eval_200_stays_{label}_p95: {pct(times, 0.95) * 1e6:.0f} us"
              f"  (overstay_days {r.overstay_days}, status {r.status})")
    stays, on = history(7, 200, 60)
    past = stays[:-1]
    times = []
    for _ in range(max(20, reps // 10)):
        t0 = time.perf_counter()
        earliest_entry(past, past[-1][1] + timedelta(days=1), days=30)
        times.append(time.perf_counter() - t0)
    print(f"earliest_entry_200_stays_p95: {pct(times, 0.95) * 1e6:.0f} us")
    compute_deadline(date(2025, 3, 19), 5, "working_days")  # warm the calendar
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        compute_deadline(date(2025, 3, 19), 5, "working_days")
        times.append(time.perf_counter() - t0)
    print(f"deadline_5_working_days_p95: {pct(times, 0.95) * 1e6:.1f} us")


# --- 2. batch -----------------------------------------------------------------------------


def _uniform(n: int, seed: int) -> pl.Expr:
    """Deterministic uniform [0, 1) numbers from hashing the row number."""
    return (pl.int_range(0, n, dtype=pl.UInt64).hash(seed) % (1 << 53)).cast(pl.Float64) / float(1 << 53)


def generate(crossings: int, travellers: int) -> pl.DataFrame:
    """Seeded crossing history over three years (2023-2025), as an export on the evaluation
    date would hold it: every traveller makes at least one trip; a fifth of them are
    regulars (about five trips) and 4 % commuters (about 35 short trips); trips last one to
    two weeks mostly, 1.5 % are long stays (60-180 days: the overstays); trips still running
    on the evaluation date have no exit; history starts are spread so that about as many
    travellers are in the country on the evaluation date as on any other day. A few percent more rows are drawn than asked, the
    ones after the evaluation date dropped, and a seeded random subset kept to the exact
    size."""
    want = int(crossings * 1.04)
    extra = want - travellers
    regulars, commuters = travellers // 5, max(1, travellers // 25)
    to_regulars = extra * 3 // 7
    ids = pl.concat(
        [
            pl.int_range(0, travellers, dtype=pl.Int64),
            (_uniform(to_regulars, 1) * regulars).cast(pl.Int64),
            (_uniform(extra - to_regulars, 7) * commuters).cast(pl.Int64) + regulars,
        ]
    )
    df = pl.select(ids.alias("person_id"))
    n = df.height
    df = df.with_columns(
        _uniform(n, 2).alias("u_len"),
        _uniform(n, 3).alias("u_long"),
        _uniform(n, 4).alias("u_gap"),
        _uniform(n, 5).alias("u_order"),
        _uniform(n, 6).alias("u_start"),
    ).with_columns(pl.len().over("person_id").alias("trips"))
    # spread the start of each history so that histories end all through the three years
    span = 600 * (pl.col("trips") - 1) / pl.col("trips") + 8 * pl.col("trips")
    room = (1095 - span).clip(lower_bound=0)
    df = df.with_columns((pl.col("u_start") * room).cast(pl.Int64).alias("u_start"))
    length = (
        pl.when(pl.col("u_long") < 0.015)
        .then(60 + (pl.col("u_len") * 120).cast(pl.Int64))
        .when(pl.col("trips") > 15)
        .then(1 + (pl.col("u_len") * 3).cast(pl.Int64))
        .otherwise(1 + (-(1 - pl.col("u_len")).log() * 6).cast(pl.Int64))
    )
    gap = 1 + (-(1 - pl.col("u_gap")).log() * (600 / pl.col("trips"))).cast(pl.Int64)
    df = (
        df.with_columns(length.alias("len"), gap.alias("gap"))
        .sort(["person_id", "u_order"])
        .with_columns(
            (pl.col("len") - 1 + pl.col("gap")).cum_sum().over("person_id").alias("_end"),
            pl.col("u_start").first().over("person_id").alias("_p0"),
        )
        .with_columns((pl.col("_p0") + pl.col("_end") - pl.col("gap") - pl.col("len") + 1).alias("_a"))
    )
    start = pl.lit(START)
    df = (
        df.select(
            "person_id",
            (start + pl.duration(days=pl.col("_a"))).alias("entry_date"),
            (start + pl.duration(days=pl.col("_a") + pl.col("len") - 1)).alias("exit_date"),
        )
        .filter(pl.col("entry_date") <= ON)
        .with_columns(
            pl.when(pl.col("exit_date") > ON).then(None).otherwise(pl.col("exit_date")).alias("exit_date")
        )
    )
    keep = _uniform(df.height, 8).rank("ordinal") <= crossings
    return df.filter(keep)


def python_loop(rows: list[tuple]) -> dict:
    """The peer: group rows by person in Python, then one kernel call per person."""
    by_person: dict = {}
    for pid, a, b in rows:
        by_person.setdefault(pid, []).append((a, b))
    out = {}
    for pid, stays in by_person.items():
        if min(a for a, _ in stays) > ON:
            continue
        r = evaluate_stay(stays, ON)
        out[pid] = (r.used_days, r.overstay_days, r.latest_exit, r.status)
    return out


def bench_batch(crossings: int, travellers: int, sample: int, rounds: int) -> None:
    t0 = time.perf_counter()
    df = generate(crossings, travellers)
    print(f"generate_crossings: {time.perf_counter() - t0:.1f} s")
    people = df["person_id"].n_unique()
    print(f"crossings: {df.height} rows")
    print(f"travellers: {people} persons")
    sample_ids = pl.Series("person_id", sorted(random.Random(3).sample(range(travellers), sample)))
    sample_df = df.filter(pl.col("person_id").is_in(sample_ids.implode()))
    sample_people = sample_df["person_id"].n_unique()
    batch_times, loop_times, batch_cpu, loop_cpu = [], [], [], []
    result = None
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        result = stay_status(df, ON)
        batch_times.append(time.perf_counter() - t0)
        batch_cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        loop_out = python_loop(sample_df.rows())
        loop_times.append(time.perf_counter() - t0)
        loop_cpu.append(time.process_time() - c0)
    batch = statistics.median(batch_times)
    loop_sample = statistics.median(loop_times)
    loop_scaled = loop_sample * people / sample_people
    cpu_ratio = statistics.median(loop_cpu) * people / sample_people / statistics.median(batch_cpu)
    counts = result["status"].value_counts().sort("status")
    print(f"batch_stay_status: {batch:.2f} s  (median of {rounds}: {', '.join(f'{t:.2f}' for t in batch_times)})")
    print(f"batch_stay_status_cpu: {statistics.median(batch_cpu):.2f} s  (process CPU time, all threads)")
    print(f"batch_throughput: {df.height / batch / 1e6:.2f} M crossings/s")
    for status, n in counts.rows():
        print(f"status_{status}: {n} persons")
    print(f"python_loop_sample: {loop_sample:.2f} s for {sample_people} persons (median of {rounds})")
    print(f"python_loop_scaled: {loop_scaled:.1f} s  (sample time x {people}/{sample_people} persons: scaled, not run in full)")
    # the two must agree on the sample
    got = result.filter(pl.col("person_id").is_in(sample_ids.implode())).select(
        "person_id", "used_days", "overstay_days", "latest_exit", "status"
    )
    same = sum(1 for r in got.rows() if loop_out.get(r[0]) == tuple(r[1:]))
    print(f"agreement_on_sample: {same}/{len(loop_out)} persons")
    print(f"ratio_vs_python_loop: {loop_scaled / batch:.1f}")
    print(f"ratio_vs_python_loop_cpu_time: {cpu_ratio:.1f}  (CPU seconds, less sensitive to other load)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, to prove the script runs")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    machine()
    if args.smoke:
        bench_single(reps=50)
        bench_batch(crossings=5_000, travellers=1_500, sample=200, rounds=1)
    else:
        bench_single(reps=5_000)
        bench_batch(crossings=5_000_000, travellers=1_500_000, sample=20_000, rounds=args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
