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
  is read as the font's space (_inkless_spaces);
- no glyph of several characters (a ligature), which pdfium splits and measures as its first;
- a page shown upright, or rotated (/Rotate 90, 180, 270) with its MediaBox at the origin.
  A rotated page is read through pdfminer's rotation matrix, which takes pdfium's PDF space
  to the page as shown. An upright page's MediaBox may lie off the origin: pdfplumber keeps
  x and top as in PDF space, and only y0 and y1 move with the MediaBox's bottom;
- text turned by quarter turns, not skewed or mirrored. Turned text (a vertical table
  heading) is read in its own frame, where it runs left to right, and its box turned back.
"""
from __future__ import annotations

import ctypes
import functools
from typing import Callable, Optional

import cffi
import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from thaikpi.pipeline.text import COMBINING_MARKS
from thaikpi.pipeline.readers.pdf_actualtext import SPAN_ATTR, TEXT_ATTR

_MARKS = set(COMBINING_MARKS)


class FastLayerRefused(Exception):
    """pdfium would not read this page as pdfminer does; read it with pdfminer."""


def _box(x0: float, y0: float, x1: float, y1: float, height: float, initial_doctop: float) -> dict:
    """pdfplumber's frame of an object from its extent in PDF space (y up)."""
    return {"x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": height - y1, "bottom": height - y0,
            "doctop": initial_doctop + height - y1, "width": x1 - x0, "height": y1 - y0}


def _matrix(obj) -> tuple[float, float, float, float, float, float]:
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner, outer):
    """inner then outer (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _apply(m, x, y):
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _actual_text(obj, marks: list) -> Optional[tuple[int, str]]:
    """The innermost /ActualText span a text object is drawn in, as (the span's identity, its
    text decoded as pdfminer decodes it), or None; appends (object, mark) to `marks` for each
    of its ActualText marks, to be removed once every object's span is known (objects of one
    span share its mark), so that pdfium's text page reads the glyphs, as pdfminer does."""
    span = None
    for i in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, i)
        if raw.FPDFPageObjMark_GetParamValueType(mark, b"ActualText") == raw.FPDF_OBJECT_UNKNOWN:
            continue
        size = ctypes.c_ulong()
        raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", None, 0, size)
        data = (ctypes.c_ubyte * size.value)()
        raw.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", data, size.value, size)
        # one marked-content sequence is one mark shared by the objects drawn in it
        span = (_address(mark), decode_text(bytes(data)))
        marks.append((obj, mark))
    return span


def _walk(container, count, get, matrix, out, depth=0):
    """Every object of a page or form XObject, with its matrix composed into page space."""
    for i in range(count(container)):
        obj = get(container, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
            inner = _compose(_matrix(obj), matrix)
            _walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, inner, out, depth + 1)
        else:
            out.append((kind, obj, matrix))


def _color(obj, getter) -> Optional[tuple[float, ...]]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _subpaths(obj, matrix) -> list[tuple[list[tuple[float, float]], bool]]:
    """A path's subpaths as point lists in page space (curves by their end points, as
    pdfminer's pts), each with whether it was closed."""
    subpaths: list[tuple[list, bool]] = []
    own = _compose(_matrix(obj), matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    controls = 0  # pdfium gives a Bezier curve as three segments: two control points, then its end
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_BEZIERTO and controls < 2:
            controls += 1
            continue
        controls = 0
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        point = _apply(own, x.value, y.value)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append(([point], False))
        else:
            subpaths[-1][0].append(point)
        if raw.FPDFPathSegment_GetClose(seg):
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


def page_objects(page: pdfium.PdfPage, plumber_page) -> dict[str, list[dict]]:
    """chars, rects, lines, curves and images of one page, as pdfplumber's dicts.

    The pdfplumber page of the same number gives the frame (its MediaBox, inherited or not).
    Raises FastLayerRefused where pdfium's reading would differ from pdfminer's."""
    rotation = plumber_page.rotation % 360
    if rotation and tuple(plumber_page.mediabox[:2]) != (0, 0):
        raise FastLayerRefused("a rotated page with its MediaBox off the origin")
    height = float(plumber_page.height)
    page_number, initial_doctop = plumber_page.page_number, float(plumber_page.initial_doctop)
    ctm = _rotation(rotation, float(plumber_page.width), height)

    objects: list = []
    _walk(page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, ctm or _IDENTITY, objects)
    rects, lines, curves, images = [], [], [], []
    spans: dict[int, tuple[int, str]] = {}  # text object -> its ActualText span (_actual_text)
    actual_text_marks: list[tuple] = []
    for kind, obj, matrix in objects:
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            span = _actual_text(obj, actual_text_marks)
            if span is not None:
                spans[_address(obj)] = span
        elif kind == raw.FPDF_PAGEOBJ_PATH:
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
                shape = dict(common, **_box(min(xs), min(ys), max(xs), max(ys), height, initial_doctop))
                pts = [(x, height - y) for x, y in points]
                if len(points) == 2:
                    lines.append(dict(shape, object_type="line", pts=pts))
                elif _is_rect(points, closed):
                    rects.append(dict(shape, object_type="rect"))
                else:
                    curves.append(dict(shape, object_type="curve", pts=pts))
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = (ctypes.c_float() for _ in range(4))
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            corners = [_apply(matrix, x.value, y.value) for x in (left, right) for y in (bottom, top)]
            xs, ys = [p[0] for p in corners], [p[1] for p in corners]
            images.append(dict(_box(min(xs), min(ys), max(xs), max(ys), height, initial_doctop),
                               object_type="image", page_number=page_number))
    for obj, mark in actual_text_marks:
        raw.FPDFPageObj_RemoveMark(obj, mark)
    texts = [(obj, matrix) for kind, obj, matrix in objects if kind == raw.FPDF_PAGEOBJ_TEXT]
    order = {_address(obj): i for i, (obj, _) in enumerate(texts)}
    found = {"char": _chars(page, page_number, height, initial_doctop, order, ctm, spans, texts,
                            functools.lru_cache(maxsize=1)(lambda: _type3_descent(plumber_page))),
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


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _rotation(rotation: int, width: float, height: float) -> Optional[tuple]:
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


def _address(obj) -> int:
    """A pdfium object's identity: its address (ctypes pointers to one object compare unequal;
    addressof is a sixth of ctypes.cast's cost, which counts where every glyph is an object)."""
    return ctypes.addressof(obj.contents) if obj else 0


def _stroke_width(obj) -> float:
    width = ctypes.c_float()
    return width.value if raw.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0


# Quarter turns as matrices (row-vector convention): turning a text's own frame, where it
# reads left to right, onto the page. Turn q takes the frame's x axis to direction q degrees.
_TURNS = {0: _IDENTITY, 90: (0.0, 1.0, -1.0, 0.0, 0.0, 0.0),
          180: (-1.0, 0.0, 0.0, -1.0, 0.0, 0.0), 270: (0.0, -1.0, 1.0, 0.0, 0.0, 0.0)}
_UNTURNS = {0: _IDENTITY, 90: _TURNS[270], 180: _TURNS[180], 270: _TURNS[90]}


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


def _text_object_frame(ctp, index: int, obj: int, ctm: Optional[tuple], metrics: dict, shapes: dict,
                       matrix, type3_descent: Callable[[], float]) -> tuple:
    """(font, font's address, descent per point of size, standard widths, font's name, x scale,
    y scale, to frame, turn, upright) of the text object at address `obj`, whose char `index`
    is on the text page `ctp` (cffi's). `metrics` keeps each font's (_page_font_metrics) and `shapes`
    each matrix's (_text_shape): many producers make every glyph a text object of its own.
    `matrix` is a cffi FS_MATRIX to read into; `type3_descent` gives a Type3 font's descent."""
    _GET_MATRIX(ctp, index, matrix)
    linear = (matrix.a, matrix.b, matrix.c, matrix.d)
    shape = shapes.get(linear)
    if shape is None:
        shape = shapes[linear] = _text_shape(*linear, ctm)
    key = _GET_FONT(obj)
    font, descent, standard_widths, name = _page_font_metrics(key, metrics, type3_descent)
    return (font, key, descent, standard_widths, name, *shape)


def _page_font_metrics(key: int, metrics: dict, type3_descent: Callable[[], float]) -> tuple:
    """(font as a ctypes handle or None, and its _font_metrics) of the font at address `key`,
    kept in `metrics` for the page."""
    font_metrics = metrics.get(key)
    if font_metrics is None:
        font = ctypes.cast(key, raw.FPDF_FONT) if key else None
        font_metrics = metrics[key] = (font, *_font_metrics(font, type3_descent))
    return font_metrics


def _text_shape(a: float, b: float, c: float, d: float, ctm: Optional[tuple]) -> tuple:
    """(x scale, y scale, to frame, turn, upright) of text with the linear part (a, b, c, d)
    of its matrix. Its chars are read in the text's own frame, where it runs left to right:
    `to frame` takes pdfium's coordinates there (None where they are already), `turn` takes the
    frame back to the page as shown. `upright` is pdfminer's verdict from the same matrix (a*d
    > 0 and b*c <= 0), which calls text turned by a quarter turn upright where float noise
    gives a*d a positive sign."""
    if ctm:
        a, b, c, d, _, _ = _compose((a, b, c, d, 0.0, 0.0), ctm)
    turn = _quarter_turn(a, b, c, d)
    to_frame = _compose(ctm or _IDENTITY, _UNTURNS[turn]) if ctm or turn else None
    return ((a * a + b * b) ** 0.5, (c * c + d * d) ** 0.5, to_frame, _TURNS[turn] if turn else None,
            a * d > 0 and b * c <= 0)


# pdfminer's metrics of these key widths by its own reading of their codes ("n" for ■), not
# by Unicode, and have no descent
_STANDARD_SYMBOL_FONTS = ("Symbol", "ZapfDingbats")


def _font_metrics(font, type3_descent: Callable[[], float]) -> tuple[float, Optional[dict], str]:
    """A font's descent per point of size; for a font named as one of pdfminer's standard
    fonts (Helvetica, Arial, Times-Roman, ...), that font's widths by Unicode; and its name ("" for
    none): pdfium's BaseFont, without a subset's tag ("Wingdings2" where pdfminer's fontname is
    "JGDNEP+Wingdings2"). pdfminer takes descent and widths from its own metrics whatever the
    PDF holds: Helvetica's descent is 0.207 there, 0.224 in pdfium (every char of an OCR layer
    set in Helvetica moves), and a glyph its metrics lack (the euro sign) has no width. A font with no BaseFont is a Type3 font, whose
    descent pdfminer reads its own way (`type3_descent`)."""
    if not font:
        return 0.0, None, ""
    buffer = ctypes.create_string_buffer(128)
    name = buffer.value.decode("latin-1") if raw.FPDFFont_GetBaseFontName(font, buffer, len(buffer)) else ""
    if not name:
        return type3_descent(), None, name
    if name in FONT_METRICS:
        if name in _STANDARD_SYMBOL_FONTS:
            raise FastLayerRefused(f"a standard symbol font ({name}): pdfminer reads its codes, pdfium Unicode")
        if raw.FPDFFont_GetIsEmbedded(font):
            # pdfminer uses its metrics for "Arial" but not for a subset "ABCDEF+Arial", and
            # pdfium names both "Arial"
            raise FastLayerRefused(f"an embedded font named as a standard font ({name})")
        descriptor, widths = FONT_METRICS[name]
        return descriptor["Descent"] / 1000, widths, name
    descent = ctypes.c_float()
    return (descent.value if raw.FPDFFont_GetDescent(font, 1.0, descent) else 0.0), None, name


def _type3_descent(plumber_page) -> float:
    """pdfminer's descent for the Type3 fonts of a page: its FontBBox's bottom through its
    FontMatrix, or 0 where pdfminer cannot parse the box (Chromium writes it as a reference).
    pdfium has its own, and tells a Type3 font only by its missing BaseFont, so the page's Type3
    fonts must agree on one value; otherwise FastLayerRefused."""
    fonts = resolve1(plumber_page.page_obj.resources.get("Font")) or {}
    manager = PDFResourceManager()
    values = set()
    for spec in fonts.values():
        spec = resolve1(spec)
        if isinstance(spec, dict) and getattr(resolve1(spec.get("Subtype")), "name", None) == "Type3":
            values.add(manager.get_font(None, spec).get_descent())
    if len(values) != 1:
        raise FastLayerRefused("Type3 fonts of different descents, or in a form's resources")
    return values.pop()


SAME_POINT = 0.001  # points: two float32 readings of one position differ by less (at most 1e-4 on a page)
INKLESS_WIDTH = 0.01  # pdfium's text page leaves out a text object whose box is narrower (kSizeEpsilon)


def _inkless_spaces(texts: list, read: dict, metrics: dict, type3_descent: Callable[[], float],
                    page_number: int, height: float, initial_doctop: float):
    """(text object's address, char) for each text object pdfium's text page left out because
    its box has no width: a space drawn as an object of its own, as browsers and Word print
    them. pdfminer reads it, and a narrow space between two words must keep them apart.

    pdfium tells neither such an object's char codes nor their Unicode: it is read as one
    space of the font (_space_glyph) at the object's origin, upright text only (in the samples
    and the real corpus every such object is a space or a no-break space). Objects left out
    for another reason (a repeat of the one before it: fake bold) have a box and are not read
    twice."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    size = ctypes.c_float()
    spaces: dict[tuple, tuple] = {}  # (font, size) -> _space_glyph
    for obj, container in texts:
        key = _address(obj)
        if key in read or not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) \
                or right.value - left.value >= INKLESS_WIDTH:
            continue
        a, b, c, d, e, f = _compose(_matrix(obj), container)
        font = raw.FPDFTextObj_GetFont(obj)
        if not (a > 0 and d > 0 and abs(b) < 1e-6 and abs(c) < 1e-6) or not font \
                or not raw.FPDFTextObj_GetFontSize(obj, size):
            continue  # turned or skewed: left out, as pdfium does
        font_key = _address(font)
        _, descent, standard_widths, font_name = _page_font_metrics(font_key, metrics, type3_descent)
        glyph = spaces.get((font_key, size.value))
        if glyph is None:
            glyph = spaces[font_key, size.value] = _space_glyph(font, size.value, standard_widths)
        if not glyph:
            continue  # a font whose space pdfium cannot measure: left out, as pdfium does
        text, width = glyph
        y0 = f + descent * size.value * d
        char = _box(e, y0, e + width * a, y0 + size.value * d, height, initial_doctop)
        char.update(object_type="char", page_number=page_number, text=text, size=size.value * d,
                    upright=True, fontname=font_name, adv=width * a)
        yield key, char


# A code point no font maps: pdfium's width for it is the font's default, which it also gives
# every code point the font lacks.
_UNMAPPED = 0xFFFF


def _space_glyph(font, size: float, standard_widths: Optional[dict]) -> tuple:
    """(text, advance) of the font's space at `size`, or () where pdfium cannot tell it: the
    font's U+0020 or, where it has none, its no-break space (Word's); a code point the font
    lacks gets the font's default width, and is no answer. No char is better than a zero-width
    one, which would read as a lost glyph."""
    if standard_widths is not None:
        return " ", standard_widths.get(" ", 0) * size / 1000
    advance = ctypes.c_float()
    unmapped = advance.value if raw.FPDFFont_GetGlyphWidth(font, _UNMAPPED, size, advance) else None
    for code in (0x20, 0xA0):
        if raw.FPDFFont_GetGlyphWidth(font, code, size, advance) and 0 < advance.value < size \
                and advance.value != unmapped:
            return chr(code), advance.value
    return ()


# The calls made per char go through cffi, which calls a C function in about half the time
# ctypes takes (its calls were the fast layer's main cost). The functions are pypdfium2's own,
# taken by address, so both bindings share one library and its handles.
_ffi = cffi.FFI()
_ffi.cdef("typedef struct { float left; float top; float right; float bottom; } FS_RECTF;"
          "typedef struct { float a; float b; float c; float d; float e; float f; } FS_MATRIX;")
_PER_CHAR = {
    # FPDFText_GetTextObject as the object's address, an int: its identity (ctypes pointers
    # to one object compare unequal)
    "FPDFText_GetTextObject": "uintptr_t (*)(void *, int)",
    "FPDFText_IsGenerated": "int (*)(void *, int)",
    "FPDFText_HasUnicodeMapError": "int (*)(void *, int)",
    "FPDFText_GetLooseCharBox": "int (*)(void *, int, FS_RECTF *)",
    "FPDFText_GetCharOrigin": "int (*)(void *, int, double *, double *)",
    "FPDFText_GetCharBox": "int (*)(void *, int, double *, double *, double *, double *)",
    # and per text object (an object or font as its address)
    "FPDFText_GetMatrix": "int (*)(void *, int, FS_MATRIX *)",
    "FPDFText_GetFontSize": "double (*)(void *, int)",
    "FPDFTextObj_GetFont": "uintptr_t (*)(uintptr_t)",
}
_C = {name: _ffi.cast(signature, ctypes.cast(getattr(raw, name), ctypes.c_void_p).value)
      for name, signature in _PER_CHAR.items()}
_GET_MATRIX, _GET_FONT = _C["FPDFText_GetMatrix"], _C["FPDFTextObj_GetFont"]

# What FPDFText_GetText writes for a char whose FPDFText_GetUnicode is 2 (pdfium's mark for a
# hyphen that ends a line); every other char it writes as GetUnicode gives it.
_TEXT_HYPHEN = 0xFFFE


def _codes(tp, count: int) -> list[int]:
    """Each char's Unicode, from one FPDFText_GetText call (a ctypes call per char costs more
    than the rest of a char's reading). A page with chars past the BMP, which GetText writes as
    two UTF-16 units, is read char by char."""
    buffer = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(tp, 0, count, buffer)
    codes = buffer[:count]
    if any(0xD800 <= c <= 0xDFFF for c in codes):
        return [raw.FPDFText_GetUnicode(tp, i) for i in range(count)]
    return codes


def _chars(page, page_number: int, height: float, initial_doctop: float, order: dict,
           ctm: Optional[tuple], spans: dict, texts: list, type3_descent: Callable[[], float]) -> list[dict]:
    """The page's chars; `texts` are its text objects (object, container's matrix) in content
    stream order, and `order` gives each one's place; `spans` the ActualText span of those
    drawn in one (tagged on their chars as pdf_actualtext tags pdfminer's); `ctm` takes
    pdfium's coordinates (PDF space) to the page as shown, where it has a /Rotate.

    The fast layer's main cost is its calls into pdfium, 1-2 µs each. A char's Unicode comes
    from one call for the page; what holds for a glyph of a font at a size (no Unicode for it,
    its ink reaching past its advance) is asked once; a char asks for its object, its origin
    and its box, and for its ink only where that differs from glyph to glyph (marks, spaces)."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        ctp = _ffi.cast("void *", ctypes.cast(tp, ctypes.c_void_p).value)
        rect = _ffi.new("FS_RECTF *")
        xy = _ffi.new("double[2]")
        xy_y = xy + 1
        ink = _ffi.new("double[4]")  # left, right, bottom, top
        ink_refs = (ink, ink + 1, ink + 2, ink + 3)
        advance = ctypes.c_float()
        advance_ref = ctypes.byref(advance)
        text_object, map_error, is_generated = (_C["FPDFText_GetTextObject"], _C["FPDFText_HasUnicodeMapError"],
                                                _C["FPDFText_IsGenerated"])
        loose_box, origin, ink_box = _C["FPDFText_GetLooseCharBox"], _C["FPDFText_GetCharOrigin"], _C["FPDFText_GetCharBox"]
        glyph_width = raw.FPDFFont_GetGlyphWidth
        # text object -> (stream order, font, font's address, descent, standard widths, font's
        # name, x scale, y scale, to frame, turn, upright, size in Tf)
        frames: dict[int, tuple] = {}
        metrics: dict[int, tuple] = {}  # font -> (its ctypes handle, *_font_metrics)
        shapes: dict[tuple, tuple] = {}  # a text matrix's linear part -> _text_shape
        matrix = _ffi.new("FS_MATRIX *")
        font_size = _C["FPDFText_GetFontSize"]
        # (font, code) -> pdfium found no Unicode for it (it then gives the char code as the
        # Unicode; no font in the samples or the real corpus gives one code both answers)
        unmapped: dict[tuple[int, int], bool] = {}
        # (font, code, size, x scale, box width) -> the font's advance where the ink reaches the box's right edge
        advances: dict[tuple, Optional[float]] = {}
        # (stream order, ink centre, left and right in the text's frame, text object, char)
        found: list[tuple[tuple[int, int], float, float, float, int, dict]] = []
        count = raw.FPDFText_CountChars(tp)
        previous_where = None  # the last char's object, origin and box
        last_x1 = float("nan")  # the last char's right edge
        for i, code in enumerate(_codes(tp, count)):
            if code == _TEXT_HYPHEN:
                code = raw.FPDFText_GetUnicode(tp, i)
            text = chr(code)
            space = text.isspace()
            if space and is_generated(ctp, i):
                continue  # spaces and line breaks pdfium inferred; pdfminer has none
            if text in "\r\n":
                continue
            key = text_object(ctp, i)
            frame = frames.get(key)
            if frame is None:
                frame = frames[key] = (order.get(key, len(order)),
                                       *_text_object_frame(ctp, i, key, ctm, metrics, shapes, matrix, type3_descent),
                                       font_size(ctp, i))
            (stream_order, font, font_key, font_descent, standard_widths, font_name, x_scale, y_scale, to_frame, turn,
             upright, tf_size) = frame
            no_unicode = unmapped.get((font_key, code))
            if no_unicode is None:
                no_unicode = unmapped[font_key, code] = map_error(ctp, i) == 1
            if no_unicode:
                text = f"(cid:{code})"  # no Unicode: pdfium gives the character code, pdfminer's cid
            elif code == 2:
                text = "-"  # pdfium's mark for a hyphen that ends a line: the glyph is a hyphen
            loose_box(ctp, i, rect)
            origin(ctp, i, xy, xy_y)
            origin_x, origin_y = xy[0], xy[1]
            left, right, top, bottom = rect.left, rect.right, rect.top, rect.bottom
            # A glyph whose Unicode is several code points (a ligature "บั") is one char to
            # pdfminer; pdfium gives each code point a char of the glyph's own origin and box,
            # and measures the glyph as its first code point's. Where that is a mark of no
            # width (a shaped "้ำ": tone mark and SARA AM in one glyph), the glyph is that char
            # with the code points after it: pdfminer's box has no width either. A ligature
            # with an advance may measure otherwise: the page goes to pdfminer.
            where = (key, origin_x, origin_y, left, right, top, bottom)
            if where == previous_where and not space:
                glyph = found[-1][-1]  # the char read at previous_where: every char read is found's last
                if (no_unicode or glyph["x1"] != glyph["x0"]
                        or not all(mark in _MARKS for mark in glyph["text"])):
                    raise FastLayerRefused("a glyph of several characters (a ligature)")
                glyph["text"] += text
                continue
            previous_where = where
            # pdfminer's size and box include the text matrix; pdfium's font size does not.
            size = tf_size * y_scale
            # pdfminer's box: from the origin across the advance, from the font's descent up
            # one size. pdfium's loose box is the union of the advance box and the glyph's
            # ink, so where the ink stops short of its right edge, that edge is the advance's
            # end. Where the ink reaches it (a mark drawn across its zero-width origin), ask the
            # font, by Unicode. Not for a space: fonts map several glyphs to U+0020 (a lost
            # NIKHAHIT among them), and pdfium gives a space an ink box equal to its advance.
            # Whether the ink reaches is a glyph's own, asked once where the text is upright. A
            # glyph is known by its font, size, Unicode and box's width (a broken map gives
            # several glyphs one Unicode) in hundredths of a point (round(w, 2) costs three
            # times more, per char); a mark's ink lies where its position puts it.
            is_mark = text in _MARKS
            glyph = (font_key, code, tf_size, x_scale, round((right - origin_x) * 100)) \
                if to_frame is None and not (space or is_mark) else None
            ink_centre = 0.0
            if glyph in advances:
                x0, y_origin, loose_right = origin_x, origin_y, right
                glyph_advance = advances[glyph]
            else:
                ink_box(ctp, i, *ink_refs)
                if to_frame is None:
                    x0, y_origin, loose_right = origin_x, origin_y, right
                    left_ink, right_ink = ink[0], ink[1]
                else:  # a rotated page or text: boxes turned by quarter turns stay boxes; take their corners
                    x0, y_origin = _apply(to_frame, origin_x, origin_y)
                    loose_right = max(_apply(to_frame, left, bottom)[0], _apply(to_frame, right, top)[0])
                    ink_x = (_apply(to_frame, ink[0], ink[2])[0], _apply(to_frame, ink[1], ink[3])[0])
                    left_ink, right_ink = min(ink_x), max(ink_x)
                ink_centre = (left_ink + right_ink) / 2
                reaches = not space and right_ink >= loose_right - 0.01
                glyph_advance = advance.value if reaches and font and glyph_width(font, code, tf_size, advance_ref) else None
                if glyph is not None:
                    advances[glyph] = glyph_advance
            if space:
                # a glyph mapped to a space that draws back over the letter before it: a lost mark, no advance
                x1 = x0 if left_ink < x0 - 0.01 else max(x0, loose_right)
            elif glyph_advance is not None:
                x1 = x0 + glyph_advance * x_scale
            else:
                x1 = max(x0, loose_right)
            if standard_widths is not None and not no_unicode and text not in standard_widths:
                x1 = x0  # pdfminer's metrics of a standard font lack this glyph: no width
            # pdfium places each glyph in float32, pdfminer in doubles: a glyph starting where
            # the one before it ends starts there exactly, or a mark of no width and the letter
            # after it tie in one and not in the other, and sorting by x0 puts them in another
            # order ("สำ่า" / "ส้ำา").
            if abs(x0 - last_x1) < SAME_POINT and x0 != last_x1 and turn is None:
                x1 = last_x1 + (x1 - x0)
                x0 = last_x1
            last_x1 = x1
            y0 = y_origin + font_descent * size
            y1 = y0 + size
            frame_x0, frame_x1 = x0, x1
            if turn:
                # pdfminer's box: the frame's box turned onto the page; its size is the
                # box's height, which for a quarter turn is the advance
                (px0, py0), (px1, py1) = _apply(turn, x0, y0), _apply(turn, x1, y1)
                x0, x1, y0, y1 = min(px0, px1), max(px0, px1), min(py0, py1), max(py0, py1)
                size = y1 - y0
            # _box's frame with the char's keys, in one dict: this runs for every char of a page
            char = {"x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": height - y1, "bottom": height - y0,
                    "doctop": initial_doctop + height - y1, "width": x1 - x0, "height": y1 - y0,
                    "object_type": "char", "page_number": page_number, "text": text, "size": size,
                    "upright": upright, "fontname": font_name, "adv": frame_x1 - frame_x0}
            found.append(((stream_order, i), ink_centre, frame_x0, frame_x1, key, char))
        for key, char in _inkless_spaces(texts, frames, metrics, type3_descent, page_number, height, initial_doctop):
            found.append(((order[key], -1), 0.0, char["x0"], char["x1"], key, char))
        # pdfium's text page may move a positioned mark past the next letter ("ทั้ง" -> "ทัง้");
        # pdfminer keeps the content stream's order, in which a mark follows its base. So:
        # text objects in stream order, chars within one in pdfium's order; and a page where
        # a mark still does not sit on the letter before it goes to pdfminer.
        found.sort(key=lambda entry: entry[0])
        base = None  # the last letter's left and right in its frame, where a mark after it sits
        for _, ink_centre, frame_x0, frame_x1, key, c in found:
            if spans and key in spans:
                c[SPAN_ATTR], c[TEXT_ATTR] = spans[key]
            if c["text"] in _MARKS:
                if base is None or not base[0] <= ink_centre <= base[1] + 1:
                    raise FastLayerRefused("a mark out of its base's place")
            elif not c["text"].isspace():
                base = (frame_x0, frame_x1)
        return [entry[-1] for entry in found]
    finally:
        textpage.close()
