"""common.rawsql on the screening hits (the desk stores and updates several per check):
what its inserts and updates store is what the ORM reads back, on this database, for one
row and for several (one statement, or one per row past the driver's statement cache)."""

from __future__ import annotations

from datetime import datetime, timezone as tz

import pytest

from sarhad.accounts.actor import Actor
from sarhad.common import rawsql
from sarhad.people.services import PersonData, register_person
from sarhad.watchlists.models import HitStatus, ScreeningHit

FIELDS = [f.attname for f in ScreeningHit._meta.concrete_fields]


def _hits(entry, count: int, person=None) -> list[ScreeningHit]:
    return [
        ScreeningHit(
            entry=entry, entry_version=entry.version, person=person if i % 2 else None,
            traveller_key=f"name:məmmədov əli {i}", traveller_name="MAMMADOV ALI",
            traveller_native_name="Məmmədov Əli" if i % 2 else "", traveller_birth_date="1980-05-02",
            traveller_nationality="AZE", traveller_sex="M", traveller_document=f"C{i:07d}",
            score=0.9 - i / 100, band="hit" if i % 2 else "review",
            explanation={"i": i, "parts": [{"q": "ƏLİ", "c": "Али", "kind": "transliteration"}], "none": None},
            explanation_text=f"line {i}\n'quoted' \"twice\" {{braces}} [1,2] \\ back",
            list_name="National entry bans", required_action="refuse_entry", context="border_entry",
            post_id="GYD" if i % 3 else None, status=HitStatus.OPEN, screened_by_name="Officer Ə",
            created_at=datetime(2026, 11, 28, 10, i, tzinfo=tz.utc),
            last_seen_at=datetime(2026, 11, 28, 10, i, tzinfo=tz.utc),
        )
        for i in range(count)
    ]


def _stored(hits) -> list[list]:
    by_id = {h.pk: h for h in ScreeningHit.objects.filter(pk__in=[h.pk for h in hits])}
    return [[getattr(by_id[h.pk], f) for f in FIELDS] for h in hits]


@pytest.mark.parametrize("count", [1, 4])
def test_inserted_hits_read_back_as_given(mammadov, count):
    person = register_person(Actor.system("test"), PersonData(surname="Məmmədov", given_names="Əli"))
    hits = _hits(mammadov, count, person)
    assert rawsql.insert(ScreeningHit, hits) == count
    assert _stored(hits) == [[getattr(h, f) for f in FIELDS] for h in hits]


@pytest.mark.parametrize("count", [1, 3])
def test_updated_hits_read_back_as_changed_and_the_others_stay(mammadov, count):
    person = register_person(Actor.system("test"), PersonData(surname="Həsənov", given_names="Vəli"))
    hits = _hits(mammadov, count + 2)
    rawsql.insert(ScreeningHit, hits)
    before = _stored(hits[count:])
    changed = hits[:count]
    for i, hit in enumerate(changed):
        hit.seen_count += 1 + i
        hit.last_seen_at = datetime(2026, 11, 29, 8, i, tzinfo=tz.utc)
        hit.score, hit.band = 0.5 + i / 10, "review"
        hit.explanation = {"again": i, "text": "Гусейнов / Hüseynov"} if i % 2 else {}
        hit.explanation_text = "" if i % 2 else "changed ə"
        hit.person = person if i % 2 == 0 else None
    rawsql.update(ScreeningHit, changed, ["seen_count", "last_seen_at", "score", "band", "explanation",
                                          "explanation_text", "person"])
    assert _stored(changed) == [[getattr(h, f) for f in FIELDS] for h in changed]
    assert [row[FIELDS.index("seen_count")] for row in _stored(changed)] == [2 + i for i in range(count)]
    assert _stored(hits[count:]) == before


def test_values_sent_as_they_are_equal_the_fields_own_preparation(mammadov):
    """``rawsql.insert_values`` skips a field's preparation only where it would return the
    value unchanged: its parameters are the ones the fields themselves prepare."""
    from django.db import connection
    from django.utils.functional import lazy

    hits = _hits(mammadov, 3)
    hits[1].traveller_name = lazy(lambda: "LAZY NAME", str)()  # not a str: prepared by the field
    fields = [f for f in ScreeningHit._meta.concrete_fields if not f.generated]
    expected = [f.get_db_prep_save(f.pre_save(h, True), connection) for h in hits for f in fields]
    _, row, params = rawsql.insert_values(ScreeningHit, hits)

    def plain(values):  # a JSON parameter is a wrapper object without equality of its own
        return [(type(v), getattr(v, "obj", v)) for v in values]
    assert plain(params) == plain(expected) and row.count("%s") == len(fields)
    assert params[len(fields) + FIELDS.index("traveller_name")] == "LAZY NAME"
