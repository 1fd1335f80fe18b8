"""A page's objects read by pdfium (C++), in the shape pdfplumber gives them.

pdfminer interprets content streams in Python: it is about 95% of the time pdfplumber spends
on a page. pdfium reads the same page more than ten times faster. `page_objects` turns its
chars, paths and images into the dicts pdfplumber builds (same keys, same coordinates: top
measured down from the page's top edge), so everything after it — the glyph rules, table
finding, word grouping — runs unchanged on either source.

pdfium is used only where it reads the page as pdfminer would (`FastLayerRefused` otherwise):
- /ActualText spans (browser prints) are read from pdfium's marks and tagged on their chars as
  pdf_actualtext tags pdfminer's; the marks are then removed, so pdfium reads the glyphs;
- a text object with no ink (a space drawn on its own), which pdfium's text page leaves out,
  is read as the font's space (inkless_spaces);
- no glyph of several characters (a ligature), which pdfium splits and measures as its first;
- a page shown upright, or rotated (/Rotate 90, 180, 270) with its MediaBox at the origin.
  A rotated page is read through pdfminer's rotation matrix, which takes pdfium's PDF space
  to the page as shown. An upright page's MediaBox may lie off the origin: pdfplumber keeps
  x and top as in PDF space, and only y0 and y1 move with the MediaBox's bottom;
- text turned by quarter turns, not skewed or mirrored. Turned text (a vertical table
  heading) is read in its own frame, where it runs left to right, and its box turned back.

This module walks the page's objects; pdfium_chars reads the chars, pdfium_fonts the fonts'
metrics and lone spaces, pdfium_paths the paths and images, pdfium_frames the geometry;
pdfium_text_calls makes the per-char and per-object calls into pdfium in bulk.
"""
from __future__ import annotations

import ctypes
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.utils import decode_text

from thaikpi.pipeline.readers.pdfium_chars import page_chars
from thaikpi.pipeline.readers.pdfium_fonts import PageFonts
from thaikpi.pipeline.readers.pdfium_frames import (
    IDENTITY, FastLayerRefused, address, compose, object_matrix, rotation_matrix,
)
from thaikpi.pipeline.readers.pdfium_paths import image_box, path_shapes
from thaikpi.pipeline.readers.pdfium_text_calls import contained_objects, mark_counts

__all__ = ["FastLayerRefused", "page_objects"]


def _actual_text(obj, count: int, marks: list) -> Optional[tuple[int, str]]:
    """The innermost /ActualText span a text object (a ctypes handle, with `count` marks) is
    drawn in, as (the span's identity, its text decoded as pdfminer decodes it), or None;
    appends (object, mark) to `marks` for each of its ActualText marks, to be removed once
    every object's span is known (objects of one span share its mark), so that pdfium's text
    page reads the glyphs, as pdfminer does."""
    span = None
    for i in range(count):
        mark = raw.FPDFPageObj_GetMark(obj, i)
        if raw.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") == raw.FPDF_OBJECT_UNKNOWN:
            continue
        size = ctypes.c_ulong()
        raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", None, 0, size)
        data = (ctypes.c_ubyte * size.value)()
        raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", data, size.value, size)
        # one marked-content sequence is one mark shared by the objects drawn in it
        span = (address(mark), decode_text(bytes(data)))
        marks.append((obj, mark))
    return span


def _handle(obj: int):
    """A page object's ctypes handle, from its address, for pypdfium2's calls."""
    return ctypes.cast(obj, raw.FPDF_PAGEOBJECT)


def _walk(container: int, form: bool, matrix, out, depth=0):
    """Every object of a page or form XObject (as its address, read in bulk: a page may hold
    thousands, one per glyph), with its matrix composed into page space; a form itself too,
    before its objects (nothing reads a form's entry but the test of a page that draws one)."""
    for obj, kind in zip(*contained_objects(container, form)):
        out.append((kind, obj, matrix))
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
            inner = compose(object_matrix(_handle(obj)), matrix)
            _walk(obj, True, inner, out, depth + 1)


def page_objects(page: pdfium.PdfPage, plumber_page) -> dict[str, list[dict]]:
    """chars, rects, lines, curves and images of one page, as pdfplumber's dicts.

    The pdfplumber page of the same number gives the frame (its MediaBox, inherited or not).
    Raises FastLayerRefused where pdfium's reading would differ from pdfminer's."""
    rotation = plumber_page.rotation % 360
    if rotation and tuple(plumber_page.mediabox[:2]) != (0, 0):
        raise FastLayerRefused("a rotated page with its MediaBox off the origin")
    height = float(plumber_page.height)
    page_number, initial_doctop = plumber_page.page_number, float(plumber_page.initial_doctop)
    ctm = rotation_matrix(rotation, float(plumber_page.width), height)

    objects: list = []
    _walk(address(page.raw), False, ctm or IDENTITY, objects)
    rects, lines, curves, images = [], [], [], []
    for kind, obj, matrix in objects:
        if kind == raw.FPDF_PAGEOBJ_PATH:
            for found_of_kind, shapes in zip((lines, rects, curves),
                                             path_shapes(obj, matrix, height, initial_doctop, page_number)):
                found_of_kind.extend(shapes)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            images.append(image_box(_handle(obj), matrix, height, initial_doctop, page_number))
    texts = [(obj, matrix) for kind, obj, matrix in objects if kind == raw.FPDF_PAGEOBJ_TEXT]
    spans: dict[int, tuple[int, str]] = {}  # text object -> its ActualText span (_actual_text)
    actual_text_marks: list[tuple] = []
    for (obj, _), count in zip(texts, mark_counts([obj for obj, _ in texts])):
        if count:
            span = _actual_text(_handle(obj), count, actual_text_marks)
            if span is not None:
                spans[obj] = span
    for obj, mark in actual_text_marks:
        raw.FPDFPageObj_RemoveMark(obj, mark)
    order = {obj: i for i, (obj, _) in enumerate(texts)}
    fonts = PageFonts(plumber_page, lambda: any(kind == raw.FPDF_PAGEOBJ_FORM for kind, _, _ in objects))
    found = {"char": page_chars(page, page_number, height, initial_doctop, order, ctm, spans, texts, fonts),
             "rect": rects, "line": lines, "curve": curves, "image": images}
    # pdfminer measures y from the MediaBox's bottom; pdfplumber's top is PDF space's (its
    # MediaBox's top is the negated bottom), so where the box is off the origin only y0 and y1 move.
    bottom = -float(plumber_page.mediabox[1])
    if bottom:
        for objs in found.values():
            for obj in objs:
                obj["y0"] -= bottom
                obj["y1"] -= bottom
    return found
