"""thaikpi export: the researcher's dataset from the samples' ingest, as CSV and as typed
Parquet, whole or cut to kinds and years."""
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import csv_rows, gold_documents, run_cli
from thaikpi.pipeline.outputs.export import ExportError, parse_years
from thaikpi.schemas.columns import TABLES

ARROW_TYPES = {"string": "string", "integer": "int64", "number": "double", "boolean": "bool"}


def test_csv_export_holds_ingests_tables_byte_for_byte(samples_ingest, tmp_path):
    out, _ = samples_ingest
    dest = tmp_path / "dataset"
    proc = run_cli("export", str(out), "--to", str(dest))
    assert proc.returncode == 0, proc.stderr
    for name in TABLES:
        assert (dest / f"{name}.csv").read_bytes() == (out / f"{name}.csv").read_bytes(), name
    exported, ingested = (json.loads((d / "datapackage.json").read_text(encoding="utf-8")) for d in (dest, out))
    assert exported.pop("created") >= ingested.pop("created")  # ISO 8601, UTC: made after the ingest
    assert exported == ingested
    dictionary = (dest / "data_dictionary.md").read_text(encoding="utf-8")
    for name, columns in TABLES.items():
        assert f"## {name}.csv" in dictionary
        assert all(f"| `{c.name}` | {c.type} |" in dictionary for c in columns)
    rows = {name: len(csv_rows(out / f"{name}.csv")) for name in TABLES}
    assert "rows         " + ", ".join(f"{n} {rows[n]}" for n in TABLES) in proc.stdout


def test_parquet_export_is_typed_by_the_data_dictionary_and_holds_the_same_values(samples_ingest):
    out, _ = samples_ingest
    proc = run_cli("export", str(out), "--format", "parquet")
    assert proc.returncode == 0, proc.stderr
    dest = out / "dataset-parquet"
    package = json.loads((dest / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [f"{name}.parquet" for name in TABLES]
    for name, columns in TABLES.items():
        table = pq.read_table(dest / f"{name}.parquet")
        assert [(f.name, str(f.type)) for f in table.schema] == [(c.name, ARROW_TYPES[c.type]) for c in columns]
        assert table.schema.field(columns[0].name).metadata[b"description"] == columns[0].description.encode()
        expected = csv_rows(out / f"{name}.csv")
        got = table.to_pylist()
        assert len(got) == len(expected), name
        numbers = {c.name for c in columns if c.type == "number"}
        for row, want in zip(got, expected):
            # as the CSV writes a value: None empty, the rest as str() gives it; a number as
            # the same number (a count the report gives is written "10" in the CSV)
            assert {k: "" if v is None else v if k in numbers else str(v) for k, v in row.items()} == \
                {k: float(v) if k in numbers and v else v for k, v in want.items()}
    scores = pq.read_table(dest / "score_rows.parquet").to_pylist()
    falling = [r for r in scores if "permit_days_planted" in r["source"]][0]
    assert (falling["score"], falling["score_recomputed"], falling["is_total"]) == (4.0, 3.5, False)


def test_export_cuts_the_dataset_to_kinds_and_fiscal_years(samples_ingest, tmp_path):
    out, _ = samples_ingest
    golds = gold_documents()
    proc = run_cli("export", str(out), "--to", str(tmp_path / "be"), "--kind", "kpi_report", "--years", "2556-2557")
    assert proc.returncode == 0, proc.stderr
    docs = csv_rows(tmp_path / "be" / "documents.csv")
    wanted = sorted(n for n, g in golds.items() if g["kind"] == "kpi_report" and g["fiscal_year_be"] in (2556, 2557))
    assert sorted(Path(d["source"]).name for d in docs) == wanted
    assert f"left out     {len(golds) - len(wanted)} documents outside the selection" in proc.stdout
    flags = csv_rows(tmp_path / "be" / "flags.csv")
    assert len(flags) == sum(len(golds[n]["flags"]) for n in wanted)
    # the same years in the Common Era give the same dataset
    assert run_cli("export", str(out), "--to", str(tmp_path / "ce"), "--kind", "kpi_report",
                   "--years", "2013-2014").returncode == 0
    for name in TABLES:
        assert (tmp_path / "ce" / f"{name}.csv").read_bytes() == (tmp_path / "be" / f"{name}.csv").read_bytes()


def test_export_replaces_the_previous_dataset_whole(samples_ingest, tmp_path):
    out, _ = samples_ingest
    dest = tmp_path / "dataset"
    assert run_cli("export", str(out), "--to", str(dest), "--kind", "framework").returncode == 0
    (dest / "stray.txt").write_text("from before", encoding="utf-8")
    assert run_cli("export", str(out), "--to", str(dest), "--kind", "me_report").returncode == 0
    assert {d["kind"] for d in csv_rows(dest / "documents.csv")} == {"me_report"}
    assert not (dest / "stray.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset"]  # no temporary folder left


@pytest.mark.parametrize("args, message", [
    (["--format", "xlsx"], "unknown format 'xlsx'"),
    (["--years", "2556-2551"], "the years run backwards"),
    (["--years", "fifty"], "years 'fifty'"),
    (["--kind", "budget"], "unknown kind budget"),
])
def test_bad_export_options_exit_2_with_one_line(samples_ingest, tmp_path, args, message):
    out, _ = samples_ingest
    proc = run_cli("export", str(out), "--to", str(tmp_path / "d"), *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("thaikpi: ") and message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "d").exists()


def test_export_needs_a_ledger(tmp_path):
    proc = run_cli("export", str(tmp_path))
    assert proc.returncode == 2 and f"no ledger in {tmp_path}" in proc.stderr


@pytest.mark.parametrize("text, years", [
    ("2551-2556", (2551, 2556)), ("2008-2013", (2551, 2556)), ("2554", (2554, 2554)),
    ("2011", (2554, 2554)), ("2551-", (2551, None)), ("-2556", (None, 2556)), (" 2551 - 2013 ", (2551, 2556)),
])
def test_years_read_in_either_era(text, years):
    assert parse_years(text) == years


@pytest.mark.parametrize("text", ["", "-", "25-26", "2551--2556", "2551 2556"])
def test_years_that_are_not_years_are_refused(text):
    with pytest.raises(ExportError):
        parse_years(text)


def test_export_never_replaces_a_folder_it_did_not_write(samples_ingest, tmp_path):
    """The dataset replaces its folder whole: `--to .` or `--to ~` must not wipe the user's files."""
    out, _ = samples_ingest
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("years of work", encoding="utf-8")
    proc = run_cli("export", str(out), "--to", str(mine))
    assert proc.returncode == 2 and "is not empty and is not a dataset thaikpi exported" in proc.stderr
    assert [p.name for p in mine.iterdir()] == ["thesis.docx"]
    for holder in (out, out.parent):  # the outputs' own folder, or one that holds it
        proc = run_cli("export", str(out), "--to", str(holder))
        assert proc.returncode == 2 and "holds the ingest's outputs" in proc.stderr
    assert (out / "ledger.sqlite").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("export", str(out), "--to", str(empty)).returncode == 0


def test_excel_export_writes_a_bom_and_says_so(samples_ingest, tmp_path):
    out, _ = samples_ingest
    assert run_cli("export", str(out), "--to", str(tmp_path / "x"), "--excel").returncode == 0
    assert (tmp_path / "x" / "documents.csv").read_bytes()[3:] == (out / "documents.csv").read_bytes()
    assert (tmp_path / "x" / "documents.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    package = json.loads((tmp_path / "x" / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["encoding"] for r in package["resources"]} == {"utf-8-sig"}
