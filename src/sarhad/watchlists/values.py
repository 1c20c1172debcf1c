"""The content of one watchlist entry, as services, importers and forms pass it around.

Pure Python (no Django), so the importers can parse and check a file without a database.
:func:`normalise_entry` checks every field and says which one is wrong; it builds the
screening kernel's own :class:`sarhad.screening.WatchlistEntry` on the way, so anything
that passes here can be indexed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from sarhad.screening import InvalidEntry, ListKind
from sarhad.screening import WatchlistEntry as KernelEntry
from sarhad.screening.model import BirthDate, DocumentRef, normalise_sex, normalise_state

MAX_NAME = 300
MAX_VALUES = 200  # names, aliases, documents ... per entry


class InvalidEntryData(ValueError):
    """One field of an entry is wrong: ``field`` names it, ``message`` says how."""

    def __init__(self, field_name: str, message: str):
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class EntryData:
    names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    sex: str = ""
    documents: tuple[str, ...] = ()  # NUMBER or NUMBER:STATE
    required_action: str = ""
    remarks: str = ""
    external_id: str = ""
    listed_on: date | None = None

    def content(self) -> dict:
        """What makes a version: two equal contents are the same version of an entry."""
        return {
            "names": list(self.names), "aliases": list(self.aliases), "birth_dates": list(self.birth_dates),
            "nationalities": list(self.nationalities), "sex": self.sex, "documents": list(self.documents),
            "required_action": self.required_action, "remarks": self.remarks,
            "listed_on": self.listed_on.isoformat() if self.listed_on else None,
        }


def _clean_list(values, field_name: str) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = (values,)
    out: list[str] = []
    for position, value in enumerate(values, 1):
        if not isinstance(value, str):
            raise InvalidEntryData(field_name, f"value {position} is not text")
        value = " ".join(unicodedata.normalize("NFC", value).split())
        if len(value) > MAX_NAME:
            raise InvalidEntryData(field_name, f"value {position} is longer than {MAX_NAME} characters")
        if value and value not in out:
            out.append(value)
    if len(out) > MAX_VALUES:
        raise InvalidEntryData(field_name, f"more than {MAX_VALUES} values")
    return tuple(out)


def normalise_entry(data: EntryData, *, document_list: bool = False) -> EntryData:
    """``data`` checked and in canonical form; :class:`InvalidEntryData` names the bad field.

    ``document_list``: the entry belongs to a lost/stolen-documents list, so it needs a
    document number and its names (the holder's, if known) are not screened.
    """
    names = _clean_list(data.names, "names")
    aliases = tuple(a for a in _clean_list(data.aliases, "aliases") if a not in names)
    dobs: list[str] = []
    for position, text in enumerate(_clean_list(data.birth_dates, "birth_dates"), 1):
        try:
            dobs.append(str(BirthDate.parse(text)))
        except ValueError as exc:
            raise InvalidEntryData("birth_dates", f"value {position} ({text!r}): {exc}") from None
    nats: list[str] = []
    for text in _clean_list(data.nationalities, "nationalities"):
        try:
            code = normalise_state(text)
        except ValueError as exc:
            raise InvalidEntryData("nationalities", str(exc)) from None
        if code and code not in nats:
            nats.append(code)
    try:
        sex = normalise_sex(data.sex or None) or ""
    except ValueError as exc:
        raise InvalidEntryData("sex", str(exc)) from None
    docs: list[str] = []
    for position, text in enumerate(_clean_list(data.documents, "documents"), 1):
        try:
            ref = str(DocumentRef.parse(text))
        except ValueError as exc:
            raise InvalidEntryData("documents", f"value {position}: {exc}") from None
        if ref not in docs:
            docs.append(ref)
    external_id = (data.external_id or "").strip()
    if len(external_id) > 120:
        raise InvalidEntryData("external_id", "is longer than 120 characters")
    if not re.fullmatch(r"[a-z_]*", data.required_action or ""):
        raise InvalidEntryData("required_action", f"unknown action {data.required_action!r}")
    out = replace(
        data, names=names, aliases=aliases, birth_dates=tuple(dobs), nationalities=tuple(nats), sex=sex,
        documents=tuple(docs), external_id=external_id, remarks=(data.remarks or "").strip(),
        required_action=data.required_action or "",
    )
    try:
        to_kernel("check", 1, "check", out, document_list=document_list)
    except InvalidEntry as exc:
        message = str(exc).split(": ", 1)[-1]
        raise InvalidEntryData("documents" if document_list else "names", message) from None
    return out


def to_kernel(entry_id: str, version: int, list_id: str, data: EntryData, *, document_list: bool = False,
              default_action: str = "") -> KernelEntry:
    """The screening kernel's value for one entry (names are not screened on document lists)."""
    kind = ListKind.LOST_STOLEN_DOCUMENT if document_list else ListKind.PERSON
    return KernelEntry(
        id=entry_id, version=version, list_id=list_id, kind=kind,
        names=data.names, aliases=data.aliases,
        birth_dates=data.birth_dates, nationalities=data.nationalities, sex=data.sex or None,
        documents=data.documents, required_action=data.required_action or default_action,
        remarks=data.remarks,
    )
