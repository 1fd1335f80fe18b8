"""Fonts of the fast layer: each font's descent and standard widths as pdfminer takes them, the
Type3 descent pdfminer reads, and the spaces drawn as text objects of their own that pdfium's
text page leaves out."""
from __future__ import annotations

import ctypes
from typing import Callable, Optional

import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import resolve1

from thaikpi.pipeline.readers.pdfium_frames import FastLayerRefused, address, compose, frame_box, object_matrix


def page_font_metrics(key: int, metrics: dict, page_fonts: PageFonts) -> tuple:
    """(font as a ctypes handle or None, and its _font_metrics) of the font at address `key`,
    kept in `metrics` for the page."""
    font_metrics = metrics.get(key)
    if font_metrics is None:
        font = ctypes.cast(key, raw.FPDF_FONT) if key else None
        font_metrics = metrics[key] = (font, *_font_metrics(font, page_fonts))
    return font_metrics


# pdfminer's metrics of these key widths by its own reading of their codes ("n" for ■), not
# by Unicode, and have no descent
_STANDARD_SYMBOL_FONTS = ("Symbol", "ZapfDingbats")


def _font_metrics(font, page_fonts: PageFonts) -> tuple[float, Optional[dict], str]:
    """A font's descent per point of size; for a font named as one of pdfminer's standard
    fonts (Helvetica, Arial, Times-Roman, ...), that font's widths by Unicode; and its name ("" for
    none): pdfium's BaseFont, without a subset's tag ("Wingdings2" where pdfminer's fontname is
    "JGDNEP+Wingdings2"). pdfminer takes descent and widths from its own metrics whatever the
    PDF holds: Helvetica's descent is 0.207 there, 0.224 in pdfium (every char of an OCR layer
    set in Helvetica moves), and a glyph its metrics lack (the euro sign) has no width. A font with no BaseFont is a Type3 font, whose
    descent pdfminer reads its own way (`page_fonts.type3_descent`). pdfminer's metrics are for
    simple fonts only: a Type0 font named "Symbol" (Word's bullets and ≥, Identity-H with a
    ToUnicode map) is measured by its own widths in both readers."""
    if not font:
        return 0.0, None, ""
    buffer = ctypes.create_string_buffer(128)
    name = buffer.value.decode("latin-1") if raw.FPDFFont_GetBaseFontName(font, buffer, len(buffer)) else ""
    if not name:
        return page_fonts.type3_descent(), None, name
    if name in FONT_METRICS and not page_fonts.only_type0(name):
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


class PageFonts:
    """What a page's font dictionaries tell pdfminer and pdfium does not, read from pdfminer's
    resources only when a font asks: a Type3 font's descent, and whether a font is a Type0 font
    (pdfium tells neither). `draws_forms()`: whether the page draws form XObjects, whose
    fonts are not among the page's own (asked only where a font bears a standard name)."""

    def __init__(self, plumber_page, draws_forms: Callable[[], bool] = lambda: False):
        self.plumber_page = plumber_page
        self.draws_forms = draws_forms
        self._type3_descent: Optional[float] = None
        self._subtypes: Optional[dict[str, set]] = None  # _font_subtypes, read once

    def type3_descent(self) -> float:
        """pdfminer's descent for the Type3 fonts of a page: its FontBBox's bottom through its
        FontMatrix, or 0 where pdfminer cannot parse the box (Chromium writes it as a
        reference). pdfium has its own, and tells a Type3 font only by its missing BaseFont, so
        the page's Type3 fonts must agree on one value; otherwise FastLayerRefused."""
        if self._type3_descent is None:
            manager = PDFResourceManager()
            values = {manager.get_font(None, spec).get_descent()
                      for spec in _font_specs(self.plumber_page) if _subtype(spec) == "Type3"}
            if len(values) != 1:
                raise FastLayerRefused("Type3 fonts of different descents, or in a form's resources")
            self._type3_descent = values.pop()
        return self._type3_descent

    def only_type0(self, name: str) -> bool:
        """Whether the font pdfium names `name` (a standard font's name) is sure to be a Type0
        font: the page's fonts of that BaseFont (without a subset's tag) are all Type0, and
        none could be another font under that name. pdfium gives a simple Type1 font the
        standard name it stands for ("Arial" is "Helvetica"), and a form's fonts are not the
        page's: a page with a Type1 font or a form is not sure (False, as before)."""
        if self.draws_forms():
            return False
        if self._subtypes is None:
            self._subtypes = _font_subtypes(self.plumber_page) or {}  # unreadable: no name is sure
        if any(kinds & {"Type1", "MMType1"} for kinds in self._subtypes.values()):
            return False
        return self._subtypes.get(name) == {"Type0"}


def _font_subtypes(plumber_page) -> Optional[dict[str, set]]:
    """BaseFont (without a subset's tag) -> the subtypes of the page's own fonts of that name;
    None where pdfminer cannot read them (a damaged font dictionary)."""
    found: dict[str, set] = {}
    try:
        for spec in _font_specs(plumber_page):
            base = str(getattr(resolve1(spec.get("BaseFont")), "name", None))
            tag, plus, rest = base.partition("+")
            found.setdefault(rest if plus and len(tag) == 6 else base, set()).add(_subtype(spec))
    except Exception:  # pdfminer's own errors, of a damaged dictionary: not sure
        return None
    return found


def _font_specs(plumber_page):
    """The font dictionaries of the page's own resources."""
    for spec in (resolve1(plumber_page.page_obj.resources.get("Font")) or {}).values():
        spec = resolve1(spec)
        if isinstance(spec, dict):
            yield spec


def _subtype(spec: dict) -> Optional[str]:
    return getattr(resolve1(spec.get("Subtype")), "name", None)


INKLESS_WIDTH = 0.01  # pdfium's text page leaves out a text object whose box is narrower (kSizeEpsilon)


def inkless_spaces(texts: list, read: dict, metrics: dict, page_fonts: PageFonts,
                    page_number: int, height: float, initial_doctop: float):
    """(text object's address, char) for each text object (`texts`: (address, container's
    matrix)) pdfium's text page left out because
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
    for key, container in texts:
        if key in read:
            continue
        obj = ctypes.cast(key, raw.FPDF_PAGEOBJECT)
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or right.value - left.value >= INKLESS_WIDTH:
            continue
        a, b, c, d, e, f = compose(object_matrix(obj), container)
        font = raw.FPDFTextObj_GetFont(obj)
        if not (a > 0 and d > 0 and abs(b) < 1e-6 and abs(c) < 1e-6) or not font \
                or not raw.FPDFTextObj_GetFontSize(obj, size):
            continue  # turned or skewed: left out, as pdfium does
        font_key = address(font)
        _, descent, standard_widths, font_name = page_font_metrics(font_key, metrics, page_fonts)
        glyph = spaces.get((font_key, size.value))
        if glyph is None:
            glyph = spaces[font_key, size.value] = _space_glyph(font, size.value, standard_widths)
        if not glyph:
            continue  # a font whose space pdfium cannot measure: left out, as pdfium does
        text, width = glyph
        y0 = f + descent * size.value * d
        char = frame_box(e, y0, e + width * a, y0 + size.value * d, height, initial_doctop)
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
