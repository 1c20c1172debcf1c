"""The synthetic population: deterministic, realistic gender forms, passport Latin."""

from __future__ import annotations

import re

from sarhad.names.synthetic import (
    NATIONALITY_WEIGHTS,
    generate_people,
    latin_passport,
    ru_patronymic,
    uk_patronymic,
)

MRZ_WORDS = re.compile(r"^[A-Z]+( [A-Z]+)*$")


def test_deterministic_for_a_seed():
    assert list(generate_people(500, seed=42)) == list(generate_people(500, seed=42))
    assert list(generate_people(50, seed=1)) != list(generate_people(50, seed=2))


def test_every_nationality_and_latin_is_mrz_ready():
    people = list(generate_people(5000, seed=3))
    assert {p.nationality for p in people} == set(NATIONALITY_WEIGHTS)
    for p in people:
        assert p.sex in {"M", "F"}
        assert MRZ_WORDS.match(p.latin_surname), p
        assert MRZ_WORDS.match(p.latin_given), p
        assert p.latin_patronymic == "" or MRZ_WORDS.match(p.latin_patronymic), p
        assert p.surname == p.native_surname and p.given_names == p.native_given


def test_azerbaijani_gender_forms():
    people = list(generate_people(3000, seed=4, nationalities={"AZE": 1}))
    for p in people:
        if p.native_patronymic:
            assert p.native_patronymic.endswith("qızı" if p.sex == "F" else "oğlu")
        if p.native_surname.endswith(("ov", "ova", "yev", "yeva")):
            assert p.native_surname.endswith("a") == (p.sex == "F")
    assert any("ə" in p.native_surname or "Ə" in p.native_surname for p in people)
    assert all("Ə" not in p.latin_surname for p in people)


def test_russian_gender_forms_and_patronymics():
    people = list(generate_people(3000, seed=5, nationalities={"RUS": 1}))
    for p in people:
        if p.native_surname.endswith(("ов", "ова", "ев", "ева")):
            assert p.native_surname.endswith("а") == (p.sex == "F")
    assert ru_patronymic("Сергей", "M") == "Сергеевич"
    assert ru_patronymic("Сергей", "F") == "Сергеевна"
    assert ru_patronymic("Юрий", "F") == "Юрьевна"
    assert ru_patronymic("Иван", "M") == "Иванович"
    assert ru_patronymic("Михаил", "F") == "Михайловна"
    assert uk_patronymic("Сергій", "F") == "Сергіївна"
    assert uk_patronymic("Петро", "M") == "Петрович"


def test_passport_latin_examples():
    assert latin_passport("Məmmədov", "AZE") == "MAMMADOV"
    assert latin_passport("Hüseynov", "AZE") == "HUSEYNOV"
    assert latin_passport("Иванова", "RUS") == "IVANOVA"
    assert latin_passport("Юлия", "RUS") == "IULIIA"
    assert latin_passport("Müller", "DEU") == "MUELLER"
    assert latin_passport("Şahin", "TUR") == "SAHIN"
    assert latin_passport("ბერიძე", "GEO") == "BERIDZE"
    assert latin_passport("Հովհաննիսյան", "ARM") == "HOVHANNISYAN"
    assert latin_passport("Олександр", "UKR") == "OLEKSANDR"
    assert latin_passport("O'Connor", "GBR") == "OCONNOR"
