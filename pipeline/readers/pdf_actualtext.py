"""Honour /ActualText spans in PDFs, which pdfminer ignores.

A browser's print-to-PDF (Chromium/Skia) shapes Thai: glyphs for shifted vowels, tone marks
and ligatures map to U+0000 in the font's ToUnicode, and the true text of each cluster is in
a marked-content span `/Span <</ActualText (...)>> BDC ... EMC` (../shared/THAI_TEXT.md).
pdfplumber tags every object with its marked-content id through an aggregator; the reader
reads a page through ActualTextAggregator, a subclass of it that also records the innermost
ActualText span of each object, and `pdfminer_objects` gives the page's objects as
pdfplumber's Page.objects would, the chars of a span tagged with it (SPAN_ATTR, TEXT_ATTR).
`apply_actual_text` then gives each span's text to its first char and drops the others, so
words, lines and table cells read what the page shows. Geometry stays pdfplumber's.

Nothing of pdfplumber or pdfminer is changed: the aggregator is passed to pdfminer's
interpreter explicitly, and the tags are added to the dicts pdfplumber's Page.process_object
makes.
"""
from __future__ import annotations

from typing import Iterator, Optional

from pdfminer.layout import LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import decode_text
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

SPAN_ATTR, TEXT_ATTR = "actual_text_span", "actual_text"


class ActualTextAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's marked-content aggregator, plus the innermost ActualText span of each
    layout object it makes: `actual_text_spans` maps id(object) to (the span's number, its text)."""

    def __init__(self, rsrcmgr, pageno: int = 1, laparams=None):
        super().__init__(rsrcmgr, pageno=pageno, laparams=laparams)
        # names of our own: pdfminer's analyzer keeps its containers in self._stack
        self.actual_text_spans: dict[int, tuple[int, str]] = {}
        self._actual_text_stack: list[Optional[tuple[int, str]]] = []  # one entry per open marked-content sequence
        self._actual_text_count = 0

    def begin_tag(self, tag, props=None) -> None:
        super().begin_tag(tag, props)
        entry = None
        if isinstance(props, dict) and "ActualText" in props:
            raw = props["ActualText"]
            text = decode_text(raw) if isinstance(raw, bytes) else str(raw)
            self._actual_text_count += 1
            entry = (self._actual_text_count, text)
        self._actual_text_stack.append(entry)

    def end_tag(self) -> None:
        super().end_tag()
        if self._actual_text_stack:
            self._actual_text_stack.pop()

    def tag_cur_item(self) -> None:
        super().tag_cur_item()
        span = next((e for e in reversed(self._actual_text_stack) if e is not None), None)
        # the object just made is the container's last, as pdfplumber's own tagging assumes
        if span is not None and self.cur_item._objs:
            self.actual_text_spans[id(self.cur_item._objs[-1])] = span


def _layout_objects(page, items) -> Iterator[tuple[object, dict]]:
    """Page.iter_layout_objects, each dict with the layout object it was made from."""
    for item in items:
        if isinstance(item, LTContainer):
            if page.pdf.laparams is not None:
                yield item, page.process_object(item)
            yield from _layout_objects(page, item)
        else:
            yield item, page.process_object(item)


def pdfminer_objects(page) -> dict[str, list[dict]]:
    """pdfplumber's `page.objects` (Page.layout, then Page.parse_objects), read through
    ActualTextAggregator: the objects drawn in an ActualText span carry its number (SPAN_ATTR)
    and text (TEXT_ATTR). pdfminer's errors are raised as pdfplumber raises them."""
    device = ActualTextAggregator(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    interpreter = PDFPageInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as exc:
        raise PdfminerException(exc)
    spans = device.actual_text_spans
    objects: dict[str, list[dict]] = {}
    for item, obj in _layout_objects(page, device.get_result()):
        kind = obj["object_type"]
        if kind == "anno":
            continue
        span = spans.get(id(item))
        if span is not None:
            obj[SPAN_ATTR], obj[TEXT_ATTR] = span
        objects.setdefault(kind, []).append(obj)
    return objects


def apply_actual_text(chars: list[dict]) -> set[int]:
    """Rewrite the chars of each ActualText span: the first carries the span's text and the
    span's extent; the others, and spans of marks alone, are returned (by id) to be dropped."""
    spans: dict[int, list[dict]] = {}
    for char in chars:
        span = char.get(SPAN_ATTR)
        if span is not None:
            spans.setdefault(span, []).append(char)
    dropped: set[int] = set()
    for members in spans.values():
        if all(c["x1"] - c["x0"] < 0.01 for c in members):
            # marks alone, their base drawn elsewhere: Chromium paints the marks of a line that
            # a page break moved to the next page at the foot of this one too (issue 23)
            dropped.update(id(c) for c in members)
            continue
        first = members[0]
        first["text"] = first[TEXT_ATTR]
        if len(members) > 1:
            first["x0"] = min(c["x0"] for c in members)
            first["x1"] = max(c["x1"] for c in members)
            first["width"] = first["x1"] - first["x0"]
            dropped.update(id(c) for c in members[1:])
    return dropped
