"""Rows of a ruled indicator table that the reader gave as text lines (a row whose rules it
missed): a text line just above a continuation table, on its page, whose word runs fill the
header's columns from the name column on, with values under the value columns."""
from __future__ import annotations

from typing import Optional, Sequence

from thaikpi.extractors import labels_indicators as L
from thaikpi.extractors.aligned import pieces
from thaikpi.extractors.indicator_header import Header, has_number
from thaikpi.schemas.parsed import Line


def stray_row(line: Line, header: Header, table: Optional[int]) -> Optional[Line]:
    """The table row a text line is, or None."""
    if line.table is not None or not line.words or "name" not in header.roles:
        return None
    start = header.roles.index("name")
    texts = [text for _, _, text in pieces(line.words)]
    if len(texts) != header.width - start or has_number(texts[0]):
        return None
    values = [t for t, role in zip(texts[1:], header.roles[start + 1:]) if role in L.VALUE_ROLES]
    if not values or not all(has_number(v) for v in values):
        return None
    return Line(cells=("",) * start + tuple(texts), page=line.page, table=table)


def stray_rows(between: Sequence[Line], header: Header, first: Line) -> list[Line]:
    """The text lines on a continuation table's page, just above it, that are its rows."""
    found = [stray_row(line, header, first.table) for line in between if line.page == first.page]
    return [row for row in found if row is not None]
