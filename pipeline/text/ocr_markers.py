"""A numbered list's marker OCR read as a sign ("©." for "๑.", "lo)" for "๒)"), put right only
where the list itself proves the number: the markers of the same style ("N." or "N)") that
start lines whose text (after the marker) starts at the same x number n - 1 before it (or none before, as the
first) and n + 1 after it. Only a marker with no digit is read again: a digit OCR gave stays,
even where the count skips (a list may skip a number; a sign is never a number)."""
from __future__ import annotations

import re
from typing import Optional

from thaikpi.pipeline.text.digits import THAI_DIGITS

# a marker as OCR reads it: one or two signs or Latin letters (no digit, no Thai letter), then
# "." or ")", then the item's text
_SIGN_MARKER = re.compile(r"^([^\s\w\u0e01-\u0e4e]|[A-Za-z©@]{1,2})([.)])(?=\s|$)")
_NUMBER_MARKER = re.compile(r"^([0-9\u0e50-\u0e59]{1,2})([.)])(?=\s|$)")
SAME_EDGE = 4.0  # points: markers of one list start this close (a scan's lines waver)

Start = tuple[float, str]  # (x of the line's text after its marker, the line's text)


def _number(text: str) -> Optional[tuple[int, str, bool]]:
    """A line's marker: its number, its style ("." or ")") and whether its digits are Thai."""
    m = _NUMBER_MARKER.match(text)
    if not m:
        return None
    digits = m.group(1)
    thai = digits[0] in THAI_DIGITS
    return int(digits.translate(str.maketrans(THAI_DIGITS, "0123456789"))), m.group(2), thai


def _neighbour(starts: list[Start], i: int, step: int, style: str) -> Optional[tuple[int, str, bool]]:
    """The nearest line before (step -1) or after (+1) line i, its text at the same x, with a
    number marker of its style."""
    x = starts[i][0]
    j = i + step
    while 0 <= j < len(starts):
        found = _number(starts[j][1])
        if abs(starts[j][0] - x) <= SAME_EDGE and found and found[1] == style:
            return found
        j += step
    return None


def fixed_markers(starts: list[Start]) -> list[str]:
    """The lines' texts (one page's text lines, in order) with the signs read for a list's
    marker put right where the list proves the number (see the module's doc)."""
    out = []
    for i, (_, text) in enumerate(starts):
        m = _SIGN_MARKER.match(text)
        if m:
            before, after = _neighbour(starts, i, -1, m.group(2)), _neighbour(starts, i, 1, m.group(2))
            if after and (before[0] + 1 if before else 1) == after[0] - 1:
                n = after[0] - 1
                digit = str(n).translate(str.maketrans("0123456789", THAI_DIGITS)) if after[2] else str(n)
                text = digit + text[m.end(1):]
        out.append(text)
    return out
