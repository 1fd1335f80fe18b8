"""Types of thaikpi: what a document becomes, and what a reader hands an extractor.

Nothing in this package does I/O.
"""
from thaikpi.schemas.document import (
    Claim,
    Criterion,
    Dimension,
    Document,
    DocumentError,
    Evidence,
    Indicator,
    Project,
    ProjectItem,
    ScoreRow,
    Step,
)
from thaikpi.schemas.flags import FLAG_TYPES, Flag, Locator
from thaikpi.schemas.parsed import Line, ParsedDocument

__all__ = [
    "Claim", "Criterion", "Dimension", "Document", "DocumentError", "Evidence", "Indicator",
    "Project", "ProjectItem", "ScoreRow", "Step", "Flag", "FLAG_TYPES", "Locator", "Line",
    "ParsedDocument",
]
