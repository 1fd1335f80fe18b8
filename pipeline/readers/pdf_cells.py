"""The text of a ruled table's cells: pdfplumber's Table.extract, the same text, without testing
every char of the page against every cell; and a wrapped cell's paragraph breaks."""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Optional

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
