"""The desk benchmark runs end to end at tiny sizes (no timing asserts).

It starts its own PostgreSQL server and gunicorn; without the PostgreSQL server programs
the test is skipped, except under CI, where it must run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "desk.py"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _postgres_missing() -> str | None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from pgserver import PostgresUnavailable, _bindir

        try:
            _bindir()
        except PostgresUnavailable as exc:
            return str(exc)
        return None
    finally:
        sys.path.remove(str(ROOT / "tools"))


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="runs once, in the SQLite pass: it starts its own PostgreSQL server")
def test_bench_desk_smoke():
    missing = _postgres_missing()
    if missing and not IN_CI:
        pytest.skip(f"PostgreSQL server programs are missing: {missing}")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    proc = subprocess.run([sys.executable, str(BENCH), "--smoke"], capture_output=True, text=True, timeout=600,
                          env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "errors: 0" in proc.stdout.splitlines(), proc.stdout[-3000:] + proc.stderr[-3000:]
    # where the cores went: the meter found the server's workers and PostgreSQL at work
    used = {line.split(":")[0]: float(line.split(":")[1].split()[0])
            for line in proc.stdout.splitlines() if line.startswith("cpu_per_pair_")}
    assert set(used) == {"cpu_per_pair_server", "cpu_per_pair_postgres", "cpu_per_pair_load"}, proc.stdout[-3000:]
    assert used["cpu_per_pair_server"] > 0 and used["cpu_per_pair_postgres"] > 0, used
