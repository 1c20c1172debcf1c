"""Pairing crossings into stays always gives the stay kernel a history it accepts."""

from datetime import date, timedelta
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from sarhad.border.stay import stays_from_crossings
from sarhad.rules import evaluate_stay

START = date(2024, 1, 1)

crossing_lists = st.lists(
    st.tuples(st.sampled_from(["entry", "exit"]), st.integers(min_value=0, max_value=3)), max_size=30,
)


def _crossings(steps):
    day, out = START, []
    for direction, gap in steps:
        day += timedelta(days=gap)
        out.append(SimpleNamespace(direction=direction, local_date=day))
    return out, day


@given(crossing_lists)
def test_pairs_are_ordered_and_accepted_by_the_kernel(steps):
    crossings, last = _crossings(steps)
    stays = stays_from_crossings(crossings)
    for (a, b), (c, _d) in zip(stays, stays[1:]):
        assert b is not None and a <= b <= c
    assert all(b is not None for _a, b in stays[:-1])
    evaluate_stay(stays, last + timedelta(days=1))  # raises on overlap or a second open stay


def test_unrecorded_exit_counts_only_the_entry_day():
    crossings, _ = _crossings([("entry", 0), ("entry", 10), ("exit", 5)])
    assert stays_from_crossings(crossings) == [(START, START), (START + timedelta(days=10), START + timedelta(days=15))]


def test_exit_without_entry_is_ignored():
    crossings, _ = _crossings([("exit", 0), ("entry", 3)])
    assert stays_from_crossings(crossings) == [(START + timedelta(days=3), None)]
