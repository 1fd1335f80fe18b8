"""The chars of a page read by pdfium, as pdfminer reads them (pdfium_layer): pdfium's text page
gives each glyph's Unicode, origin and boxes (read in bulk: pdfium_text_calls); pdfminer's box,
size and order are made from them, glyph by glyph."""
from __future__ import annotations

import ctypes
from itertools import compress, islice
from operator import itemgetter, lt
from typing import Callable, Optional

import pypdfium2.raw as raw

from thaikpi.pipeline.text import COMBINING_MARKS
from thaikpi.pipeline.readers.pdf_actualtext import SPAN_ATTR, TEXT_ATTR
from thaikpi.pipeline.readers.pdfium_fonts import inkless_spaces, page_font_metrics
from thaikpi.pipeline.readers.pdfium_frames import FastLayerRefused, apply_matrix, text_shape
from thaikpi.pipeline.readers.pdfium_text_calls import TextPageCalls

_MARKS = set(COMBINING_MARKS)
SAME_POINT = 0.001  # points: two float32 readings of one position differ by less (at most 1e-4 on a page)
# Unicode's white space, as code points: str.isspace's, asked of a char's code
_SPACES = frozenset(c for c in range(0x3001) if chr(c).isspace())

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
    if _TEXT_HYPHEN in codes:
        codes = [raw.FPDFText_GetUnicode(tp, i) if c == _TEXT_HYPHEN else c for i, c in enumerate(codes)]
    return codes


def _frames(calls: TextPageCalls, objects: list[int], firsts: list[int], order: dict, ctm: Optional[tuple],
            metrics: dict, type3_descent: Callable[[], float], frames: dict[int, tuple]) -> None:
    """Text object -> (stream order, font, font's address, descent per point of size, standard
    widths, font's name, x scale, y scale, to frame, turn, upright, size in Tf, the font's codes
    with no Unicode, the advances of its glyphs at this size and scale), for `objects` in the
    order their chars come, each asked through its first char (`firsts`). Many producers make
    every glyph a text object of its own: objects of one font, size and matrix share the rest.
    Written into `frames`; FastLayerRefused as it would come reading the objects one by one,
    with the object's first char as `.char` (the chars before it are read first, with the
    frames written so far: a refusal of theirs comes first)."""
    fonts, sizes, a, b, c, d = calls.object_rows(objects, firsts)
    shared: dict[tuple, tuple] = {}  # (font, size, linear part) -> the frame after its stream order
    shapes: dict[tuple, tuple] = {}  # a text matrix's linear part -> text_shape
    unmapped: dict[int, dict] = {}  # font -> {code: pdfium found no Unicode for it}
    advances: dict[tuple, dict] = {}  # (font, size, x scale) -> {(code, box width): advance}
    for key, first, font_key, tf_size, *linear in zip(objects, firsts, fonts, sizes, a, b, c, d):
        look = (font_key, tf_size, *linear)
        rest = shared.get(look)
        if rest is None:
            try:
                linear = tuple(linear)
                shape = shapes.get(linear)
                if shape is None:
                    shape = shapes[linear] = text_shape(*linear, ctm)
                font_metrics = page_font_metrics(font_key, metrics, type3_descent)
            except FastLayerRefused as why:
                why.char = first
                raise
            rest = shared[look] = (*font_metrics[:1], font_key, *font_metrics[1:], *shape, tf_size,
                                   unmapped.setdefault(font_key, {}), advances.setdefault((font_key, tf_size, shape[0]), {}))
        frames[key] = (order.get(key, len(order)), *rest)


def page_chars(page, page_number: int, height: float, initial_doctop: float, order: dict,
           ctm: Optional[tuple], spans: dict, texts: list, type3_descent: Callable[[], float]) -> list[dict]:
    """The page's chars; `texts` are its text objects (address, container's matrix) in content
    stream order, and `order` gives each one's place; `spans` the ActualText span of those
    drawn in one (tagged on their chars as pdf_actualtext tags pdfminer's); `ctm` takes
    pdfium's coordinates (PDF space) to the page as shown, where it has a /Rotate.

    The fast layer's main cost is its calls into pdfium. A char's Unicode comes from one call
    for the page, its object, origin and loose box from one pass each (pdfium_text_calls);
    what holds for a glyph of a font at a size (no Unicode for it, its ink reaching past its
    advance) is asked once; a char asks for its ink only where that differs from glyph to glyph
    (marks, spaces)."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        calls = TextPageCalls(tp)
        count = raw.FPDFText_CountChars(tp)
        codes = _codes(tp, count)
        # spaces and line breaks pdfium inferred; pdfminer has none
        skipped = {i for i in compress(range(count), map(_SPACES.__contains__, codes))
                   if codes[i] in _LINE_BREAKS or calls.is_generated(i)}
        objects = calls.char_objects(count)
        if skipped:
            keep = [i not in skipped for i in range(count)]
            kept_objects, kept = list(compress(objects, keep)), list(compress(range(count), keep))
        else:
            kept_objects, kept = objects, range(count)
        firsts = dict(zip(reversed(kept_objects), reversed(kept)))  # object -> its first char
        in_order = list(dict.fromkeys(kept_objects))
        metrics: dict[int, tuple] = {}  # font -> (its ctypes handle, *_font_metrics)
        frames: dict[int, tuple] = {}
        refusal, limit = None, count
        try:
            _frames(calls, in_order, [firsts[key] for key in in_order], order, ctm, metrics, type3_descent, frames)
        except FastLayerRefused as why:
            refusal, limit = why, why.char
        found = _read_chars(calls, limit, codes, skipped, objects, frames, page_number, height, initial_doctop)
        if refusal is not None:
            raise refusal
        return _in_stream_order(found, texts, frames, metrics, type3_descent, page_number, height, initial_doctop,
                                order, spans, count)
    finally:
        textpage.close()


def _read_chars(calls: TextPageCalls, limit: int, codes: list, skipped: set, objects: list, frames: dict,
                page_number: int, height: float, initial_doctop: float) -> list[tuple]:
    """(stream order, ink centre, left and right in the text's frame, text object, char) of each
    char before `limit` that pdfminer reads, in pdfium's order."""
    found: list[tuple] = []
    previous_where = None  # the last char's object, origin and box
    last_x1 = float("nan")  # the last char's right edge
    for start in range(0, limit, _RUN):
        stop = min(start + _RUN, limit)
        for i, code, key, origin_x, origin_y, left, top, right, bottom in zip(
                range(start, stop), islice(codes, start, stop), islice(objects, start, stop), *calls.char_boxes(start, stop)):
            space = code in _SPACES
            if space and i in skipped:
                continue
            (stream_order, font, font_key, font_descent, standard_widths, font_name, x_scale, y_scale, to_frame, turn,
             upright, tf_size, unmapped, advances) = frames[key]
            no_unicode = unmapped.get(code)
            if no_unicode is None:
                no_unicode = unmapped[code] = calls.map_error(i)
            text = chr(code)
            if no_unicode:
                text = f"(cid:{code})"  # no Unicode: pdfium gives the character code, pdfminer's cid
            elif code == 2:
                text = "-"  # pdfium's mark for a hyphen that ends a line: the glyph is a hyphen
            # A glyph whose Unicode is several code points (a ligature "บั") is one char to
            # pdfminer; pdfium gives each code point a char of the glyph's own object, origin and
            # box, and measures the glyph as its first code point's. Where that is a mark of no
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
            glyph = (code, round((right - origin_x) * 100)) \
                if to_frame is None and not (space or text in _MARKS) else None
            glyph_advance = advances.get(glyph, _UNKNOWN)
            ink_centre = 0.0
            if glyph_advance is not _UNKNOWN:
                x0, y_origin, loose_right = origin_x, origin_y, right
            else:
                left_ink, right_ink, bottom_ink, top_ink = calls.ink_box(i)
                if to_frame is None:
                    x0, y_origin, loose_right = origin_x, origin_y, right
                else:  # a rotated page or text: boxes turned by quarter turns stay boxes; take their corners
                    x0, y_origin = apply_matrix(to_frame, origin_x, origin_y)
                    loose_right = max(apply_matrix(to_frame, left, bottom)[0], apply_matrix(to_frame, right, top)[0])
                    ink_x = (apply_matrix(to_frame, left_ink, bottom_ink)[0], apply_matrix(to_frame, right_ink, top_ink)[0])
                    left_ink, right_ink = min(ink_x), max(ink_x)
                ink_centre = (left_ink + right_ink) / 2
                reaches = not space and right_ink >= loose_right - 0.01
                glyph_advance = calls.glyph_width(font, code, tf_size) if reaches and font else None
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
            gap = x0 - last_x1
            if gap and -SAME_POINT < gap < SAME_POINT and turn is None:
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
            found.append((stream_order, ink_centre, frame_x0, frame_x1, key, char))
    return found


def _in_stream_order(found: list[tuple], texts: list, frames: dict, metrics: dict, type3_descent: Callable[[], float],
                     page_number: int, height: float, initial_doctop: float, order: dict, spans: dict,
                     count: int) -> list[dict]:
    """The chars read (_read_chars) and the lone spaces pdfium left out (inkless_spaces), in
    pdfminer's order, tagged with their ActualText spans.

    pdfium's text page may move a positioned mark past the next letter ("ทั้ง" -> "ทัง้");
    pdfminer keeps the content stream's order, in which a mark follows its base. So: text
    objects in stream order, chars within one in pdfium's order (a stable sort: the lone
    spaces' objects have no chars read); and a page where a mark still does not sit on the
    letter before it goes to pdfminer."""
    for key, char in inkless_spaces(texts, frames, metrics, type3_descent, page_number, height, initial_doctop):
        found.append((order[key], 0.0, char["x0"], char["x1"], key, char))
    found.sort(key=_STREAM_ORDER)
    chars = list(map(_CHAR, found))
    if spans:
        for entry in found:
            if entry[4] in spans:
                entry[5][SPAN_ATTR], entry[5][TEXT_ATTR] = spans[entry[4]]
    text = list(map(_TEXT, chars))
    marks = list(map(_MARKS.__contains__, text))
    if any(marks):
        not_base = list(map(str.isspace, text))  # a base is neither a space nor a mark
        for p in compress(range(len(text)), marks):
            not_base[p] = True
        base = -1  # the last base before a mark, where the mark sits
        searched = 0  # base is the last before this place
        for p in compress(range(len(text)), marks):
            for j in range(p - 1, searched - 1, -1):
                if not not_base[j]:
                    base = j
                    break
            searched = p
            if base < 0 or not found[base][2] <= found[p][1] <= found[base][3] + 1:
                raise FastLayerRefused("a mark out of its base's place")
    return chars


_UNKNOWN = object()  # a glyph not yet measured
_RUN = 1024  # chars read at a time (TextPageCalls.char_boxes)
_LINE_BREAKS = (0x0A, 0x0D)
_STREAM_ORDER, _CHAR, _TEXT = itemgetter(0), itemgetter(5), itemgetter("text")
