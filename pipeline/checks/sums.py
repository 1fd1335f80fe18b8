"""Stage: the sums a document states against the parts it lists. Takes a document, returns it
with flags added; nothing is corrected.

- framework: the dimensions' weights add up to 100; each dimension's indicators add up to the
  dimension's weight, each part counted once (sub-indicators by their codes, bullets with no
  code under an indicator whose weight is their sum); sub-indicators add up to their parent's
  weight, or to the total a note states for them (weight_sum_mismatch).
- me_report: "N things" against the things listed (count_mismatch); a stated total against
  the numbers it adds up (total_mismatch).
"""
from __future__ import annotations

from typing import Optional

from thaikpi.extractors.labels import DIMENSION_WORD
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Claim, Dimension, Document, Indicator
from thaikpi.schemas.flags import CountMismatch, Flag, Locator, TotalMismatch, WeightSumMismatch

FRAMEWORK_TOTAL = 100.0
TOLERANCE = 1e-6  # weights and counts are written exactly


def _number(value: float) -> float:
    return int(value) if float(value).is_integer() else round(value, 4)


def _sum_text(parts: list[tuple[str, float]]) -> str:
    return " + ".join(f"{label} ({_number(v)})" for label, v in parts)


def parent_code(code: Optional[str]) -> Optional[str]:
    return code.rsplit(".", 1)[0] if code and "." in code else None


def without_parts(items: list[Indicator]) -> list[Indicator]:
    """A dimension's indicators without the parts of one: a run of items with no code right
    after an indicator whose weight is the run's sum (bullets under it). Parts with codes
    ("1.1" under "1") are found by their codes."""
    kept, i = [], 0
    while i < len(items):
        kept.append(items[i])
        j = i + 1
        while j < len(items) and items[j].code is None and items[j].weight is not None:
            j += 1
        run = items[i + 1:j]
        whole = items[i].weight
        if run and whole is not None and abs(sum(p.weight for p in run) - whole) <= TOLERANCE:
            i = j  # the run is the item's parts: counted once, in its weight
        else:
            i += 1
    return kept


def framework_flags(dimensions: list[Dimension], indicators: list[Indicator]) -> list[Flag]:
    flags: list[Flag] = []
    weighted = [d for d in dimensions if d.weight is not None]
    if len(dimensions) >= 2 and len(weighted) == len(dimensions):
        total = _number(sum(d.weight for d in dimensions))
        if abs(total - FRAMEWORK_TOTAL) > TOLERANCE:
            flags.append(WeightSumMismatch.make(
                reported=_number(FRAMEWORK_TOTAL), expected=total, whole="the whole framework",
                parts="the dimensions' weights", locator=Locator(page=dimensions[0].page, table="dimensions"),
                evidence=_sum_text([(f"{DIMENSION_WORD} {d.number}", d.weight) for d in dimensions])))
    codes = {i.code for i in indicators if i.code}
    for d, dim in enumerate(dimensions):
        if dim.weight is None:
            continue
        top = without_parts([i for i in indicators if i.dimension == dim.number and parent_code(i.code) not in codes])
        if top and all(i.weight is not None for i in top):
            total = _number(sum(i.weight for i in top))
            if abs(total - dim.weight) > TOLERANCE:
                flags.append(WeightSumMismatch.make(
                    reported=_number(dim.weight), expected=total, whole=f"dimension {dim.number}",
                    parts="its indicators' weights", locator=Locator(page=dim.page, table="dimensions", row=d),
                    evidence=f"{DIMENSION_WORD} {dim.number} ({_number(dim.weight)}): "
                             + _sum_text([(i.code, i.weight) for i in top])))
    for p, parent in enumerate(indicators):
        children = [i for i in indicators if parent.code and parent_code(i.code) == parent.code]
        whole = parent.weight_total_stated if parent.weight_total_stated is not None else parent.weight
        if not children or whole is None or any(c.weight is None for c in children):
            continue
        total = _number(sum(c.weight for c in children))
        if abs(total - whole) > TOLERANCE:
            stated = "the stated total" if parent.weight_total_stated is not None else "the weight"
            flags.append(WeightSumMismatch.make(
                reported=_number(whole), expected=total,
                whole=f"indicator {parent.code} ({stated})", parts="its sub-indicators' weights",
                locator=Locator(page=children[0].page, indicator_code=parent.code, indicator=p),
                evidence=f"{parent.code} ({_number(whole)}): "
                + _sum_text([(c.code, c.weight) for c in children])))
    return flags


def claim_flags(claims: list[Claim]) -> list[Flag]:
    flags: list[Flag] = []
    for n, claim in enumerate(claims):
        at = Locator(page=claim.page, table="claims", row=n)
        if claim.kind == "count" and claim.listed is not None and claim.listed != claim.value:
            flags.append(CountMismatch.make(
                reported=_number(claim.value), expected=claim.listed, unit=claim.unit,
                listed=", ".join(claim.listed_items), locator=at, evidence=claim.text))
        if claim.kind == "total" and claim.parts:
            total = _number(sum(claim.parts))
            if abs(total - claim.value) > TOLERANCE:
                flags.append(TotalMismatch.make(
                    reported=_number(claim.value), expected=total, field=claim.unit,
                    parts=" + ".join(f"{_number(p):,}" for p in claim.parts), locator=at,
                    evidence=claim.text))
    return flags


def check_sums(doc: Document, settings: Settings) -> Document:
    flags = list(doc.flags)
    if doc.kind == "framework":
        flags += framework_flags(doc.dimensions, doc.indicators)
    if doc.kind == "me_report" and doc.project is not None:
        flags += claim_flags(doc.project.claims)
    return doc.model_copy(update={"flags": flags})
