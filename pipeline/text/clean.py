"""The cleaning of text, in the order the repairs must run (../shared/THAI_TEXT.md): PUA
marks are mapped before SARA AM is composed, and SARA AM is composed before spaces before
marks are removed. Never NFKC/NFKD: they decompose SARA AM; NFC is safe.

A document's lines are cleaned once, right after reading (clean_parsed); extractors read
clean lines and match labels by their match_key."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Optional

from thaikpi.pipeline.text.digits import to_arabic_digits
from thaikpi.pipeline.text.repair import (
    compose_sara_am, join_letter_spacing, join_split_words, map_pua, remove_space_before_marks, tidy_whitespace,
    undouble_overprint,
)
from thaikpi.schemas.parsed import Line, ParsedDocument


def clean_text(text: Optional[str], *, arabic_digits: bool = True) -> Optional[str]:
    """Every repair, in the order they must run; Thai digits become Arabic unless told not to."""
    if text is None:
        return None
    # PUA glyphs first: a legacy font's tone mark becomes a mark that NFC puts in its order
    text = unicodedata.normalize("NFC", map_pua(text))
    text = undouble_overprint(text)
    text = compose_sara_am(text)
    text = remove_space_before_marks(text)
    text = join_letter_spacing(text)
    text = join_split_words(text)
    if arabic_digits:
        text = to_arabic_digits(text)
    return tidy_whitespace(text)


def clean_line(line: Line, memo: Optional[dict[str, str]] = None) -> Line:
    """A line with its cells and words cleaned; Thai digits stay (the normaliser maps each
    field's digits, and a `*_raw` field keeps them). `memo` remembers texts already cleaned."""
    memo = {} if memo is None else memo

    def clean(text: str) -> str:
        if text not in memo:
            memo[text] = clean_text(text, arabic_digits=False) or ""
        return memo[text]

    return replace(line, cells=tuple(clean(c) for c in line.cells),
                   words=tuple((x0, x1, clean(w)) for x0, x1, w in line.words))


def clean_parsed(parsed: ParsedDocument) -> ParsedDocument:
    """The reader's document with every line cleaned, once, before it is classified and
    extracted. A line left empty stays (extractors skip it): which lines a kind's detect
    reads first is the reader's order. A text met again (a repeated heading, a number, a
    word) is cleaned once per document."""
    memo: dict[str, str] = {}
    return replace(parsed, lines=[clean_line(line, memo) for line in parsed.lines])


_WHITESPACE = re.compile(r"\s+")


def match_key(text: str) -> str:
    """A clean text's form for matching labels: Arabic digits, no spaces at all.

    The key of clean text needs no second cleaning, but for two rules that a repair run
    after them can undo: NFC and SARA AM composed are redone, so marks that a removed space
    or character kept apart are ordered and composed as a second cleaning would order them
    (labels, lines and the paragraphs joined from them all key alike)."""
    return _WHITESPACE.sub("", to_arabic_digits(compose_sara_am(unicodedata.normalize("NFC", text))))
