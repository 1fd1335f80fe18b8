"""Tables drawn without rules between columns, read from the alignment of their text.

A PDF reader gives such a table as text lines, each with its words' horizontal extents. Three
stages, wired by the extractors:

    header_columns -> rows_by_alignment (each line's pieces -> cells of one row)

A piece is a run of words with no gap wider than COLUMN_GAP: one cell's text on one line.
Columns are the header's pieces (a header cell wrapped onto several lines stays one column).
A line with a piece for every column is read in order: a table flattened to tab-separated
lines keeps the order of its cells but not their columns (a long cell pushes the rest of its
line on to later tab stops). A line with fewer pieces is placed by alignment.

Where a table is ruled between rows only, the rule above a line starts a row; where it has no
rules at all, the extractor says which lines start a row.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from thaikpi.schemas.parsed import Line

COLUMN_GAP = 5.0  # points: a gap wider than this separates cells (a space is 2-4 pt at 12-16 pt type)
INDENT = 8.0  # points: a line of a cell starting this far right of the column opens a paragraph

Word = tuple[float, float, str]


@dataclass(frozen=True)
class Column:
    x0: float
    x1: float
    header: str


def pieces(words: Sequence[Word]) -> list[Word]:
    """A line's words -> runs separated by gaps wider than COLUMN_GAP, as (x0, x1, text)."""
    out: list[list] = []
    for x0, x1, text in sorted(words):
        if out and x0 - out[-1][1] <= COLUMN_GAP:
            out[-1][1] = max(out[-1][1], x1)
            out[-1][2] += " " + text
        else:
            out.append([x0, x1, text])
    return [(a, b, t) for a, b, t in out]


def header_columns(header_lines: Sequence[Line]) -> list[Column]:
    """Columns from a header's lines: pieces whose extents overlap, on any of the lines, are
    one column. A column's header reads top to bottom."""
    spans = sorted((x0, x1, row, text) for row, line in enumerate(header_lines) for x0, x1, text in pieces(line.words))
    columns: list[list] = []
    for x0, x1, row, text in spans:
        if columns and x0 <= columns[-1][1] + COLUMN_GAP:
            columns[-1][1] = max(columns[-1][1], x1)
            columns[-1][2].append((row, x0, text))
        else:
            columns.append([x0, x1, [(row, x0, text)]])
    return [Column(c[0], c[1], " ".join(t for _, _, t in sorted(c[2]))) for c in columns]


def nearest_column(x0: float, x1: float, columns: Sequence[Column]) -> int:
    """The column a piece falls under: the one its centre lies in, else the nearest."""
    centre = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda k: 0 if columns[k].x0 - 2 <= centre <= columns[k].x1 + 2
               else min(abs(centre - columns[k].x0), abs(centre - columns[k].x1)))


def place(line: Line, columns: Sequence[Column]) -> list[list[Word]]:
    """A line's pieces, put into columns: in order when there is one per column, else by
    alignment."""
    found = pieces(line.words)
    cells: list[list[Word]] = [[] for _ in columns]
    if len(found) == len(columns):
        for cell, piece in zip(cells, found):
            cell.append(piece)
        return cells
    for piece in found:
        cells[nearest_column(piece[0], piece[1], columns)].append(piece)
    return cells


def rows_by_alignment(lines: Sequence[Line], columns: Sequence[Column],
                      starts_row: Callable[[list[str]], bool], table: int = -1) -> list[Line]:
    """Text lines -> table rows (Lines with one cell per column). A row starts at a line with a
    rule above it when the table is ruled between rows, else where `starts_row` says (given the
    line's cells); other lines continue the row above, each cell's lines joined by newlines
    (an empty line where a cell's line is indented: a new paragraph)."""
    placed_lines = [place(line, columns) for line in lines]
    texts = [[" ".join(t for _, _, t in cell) for cell in placed] for placed in placed_lines]
    # Ruled between rows when the rules mark (nearly) every row the text shows: a single rule
    # over a table of many rows is a border, not a row separator.
    rules = sum(line.rule_above for line in lines)
    ruled = rules >= max(1, sum(starts_row(cells) for cells in texts[1:]))
    rows: list[tuple[list[list[str]], int]] = []
    for line, placed, cells in zip(lines, placed_lines, texts):
        new_row = not rows or (line.rule_above if ruled else starts_row(cells))
        if new_row:
            rows.append(([[c] if c else [] for c in cells], line.page))
            continue
        for j, cell in enumerate(placed):
            if not cell:
                continue
            if rows[-1][0][j] and cell[0][0] > columns[j].x0 + INDENT:
                rows[-1][0][j].append("")
            rows[-1][0][j].append(cells[j])
    return [Line(cells=tuple("\n".join(c) for c in cells), page=page, table=table) for cells, page in rows]
