"""Where a PDF's paragraphs start, from the geometry of its text lines (issue 23).

A line break is a wrap or a paragraph's end. Text alone cannot tell them apart; the page can:
- a line that ends short of the right edge of justified text (a fifth of the lines end on it)
  ends its paragraph; ragged text may wrap well short of it, before a long word, so there the
  reader's first guess (an indented line opens a paragraph) stands, but for a line under the
  text after an item's marker, or under the line before it, after a line near the edge;
- a line set further below the line above than the lines around them are (a paragraph's
  spacing) opens a paragraph;
- after a line that reaches the edge, the next line goes on with its paragraph where it starts
  at the paragraph's continuation column: under the text after an item's marker (a hanging
  indent), at or left of where its lines have gone on so far, or within a hanging indent of an
  unnumbered paragraph's first line; a line indented past that column opens a paragraph (a
  first-line indent);
- a line centred under a wrapped centred line (a heading, a project's name) goes on with it;
- the first line after a table, and the first line of a page after a line that ended short,
  open one; an item's marker always does.
So an item wrapped onto a hanging indent is one item, on one page or across two. Lines of
one page only (no earlier line) keep the reader's first guess: indented past the margin.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Optional

from thaikpi.pipeline.text import is_list_marker, is_list_marker_start
from thaikpi.schemas.parsed import Line

EDGE_SHARED = 3         # lines ending on the rightmost x, at least: the page is justified
JUSTIFIED_SHARE = 0.2   # ... and at least this share of its lines
EDGE_TOLERANCE = 1.5    # points: a justified line's end off the edge
RAGGED_SLACK = 0.15     # of the text's width: how far short of the edge a wrapped ragged line may end
ALIGN = 2.5             # points: a line under a column
MAX_HANG = 40.0         # points: how far an unnumbered paragraph's wrapped lines may hang in
WIDE = 0.8              # of the text's width: a centred line this wide may have wrapped
CENTRED = 2.0           # points: two lines' centres this close are centred alike
GAP = 1.5               # points past a paragraph's line pitch: a paragraph's spacing


@dataclass(frozen=True)
class PageGeometry:
    margin: float
    right: float
    justified: bool

    @property
    def width(self) -> float:
        return max(self.right - self.margin, 1.0)

    def full(self, line: Line) -> bool:
        """Does the line reach the right edge (a wrapped line)? Justification stretches the
        spaces of a line: one with no space past its marker stays ragged."""
        spaced = sum(1 for w in line.words[1:] if not is_list_marker(w[2])) >= 2
        slack = EDGE_TOLERANCE if self.justified and spaced else RAGGED_SLACK * self.width
        return line.words[-1][1] >= self.right - slack


def page_geometry(lines: list[Line]) -> PageGeometry:
    """A page's left margin (the leftmost start several lines share) and right edge."""
    starts = [round(line.words[0][0]) for line in lines]
    shared = [s for s in set(starts) if starts.count(s) >= 2]
    margin = min(shared) if shared else min(starts)
    ends = sorted(line.words[-1][1] for line in lines)
    # Justified: the rightmost end is shared by a fifth of the lines or more (ragged ends
    # spread over a word's width)
    on_edge = sum(abs(e - ends[-1]) <= EDGE_TOLERANCE for e in ends)
    justified = on_edge >= max(EDGE_SHARED, JUSTIFIED_SHARE * len(ends))
    return PageGeometry(margin, ends[-1], justified)


def spaced_lines(lines: list[Line], geometry: PageGeometry) -> set[int]:
    """The indices (in `lines`, one page's text lines in order) of lines set further below the
    line above than a paragraph's lines are (paragraph spacing above them). A paragraph's line
    pitch is read where a line nearest this one wraps (it reaches the edge, the next line goes
    on): a page may mix leadings (a table flattened to lines beside paragraphs)."""
    tops = [line.top for line in lines]
    steps = [None] + [b - a if a is not None and b is not None and b > a else None
                      for a, b in zip(tops, tops[1:])]
    wraps = [i + 1 for i, line in enumerate(lines[:-1]) if steps[i + 1] is not None and geometry.full(line)]
    out = set()
    for i, step in enumerate(steps):
        nearest = sorted((w for w in wraps if w != i), key=lambda w: (abs(w - i), w > i))
        if step is not None and nearest and step > steps[nearest[0]] + GAP:
            out.add(i)
    return out


@dataclass
class _Previous:
    """The text line before, as the next line's break is judged from it."""
    line: Line
    geometry: PageGeometry
    opened: bool              # it opened its paragraph
    column: Optional[float]   # where its paragraph's wrapped lines go on: a line that goes on
                              # there; after an item's marker, its text; else unknown


def _text_column(line: Line) -> Optional[float]:
    """Where an item's text starts after its marker ("1)" then the text): its wrapped lines
    hang under it."""
    if len(line.words) >= 2 and is_list_marker(line.words[0][2]):
        return line.words[1][0]
    return None


def _goes_on(line: Line, prev: _Previous) -> bool:
    """Does `line` go on with the paragraph of the line before (a wrap)?"""
    x0, x1 = line.words[0][0], line.words[-1][1]
    p0, p1 = prev.line.words[0][0], prev.line.words[-1][1]
    geometry = prev.geometry
    if p0 > geometry.margin + ALIGN and p1 - p0 >= WIDE * geometry.width \
            and abs((x0 + x1) / 2 - (p0 + p1) / 2) <= CENTRED and x1 - x0 < p1 - p0:
        return True  # centred under a wide centred line
    if not geometry.justified:
        # ragged, a line may wrap well short of the edge (before a long word) and a heading
        # may reach it: the reader's first guess stands (an indented line opens a paragraph)
        # but for a line, after one near the edge, under an item's text or under the line
        # before (a hanging indent)
        aligned = prev.column is not None and abs(x0 - prev.column) <= ALIGN
        return (aligned and geometry.full(prev.line)) or not line.paragraph_start
    if not geometry.full(prev.line):
        return False
    if not prev.opened:
        return abs(x0 - prev.column) <= ALIGN  # under the paragraph's wrapped lines
    if prev.column is not None:
        return x0 <= prev.column + ALIGN  # under an item's text, or back at its marker
    return x0 <= p0 + MAX_HANG


def mark_paragraphs(lines: list[Line]) -> list[Line]:
    """The lines (in reading order, every page) with `paragraph_start` set from geometry."""
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        if line.table is None and line.words:
            by_page[line.page].append(line)
    geometry = {page: page_geometry(text) for page, text in by_page.items()}
    spaced = {id(text[i]) for page, text in by_page.items() for i in spaced_lines(text, geometry[page])}
    out: list[Line] = []
    prev: Optional[_Previous] = None
    after_table = False
    for line in lines:
        if line.table is not None or not line.words:
            out.append(line)
            after_table = after_table or line.table is not None
            prev = None if line.table is not None else prev
            continue
        text = line.cells[0] if line.cells else ""
        if is_list_marker_start(text) or after_table or id(line) in spaced:
            opened = True
        elif prev is None:
            opened = line.paragraph_start
        else:
            opened = not _goes_on(line, prev)
        column = _text_column(line) if opened else line.words[0][0]
        out.append(replace(line, paragraph_start=opened) if opened != line.paragraph_start else line)
        prev = _Previous(line, geometry[line.page], opened, column)
        after_table = False
    return out
