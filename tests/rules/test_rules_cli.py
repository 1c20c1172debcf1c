"""``sarhad stay`` and ``sarhad deadline``: JSON lines in and out, errors per line."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from sarhad.cli import main


def run(argv, lines, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(line + "\n" for line in lines)))
    code = main(argv)
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    return code, out


def test_stay_example_from_the_issue(monkeypatch, capsys):
    line = json.dumps({"limit": 90, "window": 180, "on": "2024-06-29",
                       "stays": [["2024-01-01", "2024-03-30"], ["2024-06-29", None]]})
    code, [out] = run(["stay"], [line], monkeypatch, capsys)
    assert code == 0
    assert {k: out[k] for k in ("used_days", "remaining_days", "overstay_days", "latest_exit")} == {
        "used_days": 90, "remaining_days": 0, "overstay_days": 0, "latest_exit": "2024-09-26",
    }


def test_stay_bad_lines_are_reported_and_the_rest_continue(monkeypatch, capsys):
    lines = [
        json.dumps({"id": "a", "on": "2024-06-29", "stays": [["2024-01-05", "2024-01-01"]]}),
        json.dumps({"on": "2024-06-29", "stays": [["2024-01-01", "2024-01-10"], ["2024-01-05", None]]}),
        "{not json",
        json.dumps({"on": "2024-02-30", "stays": []}),
        json.dumps({"on": "2024-06-29", "stays": [], "window": "180"}),
        json.dumps({"on": "2024-06-29", "stays": [], "limit": 200}),
        json.dumps({"on": "2024-06-29"}),
        json.dumps({"on": "9999-12-30", "stays": [["9999-12-01", None]]}),
        json.dumps({"on": "2024-06-29", "stays": [["2024-06-01", None]]}),
    ]
    code, out = run(["stay"], lines, monkeypatch, capsys)
    assert code == 1
    fields = [o.get("error", {}).get("field") for o in out]
    assert fields == ["stays[0].exit", "stays[1].entry", "(line)", "on", "window", "limit", "stays", "(line)", None]
    assert out[0]["id"] == "a" and out[0]["line"] == 1
    assert "before entry" in out[0]["error"]["message"]
    assert "overlap" in out[1]["error"]["message"]
    assert out[-1]["used_days"] == 29


def test_stay_options_visa_permits_earliest_entry_explain(monkeypatch, capsys):
    line = json.dumps({
        "on": "2025-06-12", "stays": [["2025-06-10", None]], "per_entry_limit": 30,
        "visa": {"valid_from": "2025-06-01", "valid_until": "2025-06-20", "duration_days": 15},
        "permits": [["2025-01-01", "2025-01-31"]], "explain": True,
    })
    code, [out] = run(["stay"], [line], monkeypatch, capsys)
    assert code == 0
    assert (out["latest_exit"], out["limiting_rule"]) == ("2025-06-20", "visa_validity")
    assert "Status: present." in out["explanation"]
    line = json.dumps({"on": "2024-04-01", "stays": [["2024-01-01", "2024-03-30"]], "earliest_entry_days": 1})
    code, [out] = run(["stay"], [line], monkeypatch, capsys)
    assert out["earliest_entry"] == "2024-06-29"


def test_deadline_lines(monkeypatch, capsys):
    lines = [
        json.dumps({"start": "2025-03-19", "amount": 5, "unit": "working_days"}),
        json.dumps({"start": "2025-03-19", "amount": 5, "unit": "calendar_days"}),
        json.dumps({"start": "2025-03-19", "amount": 5, "unit": "fortnights"}),
        json.dumps({"start": "2025-03-19", "rule": "visa.decision", "extended": True}),
        json.dumps({"start": "2025-03-19", "rule": "nope"}),
        json.dumps({"amount": 5, "unit": "working_days"}),
        json.dumps({"start": "2025-03-19", "amount": 10, "unit": "calendar_days", "roll_to_working_day": True}),
    ]
    code, out = run(["deadline"], lines, monkeypatch, capsys)
    assert code == 1
    assert [o.get("deadline") for o in out] == ["2025-04-07", "2025-03-24", None, "2025-04-18", None, None, "2025-04-01"]
    assert [o.get("error", {}).get("field") for o in out] == [None, None, "unit", None, "rule", "start", None]


def test_deadline_list_rules(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["deadline", "--list-rules"]) == 0
    keys = [json.loads(x)["key"] for x in capsys.readouterr().out.splitlines()]
    assert "visa.decision" in keys and "registration.change_of_address" in keys


def test_help_says_failed_lines_give_exit_code_one(capsys):
    with pytest.raises(SystemExit):
        main(["stay", "--help"])
    assert "exit\ncode is 1" in capsys.readouterr().out


def test_the_installed_command_works_without_django():
    code = (
        "import sys, io; from sarhad.cli import main; "
        "sys.stdin = io.StringIO('{\"start\": \"2025-03-19\", \"amount\": 5, \"unit\": \"working_days\"}\\n'); "
        "rc = main(['deadline']); "
        "assert 'django' not in sys.modules, 'rules CLI imported Django'; sys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["deadline"] == "2025-04-07"
