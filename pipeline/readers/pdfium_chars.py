"""The chars of a page read by pdfium, as pdfminer reads them (pdfium_layer): pdfium's text page
gives each glyph's Unicode, origin and boxes (read in bulk: pdfium_text_calls); pdfminer's box,
size and order are made from them, glyph by glyph."""
from __future__ import annotations

import ctypes
from itertools import compress
from operator import itemgetter
from typing import Callable, NamedTuple, Optional

import numpy as np
import pypdfium2.raw as raw

from thaikpi.pipeline.text import COMBINING_MARKS
from thaikpi.pipeline.readers.pdf_actualtext import SPAN_ATTR, TEXT_ATTR
from thaikpi.pipeline.readers.pdfium_fonts import PageFonts, inkless_spaces, page_font_metrics
from thaikpi.pipeline.readers.pdfium_columns import FrameColumns, first_rows, pair_max, pair_min, snap
from thaikpi.pipeline.readers.pdfium_frames import FastLayerRefused, text_shape
from thaikpi.pipeline.readers.pdfium_text_calls import TextPageCalls

_MARKS = set(COMBINING_MARKS)
# Unicode's white space, as code points: str.isspace's, asked of a char's code
_SPACES = frozenset(c for c in range(0x3001) if chr(c).isspace())
_SPACE_CODES = np.array(sorted(_SPACES), dtype=np.int64)
_MARK_CODES = np.array(sorted(ord(m) for m in _MARKS), dtype=np.int64)

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


def _frames(calls: TextPageCalls, objects: list[int], firsts: list[int], ctm: Optional[tuple], metrics: dict,
            page_fonts: PageFonts, frames: dict[int, int], kinds: list[tuple]) -> None:
    """Text object -> its kind's place in `kinds`, where a kind is (font, font's address,
    descent per point of size, standard widths, font's name, x scale, y scale, to frame, turn,
    upright, size in Tf), for `objects` in the order their chars come, each asked through its
    first char (`firsts`). Many producers make every glyph a text object of its own: objects
    of one font, size and matrix are of one kind. Written into `frames` and `kinds`;
    FastLayerRefused as it would come reading the objects one by one, with the object's first
    char as `.char` (the chars before it are read first, with the frames written so far: a
    refusal of theirs comes first)."""
    fonts, sizes, a, b, c, d = calls.object_rows(objects, firsts)
    known: dict[tuple, int] = {}  # (font, size, linear part) -> its kind's place
    shapes: dict[tuple, tuple] = {}  # a text matrix's linear part -> text_shape
    for key, first, font_key, tf_size, *linear in zip(objects, firsts, fonts, sizes, a, b, c, d):
        look = (font_key, tf_size, *linear)
        kind = known.get(look)
        if kind is None:
            try:
                linear = tuple(linear)
                shape = shapes.get(linear)
                if shape is None:
                    shape = shapes[linear] = text_shape(*linear, ctm)
                font_metrics = page_font_metrics(font_key, metrics, page_fonts)
            except FastLayerRefused as why:
                why.char = first
                raise
            kind = known[look] = len(kinds)
            kinds.append((*font_metrics[:1], font_key, *font_metrics[1:], *shape, tf_size))
        frames[key] = kind


def page_chars(page, page_number: int, height: float, initial_doctop: float, order: dict,
           ctm: Optional[tuple], spans: dict, texts: list, page_fonts: PageFonts) -> list[dict]:
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
        frames: dict[int, int] = {}  # text object -> its kind (_frames)
        kinds: list[tuple] = []
        refusal, limit = None, count
        try:
            _frames(calls, in_order, [firsts[key] for key in in_order], ctm, metrics, page_fonts, frames, kinds)
        except FastLayerRefused as why:
            refusal, limit = why, why.char
        found = _read_chars(calls, limit, codes, skipped, objects, FrameColumns.reader(frames, kinds, order),
                            page_number, height, initial_doctop)
        if refusal is not None:
            raise refusal
        return _in_stream_order(found, texts, frames, metrics, page_fonts, page_number, height, initial_doctop,
                                order, spans, count)
    finally:
        textpage.close()


@np.errstate(all="ignore")  # a damaged file's NaN and infinities are read as Python's floats take them
def _read_chars(calls: TextPageCalls, limit: int, codes: list, skipped: set, objects: list,
                frames_of: Callable[[np.ndarray], "FrameColumns"], page_number: int, height: float,
                initial_doctop: float) -> "_Found":
    """The chars before `limit` that pdfminer reads, in pdfium's order, with their stream
    order, ink centre, left and right in the text's frame and text object.

    The page's chars are read as columns (numpy arrays: one operation a rule for the page, not
    a Python step a char), in the steps below; what is known once for many chars (a font's code
    with no Unicode, a glyph's advance) is asked of pdfium through the first char that needs it,
    and the rare rules that run in sequence (float32 positions snapped, ligatures) run on the
    few chars they concern."""
    rows = np.arange(limit)
    if skipped:
        # spaces and line breaks pdfium inferred; pdfminer has none
        rows = rows[~np.isin(rows, np.fromiter(skipped, dtype=np.int64, count=len(skipped)))]
    if not rows.size:
        return _Found(np.empty(0, dtype=np.int64), np.empty(0), np.empty(0), np.empty(0), [], [])
    origin_x, origin_y, left, top, right, bottom = (column[rows] for column in calls.char_box_arrays(limit))
    code = np.array(codes[:limit], dtype=np.int64)[rows]
    key = np.array(objects[:limit], dtype=np.uint64)[rows]
    frame = frames_of(key)
    space = np.isin(code, _SPACE_CODES)

    # A font's code pdfium found no Unicode for is read as pdfminer's cid: asked once a font
    # and code, through its first char.
    firsts, which = first_rows(frame.font_group, code)
    asked = rows[firsts].tolist()
    no_unicode = np.array([calls.map_error(i) for i in asked], dtype=bool)[which]
    mark = np.isin(code, _MARK_CODES) & ~no_unicode

    # A glyph whose Unicode is several code points (a ligature "บั") is one char to pdfminer;
    # pdfium gives each code point a char of the glyph's own object, origin and box. Those
    # after the first (not spaces) are joined to it below.
    same_place = np.zeros(rows.size, dtype=bool)
    same_place[1:] = ((key[1:] == key[:-1]) & (origin_x[1:] == origin_x[:-1]) & (origin_y[1:] == origin_y[:-1])
                      & (left[1:] == left[:-1]) & (right[1:] == right[:-1]) & (top[1:] == top[:-1])
                      & (bottom[1:] == bottom[:-1]))
    joined = same_place & ~space
    if joined.any():
        read = ~joined
        texts_joined = _texts(code[joined], no_unicode[joined])
        places = np.flatnonzero(read)
        glyph_of_joined = np.searchsorted(places, np.flatnonzero(joined)) - 1  # the char read before each
        joined_no_unicode = no_unicode[joined].tolist()
        rows, origin_x, origin_y, left, top, right, bottom, code, key, space, no_unicode, mark = (
            column[read] for column in (rows, origin_x, origin_y, left, top, right, bottom, code, key, space,
                                        no_unicode, mark))
        frame = frame.of(read)

    # pdfminer's box: from the origin across the advance, from the font's descent up one size.
    # pdfium's loose box is the union of the advance box and the glyph's ink, so where the ink
    # stops short of its right edge, that edge is the advance's end. Where the ink reaches it
    # (a mark drawn across its zero-width origin), ask the font, by Unicode. Not for a space:
    # fonts map several glyphs to U+0020 (a lost NIKHAHIT among them), and pdfium gives a
    # space an ink box equal to its advance. Whether the ink reaches is a glyph's own, asked
    # once where the text is upright (through the glyph's first char). A glyph is known by its
    # font, size, Unicode and box's width in hundredths of a point (a broken map gives several
    # glyphs one Unicode); a mark's ink lies where its position puts it, so it asks each time.
    framed = frame.framed
    measured_once = ~(space | mark | framed)
    box_width = np.rint((right[measured_once] - origin_x[measured_once]) * 100).astype(np.int64)
    glyph_firsts, glyph_which = first_rows(frame.advance_group[measured_once], code[measured_once], box_width)
    asks = ~measured_once
    asks[np.flatnonzero(measured_once)[glyph_firsts]] = True
    asking = np.flatnonzero(asks)
    x0, y_origin, loose_right = origin_x.copy(), origin_y.copy(), right.copy()
    left_ink, right_ink, bottom_ink, top_ink = calls.ink_boxes(rows[asking].tolist())
    if frame.to_frame is not None:
        # a rotated page or text: boxes turned by quarter turns stay boxes; take their corners
        m = frame.to_frame
        x0 = np.where(framed, m[0] * origin_x + m[2] * origin_y + m[4], origin_x)
        y_origin = np.where(framed, m[1] * origin_x + m[3] * origin_y + m[5], origin_y)
        low, high = m[0] * left + m[2] * bottom + m[4], m[0] * right + m[2] * top + m[4]
        loose_right = np.where(framed, pair_max(low, high), right)
        ma = [c[asking] for c in m]
        low, high = ma[0] * left_ink + ma[2] * bottom_ink + ma[4], ma[0] * right_ink + ma[2] * top_ink + ma[4]
        framed_asking = framed[asking]
        left_ink = np.where(framed_asking, pair_min(low, high), left_ink)
        right_ink = np.where(framed_asking, pair_max(low, high), right_ink)
    ink_centre = np.zeros(rows.size)
    ink_centre[asking] = (left_ink + right_ink) / 2
    reaches = ~space[asking] & (right_ink >= loose_right[asking] - 0.01)
    advance = np.full(rows.size, np.nan)
    widths = {}  # (font, Unicode, size) -> pdfium's advance of the glyph, or None
    for p in asking[reaches].tolist():
        font = frame.font_of(p)
        if font:
            look = (int(frame.font_group[p]), int(code[p]), float(frame.tf_size[p]))
            width = widths.get(look, _UNKNOWN)
            if width is _UNKNOWN:
                width = widths[look] = calls.glyph_width(font, *look[1:])
            if width is not None:
                advance[p] = width
    once = np.flatnonzero(measured_once)
    advance[once] = advance[once[glyph_firsts]][glyph_which]
    has_advance = ~np.isnan(advance)
    x1 = np.where(has_advance, x0 + advance * frame.x_scale, pair_max(x0, loose_right))
    # a glyph mapped to a space that draws back over the letter before it: a lost mark, no
    # advance (a space is never measured once: its ink was asked, and it has no advance)
    spaces = space[asking]
    at = asking[spaces]
    x1[at] = np.where(left_ink[spaces] < x0[at] - 0.01, x0[at], x1[at])
    texts = _texts(code, no_unicode)
    if frame.any_standard_widths:
        # pdfminer's metrics of a standard font lack this glyph: no width
        for p in np.flatnonzero(frame.has_standard_widths & ~no_unicode).tolist():
            if texts[p] not in frame.standard_widths_of(p):
                x1[p] = x0[p]
    snap(x0, x1, ~frame.turned)
    size = frame.tf_size * frame.y_scale
    y0 = y_origin + frame.descent * size
    y1 = y0 + size
    frame_x0, frame_x1 = x0, x1
    if frame.turn is not None:
        # pdfminer's box: the frame's box turned onto the page; its size is the box's height,
        # which for a quarter turn is the advance
        t = frame.turn
        px0, py0 = t[0] * x0 + t[2] * y0 + t[4], t[1] * x0 + t[3] * y0 + t[5]
        px1, py1 = t[0] * x1 + t[2] * y1 + t[4], t[1] * x1 + t[3] * y1 + t[5]
        turned = frame.turned
        x0, x1 = np.where(turned, pair_min(px0, px1), x0), np.where(turned, pair_max(px0, px1), x1)
        y0, y1 = np.where(turned, pair_min(py0, py1), y0), np.where(turned, pair_max(py0, py1), y1)
        size = np.where(turned, y1 - y0, size)
    # frame_box's frame with the char's keys, in one dict a char
    doctop = initial_doctop + height
    chars = [{"x0": a, "x1": b, "y0": c, "y1": d, "top": height - d, "bottom": height - c, "doctop": doctop - d,
              "width": b - a, "height": d - c, "object_type": "char", "page_number": page_number, "text": text,
              "size": z, "upright": u, "fontname": f, "adv": fb - fa}
             for a, b, c, d, text, z, u, f, fa, fb in zip(
                 x0.tolist(), x1.tolist(), y0.tolist(), y1.tolist(), texts, size.tolist(), frame.upright.tolist(),
                 frame.font_name, frame_x0.tolist(), frame_x1.tolist())]
    if joined.any():
        # the glyph is the char read before: where that is a mark of no width (a shaped "้ำ":
        # tone mark and SARA AM in one glyph), the glyph is that char with the code points
        # after it (pdfminer's box has no width either); a ligature with an advance may
        # measure otherwise: the page goes to pdfminer
        for p, text, unmapped in zip(glyph_of_joined.tolist(), texts_joined, joined_no_unicode):
            glyph = chars[p]
            if unmapped or glyph["x1"] != glyph["x0"] or not all(m in _MARKS for m in glyph["text"]):
                raise FastLayerRefused("a glyph of several characters (a ligature)")
            glyph["text"] += text
    return _Found(frame.stream_order, ink_centre, frame_x0, frame_x1, key.tolist(), chars)


def _texts(code: np.ndarray, no_unicode: np.ndarray) -> list[str]:
    """Each char's text: its Unicode; pdfminer's cid where pdfium found none for the font's
    code; a hyphen for pdfium's mark of one that ends a line (2)."""
    texts = list(map(chr, code.tolist()))
    for p in np.flatnonzero(no_unicode | (code == 2)).tolist():
        texts[p] = f"(cid:{code[p]})" if no_unicode[p] else "-"
    return texts


class _Found(NamedTuple):
    """Chars read (_read_chars), a row each: columns, and the chars as pdfplumber's dicts."""
    stream_order: np.ndarray  # the text object's place in the content stream
    ink_centre: np.ndarray  # where a mark's ink lies (0 where not asked)
    frame_x0: np.ndarray  # left and right in the text's own frame
    frame_x1: np.ndarray
    key: list  # the text object (its address)
    chars: list


def _in_stream_order(found: _Found, texts: list, frames: dict, metrics: dict, page_fonts: PageFonts,
                     page_number: int, height: float, initial_doctop: float, order: dict, spans: dict,
                     count: int) -> list[dict]:
    """The chars read (_read_chars) and the lone spaces pdfium left out (inkless_spaces), in
    pdfminer's order, tagged with their ActualText spans.

    pdfium's text page may move a positioned mark past the next letter ("ทั้ง" -> "ทัง้");
    pdfminer keeps the content stream's order, in which a mark follows its base. So: text
    objects in stream order, chars within one in pdfium's order (a stable sort: the lone
    spaces' objects have no chars read); and a page where a mark still does not sit on the
    letter before it goes to pdfminer."""
    spaces = list(inkless_spaces(texts, frames, metrics, page_fonts, page_number, height, initial_doctop))
    chars, keys = found.chars, found.key
    stream_order, ink_centre, frame_x0, frame_x1 = found.stream_order, found.ink_centre, found.frame_x0, found.frame_x1
    if spaces:
        chars, keys = chars + [char for _, char in spaces], keys + [key for key, _ in spaces]
        stream_order = np.concatenate([stream_order, [order[key] for key, _ in spaces]])
        ink_centre = np.concatenate([ink_centre, np.zeros(len(spaces))])
        frame_x0 = np.concatenate([frame_x0, [char["x0"] for _, char in spaces]])
        frame_x1 = np.concatenate([frame_x1, [char["x1"] for _, char in spaces]])
    in_order = np.argsort(stream_order, kind="stable")
    if in_order.size and (in_order[1:] < in_order[:-1]).any():
        chars = [chars[i] for i in in_order.tolist()]
        keys = [keys[i] for i in in_order.tolist()]
        ink_centre, frame_x0, frame_x1 = ink_centre[in_order], frame_x0[in_order], frame_x1[in_order]
    if spans:
        for key, char in zip(keys, chars):
            if key in spans:
                char[SPAN_ATTR], char[TEXT_ATTR] = spans[key]
    text = list(map(_TEXT, chars))
    marks = np.fromiter(map(_MARKS.__contains__, text), dtype=bool, count=len(text))
    if marks.any():
        # a base is neither a space nor a mark; each mark sits on the last base before it
        base = ~(marks | np.fromiter(map(str.isspace, text), dtype=bool, count=len(text)))
        last_base = np.maximum.accumulate(np.where(base, np.arange(len(text)), -1))
        at = np.flatnonzero(marks)
        on = np.where(at > 0, last_base[at - 1], -1)
        held = on >= 0
        sits = held.copy()
        sits[held] = ((frame_x0[on[held]] <= ink_centre[at[held]]) & (ink_centre[at[held]] <= frame_x1[on[held]] + 1))
        if not sits.all():
            raise FastLayerRefused("a mark out of its base's place")
    return chars


_UNKNOWN = object()  # a glyph's width not yet asked
_LINE_BREAKS = (0x0A, 0x0D)
_TEXT = itemgetter("text")
