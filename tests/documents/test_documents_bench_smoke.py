"""bench/mrz.py runs (smoke size, no peer, no timing asserts)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_smoke_run_prints_figures():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "mrz.py"), "--smoke"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    figures = dict(line.split(": ", 1) for line in done.stdout.splitlines())
    assert all(re.fullmatch(r"[\w.]+ ?[\w/%]*", value) for value in figures.values()), figures
    assert figures["documents"] == "200 docs"
    for fmt in ("TD1", "TD2", "TD3", "MRVA", "MRVB"):
        assert figures[f"documents_{fmt}"] == "40 docs"
    assert {"machine_nproc", "machine_memory", "sarhad_median", "sarhad_throughput"} <= set(figures)
    assert "ratio_vs_pypi_mrz" not in figures  # no peer in smoke mode


def test_generated_benchmark_documents_are_deterministic_and_mostly_valid():
    import importlib.util

    spec = importlib.util.spec_from_file_location("sarhad_bench_mrz", ROOT / "bench" / "mrz.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    first = bench.make_documents(500, seed=1)
    assert first == bench.make_documents(500, seed=1)
    from sarhad.documents import parse

    valid = sum(parse(text, on=bench.REFERENCE_DATE).valid for _, text in first)
    assert 400 <= valid < 500  # about one in ten carries a changed character
