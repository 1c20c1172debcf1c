"""Where each field sits in the five MRZ layouts of ICAO Doc 9303.

Offsets are 0-based into the zone's lines joined without separators (so line 2 of a TD3
starts at offset 44); :func:`place` turns an offset back into the 1-based line and
position that ICAO and error messages use.

Sources: Part 4 section 4.2.2 (TD3), Part 5 section 4.2.2 (TD1), Part 6 section 4.2.2
(TD2), Part 7 (MRV-A, MRV-B) of Doc 9303, 8th edition
(https://www.icao.int/publications/Documents/9303_p4_cons_en.pdf and siblings).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LAYOUTS", "Layout", "TD1", "TD2", "TD3", "MRVA", "MRVB", "place"]

Span = tuple[int, int]


@dataclass(frozen=True, slots=True, eq=False)  # identity hash: layouts are dict keys
class Layout:
    """Field offsets of one layout (``end`` exclusive; ``None`` = no such field)."""

    name: str
    lines: int
    width: int
    document_code: Span
    issuing_state: Span
    name_field: Span
    document_number: Span
    document_number_cd: int
    nationality: Span
    birth_date: Span
    birth_date_cd: int
    sex: int
    expiry_date: Span
    expiry_date_cd: int
    optional_data: Span
    optional_data_cd: int | None
    optional_data_2: Span | None
    composite_cd: int | None
    composite_spans: tuple[Span, ...]
    # TD1 and TD2 numbers longer than 9 characters continue in this optional field.
    long_number: bool

    @property
    def length(self) -> int:
        """Characters in the whole zone (lines x width)."""
        return self.lines * self.width



TD3 = Layout(
    name="TD3", lines=2, width=44,
    document_code=(0, 2), issuing_state=(2, 5), name_field=(5, 44),
    document_number=(44, 53), document_number_cd=53, nationality=(54, 57),
    birth_date=(57, 63), birth_date_cd=63, sex=64,
    expiry_date=(65, 71), expiry_date_cd=71,
    optional_data=(72, 86), optional_data_cd=86, optional_data_2=None,
    composite_cd=87, composite_spans=((44, 54), (57, 64), (65, 87)),
    long_number=False,
)

MRVA = Layout(
    name="MRVA", lines=2, width=44,
    document_code=(0, 2), issuing_state=(2, 5), name_field=(5, 44),
    document_number=(44, 53), document_number_cd=53, nationality=(54, 57),
    birth_date=(57, 63), birth_date_cd=63, sex=64,
    expiry_date=(65, 71), expiry_date_cd=71,
    optional_data=(72, 88), optional_data_cd=None, optional_data_2=None,
    composite_cd=None, composite_spans=(),
    long_number=False,
)

TD2 = Layout(
    name="TD2", lines=2, width=36,
    document_code=(0, 2), issuing_state=(2, 5), name_field=(5, 36),
    document_number=(36, 45), document_number_cd=45, nationality=(46, 49),
    birth_date=(49, 55), birth_date_cd=55, sex=56,
    expiry_date=(57, 63), expiry_date_cd=63,
    optional_data=(64, 71), optional_data_cd=None, optional_data_2=None,
    composite_cd=71, composite_spans=((36, 46), (49, 56), (57, 71)),
    long_number=True,
)

MRVB = Layout(
    name="MRVB", lines=2, width=36,
    document_code=(0, 2), issuing_state=(2, 5), name_field=(5, 36),
    document_number=(36, 45), document_number_cd=45, nationality=(46, 49),
    birth_date=(49, 55), birth_date_cd=55, sex=56,
    expiry_date=(57, 63), expiry_date_cd=63,
    optional_data=(64, 72), optional_data_cd=None, optional_data_2=None,
    composite_cd=None, composite_spans=(),
    long_number=False,
)

TD1 = Layout(
    name="TD1", lines=3, width=30,
    document_code=(0, 2), issuing_state=(2, 5), name_field=(60, 90),
    document_number=(5, 14), document_number_cd=14, nationality=(45, 48),
    birth_date=(30, 36), birth_date_cd=36, sex=37,
    expiry_date=(38, 44), expiry_date_cd=44,
    optional_data=(15, 30), optional_data_cd=None, optional_data_2=(48, 59),
    composite_cd=59, composite_spans=((5, 30), (30, 37), (38, 45), (48, 59)),
    long_number=True,
)

#: Layouts by name, in the order used by the CLI and the benchmark.
LAYOUTS: dict[str, Layout] = {
    layout.name: layout for layout in (TD1, TD2, TD3, MRVA, MRVB)
}


def place(layout_width: int, offset: int) -> tuple[int, int]:
    """1-based ``(line, position)`` of a 0-based offset into the joined zone."""
    line, pos = divmod(offset, layout_width)
    return line + 1, pos + 1


def field_at(layout: Layout, offset: int) -> str:
    """Name of the field that holds *offset* (``"filler"`` for unused positions)."""
    spans: list[tuple[str, int, int]] = [
        ("document_code", *layout.document_code),
        ("issuing_state", *layout.issuing_state),
        ("name", *layout.name_field),
        ("document_number", *layout.document_number),
        ("check digit of document_number", layout.document_number_cd,
         layout.document_number_cd + 1),
        ("nationality", *layout.nationality),
        ("date_of_birth", *layout.birth_date),
        ("check digit of date_of_birth", layout.birth_date_cd, layout.birth_date_cd + 1),
        ("sex", layout.sex, layout.sex + 1),
        ("date_of_expiry", *layout.expiry_date),
        ("check digit of date_of_expiry", layout.expiry_date_cd, layout.expiry_date_cd + 1),
        ("optional_data", *layout.optional_data),
    ]
    if layout.optional_data_cd is not None:
        spans.append(("check digit of optional_data", layout.optional_data_cd,
                      layout.optional_data_cd + 1))
    if layout.optional_data_2 is not None:
        spans.append(("optional_data_2", *layout.optional_data_2))
    if layout.composite_cd is not None:
        spans.append(("composite check digit", layout.composite_cd, layout.composite_cd + 1))
    for name, start, end in spans:
        if start <= offset < end:
            return name
    return "filler"
