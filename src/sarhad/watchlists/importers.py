"""Reading watchlist files: the UN Security Council Consolidated List (XML),
FollowTheMoney JSON lines (as OpenSanctions publishes them) and Sarhad's own CSV.

Each parser is a pure function from a binary stream to :class:`ParsedRow` values, one per
record, in file order; it never stops at a bad record. A row is either parsed
(``data`` set), rejected (``error`` says why, ``position`` says where), or skipped on
purpose (``skip`` names the category, e.g. ``schema Company``, counted in the report).
Whether a parsed row's values are acceptable is checked by
:func:`sarhad.watchlists.values.normalise_entry`; writing is
:func:`sarhad.watchlists.services.import_entries`.

XML safety: the UN file is parsed with expat directly, and a file that declares a
DOCTYPE, an entity or an external reference is refused before any of it is used, so the
well-known entity-expansion and external-entity attacks have nothing to work with.

>>> import io
>>> rows = list(parse_csv(io.BytesIO(b"id,names,birth_dates\\nB-1,Aliyev Rashad,1980-05\\n")))
>>> rows[0].data.names, rows[0].data.birth_dates, rows[0].position
(('Aliyev Rashad',), ('1980-05',), 'row 2')
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO
from xml.parsers import expat

from .countrycodes import icao_code
from .values import EntryData

FORMATS = ("un-xml", "ftm", "csv")


class UnreadableFile(Exception):
    """The file as a whole cannot be read (not the format it claims, or unsafe)."""


@dataclass(frozen=True)
class ParsedRow:
    position: str
    data: EntryData | None = None
    error: str | None = None
    skip: str | None = None


def parse(fmt: str, stream: BinaryIO) -> Iterator[ParsedRow]:
    try:
        parser = {"un-xml": parse_un_xml, "ftm": parse_ftm, "csv": parse_csv}[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}") from None
    return parser(stream)


# --------------------------------------------------------------------------- UN XML


class _Refused(Exception):
    pass


def _safe_elements(stream: BinaryIO, tags: frozenset[str]) -> Iterator[ET.Element]:
    """Yield each complete element named in ``tags`` (not nested in another), then forget it.

    Streaming keeps memory flat for a large file; DTDs and entities are refused.
    """
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    done: list[ET.Element] = []
    depth_of_tag: list[int] = []
    depth = 0

    def refuse(*_args):
        raise _Refused("the file declares a DOCTYPE or entities, which are not accepted")

    def start(name, attrs):
        nonlocal depth
        depth += 1
        if name in tags and not depth_of_tag:
            depth_of_tag.append(depth)
        builder.start(name, attrs)

    def end(name):
        nonlocal depth
        element = builder.end(name)
        if depth_of_tag and depth_of_tag[-1] == depth:
            depth_of_tag.pop()
            done.append(element)
        depth -= 1

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    seen_root = False
    while True:
        chunk = stream.read(1 << 16)
        try:
            parser.Parse(chunk, not chunk)
        except _Refused as exc:
            raise UnreadableFile(str(exc)) from None
        except expat.ExpatError as exc:
            raise UnreadableFile(f"not well-formed XML: {expat.errors.messages.get(exc.code, exc)} "
                                 f"at line {exc.lineno}, column {exc.offset + 1}") from None
        seen_root = seen_root or depth > 0 or bool(done)
        while done:
            element = done.pop(0)
            yield element
            element.clear()
        if not chunk:
            break
    if not seen_root:
        raise UnreadableFile("the file is empty")


def _text(element: ET.Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def _un_dates(individual: ET.Element) -> tuple[list[str], list[str]]:
    dates, notes = [], []
    for dob in individual.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        day, year = _text(dob.find("DATE")), _text(dob.find("YEAR"))
        start, end = _text(dob.find("FROM_YEAR")), _text(dob.find("TO_YEAR"))
        if day:
            dates.append(day[:10])
        elif start and end:
            dates.append(f"{start}..{end}")
        elif year:
            dates.append(year)
        elif start or end:
            dates.append(start or end)
        else:
            note = _text(dob.find("NOTE"))
            if note:
                notes.append(f"date of birth as listed: {note}")
    return dates, notes


_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-./]{0,30}$")


def _un_documents(individual: ET.Element) -> tuple[list[str], list[str]]:
    docs, notes = [], []
    for doc in individual.findall("INDIVIDUAL_DOCUMENT"):
        number = _text(doc.find("NUMBER"))
        if not number:
            continue
        kind = _text(doc.find("TYPE_OF_DOCUMENT"))
        country_name = _text(doc.find("ISSUING_COUNTRY")) or _text(doc.find("COUNTRY_OF_ISSUE"))
        state = icao_code(country_name) if country_name else None
        compact = re.sub(r"[\s\-./]", "", number)
        if not _NUMBER.match(number) or not compact.isalnum() or not compact.isascii():
            notes.append(f"document as listed: {kind} {number}".strip())
            continue
        docs.append(f"{compact}:{state}" if state else compact)
        if country_name and not state:
            notes.append(f"document {compact} issued by {country_name}")
    return docs, notes


def _un_individual(individual: ET.Element) -> EntryData:
    parts = [_text(individual.find(t)) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    names = [" ".join(p for p in parts if p)]
    original = _text(individual.find("NAME_ORIGINAL_SCRIPT"))
    if original:
        names.append(original)
    aliases, notes = [], []
    for alias in individual.findall("INDIVIDUAL_ALIAS"):
        name = _text(alias.find("ALIAS_NAME"))
        if not name:
            continue
        if _text(alias.find("QUALITY")).lower() == "low":
            notes.append(f"low-quality alias (not screened): {name}")
        else:
            aliases.append(name)
    nationalities = []
    for value in individual.findall("NATIONALITY/VALUE"):
        text = _text(value)
        code = icao_code(text) if text else None
        if code:
            nationalities.append(code)
        elif text:
            notes.append(f"nationality as listed: {text}")
    dates, date_notes = _un_dates(individual)
    docs, doc_notes = _un_documents(individual)
    listed_on = None
    listed = _text(individual.find("LISTED_ON"))
    if listed:
        try:
            listed_on = date.fromisoformat(listed[:10])
        except ValueError:
            notes.append(f"listed on: {listed}")
    gender = _text(individual.find("GENDER")).lower()
    remarks = [_text(individual.find("COMMENTS1"))] + notes + date_notes + doc_notes
    return EntryData(
        names=tuple(n for n in names if n), aliases=tuple(aliases), birth_dates=tuple(dates),
        nationalities=tuple(nationalities), sex={"male": "M", "female": "F"}.get(gender, ""),
        documents=tuple(docs), external_id=_text(individual.find("REFERENCE_NUMBER")),
        listed_on=listed_on, remarks="\n".join(r for r in remarks if r),
    )


def parse_un_xml(stream: BinaryIO) -> Iterator[ParsedRow]:
    """``CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL`` records; entities (organisations) are
    counted as skipped. Positions are ``INDIVIDUAL n (reference)``."""
    number = 0
    for element in _safe_elements(stream, frozenset({"INDIVIDUAL", "ENTITY"})):
        if element.tag == "ENTITY":
            yield ParsedRow("ENTITY", skip="entities (not persons)")
            continue
        number += 1
        reference = _text(element.find("REFERENCE_NUMBER"))
        position = f"INDIVIDUAL {number}" + (f" ({reference})" if reference else "")
        try:
            data = _un_individual(element)
        except (ValueError, TypeError) as exc:  # a malformed record, not a malformed file
            yield ParsedRow(position, error=str(exc))
            continue
        if not data.external_id:
            yield ParsedRow(position, error="REFERENCE_NUMBER is missing")
        elif not data.names:
            yield ParsedRow(position, error="no name (FIRST_NAME .. FOURTH_NAME are empty)")
        else:
            yield ParsedRow(position, data=data)
    if number == 0:
        yield ParsedRow("file", skip="no INDIVIDUAL records")


# --------------------------------------------------------------------------- FollowTheMoney


def _values(properties: dict, *keys: str) -> list[str]:
    out: list[str] = []
    for key in keys:
        value = properties.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ValueError(f"property {key!r} must be a list of strings")
        for item in value:
            if not isinstance(item, str):
                raise ValueError(f"property {key!r} must be a list of strings")
            out.append(item)
    return out


def _ftm_person(record: dict) -> EntryData:
    props = record.get("properties")
    if not isinstance(props, dict):
        raise ValueError("'properties' must be an object")
    names = _values(props, "name")
    aliases = _values(props, "alias")
    notes = []
    nationalities = []
    for code in _values(props, "nationality", "citizenship"):
        icao = icao_code(code.split("-")[0])
        if icao:
            if icao not in nationalities:
                nationalities.append(icao)
        else:
            notes.append(f"nationality as listed: {code}")
    genders = {g.lower() for g in _values(props, "gender")}
    sex = "M" if genders == {"male"} else "F" if genders == {"female"} else ""
    docs = []
    for number in _values(props, "passportNumber", "idNumber"):
        compact = re.sub(r"[\s\-./]", "", number)
        if compact.isalnum() and compact.isascii() and len(compact) <= 30:
            docs.append(compact)
        else:
            notes.append(f"document as listed: {number}")
    dates = []
    for text in _values(props, "birthDate"):
        text = text.strip()
        if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
            dates.append(text)
        elif text:
            notes.append(f"date of birth as listed: {text}")
    notes.extend(f"note: {n}" for n in _values(props, "notes")[:3])
    return EntryData(
        names=tuple(names), aliases=tuple(aliases), birth_dates=tuple(dates),
        nationalities=tuple(nationalities), sex=sex, documents=tuple(docs),
        external_id=str(record.get("id") or ""), remarks="\n".join(notes),
    )


def parse_ftm(stream: BinaryIO) -> Iterator[ParsedRow]:
    """One JSON object per line; ``schema`` other than ``Person`` is skipped and counted."""
    for line_number, raw in enumerate(stream, 1):
        position = f"line {line_number}"
        try:
            line = raw.decode("utf-8-sig" if line_number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield ParsedRow(position, error=f"not UTF-8 text ({exc.reason} at byte {exc.start + 1})")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ParsedRow(position, error=f"not JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            yield ParsedRow(position, error="not a JSON object")
            continue
        schema = record.get("schema")
        if schema != "Person":
            yield ParsedRow(position, skip=f"schema {schema}")
            continue
        try:
            data = _ftm_person(record)
        except ValueError as exc:
            yield ParsedRow(position, error=str(exc))
            continue
        if not data.external_id:
            yield ParsedRow(position, error="'id' is missing")
        elif not data.names:
            yield ParsedRow(position, error="property 'name' is empty")
        else:
            yield ParsedRow(position + f" ({data.external_id})", data=data)


# --------------------------------------------------------------------------- CSV

CSV_COLUMNS = ("id", "names", "aliases", "birth_dates", "nationalities", "sex", "documents",
               "required_action", "remarks", "listed_on")
CSV_REQUIRED = ("id",)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def parse_csv(stream: BinaryIO) -> Iterator[ParsedRow]:
    """Sarhad's watchlist CSV (see docs/watchlists.md): UTF-8, a header row, ``;`` between
    several values in one cell. Positions are ``row n`` counting the header as row 1."""
    bad_lines: set[int] = set()

    def lines():
        for number, raw in enumerate(stream, 1):
            try:
                yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                bad_lines.add(number)
                yield raw.decode("utf-8", errors="replace")

    reader = csv.reader(lines())
    try:
        header = next(reader)
    except StopIteration:
        raise UnreadableFile("the file is empty") from None
    except csv.Error as exc:
        raise UnreadableFile(f"the header row cannot be read: {exc}") from None
    if 1 in bad_lines:
        raise UnreadableFile("the header row is not UTF-8 text")
    columns = [h.strip().lower() for h in header]
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    missing = [c for c in CSV_REQUIRED if c not in columns]
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(f"unknown columns {', '.join(unknown)}")
        if missing:
            parts.append(f"missing columns {', '.join(missing)}")
        raise UnreadableFile(f"header: {'; '.join(parts)} (expected {', '.join(CSV_COLUMNS)})")
    row_number = 1
    while True:
        first_line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_number = reader.line_num
            yield ParsedRow(f"row {row_number}", error=f"not valid CSV: {exc}")
            continue
        row_number = reader.line_num
        position = f"row {row_number}"
        if not any(c.strip() for c in cells):
            continue
        if bad_lines.intersection(range(first_line, row_number + 1)):
            yield ParsedRow(position, error="not UTF-8 text")
            continue
        if len(cells) != len(columns):
            yield ParsedRow(position, error=f"has {len(cells)} cells, the header has {len(columns)}")
            continue
        row = dict(zip(columns, cells))
        listed_on = None
        if row.get("listed_on", "").strip():
            try:
                listed_on = date.fromisoformat(row["listed_on"].strip())
            except ValueError:
                yield ParsedRow(position, error=f"listed_on: {row['listed_on']!r} is not a date (YYYY-MM-DD)")
                continue
        nationalities = []
        bad = None
        for value in _split(row.get("nationalities")):
            code = icao_code(value)
            if code is None:
                bad = value
                break
            nationalities.append(code)
        if bad is not None:
            yield ParsedRow(position, error=f"nationalities: unknown country {bad!r}")
            continue
        external_id = row["id"].strip()
        if not external_id:
            yield ParsedRow(position, error="id is empty (it identifies the entry across imports)")
            continue
        yield ParsedRow(position, data=EntryData(
            names=_split(row.get("names")), aliases=_split(row.get("aliases")),
            birth_dates=_split(row.get("birth_dates")), nationalities=tuple(nationalities),
            sex=(row.get("sex") or "").strip(), documents=_split(row.get("documents")),
            required_action=(row.get("required_action") or "").strip(), remarks=(row.get("remarks") or "").strip(),
            external_id=external_id, listed_on=listed_on,
        ))
