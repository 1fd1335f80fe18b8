"""The text of a ruled table's cells: pdfplumber's Table.extract, the same text, without testing
every char of the page against every cell; and a wrapped cell's paragraph breaks."""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, NamedTuple, Optional

from pdfplumber.utils import crop_to_bbox
from pdfplumber.utils.text import chars_to_textmap

from thaikpi.pipeline.readers.pdf_geometry import SortedChars, overlapping
from thaikpi.pipeline.readers.pdf_words import X_TOLERANCE, Y_TOLERANCE, extract_text, text_lines


class CharsByTop(SortedChars):
    """A table's chars sorted by top, to take those that may overlap a cell without testing
    every char of the table for every cell."""

    def __init__(self, chars: list[dict]):
        super().__init__(chars, [c["top"] for c in chars])
        # a char reaches at most this far below its top (a point more against float noise)
        self.reach = max((c["bottom"] - c["top"] for c in chars), default=0.0) + 1.0

    def overlapping(self, bbox) -> list[dict]:
        """The chars that overlap the box, in their order."""
        return overlapping(self.between(bbox[1] - self.reach, bbox[3], end_included=True), bbox)


def clipped(chars: list[dict], bbox) -> list[dict]:
    """pdfplumber's crop_to_bbox with the keys pdf_words reads: the chars that overlap the
    box (touching it counts, a point does not), cut to it."""
    bx0, btop, bx1, bbottom = bbox
    cut = []
    for c in chars:
        # max(c["x0"], bx0), min(c["x1"], bx1), ... without a call each (a char at a time)
        x0, x1, top, bottom = c["x0"], c["x1"], c["top"], c["bottom"]
        if bx0 > x0:
            x0 = bx0
        if bx1 < x1:
            x1 = bx1
        if btop > top:
            top = btop
        if bbottom < bottom:
            bottom = bbottom
        if x1 - x0 >= 0 and bottom - top >= 0 and (x1 - x0) + (bottom - top) > 0:
            cut.append({"text": c["text"], "x0": x0, "x1": x1, "top": top, "bottom": bottom, "upright": c["upright"]})
    return cut


def cell_text(chars: Callable[[], CharsByTop], bbox, text: str, indent: float,
              x_tolerance: float = X_TOLERANCE, y_tolerance: float = Y_TOLERANCE) -> str:
    """A wrapped cell's text with its paragraph breaks: a line starting more than `indent`
    points right of the cell's text opens a paragraph, marked by an empty line; other newlines
    are wraps. `chars()` gives the page's (the cell is cut from them as page.crop would,
    without cropping every object on the page; sorted only for a page with a wrapped cell);
    the tolerances are pdf_words'."""
    if "\n" not in text or bbox is None:
        return text
    near = chars().overlapping(bbox)
    lines = text_lines(clipped(near, bbox), x_tolerance, y_tolerance)
    if lines is None:
        lines = [(line["text"], line["x0"]) for line in
                 chars_to_textmap(crop_to_bbox(near, bbox), x_tolerance=x_tolerance,
                                  y_tolerance=y_tolerance).extract_text_lines(strip=True)]
    if len(lines) < 2:
        return text
    left = min(x0 for _, x0 in lines)
    parts = []
    for line, x0 in lines:
        if parts and x0 > left + indent:
            parts.append("")
        parts.append(line)
    return "\n".join(parts)


class CharsByMidpoint:
    """A page's chars sorted by the midpoint of their height, each with the midpoint of its
    width: Table.extract's rule puts a char in the cell that holds its midpoint (right and
    bottom edges left out), and a row takes the slice of its height instead of testing every
    char of the page (pdfplumber tests each for every row and cell)."""

    def __init__(self, chars: list[dict]):
        heights = [(c["top"] + c["bottom"]) / 2 for c in chars]
        self.chars = chars
        self.order = sorted(range(len(chars)), key=heights.__getitem__)
        self.heights = [heights[i] for i in self.order]
        self.widths = [(chars[i]["x0"] + chars[i]["x1"]) / 2 for i in self.order]

    def row(self, bbox) -> list[tuple[float, float, int]]:
        """(width midpoint, height midpoint, index in the page's chars) of the chars whose
        midpoint lies in the box, by width midpoint."""
        x0, top, x1, bottom = bbox
        start, stop = bisect_left(self.heights, top), bisect_left(self.heights, bottom)
        widths, heights, order = self.widths, self.heights, self.order
        return sorted((widths[k], heights[k], order[k]) for k in range(start, stop) if x0 <= widths[k] < x1)


def table_rows(rows: list, chars: CharsByMidpoint, x_tolerance: float = X_TOLERANCE,
               y_tolerance: float = Y_TOLERANCE) -> list[list[Optional[str]]]:
    """pdfplumber's Table.extract for a table's `rows` (Table.rows), the same text, without
    testing every char of the page against every cell: each row takes its slice of the page's
    chars by height, sorted by width, and each cell its slice of that (in page order, which
    the text extraction relies on). The tolerances are pdf_words'."""
    texts = []
    for row in rows:
        in_row = chars.row(row.bbox)
        widths = [w for w, _, _ in in_row]
        cells: list[Optional[str]] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            x0, top, x1, bottom = cell
            held = sorted(i for _, h, i in in_row[bisect_left(widths, x0):bisect_left(widths, x1)] if top <= h < bottom)
            cells.append(extract_text([chars.chars[i] for i in held], x_tolerance, y_tolerance) if held else "")
        texts.append(cells)
    return texts


class FilledRow(NamedTuple):
    """A table row as pdfplumber's Row gives it (cells, None for none; bbox), with the boxes
    filled in that filled_rows adds."""
    cells: list
    bbox: tuple


def filled_rows(rows: list, chars: CharsByMidpoint) -> list:
    """Table.rows, where a row leaves out columns (None) that no cell of the table covers and
    chars lie in, with the box of those columns in that row: pdfplumber makes a cell only where
    four rules meet, and a table carried over from the page before is often drawn open at the
    top (an Excel page break: the first row's upper rule only over its first column), so the
    text of that row's other columns was in the table's box and in no cell, and lost.
    Columns are pdfplumber's own (its cells' left edges; Row.cells follows them), a row's
    height its shortest cell's. Neighbouring columns a char crosses into are one box (a
    heading over several columns, its rules not drawn), in the first of them. A None under a
    merged cell is covered, and stays None."""
    cells = [c for row in rows for c in row.cells if c is not None]
    if not cells:
        return rows
    lefts = sorted({c[0] for c in cells})
    rights = lefts[1:] + [max(c[2] for c in cells)]
    filled = []
    for index, row in enumerate(rows):
        boxes = _open_boxes(row, rows[index + 1] if index + 1 < len(rows) else None, cells, lefts, rights, chars)
        if not boxes:
            filled.append(row)
            continue
        merged = list(row.cells)
        for column, box in boxes.items():
            merged[column] = box
        found = [c for c in merged if c is not None]
        filled.append(FilledRow(merged, (min(c[0] for c in found), min(c[1] for c in found),
                                         max(c[2] for c in found), max(c[3] for c in found))))
    return filled


def _open_boxes(row, below, cells: list, lefts: list, rights: list, chars: CharsByMidpoint) -> dict:
    """column -> box of the row's open columns that hold chars (filled_rows)."""
    if None not in row.cells:
        return {}
    own = [c for c in row.cells if c is not None]
    top, bottom = own[0][1], min(c[3] for c in own)
    if below is not None:
        bottom = min(bottom, min(c[1] for c in below.cells if c is not None))
    # the cells that reach into the row's height, and the columns they cover
    # (overlap > sliver, each way: min(ends) - max(starts), written out: a row at a time over
    # every cell of a long table)
    low, high = top + _SLIVER, bottom - _SLIVER
    band = [c for c in cells if c[1] < high and c[3] > low and c[3] - c[1] > _SLIVER] if high > top else []
    open_columns = [column for column, cell in enumerate(row.cells) if cell is None and not any(
        c[0] < rights[column] - _SLIVER and c[2] > lefts[column] + _SLIVER and c[2] - c[0] > _SLIVER
        and rights[column] - lefts[column] > _SLIVER for c in band)]
    if not open_columns:
        return {}
    runs: list[list[int]] = []
    spans: Optional[list[tuple[float, float]]] = None  # the row's chars' extents, read once if asked
    for column in open_columns:
        if runs and runs[-1][-1] == column - 1:
            if spans is None:
                page = chars.chars
                spans = [(page[i]["x0"], page[i]["x1"]) for _, _, i in chars.row((float("-inf"), top, float("inf"), bottom))]
            x = rights[column - 1]
            if any(x0 < x < x1 for x0, x1 in spans):  # a char crosses into this column
                runs[-1].append(column)
                continue
        runs.append([column])
    boxes = {}
    for run in runs:
        box = (lefts[run[0]], top, rights[run[-1]], bottom)
        if chars.row(box):
            boxes[run[0]] = box
    return boxes


_SLIVER = 1.0  # points: boxes that share less than this each way do not overlap
