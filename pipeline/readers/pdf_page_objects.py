"""Where a page's objects come from: pdfium (the fast layer, pdfium_layer) where it reads the
page as pdfminer does, else pdfminer through the ActualText aggregator (pdf_actualtext); and
ObjectsPage, a pdfplumber page over objects the reader gives it, so that pdfplumber's page API
(crop, filter, edges, table finding) runs on them."""
from __future__ import annotations

import gc
import threading
from typing import Optional

import pypdfium2 as pdfium
from pdfplumber.page import DerivedPage, Page

from thaikpi.pipeline.readers.pdf_actualtext import pdfminer_objects
from thaikpi.pipeline.readers.pdfium_layer import FastLayerRefused, page_objects

# pdfium is not thread-safe; a Dask worker may run several tasks in threads of one process.
PDFIUM_LOCK = threading.Lock()


class ObjectsPage(DerivedPage):
    """A pdfplumber page (its frame: number, boxes, rotation) with the given objects, as
    pdfplumber's own FilteredPage is one with its parent's objects filtered."""

    def __init__(self, parent_page: Page, objects: dict[str, list[dict]]):
        self.bbox = parent_page.bbox
        super().__init__(parent_page)
        self.given_objects = objects

    @property
    def objects(self) -> dict[str, list[dict]]:
        return self.given_objects

    def close(self) -> None:
        super().close()
        self.given_objects = {}


def release(page: Page) -> None:
    """Let go of the objects a page read holds, and those of the pages it was derived from
    (ObjectsPage, crops), once the page is read. Every pdfplumber page is in a reference cycle
    (it keeps get_textmap, a cache of its own bound method), so its objects, thousands of char
    dicts, would otherwise wait for the cyclic collector's full pass, which a process holding
    pythainlp's dictionary runs rarely: a long document's memory grew with its pages."""
    while isinstance(page, DerivedPage):
        page.close()
        page = page.parent_page


def open_pdfium(data: bytes, pages: int) -> Optional[pdfium.PdfDocument]:
    """The PDF opened by pdfium, or None where pdfium cannot open it or counts other pages
    than pdfminer (`pages`)."""
    try:
        with PDFIUM_LOCK:
            doc = pdfium.PdfDocument(data)
            if len(doc) == pages:
                return doc
            doc.close()
    except pdfium.PdfiumError:
        pass
    return None


def close_pdfium(doc: pdfium.PdfDocument) -> None:
    with PDFIUM_LOCK:
        doc.close()


def _fast_objects(pdfium_doc: pdfium.PdfDocument, page) -> dict:
    """The page's objects from pdfium (pdfium_layer); FastLayerRefused sends the page
    through pdfminer.

    A page's chars are thousands of dicts, none in a reference cycle: the cyclic garbage
    collector, which runs every few hundred new containers and then walks every object the
    process holds (the word lists among them), finds nothing to free in them. It waits until
    the page is read."""
    collecting = gc.isenabled()
    with PDFIUM_LOCK:
        pdfium_page = pdfium_doc[page.page_number - 1]
        gc.disable()
        try:
            return page_objects(pdfium_page, page)
        finally:
            if collecting:
                gc.enable()
            pdfium_page.close()


def read_objects(page: Page, pdfium_doc: Optional[pdfium.PdfDocument]) -> tuple[ObjectsPage, Optional[str]]:
    """The page over its objects, and why pdfminer read them (None where pdfium did)."""
    if pdfium_doc is None:
        return ObjectsPage(page, pdfminer_objects(page)), "no fast layer for this file"
    try:
        return ObjectsPage(page, _fast_objects(pdfium_doc, page)), None
    except FastLayerRefused as why:
        return ObjectsPage(page, pdfminer_objects(page)), str(why)
