"""Index snapshots: a compact binary file that restores an index without rebuilding it.

The format holds only data, never code: JSON for the header and the entry records,
little-endian unsigned 32-bit integers for lengths and postings, UTF-8 for keys, and a
SHA-256 of everything before it as the last 32 bytes. Reading it executes nothing (no
``pickle``, no ``marshal``), so a damaged or hostile file can at worst be refused
(:class:`SnapshotError`) or give wrong hits — which is why snapshots are still to be
treated as local files the server itself wrote, with the permissions of its data
directory, not as an exchange format. Exchange entries as JSON lines or through the
watchlists app.

Layout::

    b"SARHADIX"  u32 format  u32 header_len  header (JSON)
    section "records":   u32 count, u32[count] lengths, blob     (length 0 = free slot),
                         u32[count] id lengths, ids blob          (ids of the records)
    section "postings":  u32 count, u32[count] key lengths, keys blob,
                         u32[count] posting counts, u32[sum] slots
    section "documents": same as postings
    section "facts":     u32[slots] listed years of birth (span << 9 | first year -
                         1799; 0 = none or a wide range), u32[slots] day of the year of a
                         single full date (0 = none), u32[slots] nationality code << 2
                         | sex code (the nationality codes are in the header)
    section "words":     u32 count, u32[count] lengths, blob (numbered sets of a name
                         word's sound keys, UTF-8, sorted, joined by U+001F),
                         u32[slots] code lengths, u32[sum] codes (per name of the slot:
                         its word count, then its word numbers; length 0 = always
                         compared)
    sha256 (32 bytes) of everything above

Formats 1 (no facts section, older blocking keys) and 2 (no words section) are refused: the index is rebuilt from
the entries instead (the watchlists app does so when a snapshot cannot be read).

Keys are written sorted and the file is written to a temporary name and renamed, so the
same index always gives the same bytes and a crash never leaves half a snapshot.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from array import array
from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .index import Postings, ScreeningIndex

__all__ = ["FORMAT", "MAGIC", "SnapshotError", "read_snapshot", "write_snapshot"]

MAGIC = b"SARHADIX"
FORMAT = 3
_LITTLE = sys.byteorder == "little"


class SnapshotError(ValueError):
    """A snapshot file is not one this version can read, or it is damaged."""


def _u32(values: array) -> bytes:
    if not _LITTLE:  # pragma: no cover - big-endian hosts
        values = array("I", values)
        values.byteswap()
    return values.tobytes()


def _encode_table(table: dict[str, Postings]) -> list[bytes]:
    keys = sorted(table)
    encoded = [k.encode() for k in keys]
    key_lengths = array("I", map(len, encoded))
    counts = array("I")
    flat = array("I")
    for key in keys:
        value = table[key]
        if isinstance(value, int):
            counts.append(1)
            flat.append(value)
        elif isinstance(value, bytes):  # packed native 32-bit slots
            counts.append(len(value) >> 2)
            flat.frombytes(value)
        else:
            counts.append(len(value))
            flat.extend(value)
    return [
        _u32(array("I", [len(keys)])),
        _u32(key_lengths),
        b"".join(encoded),
        _u32(counts),
        _u32(flat),
    ]


def write_snapshot(index: ScreeningIndex, path: str | PathLike[str]) -> None:
    records = index._records
    lengths = array("I", (0 if r is None else len(r) for r in records))
    header = json.dumps(
        {
            "format": FORMAT,
            "engine_fingerprint": index.fingerprint,
            "slots": len(records),
            "entries": len(index),
            "nationality_codes": index._nat_codes,
        },
        sort_keys=True,
    ).encode()
    parts: list[bytes] = [MAGIC, _u32(array("I", [FORMAT, len(header)])), header]
    ids = [b""] * len(records)
    for entry_id, slot in index._slot_of.items():
        ids[slot] = entry_id.encode()
    parts += [_u32(array("I", [len(records)])), _u32(lengths), b"".join(r for r in records if r)]
    parts += [_u32(array("I", map(len, ids))), b"".join(ids)]
    parts += _encode_table(index._postings)
    parts += _encode_table(index._documents)
    facts = [array("I", f) for f in index._fact_columns()]
    if any(len(f) != len(records) for f in facts):
        raise ValueError("index facts do not cover every slot")
    parts += [_u32(f) for f in facts]
    # name words for the word pre-check: the numbered sound-key sets, then per slot its
    # code (u32 count and u32s; count 0 = none)
    sets = ["\x1f".join(sorted(keys)).encode() for keys in index._word_sets]
    parts += [_u32(array("I", [len(sets)])), _u32(array("I", map(len, sets))), b"".join(sets)]
    words = index._words
    if len(words) != len(records):
        raise ValueError("index name words do not cover every slot")
    codes = [array("I", code or b"") for code in words]
    parts += [_u32(array("I", map(len, codes))), b"".join(_u32(c) for c in codes)]
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    parts.append(digest.digest())

    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".screening-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                out.write(part)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.data):
            raise SnapshotError(f"snapshot truncated at byte {self.pos} (wanted {n} more)")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def u32s(self, n: int) -> array:
        values = array("I")
        values.frombytes(self.take(4 * n))
        if not _LITTLE:  # pragma: no cover
            values.byteswap()
        return values

    def u32(self) -> int:
        return self.u32s(1)[0]


def _read_table(reader: _Reader, slots: int, what: str) -> dict[str, Postings]:
    count = reader.u32()
    key_lengths = reader.u32s(count)
    blob = bytes(reader.take(sum(key_lengths)))
    counts = reader.u32s(count)
    flat = reader.u32s(sum(counts))
    if flat and max(flat) >= slots:
        raise SnapshotError(f"snapshot {what}: a posting points past the last record slot")
    packed = flat.tobytes()  # native order: posting lists are loaded packed (see ScreeningIndex.seal)
    table: dict[str, Postings] = {}
    start = offset = 0
    try:
        text = blob.decode()
    except UnicodeDecodeError as exc:
        raise SnapshotError(f"snapshot {what}: keys are not UTF-8") from exc
    # key lengths are byte lengths; decode per key only when the blob is not ASCII
    ascii_only = len(text) == len(blob)
    for length, n in zip(key_lengths, counts):
        if ascii_only:
            key = text[start : start + length]
        else:
            key = blob[start : start + length].decode()
        start += length
        if n == 1:
            table[key] = flat[offset]
        else:
            table[key] = packed[4 * offset : 4 * (offset + n)]
        offset += n
    return table


def read_snapshot(index: ScreeningIndex, path: str | PathLike[str]) -> None:
    with open(path, "rb") as handle:
        raw = handle.read()
    if len(raw) < len(MAGIC) + 40 or not raw.startswith(MAGIC):
        raise SnapshotError(f"{os.fspath(path)!r} is not a screening index snapshot")
    body, checksum = raw[:-32], raw[-32:]
    if hashlib.sha256(body).digest() != checksum:
        raise SnapshotError(f"{os.fspath(path)!r} is damaged (checksum mismatch)")
    reader = _Reader(memoryview(body))
    reader.take(len(MAGIC))
    fmt = reader.u32()
    if fmt != FORMAT:
        raise SnapshotError(f"snapshot format {fmt} is not supported (this version reads {FORMAT})")
    header = json.loads(bytes(reader.take(reader.u32())))
    slots = reader.u32()
    lengths = reader.u32s(slots)
    blob = reader.take(sum(lengths))
    id_lengths = reader.u32s(slots)
    id_blob = bytes(reader.take(sum(id_lengths)))
    records: list[bytes | None] = []
    offset = id_offset = 0
    slot_of: dict[str, int] = {}
    free: list[int] = []
    for slot, (length, id_length) in enumerate(zip(lengths, id_lengths)):
        if length == 0:
            records.append(None)
            free.append(slot)
            continue
        records.append(bytes(blob[offset : offset + length]))
        offset += length
        slot_of[id_blob[id_offset : id_offset + id_length].decode()] = slot
        id_offset += id_length
    if len(slot_of) != header.get("entries"):
        raise SnapshotError("snapshot entry ids are not unique or do not match the header")
    postings = _read_table(reader, slots, "postings")
    documents = _read_table(reader, slots, "documents")
    facts = [reader.u32s(slots) for _ in range(3)]
    set_count = reader.u32()
    set_lengths = reader.u32s(set_count)
    set_blob = bytes(reader.take(sum(set_lengths)))
    word_sets: list[frozenset[str]] = []
    start = 0
    try:
        for length in set_lengths:
            word_sets.append(frozenset(set_blob[start : start + length].decode().split("\x1f")))
            start += length
    except UnicodeDecodeError as exc:
        raise SnapshotError("snapshot name words are not UTF-8") from exc
    code_lengths = reader.u32s(slots)
    flat_codes = reader.u32s(sum(code_lengths))
    words: list[bytes | None] = []
    offset = 0
    for length in code_lengths:
        if not length:
            words.append(None)
            continue
        code = flat_codes[offset : offset + length]
        offset += length
        i = 0
        while i < length:  # per name: a word count, then as many word numbers
            count = code[i]
            if not count or i + 1 + count > length or max(code[i + 1 : i + 1 + count]) >= len(word_sets):
                raise SnapshotError("snapshot name words are not valid")
            i += 1 + count
        words.append(code.tobytes())
    codes = header.get("nationality_codes")
    if not isinstance(codes, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and 0 < v < 0x3FFF for k, v in codes.items()
    ):
        raise SnapshotError("snapshot header: nationality codes are not valid")
    if slots and max(max(f) for f in facts) >= 1 << 16:
        raise SnapshotError("snapshot facts are out of range")
    if reader.pos != len(body):
        raise SnapshotError("snapshot has trailing bytes")
    index._records = records
    index._free = free[::-1]
    index._slot_of = slot_of
    index._postings = postings
    index._documents = documents
    index._set_fact_columns(*facts)
    index._nat_codes = dict(codes)
    index._words = words
    index._word_sets = word_sets
    index._word_ids = {keys: number for number, keys in enumerate(word_sets)}
    if header.get("engine_fingerprint") != index.fingerprint:
        index.rebuild()
