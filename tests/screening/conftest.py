"""Fixtures for the screening tests.

Most tests exercise the index mechanics (add, replace, remove, snapshots, documents,
qualifiers) and use :class:`FakeEngine`, a tiny deterministic name engine, so that they
do not depend on how :mod:`sarhad.names` scores names. The tests in
``test_screening_with_names.py`` use the real engine.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pytest
from rapidfuzz import fuzz

from sarhad.screening import ScoringPolicy, ScreeningIndex


@dataclass(frozen=True)
class FakeComparison:
    score: float
    parts: tuple = ()

    def explain(self) -> str:
        return f"token-sorted similarity {self.score:.2f}"


class FakeEngine:
    """ASCII-folds names; keys are the first three letters of each token."""

    __name__ = "fake-engine"

    @staticmethod
    def fold(name: str) -> str:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        return " ".join("".join(c if c.isalnum() else " " for c in ascii_name.upper()).split())

    def keys(self, name: str) -> frozenset[str]:
        return frozenset(token[:3] for token in self.fold(name).split())

    def prepare(self, name: str) -> str:
        return self.fold(name)

    def compare_prepared(self, query: str, candidate: str) -> FakeComparison:
        return FakeComparison(round(fuzz.token_sort_ratio(query, candidate) / 100.0, 4))


POLICY = ScoringPolicy(hit_threshold=0.85, review_threshold=0.72)


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def index(fake_engine: FakeEngine) -> ScreeningIndex:
    return ScreeningIndex(engine=fake_engine, policy=POLICY)
