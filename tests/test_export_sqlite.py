"""Issue 25: `thaikpi export --format sqlite`: one SQLite file with the dataset's tables, their
primary and foreign keys and indexes, the same rows as the CSV export."""
import sqlite3

from conftest import csv_rows, run_cli
from thaikpi.schemas.columns import FOREIGN_KEYS, PRIMARY_KEYS, TABLES


def test_sqlite_export_holds_the_tables_with_keys_and_indexes(samples_ingest, tmp_path):
    out, _ = samples_ingest
    proc = run_cli("export", str(out), "--format", "sqlite", "--to", str(tmp_path / "db"))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "db").iterdir()) == ["data_dictionary.md", "datapackage.json", "thaikpi.sqlite"]
    db = sqlite3.connect(tmp_path / "db" / "thaikpi.sqlite")
    for name, columns in TABLES.items():
        info = db.execute(f"PRAGMA table_info({name})").fetchall()
        assert [row[1] for row in info] == [c.name for c in columns]
        assert [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]] == PRIMARY_KEYS[name]
        keys = db.execute(f"PRAGMA foreign_key_list({name})").fetchall()
        assert sorted((row[2], row[3], row[4]) for row in keys) == \
            sorted((table, f, r) for fields, table, ref in FOREIGN_KEYS[name] for f, r in zip(fields, ref))
        assert db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(csv_rows(out / f"{name}.csv")), name
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"flags_check", "flags_indicator_id", "indicators_code", "documents_doc_id"} <= indexes
    # a join a researcher writes: each score row with its indicator's name and document's kind
    joined = db.execute("""SELECT d.kind, i.code, i.name, s.score, s.score_recomputed FROM score_rows s
                           JOIN indicators i USING (indicator_id) JOIN documents d ON d.source = i.source
                           WHERE d.source LIKE '%permit_days_planted%' AND NOT s.is_total""").fetchall()
    assert joined[0][0] == "kpi_report" and joined[0][3:] == (4.0, 3.5) and joined[0][2]
    flagged = db.execute("""SELECT count(*) FROM flags f JOIN indicators i USING (indicator_id)
                            WHERE f.indicator_code = i.code""").fetchone()[0]
    assert flagged == db.execute("SELECT count(*) FROM flags WHERE indicator_id IS NOT NULL").fetchone()[0] > 0
