"""The benchmark script runs (tiny sizes; no timing asserts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "rules.py"


def test_bench_rules_smoke():
    proc = subprocess.run([sys.executable, str(BENCH), "--smoke"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(": ", 1) for line in proc.stdout.splitlines() if ": " in line)
    for name in ("single_eval_200_stays_compliant_p95", "batch_stay_status", "ratio_vs_python_loop", "machine_cpus"):
        assert name in lines
    done, total = lines["agreement_on_sample"].split()[0].split("/")
    assert done == total  # batch and per-person loop agree on the sample
