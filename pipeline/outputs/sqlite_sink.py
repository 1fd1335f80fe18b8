"""export --format sqlite: every table in one SQLite file, typed from the data dictionary,
with the package's primary and foreign keys and indexes on the columns one joins and filters
by; ready for the sqlite3 shell, SQL from any language, or datasette.

The tables share one connection and one transaction; the database is built under a temporary
name and renamed into place when complete, as every other output is."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from thaikpi.pipeline.outputs.package import SQLITE_NAME
from thaikpi.pipeline.outputs.tables import temp_beside, typed_cell
from thaikpi.schemas.columns import FOREIGN_KEYS, PRIMARY_KEYS, TABLES, Column

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
# Beside the keys' own indexes: what a reader joins on (foreign keys not led by a primary
# key) and filters by most.
INDEXES = {
    "documents": [["doc_id"], ["kind"], ["fiscal_year_be"]],
    "indicators": [["source"], ["code"], ["fiscal_year_be", "round_months"]],
    "score_rows": [["source"]],
    "flags": [["indicator_id"], ["check"], ["severity"]],
}


def _names(names: list[str]) -> str:
    """Quoted: some column names are SQL words (check, row)."""
    return ", ".join(f'"{n}"' for n in names)


def create_table(name: str, columns: list[Column]) -> str:
    key = PRIMARY_KEYS[name]  # NOT NULL: SQLite lets a key column hold NULL otherwise
    cells = [f'"{c.name}" {SQL_TYPES[c.type]}' + (" NOT NULL" if c.name in key else "") for c in columns]
    cells.append(f"PRIMARY KEY ({_names(PRIMARY_KEYS[name])})")
    cells += [f"FOREIGN KEY ({_names(fields)}) REFERENCES {table} ({_names(ref)})"
              for fields, table, ref in FOREIGN_KEYS[name]]
    return f"CREATE TABLE {name} (\n  " + ",\n  ".join(cells) + "\n)"


def create_indexes(name: str) -> list[str]:
    return [f"CREATE INDEX {name}_{'_'.join(cols)} ON {name} ({_names(cols)})" for cols in INDEXES.get(name, [])]


class Database:
    """The file being built: its connection, committed and renamed into place at the end."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = temp_beside(path)
        self.db = sqlite3.connect(self.tmp, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")  # a new file, renamed in only when whole
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("BEGIN")
        for name, columns in TABLES.items():
            self.db.execute(create_table(name, columns))
        self.open = True

    def close(self) -> None:
        if self.open:
            self.open = False
            self.db.close()

    def write(self, rows: list[dict]) -> None:
        raise TypeError("the database takes rows by table: use its table sinks")

    def commit(self) -> None:
        """Indexes once the rows are in (cheaper than keeping them up to date row by row)."""
        for name in TABLES:
            for statement in create_indexes(name):
                self.db.execute(statement)
        self.db.execute("COMMIT")
        self.db.execute("PRAGMA optimize")
        self.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        try:
            self.close()
        finally:
            self.tmp.unlink(missing_ok=True)


class TableSink:
    """One table's rows into the shared database; the database commits them all."""

    def __init__(self, database: Database, name: str, columns: list[Column]):
        self.database, self.columns = database, columns
        self.insert = f"INSERT INTO {name} VALUES ({', '.join('?' for _ in columns)})"

    def write(self, rows: list[dict]) -> None:
        if rows:
            self.database.db.executemany(self.insert, [
                tuple(typed_cell(row.get(c.name), c.type) for c in self.columns) for row in rows])

    def commit(self) -> None:
        pass

    def discard(self) -> None:
        pass


def sqlite_sinks(folder: Path) -> dict:
    """A sink per table, then the database itself (committed last, after every table's rows)."""
    database = Database(folder / SQLITE_NAME)
    sinks: dict = {name: TableSink(database, name, columns) for name, columns in TABLES.items()}
    sinks["database"] = database
    return sinks
