"""The text as a document writes it: Thai or Arabic digits, planted damage in a section, and
lines wrapped at Thai word boundaries (pythainlp) measured with the font's real widths, as a
word processor wraps them."""
from __future__ import annotations

import re

from pythainlp.tokenize import word_tokenize

from thaikpi.pipeline.text import is_list_marker_start

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_THAI = str.maketrans("0123456789", THAI_DIGITS)


def arabic(text: str) -> str:
    return text.translate(_ARABIC)


def num(spec: dict, n) -> str:
    """A number as the document writes it."""
    return str(n).translate(_THAI) if spec.get("digits") == "thai" else str(n)


def damaged(spec: dict, section: str, text: str) -> str:
    """The text as the file's glyph layer gives it: damage the spec plants in a section."""
    if spec.get("damage", {}).get(section) == "decomposed_sara_am":
        text = re.sub("([\u0e48-\u0e4b])\u0e33", "\u0e4d\\1\u0e32", text)
        return text.replace("\u0e33", "\u0e4d\u0e32")
    return text


def is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4f"


def wrap(text: str, width: float, measure, first_width: float | None = None) -> list[str]:
    """Greedy line breaking at the last legal break before the line is full.

    Legal breaks: between two Thai words (no space is left: Thai writes none), and at a space
    that does not stand between two Thai letters (the space is dropped). Breaks a reader could
    not undo are never taken: at a space between two Thai words, or before anything that would
    look like a list marker at the start of a line. A run with no legal break overflows.
    """
    tokens = [t for t in word_tokenize(text, engine="newmm", keep_whitespace=True) if t]

    def legal(i: int) -> bool:
        """May a line start at tokens[i]?"""
        left, right = "".join(tokens[:i]), "".join(tokens[i:]).lstrip()
        if not left.strip() or not right or tokens[i].isspace():
            return False
        if is_list_marker_start(right) or right[0] in "ๆฯ":
            return False
        if left.endswith(" "):
            return not (is_thai_letter(left.rstrip()[-1]) and is_thai_letter(right[0]))
        return is_thai_letter(left[-1]) and is_thai_letter(right[0])

    lines: list[str] = []
    limit = first_width if first_width is not None else width
    start, last_break = 0, None
    for i in range(len(tokens)):
        if i > start and legal(i):
            last_break = i
        if measure("".join(tokens[start:i + 1]).strip()) > limit and last_break is not None:
            lines.append("".join(tokens[start:last_break]).strip())
            start, limit = last_break, width
            last_break = None
            for j in range(start + 1, i + 1):
                if legal(j):
                    last_break = j
    if "".join(tokens[start:]).strip():
        lines.append("".join(tokens[start:]).strip())
    return lines


