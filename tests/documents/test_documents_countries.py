"""Country and ICAO codes: the reference data the foundation reads too."""

from __future__ import annotations

import pytest

from sarhad.documents.countries import (
    COUNTRIES, DEPRECATED_CODES, ICAO_SPECIAL_CODES, ISO_3166_ALPHA3, SPECIMEN_CODES,
    code_name, compact_code, is_known_code)


def test_all_iso_codes_and_icao_specials_are_there():
    assert len(ISO_3166_ALPHA3) == 249
    assert set(COUNTRIES) == set(ISO_3166_ALPHA3) | set(ICAO_SPECIAL_CODES)
    assert all(len(code) == 3 and code.isalpha() and code.isupper() for code in ISO_3166_ALPHA3)
    assert all(name and name.strip() == name for name in COUNTRIES.values())


@pytest.mark.parametrize("code, name", [
    ("AZE", "Azerbaijan"), ("D", "Germany"), ("DEU", "Germany"), ("XXA", "Stateless person"),
    ("RKS", "Kosovo"), ("EUE", "European Union"), ("GEO", "Georgia"), ("TUR", "Türkiye"),
])
def test_names(code, name):
    assert COUNTRIES[code] == name


def test_is_known_code_reads_mrz_fillers_and_specimens():
    assert is_known_code("D<<") and is_known_code("aze") and is_known_code("XXX")
    assert not is_known_code("QQQ") and not is_known_code("") and not is_known_code("<<<")
    assert not is_known_code("UTO") and is_known_code("UTO", specimen=True)
    assert compact_code(" D<< ") == "D"
    assert code_name("UTO") == "Utopia (specimen)" and code_name("QQQ") is None


def test_deprecated_and_specimen_codes_are_kept_apart():
    assert DEPRECATED_CODES <= set(COUNTRIES)
    assert not set(SPECIMEN_CODES) & set(COUNTRIES)


def test_mapping_is_read_only():
    with pytest.raises(TypeError):
        COUNTRIES["ZZZ"] = "Nowhere"  # type: ignore[index]
