"""pdfium's text page read in bulk (pdfium_chars): every char's text object, origin and loose box,
and every text object's matrix, font and size, each as one pass of C calls.

The calls go through cffi (pdfium_cffi). Each pass maps a C function over the char indices
(`map`, not a Python loop: a call then costs about 0.3 µs, not 0.7 µs) and writes into one C
array, read as numpy arrays (or unpacked into lists) at once: a char's fields read one by one
from a cffi struct cost more than the calls that fill them."""
from __future__ import annotations

import ctypes
from collections import deque
from itertools import repeat
from operator import add
from typing import Optional

import numpy as np
import pypdfium2.raw as raw

from thaikpi.pipeline.readers.pdfium_cffi import FFI as _ffi, bind, handle

_SIGNATURES = {
    # FPDFText_GetTextObject as the object's address, an int: its identity (ctypes pointers
    # to one object compare unequal)
    "FPDFText_GetTextObject": "uintptr_t (*)(void *, int)",
    "FPDFText_IsGenerated": "int (*)(void *, int)",
    "FPDFText_HasUnicodeMapError": "int (*)(void *, int)",
    "FPDFText_GetLooseCharBox": "int (*)(void *, int, FS_RECTF *)",
    "FPDFText_GetCharOrigin": "int (*)(void *, int, double *, double *)",
    "FPDFText_GetCharBox": "int (*)(void *, int, double *, double *, double *, double *)",
    "FPDFText_GetMatrix": "int (*)(void *, int, FS_MATRIX *)",
    "FPDFText_GetFontSize": "double (*)(void *, int)",
    "FPDFTextObj_GetFont": "uintptr_t (*)(uintptr_t)",
    # the page's objects, as addresses (pdfium_layer)
    "FPDFPage_CountObjects": "int (*)(uintptr_t)",
    "FPDFPage_GetObject": "uintptr_t (*)(uintptr_t, int)",
    "FPDFFormObj_CountObjects": "int (*)(uintptr_t)",
    "FPDFFormObj_GetObject": "uintptr_t (*)(uintptr_t, unsigned long)",
    "FPDFPageObj_GetType": "int (*)(uintptr_t)",
    "FPDFPageObj_CountMarks": "int (*)(uintptr_t)",
}
_C = bind(_SIGNATURES)
_TEXT_OBJECT, _LOOSE_BOX, _ORIGIN = _C["FPDFText_GetTextObject"], _C["FPDFText_GetLooseCharBox"], _C["FPDFText_GetCharOrigin"]
_MATRIX, _FONT, _FONT_SIZE = _C["FPDFText_GetMatrix"], _C["FPDFTextObj_GetFont"], _C["FPDFText_GetFontSize"]
_CHAR_BOX = _C["FPDFText_GetCharBox"]
IS_GENERATED, MAP_ERROR = _C["FPDFText_IsGenerated"], _C["FPDFText_HasUnicodeMapError"]
_OBJECT_TYPE, _COUNT_MARKS = _C["FPDFPageObj_GetType"], _C["FPDFPageObj_CountMarks"]
_CONTAINERS = {False: (_C["FPDFPage_CountObjects"], _C["FPDFPage_GetObject"]),
               True: (_C["FPDFFormObj_CountObjects"], _C["FPDFFormObj_GetObject"])}


def contained_objects(container: int, form: bool) -> tuple[list[int], list[int]]:
    """The objects of a page (`form` False) or form XObject at address `container`, as
    addresses, and their types."""
    count, get = _CONTAINERS[form]
    n = count(container)
    objects = list(map(get, repeat(container, n), range(n)))
    return objects, list(map(_OBJECT_TYPE, objects))


def mark_counts(objects: list[int]) -> list[int]:
    """How many content marks each object (an address) has."""
    return list(map(_COUNT_MARKS, objects))


def _run(calls) -> None:
    deque(calls, 0)  # runs an iterator of calls, keeping none of their results


class TextPageCalls:
    """The per-char and per-object calls on one text page (a pypdfium2 FPDF_TEXTPAGE)."""

    def __init__(self, textpage):
        self.ctp = handle(textpage)
        self._advance = ctypes.c_float()
        self._advance_ref = ctypes.byref(self._advance)

    def char_objects(self, count: int) -> list[int]:
        """Each char's text object (its address)."""
        return list(map(_TEXT_OBJECT, repeat(self.ctp, count), range(count)))

    def char_box_arrays(self, count: int) -> tuple[np.ndarray, ...]:
        """Arrays (float64) of the origin x and y, and loose box (left, top, right, bottom; float32
        as pdfium keeps them) of the page's first `count` chars, read straight from the C arrays
        the calls fill: pdfium_chars works on the columns, not char by char."""
        if not count:
            return tuple(np.empty(0) for _ in range(6))
        xs, ys = _ffi.new("double[]", count), _ffi.new("double[]", count)
        boxes = _ffi.new("FS_RECTF[]", count)
        ctp, chars = self.ctp, range(count)
        _run(map(_LOOSE_BOX, repeat(ctp, count), chars, map(add, repeat(boxes, count), chars)))
        _run(map(_ORIGIN, repeat(ctp, count), chars, map(add, repeat(xs, count), chars),
                 map(add, repeat(ys, count), chars)))
        box = np.frombuffer(_ffi.buffer(boxes), dtype=np.float32).reshape(count, 4).astype(np.float64)
        origin = (np.frombuffer(_ffi.buffer(column), dtype=np.float64).copy() for column in (xs, ys))
        return (*origin, box[:, 0], box[:, 1], box[:, 2], box[:, 3])

    def ink_boxes(self, chars: list[int]) -> tuple[np.ndarray, ...]:
        """The ink box of each of `chars` (indices), as four float64 arrays: left, right, bottom, top."""
        count = len(chars)
        ink = _ffi.new("double[]", 4 * count)
        sides = (map(add, repeat(ink, count), range(side, 4 * count, 4)) for side in range(4))
        _run(map(_CHAR_BOX, repeat(self.ctp, count), chars, *sides))
        box = np.frombuffer(_ffi.buffer(ink), dtype=np.float64).reshape(count, 4)
        return box[:, 0], box[:, 1], box[:, 2], box[:, 3]

    def object_rows(self, objects: list[int], chars: list[int]) -> tuple[list, ...]:
        """Lists of each text object's font (its address), font size (in Tf) and its matrix's linear
        part (a, b, c, d), asked through `chars`, one char of each object."""
        count = len(objects)
        fonts = list(map(_FONT, objects))
        sizes = list(map(_FONT_SIZE, repeat(self.ctp, count), chars))
        matrices = _ffi.new("FS_MATRIX[]", count)
        _run(map(_MATRIX, repeat(self.ctp, count), chars, map(add, repeat(matrices, count), range(count))))
        m = _ffi.unpack(_ffi.cast("float *", matrices), 6 * count)
        return fonts, sizes, m[0::6], m[1::6], m[2::6], m[3::6]

    def is_generated(self, index: int) -> bool:
        return bool(IS_GENERATED(self.ctp, index))

    def map_error(self, index: int) -> bool:
        return MAP_ERROR(self.ctp, index) == 1

    def glyph_width(self, font, code: int, size: float) -> Optional[float]:
        """The advance of the font's glyph for Unicode `code` at `size` (font: a ctypes handle),
        or None where pdfium cannot tell it."""
        return self._advance.value if raw.FPDFFont_GetGlyphWidth(font, code, size, self._advance_ref) else None
