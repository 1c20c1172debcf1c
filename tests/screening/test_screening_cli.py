from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sarhad.cli import main
from sarhad.screening import DocumentRef, ListKind, ScreeningIndex, WatchlistEntry

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def snapshot(tmp_path) -> Path:
    index = ScreeningIndex()
    index.add(WatchlistEntry("BAN-1", 2, "national-entry-bans", names=("Məmmədov Əli Həsən oğlu",),
                             birth_dates=("1980-05",), nationalities=("AZE",), sex="M",
                             required_action="refuse entry"))
    index.add(WatchlistEntry("LS-1", 1, "lost-stolen", kind=ListKind.LOST_STOLEN_DOCUMENT,
                             documents=(DocumentRef("C01234567", "AZE"),)))
    path = tmp_path / "screening.idx"
    index.save(path)
    return path


def test_screen_prints_explained_hits(snapshot, capsys):
    assert main(["screen", "MAMMADOV<<ALI", "--dob", "1980-05-02", "--nationality", "AZE",
                 "--index", str(snapshot)]) == 0
    out = capsys.readouterr().out
    assert "HIT" in out and "BAN-1 v2" in out and "refuse entry" in out and "(month)" in out


def test_screen_json_and_documents(snapshot, capsys):
    assert main(["screen", "--document", "COI234567:AZE", "--index", str(snapshot), "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [h["entry_id"] for h in hits] == ["LS-1"]
    assert hits[0]["decision"] == "hit"
    assert hits[0]["document_match"]["bridged"] == [
        {"position": 2, "query": "O", "entry": "0"}, {"position": 3, "query": "I", "entry": "1"}]


def test_screen_errors(tmp_path, snapshot, capsys):
    assert main(["screen", "A", "--index", str(tmp_path / "missing.idx")]) == 3
    assert "no index snapshot" in capsys.readouterr().err
    assert main(["screen", "--index", str(snapshot)]) == 2
    assert main(["screen", "A", "--dob", "02/05/1980", "--index", str(snapshot)]) == 2
    assert main(["screen", "Nobody Known", "--index", str(snapshot)]) == 0
    assert "no hits among 2 entries" in capsys.readouterr().out


def test_benchmark_runs_in_smoke_mode():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "screening.py"), "--smoke"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    names = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    for figure in ("index_build_time", "peak_memory", "candidate_recall_at_50", "latency_p50",
                   "latency_p95", "queries_per_second_per_core", "snapshot_save_time",
                   "snapshot_load_time", "ratio_vs_yente", "ratio_vs_logic_v2"):
        assert figure in names
