"""The text of a ruled table's cells: pdfplumber's Table.extract, the same text, without testing
every char of the page against every cell; and a wrapped cell's paragraph breaks."""
from __future__ import annotations

from typing import Optional

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
        x0, x1, top, bottom = max(c["x0"], bx0), min(c["x1"], bx1), max(c["top"], btop), min(c["bottom"], bbottom)
        if x1 - x0 >= 0 and bottom - top >= 0 and (x1 - x0) + (bottom - top) > 0:
            cut.append({"text": c["text"], "x0": x0, "x1": x1, "top": top, "bottom": bottom, "upright": c["upright"]})
    return cut


def cell_text(chars: CharsByTop, bbox, text: str, indent: float,
              x_tolerance: float = X_TOLERANCE, y_tolerance: float = Y_TOLERANCE) -> str:
    """A wrapped cell's text with its paragraph breaks: a line starting more than `indent`
    points right of the cell's text opens a paragraph, marked by an empty line; other newlines
    are wraps. `chars` are the table's (the cell is cut from them as page.crop would, without
    cropping every object on the page); the tolerances are pdf_words'."""
    if "\n" not in text or bbox is None:
        return text
    near = chars.overlapping(bbox)
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


def _midpoints_in(chars: list[dict], bbox) -> list[dict]:
    """The chars in a cell by Table.extract's rule (a function nested inside it in
    pdfplumber): the char's midpoint in the box, right and bottom edges left out. One loop
    with the test inline: it runs for every char of the page for each table (2.3 million
    calls on the bench corpus, where a call per char cost a third more)."""
    x0, top, x1, bottom = bbox
    return [c for c in chars
            if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom]


def _by_midpoint(chars: list[dict], low: str, high: str) -> SortedChars:
    """Chars sorted by their midpoint along one axis (between keys `low` and `high`)."""
    return SortedChars(chars, [(c[low] + c[high]) / 2 for c in chars])


def table_rows(rows: list, box, chars: list[dict], x_tolerance: float = X_TOLERANCE,
               y_tolerance: float = Y_TOLERANCE) -> list[list[Optional[str]]]:
    """pdfplumber's Table.extract for a table's `rows` (Table.rows) within its `box`, the same
    text, without testing every char of the page against every cell: the table's chars are
    sorted by height once and each row takes its slice, then the row's by width and each cell
    takes its slice (in page order, which the text extraction relies on). The tolerances
    are pdf_words'."""
    by_height = _by_midpoint(_midpoints_in(chars, box), "top", "bottom")
    texts = []
    for row in rows:
        box = row.bbox  # a property that recomputes itself
        row_chars = _midpoints_in(by_height.between(box[1], box[3]), box)
        by_width = _by_midpoint(row_chars, "x0", "x1")
        cells: list[Optional[str]] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            cell_chars = _midpoints_in(by_width.between(cell[0], cell[2]), cell)
            cells.append(extract_text(cell_chars, x_tolerance, y_tolerance) if cell_chars else "")
        texts.append(cells)
    return texts
