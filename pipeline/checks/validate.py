"""Stage: the record against the schema and the kind's required fields; evidence dates
against the report's span. Takes a document, returns it with flags added."""
from __future__ import annotations

import datetime as dt

from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Document
from thaikpi.schemas.flags import DateOutOfRange, Locator, MissingField

REQUIRED = {
    "kpi_report": {"document": ("fiscal_year_be",), "indicator": ("code", "name", "score_rows")},
    # A framework may list indicators as bullets, with neither code nor weight (issue 23): only
    # the name makes one.
    "framework": {"document": ("fiscal_year_be", "dimensions"), "indicator": ("name",)},
    "me_report": {"document": ("fiscal_year_be", "project"), "project": ("name", "quarter")},
}


def validate(doc: Document, settings: Settings) -> Document:
    doc = Document.model_validate(doc.model_dump())  # the schema, in full
    flags = list(doc.flags)
    required = REQUIRED.get(doc.kind)
    if required and doc.status != "error":
        for name in required["document"]:
            if getattr(doc, name) in (None, [], ""):
                flags.append(MissingField.make(field=name, page=1))
        for name in required.get("project", ()):
            if doc.project is not None and getattr(doc.project, name) in (None, [], ""):
                flags.append(MissingField.make(field=f"project.{name}", page=1))
        for i, ind in enumerate(doc.indicators):
            for name in required.get("indicator", ()):
                if getattr(ind, name) in (None, [], ""):
                    flags.append(MissingField.make(field=name, locator=Locator(
                        page=ind.page, indicator_code=ind.code, indicator=i)))
    if doc.fiscal_year is not None:
        low = dt.date(doc.fiscal_year - 1 - settings.date_years_before, 10, 1)
        high = dt.date(doc.fiscal_year + settings.date_years_after, 9, 30)
        for i, ind in enumerate(doc.indicators):
            for e, ev in enumerate(ind.evidence):
                at = Locator(page=ev.page, indicator_code=ind.code, indicator=i, table="evidence", row=e)
                for day in ev.dates:
                    if not low.isoformat() <= day <= high.isoformat():
                        flags.append(DateOutOfRange.make(
                            reported=day, locator=at, evidence=ev.text,
                            low=low.isoformat(), high=high.isoformat(), fiscal_year_be=doc.fiscal_year_be))
    return doc.model_copy(update={"flags": flags})
