"""The marks above a line of Thai read as a line of their own.

On a sharp page (a text layer's glyphs rendered, not scanned), Tesseract's layout takes the
vowels and tone marks stacked over a line (ชี้, ผู้, เมื่อ) for a line above it and reads them
as letters or digits: "๑ au" over ชื่อตัวชี้วัด, "awa" over คำชี้แจง. Such a line's words are
a mark's height, a fraction of a letter's: no printed letter or digit is so small.
"""
from __future__ import annotations

from thaikpi.pipeline.readers.ocr_tables import Word

# A word less tall than this share of the page's median Thai word is a mark: Tesseract's box of
# a Thai word holds the marks above and below it (60-70 px at 300 dpi), a digit's about 0.5 of
# that, a lower-case Latin letter's 0.3, a mark's 0.15-0.22.
MARK_HEIGHT_SHARE = 0.25
# ... and a line of them may hold stacked marks read as one (a vowel and a tone: up to 0.4),
# but no word a digit's height: most of its words are marks, none taller than this share.
MARK_LINE_MAX = 0.4
THAI_WORD = 3  # Thai letters a word has for its box to be a Thai word's


def _has_letter(text: str) -> bool:
    # a dash or a dot alone is text ("-" is a list's "none"): only letters and digits are misread marks
    return any(ch.isalnum() for ch in text)


def _thai_letters(text: str) -> int:
    return sum("\u0e01" <= ch <= "\u0e2e" for ch in text)


def without_mark_lines(words: list[Word]) -> list[Word]:
    """The words less the lines (Tesseract's) of marks: most of their words a mark's height,
    none a digit's, a letter or digit among them. A page without Thai words keeps all."""
    heights = sorted(w.bottom - w.top for w in words if _thai_letters(w.text) >= THAI_WORD)
    if not heights:
        return words
    thai_word = heights[len(heights) // 2]
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line_key, []).append(w)

    def marks_only(ws: list[Word]) -> bool:
        small = sum(w.bottom - w.top < MARK_HEIGHT_SHARE * thai_word for w in ws)
        return (2 * small > len(ws) and all(w.bottom - w.top < MARK_LINE_MAX * thai_word for w in ws)
                and any(_has_letter(w.text) for w in ws))
    marks = {key for key, ws in lines.items() if marks_only(ws)}
    return [w for w in words if w.line_key not in marks]
