"""The public contract of sarhad.names, with the hand cases of the issue."""

from __future__ import annotations

import pytest

from sarhad import names


def test_normalise():
    assert names.normalise("  məmmədov,  Əli   HƏSƏN oğlu ") == "MƏMMƏDOV ƏLİ HƏSƏN OĞLU"
    assert names.normalise("O'Connor-Smith") == "OCONNOR SMITH"
    assert names.normalise("MAMMADOV<<ALI") == "MAMMADOV ALI"
    assert names.normalise("ali") == "ALI"


def test_latin_forms_primary_first():
    forms = names.latin_forms("Мамедов Али")
    assert forms[0] == "MAMEDOV ALI"
    assert all(f.isascii() and f == f.upper() for f in forms)
    assert names.latin_forms("Məmmədov Əli")[0] == "MAMMADOV ALI"


@pytest.mark.parametrize("a,b", [
    ("Məmmədov Əli Həsən oğlu", "Mammadov Ali"),
    ("Məmmədov Əli", "Мамедов Али"),
    ("Məmmədov Əli", "MAMMADOV ALI"),
    ("Məmmədov Əli", "محمدوف علی"),
    ("Hüseynov Elvin", "Гусейнов Эльвин"),
    ("Həsənov Rəşad", "Гасанов Рашад"),
    ("Əliyev Anar", "Алиев Анар"),
    ("Cəfərov Kamran", "Джафаров Камран"),
    ("Quliyev Samir", "Кулиев Самир"),
    ("Ali Mammadov", "Mammadov Ali"),
])
def test_issue_positives(a, b):
    r = names.compare(a, b)
    assert r.is_match(), r.explain()


@pytest.mark.parametrize("a,b", [
    ("Hüseynov Əli", "Həsənov Əli"),
    ("Məmmədov Əli", "Məmmədov Vüqar"),
    ("Məmmədov Aysel", "Məmmədova Aysel"),
])
def test_issue_negatives(a, b):
    r = names.compare(a, b)
    assert not r.is_match(), r.explain()


def test_comparison_shape():
    r = names.compare("Məmmədov Əli Həsən oğlu", "Mammadov Ali")
    assert 0.0 <= r.score <= 1.0
    kinds = {p.kind for p in r.parts}
    assert "extra_patronymic" in kinds
    assert "MƏMMƏDOV" in r.explain()


def test_prepared_equals_direct():
    a, b = "Гусейнов Эльвин", "HUSEYNOV ELVIN"
    assert names.compare_prepared(names.prepare(a), names.prepare(b)) == names.compare(a, b)


def test_keys_shared_across_scripts():
    k1 = names.keys("Məmmədov Əli")
    for other in ("Мамедов Али", "MAMMADOV ALI", "محمدوف علی", "Ali Mamedov"):
        assert k1 & names.keys(other), other
    assert all(k.startswith(("1:", "2:")) for k in k1)
