"""Documents -> the rows of each table of the data dictionary (schemas/columns.py): one
function that ingest's CSVs and every export format take their rows from."""
from __future__ import annotations

from typing import Iterable, Optional

from thaikpi.schemas.columns import TABLES
from thaikpi.schemas.document import Document
from thaikpi.schemas.flags import Flag

SEP = " | "


def indicator_id(doc: Document, index: int, copy: int = 1) -> str:
    """first 12 hex digits of doc_id, '-', the indicator's position; a second file with the
    same bytes (a copy filed elsewhere) gets '.2' after the digits, so that ids stay keys."""
    digits = doc.doc_id.removeprefix("sha256:")[:12]
    return f"{digits}-{index}" if copy == 1 else f"{digits}.{copy}-{index}"


def _join(values: Iterable) -> str:
    return SEP.join(str(v) for v in values)


def flags_by_row(doc: Document) -> dict[tuple, list[str]]:
    """The checks that point at a row, by where their locator points: (indicator index,
    "score_rows", row) for a score row, (None, "claims", row) for a claim. A flag links to
    its row by place, not by its evidence text (two rows may read the same)."""
    found: dict[tuple, list[str]] = {}
    for flag in doc.flags:
        at = flag.locator
        if at.table is not None and at.row is not None:
            found.setdefault((at.indicator, at.table, at.row), []).append(flag.check)
    return found


def _ocr_columns(doc: Document) -> dict:
    """documents.csv: how many pages were OCR'd, and their mean word confidence."""
    confidences = [s.ocr_confidence for s in doc.text_sources if s.source == "ocr" and s.ocr_confidence is not None]
    return {"pages_ocr": len(confidences),
            "ocr_confidence_mean": round(sum(confidences) / len(confidences), 1) if confidences else None}


def _split(value) -> tuple[Optional[float], Optional[str]]:
    """A flag's reported or expected value: (the number, None) or (None, the words)."""
    if value is None or isinstance(value, str):
        return None, value
    return value, None


def _flag_indicator(flag: Flag, doc: Document, copy: int) -> Optional[str]:
    """The indicator a flag points at: its locator's index, else the one indicator of its code."""
    index = flag.locator.indicator
    if index is None and flag.indicator_code is not None:
        same = [i for i, ind in enumerate(doc.indicators) if ind.code == flag.indicator_code]
        index = same[0] if len(same) == 1 else None
    return indicator_id(doc, index, copy) if index is not None and index < len(doc.indicators) else None


def series_key(doc: Document, code: Optional[str], name: Optional[str], label: Optional[str]) -> str:
    """What makes an indicator's row one series across documents: the agency and the code (the
    name where there is no code, and also where the agency is unknown: two agencies' reports
    both number an indicator 1.2), and the row's label."""
    parts = [doc.agency or "", code or ""]
    if not code or not doc.agency:
        parts.append(name or "")
    return SEP.join(parts + [label or ""])


def _period(doc: Document) -> Optional[str]:
    if doc.fiscal_year_be is None:
        return None
    return f"{doc.fiscal_year_be}/{doc.round_months:02d}" if doc.round_months else str(doc.fiscal_year_be)


def series_rows(doc: Document, copy: int = 1) -> list[dict]:
    """indicator_series: each indicator's score rows (or the indicator itself, where it has
    none) with the period they report, for the panel across rounds and years."""
    rows = []
    for i, ind in enumerate(doc.indicators):
        target = _join(f"{c.level}: {c.value:g}" for c in ind.criteria if c.value is not None) or ind.target_text
        common = {"indicator_id": indicator_id(doc, i, copy), "agency": doc.agency, "indicator_code": ind.code,
                  "indicator_name": ind.name, "fiscal_year_be": doc.fiscal_year_be, "fiscal_year": doc.fiscal_year,
                  "round_months": doc.round_months, "period": _period(doc), "criteria_kind": ind.criteria_kind,
                  "target": target, "doc_id": doc.doc_id, "source": doc.source}
        if not ind.score_rows:
            rows.append({**common, "row": 0, "series": series_key(doc, ind.code, ind.name, None), "row_label": None,
                         "is_total": False, "weight": ind.weight, "result": ind.result_value,
                         "result_text": ind.result_text, "score": ind.score, "score_recomputed": None,
                         "weighted_score": None, "page": ind.page})
        for r, row in enumerate(ind.score_rows):
            rows.append({**common, "row": r, "series": series_key(doc, ind.code, ind.name, row.label),
                         "row_label": row.label, "is_total": row.is_total, "weight": row.weight,
                         "result": row.performance_value, "result_text": row.performance_text,
                         "score": row.score, "score_recomputed": row.score_recomputed,
                         "weighted_score": row.weighted_score, "page": row.page})
    return rows


def table_rows(docs: list[Document], copy: int = 1) -> dict[str, list[dict]]:
    """Each table's rows of the documents; `copy` counts the files with these bytes so far
    (1: the first), for the indicator ids."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc in docs:
        keys = {"doc_id": doc.doc_id, "source": doc.source}
        project = doc.project
        linked = flags_by_row(doc)
        rows["documents"].append({
            **keys, "format": doc.format, "kind": doc.kind, "status": doc.status,
            "error_kind": doc.error.kind if doc.error else None,
            "error_message": doc.error.message if doc.error else None,
            "pages": doc.pages, "fiscal_year_be": doc.fiscal_year_be, "fiscal_year": doc.fiscal_year,
            "round_months": doc.round_months, "indicators": len(doc.indicators), "flags": len(doc.flags),
            "project_name": project.name if project else None,
            "quarter": project.quarter if project else None,
            "budget_received_baht": project.budget_received_baht if project else None,
            "budget_disbursed_baht": project.budget_disbursed_baht if project else None,
            **_ocr_columns(doc),
            "pipeline_version": doc.pipeline_version,
        })
        for dim in doc.dimensions:
            rows["dimensions"].append({
                **keys, "fiscal_year_be": doc.fiscal_year_be, "fiscal_year": doc.fiscal_year,
                "number": dim.number, "name": dim.name, "weight": dim.weight, "page": dim.page,
                "indicators": sum(1 for i in doc.indicators if i.dimension == dim.number),
            })
        for n, claim in enumerate(project.claims if project else []):
            claim_flags = linked.get((None, "claims", n), [])
            rows["me_claims"].append({
                **keys, "fiscal_year_be": doc.fiscal_year_be, "fiscal_year": doc.fiscal_year,
                "quarter": project.quarter, "project_name": project.name, "claim": n,
                "section": claim.section, "kind": claim.kind, "value": claim.value, "unit": claim.unit,
                "listed": claim.listed, "listed_items": _join(claim.listed_items), "parts": _join(claim.parts),
                "parts_sum": sum(claim.parts) if claim.parts else None, "flags": _join(claim_flags),
                "text": claim.text, "page": claim.page,
            })
        for i, ind in enumerate(doc.indicators):
            iid = indicator_id(doc, i, copy)
            rows["indicators"].append({
                "indicator_id": iid, **keys, "fiscal_year_be": doc.fiscal_year_be,
                "fiscal_year": doc.fiscal_year, "round_months": doc.round_months, "code": ind.code,
                "name": ind.name, "name_raw": ind.name_raw, "supervisors": _join(ind.supervisors),
                "data_collectors": _join(ind.data_collectors), "phones": _join(ind.phones),
                "description": ind.description, "criteria_kind": ind.criteria_kind,
                "criteria": _join(f"{c.level}: {c.text}" for c in ind.criteria),
                "steps": len(ind.steps), "score_rows": len(ind.score_rows),
                "measures": _join(ind.measures), "support_factors": _join(ind.support_factors),
                "obstacles": _join(ind.obstacles), "suggestions": _join(ind.suggestions),
                "evidence": len(ind.evidence),
                "evidence_doc_refs": _join(r for e in ind.evidence for r in e.doc_refs),
                "evidence_dates": _join(d for e in ind.evidence for d in e.dates),
                "note": ind.note, "page": ind.page, "weight": ind.weight, "dimension": ind.dimension,
                "weight_total_stated": ind.weight_total_stated,
            })
            for r, row in enumerate(ind.score_rows):
                row_flags = linked.get((i, "score_rows", r), [])
                rows["score_rows"].append({
                    "indicator_id": iid, **keys, "fiscal_year_be": doc.fiscal_year_be,
                    "indicator_code": ind.code, "row": r, "label": row.label, "is_total": row.is_total,
                    "weight": row.weight, "performance_text": row.performance_text,
                    "performance_value": row.performance_value, "score": row.score,
                    "score_recomputed": row.score_recomputed, "weighted_score": row.weighted_score,
                    "weighted_score_recomputed": row.weighted_score_recomputed,
                    "flags": _join(row_flags), "page": row.page,
                })
        for n, flag in enumerate(doc.flags):
            reported, reported_text = _split(flag.reported)
            expected, expected_text = _split(flag.expected)
            rows["flags"].append({
                **keys, "flag": n, "fiscal_year_be": doc.fiscal_year_be, "check": flag.check,
                "severity": flag.severity, "indicator_id": _flag_indicator(flag, doc, copy),
                "indicator_code": flag.indicator_code, "reported": reported, "reported_text": reported_text,
                "expected": expected, "expected_text": expected_text, "message": flag.message,
                "page": flag.page, "evidence": flag.evidence,
                "bbox": " ".join(f"{v:g}" for v in flag.locator.bbox) if flag.locator.bbox else None,
            })
        rows["indicator_series"] += series_rows(doc, copy)
    return rows


