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
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from thaikpi.version import __version__
from thaikpi.pipeline.outputs.package import datapackage
from thaikpi.pipeline.checks.cross_documents import KEPT, cross_flags
from thaikpi.pipeline.outputs.rows import table_rows
from thaikpi.schemas.columns import TABLES, Column
from thaikpi.schemas.document import Document


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


FORMATS = ("csv", "parquet", "sqlite")


@dataclass
class Totals:
    """What was written, for the run's summary."""
    rows: dict[str, int] = field(default_factory=dict)
    status: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    cross_flags: Counter = field(default_factory=Counter)  # the cross-document checks', by rule
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

    def to_json(self) -> str:
        return json.dumps({"rows": self.rows, "status": self.status, "kinds": self.kinds, "flags": self.flags,
                           "cross_flags": self.cross_flags, "errors": self.errors, "skipped": self.skipped},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Totals":
        data = json.loads(text)
        return cls(rows=data["rows"], status=Counter(data["status"]), kinds=Counter(data["kinds"]),
                   flags=Counter(data["flags"]), cross_flags=Counter(data["cross_flags"]),
                   errors=[tuple(e) for e in data["errors"]], skipped=[tuple(s) for s in data["skipped"]])


def _cell(value) -> object:
    return "" if value is None else value


# What a spreadsheet reads as the start of a formula (OWASP's CSV injection list), and the
# numbers that begin so and are no formula ("-5", "+1.5")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")


def excel_cell(value) -> object:
    """A cell as --excel writes it: text a spreadsheet would run as a formula ("=cmd|' /C
    calc'!A0", "-ร้อยละ" too, which Excel shows as #NAME?) starts with an apostrophe, which
    makes it text; a lone "-" and signed numbers are left as they are."""
    if (isinstance(value, str) and value.startswith(_FORMULA_STARTS) and value.strip() not in ("-", "+")
            and not _SIGNED_NUMBER.fullmatch(value)):
        return "'" + value
    return _cell(value)


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
    """A CSV file; `excel`: with a BOM (Excel then reads UTF-8) and formulas made text (excel_cell)."""

    def __init__(self, path: Path, columns: list[Column], excel: bool = False):
        super().__init__(path)
        self.fh = open(self.tmp, "w", encoding="utf-8-sig" if excel else "utf-8", newline="")
        self.writer = csv.DictWriter(self.fh, fieldnames=[c.name for c in columns], lineterminator="\n")
        self.writer.writeheader()
        self.cell = excel_cell if excel else _cell

    def write(self, rows: list[dict]) -> None:
        cell = self.cell
        for row in rows:
            self.writer.writerow({k: cell(v) for k, v in row.items()})

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
            "description": c.description, "description_th": c.description_th}) for c in columns],
            metadata={"pandas": json.dumps(pandas_metadata(columns))})
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        self.buffer: list[dict] = []
        self.closed = False

    def write(self, rows: list[dict]) -> None:
        self.buffer += rows
        if len(self.buffer) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            typed = {c.name: [typed_cell(row.get(c.name), c.type) for row in self.buffer] for c in self.columns}
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


# How pandas (and so frictionless, which reads Parquet through pandas) should load each type:
# pyarrow's to_pandas() follows these dtypes, so an integer column with empty cells loads as
# pandas' nullable Int64 (not float64 with NaN), a boolean one as "boolean".
PANDAS_DTYPES = {"string": ("unicode", "object"), "integer": ("int64", "Int64"),
                 "number": ("float64", "float64"), "boolean": ("bool", "boolean")}


def pandas_metadata(columns: list[Column]) -> dict:
    """The schema metadata pandas writes beside a DataFrame's table, made without pandas."""
    return {"index_columns": [], "column_indexes": [], "columns": [
        {"name": c.name, "field_name": c.name, "pandas_type": PANDAS_DTYPES[c.type][0],
         "numpy_type": PANDAS_DTYPES[c.type][1], "metadata": None} for c in columns],
        "attributes": {}, "creator": {"library": "thaikpi", "version": __version__}}


def typed_cell(value, type_: str):
    """A cell as its column's type (a string column takes a number as the text CSV holds)."""
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
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    if fmt == "sqlite":
        from thaikpi.pipeline.outputs.sqlite_sink import sqlite_sinks  # it builds on this module
        return sqlite_sinks(folder)
    sinks: dict[str, _Sink] = {}
    try:
        for name, columns in TABLES.items():
            path = folder / f"{name}.{fmt}"
            sinks[name] = CsvSink(path, columns, excel) if fmt == "csv" else ParquetSink(path, columns)
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
    copies: Counter = Counter()  # files of the same bytes so far, by doc_id
    kept: list[dict] = []  # what the cross-document checks read of each series row
    try:
        for doc in docs:
            _pause()
            copies[doc.doc_id] += 1
            tables = table_rows([doc], copies[doc.doc_id])
            for name, rows in tables.items():
                sinks[name].write(rows)
                totals.rows[name] = totals.rows.get(name, 0) + len(rows)
            kept += ({k: row[k] for k in KEPT} for row in tables["indicator_series"])
            if "records" in sinks:
                sinks["records"].write_document(doc)
            totals.add(doc)
        crossed = cross_flags(kept)
        sinks["cross_flags"].write(crossed)
        totals.rows["cross_flags"] = len(crossed)
        totals.cross_flags.update(row["check"] for row in crossed)
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
