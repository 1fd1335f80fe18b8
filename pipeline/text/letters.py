"""Thai letters and marks as code points: the character classes every other text rule uses
(NIKHAHIT, SARA AA, SARA AM, tone marks, the marks that sit above or below a letter)."""
from __future__ import annotations

NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
# Marks that sit above or below a base letter and never follow a space.
COMBINING_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"


def is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e5b"


def is_thai_letter(ch: str) -> bool:
    """Thai letters, vowels and marks; not Thai digits (a wrap beside a digit stands for a space)."""
    return "\u0e01" <= ch <= "\u0e4f"
