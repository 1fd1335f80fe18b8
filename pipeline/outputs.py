"""Documents -> the files of ../shared/CONTRACT.md: documents.csv, indicators.csv,
score_rows.csv, flags.csv, records.jsonl, datapackage.json; and for the other two kinds
dimensions.csv (frameworks) and me_claims.csv (M&E reports' numeric claims).

Every file is written to a temporary name in the same folder and renamed into place, so a
crash never leaves a half-written output. Documents are streamed: memory does not grow with
the size of the archive."""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

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
        project = doc.project
        rows["documents"].append({
            **keys, "format": doc.format, "kind": doc.kind, "status": doc.status,
            "error_kind": doc.error.kind if doc.error else None,
            "error_message": doc.error.message if doc.error else None,
            "pages": doc.pages, "fiscal_year_be": doc.fiscal_year_be, "fiscal_year": doc.fiscal_year,
            "round_months": doc.round_months, "indicators": len(doc.indicators), "flags": len(doc.flags),
            "project_name": project.name if project else None,
            "quarter": project.quarter if project else None,
            "budget_disbursed_baht": project.budget_disbursed_baht if project else None,
            "pipeline_version": doc.pipeline_version,
        })
        for dim in doc.dimensions:
            rows["dimensions"].append({
                **keys, "fiscal_year_be": doc.fiscal_year_be, "fiscal_year": doc.fiscal_year,
                "number": dim.number, "name": dim.name, "weight": dim.weight, "page": dim.page,
                "indicators": sum(1 for i in doc.indicators if i.dimension == dim.number),
            })
        for n, claim in enumerate(project.claims if project else []):
            claim_flags = [f.check for f in doc.flags if f.check in ("count_mismatch", "total_mismatch")
                           and f.page == claim.page and f.evidence == claim.text and f.reported == claim.value]
            rows["me_claims"].append({
                **keys, "fiscal_year_be": doc.fiscal_year_be, "fiscal_year": doc.fiscal_year,
                "quarter": project.quarter, "project_name": project.name, "claim": n,
                "section": claim.section, "kind": claim.kind, "value": claim.value, "unit": claim.unit,
                "listed": claim.listed, "listed_items": _join(claim.listed_items), "parts": _join(claim.parts),
                "parts_sum": sum(claim.parts) if claim.parts else None, "flags": _join(claim_flags),
                "text": claim.text, "page": claim.page,
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
                "weight_total_stated": ind.weight_total_stated,
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


@dataclass
class Totals:
    """What was written, for the run's summary."""
    rows: dict[str, int] = field(default_factory=dict)
    status: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.rows.get("documents", 0)


def _cell(value) -> object:
    return "" if value is None else value


def write_outputs(docs: Iterable[Document], out: Path, excel: bool = False) -> Totals:
    """Write every output file from the documents, streaming (one document in memory at a
    time); each file appears under its name only when complete."""
    out.mkdir(parents=True, exist_ok=True)
    encoding = "utf-8-sig" if excel else "utf-8"
    totals = Totals(rows={name: 0 for name in TABLES})
    with ExitStack() as stack:
        temps: dict[str, Path] = {}
        writers = {}
        for name, columns in TABLES.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.csv.", suffix=".tmp", dir=out)
            os.close(fd)
            temps[name] = Path(tmp)
            fh = stack.enter_context(open(tmp, "w", encoding=encoding, newline=""))
            writer = csv.DictWriter(fh, fieldnames=[c.name for c in columns], lineterminator="\n")
            writer.writeheader()
            writers[name] = writer
        fd, jsonl_tmp = tempfile.mkstemp(prefix=".records.jsonl.", suffix=".tmp", dir=out)
        os.close(fd)
        temps["records"] = Path(jsonl_tmp)
        jsonl = stack.enter_context(open(jsonl_tmp, "w", encoding="utf-8"))
        try:
            for doc in docs:
                for name, rows in table_rows([doc]).items():
                    for row in rows:
                        writers[name].writerow({k: _cell(v) for k, v in row.items()})
                    totals.rows[name] += len(rows)
                jsonl.write(doc.model_dump_json() + "\n")
                totals.status[doc.status] += 1
                if doc.status != "error":
                    totals.kinds[doc.kind] += 1
                else:
                    totals.errors.append((doc.source, doc.error.kind, doc.error.message))
                totals.flags.update(f.check for f in doc.flags)
        except BaseException:
            stack.close()
            for tmp in temps.values():
                tmp.unlink(missing_ok=True)
            raise
    for name, tmp in temps.items():
        os.replace(tmp, out / ("records.jsonl" if name == "records" else f"{name}.csv"))
    _atomic_write(out / "datapackage.json", lambda p: p.write_text(
        json.dumps(datapackage(excel), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"))
    return totals
