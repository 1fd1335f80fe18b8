"""What an extractor returns: one type for every document kind (extractors/registry.py)."""
from __future__ import annotations

from typing import Optional

from pydantic import Field

from thaikpi.schemas.document import Dimension, Indicator, Model, Project
from thaikpi.schemas.flags import Flag


class Extraction(Model):
    """The records an extractor read from a document, and the problems it found there. The
    fields are the Document's own: the dispatcher copies each one that is set."""
    fiscal_year_be: Optional[int] = None
    round_months: Optional[int] = None
    genre: Optional[str] = None
    title: Optional[str] = None
    agency: Optional[str] = None
    academic_year_be: Optional[int] = None
    indicators: list[Indicator] = Field(default_factory=list)
    dimensions: list[Dimension] = Field(default_factory=list)
    project: Optional[Project] = None
    flags: list[Flag] = Field(default_factory=list)

    def document_fields(self) -> dict:
        """The Document fields this extraction sets (flags are merged by the caller)."""
        return {name: getattr(self, name) for name in self.model_fields_set if name != "flags"}
