"""Spaces Thai OCR drops where the words on either side say one was printed (issue 24).

Tesseract's Thai model often joins words a printed space kept apart ("จังหวัดจังหวัดน่าน",
"หลักสูตรดังนี้"). Thai writes most words without a space between them, so a space is put
back only where no Thai word can run on: before a place name's prefix that opens the same
run of letters again (a province's name never holds จังหวัด), and before a word that says a
list follows (ดังนี้ ends a sentence). A space is dropped where none can be: before a mark.
The words are label tables (extractors/labels.py), passed in by the OCR reader.
"""
from __future__ import annotations

import re

from thaikpi.pipeline.text.repair import remove_space_before_marks

_THAI_LETTER = "\u0e01-\u0e4e"


def _split_names(token: str, prefixes: tuple[str, ...]) -> str:
    """"จังหวัดแพร่จังหวัดน่าน" -> "จังหวัดแพร่ จังหวัดน่าน": a run of letters that opens with a
    place-name prefix is split before each later one."""
    for prefix in prefixes:
        if token.startswith(prefix):
            return prefix + token[len(prefix):].replace(prefix, " " + prefix)
    return token


def restored_spaces(text: str, name_prefixes: tuple[str, ...], list_words: tuple[str, ...]) -> str:
    """OCR'd text with the spaces back that name_prefixes and list_words show were printed."""
    # first, so that a word split before its mark ("หลักสูตรด ังนี้": the mark's box read apart
    # from its letter's) is whole for the list words below
    text = remove_space_before_marks(text)
    tokens = [_split_names(token, name_prefixes) for token in text.split(" ")]
    text = " ".join(tokens)
    for word in list_words:
        if len(word) > 3:  # short words (คือ) sit inside others
            text = re.sub(f"(?<=[{_THAI_LETTER}]){re.escape(word)}", " " + word, text)
    return text
