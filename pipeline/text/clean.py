"""The cleaning of text, in the order the repairs must run (../shared/THAI_TEXT.md): PUA
marks are mapped before SARA AM is composed, and SARA AM is composed before spaces before
marks are removed. Never NFKC/NFKD: they decompose SARA AM; NFC is safe.

A document's lines are cleaned once, right after reading (clean_parsed); extractors read
clean lines and match labels by their match_key."""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Optional

from thaikpi.pipeline.text.digits import to_arabic_digits
from thaikpi.pipeline.text.repair import (
    compose_sara_am, join_letter_spacing, join_split_words, map_pua, remove_space_before_marks, tidy_whitespace,
    undouble_overprint,
)
from thaikpi.pipeline.text.words import reading_score, words


def clean_text(text: Optional[str], *, arabic_digits: bool = True) -> Optional[str]:
    """The normaliser's rule for every text field, in the order the repairs must run."""
    if text is None:
        return None
    return _clean_text(text, arabic_digits)


# One document cleans the same line many times (each extractor's recognition, then its
# parse, then the normaliser); forget_document() empties this between documents.
@functools.lru_cache(maxsize=8192)
def _clean_text(text: str, arabic_digits: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    text = map_pua(text)
    text = undouble_overprint(text)
    text = compose_sara_am(text)
    text = remove_space_before_marks(text)
    text = join_letter_spacing(text)
    text = join_split_words(text)
    if arabic_digits:
        text = to_arabic_digits(text)
    return tidy_whitespace(text)


def forget_document() -> None:
    """Empty the memos of text work, which hold for one document: a run over an archive of
    copies would otherwise be timed on work done once."""
    _clean_text.cache_clear()
    reading_score.cache_clear()
    words.cache_clear()


def match_key(text: str) -> str:
    """A form for matching labels: clean, Arabic digits, no spaces at all."""
    return re.sub(r"\s+", "", clean_text(text) or "")
