"""Documents -> the files of ../shared/CONTRACT.md: documents.csv, indicators.csv,
score_rows.csv, flags.csv, records.jsonl, datapackage.json.

Every file is written to a temporary name in the same folder and renamed into place, so a
crash never leaves a half-written output."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

import pandas as pd

from pipeline import __version__
from schemas.columns import TABLES
from schemas.document import Document

SEP = " | "


def indicator_id(doc: Document, index: int) -> str:
    return f"{doc.doc_id.removeprefix('sha256:')[:12]}-{index}"


def _join(values: Iterable) -> str:
    return SEP.join(str(v) for v in values)


def table_rows(docs: list[Document]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc in docs:
        keys = {"doc_id": doc.doc_id, "source": doc.source}
        rows["documents"].append({
            **keys, "format": doc.format, "kind": doc.kind, "status": doc.status,
            "error_kind": doc.error.kind if doc.error else None,
            "error_message": doc.error.message if doc.error else None,
            "pages": doc.pages, "fiscal_year_be": doc.fiscal_year_be, "fiscal_year": doc.fiscal_year,
            "round_months": doc.round_months, "indicators": len(doc.indicators), "flags": len(doc.flags),
            "pipeline_version": doc.pipeline_version,
        })
        for i, ind in enumerate(doc.indicators):
            iid = indicator_id(doc, i)
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
            })
            for r, row in enumerate(ind.score_rows):
                row_flags = [f.check for f in doc.flags
                             if f.indicator_code == ind.code and f.page == row.page and f.evidence == SEP.join(row.cells)]
                rows["score_rows"].append({
                    "indicator_id": iid, **keys, "fiscal_year_be": doc.fiscal_year_be,
                    "indicator_code": ind.code, "row": r, "label": row.label, "is_total": row.is_total,
                    "weight": row.weight, "performance_text": row.performance_text,
                    "performance_value": row.performance_value, "score": row.score,
                    "score_recomputed": row.score_recomputed, "weighted_score": row.weighted_score,
                    "weighted_score_recomputed": row.weighted_score_recomputed,
                    "flags": _join(row_flags), "page": row.page,
                })
        for flag in doc.flags:
            rows["flags"].append({
                **keys, "fiscal_year_be": doc.fiscal_year_be, "check": flag.check,
                "severity": flag.severity, "indicator_code": flag.indicator_code,
                "reported": flag.reported, "expected": flag.expected, "message": flag.message,
                "page": flag.page, "evidence": flag.evidence,
            })
    return rows


def _atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    columns = TABLES[name]
    frame = pd.DataFrame(rows, columns=[c.name for c in columns])
    for c in columns:
        if c.type == "integer":
            frame[c.name] = frame[c.name].astype("Int64")
    return frame


def datapackage(excel: bool) -> dict:
    return {
        "name": "thaikpi-dataset",
        "title": "Thai government performance reports, extracted and recomputed by thaikpi",
        "description": "One row per document, indicator, score row and flag. Reported values "
                       "sit beside recomputed ones; nothing reported is overwritten.",
        "created_by": f"thaikpi {__version__}",
        "resources": [{
            "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "encoding": "utf-8-sig" if excel else "utf-8",
            "schema": {"fields": [{"name": c.name, "type": c.type, "description": c.description,
                                   "description_th": c.description_th} for c in columns]},
        } for name, columns in TABLES.items()],
    }


def write_outputs(docs: list[Document], out: Path, excel: bool = False) -> dict[str, int]:
    """Write every output file; returns rows per table."""
    out.mkdir(parents=True, exist_ok=True)
    encoding = "utf-8-sig" if excel else "utf-8"
    counts = {}
    for name, rows in table_rows(docs).items():
        frame = _frame(name, rows)
        _atomic_write(out / f"{name}.csv", lambda p, f=frame: f.to_csv(p, index=False, encoding=encoding))
        counts[name] = len(frame)

    def write_jsonl(p: Path) -> None:
        with p.open("w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(doc.model_dump_json() + "\n")

    _atomic_write(out / "records.jsonl", write_jsonl)
    _atomic_write(out / "datapackage.json", lambda p: p.write_text(
        json.dumps(datapackage(excel), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"))
    return counts
