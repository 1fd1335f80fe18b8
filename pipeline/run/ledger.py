"""OUT/ledger.sqlite: every input file, what became of it, and its document.

One row per file, whatever names it: a row's `file_key` is the file's resolved path (and the
member of an archive's), so a relative, absolute, `./` or linked name of a file is its one row;
`source` is the name it was last processed under (a path, or "archive.zip!member"). A file's row is committed the moment
the file is done, so a run killed at any point loses nothing already finished. The outputs
(CSV, JSONL) are rebuilt from these rows, so they always agree with the ledger. Only the
parent process writes; WAL lets `thaikpi status` read while a run writes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from thaikpi.schemas.document import Document

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    source           TEXT PRIMARY KEY,
    size             INTEGER,
    sha256           TEXT,
    format           TEXT,
    kind             TEXT,
    status           TEXT NOT NULL,      -- done | failed | skipped (no report: a README, an image)
    error_kind       TEXT,
    error_message    TEXT,
    pipeline_version TEXT,
    pages            INTEGER,
    seconds          REAL,
    finished_at      TEXT,
    last_run         INTEGER,
    last_action      TEXT,               -- processed | skipped-unchanged
    document         TEXT,               -- the JSON document (records.jsonl line)
    file_key         TEXT                -- the resolved path (inputs.Task.key)
);
CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT,
    engine      TEXT,
    planned     INTEGER,
    processed   INTEGER DEFAULT 0,
    skipped     INTEGER DEFAULT 0,
    failed      INTEGER DEFAULT 0
);
-- the outputs last written whole: of which state of the files, and their totals (one row)
CREATE TABLE IF NOT EXISTS outputs (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    state       TEXT NOT NULL,
    totals      TEXT NOT NULL
);
"""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Entry:
    source: str
    sha256: Optional[str]
    status: str
    pipeline_version: Optional[str]
    error_kind: Optional[str]


LEDGER_STATUS = {"error": "failed", "skipped": "skipped"}  # a document's status -> its file's
LEDGER_NAME = "ledger.sqlite"  # OUT/ledger.sqlite: the one source of truth of an ingest


class Ledger:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(files)")}
        if "file_key" not in columns:  # a ledger of 0.3.0: its rows keep their sources as keys
            self.db.execute("ALTER TABLE files ADD COLUMN file_key TEXT")
            self.db.execute("UPDATE files SET file_key = source")
        self.db.execute("CREATE UNIQUE INDEX IF NOT EXISTS files_by_key ON files (file_key)")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- runs ---
    def start_run(self, inputs: list[str], engine: str, planned: int) -> int:
        cur = self.db.execute("INSERT INTO runs (started_at, inputs, engine, planned) VALUES (?, ?, ?, ?)",
                              (_now(), "\n".join(inputs), engine, planned))
        return int(cur.lastrowid)

    def finish_run(self, run: int) -> None:
        self.db.execute(
            """UPDATE runs SET finished_at = ?,
                   processed = (SELECT count(*) FROM files WHERE last_run = ? AND last_action = 'processed'),
                   skipped   = (SELECT count(*) FROM files WHERE last_run = ? AND last_action = 'skipped-unchanged'),
                   failed    = (SELECT count(*) FROM files WHERE last_run = ? AND last_action = 'processed' AND status = 'failed')
               WHERE id = ?""", (_now(), run, run, run, run))

    # --- the outputs ---
    def files_state(self, options: str) -> str:
        """A digest of every file's row as the outputs are built from it (its name, bytes,
        version, status and when it was last processed), and of the options they are
        written with: the same digest, the same outputs."""
        digest = hashlib.sha256(options.encode())
        for row in self.db.execute("SELECT file_key, source, sha256, pipeline_version, status, finished_at "
                                   "FROM files ORDER BY file_key"):
            digest.update(repr(row).encode())
        return digest.hexdigest()

    def outputs_written(self) -> Optional[tuple[str, str]]:
        """(state, totals as JSON) of the outputs last written whole, or None."""
        return self.db.execute("SELECT state, totals FROM outputs WHERE id = 1").fetchone()

    def set_outputs_written(self, state: Optional[str], totals: str = "") -> None:
        """Note the outputs as written whole from `state`; None: being rewritten (not whole)."""
        if state is None:
            self.db.execute("DELETE FROM outputs")
        else:
            self.db.execute("INSERT OR REPLACE INTO outputs (id, state, totals) VALUES (1, ?, ?)", (state, totals))

    # --- files ---
    def entries(self) -> dict[str, Entry]:
        """Every file's entry, by its key."""
        rows = self.db.execute("SELECT file_key, source, sha256, status, pipeline_version, error_kind FROM files")
        return {r[0]: Entry(*r[1:]) for r in rows}

    def mark_skipped(self, keys: list[str], run: int) -> None:
        self.db.execute("BEGIN")
        self.db.executemany("UPDATE files SET last_run = ?, last_action = 'skipped-unchanged' WHERE file_key = ?",
                            [(run, k) for k in keys])
        self.db.execute("COMMIT")

    def record(self, doc: Document, *, key: str, size: Optional[int], sha256: Optional[str], seconds: float,
               run: int) -> None:
        """Store one file's outcome under its key, replacing the row of any other name of the
        file, in its own transaction (committed when this returns)."""
        self.db.execute("BEGIN")
        self.db.execute("DELETE FROM files WHERE file_key = ? OR source = ?", (key, doc.source))
        self.db.execute(
            """INSERT INTO files (source, size, sha256, format, kind, status, error_kind, error_message,
                   pipeline_version, pages, seconds, finished_at, last_run, last_action, document, file_key)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'processed', ?, ?)""",
            (doc.source, size, sha256, doc.format, doc.kind, LEDGER_STATUS.get(doc.status, "done"),
             doc.error.kind if doc.error else None, doc.error.message if doc.error else None,
             doc.pipeline_version, doc.pages, round(seconds, 4), _now(), run, doc.model_dump_json(), key))
        self.db.execute("COMMIT")

    def documents(self) -> Iterator[Document]:
        """Every document in the ledger, in source order, one at a time (memory stays flat)."""
        cursor = self.db.execute("SELECT document FROM files ORDER BY source")
        for (document,) in cursor:
            yield Document.model_validate_json(document)

    # --- status ---
    def status(self) -> dict:
        by_status = dict(self.db.execute("SELECT status, count(*) FROM files GROUP BY status").fetchall())
        last = self.db.execute("SELECT id, started_at, finished_at, planned, processed, skipped, failed, engine "
                               "FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        failed = self.db.execute("SELECT source, error_kind, error_message FROM files WHERE status = 'failed' "
                                 "ORDER BY source").fetchall()
        totals = self.db.execute("SELECT count(*), coalesce(sum(pages), 0), coalesce(sum(seconds), 0) FROM files").fetchone()
        return {"files": totals[0], "pages": totals[1], "seconds": totals[2], "by_status": by_status,
                "last_run": last, "failed": failed}
