"""``sarhad names compare``: two names, or a CSV of pairs with one JSON line per row."""

from __future__ import annotations

import io
import json

from sarhad.cli import main
from sarhad.names.cli import compare_csv
from sarhad.names.evaluation import labelled_pairs, write_csv


def test_compare_two_names(capsys):
    assert main(["names", "compare", "Məmmədov Əli Həsən oğlu", "MAMMADOV ALI"]) == 0
    out = capsys.readouterr().out
    assert "score: 0.9" in out and "match: yes" in out and "extra_patronymic" in out


def test_compare_pairs_file(tmp_path, capsys):
    f = tmp_path / "pairs.csv"
    f.write_text("id,query,candidate\n"
                 "a,Məmmədov Əli,Мамедов Али\n"
                 "b,Hüseynov Əli,Həsənov Əli\n", encoding="utf-8")
    assert main(["names", "compare", "--pairs", str(f)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["match"] is True and rows[1]["match"] is False
    assert all(isinstance(r["score"], float) and set(r) == {"id", "score", "match"} for r in rows)


def test_bad_rows_are_reported_and_the_rest_continue():
    src = io.StringIO('id,query,candidate\n1,Ali Mammadov,MAMMADOV ALI\n2,,Ali\n3,only\n'
                      '4,"Rəşad Əliyev","Rashad Aliyev"\n5,123,Ali\n')
    out = io.StringIO()
    assert compare_csv(src, out) == 1
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [r.get("id") for r in rows] == ["1", "2", "3", "4", "5"]
    assert rows[0]["match"] and rows[3]["match"]
    for bad, row_no in ((rows[1], 3), (rows[2], 4), (rows[4], 6)):
        assert bad["row"] == row_no and bad["error"]


def test_header_is_required():
    out = io.StringIO()
    assert compare_csv(io.StringIO("a,b,c\n1,x,y\n"), out) == 1
    assert "header" in json.loads(out.getvalue())["error"]
    out = io.StringIO()
    assert compare_csv(io.StringIO(""), out) == 1


def test_columns_in_any_order_and_extra_columns():
    src = io.StringIO("candidate,match,id,query\nMAMMADOV ALI,1,x,Məmmədov Əli\n")
    out = io.StringIO()
    assert compare_csv(src, out) == 0
    assert json.loads(out.getvalue()) ["match"] is True


def test_evaluation_csv_runs_through_the_cli(tmp_path, capsys):
    f = tmp_path / "eval.csv"
    with f.open("w", encoding="utf-8", newline="") as fh:
        write_csv(labelled_pairs(60, seed=5), fh)
    assert main(["names", "compare", "--pairs", str(f)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 60 and all("score" in r for r in rows)


def test_missing_file(capsys):
    assert main(["names", "compare", "--pairs", "/nonexistent/pairs.csv"]) == 2
