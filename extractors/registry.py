"""The document kinds thaikpi reads, in one place.

Each kind is a module of extractors/ with the same two pure functions:

    detect(parsed: ParsedDocument) -> float     # 0.0 (not this kind) .. 1.0 (certainly)
    extract(parsed: ParsedDocument) -> Extraction

and a KIND name (the Document's `kind`). To add a kind: write its module, add it to KINDS.
The most confident kind wins; on a tie, the one listed first (a KPI report quotes its
framework's dimensions, so it is listed before the framework). A kind that is certain (1.0)
ends the search: no later kind can beat it, and the indicator-table reader, listed last, reads
the whole document's tables to answer.
"""
from __future__ import annotations

from types import ModuleType
from typing import Optional

from thaikpi.extractors import framework, indicator_table, kpi_report, me_report
from thaikpi.schemas.parsed import ParsedDocument

KINDS: tuple[ModuleType, ...] = (kpi_report, me_report, framework, indicator_table)
UNKNOWN = "unknown"
CERTAIN = 1.0  # detect's highest answer


def classify(parsed: ParsedDocument) -> Optional[ModuleType]:
    """The extractor module for this document, or None when no kind recognises it."""
    best, best_confidence = None, 0.0
    for kind in KINDS:
        confidence = kind.detect(parsed)
        if confidence > best_confidence:
            best, best_confidence = kind, confidence
        if best_confidence >= CERTAIN:
            break
    return best
