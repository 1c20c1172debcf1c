"""The labelled evaluation set: size, balance, every written form, deterministic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sarhad.names.evaluation import labelled_pairs

ROOT = Path(__file__).resolve().parents[2]


def test_deterministic_and_balanced():
    a = labelled_pairs(3000, seed=3)
    assert a == labelled_pairs(3000, seed=3)
    assert len(a) == 3000 and len({p.id for p in a}) == 3000
    negatives = [p for p in a if not p.match]
    assert len(negatives) >= len(a) / 3
    cats = {p.category for p in negatives}
    assert {"same_surname", "similar_surname", "siblings", "gender_forms",
            "huseynov_hasanov", "father_son", "different_father"} <= cats
    forms = {f for p in a for f in p.script_pair.split("~")}
    assert {"az-Latn", "az-Cyrl", "ru-Cyrl", "ru-Latn", "mrz", "en-Latn", "fa-Arab",
            "ka-Geor", "hy-Armn", "tr-Latn"} <= forms


def test_holdout_names_are_not_in_the_population():
    from sarhad.names.synthetic import name_tables

    tabs = name_tables()
    known = {r.native_m for r in tabs["AZE"].male + tabs["AZE"].female}
    held = {r.native_m for r in tabs["AZE_HOLDOUT"].male + tabs["AZE_HOLDOUT"].female}
    assert held and not known & held
    pairs = labelled_pairs(200, seed=1, holdout=True)
    assert len(pairs) == 200 and all(p.script_pair for p in pairs)


def test_bench_smoke():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "names.py"), "--smoke"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line)
    assert lines["pairs"] == "300"
    for key in ("sarhad_precision", "sarhad_recall", "sarhad_time_per_comparison"):
        assert key in lines
