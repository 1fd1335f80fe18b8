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
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from thaikpi.version import __version__
from thaikpi.schemas.columns import TABLES, Column
from thaikpi.schemas.document import Document

SEP = " | "


def indicator_id(doc: Document, index: int) -> str:
    return f"{doc.doc_id.removeprefix('sha256:')[:12]}-{index}"


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


def table_rows(docs: list[Document]) -> dict[str, list[dict]]:
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
        for flag in doc.flags:
            rows["flags"].append({
                **keys, "fiscal_year_be": doc.fiscal_year_be, "check": flag.check,
                "severity": flag.severity, "indicator_code": flag.indicator_code,
                "reported": flag.reported, "expected": flag.expected, "message": flag.message,
                "page": flag.page, "evidence": flag.evidence,
            })
    return rows


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def temp_beside(path: Path) -> Path:
    """A new temporary file in path's folder (so that renaming it onto path is atomic), with
    the mode a plain new file gets: mkstemp's 0600 would hide the outputs from the archive's
    other users."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())
    finally:
        os.close(fd)
    return Path(tmp)


def atomic_write(path: Path, write) -> None:
    """`write(tmp)` fills a temporary file beside path, which then replaces path whole."""
    tmp = temp_beside(path)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


FORMATS = ("csv", "parquet")


def datapackage(excel: bool, fmt: str = "csv") -> dict:
    resource = {"format": "csv", "encoding": "utf-8-sig" if excel else "utf-8"} if fmt == "csv" else \
        {"format": "parquet", "mediatype": "application/vnd.apache.parquet"}
    return {
        "name": "thaikpi-dataset",
        "title": "Thai government performance reports, extracted and recomputed by thaikpi",
        "description": "One row per document, indicator, score row and flag. Reported values "
                       "sit beside recomputed ones; nothing reported is overwritten.",
        "created_by": f"thaikpi {__version__}",
        "resources": [{
            "name": name, "path": f"{name}.{fmt}", "profile": "tabular-data-resource", **resource,
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
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files that are no report, and what they are

    @property
    def documents(self) -> int:
        return self.rows.get("documents", 0)

    def add(self, doc: Document) -> None:
        self.status[doc.status] += 1
        if doc.status == "error":
            self.errors.append((doc.source, doc.error.kind, doc.error.message))
        elif doc.status == "skipped":
            self.skipped.append((doc.source, doc.error.message))
        else:
            self.kinds[doc.kind] += 1
        self.flags.update(f.check for f in doc.flags)


def _cell(value) -> object:
    return "" if value is None else value


class _Sink:
    """One output file, written under a temporary name in its folder; `commit` renames it
    into place, `discard` removes it."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = temp_beside(path)

    def write(self, rows: list[dict]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        try:
            self.close()
        finally:
            self.tmp.unlink(missing_ok=True)


class CsvSink(_Sink):
    def __init__(self, path: Path, columns: list[Column], encoding: str = "utf-8"):
        super().__init__(path)
        self.fh = open(self.tmp, "w", encoding=encoding, newline="")
        self.writer = csv.DictWriter(self.fh, fieldnames=[c.name for c in columns], lineterminator="\n")
        self.writer.writeheader()

    def write(self, rows: list[dict]) -> None:
        for row in rows:
            self.writer.writerow({k: _cell(v) for k, v in row.items()})

    def close(self) -> None:
        self.fh.close()


class JsonlSink(_Sink):
    def __init__(self, path: Path):
        super().__init__(path)
        self.fh = open(self.tmp, "w", encoding="utf-8")

    def write(self, rows: list[dict]) -> None:
        raise TypeError("records.jsonl takes documents: use write_document")

    def write_document(self, doc: Document) -> None:
        self.fh.write(doc.model_dump_json() + "\n")

    def close(self) -> None:
        self.fh.close()


class ParquetSink(_Sink):
    """A Parquet file typed from the data dictionary (each field carries its descriptions),
    written in row groups of BATCH rows so that memory does not grow with the archive."""
    BATCH = 5000

    def __init__(self, path: Path, columns: list[Column]):
        import pyarrow as pa  # only export --format parquet needs it: not imported by ingest's workers
        import pyarrow.parquet as pq
        super().__init__(path)
        self.pa = pa
        self.columns = columns
        types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
        self.schema = pa.schema([pa.field(c.name, types[c.type], metadata={
            "description": c.description, "description_th": c.description_th}) for c in columns])
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        self.buffer: list[dict] = []
        self.closed = False

    def write(self, rows: list[dict]) -> None:
        self.buffer += rows
        if len(self.buffer) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            typed = {c.name: [_typed(row.get(c.name), c.type) for row in self.buffer] for c in self.columns}
            self.writer.write_table(self.pa.Table.from_pydict(typed, schema=self.schema))
            self.buffer = []

    def discard(self) -> None:
        self.buffer = []  # rows of a failed run are not written
        super().discard()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            try:
                self._flush()
            finally:
                self.writer.close()


def _typed(value, type_: str):
    """A cell as its column's type: flags' reported and expected values are numbers or words,
    so a string column takes a number as the text CSV would hold."""
    if value is None:
        return None
    if type_ == "string":
        return value if isinstance(value, str) else str(value)
    if type_ == "integer":
        return int(value)
    if type_ == "number":
        return float(value)
    return bool(value)


def _discard_all(sinks: dict[str, _Sink]) -> None:
    for sink in sinks.values():
        sink.discard()


def table_sinks(folder: Path, fmt: str, excel: bool = False, records: bool = False) -> dict[str, _Sink]:
    """A sink for each table in `fmt`, and with `records` one for records.jsonl."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use csv or parquet")
    encoding = "utf-8-sig" if excel else "utf-8"
    sinks: dict[str, _Sink] = {}
    try:
        for name, columns in TABLES.items():
            path = folder / f"{name}.{fmt}"
            sinks[name] = CsvSink(path, columns, encoding) if fmt == "csv" else ParquetSink(path, columns)
        if records:
            sinks["records"] = JsonlSink(folder / "records.jsonl")
    except BaseException:
        _discard_all(sinks)
        raise
    return sinks


# A test hook: seconds to sleep after each document written and before each file committed,
# so that a test can kill a run in its write phase (tests/test_run_safety.py).
WRITE_PAUSE = "THAIKPI_TEST_WRITE_PAUSE"


def _pause() -> None:
    if seconds := float(os.environ.get(WRITE_PAUSE) or 0):
        time.sleep(seconds)


def remove_stale_temporaries(folder: Path) -> None:
    """The temporary files of a run killed while writing (temp_beside's names); called by the
    folder's one writer (run/lock.py) before it writes."""
    for stale in folder.glob(".*.tmp"):
        stale.unlink(missing_ok=True)


def write_tables(docs: Iterable[Document], sinks: dict[str, _Sink], totals: Totals) -> None:
    """Stream the documents into the sinks, then commit them all; on any failure none is
    committed and every temporary file is removed."""
    try:
        for doc in docs:
            _pause()
            for name, rows in table_rows([doc]).items():
                sinks[name].write(rows)
                totals.rows[name] = totals.rows.get(name, 0) + len(rows)
            if "records" in sinks:
                sinks["records"].write_document(doc)
            totals.add(doc)
    except BaseException:
        _discard_all(sinks)
        raise
    for sink in sinks.values():
        _pause()
        sink.commit()


def write_outputs(docs: Iterable[Document], out: Path, excel: bool = False) -> Totals:
    """Write every output file from the documents, streaming (one document in memory at a
    time); each file appears under its name only when complete."""
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)
    totals = Totals(rows={name: 0 for name in TABLES})
    write_tables(docs, table_sinks(out, "csv", excel, records=True), totals)
    atomic_write(out / "datapackage.json", lambda p: p.write_text(
        json.dumps(datapackage(excel), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"))
    return totals
