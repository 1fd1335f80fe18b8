"""Text typed onto a page as annotations: forms filled in with Acrobat's typewriter tool carry
their values (a score in a table cell, a reason, a name) as FreeText annotations, not in the
page's content, so no text layer holds them. The reader reads them as page text where they
sit: each annotation becomes chars (pdfplumber char dicts) laid across its box, one line per
line of its /Contents, so that a value typed into a table cell becomes that cell's text.

Only visible FreeText annotations with text count: Stamp, Popup, Widget and Link annotations
carry no page text, and a Hidden or NoView one is not seen on the page."""
from __future__ import annotations

import re
from typing import Optional

from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from thaikpi.pipeline.settings import ReaderSettings
from thaikpi.pipeline.text import COMBINING_MARKS

# Annotation flags (PDF 32000-1, 12.5.3): bit 2 Hidden, bit 6 NoView.
HIDDEN, NO_VIEW = 1 << 1, 1 << 5
# The font of annotation chars: a name no glyph rule (symbol fonts) takes for its own.
FONT_NAME = "FreeTextAnnotation"
_FONT_SIZE = re.compile(rb"(\d+(?:\.\d+)?)\s+Tf")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKS = set(COMBINING_MARKS)
# The leaders of a form's blank ("....", "____"): a value typed over them fills the blank.
FILL_LEADERS = frozenset("._\u2026")


def _name(value) -> str:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else str(value or "")


def _contents(data: dict) -> str:
    raw = resolve1(data.get("Contents"))
    if isinstance(raw, bytes):
        return decode_text(raw)
    return raw if isinstance(raw, str) else ""


def _font_size(data: dict) -> Optional[float]:
    """The size in the annotation's default appearance (/DA "... /Cour 14 Tf")."""
    da = resolve1(data.get("DA"))
    found = _FONT_SIZE.search(da) if isinstance(da, bytes) else None
    return float(found.group(1)) if found and float(found.group(1)) > 0 else None


def free_text_annotations(page) -> list[tuple[dict, str]]:
    """The page's visible FreeText annotations that carry text: (pdfplumber's annot, its text)."""
    try:
        annots = page.annots
    except Exception:  # noqa: BLE001 - a malformed annotation (no /Rect): the content is still read
        return []
    found = []
    for annot in annots:
        data = annot["data"]
        flags = resolve1(data.get("F")) or 0
        if _name(data.get("Subtype")) != "FreeText" or not isinstance(flags, int) or flags & (HIDDEN | NO_VIEW):
            continue
        text = _contents(data)
        if text.strip():
            found.append((annot, text))
    return found


def _line_chars(text: str, x0: float, top: float, size: float, advance: float, page_number: int,
                page_height: float, initial_doctop: float) -> list[dict]:
    """Chars of one line of text from (x0, top): letters `advance` apart; a combining mark on
    the letter before it (that letter's box, a hair right), as the glyph rules place marks."""
    chars: list[dict] = []
    x, base, stacked = x0, None, 0
    for letter in text:
        if letter in _MARKS and base is not None:
            stacked += 1
            left, right = base["x0"] + 0.001 * stacked, base["x1"]
        else:
            left, right = x, x + advance
            x = right
        char = {"x0": left, "x1": right, "y0": page_height - top - size, "y1": page_height - top,
                "top": top, "bottom": top + size, "doctop": initial_doctop + top,
                "width": right - left, "height": size, "object_type": "char", "page_number": page_number,
                "text": letter, "size": size, "upright": True, "fontname": FONT_NAME, "adv": right - left}
        if letter not in _MARKS:
            base, stacked = char, 0
        chars.append(char)
    return chars


def annotation_chars(annot: dict, text: str, page_height: float, initial_doctop: float,
                     settings: ReaderSettings) -> list[dict]:
    """The chars of one annotation: its lines stacked in its box (as the typewriter tool sets
    them), each line's letters spread across the box's width, none wider than
    `settings.annotation_advance` of the font size."""
    lines = _LINE_BREAK.split(text)
    x0 = annot["x0"] + settings.annotation_inset
    width = max(annot["x1"] - settings.annotation_inset - x0, 0.0)
    line_height = (annot["bottom"] - annot["top"]) / len(lines)
    size = min(_font_size(annot["data"]) or line_height, line_height)
    chars: list[dict] = []
    for i, line in enumerate(lines):
        letters = sum(1 for c in line if c not in _MARKS) or 1
        advance = min(width / letters, size * settings.annotation_advance)
        # centred in its slot, as on the printed line it fills (the box reaches past it)
        top = annot["top"] + i * line_height + (line_height - size) / 2
        chars += _line_chars(line, x0, top, size, advance, annot["page_number"], page_height, initial_doctop)
    return chars


def page_annotation_chars(page, settings: ReaderSettings) -> list[dict]:
    """The chars of all the page's visible FreeText annotations that lie on its box."""
    left, top, right, bottom = page.bbox
    chars: list[dict] = []
    for annot, text in free_text_annotations(page):
        if annot["x0"] < right and annot["x1"] > left and annot["top"] < bottom and annot["bottom"] > top:
            chars += annotation_chars(annot, text, page.root_page.height, page.initial_doctop, settings)
    return chars


def filled_leaders(chars: list[dict], typed: list[dict]) -> set[int]:
    """ids of the page's leader chars (the dots of a blank) under typed chars: the value takes
    their place, and the blank reads "...70..." rather than "...7..0...". A leader is under a
    typed char where its centre lies in that char's width and their heights overlap."""
    covered: set[int] = set()
    for char in chars:
        if char["text"] not in FILL_LEADERS:
            continue
        centre = (char["x0"] + char["x1"]) / 2
        if any(t["x0"] <= centre <= t["x1"] and t["top"] < char["bottom"] and char["top"] < t["bottom"]
               for t in typed):
            covered.add(id(char))
    return covered
