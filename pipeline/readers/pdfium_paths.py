"""Paths and images of a page read by pdfium, as pdfplumber's lines, rects, curves and images."""
from __future__ import annotations

import ctypes
from typing import Optional

import cffi
import pypdfium2.raw as raw

from thaikpi.pipeline.readers.pdfium_frames import apply_matrix, compose, frame_box, object_matrix


def _color(obj, getter) -> Optional[tuple[float, ...]]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


# The calls made per path segment go through cffi, as pdfium_chars' per char (a cffi call takes
# about half a ctypes call's time; a page of ruled tables has thousands of segments). The
# functions are pypdfium2's own, taken by address.
_ffi = cffi.FFI()
_PER_SEGMENT = {
    "FPDFPath_CountSegments": "int (*)(void *)",
    "FPDFPath_GetPathSegment": "void * (*)(void *, int)",
    "FPDFPathSegment_GetType": "int (*)(void *)",
    "FPDFPathSegment_GetPoint": "int (*)(void *, float *, float *)",
    "FPDFPathSegment_GetClose": "int (*)(void *)",
}
_C = {name: _ffi.cast(signature, ctypes.cast(getattr(raw, name), ctypes.c_void_p).value)
      for name, signature in _PER_SEGMENT.items()}


def _subpaths(obj, matrix) -> list[tuple[list[tuple[float, float]], bool]]:
    """A path's subpaths as point lists in page space (curves by their end points, as
    pdfminer's pts), each with whether it was closed."""
    subpaths: list[tuple[list, bool]] = []
    own = compose(object_matrix(obj), matrix)
    path = _ffi.cast("void *", ctypes.cast(obj, ctypes.c_void_p).value)
    get_segment, get_type, get_point, get_close = (
        _C["FPDFPath_GetPathSegment"], _C["FPDFPathSegment_GetType"], _C["FPDFPathSegment_GetPoint"],
        _C["FPDFPathSegment_GetClose"])
    xy = _ffi.new("float[2]")
    xy_y = xy + 1
    bezier, moveto = raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO
    controls = 0  # pdfium gives a Bezier curve as three segments: two control points, then its end
    for i in range(_C["FPDFPath_CountSegments"](path)):
        seg = get_segment(path, i)
        kind = get_type(seg)
        if kind == bezier and controls < 2:
            controls += 1
            continue
        controls = 0
        get_point(seg, xy, xy_y)
        point = apply_matrix(own, xy[0], xy[1])
        if kind == moveto or not subpaths:
            subpaths.append(([point], False))
        else:
            subpaths[-1][0].append(point)
        if get_close(seg):
            points, _ = subpaths[-1]
            subpaths[-1] = (points, True)
    return subpaths


def _is_rect(points: list[tuple[float, float]], closed: bool) -> bool:
    pts = points[:-1] if len(points) == 5 and points[0] == points[-1] else points
    if len(pts) != 4 or not (closed or len(points) == 5):
        return False
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts
    return ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
            or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))

def _stroke_width(obj) -> float:
    width = ctypes.c_float()
    return width.value if raw.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0


def path_shapes(obj, matrix, height: float, initial_doctop: float, page_number: int) -> tuple[list, list, list]:
    """(lines, rects, curves) of one path object whose container's matrix is `matrix`."""
    lines, rects, curves = [], [], []
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
    common = {"fill": fill_mode.value != 0, "stroke": bool(stroke.value),
              "linewidth": _stroke_width(obj),
              "non_stroking_color": _color(obj, raw.FPDFPageObj_GetFillColor),
              "stroking_color": _color(obj, raw.FPDFPageObj_GetStrokeColor),
              "page_number": page_number}
    for points, closed in _subpaths(obj, matrix):
        if len(points) < 2:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        shape = dict(common, **frame_box(min(xs), min(ys), max(xs), max(ys), height, initial_doctop))
        pts = [(x, height - y) for x, y in points]
        if len(points) == 2:
            lines.append(dict(shape, object_type="line", pts=pts))
        elif _is_rect(points, closed):
            rects.append(dict(shape, object_type="rect"))
        else:
            curves.append(dict(shape, object_type="curve", pts=pts))
    return lines, rects, curves


def image_box(obj, matrix, height: float, initial_doctop: float, page_number: int) -> dict:
    """An image object's box, as pdfplumber's image."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    corners = [apply_matrix(matrix, x.value, y.value) for x in (left, right) for y in (bottom, top)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return dict(frame_box(min(xs), min(ys), max(xs), max(ys), height, initial_doctop),
                object_type="image", page_number=page_number)
