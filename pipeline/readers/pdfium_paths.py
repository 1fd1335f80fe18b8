"""Paths and images of a page read by pdfium, as pdfplumber's lines, rects, curves and images."""
from __future__ import annotations

import ctypes
from typing import Optional

import pypdfium2.raw as raw

from thaikpi.pipeline.readers.pdfium_cffi import FFI as _ffi, bind
from thaikpi.pipeline.readers.pdfium_frames import apply_matrix, compose, frame_box


# The calls made per path and per path segment go through cffi (pdfium_cffi): a page of ruled
# tables has thousands of paths and segments.
_SIGNATURES = {
    "FPDFPath_CountSegments": "int (*)(void *)",
    "FPDFPath_GetPathSegment": "void * (*)(void *, int)",
    "FPDFPathSegment_GetType": "int (*)(void *)",
    "FPDFPathSegment_GetPoint": "int (*)(void *, float *, float *)",
    "FPDFPathSegment_GetClose": "int (*)(void *)",
    "FPDFPageObj_GetMatrix": "int (*)(void *, FS_MATRIX *)",
    "FPDFPath_GetDrawMode": "int (*)(void *, int *, int *)",
    "FPDFPageObj_GetStrokeWidth": "int (*)(void *, float *)",
    "FPDFPageObj_GetFillColor": "int (*)(void *, unsigned int *, unsigned int *, unsigned int *, unsigned int *)",
    "FPDFPageObj_GetStrokeColor": "int (*)(void *, unsigned int *, unsigned int *, unsigned int *, unsigned int *)",
}
_C = bind(_SIGNATURES)
# out-parameters, allocated once (pdfium is called under one lock: pdf_page_objects)
_RGBA = _ffi.new("unsigned int[4]")
_RGBA_OUT = (_RGBA, _RGBA + 1, _RGBA + 2, _RGBA + 3)
_MODES = _ffi.new("int[2]")
_WIDTH = _ffi.new("float[1]")
_XY = _ffi.new("float[2]")
_MATRIX = _ffi.new("FS_MATRIX *")


def _color(path, getter) -> Optional[tuple[float, ...]]:
    if not getter(path, *_RGBA_OUT):
        return None
    return (_RGBA[0] / 255, _RGBA[1] / 255, _RGBA[2] / 255)


def _object_matrix(path) -> tuple[float, float, float, float, float, float]:
    """pdfium_frames.object_matrix through cffi (zeros where pdfium gives none)."""
    m = _MATRIX
    if not _C["FPDFPageObj_GetMatrix"](path, m):
        m.a = m.b = m.c = m.d = m.e = m.f = 0.0
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _subpaths(path, matrix) -> list[tuple[list[tuple[float, float]], bool]]:
    """A path's subpaths as point lists in page space (curves by their end points, as
    pdfminer's pts), each with whether it was closed. `path` is the object as cffi's pointer."""
    subpaths: list[tuple[list, bool]] = []
    # the object's matrix, then its container's, applied to each point as apply_matrix does
    a, b, c, d, e, f = compose(_object_matrix(path), matrix)
    get_segment, get_type, get_point, get_close = (
        _C["FPDFPath_GetPathSegment"], _C["FPDFPathSegment_GetType"], _C["FPDFPathSegment_GetPoint"],
        _C["FPDFPathSegment_GetClose"])
    xy, xy_y = _XY, _XY + 1
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
        x, y = xy[0], xy[1]
        point = (a * x + c * y + e, b * x + d * y + f)
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

def path_shapes(obj: int, matrix, height: float, initial_doctop: float, page_number: int) -> tuple[list, list, list]:
    """(lines, rects, curves) of one path object (its address) whose container's matrix is `matrix`."""
    lines, rects, curves = [], [], []
    path = _ffi.cast("void *", obj)
    if not _C["FPDFPath_GetDrawMode"](path, _MODES, _MODES + 1):
        _MODES[0] = _MODES[1] = 0  # ctypes' out-parameters, left at their zero on failure
    common = {"fill": _MODES[0] != 0, "stroke": bool(_MODES[1]),
              "linewidth": _WIDTH[0] if _C["FPDFPageObj_GetStrokeWidth"](path, _WIDTH) else 0.0,
              "non_stroking_color": _color(path, _C["FPDFPageObj_GetFillColor"]),
              "stroking_color": _color(path, _C["FPDFPageObj_GetStrokeColor"]),
              "page_number": page_number}
    for points, closed in _subpaths(path, matrix):
        if len(points) < 2:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        frame = frame_box(min(xs), min(ys), max(xs), max(ys), height, initial_doctop)
        # one dict a shape, its keys in pdfplumber's order: the path's, the frame's, the kind's
        if len(points) == 2:
            lines.append({**common, **frame, "object_type": "line", "pts": [(x, height - y) for x, y in points]})
        elif _is_rect(points, closed):
            rects.append({**common, **frame, "object_type": "rect"})
        else:
            curves.append({**common, **frame, "object_type": "curve", "pts": [(x, height - y) for x, y in points]})
    return lines, rects, curves


def image_box(obj, matrix, height: float, initial_doctop: float, page_number: int) -> dict:
    """An image object's box, as pdfplumber's image."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    corners = [apply_matrix(matrix, x.value, y.value) for x in (left, right) for y in (bottom, top)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return dict(frame_box(min(xs), min(ys), max(xs), max(ys), height, initial_doctop),
                object_type="image", page_number=page_number)
