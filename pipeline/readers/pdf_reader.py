"""PDF bytes -> ParsedDocument with pdfplumber: ruled tables as rows of cells, the rest as
text lines, all in reading order; drawn checkboxes become ☑/☐ so that extractors see one form."""
from __future__ import annotations

import io
import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Callable, Optional

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import LIT, PSLiteral
from pdfplumber.utils import crop_to_bbox
from pdfplumber.utils.text import chars_to_textmap

from thaikpi.pipeline.text import (
    COMBINING_MARKS, LOST_GLYPH, is_page_number, is_thai_letter, repair_lost_glyphs, text_layer_problem, thai_share,
)
from thaikpi.pipeline.errors import InputError, exception_chain
from thaikpi.pipeline.readers.pdf_actualtext import apply_actual_text
from thaikpi.pipeline.readers.pdf_streams import content_damage
from thaikpi.pipeline.readers.pdf_tables import find_tables
from thaikpi.pipeline.readers.pdf_words import extract_text, extract_words, text_lines
from thaikpi.pipeline.readers.pdfium_layer import FastLayerRefused, page_objects
from thaikpi.pipeline.readers.symbol_fonts import symbol_char, symbol_font
from thaikpi.schemas.parsed import Line, ParsedDocument

CHECKED_BOX, EMPTY_BOX = "☑", "☐"
LINE_TOLERANCE = 3  # points: words whose tops differ less than this share a line
INDENT = 8  # points: a line starting this far right of the text's left edge opens a paragraph


RULE_MIN_WIDTH = 20  # points: a shorter horizontal stroke is not a rule (a dash, a box's side)


@dataclass
class _Item:
    top: float
    x0: float
    line: Optional[Line] = None
    bottom: float = 0.0


PDF_PADDING = b"\x00 \t\r\n\x0c"


def check_pdf_bytes(data: bytes) -> None:
    """Raise InputError for a PDF that cannot be read whole."""
    if not data.strip():
        raise InputError("empty", "the file is empty")
    # A complete PDF ends with %%EOF; padding may follow: whitespace, or NUL bytes to a block's
    # end (files recovered from disks, some download tools)
    if b"%%EOF" not in data.rstrip(PDF_PADDING)[-2048:]:
        raise InputError("truncated", "the PDF is truncated: no %%EOF at its end")


INSIDE_SLACK = 1.0  # points an object may stick out of a box and still be inside it


def _inside(obj: dict, bbox: tuple[float, float, float, float], slack: float = INSIDE_SLACK) -> bool:
    x0, top, x1, bottom = bbox
    return (obj["x0"] >= x0 - slack and obj["x1"] <= x1 + slack
            and obj["top"] >= top - slack and obj["bottom"] <= bottom + slack)


def _outside(objs: list[dict], boxes: list) -> list[dict]:
    """The objects not _inside any of the boxes (_inside's test in a loop of its own: it runs
    for every char of every page with a table)."""
    if not boxes:
        return objs
    slack = INSIDE_SLACK
    boxes = [(x0 - slack, top - slack, x1 + slack, bottom + slack) for x0, top, x1, bottom in boxes]
    kept = []
    for obj in objs:
        x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
        for bx0, btop, bx1, bbottom in boxes:
            if x0 >= bx0 and x1 <= bx1 and top >= btop and bottom <= bbottom:
                break
        else:
            kept.append(obj)
    return kept


def _overlaps(obj: dict, bbox) -> bool:
    return obj["x0"] <= bbox[2] and obj["x1"] >= bbox[0] and obj["top"] <= bbox[3] and obj["bottom"] >= bbox[1]


def _is_white(color) -> bool:
    if color is None:
        return True
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    return all(isinstance(v, (int, float)) and v >= 0.95 for v in values)


CHECKBOX_SIDES = (4, 16)  # points: the sides of a square read as a checkbox


def _by_x0(objs: list[dict]) -> "_SortedChars":
    return _SortedChars(objs, [o["x0"] for o in objs])


def _checkboxes(page) -> list[dict]:
    """Small squares drawn on the page (rectangles, or curves with rounded corners as browsers
    draw form controls), as pseudo-words "☑"/"☐".

    A box is checked when it is filled with a colour, or when a mark clearly smaller than the
    box (a tick, a cross) is drawn inside it; a border drawn just inside is not a mark.
    Nested squares are one box: the outermost is kept.
    """
    shapes = page.rects + page.curves
    low, high = CHECKBOX_SIDES
    squares = [s for s in shapes if low <= s["width"] <= high and abs(s["width"] - s["height"]) < 1.5]
    # Shapes by x0, so that each box tests only the shapes near it: a chart of 14,400 small
    # squares took two minutes with every square tested against every other.
    squares_by_x0 = _by_x0(squares)
    outer = [b for b in squares if not any(
        o is not b and o["width"] > b["width"] and _inside(b, (o["x0"], o["top"], o["x1"], o["bottom"]), 0.5)
        for o in squares_by_x0.between(b["x1"] - high - 0.5, b["x0"] + 0.5, end_included=True))]
    marks_by_x0 = _by_x0(page.lines + page.curves + page.rects)
    boxes = []
    for box in outer:
        bbox = (box["x0"], box["top"], box["x1"], box["bottom"])
        inside = [s for s in squares_by_x0.between(bbox[0] - 0.5, bbox[2] + 0.5, end_included=True)
                  if s is not box and _inside(s, bbox, 0.5)]
        filled = any(bool(s.get("fill")) and not _is_white(s.get("non_stroking_color")) for s in [box, *inside])
        ticked = any(m is not box and _inside(m, bbox) and max(m["width"], m["height"]) < 0.8 * box["width"]
                     for m in marks_by_x0.between(bbox[0] - INSIDE_SLACK, bbox[2] + INSIDE_SLACK, end_included=True))
        boxes.append({"text": CHECKED_BOX if (filled or ticked) else EMPTY_BOX,
                      "x0": box["x0"], "x1": box["x1"], "top": box["top"], "bottom": box["bottom"]})
    return boxes


SCAN_COVERAGE = 0.9  # an image over this share of the page makes it a scan
STRAY_CHARS = 50     # a scan with fewer characters than this has no text layer to speak of


def _image_coverage(page) -> float:
    """Share of the page under its largest image."""
    area = float(page.width * page.height) or 1.0
    best = 0.0
    for im in page.images:
        w = max(0.0, min(im["x1"], page.bbox[2]) - max(im["x0"], page.bbox[0]))
        h = max(0.0, min(im["bottom"], page.bbox[3]) - max(im["top"], page.bbox[1]))
        best = max(best, w * h / area)
    return best


_CID = re.compile(r"^\(cid:\d+\)$")


def map_symbol_glyphs(chars: list[dict], type0_fonts: Callable[[], set[str]]) -> int:
    """Glyphs of a symbol font (Wingdings' ticks, crosses and boxes) as the symbols they are
    (symbol_fonts); `type0_fonts` gives the symbol families of the page's Type0 fonts, asked
    only where a glyph has no Unicode. Returns how many were mapped."""
    families = {name: family for name in {c["fontname"] for c in chars} if (family := symbol_font(name))}
    if not families:
        return 0
    mapped = 0
    glyph_indexed = None
    for char in chars:
        family = families.get(char["fontname"])
        if family is None:
            continue
        if glyph_indexed is None and char["text"].startswith("(cid:"):
            glyph_indexed = type0_fonts()
        symbol = symbol_char(family, char["text"], family in (glyph_indexed or ()))
        if symbol is not None:
            char["text"] = symbol
            mapped += 1
    return mapped


def _type0_symbol_fonts(page) -> set[str]:
    """The symbol_font families of a page's Type0 fonts, by their BaseFont."""
    fonts = resolve1(page.page_obj.resources.get("Font")) or {}
    found = set()
    for spec in fonts.values():
        spec = resolve1(spec)
        if isinstance(spec, dict) and spec.get("Subtype") == LIT("Type0"):
            base = resolve1(spec.get("BaseFont"))
            family = symbol_font(base.name if isinstance(base, PSLiteral) else str(base or ""))
            if family:
                found.add(family)
    return found


def mark_lost_glyphs(chars: list[dict]) -> int:
    """Glyphs beside Thai letters that carry no text: U+FFFD or (cid:N) after or before a Thai
    letter, a zero-width space between two (a real space has width). Their text becomes
    LOST_GLYPH, for repair_lost_glyphs."""
    marked = 0
    for i, char in enumerate(chars):
        text = char["text"]
        unmapped = text == "\ufffd" or (text[:5] == "(cid:" and _CID.match(text))
        if not unmapped and not (text == " " and char["width"] < 0.3):
            continue
        before = is_thai_letter(chars[i - 1]["text"][-1:] or " ") if i > 0 else False
        after = is_thai_letter(chars[i + 1]["text"][:1] or " ") if i + 1 < len(chars) else False
        if (unmapped and (before or after)) or (not unmapped and before and after):
            char["text"] = LOST_GLYPH
            marked += 1
    return marked


_MARKS = set(COMBINING_MARKS)


def anchor_marks(chars: list[dict]) -> int:
    """Put each combining mark right after its base letter in x order.

    With positioned marks a mark's x0 can fall past the next letter's, and sorting by x then
    reads "วสิ ัย" for "วิสัย". In the content stream a mark follows its base, so a mark drawn
    over the letter before it takes that letter's x0 (a hair more) and x1: it sorts after its
    base and opens no gap that would split the word."""
    moved = 0
    base, stacked = None, 0
    for char in chars:
        text = char["text"]
        if len(text) == 1 and text in _MARKS:
            if (base is not None and abs(char["top"] - base["top"]) < 3
                    and base["x0"] - 3 <= char["x0"] <= base["x1"] + 3):
                stacked += 1  # marks stacked on one base keep their stream order
                char["x0"], char["x1"] = base["x0"] + 0.001 * stacked, base["x1"]
                moved += 1
        elif text and is_thai_letter(text[-1]):
            base, stacked = char, 0
        else:
            base = None
    return moved


def _repair_line(line: Line) -> tuple[Line, int]:
    cells, count = [], 0
    for cell in line.cells:
        fixed, n = repair_lost_glyphs(cell)
        cells.append(fixed)
        count += n
    words = tuple((x0, x1, repair_lost_glyphs(w)[0]) for x0, x1, w in line.words)
    return replace(line, cells=tuple(cells), words=words), count


DUPLICATE_TOLERANCE = 1.0  # points: the same glyph drawn again this close is fake bold


def overprinted_chars(chars: list[dict]) -> set[int]:
    """ids of glyphs drawn again on top of themselves (fake bold: each line drawn twice, a
    fraction of a point apart). Most pages have none: a test over the whole page in set
    operations (_may_have_twins) lets only the pages where a twin is possible pay for the
    rule (_twins)."""
    return _twins(chars) if _may_have_twins(chars) else set()


# Cells of the tolerance's size, numbered as one integer: text, then column, then row.
_TWIN_KEY = 1 << 20


def _may_have_twins(chars: list[dict]) -> bool:
    """False only where no two glyphs of one text lie within DUPLICATE_TOLERANCE of each
    other. Two such glyphs lie in the same cell or in neighbouring ones of a grid of the
    tolerance's size (int() truncates: a cell's index moves by at most one over less than a
    cell), and a key linear in the cell's numbers makes the step between their keys one of
    0, ±1, ±(K-1), ±K, ±(K+1) whatever the numbers are: a coordinate far off the page can make
    a false alarm, never a missed twin. The rule costs about 4 µs a char here; this, under 2."""
    K = _TWIN_KEY
    scale = 1 / DUPLICATE_TOLERANCE
    ids: dict[str, int] = {}
    number = ids.setdefault
    keys = [(number(text, len(ids)) * K + int(c["x0"] * scale)) * K + int(c["top"] * scale)
            for c in chars if not (text := c["text"]).isspace()]
    present = set(keys)
    if len(present) < len(keys):
        return True
    return any(not present.isdisjoint(map(step.__add__, keys)) for step in (1, K - 1, K, K + 1))


def _twins(chars: list[dict]) -> set[int]:
    """The fake-bold rule: a glyph within DUPLICATE_TOLERANCE of an earlier, kept glyph of
    the same text is dropped. A grid of cells twice the tolerance wide finds them in linear
    time; pdfplumber's dedupe_chars does the same work quadratically."""
    dropped: set[int] = set()
    # A twin lies in one of the two cells, each way, that the char's tolerance reaches into.
    size = 2 * DUPLICATE_TOLERANCE
    grid: dict[tuple, list[dict]] = {}
    get = grid.get
    for char in chars:
        text = char["text"]
        if text.isspace():
            continue
        x, top = char["x0"], char["top"]
        left, right = int((x - DUPLICATE_TOLERANCE) // size), int((x + DUPLICATE_TOLERANCE) // size)
        up, down = int((top - DUPLICATE_TOLERANCE) // size), int((top + DUPLICATE_TOLERANCE) // size)
        twin = False
        for key in ((text, left, up), (text, right, up), (text, left, down), (text, right, down)):
            for k in get(key, ()):
                if abs(k["x0"] - x) < DUPLICATE_TOLERANCE and abs(k["top"] - top) < DUPLICATE_TOLERANCE:
                    twin = True
        if twin:
            dropped.add(id(char))
        else:
            grid.setdefault((text, int(x // size), int(top // size)), []).append(char)
    return dropped


def mark_rules(text_items: list[_Item], rules: list[tuple[float, float, float]]) -> None:
    """A text line with a horizontal rule (top, x0, x1) between it and the text line above
    gets rule_above: in a table ruled between rows only, the rule is where a row begins."""
    previous_bottom = 0.0
    for it in sorted(text_items, key=lambda i: i.top):
        x0, x1 = it.line.words[0][0], it.line.words[-1][1]
        if any(previous_bottom - 1 <= top <= it.top + 1 and rx0 < x1 and rx1 > x0 for top, rx0, rx1 in rules):
            it.line = replace(it.line, rule_above=True)
        previous_bottom = max(previous_bottom, it.bottom)


def drop_page_numbers(items: list[_Item]) -> list[_Item]:
    """A page's number printed above or below everything else on it ("- 2 -", "หน้า 2") is
    not the report's text: inside a table broken across pages it would join a cell."""
    if not items:
        return items
    ends = {id(min(items, key=lambda i: i.top)), id(max(items, key=lambda i: i.top))}
    return [it for it in items if not (id(it) in ends and it.line.table is None and is_page_number(it.line.text))]


def _words_to_lines(words: list[dict], page_number: int) -> list[_Item]:
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    groups: list[list[dict]] = []
    for word in words:
        if groups and abs(word["top"] - groups[-1][0]["top"]) < LINE_TOLERANCE:
            groups[-1].append(word)
        else:
            groups.append([word])
    starts = [round(min(w["x0"] for w in g)) for g in groups]
    # The left margin is the leftmost start that several lines share (in a page of short
    # paragraphs most lines are indented first lines); an indented line opens a paragraph.
    shared = [s for s in set(starts) if starts.count(s) >= 2]
    margin = min(shared) if shared else (min(starts) if starts else 0)
    items = []
    for group, start in zip(groups, starts):
        group.sort(key=lambda w: w["x0"])
        text = " ".join(w["text"] for w in group)
        items.append(_Item(top=group[0]["top"], x0=group[0]["x0"], bottom=max(w["bottom"] for w in group),
                           line=Line(cells=(text,), page=page_number,
                                     paragraph_start=start > margin + INDENT,
                                     words=tuple((w["x0"], w["x1"], w["text"]) for w in group))))
    return items


def _tables_beside_checkboxes(page, checkboxes: list[dict]) -> list:
    """Ruled tables, found without the checkboxes' squares: a box drawn just above a table
    would snap to its top rule and pull the line of round boxes into its first cell, to be
    read twice (once as that line, once in the cell)."""
    if not checkboxes:
        return find_tables(page)
    boxes = _by_x0(checkboxes)
    reach = CHECKBOX_SIDES[1] + 0.5  # a box holding an object starts at most this far left of its right edge
    return find_tables(page.filter(lambda obj: obj.get("object_type") not in ("rect", "curve", "line") or not any(
        _inside(obj, (b["x0"], b["top"], b["x1"], b["bottom"]), 0.5)
        for b in boxes.between(obj["x1"] - reach, obj["x0"] + 0.5, end_included=True))))


class _SortedChars:
    """Chars sorted by one number each (`keys`, in the chars' order), to take those whose
    number lies in a span without testing every char."""

    def __init__(self, chars: list[dict], keys: list[float]):
        self.chars = chars
        self.order = sorted(range(len(chars)), key=keys.__getitem__)
        self.keys = [keys[i] for i in self.order]

    def between(self, start: float, end: float, end_included: bool = False) -> list[dict]:
        """The chars whose number is in [start, end) ([start, end] with `end_included`), in
        their order."""
        stop = (bisect_right if end_included else bisect_left)(self.keys, end)
        return [self.chars[i] for i in sorted(self.order[bisect_left(self.keys, start):stop])]


class _CharsByTop(_SortedChars):
    """A table's chars sorted by top, to take those that may overlap a cell without testing
    every char of the table for every cell."""

    def __init__(self, chars: list[dict]):
        super().__init__(chars, [c["top"] for c in chars])
        # a char reaches at most this far below its top (a point more against float noise)
        self.reach = max((c["bottom"] - c["top"] for c in chars), default=0.0) + 1.0

    def overlapping(self, bbox) -> list[dict]:
        """The chars that _overlaps the box, in their order."""
        return [c for c in self.between(bbox[1] - self.reach, bbox[3], end_included=True) if _overlaps(c, bbox)]


def _clipped(chars: list[dict], bbox) -> list[dict]:
    """pdfplumber's crop_to_bbox with the keys pdf_words reads: the chars that overlap the
    box (touching it counts, a point does not), cut to it."""
    bx0, btop, bx1, bbottom = bbox
    cut = []
    for c in chars:
        x0, x1, top, bottom = max(c["x0"], bx0), min(c["x1"], bx1), max(c["top"], btop), min(c["bottom"], bbottom)
        if x1 - x0 >= 0 and bottom - top >= 0 and (x1 - x0) + (bottom - top) > 0:
            cut.append({"text": c["text"], "x0": x0, "x1": x1, "top": top, "bottom": bottom, "upright": c["upright"]})
    return cut


def _cell_text(chars: _CharsByTop, bbox, text: str) -> str:
    """A wrapped cell's text with its paragraph breaks: an indented line opens a paragraph,
    marked by an empty line; other newlines are wraps. `chars` are the table's (the cell is
    cut from them as page.crop would, without cropping every object on the page)."""
    if "\n" not in text or bbox is None:
        return text
    near = chars.overlapping(bbox)
    lines = text_lines(_clipped(near, bbox))
    if lines is None:
        lines = [(line["text"], line["x0"]) for line in
                 chars_to_textmap(crop_to_bbox(near, bbox)).extract_text_lines(strip=True)]
    if len(lines) < 2:
        return text
    left = min(x0 for _, x0 in lines)
    parts = []
    for line, x0 in lines:
        if parts and x0 > left + INDENT:
            parts.append("")
        parts.append(line)
    return "\n".join(parts)


def _midpoint_in(char: dict, bbox) -> bool:
    """Table.extract's rule for a char in a cell (a function nested inside it in pdfplumber)."""
    h_mid, v_mid = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return bbox[0] <= h_mid < bbox[2] and bbox[1] <= v_mid < bbox[3]


def _by_midpoint(chars: list[dict], low: str, high: str) -> _SortedChars:
    """Chars sorted by their midpoint along one axis (between keys `low` and `high`)."""
    return _SortedChars(chars, [(c[low] + c[high]) / 2 for c in chars])


def table_rows(rows: list, box, chars: list[dict]) -> list[list[Optional[str]]]:
    """pdfplumber's Table.extract for a table's `rows` (Table.rows) within its `box`, the same
    text, without testing every char of the page against every cell: the table's chars are
    sorted by height once and each row takes its slice, then the row's by width and each cell
    takes its slice (in page order, which the text extraction relies on)."""
    by_height = _by_midpoint([c for c in chars if _midpoint_in(c, box)], "top", "bottom")
    texts = []
    for row in rows:
        box = row.bbox  # a property that recomputes itself
        row_chars = [c for c in by_height.between(box[1], box[3]) if _midpoint_in(c, box)]
        by_width = _by_midpoint(row_chars, "x0", "x1")
        cells: list[Optional[str]] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            cell_chars = [c for c in by_width.between(cell[0], cell[2]) if _midpoint_in(c, cell)]
            cells.append(extract_text(cell_chars) if cell_chars else "")
        texts.append(cells)
    return texts


def _open_error(exc: BaseException, data: bytes) -> InputError:
    """The reason a PDF would not open, from pdfminer's exception (wrapped by pdfplumber)."""
    chain = exception_chain(exc)
    if any(isinstance(e, MemoryError) for e in chain):
        raise MemoryError from exc
    if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in chain) or (
            b"/Encrypt" in data[-4096:] and not str(exc).strip()):
        return InputError("encrypted", "the PDF is encrypted and cannot be opened without its password")
    detail = next((f"{type(e).__name__}: {e}" for e in reversed(chain) if str(e).strip()), type(exc).__name__)
    return InputError("damaged", f"the PDF cannot be parsed ({detail})")


# pdfium is not thread-safe; a Dask worker may run several tasks in threads of one process.
_PDFIUM_LOCK = threading.Lock()


def _open_pdfium(data: bytes, pages: int) -> Optional[pdfium.PdfDocument]:
    try:
        with _PDFIUM_LOCK:
            doc = pdfium.PdfDocument(data)
            if len(doc) == pages:
                return doc
            doc.close()
    except pdfium.PdfiumError:
        pass
    return None


def _fast_objects(pdfium_doc: pdfium.PdfDocument, page) -> dict:
    """The page's objects from pdfium (pdfium_layer); FastLayerRefused sends the page
    through pdfminer."""
    with _PDFIUM_LOCK:
        pdfium_page = pdfium_doc[page.page_number - 1]
        try:
            return page_objects(pdfium_page, page)
        finally:
            pdfium_page.close()


def read_pdf(data: bytes, max_pages: Optional[int] = None, fast_layer: bool = True) -> ParsedDocument:
    """Lines and table rows of a PDF. With `fast_layer`, each page's objects come from pdfium
    where it reads the page as pdfminer does (ten times faster); the lines are the same, but
    for a space glyph that the next glyph overprints, which pdfium drops."""
    check_pdf_bytes(data)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        raise _open_error(exc, data)
    pdfium_doc = _open_pdfium(data, len(pages)) if fast_layer else None
    try:
        with pdf:
            return _read_pages(pdf, pages[:max_pages] if max_pages else pages, pdfium_doc)
    finally:
        if pdfium_doc is not None:
            with _PDFIUM_LOCK:
                pdfium_doc.close()


def _read_pages(pdf, pages, pdfium_doc: Optional[pdfium.PdfDocument]) -> ParsedDocument:
    doc = ParsedDocument(format="pdf", pages=len(pdf.pages))
    next_table = 0
    for page in pages:
        try:
            next_table = _read_page(doc, page, pdfium_doc, next_table)
        finally:
            # pdfplumber keeps every page it made, and each its objects until closed: a file of
            # thousands of pages held them all (2.1 GB at 1,000 pages; 2,000 passed a worker's limit)
            page.close()
    return doc


def _read_page(doc: ParsedDocument, page, pdfium_doc: Optional[pdfium.PdfDocument], next_table: int) -> int:
    """Adds one page's lines and findings to `doc`; returns the number of the next table."""
    number = page.page_number
    if damage := content_damage(page.page_obj):
        doc.damaged_pages[number] = damage
    if pdfium_doc is not None:
        try:
            page._objects = _fast_objects(pdfium_doc, page)  # pdfplumber's cache of the page's objects
        except FastLayerRefused as why:
            doc.pdfminer_pages[number] = str(why)
    else:
        doc.pdfminer_pages[number] = "no fast layer for this file"
    # Text drawn outside the page box is not on the page.
    page = page.crop(page.bbox) if page.bbox != page.mediabox else page
    # Browser-printed pages carry their true text in ActualText spans; the chars that
    # remain get the glyph rules (lost glyphs, mark order), then glyphs overprinted for
    # fake bold are dropped. Geometry stays pdfplumber's.
    chars = page.chars
    dropped = apply_actual_text(chars)
    kept = [c for c in chars if id(c) not in dropped]
    map_symbol_glyphs(kept, lambda: _type0_symbol_fonts(page))
    lost = mark_lost_glyphs(kept)
    anchor_marks(kept)
    dropped |= overprinted_chars(kept)
    if dropped:
        # only chars are dropped: page.filter would test every object of the page
        page._objects = {**page.objects, "char": [c for c in chars if id(c) not in dropped]}
    checkboxes = _checkboxes(page)
    tables = _tables_beside_checkboxes(page, checkboxes)
    table_boxes = [t.bbox for t in tables]
    items: list[_Item] = []
    for table, table_box in zip(tables, table_boxes):
        geometry = table.rows  # a property that regroups the cells each time
        rows = table_rows(geometry, table_box, page.chars)
        near = _CharsByTop([c for c in page.chars if _overlaps(c, table_box)])
        table_id = next_table
        next_table += 1
        for row, cells_geometry in zip(rows, geometry):
            cells = tuple(_cell_text(near, box, (c or "").strip())
                          for c, box in zip(row, cells_geometry.cells))
            if any(cells):
                top = cells_geometry.bbox[1]
                items.append(_Item(top=top, x0=table_box[0],
                                   line=Line(cells=cells, page=number, table=table_id)))
    words = extract_words(_outside(page.chars, table_boxes), x_tolerance=1.5)
    words += _outside(checkboxes, table_boxes)
    text_items = _words_to_lines(words, number)
    rules = [e for e in page.edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= RULE_MIN_WIDTH]
    mark_rules(text_items, [(e["top"], e["x0"], e["x1"]) for e in _outside(rules, table_boxes)])
    items = drop_page_numbers(items + text_items)
    if lost:
        repaired = 0
        for it in items:
            it.line, n = _repair_line(it.line)
            repaired += n
        if repaired:
            doc.repaired_pages[number] = repaired
    text = "\n".join(it.line.text for it in items)
    scanned = _image_coverage(page) >= SCAN_COVERAGE
    if number in doc.damaged_pages:
        pass  # its text is lost to the damage, not missing: flagged as such
    elif (not words and not tables) or (scanned and len(page.chars) < STRAY_CHARS):
        doc.pages_without_text.append(number)
    elif scanned and len(text.strip()) >= 40 and thai_share(text) < 0.2:
        doc.garbled_pages[number] = "the text layer over this scanned page is not Thai (OCR that read Thai as Latin)"
    elif problem := text_layer_problem(text):
        doc.garbled_pages[number] = problem
    items.sort(key=lambda it: (it.top, it.x0))
    doc.lines.extend(it.line for it in items)
    return next_table
