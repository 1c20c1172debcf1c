#!/usr/bin/env python3
"""Run the whole Sarhad test suite three ways and print one closing line.

1. every test except the browser ones, on the embedded SQLite database;
2. every database test again on a throwaway PostgreSQL server that this script starts
   (initdb in a temporary folder, its own socket and port) and stops afterwards;
3. the real-browser tests, in headless Debian Chromium through Playwright.

Without PostgreSQL or Chromium on the machine, passes 2 and 3 are skipped with a loud
message; under ``CI=true`` a missing one is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from pgserver import PostgresServer, PostgresUnavailable  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def banner(text: str) -> None:
    line = "=" * 78
    print(f"\n{line}\n{text}\n{line}", flush=True)


def loud_skip(what: str, why: str) -> None:
    print("!" * 78)
    print(f"!!! SKIPPED: {what}")
    print(f"!!! because: {why}")
    print("!" * 78, flush=True)


def run_pytest(label: str, args: list[str], env: dict[str, str], totals: dict) -> int:
    report = Path(tempfile.mkstemp(prefix=f"sarhad-{label}-", suffix=".xml")[1])
    cmd = [sys.executable, "-m", "pytest", f"--junitxml={report}", *args]
    code = subprocess.call(cmd, cwd=ROOT, env=env)
    if code == 5:  # no test selected: not an error for one pass
        code = 0
    try:
        root = ET.parse(report).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        for suite in suites:
            tests = int(suite.get("tests", 0))
            failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skipped = int(suite.get("skipped", 0))
            totals["passed"] += tests - failed - skipped
            totals["failed"] += failed
            totals["skipped"] += skipped
    except (ET.ParseError, FileNotFoundError):
        totals["failed"] += 1 if code else 0
    finally:
        report.unlink(missing_ok=True)
    return code


def main() -> int:
    extra = sys.argv[1:]
    base_env = dict(os.environ)
    base_env.pop("DATABASE_URL", None)
    base_env["SARHAD_HTTPS"] = "0"
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    codes: list[int] = []

    banner("Pass 1/3: all non-browser tests on SQLite")
    codes.append(run_pytest("sqlite", ["-m", "not browser and not postgres", *extra], base_env, totals))

    banner("Pass 2/3: database tests on a throwaway PostgreSQL server")
    try:
        with PostgresServer() as pg:
            env = dict(base_env, DATABASE_URL=pg.url)
            print(f"PostgreSQL {pg.version} running at {pg.url}", flush=True)
            codes.append(
                run_pytest("postgres", ["-m", "not browser and not kernel", *extra], env, totals)
            )
    except PostgresUnavailable as exc:
        if IN_CI:
            print(f"PostgreSQL is required under CI but unavailable: {exc}")
            codes.append(1)
            totals["failed"] += 1
        else:
            loud_skip("the PostgreSQL pass", str(exc))

    banner("Pass 3/3: browser tests in headless Chromium (Playwright)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        with tempfile.TemporaryDirectory(prefix="sarhad-browser-") as tmp:
            env = dict(base_env, SARHAD_CHROMIUM=chromium, SARHAD_TEST_SQLITE_FILE=str(Path(tmp) / "test.sqlite3"))
            codes.append(run_pytest("browser", ["-m", "browser", *extra], env, totals))
    elif IN_CI:
        print("Chromium is required under CI but was not found on PATH")
        codes.append(1)
        totals["failed"] += 1
    else:
        loud_skip("the browser pass", "no `chromium` on PATH (apt-get install chromium)")

    status = "FAILED" if any(codes) else "OK"
    print(f"\nsuite {status}")
    print(f"total: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    return 1 if any(codes) else 0


if __name__ == "__main__":
    sys.exit(main())
