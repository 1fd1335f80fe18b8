"""What a reader hands an extractor: the document as lines of cells, in reading order.

A PDF's text line or an HTML paragraph is a Line with one cell; a table row is a Line with
one cell per column. Rows of one table share a `table` number. This keeps the extractors
independent of the file format: they see the same lines whether the report was a PDF or HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Line:
    cells: tuple[str, ...]
    page: int
    table: Optional[int] = None  # rows of the same table share this number
    # The reader knows a paragraph starts here (an HTML block, an indented PDF line). Inside a
    # cell, a known paragraph break is an empty line; a single newline is a wrap.
    paragraph_start: bool = False
    # A PDF text line's words with their horizontal extent: (x0, x1, text). Lets an extractor
    # read a table drawn without rules from the alignment of its columns.
    words: tuple[tuple[float, float, str], ...] = ()
    # A PDF text line with a horizontal rule drawn just above it: in a table ruled between
    # rows only, a rule is where a row begins.
    rule_above: bool = False
    # A PDF text line's top (points, measured down; its words' most common top): the gap to
    # the line above says where a paragraph's spacing is.
    top: Optional[float] = None

    @property
    def text(self) -> str:
        return "\t".join(c for c in self.cells)


@dataclass
class ParsedDocument:
    format: str
    pages: int
    lines: list[Line] = field(default_factory=list)
    # Page numbers whose text layer is empty (scans); filled by the reader.
    pages_without_text: list[int] = field(default_factory=list)
    # Pages whose text layer cannot be trusted: page -> why (thaikpi.pipeline.text.text_layer_problem).
    garbled_pages: dict[int, str] = field(default_factory=dict)
    # Pages whose content streams do not decode whole (pipeline/readers/pdf_streams.py): page -> why.
    damaged_pages: dict[int, str] = field(default_factory=dict)
    # Pages where lost glyphs were filled by word frequency: page -> how many.
    repaired_pages: dict[int, int] = field(default_factory=dict)
    # PDF pages read by pdfminer rather than pdfium (pipeline/readers/pdfium_layer.py): page -> why.
    pdfminer_pages: dict[int, str] = field(default_factory=dict)
    # What an extractor derived from this document and will need again (detect() reads the
    # document, extract() takes what it read): scoped to the document, gone with it.
    derived: dict = field(default_factory=dict, compare=False, repr=False)
    # How each page's text was read, for the pages not read from a sound text layer:
    # page -> "repaired", "ocr" or "blank" (pipeline/readers/ocr.py); the rest are "text_layer".
    text_sources: dict[int, str] = field(default_factory=dict)
    # OCR'd pages: page -> mean word confidence (0-100, Tesseract's).
    ocr_confidence: dict[int, float] = field(default_factory=dict)
    # Why pages that needed OCR were not OCR'd (Tesseract missing), said in their flags.
    ocr_unavailable: str = ""
    # An HTML page decoded with replacement characters: (how many, the first's byte offset, codec).
    encoding_repairs: Optional[tuple[int, int, str]] = None
