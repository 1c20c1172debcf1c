"""`sarhad mrz check | make | name` as a user runs them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sarhad.cli import main

from mrz_samples import SPECIMENS

ROOT = Path(__file__).resolve().parents[2]


def run(argv, stdin, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_prints_one_json_line_per_document(monkeypatch, capsys):
    text = "\r\n\r\n".join("\r\n".join(SPECIMENS[n][0]) for n in
                           ("V1_TD3_ICAO", "V8_TD1_ICAO", "V17_MRVB_ICAO")) + "\r\n"
    code, out, _ = run(["mrz", "check", "--on", "2026-01-01"], text, monkeypatch, capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["format"] for r in records] == ["TD3", "TD1", "MRVB"]
    first = records[0]
    assert first["valid"] is True and first["expired"] is True
    assert (first["document_number"], first["surname"], first["given_names"]) == (
        "L898902C3", "ERIKSSON", "ANNA MARIA")
    assert (first["birth_date_raw"], first["birth_date"], first["sex"]) == (
        "740812", "1974-08-12", "F")
    assert first["optional_data"] == "ZE184226B"
    assert records[1]["optional_data_2"] == ""


def test_one_bad_document_never_stops_the_rest(monkeypatch, capsys):
    good = "\n".join(SPECIMENS["V4_TD3_CANADA"][0])
    text = "\n\n".join([good, "NOT AN MRZ\n\u0000\u00ff", good.replace("8501019", "8501018")])
    code, out, err = run(["mrz", "check"], text, monkeypatch, capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and err == ""
    assert [r["valid"] for r in records] == [True, False, False]
    assert records[1]["errors"][0]["code"] == "structure"
    assert records[2]["errors"][0]["message"] == (
        "check digit of date_of_birth at line 2 pos 20: expected 9, found 8")


def test_on_decides_expired(monkeypatch, capsys):
    text = "\n".join(SPECIMENS["V4_TD3_CANADA"][0])
    _, out, _ = run(["mrz", "check", "--on", "2023-01-14"], text, monkeypatch, capsys)
    assert json.loads(out)["expired"] is False
    _, out, _ = run(["mrz", "check", "--on", "2023-01-15"], text, monkeypatch, capsys)
    assert json.loads(out)["expired"] is True


def test_correct_flag(monkeypatch, capsys):
    lines = list(SPECIMENS["V1_TD3_ICAO"][0])
    lines[1] = lines[1][:15] + "O" + lines[1][16:43] + "O"
    _, out, _ = run(["mrz", "check", "--correct"], "\n".join(lines), monkeypatch, capsys)
    record = json.loads(out)
    assert record["valid"] and len(record["corrections"]) == 2
    _, out, _ = run(["mrz", "check"], "\n".join(lines), monkeypatch, capsys)
    assert json.loads(out)["valid"] is False


def test_make_then_check_round_trip(monkeypatch, capsys):
    objects = [
        {"format": "TD1", "issuing_state": "AZE", "nationality": "AZE", "surname": "Əliyev",
         "given_names": "Həsən", "document_number": "AA1234567890", "birth_date": "1990-01-01",
         "sex": "M", "expiry_date": "2030-01-01", "lang": "az"},
        {"bad": 1},
        {"format": "MRVB", "issuing_state": "AZE", "nationality": "D", "surname": "Müller",
         "given_names": "Jürgen", "document_number": "V123", "birth_date": "1990-01-01",
         "sex": "F", "expiry_date": "2030-01-01", "choices": {"Ü": "U"}},
    ]
    stdin = "\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n"
    code, out, err = run(["mrz", "make"], stdin, monkeypatch, capsys)
    assert code == 1 and "line 2: unknown field(s): bad" in err
    assert out.splitlines()[:3] == [
        "I<AZEAA1234567<8901<<<<<<<<<<<", "9001011M3001019AZE<<<<<<<<<<<0",
        "ALIYEV<<HASAN<<<<<<<<<<<<<<<<<"]
    code, checked, _ = run(["mrz", "check", "--on", "2026-01-01"], out, monkeypatch, capsys)
    records = [json.loads(line) for line in checked.splitlines()]
    assert code == 0
    assert [(r["format"], r["document_number"], r["surname"]) for r in records] == [
        ("TD1", "AA1234567890", "ALIYEV"), ("MRVB", "V123", "MULLER")]


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["Əliyev", "Həsən", "--lang", "az"], "ALIYEV<<HASAN" + "<" * 26),
        (["Nilavadhanananda", "Chayapa", "Dejthamrong", "Krasuang"],
         "NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K"),
        (["Eriksson", "Anna", "Maria", "--format", "TD1"], "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"),
        (["Eriksson", "--length", "12"], "ERIKSSON<<<<"),
    ],
)
def test_name(argv, expected, monkeypatch, capsys):
    code, out, _ = run(["mrz", "name", *argv], "", monkeypatch, capsys)
    assert code == 0 and out == expected + "\n"


def test_name_without_transliteration_fails_cleanly(monkeypatch, capsys):
    code, out, err = run(["mrz", "name", "ნინო"], "", monkeypatch, capsys)
    assert code == 1 and out == "" and "GEORGIAN" in err


def test_installed_command_runs_without_django():
    # The kernel commands must answer without starting Django.
    script = (
        "import sys; from sarhad.cli import build_parser\n"
        "import sarhad.documents.cli\n"
        "args = build_parser().parse_args(['mrz', 'check'])\n"
        "code = args.func(args)\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), "
        "'django imported'\n"
        "sys.exit(code)\n"
    )
    text = "\n".join(SPECIMENS["V7_TD2_ICAO"][0]) + "\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["format"] == "TD2"


def test_carriage_return_only_line_ends(monkeypatch, capsys):
    text = "\r".join(SPECIMENS["V1_TD3_ICAO"][0]) + "\r\r" + "\r".join(
        SPECIMENS["V7_TD2_ICAO"][0]) + "\r"
    code, out, _ = run(["mrz", "check"], text, monkeypatch, capsys)
    assert code == 0
    assert [json.loads(line)["format"] for line in out.splitlines()] == ["TD3", "TD2"]


def test_make_reports_each_unusable_line_and_goes_on(monkeypatch, capsys):
    good = json.dumps({"issuing_state": "AZE", "nationality": "AZE", "name": "A<<B",
                       "document_number": "X1", "birth_date": "900101", "sex": "F",
                       "expiry_date": "300101"})
    stdin = "\n".join(["not json", '{"format": "TD3"}', "[1]", good]) + "\n"
    code, out, err = run(["mrz", "make", "--format", "MRVB"], stdin, monkeypatch, capsys)
    assert code == 1
    assert err.splitlines() == [
        "line 1: not JSON: Expecting value: line 1 column 1 (char 0)",
        "line 2: missing field(s): issuing_state, document_number, nationality, birth_date, "
        "sex, expiry_date",
        "line 3: expected a JSON object",
    ]
    assert out.splitlines()[0] == "V<AZEA<<B" + "<" * 27


def test_mrz_without_subcommand_prints_help(monkeypatch, capsys):
    code, out, _ = run(["mrz"], "", monkeypatch, capsys)
    assert code == 2 and "check" in out and "make" in out and "name" in out


def test_no_specimen_refuses_utopia(monkeypatch, capsys):
    text = "\n".join(SPECIMENS["V1_TD3_ICAO"][0])
    code, out, _ = run(["mrz", "check", "--no-specimen"], text, monkeypatch, capsys)
    assert code == 1 and json.loads(out)["errors"][0]["code"] == "specimen_code"


def test_check_text_returns_what_the_cli_prints(monkeypatch, capsys):
    from datetime import date

    from sarhad.documents import check_text

    text = "\n\n".join("\n".join(SPECIMENS[n][0]) for n in ("V2_TD3_GERMANY", "V12_TD1_SWEDEN"))
    _, out, _ = run(["mrz", "check", "--on", "2026-01-01"], text, monkeypatch, capsys)
    printed = [json.loads(line) for line in out.splitlines()]
    assert check_text(text, on=date(2026, 1, 1)) == printed


def test_bytes_that_are_not_utf8_are_reported_not_a_crash():
    # Latin-1 guillemets from a scanner: each becomes an invalid character, no traceback.
    line2 = SPECIMENS["V1_TD3_ICAO"][0][1].replace("<<<<<", "").encode("ascii")
    data = SPECIMENS["V1_TD3_ICAO"][0][0].encode("ascii") + b"\n" + \
        line2[:37] + b"\xab" * 5 + line2[37:] + b"\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-m", "sarhad.cli", "mrz", "check"], input=data,
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 1 and done.stderr == b""
    record = json.loads(done.stdout)
    assert [e["code"] for e in record["errors"]] == ["charset"] * 5
