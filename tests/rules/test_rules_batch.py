"""Batch overstay detection (Polars) must give the single-person kernel's answers."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sarhad.rules import InvalidParameter, evaluate_stay
from sarhad.rules.batch import overstayers, stay_status

D = date
BASE = D(2023, 12, 20)
KEYS = ("used_days", "remaining_days", "overstay_days", "latest_exit", "status", "in_area",
        "current_entry", "first_overstay_day")


@st.composite
def person_stays(draw):
    stays = []
    cursor = BASE + timedelta(days=draw(st.integers(0, 40)))
    for _ in range(draw(st.integers(1, 6))):
        length = draw(st.integers(1, 16))
        exit_ = cursor + timedelta(days=length - 1)
        stays.append((cursor, exit_))
        cursor = exit_ + timedelta(days=draw(st.integers(0, 14)))
    if draw(st.booleans()):
        stays[-1] = (stays[-1][0], None)
    return stays


@st.composite
def countries(draw):
    limit = draw(st.integers(1, 12))
    window = draw(st.integers(limit + 1, 26))
    people = draw(st.lists(person_stays(), min_size=1, max_size=6))
    on = BASE + timedelta(days=draw(st.integers(0, 110)))
    return people, on, limit, window


def kernel_rows(people, on, limit, window):
    out = {}
    for pid, stays in enumerate(people):
        if not any(entry <= on for entry, _ in stays):
            continue  # not in the batch output: no stay up to `on`
        r = evaluate_stay(stays, on, limit, window)
        out[pid] = tuple(getattr(r, k) for k in KEYS)
    return out


def batch_rows(people, on, limit, window):
    rows = [(pid, a, b) for pid, stays in enumerate(people) for a, b in stays]
    df = stay_status(rows, on, limit, window)
    return {r["person_id"]: tuple(r[k] for k in KEYS) for r in df.iter_rows(named=True)}


@settings(max_examples=250)
@given(countries())
def test_batch_equals_the_kernel_person_by_person(c):
    people, on, limit, window = c
    assert batch_rows(people, on, limit, window) == kernel_rows(people, on, limit, window)


def test_reentry_example_from_the_issue():
    rows = [
        ("A", D(2024, 1, 1), D(2024, 3, 30)), ("A", D(2024, 6, 29), None),
        ("B", D(2024, 1, 1), D(2024, 3, 30)), ("B", D(2024, 6, 28), None),
    ]
    df = stay_status(rows, on=D(2024, 6, 29))
    got = {r[0]: r[1:] for r in df.select("person_id", "used_days", "overstay_days", "latest_exit", "status").rows()}
    assert got == {
        "A": (90, 0, D(2024, 9, 26), "present"),
        "B": (91, 2, None, "overstaying"),
    }


def test_overstayers_lists_only_people_over_the_limit():
    rows = pl.DataFrame(
        {
            "pid": [1, 1, 2, 3, 4],
            "entered": [D(2024, 1, 1), D(2024, 6, 1), D(2024, 5, 1), D(2024, 1, 1), D(2025, 1, 1)],
            "left": [D(2024, 3, 30), None, None, D(2024, 4, 30), None],
        }
    )
    kw = dict(person="pid", entry="entered", exit="left")
    now = overstayers(rows, D(2024, 6, 10), **kw)
    assert now["person_id"].to_list() == [1]
    assert now["status"].to_list() == ["overstaying"]
    both = overstayers(rows, D(2024, 6, 10), include_departed=True, **kw)
    # most overstay days first: 3 left on 04-30 after 121 days (31 over), 1 has 10
    assert both["person_id"].to_list() == [3, 1]
    assert both.filter(pl.col("person_id") == 3)["overstay_days"].item() == 31
    # person 4 has not entered yet on that date: not listed at all
    assert 4 not in stay_status(rows, D(2024, 6, 10), **kw)["person_id"].to_list()


def test_overlapping_rows_are_merged_as_a_union_of_days():
    rows = [(1, D(2024, 1, 1), D(2024, 1, 10)), (1, D(2024, 1, 5), D(2024, 1, 20))]
    assert stay_status(rows, D(2024, 2, 1))["used_days"].item() == 20


def test_lazy_frame_in_lazy_plan_out():
    lf = pl.LazyFrame({"person_id": [1], "entry_date": [D(2024, 1, 1)], "exit_date": [None]},
                      schema={"person_id": pl.Int64, "entry_date": pl.Date, "exit_date": pl.Date})
    plan = stay_status(lf, D(2024, 1, 31), lazy=True)
    assert isinstance(plan, pl.LazyFrame)
    assert plan.collect()["used_days"].item() == 31


@pytest.mark.parametrize("limit, window", [(180, 180), (-1, 10), (5, 0)])
def test_bad_regime_is_rejected(limit, window):
    with pytest.raises(InvalidParameter):
        stay_status([], D(2024, 1, 1), limit, window)
