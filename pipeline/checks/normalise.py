"""Stage: every text field -> clean Unicode (NFC, SARA AM composed, no PUA, Arabic digits,
whitespace tidied). `*_raw` fields keep the text as written (Thai digits included), cleaned
of damage only. Takes a document, returns a document."""
from __future__ import annotations

from typing import Any, Optional

from thaikpi.pipeline.text import clean_text
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Document

# Identifiers and enumerations: not text to clean. A flag's message is ours, made from clean
# values; the Thai rules would undo the damage it quotes ("'ค าน า' -> 'คำนำ'" read "'คานา'").
_UNTOUCHED = {"source", "doc_id", "format", "kind", "status", "check", "severity", "pipeline_version", "message"}


def _clean(value: Any, key: str = "", memo: Optional[dict] = None) -> Any:
    memo = {} if memo is None else memo
    if isinstance(value, str):
        if key in _UNTOUCHED:
            return value
        # Lines were cleaned once after reading, but a field is often joined from them: cells
        # with a space ("ประสิทธิ" + "ภาพ"), a Thai wrap with nothing ("คํ" + "าถาม"). The rules
        # judge the joined text anew (the split word, the SARA AM across the joint), and map
        # each field's digits: not a second cleaning of the same text, and not to be dropped.
        # A text met again in the document (a unit, a year, a name and its raw twin) is
        # cleaned once: clean_text depends on the text alone.
        arabic_digits = not key.endswith("_raw")
        if (value, arabic_digits) not in memo:
            memo[value, arabic_digits] = clean_text(value, arabic_digits=arabic_digits)
        return memo[value, arabic_digits]
    if isinstance(value, list):
        return [_clean(v, key, memo) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v, k, memo) for k, v in value.items()}
    return value


def normalise(doc: Document, settings: Optional[Settings] = None) -> Document:
    return Document.model_validate(_clean(doc.model_dump()))
