"""Rules on a page's glyphs before words are made of them: symbol fonts' glyphs as the
symbols they are, glyphs that lost their text (for repair_lost_glyphs), combining marks put
after their base letter, and glyphs overprinted for fake bold read once."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from pdfminer.pdftypes import resolve1
from pdfminer.psparser import LIT, PSLiteral

from thaikpi.pipeline.readers.symbol_fonts import symbol_char, symbol_font
from thaikpi.pipeline.settings import ReaderSettings
from thaikpi.pipeline.text import COMBINING_MARKS, LOST_GLYPH, is_thai_letter, repair_lost_glyphs
from thaikpi.schemas.parsed import Line

_DEFAULTS = ReaderSettings()

_CID = re.compile(r"^\(cid:\d+\)$")


def map_symbol_glyphs(chars: list[dict], type0_fonts: Callable[[], set[str]]) -> int:
    """Glyphs of a symbol font (Wingdings' ticks, crosses and boxes) as the symbols they are
    (symbol_fonts); `type0_fonts` gives the symbol families of the page's Type0 fonts, asked
    only where a glyph has no Unicode. Returns how many were mapped."""
    families = {name: family for name in {c["fontname"] for c in chars} if (family := symbol_font(name))}
    if not families:
        return 0
    mapped = 0
    glyph_indexed = None
    for char in chars:
        family = families.get(char["fontname"])
        if family is None:
            continue
        if glyph_indexed is None and char["text"].startswith("(cid:"):
            glyph_indexed = type0_fonts()
        symbol = symbol_char(family, char["text"], family in (glyph_indexed or ()))
        if symbol is not None:
            char["text"] = symbol
            mapped += 1
    return mapped


def type0_symbol_fonts(page) -> set[str]:
    """The symbol_font families of a page's Type0 fonts, by their BaseFont."""
    fonts = resolve1(page.page_obj.resources.get("Font")) or {}
    found = set()
    for spec in fonts.values():
        spec = resolve1(spec)
        if isinstance(spec, dict) and spec.get("Subtype") == LIT("Type0"):
            base = resolve1(spec.get("BaseFont"))
            family = symbol_font(base.name if isinstance(base, PSLiteral) else str(base or ""))
            if family:
                found.add(family)
    return found


def mark_lost_glyphs(chars: list[dict], zero_width: float = _DEFAULTS.zero_width) -> int:
    """Glyphs beside Thai letters that carry no text: U+FFFD or (cid:N) after or before a Thai
    letter, a space narrower than `zero_width` points between two (a real space has width).
    Their text becomes LOST_GLYPH, for repair_lost_glyphs."""
    marked = 0
    for i, char in enumerate(chars):
        text = char["text"]
        unmapped = text == "\ufffd" or (text[:5] == "(cid:" and _CID.match(text))
        if not unmapped and not (text == " " and char["width"] < zero_width):
            continue
        before = is_thai_letter(chars[i - 1]["text"][-1:] or " ") if i > 0 else False
        after = is_thai_letter(chars[i + 1]["text"][:1] or " ") if i + 1 < len(chars) else False
        if (unmapped and (before or after)) or (not unmapped and before and after):
            char["text"] = LOST_GLYPH
            marked += 1
    return marked


_MARKS = frozenset(COMBINING_MARKS)
_THAI_LETTERS = frozenset(ch for ch in map(chr, range(0x0E00, 0x0E80)) if is_thai_letter(ch))


def anchor_marks(chars: list[dict], reach: float = _DEFAULTS.mark_reach) -> int:
    """Put each combining mark right after its base letter in x order.

    With positioned marks a mark's x0 can fall past the next letter's, and sorting by x then
    reads "วสิ ัย" for "วิสัย". In the content stream a mark follows its base, so a mark drawn
    over the letter before it takes that letter's x0 (a hair more) and x1: it sorts after its
    base and opens no gap that would split the word. A mark sits on the letter before it
    where it lies within `reach` points of it."""
    moved = 0
    base, stacked = None, 0
    for char in chars:
        text = char["text"]
        if text in _MARKS:  # one mark alone (the set holds single marks)
            if (base is not None and abs(char["top"] - base["top"]) < reach
                    and base["x0"] - reach <= char["x0"] <= base["x1"] + reach):
                stacked += 1  # marks stacked on one base keep their stream order
                char["x0"], char["x1"] = base["x0"] + 0.001 * stacked, base["x1"]
                moved += 1
        elif text[-1:] in _THAI_LETTERS:  # is_thai_letter(its last char), a set look-up
            base, stacked = char, 0
        else:
            base = None
    return moved


def repair_line(line: Line) -> tuple[Line, int]:
    cells, count = [], 0
    for cell in line.cells:
        fixed, n = repair_lost_glyphs(cell)
        cells.append(fixed)
        count += n
    words = tuple((x0, x1, repair_lost_glyphs(w)[0]) for x0, x1, w in line.words)
    return replace(line, cells=tuple(cells), words=words), count


def overprinted_chars(chars: list[dict], tolerance: float = _DEFAULTS.duplicate_tolerance) -> set[int]:
    """ids of glyphs drawn again on top of themselves (fake bold: each line drawn twice, a
    fraction of a point apart; closer than `tolerance` points). Most pages have none: a test
    over the whole page in set operations (_may_have_twins) lets only the pages where a twin
    is possible pay for the rule (_twins)."""
    return _twins(chars, tolerance) if _may_have_twins(chars, tolerance) else set()


# Cells of the tolerance's size, numbered as one integer: text, then column, then row.
_TWIN_KEY = 1 << 20


def _may_have_twins(chars: list[dict], tolerance: float) -> bool:
    """False only where no two glyphs of one text lie within `tolerance` of each other. Two
    such glyphs lie in the same cell or in neighbouring ones of a grid of the tolerance's size
    (int() truncates: a cell's index moves by at most one over less than a cell), and a key
    linear in the cell's numbers makes the step between their keys one of 0, ±1, ±(K-1), ±K,
    ±(K+1) whatever the numbers are: a coordinate far off the page can make a false alarm,
    never a missed twin. The rule costs about 4 µs a char here; this, under 2."""
    K = _TWIN_KEY
    scale = 1 / tolerance
    ids: dict[str, int] = {}
    number = ids.setdefault
    keys = [(number(text, len(ids)) * K + int(c["x0"] * scale)) * K + int(c["top"] * scale)
            for c in chars if not (text := c["text"]).isspace()]
    present = set(keys)
    if len(present) < len(keys):
        return True
    return any(not present.isdisjoint(map(step.__add__, keys)) for step in (1, K - 1, K, K + 1))


def _twins(chars: list[dict], tolerance: float = _DEFAULTS.duplicate_tolerance) -> set[int]:
    """The fake-bold rule: a glyph within `tolerance` of an earlier, kept glyph of the same
    text is dropped. A grid of cells twice the tolerance wide finds them in linear
    time; pdfplumber's dedupe_chars does the same work quadratically."""
    dropped: set[int] = set()
    # A twin lies in one of the two cells, each way, that the char's tolerance reaches into.
    size = 2 * tolerance
    grid: dict[tuple, list[dict]] = {}
    get = grid.get
    for char in chars:
        text = char["text"]
        if text.isspace():
            continue
        x, top = char["x0"], char["top"]
        left, right = int((x - tolerance) // size), int((x + tolerance) // size)
        up, down = int((top - tolerance) // size), int((top + tolerance) // size)
        twin = False
        for key in ((text, left, up), (text, right, up), (text, left, down), (text, right, down)):
            for k in get(key, ()):
                if abs(k["x0"] - x) < tolerance and abs(k["top"] - top) < tolerance:
                    twin = True
        if twin:
            dropped.add(id(char))
        else:
            grid.setdefault((text, int(x // size), int(top // size)), []).append(char)
    return dropped
