"""The chars of a page read by pdfium, as pdfminer reads them (pdfium_layer): pdfium's text page
gives each glyph's Unicode, origin and boxes; pdfminer's box, size and order are made from
them, glyph by glyph."""
from __future__ import annotations

import ctypes
from typing import Callable, Optional

import cffi
import pypdfium2.raw as raw

from thaikpi.pipeline.text import COMBINING_MARKS
from thaikpi.pipeline.readers.pdf_actualtext import SPAN_ATTR, TEXT_ATTR
from thaikpi.pipeline.readers.pdfium_fonts import inkless_spaces, page_font_metrics
from thaikpi.pipeline.readers.pdfium_frames import FastLayerRefused, apply_matrix, text_shape

_MARKS = set(COMBINING_MARKS)
SAME_POINT = 0.001  # points: two float32 readings of one position differ by less (at most 1e-4 on a page)

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


def _text_object_frame(ctp, index: int, obj: int, ctm: Optional[tuple], metrics: dict, shapes: dict,
                       matrix, type3_descent: Callable[[], float]) -> tuple:
    """(font, font's address, descent per point of size, standard widths, font's name, x scale,
    y scale, to frame, turn, upright) of the text object at address `obj`, whose char `index`
    is on the text page `ctp` (cffi's). `metrics` keeps each font's (page_font_metrics) and `shapes`
    each matrix's (text_shape): many producers make every glyph a text object of its own.
    `matrix` is a cffi FS_MATRIX to read into; `type3_descent` gives a Type3 font's descent."""
    _GET_MATRIX(ctp, index, matrix)
    linear = (matrix.a, matrix.b, matrix.c, matrix.d)
    shape = shapes.get(linear)
    if shape is None:
        shape = shapes[linear] = text_shape(*linear, ctm)
    key = _GET_FONT(obj)
    font, descent, standard_widths, name = page_font_metrics(key, metrics, type3_descent)
    return (font, key, descent, standard_widths, name, *shape)


def page_chars(page, page_number: int, height: float, initial_doctop: float, order: dict,
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
        shapes: dict[tuple, tuple] = {}  # a text matrix's linear part -> text_shape
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
                    x0, y_origin = apply_matrix(to_frame, origin_x, origin_y)
                    loose_right = max(apply_matrix(to_frame, left, bottom)[0], apply_matrix(to_frame, right, top)[0])
                    ink_x = (apply_matrix(to_frame, ink[0], ink[2])[0], apply_matrix(to_frame, ink[1], ink[3])[0])
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
                (px0, py0), (px1, py1) = apply_matrix(turn, x0, y0), apply_matrix(turn, x1, y1)
                x0, x1, y0, y1 = min(px0, px1), max(px0, px1), min(py0, py1), max(py0, py1)
                size = y1 - y0
            # frame_box's frame with the char's keys, in one dict: this runs for every char of a page
            char = {"x0": x0, "x1": x1, "y0": y0, "y1": y1, "top": height - y1, "bottom": height - y0,
                    "doctop": initial_doctop + height - y1, "width": x1 - x0, "height": y1 - y0,
                    "object_type": "char", "page_number": page_number, "text": text, "size": size,
                    "upright": upright, "fontname": font_name, "adv": frame_x1 - frame_x0}
            found.append(((stream_order, i), ink_centre, frame_x0, frame_x1, key, char))
        for key, char in inkless_spaces(texts, frames, metrics, type3_descent, page_number, height, initial_doctop):
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
