"""Values of screening: watchlist entries, traveller queries and hits.

Every value is a frozen dataclass that validates itself on construction and says what is
wrong and where (``InvalidEntry: entry 'UN-123': version must be >= 1, got 0``). Values
hold only plain data (strings, dates, tuples), so they can be built from database rows,
CSV files or JSON without this package knowing where they came from.

>>> BirthDate.parse("1980-05")
BirthDate.parse('1980-05')
>>> BirthDate.parse("1978..1982").contains(date(1980, 1, 1))
True
>>> DocumentRef.parse("C01234567:AZE")
DocumentRef(number='C01234567', issuing_state='AZE')
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Any

__all__ = [
    "BirthDate",
    "DatePrecision",
    "Decision",
    "DocumentMatch",
    "DocumentRef",
    "Hit",
    "InvalidEntry",
    "InvalidQuery",
    "ListKind",
    "QualifierEffect",
    "Query",
    "WatchlistEntry",
    "normalise_sex",
    "normalise_state",
]


class InvalidEntry(ValueError):
    """A watchlist entry cannot be built from the values given."""


class InvalidQuery(ValueError):
    """A screening query cannot be built from the values given."""


class ListKind(str, enum.Enum):
    """What a watchlist holds: people to look for, or travel documents reported lost or stolen."""

    PERSON = "person"
    LOST_STOLEN_DOCUMENT = "lost_stolen_document"


class DatePrecision(str, enum.Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


class Decision(str, enum.Enum):
    """The band a hit falls into.

    ``HIT``: stop the traveller and refer (score at or above the hit threshold, or a
    document match). ``REVIEW``: a possible match an officer should look at.
    ``NO_MATCH``: below the review threshold (only returned when asked for).
    """

    HIT = "hit"
    REVIEW = "review"
    NO_MATCH = "no_match"


_SEX = {"M": "M", "MALE": "M", "F": "F", "FEMALE": "F", "X": None, "<": None, "": None, "U": None}


def normalise_sex(value: str | None) -> str | None:
    """``'M'``, ``'F'`` or ``None`` (unspecified: ``X`` or ``<`` in a document)."""
    if value is None:
        return None
    key = value.strip().upper()
    if key not in _SEX:
        raise ValueError(f"sex must be M, F or X, got {value!r}")
    return _SEX[key]


_STATE_RE = re.compile(r"^[A-Z]{1,3}<{0,2}$")


def normalise_state(value: str | None) -> str | None:
    """An ICAO 9303 state code (``AZE``, ``D`` for Germany), upper case, no fillers."""
    if value is None:
        return None
    code = value.strip().upper()
    if not code:
        return None
    if not _STATE_RE.match(code):
        raise ValueError(f"state code must be 1-3 letters (ICAO 9303), got {value!r}")
    return code.rstrip("<")


# --------------------------------------------------------------------------- dates

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _parse_bound(text: str) -> tuple[date, date, DatePrecision]:
    match = _DATE_RE.match(text.strip())
    if not match:
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    year = int(match.group(1))
    if match.group(2) is None:
        return date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR
    month = int(match.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12 in {text!r}")
    last = calendar.monthrange(year, month)[1]
    if match.group(3) is None:
        return date(year, month, 1), date(year, month, last), DatePrecision.MONTH
    day = int(match.group(3))
    if not 1 <= day <= last:
        raise ValueError(f"day must be 1-{last} in {text!r}")
    exact = date(year, month, day)
    return exact, exact, DatePrecision.DAY


@dataclass(frozen=True, slots=True)
class BirthDate:
    """A date of birth known to the day, the month, the year, or only as a range.

    Stored as the closed interval ``[earliest, latest]`` plus how it was given, so that
    comparisons respect partial dates: ``1980`` agrees with ``1980-05-02`` (weakly),
    ``1980-05-02`` agrees with ``1980-05-02`` (strongly).
    """

    earliest: date
    latest: date
    precision: DatePrecision

    def __post_init__(self) -> None:
        if self.latest < self.earliest:
            raise ValueError(f"date range ends before it starts: {self.earliest}..{self.latest}")

    @classmethod
    def parse(cls, text: str) -> BirthDate:
        """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a range ``A..B`` (or ``A/B``) of those."""
        text = text.strip()
        for sep in ("..", "/"):
            if sep in text:
                start, _, end = text.partition(sep)
                lo = _parse_bound(start)[0]
                hi = _parse_bound(end)[1]
                return cls(lo, hi, DatePrecision.RANGE)
        lo, hi, precision = _parse_bound(text)
        return cls(lo, hi, precision)

    @classmethod
    def exact(cls, day: date) -> BirthDate:
        return cls(day, day, DatePrecision.DAY)

    @classmethod
    def coerce(cls, value: BirthDate | date | str | None) -> BirthDate | None:
        if value is None or isinstance(value, BirthDate):
            return value
        if isinstance(value, date):
            return cls.exact(value)
        if isinstance(value, str):
            return cls.parse(value) if value.strip() else None
        raise TypeError(f"date of birth must be BirthDate, date or str, got {type(value).__name__}")

    def contains(self, day: date) -> bool:
        return self.earliest <= day <= self.latest

    def overlaps(self, other: BirthDate) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def years(self) -> range:
        return range(self.earliest.year, self.latest.year + 1)

    def __str__(self) -> str:
        if self.precision is DatePrecision.DAY:
            return self.earliest.isoformat()
        if self.precision is DatePrecision.MONTH:
            return self.earliest.isoformat()[:7]
        if self.precision is DatePrecision.YEAR:
            return str(self.earliest.year)
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"

    def __repr__(self) -> str:
        return f"BirthDate.parse({str(self)!r})"


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A travel document number with the state that issued it (``None`` if unknown)."""

    number: str
    issuing_state: str | None = None

    def __post_init__(self) -> None:
        number = re.sub(r"[\s\-<./]", "", self.number).upper()
        if not number:
            raise ValueError(f"document number is empty: {self.number!r}")
        if not number.isalnum() or not number.isascii():
            raise ValueError(f"document number must be letters and digits, got {self.number!r}")
        object.__setattr__(self, "number", number)
        object.__setattr__(self, "issuing_state", normalise_state(self.issuing_state))

    @classmethod
    def parse(cls, text: str) -> DocumentRef:
        """``NUMBER`` or ``NUMBER:STATE``."""
        number, _, state = text.partition(":")
        return cls(number, state or None)

    def __str__(self) -> str:
        return f"{self.number}:{self.issuing_state}" if self.issuing_state else self.number


def _tuple_of_str(value: Any, what: str, error: type[ValueError], where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    out = []
    for item in value:
        if not isinstance(item, str):
            raise error(f"{where}: {what} must be strings, got {type(item).__name__}")
        item = item.strip()
        if item:
            out.append(item)
    return tuple(dict.fromkeys(out))


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True, slots=True)
class WatchlistEntry:
    """One versioned entry of a watchlist.

    ``names`` are the entry's own names (in any script; the first is shown as the
    primary), ``aliases`` the names it is also known by. A lost/stolen-document entry
    needs at least one document and is matched on its documents only; a person entry
    needs at least one name or document.
    """

    id: str
    version: int
    list_id: str
    kind: ListKind = ListKind.PERSON
    names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    birth_dates: tuple[BirthDate, ...] = ()
    nationalities: tuple[str, ...] = ()
    sex: str | None = None
    documents: tuple[DocumentRef, ...] = ()
    required_action: str = ""
    remarks: str = ""

    def __post_init__(self) -> None:
        where = f"entry {self.id!r}"
        if not isinstance(self.id, str) or not self.id.strip():
            raise InvalidEntry(f"entry id must be a non-empty string, got {self.id!r}")
        if not isinstance(self.version, int) or isinstance(self.version, bool) or self.version < 1:
            raise InvalidEntry(f"{where}: version must be an integer >= 1, got {self.version!r}")
        if not isinstance(self.list_id, str) or not self.list_id:
            raise InvalidEntry(f"{where}: list id must be a non-empty string")
        try:
            kind = ListKind(self.kind)
        except ValueError:
            raise InvalidEntry(f"{where}: unknown list kind {self.kind!r}") from None
        object.__setattr__(self, "kind", kind)
        names = _tuple_of_str(self.names, "names", InvalidEntry, where)
        aliases = tuple(a for a in _tuple_of_str(self.aliases, "aliases", InvalidEntry, where) if a not in names)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "aliases", aliases)
        try:
            dobs = tuple(d for d in (BirthDate.coerce(v) for v in self.birth_dates) if d is not None)
            nats = tuple(n for n in (normalise_state(v) for v in self.nationalities) if n)
            sex = normalise_sex(self.sex)
            docs = tuple(d if isinstance(d, DocumentRef) else DocumentRef.parse(d) for d in self.documents)
        except (ValueError, TypeError) as exc:
            raise InvalidEntry(f"{where}: {exc}") from None
        object.__setattr__(self, "birth_dates", dobs)
        object.__setattr__(self, "nationalities", tuple(dict.fromkeys(nats)))
        object.__setattr__(self, "sex", sex)
        object.__setattr__(self, "documents", tuple(dict.fromkeys(docs)))
        if kind is ListKind.LOST_STOLEN_DOCUMENT and not docs:
            raise InvalidEntry(f"{where}: a lost/stolen-document entry needs a document number")
        if kind is ListKind.PERSON and not names and not aliases and not docs:
            raise InvalidEntry(f"{where}: a person entry needs a name or a document number")

    @property
    def all_names(self) -> tuple[str, ...]:
        return self.names + self.aliases

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (also the record stored in index snapshots)."""
        out: dict[str, Any] = {"id": self.id, "version": self.version, "list_id": self.list_id}
        if self.kind is not ListKind.PERSON:
            out["kind"] = self.kind.value
        if self.names:
            out["names"] = list(self.names)
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.birth_dates:
            out["birth_dates"] = [str(d) for d in self.birth_dates]
        if self.nationalities:
            out["nationalities"] = list(self.nationalities)
        if self.sex:
            out["sex"] = self.sex
        if self.documents:
            out["documents"] = [str(d) for d in self.documents]
        if self.required_action:
            out["required_action"] = self.required_action
        if self.remarks:
            out["remarks"] = self.remarks
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WatchlistEntry:
        """Inverse of :meth:`to_dict`; unknown keys are an error (a typo must not pass)."""
        known = {
            "id", "version", "list_id", "kind", "names", "aliases", "birth_dates",
            "nationalities", "sex", "documents", "required_action", "remarks",
        }
        unknown = set(data) - known
        if unknown:
            raise InvalidEntry(f"entry {data.get('id')!r}: unknown fields {sorted(unknown)}")
        return cls(
            id=data.get("id", ""),
            version=data.get("version", 0),
            list_id=data.get("list_id", ""),
            kind=ListKind(data.get("kind", "person")),
            names=tuple(data.get("names", ())),
            aliases=tuple(data.get("aliases", ())),
            birth_dates=tuple(data.get("birth_dates", ())),
            nationalities=tuple(data.get("nationalities", ())),
            sex=data.get("sex"),
            documents=tuple(data.get("documents", ())),
            required_action=data.get("required_action", ""),
            remarks=data.get("remarks", ""),
        )


@lru_cache(maxsize=65_536)
def _stored_birth_date(text: str) -> BirthDate:
    return BirthDate.parse(text)


@lru_cache(maxsize=65_536)
def _stored_document(text: str) -> DocumentRef:
    return DocumentRef.parse(text)


def entry_from_stored(data: dict[str, Any]) -> WatchlistEntry:
    """Rebuild an entry from :meth:`WatchlistEntry.to_dict` output the index wrote itself.

    The record was validated when the entry was added, so this skips validation (the hot
    path of screening decodes 50 candidates per query). Never use it on outside data:
    that goes through :meth:`WatchlistEntry.from_dict`.
    """
    entry = object.__new__(WatchlistEntry)
    put = object.__setattr__
    put(entry, "id", data["id"])
    put(entry, "version", data["version"])
    put(entry, "list_id", data["list_id"])
    put(entry, "kind", ListKind(data["kind"]) if "kind" in data else ListKind.PERSON)
    put(entry, "names", tuple(data.get("names", ())))
    put(entry, "aliases", tuple(data.get("aliases", ())))
    put(entry, "birth_dates", tuple(_stored_birth_date(d) for d in data.get("birth_dates", ())))
    put(entry, "nationalities", tuple(data.get("nationalities", ())))
    put(entry, "sex", data.get("sex"))
    put(entry, "documents", tuple(_stored_document(d) for d in data.get("documents", ())))
    put(entry, "required_action", data.get("required_action", ""))
    put(entry, "remarks", data.get("remarks", ""))
    return entry


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True, slots=True)
class Query:
    """A traveller to screen.

    ``names`` holds every form of the traveller's name we have: the MRZ name
    (``MAMMADOV<<ALI`` or ``MAMMADOV ALI``) and/or the name in its original script
    (``Məmmədov Əli``). Each is compared and the best agreement counts.
    """

    names: tuple[str, ...] = ()
    date_of_birth: BirthDate | None = None
    nationality: str | None = None
    sex: str | None = None
    documents: tuple[DocumentRef, ...] = ()

    def __post_init__(self) -> None:
        names = _tuple_of_str(self.names, "names", InvalidQuery, "query")
        # An MRZ name field: PRIMARY<<SECONDARY with '<' between components.
        names = tuple(dict.fromkeys(" ".join(n.replace("<", " ").split()) for n in names))
        try:
            dob = BirthDate.coerce(self.date_of_birth)
            nat = normalise_state(self.nationality)
            sex = normalise_sex(self.sex)
            docs = self.documents
            if isinstance(docs, (str, DocumentRef)):
                docs = (docs,)
            docs = tuple(d if isinstance(d, DocumentRef) else DocumentRef.parse(d) for d in docs)
        except (ValueError, TypeError) as exc:
            raise InvalidQuery(f"query: {exc}") from None
        if not names and not docs:
            raise InvalidQuery("query: give at least a name or a document number")
        object.__setattr__(self, "names", tuple(n for n in names if n))
        object.__setattr__(self, "date_of_birth", dob)
        object.__setattr__(self, "nationality", nat)
        object.__setattr__(self, "sex", sex)
        object.__setattr__(self, "documents", docs)

    @classmethod
    def traveller(
        cls,
        *names: str | None,
        dob: BirthDate | date | str | None = None,
        nationality: str | None = None,
        sex: str | None = None,
        document: DocumentRef | str | None = None,
        issuing_state: str | None = None,
    ) -> Query:
        """Convenience constructor: ``Query.traveller("MAMMADOV<<ALI", "Məmmədov Əli", dob="1980")``."""
        docs: tuple[DocumentRef, ...] = ()
        if isinstance(document, DocumentRef):
            docs = (document,)
        elif document:
            ref = DocumentRef.parse(document)
            if issuing_state and not ref.issuing_state:
                ref = DocumentRef(ref.number, issuing_state)
            docs = (ref,)
        return cls(
            names=tuple(n for n in names if n),
            date_of_birth=dob,  # type: ignore[arg-type]  # coerced in __post_init__
            nationality=nationality,
            sex=sex,
            documents=docs,
        )


# --------------------------------------------------------------------------- hits


@dataclass(frozen=True, slots=True)
class QualifierEffect:
    """How one qualifier (date of birth, nationality, sex) moved the score, and why."""

    qualifier: str
    delta: float
    reason: str

    def __str__(self) -> str:
        return f"{self.qualifier}: {self.delta:+.2f} {self.reason}"


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    """A document number of the query found on the entry.

    ``bridged`` lists the OCR confusions that had to be bridged, each as
    ``(position, query_char, entry_char)`` with 1-based positions; empty for an exact
    match. ``state_agrees`` is ``None`` when either side has no issuing state.
    """

    query: DocumentRef
    entry: DocumentRef
    bridged: tuple[tuple[int, str, str], ...] = ()
    state_agrees: bool | None = True

    @property
    def exact(self) -> bool:
        return not self.bridged and self.state_agrees is True

    def explain(self) -> str:
        text = f"document {self.query} matches listed {self.entry}"
        if self.bridged:
            text += " after bridging OCR confusion " + ", ".join(
                f"{q} read for {e} at position {pos}" for pos, q, e in self.bridged
            )
        else:
            text += " exactly" if self.state_agrees else ""
        if self.state_agrees is None:
            text += " (issuing state not known on both sides)"
        return text


_KIND_LABEL = {ListKind.PERSON: "person", ListKind.LOST_STOLEN_DOCUMENT: "lost/stolen document"}


@dataclass(frozen=True, slots=True)
class Hit:
    """One watchlist entry that matched a query, with everything needed to explain it."""

    entry_id: str
    entry_version: int
    list_id: str
    kind: ListKind
    score: float
    decision: Decision
    name_score: float | None = None
    query_name: str | None = None
    matched_name: str | None = None
    name_comparison: Any = None  # sarhad.names.NameComparison
    effects: tuple[QualifierEffect, ...] = ()
    document_match: DocumentMatch | None = None
    required_action: str = ""
    remarks: str = ""
    entry_names: tuple[str, ...] = field(default=())

    def explain(self) -> str:
        """A human-readable account of the hit, one reason per line."""
        lines = [
            f"{self.decision.value.upper()} {self.score:.2f}  entry {self.entry_id} v{self.entry_version}"
            f" (list {self.list_id}, {_KIND_LABEL[self.kind]})"
        ]
        if self.entry_names:
            lines.append(f"  listed as: {'; '.join(self.entry_names)}")
        if self.document_match is not None:
            lines.append(f"  {self.document_match.explain()}")
        if self.name_score is not None:
            lines.append(
                f"  name {self.name_score:.2f}: {self.query_name!r} vs {self.matched_name!r}"
            )
            if self.name_comparison is not None:
                explanation = _comparison_text(self.name_comparison)
                for line in explanation.splitlines():
                    lines.append(f"    {line}")
        for effect in self.effects:
            lines.append(f"  {effect}")
        if self.required_action:
            lines.append(f"  required action: {self.required_action}")
        if self.remarks:
            lines.append(f"  remarks: {self.remarks}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: what the watchlists app stores with a hit."""
        out: dict[str, Any] = {
            "entry_id": self.entry_id,
            "entry_version": self.entry_version,
            "list_id": self.list_id,
            "kind": self.kind.value,
            "score": round(self.score, 4),
            "decision": self.decision.value,
            "name_score": None if self.name_score is None else round(self.name_score, 4),
            "query_name": self.query_name,
            "matched_name": self.matched_name,
            "name_parts": _comparison_parts(self.name_comparison),
            "qualifiers": [
                {"qualifier": e.qualifier, "delta": round(e.delta, 4), "reason": e.reason}
                for e in self.effects
            ],
            "document_match": None,
            "required_action": self.required_action,
            "remarks": self.remarks,
            "explanation": self.explain(),
        }
        if self.document_match is not None:
            dm = self.document_match
            out["document_match"] = {
                "query": str(dm.query),
                "entry": str(dm.entry),
                "bridged": [{"position": p, "query": q, "entry": e} for p, q, e in dm.bridged],
                "state_agrees": dm.state_agrees,
            }
        return out


def _comparison_text(comparison: Any) -> str:
    explain = getattr(comparison, "explain", None)
    return str(explain()) if callable(explain) else str(comparison)


def _comparison_parts(comparison: Any) -> list[Any]:
    if comparison is None:
        return []
    parts = getattr(comparison, "parts", ()) or ()
    out: list[Any] = []
    for part in parts:
        to_dict = getattr(part, "to_dict", None)
        if callable(to_dict):
            out.append(to_dict())
        elif hasattr(part, "__dataclass_fields__"):
            import dataclasses

            out.append(_jsonable(dataclasses.asdict(part)))
        else:
            out.append(str(part))
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
