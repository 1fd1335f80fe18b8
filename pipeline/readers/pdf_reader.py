"""PDF bytes -> ParsedDocument with pdfplumber: ruled tables as rows of cells, the rest as
text lines, all in reading order; drawn checkboxes become ☑/☐ so that extractors see one form.

The steps of a page live in modules of their own: where its objects come from
(pdf_page_objects: pdfium or pdfminer, with pdf_actualtext), the glyph rules
(pdf_glyph_repairs), checkboxes (pdf_checkboxes), table cells (pdf_cells), text lines
(pdf_lines), text typed as annotations (pdf_annotations) and the pages whose text is missing
or garbled (pdf_pages). The tolerances are ReaderSettings' (pipeline/settings.py)."""
from __future__ import annotations

import functools
import io
import numbers
from typing import Optional

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all

from thaikpi.pipeline.errors import InputError, exception_chain, one_line, parser_failure
from thaikpi.pipeline.readers.pdf_actualtext import apply_actual_text
from thaikpi.pipeline.readers.pdf_annotations import filled_leaders, page_annotation_chars
from thaikpi.pipeline.readers.pdf_cells import CharsByMidpoint, CharsByTop, cell_text, filled_rows, table_rows
from thaikpi.pipeline.readers.pdf_checkboxes import checkboxes, tables_beside_checkboxes
from thaikpi.pipeline.readers.pdf_edges import page_edges
from thaikpi.pipeline.readers.pdf_geometry import outside, outside_boxes
from thaikpi.pipeline.readers.pdf_glyph_repairs import (
    anchor_marks, map_symbol_glyphs, mark_lost_glyphs, overprinted_chars, repair_line, type0_symbol_fonts,
)
from thaikpi.pipeline.readers.pdf_lines import Item, drop_page_numbers, mark_rules, words_to_lines
from thaikpi.pipeline.readers.pdf_paragraphs import mark_paragraphs
from thaikpi.pipeline.readers.pdf_page_objects import ObjectsPage, close_pdfium, open_pdfium, read_objects, release
from thaikpi.pipeline.readers.pdf_pages import flag_page_text
from thaikpi.pipeline.readers.pdf_streams import content_damage
from thaikpi.pipeline.readers.pdf_words import extract_words
from thaikpi.pipeline.settings import ReaderSettings
from thaikpi.schemas.parsed import Line, ParsedDocument

DEFAULT_SETTINGS = ReaderSettings()
PDF_PADDING = b"\x00 \t\r\n\x0c"


def check_pdf_bytes(data: bytes) -> None:
    """Raise InputError for a PDF that cannot be read whole."""
    if not data.strip():
        raise InputError("empty", "the file is empty")
    # A complete PDF ends with %%EOF; padding may follow: whitespace, or NUL bytes to a block's
    # end (files recovered from disks, some download tools)
    if b"%%EOF" not in data.rstrip(PDF_PADDING)[-2048:]:
        raise InputError("truncated", "the PDF is truncated: no %%EOF at its end")


def _open_error(exc: BaseException, data: bytes) -> InputError:
    """The reason a PDF would not open, from pdfminer's exception (wrapped by pdfplumber)."""
    chain = exception_chain(exc)
    if any(isinstance(e, MemoryError) for e in chain):
        raise MemoryError from exc
    if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in chain) or (
            b"/Encrypt" in data[-4096:] and not str(exc).strip()):
        return InputError("encrypted", "the PDF is encrypted and cannot be opened without its password")
    return InputError("damaged", f"the PDF cannot be parsed ({one_line(exc)})")


def read_pdf(data: bytes, max_pages: Optional[int] = None, fast_layer: bool = True,
             settings: ReaderSettings = DEFAULT_SETTINGS) -> ParsedDocument:
    """Lines and table rows of a PDF. With `fast_layer`, each page's objects come from pdfium
    where it reads the page as pdfminer does (ten times faster); the lines are the same, but
    for a space glyph that the next glyph overprints, which pdfium drops."""
    check_pdf_bytes(data)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = plumber_pages(pdf)
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        raise _open_error(exc, data)
    pdfium_doc = open_pdfium(data, len(pages)) if fast_layer else None
    try:
        return _read_pages(pdf, pages[:max_pages] if max_pages else pages, pdfium_doc, settings)
    finally:
        # not pdf.close(), which asks pdf.pages again after dropping them; _read_pages closes
        # each page it reads, and a page not read holds nothing
        pdf.flush_cache()
        if pdfium_doc is not None:
            close_pdfium(pdfium_doc)


def plumber_pages(pdf: pdfplumber.PDF) -> list[Page]:
    """pdf.pages, where a page whose MediaBox is missing or not four numbers (the spec
    requires one; pdfplumber then fails on the whole file) gets pdfminer's default, US
    Letter, which pdfium and viewers also assume: the page is read, not the file lost."""
    pages, doctop = [], 0.0
    try:
        for number, page_obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            if not _is_box(resolve_all(page_obj.attrs.get("MediaBox"))):
                page_obj.attrs["MediaBox"] = list(page_obj.mediabox)
            page = Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
            pages.append(page)
            doctop += page.height
    except Exception as exc:
        raise PdfminerException(exc) from exc  # as pdf.pages raises it
    pdf._pages = pages  # what pdf.pages returns from now on (pdfplumber caches its pages there)
    return pages


def _is_box(value) -> bool:
    return isinstance(value, (list, tuple)) and len(value) == 4 and all(isinstance(v, numbers.Number) for v in value)


def _read_pages(pdf, pages, pdfium_doc: Optional[pdfium.PdfDocument],
                settings: ReaderSettings = DEFAULT_SETTINGS) -> ParsedDocument:
    doc = ParsedDocument(format="pdf", pages=len(pdf.pages))
    next_table, unparsed = 0, []
    for page in pages:
        try:
            next_table = _read_page(doc, page, pdfium_doc, next_table, settings)
        except Exception as exc:
            if not _page_damage(exc):
                raise
            # a page the parser cannot read is flagged; the pages around it are kept
            doc.damaged_pages[page.page_number] = f"the parser stopped on it ({one_line(exc)})"
            unparsed.append(page.page_number)
        finally:
            # The page's objects are the reader's (ObjectsPage), let go with it; close() drops
            # whatever else pdfplumber cached on the page. Pages that kept their objects held
            # them all (2.1 GB at 1,000 pages; 2,000 passed a worker's limit).
            page.close()
    if pages and len(unparsed) == len(pages):
        raise InputError("damaged", f"no page of the PDF can be parsed: {doc.damaged_pages[unparsed[0]]}")
    doc.lines = mark_paragraphs(doc.lines)
    return doc


def _page_damage(exc: Exception) -> bool:
    """A page's exception that is the file's damage: raised by the parser, and not an
    allocation that failed (the worker's memory limit: the whole file fails as "memory")."""
    return parser_failure(exc) and not any(isinstance(e, (MemoryError, SystemError)) for e in exception_chain(exc))


def _glyph_rules(page: ObjectsPage, settings: ReaderSettings) -> tuple[ObjectsPage, int]:
    """The page with its chars read as the page shows them, and how many lost glyphs were
    marked. Browser-printed pages carry their true text in ActualText spans; the chars that
    remain get the glyph rules (symbol fonts, lost glyphs, mark order), then glyphs overprinted
    for fake bold are dropped. Geometry stays pdfplumber's."""
    chars = page.chars
    dropped = apply_actual_text(chars)
    kept = [c for c in chars if id(c) not in dropped] if dropped else list(chars)
    map_symbol_glyphs(kept, lambda: type0_symbol_fonts(page))
    lost = mark_lost_glyphs(kept, settings.zero_width)
    anchor_marks(kept, settings.mark_reach)
    dropped |= overprinted_chars(kept, settings.duplicate_tolerance)
    if dropped:
        # only chars are dropped: page.filter would test every object of the page
        page = ObjectsPage(page, {**page.objects, "char": [c for c in chars if id(c) not in dropped]})
    return page, lost


def _table_items(page, tables: list, number: int, next_table: int, settings: ReaderSettings) -> list[Item]:
    """The rows of the page's tables, numbered from `next_table`, as items at their tops."""
    items: list[Item] = []
    if not tables:
        return items
    # the page's chars sorted once for all its tables: by midpoint for the cells' text, and
    # by top for the lines of wrapped cells, where there is one (a cell's chars are the
    # page's that overlap it)
    by_midpoint, by_top = CharsByMidpoint(page.chars), functools.cache(lambda: CharsByTop(page.chars))
    for table_id, table in enumerate(tables, start=next_table):
        # Table.rows, a property that regroups the cells each time; an open row's columns filled
        geometry = filled_rows(table.rows, by_midpoint)
        rows = table_rows(geometry, by_midpoint, settings.cell_x_tolerance, settings.cell_y_tolerance)
        x0 = table.bbox[0]
        for row, cells_geometry in zip(rows, geometry):
            cells = tuple(cell_text(by_top, box, (c or "").strip(), settings.indent,
                                    settings.cell_x_tolerance, settings.cell_y_tolerance)
                          for c, box in zip(row, cells_geometry.cells))
            if any(cells):
                items.append(Item(top=cells_geometry.bbox[1], x0=x0,
                                  line=Line(cells=cells, page=number, table=table_id)))
    return items


def _ghost_marks(line: Line, zero_width: float) -> bool:
    """A line of Thai of no width: marks with no letter to sit on. Chromium paints the upper
    marks of the line it moves to the next page at the foot of this one too ("ตั้" alone).
    (Other text of no width is kept: a standard font with no metrics in pdfminer, "αβ".)"""
    return (all(x1 - x0 < zero_width for x0, x1, _ in line.words)
            and all("\u0e00" <= ch <= "\u0e7f" or ch.isspace() for ch in line.text))


def _read_page(doc: ParsedDocument, page, pdfium_doc: Optional[pdfium.PdfDocument], next_table: int,
               settings: ReaderSettings) -> int:
    """Adds one page's lines and findings to `doc`; returns the number of the next table."""
    number = page.page_number
    if damage := content_damage(page.page_obj):
        doc.damaged_pages[number] = damage
    page, slow_why = read_objects(page, pdfium_doc)
    try:
        if slow_why is not None:
            doc.pdfminer_pages[number] = slow_why
        # Text drawn outside the page box is not on the page.
        page = page.crop(page.bbox) if page.bbox != page.mediabox else page
        page, lost = _glyph_rules(page, settings)
        # Text typed as annotations (a filled-in form) joins the page's chars after the glyph
        # rules, which are for the content's glyphs, and before tables and lines are built.
        if typed := page_annotation_chars(page, settings):
            filled = filled_leaders(page.chars, typed)
            chars = [c for c in page.chars if id(c) not in filled]
            page = ObjectsPage(page, {**page.objects, "char": chars + typed})
        # Triage: a page that draws no line, rect or curve (prose) has no checkbox, table or rule
        shapes = bool(page.lines or page.rects or page.curves)
        edges = page_edges(page.lines, page.rects, page.curves) if shapes else ([], [])
        boxes = checkboxes(page, settings) if shapes else []
        tables = tables_beside_checkboxes(page, boxes, settings, edges)
        table_boxes = [t.bbox for t in tables]
        slack = settings.inside_slack
        items = _table_items(page, tables, number, next_table, settings)
        next_table += len(tables)
        words = extract_words(outside(page.chars, table_boxes, slack), x_tolerance=settings.word_x_tolerance)
        words += outside(boxes, table_boxes, slack)
        text_items = words_to_lines(words, number, settings.line_tolerance, settings.indent)
        text_items = [it for it in text_items if not _ghost_marks(it.line, settings.zero_width)]
        rules = [e for e in edges[0] if e[2] - e[0] >= settings.rule_min_width]
        mark_rules(text_items, [(top, x0, x1) for x0, top, x1, _, _ in outside_boxes(rules, table_boxes, slack)])
        items = drop_page_numbers(items + text_items)
        if lost:
            repaired = 0
            for it in items:
                it.line, n = repair_line(it.line)
                repaired += n
            if repaired:
                doc.repaired_pages[number] = repaired
        text = "\n".join(it.line.text for it in items)
        flag_page_text(doc, number, page, bool(words or tables), text, settings)
        items.sort(key=lambda it: (it.top, it.x0))
        doc.lines.extend(it.line for it in items)
        return next_table
    finally:
        release(page)  # the page's objects, and its derived pages', freed now (see release)
