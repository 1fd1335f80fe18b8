"""A page's objects read by pdfium (C++), in the shape pdfplumber gives them.

pdfminer interprets content streams in Python: it is about 95% of the time pdfplumber spends
on a page. pdfium reads the same page more than ten times faster. `page_objects` turns its
chars, paths and images into the dicts pdfplumber builds (same keys, same coordinates: top
measured down from the page's top edge), so everything after it — the glyph rules, table
finding, word grouping — runs unchanged on either source.

pdfium is used only where it reads the page as pdfminer would (`FastLayerRefused` otherwise):
- no /ActualText spans: pdfium reads the glyphs under them and doubles the clusters of a
  browser-printed page, which pdf_actualtext repairs on pdfminer's chars;
- a page with its MediaBox at the origin, and text upright on the page as shown, where the
  coordinates of both libraries agree. A page shown rotated (/Rotate 90, 180, 270) is read
  through pdfminer's rotation matrix, which takes pdfium's PDF space to the page as shown.
"""
from __future__ import annotations

import ctypes
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractors.thai_text import COMBINING_MARKS

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


def _has_actual_text(obj) -> bool:
    return any(raw.FPDFPageObjMark_GetParamValueType(raw.FPDFPageObj_GetMark(obj, i), b"ActualText")
               != raw.FPDF_OBJECT_UNKNOWN for i in range(raw.FPDFPageObj_CountMarks(obj)))


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
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        point = _apply(own, x.value, y.value)
        if raw.FPDFPathSegment_GetType(seg) == raw.FPDF_SEGMENT_MOVETO or not subpaths:
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
    if tuple(plumber_page.mediabox[:2]) != (0, 0):
        raise FastLayerRefused("MediaBox not at the origin")
    height = float(plumber_page.height)
    page_number, initial_doctop = plumber_page.page_number, float(plumber_page.initial_doctop)
    ctm = _rotation(plumber_page.rotation % 360, float(plumber_page.width), height)

    objects: list = []
    _walk(page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, ctm or _IDENTITY, objects)
    rects, lines, curves, images = [], [], [], []
    for kind, obj, matrix in objects:
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            if _has_actual_text(obj):
                raise FastLayerRefused("ActualText spans")
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
    order = {_address(obj): i for i, (kind, obj, _) in enumerate(objects) if kind == raw.FPDF_PAGEOBJ_TEXT}
    return {"char": _chars(page, page_number, height, initial_doctop, order, ctm),
            "rect": rects, "line": lines, "curve": curves, "image": images}


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


def _text_object_frame(tp, index: int, obj, ctm: Optional[tuple], descents: dict) -> tuple:
    """(font, descent per point of size, x scale, y scale) of a text object; only text upright
    on the page as shown, unskewed, is read here. `descents` keeps each font's descent: many
    producers make every glyph a text object of its own."""
    m = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(tp, index, m)
    a, b, c, d = m.a, m.b, m.c, m.d
    if ctm:
        a, b, c, d, _, _ = _compose((a, b, c, d, 0.0, 0.0), ctm)
    if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
        raise FastLayerRefused("rotated, skewed or mirrored text")
    font = raw.FPDFTextObj_GetFont(obj)
    key = _address(font)
    if key not in descents:
        descent = ctypes.c_float()
        descents[key] = descent.value if font and raw.FPDFFont_GetDescent(font, 1.0, descent) else 0.0
    return font, descents[key], a, d


# FPDFText_GetTextObject returning the object's address as an int: its identity, with no
# ctypes.cast per char (ctypes pointers to one object compare unequal).
_TEXT_OBJECT_ADDRESS = ctypes.CFUNCTYPE(ctypes.c_void_p, raw.FPDF_TEXTPAGE, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value)

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
           ctm: Optional[tuple] = None) -> list[dict]:
    """The page's chars; `order` gives each text object's place in the content stream; `ctm`
    takes pdfium's coordinates (PDF space) to the page as shown, where it has a /Rotate.

    The fast layer's main cost is its ctypes calls, 1.5-4 µs each. A char's Unicode comes from
    one call for the page; what holds for a glyph of a font at a size (no Unicode for it, its
    ink reaching past its advance) is asked once; a char asks for its object, its origin and
    its box, and for its ink only where that differs from glyph to glyph (marks, spaces)."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        rect = raw.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        advance = ctypes.c_float()
        ink_left, ink_right, ink_bottom, ink_top = (ctypes.c_double() for _ in range(4))
        rect_ref, ox_ref, oy_ref, advance_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy), ctypes.byref(advance)
        ink_refs = tuple(ctypes.byref(v) for v in (ink_left, ink_right, ink_bottom, ink_top))
        map_error, is_generated = raw.FPDFText_HasUnicodeMapError, raw.FPDFText_IsGenerated
        loose_box, origin, ink_box = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin, raw.FPDFText_GetCharBox
        glyph_width = raw.FPDFFont_GetGlyphWidth
        frames: dict[int, tuple] = {}  # text object -> (stream order, font, descent, x scale, y scale, size in Tf, font's address)
        descents: dict[int, float] = {}  # font -> descent per point of size
        # (font, code) -> pdfium found no Unicode for it (it then gives the char code as the
        # Unicode; no font in the samples or the real corpus gives one code both answers)
        unmapped: dict[tuple[int, int], bool] = {}
        # (font, code, size, x scale, box width) -> the font's advance where the ink reaches the box's right edge
        advances: dict[tuple, Optional[float]] = {}
        found: list[tuple[tuple[int, int], float, dict]] = []  # (stream order, ink centre, char)
        count = raw.FPDFText_CountChars(tp)
        for i, code in enumerate(_codes(tp, count)):
            if code == _TEXT_HYPHEN:
                code = raw.FPDFText_GetUnicode(tp, i)
            text = chr(code)
            space = text.isspace()
            if space and is_generated(tp, i):
                continue  # spaces and line breaks pdfium inferred; pdfminer has none
            if text in "\r\n":
                continue
            key = _TEXT_OBJECT_ADDRESS(tp, i) or 0
            frame = frames.get(key)
            if frame is None:
                font, *rest = _text_object_frame(tp, i, raw.FPDFText_GetTextObject(tp, i), ctm, descents)
                frame = frames[key] = (order.get(key, len(order)), font, *rest,
                                       raw.FPDFText_GetFontSize(tp, i), _address(font))
            stream_order, font, font_descent, x_scale, y_scale, tf_size, font_key = frame
            no_unicode = unmapped.get((font_key, code))
            if no_unicode is None:
                no_unicode = unmapped[font_key, code] = map_error(tp, i) == 1
            if no_unicode:
                text = f"(cid:{code})"  # no Unicode: pdfium gives the character code, pdfminer's cid
            elif code == 2:
                text = "-"  # pdfium's mark for a hyphen that ends a line: the glyph is a hyphen
            loose_box(tp, i, rect_ref)
            origin(tp, i, ox_ref, oy_ref)
            # pdfminer's size and box include the text matrix; pdfium's font size does not.
            size = tf_size * y_scale
            # pdfminer's box: from the origin across the advance, from the font's descent up
            # one size. pdfium's loose box is the union of the advance box and the glyph's
            # ink, so where the ink stops short of its right edge, that edge is the advance's
            # end. Where the ink reaches it (a mark drawn across its zero-width origin), ask the
            # font, by Unicode. Not for a space: fonts map several glyphs to U+0020 (a lost
            # NIKHAHIT among them), and pdfium gives a space an ink box equal to its advance.
            # Whether the ink reaches is a glyph's own, asked once where the page is upright. A
            # glyph is known by its font, size, Unicode and box's width (a broken map gives
            # several glyphs one Unicode); a mark's ink lies where its position puts it.
            is_mark = text in _MARKS
            glyph = (font_key, code, tf_size, x_scale, round(rect.right - ox.value, 2)) \
                if ctm is None and not (space or is_mark) else None
            ink_centre = 0.0
            if glyph in advances:
                x0, y_origin, loose_right = ox.value, oy.value, rect.right
                glyph_advance = advances[glyph]
            else:
                ink_box(tp, i, *ink_refs)
                if ctm is None:
                    x0, y_origin, loose_right = ox.value, oy.value, rect.right
                    left_ink, right_ink = ink_left.value, ink_right.value
                else:  # a rotated page: boxes turned by quarter turns stay boxes; take their corners
                    x0, y_origin = _apply(ctm, ox.value, oy.value)
                    loose_right = max(_apply(ctm, rect.left, rect.bottom)[0], _apply(ctm, rect.right, rect.top)[0])
                    ink_x = (_apply(ctm, ink_left.value, ink_bottom.value)[0], _apply(ctm, ink_right.value, ink_top.value)[0])
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
            y0 = y_origin + font_descent * size
            y1 = y0 + size
            char = _box(x0, y0, x1, y1, height, initial_doctop)
            char.update(object_type="char", page_number=page_number, text=text, size=size,
                        upright=True, fontname="", adv=x1 - x0)
            found.append(((stream_order, i), ink_centre, char))
        # pdfium's text page may move a positioned mark past the next letter ("ทั้ง" -> "ทัง้");
        # pdfminer keeps the content stream's order, in which a mark follows its base. So:
        # text objects in stream order, chars within one in pdfium's order; and a page where
        # a mark still does not sit on the letter before it goes to pdfminer.
        found.sort(key=lambda entry: entry[0])
        base = None  # the last letter, which a mark after it sits on
        for _, ink_centre, c in found:
            if c["text"] in _MARKS:
                if base is None or not base["x0"] <= ink_centre <= base["x1"] + 1:
                    raise FastLayerRefused("a mark out of its base's place")
            elif not c["text"].isspace():
                base = c
        return [c for _, _, c in found]
    finally:
        textpage.close()
