"""Lost glyphs: where a text layer has a glyph with no text, a reader puts LOST_GLYPH; each is
filled by word frequency (the filler that makes the run read best as words)."""
from __future__ import annotations

import re

from thaikpi.pipeline.text.letters import TONE_MARKS
from thaikpi.pipeline.text.words import reading_score


# What a reader puts where the text layer has a glyph with no text: a zero-width space, U+FFFD
# or (cid:N) between Thai letters ("ค าน า", "ส�านัก"). It is never left in a record.
LOST_GLYPH = "\ufffc"
_LOST_FILLERS = ("\u0e33", "\u0e48", "\u0e49", "\u0e4a", "\u0e4b", "\u0e34", "\u0e35", "\u0e36",
                 "\u0e37", "\u0e31", "\u0e47", "\u0e4c", "")
# Log-odds in favour of a filler before the words speak: the glyph fonts most often map to a
# space is NIKHAHIT (the "ค าน า" signature), so between two equally good readings
# ("ค่ารับรอง" / "คำรับรอง") SARA AM wins; a clearly better reading still wins ("ล้านบาท").
LOST_GLYPH_PRIOR = {"\u0e33": 3.0}
LOST_GLYPH_WINDOW = 12  # characters of the run on each side of a gap that decide its filler
_THAI_RUN = re.compile(f"[\u0e01-\u0e4e{LOST_GLYPH}]+")


def repair_lost_glyphs(text: str) -> tuple[str, int]:
    """Fill each LOST_GLYPH by word frequency: "ค<lost>าน<lost>า" -> "คำนำ", "ล<lost>านบาท" ->
    "ล้านบาท", "ค<lost>าใช้จ่าย" -> "ค่าใช้จ่าย". Returns the text and how many were filled.

    Run by run, left to right; each choice scores its run with the later gaps left out. A lost
    glyph outside Thai letters is dropped.
    """
    if LOST_GLYPH not in text:
        return text, 0
    count = 0
    out, last = [], 0
    for m in _THAI_RUN.finditer(text):
        out.append(text[last:m.start()])
        run = m.group(0)
        while LOST_GLYPH in run:
            at = run.index(LOST_GLYPH)
            before, rest = run[:at], run[at + 1:]
            # Words around the gap decide: a window of the run, not all of it (long runs are
            # slow to segment, and far-off words score the same whatever fills the gap).
            left, right = before[-LOST_GLYPH_WINDOW:], rest.replace(LOST_GLYPH, "")[:LOST_GLYPH_WINDOW]
            best = max(_LOST_FILLERS, key=lambda f: reading_score(_filled(left, f, right))
                       + LOST_GLYPH_PRIOR.get(f, 0.0))
            run = _filled(before, best, rest)
            count += 1
        out.append(run)
        last = m.end()
    out.append(text[last:])
    return "".join(out).replace(LOST_GLYPH, ""), count


def _filled(before: str, filler: str, after: str) -> str:
    if filler == "\u0e33" and after.startswith("\u0e32"):
        return before + "\u0e33" + after[1:]   # NIKHAHIT lost: "<lost>า" was ำ
    if filler == "\u0e33" and after[:1] in TONE_MARKS and after[1:2] == "\u0e32":
        return before + after[0] + "\u0e33" + after[2:]   # "น<lost>้า" was น้ำ
    return before + filler + after
