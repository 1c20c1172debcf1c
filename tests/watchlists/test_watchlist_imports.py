"""Importers (pure parsing) and the import service (report, versions, bad rows, safety)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sarhad.audit.models import AuditEntry
from sarhad.common.errors import ValidationFailed
from sarhad.watchlists import importers, services
from sarhad.watchlists.models import WatchlistEntry

SAMPLES = Path(__file__).parent / "samples"
UN = SAMPLES / "un_consolidated_sample.xml"
FTM = SAMPLES / "opensanctions_sample.jsonl"
CSV = SAMPLES / "bans.csv"


# --------------------------------------------------------------------------- parsers (no database)


def test_un_xml_records_are_read_with_dates_documents_and_aliases():
    rows = list(importers.parse_un_xml(UN.open("rb")))
    parsed = {r.data.external_id: r.data for r in rows if r.data}
    first = parsed["XXi.001"]
    assert first.names == ("RASHID ABDUL KARIM", "رشید عبدالکریم")
    assert first.aliases == ("Rashid Abdulkarim",)  # the low-quality alias is only noted
    assert "Abu Karim" in first.remarks
    assert first.birth_dates == ("1966-01-28",) and first.nationalities == ("IRN",)
    assert first.documents == ("K1234567:IRN",) and first.sex == "M"
    assert str(first.listed_on) == "2011-03-17"
    second = parsed["XXi.002"]
    assert second.birth_dates == ("1957..1960", "1962")
    assert second.nationalities == ("RUS",) and "Atlantis" in second.remarks
    assert second.documents == () and "number unknown" in second.remarks
    rejected = [(r.position, r.error) for r in rows if r.error]
    assert rejected == [("INDIVIDUAL 3 (XXi.003)", "no name (FIRST_NAME .. FOURTH_NAME are empty)")]
    assert [r.skip for r in rows if r.skip] == ["entities (not persons)"]


@pytest.mark.parametrize("payload", [
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
    b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol2;</FIRST_NAME></INDIVIDUAL>"
    b"</INDIVIDUALS></CONSOLIDATED_LIST>",
    b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><CONSOLIDATED_LIST/>',
])
def test_un_xml_with_a_doctype_or_entities_is_refused(payload):
    with pytest.raises(importers.UnreadableFile, match="DOCTYPE"):
        list(importers.parse_un_xml(io.BytesIO(payload)))


def test_broken_xml_says_where():
    with pytest.raises(importers.UnreadableFile, match="line 2"):
        list(importers.parse_un_xml(io.BytesIO(b"<CONSOLIDATED_LIST>\n<INDIVIDUALS></CONSOLIDATED_LIST>")))


def test_ftm_reads_persons_and_counts_other_schemas():
    rows = list(importers.parse_ftm(FTM.open("rb")))
    people = [r.data for r in rows if r.data]
    assert [p.external_id for p in people] == ["os-demo-0001", "os-demo-0003", "os-demo-0005"]
    assert people[0].nationalities == ("AZE",) and people[0].documents == ("C07654321",)
    assert people[0].aliases == ("Гусейн Алиев",) and people[0].sex == "M"
    assert people[1].nationalities == ("D",) and people[1].birth_dates == ("1961",)
    assert "circa 1960" in people[1].remarks
    assert sorted(r.skip for r in rows if r.skip) == ["schema Company", "schema Vessel"]
    errors = {r.position: r.error for r in rows if r.error}
    assert errors["line 4"] == "property 'name' is empty"
    assert errors["line 5"].startswith("not JSON")


def test_csv_header_must_be_known():
    with pytest.raises(importers.UnreadableFile, match="unknown columns surname"):
        list(importers.parse_csv(io.BytesIO(b"id,surname\nX,Y\n")))


# --------------------------------------------------------------------------- import service


@pytest.mark.django_db
def test_csv_import_reports_every_bad_row_and_writes_the_good_ones(admin, bans):
    counted = []
    report = services.import_entries(admin, bans, "csv", CSV, progress=counted.append)
    assert (report.rows, report.created, report.updated, report.unchanged) == (8, 2, 0, 0)
    reasons = {r.position: r.reason for r in report.rejected}
    assert set(reasons) == {"row 4", "row 5", "row 6", "row 7", "row 8", "row 9"}
    assert reasons["row 4"].startswith("birth_dates:")
    assert reasons["row 5"] == "nationalities: unknown country 'Atlantis'"
    assert reasons["row 6"].startswith("id is empty")
    assert reasons["row 7"] == "id 'BAN-100' appears again (first at row 2)"
    assert reasons["row 8"] == "has 2 cells, the header has 10"
    assert reasons["row 9"].startswith("required_action:")
    assert sum(counted) == 2
    quliyev = WatchlistEntry.objects.get(external_id="BAN-100")
    assert quliyev.names == ["Quliyev Elvin Rauf oğlu"] and quliyev.documents == ["C11223344:AZE"]
    assert quliyev.required_action == "refuse_entry" and str(quliyev.listed_on) == "2024-03-01"
    assert WatchlistEntry.objects.get(external_id="BAN-101").nationalities == ["AZE", "RUS"]
    event = AuditEntry.objects.filter(action="import_rows").get()
    assert sorted(event.details["created"]) == sorted(str(e.pk) for e in WatchlistEntry.objects.all())
    assert AuditEntry.objects.filter(action="import").get().details["rejected"] == 6


@pytest.mark.django_db
def test_importing_again_changes_only_what_changed(admin, bans, tmp_path):
    services.import_entries(admin, bans, "csv", CSV)
    before = {e.external_id: (e.pk, e.version) for e in WatchlistEntry.objects.all()}
    changed = tmp_path / "changed.csv"
    changed.write_text(CSV.read_text(encoding="utf-8").replace("Court order 12/2024", "Court order 12/2024, extended"),
                       encoding="utf-8")
    report = services.import_entries(admin, bans, "csv", changed)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    after = {e.external_id: (e.pk, e.version) for e in WatchlistEntry.objects.all()}
    assert after["BAN-100"] == (before["BAN-100"][0], 2) and after["BAN-101"] == before["BAN-101"]


@pytest.mark.django_db
def test_full_list_import_delists_the_missing(admin, bans, tmp_path):
    services.import_entries(admin, bans, "csv", CSV)
    only_one = tmp_path / "one.csv"
    only_one.write_text("id,names\nBAN-101,Cəfərova Leyla\n", encoding="utf-8")
    report = services.import_entries(admin, bans, "csv", only_one, deactivate_missing=True)
    assert report.deactivated == 1
    assert not WatchlistEntry.objects.get(external_id="BAN-100").active


@pytest.mark.django_db
def test_un_and_ftm_imports(admin, officer):
    un = services.create_list(admin, name="UN Security Council", kind="public", source="UN Security Council")
    report = services.import_entries(admin, un, "un-xml", UN)
    assert (report.created, len(report.rejected), report.skipped) == (2, 2, {"entities (not persons)": 1})
    assert {r.position for r in report.rejected} == {"INDIVIDUAL 3 (XXi.003)", "INDIVIDUAL 4 (XXi.004)"}
    os_list = services.create_list(admin, name="OpenSanctions sample", kind="public")
    report = services.import_entries(admin, os_list, "ftm", FTM.open("rb"))
    assert (report.created, len(report.rejected)) == (2, 3)
    assert report.skipped == {"schema Company": 1, "schema Vessel": 1}
    hits = services.screen(officer, surname="ALIYEV", given_names="HUSEYN", birth_date="1970-04-12",
                           nationality="AZE", post="GYD").hits
    assert hits and hits[0].list_name == "OpenSanctions sample"


@pytest.mark.django_db
def test_unreadable_file_writes_nothing(admin, bans, tmp_path):
    with pytest.raises(ValidationFailed) as err:
        services.import_entries(admin, bans, "csv", tmp_path / "missing.csv")
    assert err.value.details[0]["field"] == "file"
    with pytest.raises(ValidationFailed):
        services.import_entries(admin, bans, "un-xml", b"<?xml version='1.0'?><!DOCTYPE a []><a/>")
    assert not WatchlistEntry.objects.exists()


@pytest.mark.django_db
def test_import_needs_an_administrator(supervisor, bans):
    from sarhad.common.errors import Forbidden

    with pytest.raises(Forbidden):
        services.import_entries(supervisor, bans, "csv", CSV)


@pytest.mark.django_db
def test_a_row_that_is_not_utf8_is_rejected_alone(admin, bans):
    data = CSV.read_bytes().replace(b"Somebody Else", b"Somebody \xff\xfe Else")
    report = services.import_entries(admin, bans, "csv", data)
    assert report.created == 2
    assert {r.position: r.reason for r in report.rejected}["row 5"] == "not UTF-8 text"


@pytest.mark.django_db
def test_a_file_damaged_part_way_keeps_the_rows_before_and_says_where(admin, bans):
    truncated = UN.read_bytes().split(b"<INDIVIDUAL>\n      <DATAID>9000003")[0] + b"<INDIVIDUAL><FIRST"
    report = services.import_entries(admin, bans, "un-xml", truncated, deactivate_missing=True)
    assert report.created == 2 and report.deactivated == 0
    assert report.damaged and report.rejected[-1].position == "file"
    assert "not well-formed" in report.rejected[-1].reason
