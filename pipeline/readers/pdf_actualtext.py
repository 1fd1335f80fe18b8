"""Honour /ActualText spans in PDFs, which pdfminer ignores.

A browser's print-to-PDF (Chromium/Skia) shapes Thai: glyphs for shifted vowels, tone marks
and ligatures map to U+0000 in the font's ToUnicode, and the true text of each cluster is in
a marked-content span `/Span <</ActualText (...)>> BDC ... EMC` (../shared/THAI_TEXT.md).
pdfplumber already tags every char with its marked-content id through an aggregator; this
module extends that aggregator to remember the innermost ActualText span of each char, and
`apply_actual_text` then gives each span's text to its first char and drops the others, so
words, lines and table cells read what the page shows. Geometry stays pdfplumber's.
"""
from __future__ import annotations

from typing import Optional

import pdfplumber.page as plumber_page
from pdfminer.utils import decode_text

SPAN_ATTR, TEXT_ATTR = "actual_text_span", "actual_text"


class ActualTextAggregator(plumber_page.PDFPageAggregatorWithMarkedContent):
    """pdfplumber's marked-content aggregator, plus the innermost ActualText of each object."""

    def _actual_text_stack_(self) -> list:
        if not hasattr(self, "_actual_text_stack"):
            self._actual_text_stack: list[Optional[tuple[int, str]]] = []
            self._actual_text_spans = 0
        return self._actual_text_stack

    def begin_tag(self, tag, props=None) -> None:
        super().begin_tag(tag, props)
        stack = self._actual_text_stack_()
        entry = None
        if isinstance(props, dict) and "ActualText" in props:
            raw = props["ActualText"]
            text = decode_text(raw) if isinstance(raw, bytes) else str(raw)
            self._actual_text_spans += 1
            entry = (self._actual_text_spans, text)
        stack.append(entry)

    def end_tag(self) -> None:
        super().end_tag()
        stack = self._actual_text_stack_()
        if stack:
            stack.pop()

    def tag_cur_item(self) -> None:
        super().tag_cur_item()
        span = next((e for e in reversed(self._actual_text_stack_()) if e is not None), None)
        if span is not None and self.cur_item._objs:
            obj = self.cur_item._objs[-1]
            setattr(obj, SPAN_ATTR, span[0])
            setattr(obj, TEXT_ATTR, span[1])


def install() -> None:
    """Make pdfplumber use the aggregator above and keep its two attributes on chars.

    pdfplumber builds its aggregator from this module-level name and copies only the
    attributes listed in ALL_ATTRS; tests/test_pdf_actualtext.py fails if either changes.
    """
    plumber_page.PDFPageAggregatorWithMarkedContent = ActualTextAggregator
    plumber_page.ALL_ATTRS = set(plumber_page.ALL_ATTRS) | {SPAN_ATTR, TEXT_ATTR}


def apply_actual_text(chars: list[dict]) -> set[int]:
    """Rewrite the chars of each ActualText span: the first carries the span's text and the
    span's extent; the others are returned (by id) to be dropped."""
    spans: dict[int, list[dict]] = {}
    for char in chars:
        span = char.get(SPAN_ATTR)
        if span is not None:
            spans.setdefault(span, []).append(char)
    dropped: set[int] = set()
    for members in spans.values():
        first = members[0]
        first["text"] = first[TEXT_ATTR]
        if len(members) > 1:
            first["x0"] = min(c["x0"] for c in members)
            first["x1"] = max(c["x1"] for c in members)
            first["width"] = first["x1"] - first["x0"]
            dropped.update(id(c) for c in members[1:])
    return dropped


install()
