"""Ruled tables on a scanned page: the long horizontal and vertical rules of the binarized
image, and OCR'd words cut into the cells between them.

A rule is a run of ink much longer than any stroke of a letter. Scans are a little skewed, so
runs are looked for in a band a few pixels high (wide, for vertical rules). Rules that cross
make one grid; a grid's row bands are cut by the rules across most of it, and each band's cells
by the vertical rules that cross that band, so a merged cell stays one cell and a full-width
box (a title over the table) is a line of text, not a row.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

RULE_MIN_INCHES = 0.6  # a run of ink this long is a rule, not a letter
SHORT_RULE_MIN_INCHES = 0.2  # a column rule of a one-line row: counts between two rules across
RULE_MAX_INCHES = 0.05  # a rule is thinner than this ...
BAR_INK = 0.8  # ... unless it is a solid bar (its share of ink), which bounds cells too
SKEW_BAND = 2  # pixels either side searched for the rest of a skewed rule
ERASE_PAD = 3  # pixels around a rule painted white with it: its grey, anti-aliased edge
ROW_RULE_SHARE = 0.35  # a horizontal rule across this share of a grid's width starts a row


class Word(NamedTuple):
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    conf: float
    line_key: tuple  # Tesseract's (block, paragraph, line): the words of one line of text


class Rule(NamedTuple):
    pos: float  # y of a horizontal rule, x of a vertical one
    start: int
    end: int
    low: int  # the band of pixel rows (columns) it occupies, to erase it
    high: int


@dataclass
class Grid:
    x0: float
    top: float
    x1: float
    bottom: float
    row_edges: list[float]
    verticals: list[Rule] = field(default_factory=list)


def _runs(dark: np.ndarray, min_len: int) -> np.ndarray:
    """(row, start, end) of every run of True at least min_len long, row by row."""
    padded = np.zeros((dark.shape[0], dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    change = np.diff(padded, axis=1)
    starts = np.argwhere(change == 1)
    ends = np.argwhere(change == -1)
    keep = ends[:, 1] - starts[:, 1] >= min_len
    return np.column_stack([starts[keep, 0], starts[keep, 1], ends[keep, 1]])


def _horizontal(dark: np.ndarray, dpi: int, min_inches: float = RULE_MIN_INCHES) -> list[Rule]:
    band = dark.copy()
    for shift in range(1, SKEW_BAND + 1):
        band[shift:] |= dark[:-shift]
        band[:-shift] |= dark[shift:]
    rules: list[list[int]] = []  # [low, high, start, end]
    for row, start, end in _runs(band, int(min_inches * dpi)):
        for rule in reversed(rules[-20:]):  # runs come row by row: the rule is a recent one
            if row - rule[1] <= 1 and start < rule[3] and end > rule[2]:
                rule[1], rule[2], rule[3] = row, min(rule[2], start), max(rule[3], end)
                break
        else:
            rules.append([row, row, start, end])
    out = []
    for low, high, start, end in rules:
        thick = high - low + 1 - 2 * SKEW_BAND
        if thick > RULE_MAX_INCHES * dpi and dark[low:high + 1, start:end].mean() < BAR_INK:
            continue  # a line of bold text, not a rule
        out.append(Rule((low + high) / 2, int(start), int(end), int(low), int(high)))
    return out


def _ends_on(rule: Rule, across: list[Rule], tolerance: float) -> bool:
    """A short vertical rule's two ends each on a horizontal rule that passes it."""
    def on(y: float) -> bool:
        return any(abs(h.pos - y) <= tolerance and h.start - tolerance <= rule.pos <= h.end + tolerance for h in across)
    return on(rule.start) and on(rule.end)


def find_rules(dark: np.ndarray, dpi: int) -> tuple[list[Rule], list[Rule]]:
    """The page's horizontal and vertical rules, in pixels. A vertical rule shorter than a rule
    (the column rules of a one-line row, under an inch) counts where it joins two horizontal
    rules: no stroke of a letter does."""
    horizontal = _horizontal(dark, dpi)
    vertical = _horizontal(dark.T, dpi)
    # a pass of its own: among the many short runs (letters' strokes) a long rule's pieces
    # would no longer be joined
    long_enough = int(RULE_MIN_INCHES * dpi)
    tolerance = dpi / 30
    vertical += [v for v in _horizontal(dark.T, dpi, SHORT_RULE_MIN_INCHES)
                 if v.end - v.start < long_enough and _ends_on(v, horizontal, tolerance)
                 and not any(abs(u.pos - v.pos) <= tolerance and u.start - tolerance <= v.start and v.end <= u.end + tolerance
                             for u in vertical)]
    return horizontal, vertical


def erase(pixels: np.ndarray, horizontal: list[Rule], vertical: list[Rule]) -> np.ndarray:
    """The grey image with its rules painted white: OCR then reads no '|' or '_' from them."""
    out = pixels.copy()
    pad = ERASE_PAD
    for r in horizontal:
        out[max(0, r.low - pad):r.high + pad + 1, max(0, r.start - pad):r.end + pad] = 255
    for r in vertical:
        out[max(0, r.start - pad):r.end + pad, max(0, r.low - pad):r.high + pad + 1] = 255
    return out


def _merged(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def find_grids(horizontal: list[Rule], vertical: list[Rule], dpi: int) -> list[Grid]:
    """Groups of crossing rules with at least two rows and two columns."""
    tolerance = dpi / 30
    rules = [("h", r) for r in horizontal] + [("v", r) for r in vertical]
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (kind_h, h) in enumerate(rules):
        if kind_h != "h":
            continue
        for j, (kind_v, v) in enumerate(rules):
            if kind_v == "v" and h.start - tolerance <= v.pos <= h.end + tolerance \
                    and v.start - tolerance <= h.pos <= v.end + tolerance:
                parent[root(i)] = root(j)
    groups: dict[int, list[tuple[str, Rule]]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(root(i), []).append(rule)
    grids = []
    for members in groups.values():
        hs = [r for k, r in members if k == "h"]
        vs = [r for k, r in members if k == "v"]
        if not hs or not vs:
            continue
        x0, x1 = min(v.pos for v in vs), max(v.pos for v in vs)
        width = max(1.0, x1 - x0)
        coverage: dict[float, float] = {}
        for h in hs:
            coverage[h.pos] = coverage.get(h.pos, 0) + (min(h.end, x1) - max(h.start, x0))
        rows = _merged([y for y, covered in coverage.items() if covered >= ROW_RULE_SHARE * width], tolerance)
        if len(rows) >= 3 and len(_merged([v.pos for v in vs], tolerance)) >= 3:
            grids.append(Grid(x0, rows[0], x1, rows[-1], rows, vs))
    return grids


def _cell_text(words: list[Word]) -> str:
    """A cell's words: Tesseract's lines top to bottom, each line's words left to right."""
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line_key, []).append(w)
    ordered = sorted(lines.values(), key=lambda ws: (min(w.top for w in ws), min(w.x0 for w in ws)))
    return "\n".join(" ".join(w.text for w in sorted(ws, key=lambda w: w.x0)) for ws in ordered)


def _band_edges(grid: Grid, top: float, bottom: float, tolerance: float) -> list[float]:
    """The x of the vertical rules that cross a row band (from its top to its bottom)."""
    middle = (top + bottom) / 2
    return _merged([v.pos for v in grid.verticals if v.start - tolerance <= middle <= v.end + tolerance], tolerance)


def _cell_boxes(columns: list[float], edges: list[float], top: float, bottom: float,
                tolerance: float) -> list[tuple[float, float, float, float] | None]:
    """Each column's cell in a row band, (x0, top, x1, bottom) between the band's rules; None
    for a column a merged cell covers (no rule at its left in this band)."""
    boxes = []
    for left in columns[:-1]:
        if not any(abs(e - left) <= tolerance for e in edges):
            boxes.append(None)
            continue
        right = min((e for e in edges if e > left + tolerance), default=columns[-1])
        boxes.append((left, top, right, bottom))
    return boxes


class TableRow(NamedTuple):
    top: float
    cells: list[str] | None  # None: a band one cell across the grid (a title box): text lines
    words: list[Word]
    boxes: list[tuple[float, float, float, float] | None]  # each cell's box (None: merged)


def table_rows(grid: Grid, words: list[Word], dpi: int) -> list[TableRow]:
    """The grid's row bands, top to bottom (a band without words too: OCR may have missed a
    lone number). Cells are one per column of the grid (a merged cell's text in its first
    column); a band that is one cell across the whole grid (a title box) has cells None."""
    tolerance = dpi / 30
    columns = _merged([v.pos for v in grid.verticals], tolerance)
    out = []
    for top, bottom in zip(grid.row_edges, grid.row_edges[1:]):
        inside = [w for w in words if top <= (w.top + w.bottom) / 2 < bottom]
        edges = _band_edges(grid, top, bottom, tolerance)
        if len(edges) < 3:
            if inside:
                out.append(TableRow(top, None, inside, []))
            continue
        cells: list[list[Word]] = [[] for _ in columns[:-1]]
        for w in inside:
            centre = (w.x0 + w.x1) / 2
            left = max((e for e in edges if e <= centre), default=edges[0])
            column = max(i for i, c in enumerate(columns[:-1]) if c <= left + tolerance) if left >= columns[0] - tolerance else 0
            cells[column].append(w)
        out.append(TableRow(top, [_cell_text(ws) for ws in cells], inside,
                            _cell_boxes(columns, edges, top, bottom, tolerance)))
    return out


def in_grid(grid: Grid, word: Word) -> bool:
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return grid.x0 <= cx <= grid.x1 and grid.top <= cy <= grid.bottom
