"""Frames of the fast layer (pdfium_layer): matrices in PDF's row-vector convention, boxes in
pdfplumber's frame, page rotations and quarter turns of text, and the refusal that sends a page
to pdfminer."""
from __future__ import annotations

import ctypes
from typing import Optional

import pypdfium2.raw as raw


class FastLayerRefused(Exception):
    """pdfium would not read this page as pdfminer does; read it with pdfminer."""


def frame_box(x0: float, y0: float, x1: float, y1: float, height: float, initial_doctop: float) -> dict:
    """pdfplumber's frame of an object from its extent in PDF space (y up)."""
    return {"x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": height - y1, "bottom": height - y0,
            "doctop": initial_doctop + height - y1, "width": x1 - x0, "height": y1 - y0}


def object_matrix(obj) -> tuple[float, float, float, float, float, float]:
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def compose(inner, outer):
    """inner then outer (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def apply_matrix(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def rotation_matrix(rotation: int, width: float, height: float) -> Optional[tuple]:
    """pdfminer's matrix from PDF space to a page shown with its /Rotate (None for none), for
    a MediaBox at the origin; `width` and `height` are the page's as shown (pdfplumber's)."""
    if rotation == 0:
        return None
    if rotation == 90:    # pdfminer: (0, -1, 1, 0, -y0, x1); shown height = MediaBox width
        return (0.0, -1.0, 1.0, 0.0, 0.0, height)
    if rotation == 180:   # (-1, 0, 0, -1, x1, y1)
        return (-1.0, 0.0, 0.0, -1.0, width, height)
    if rotation == 270:   # (0, 1, -1, 0, y1, -x0); shown width = MediaBox height
        return (0.0, 1.0, -1.0, 0.0, width, 0.0)
    raise FastLayerRefused("a /Rotate that is not a multiple of 90")


def address(obj) -> int:
    """A pdfium object's identity: its address (ctypes pointers to one object compare unequal;
    addressof is a sixth of ctypes.cast's cost, which counts where every glyph is an object)."""
    return ctypes.addressof(obj.contents) if obj else 0


# Quarter turns as matrices (row-vector convention): turning a text's own frame, where it
# reads left to right, onto the page. Turn q takes the frame's x axis to direction q degrees.
_TURNS = {0: IDENTITY, 90: (0.0, 1.0, -1.0, 0.0, 0.0, 0.0),
          180: (-1.0, 0.0, 0.0, -1.0, 0.0, 0.0), 270: (0.0, -1.0, 1.0, 0.0, 0.0, 0.0)}
_UNTURNS = {0: IDENTITY, 90: _TURNS[270], 180: _TURNS[180], 270: _TURNS[90]}


def _quarter_turn(a: float, b: float, c: float, d: float) -> int:
    """The quarter turn of a text matrix that is one (a scale, then 0, 90, 180 or 270 degrees);
    FastLayerRefused for skewed or mirrored text."""
    tiny = 1e-6 * max(abs(a), abs(b), abs(c), abs(d))
    if abs(b) <= tiny and abs(c) <= tiny:
        if a > 0 and d > 0:
            return 0
        if a < 0 and d < 0:
            return 180
    elif abs(a) <= tiny and abs(d) <= tiny:
        if b > 0 > c:
            return 90
        if b < 0 < c:
            return 270
    raise FastLayerRefused("skewed or mirrored text")


def text_shape(a: float, b: float, c: float, d: float, ctm: Optional[tuple]) -> tuple:
    """(x scale, y scale, to frame, turn, upright) of text with the linear part (a, b, c, d)
    of its matrix. Its chars are read in the text's own frame, where it runs left to right:
    `to frame` takes pdfium's coordinates there (None where they are already), `turn` takes the
    frame back to the page as shown. `upright` is pdfminer's verdict from the same matrix (a*d
    > 0 and b*c <= 0), which calls text turned by a quarter turn upright where float noise
    gives a*d a positive sign."""
    if ctm:
        a, b, c, d, _, _ = compose((a, b, c, d, 0.0, 0.0), ctm)
    turn = _quarter_turn(a, b, c, d)
    to_frame = compose(ctm or IDENTITY, _UNTURNS[turn]) if ctm or turn else None
    return ((a * a + b * b) ** 0.5, (c * c + d * d) ** 0.5, to_frame, _TURNS[turn] if turn else None,
            a * d > 0 and b * c <= 0)
