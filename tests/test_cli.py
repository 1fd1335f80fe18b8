"""The command line: help for every command, extract's JSON Lines, ingest's outputs."""
import csv
import json
import os
import re
import sys

import pytest

from collections import Counter

from conftest import GOLD, SAMPLES, run_cli
from thaikpi.pipeline.cli import app

COMMANDS = ["extract", "ingest", "status", "audit", "export", "schema", "version"]


run = run_cli


def test_every_command_is_listed():
    assert sorted(c.name or c.callback.__name__ for c in app.registered_commands) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    proc = run(command, "--help")
    assert proc.returncode == 0
    assert "Usage" in proc.stdout and len(proc.stdout) > 100
    assert re.search(rf"Usage: python -m thaikpi {command}\b", proc.stdout), proc.stdout


def test_version_prints_the_package_version():
    from thaikpi import __version__
    for args in (["--version"], ["version"]):
        proc = run(*args)
        assert (proc.returncode, proc.stdout) == (0, __version__ + "\n")


def test_bad_usage_exits_2():
    assert run("extract").returncode == 2
    assert run("ingest", "/no/such/folder").returncode == 2
    assert run("extract", str(next(SAMPLES.glob("*.pdf"))), "--below-level1", "3").returncode == 2


def test_extract_prints_one_json_document_per_line():
    files = sorted(SAMPLES.glob("*planted*"))
    proc = run("extract", *map(str, files))
    assert proc.returncode == 0
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(f) for f in files]
    assert all(d["kind"] == "kpi_report" for d in docs)


def test_schema_is_a_json_schema_of_a_document():
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Document"
    assert {"doc_id", "indicators", "flags"} <= set(schema["properties"])


def test_ingest_writes_every_output_with_reported_and_recomputed_side_by_side(samples_ingest):
    out, proc = samples_ingest
    assert proc.returncode == 0, proc.stderr
    golds = [json.loads(g.read_text(encoding="utf-8")) for g in sorted(GOLD.glob("*.json"))]
    status = Counter(g["status"] for g in golds)
    assert (f"files        {len(golds)}  (ok {status['ok']}, partial {status['partial']}, error 0)"
            in proc.stdout)
    expected_flags = sorted(f["check"] for g in golds for f in g["flags"])
    assert f"weighted_score_mismatch    {expected_flags.count('weighted_score_mismatch')}" in proc.stdout
    for name in ("documents.csv", "indicators.csv", "score_rows.csv", "flags.csv", "records.jsonl",
                 "datapackage.json", "report.html"):
        assert (out / name).stat().st_size > 0
    with (out / "score_rows.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    falling = [r for r in rows if "permit_days" in r["source"]][0]
    assert (falling["score"], falling["score_recomputed"], falling["flags"]) == ("4.0", "3.5", "score_vs_performance")
    with (out / "flags.csv").open(encoding="utf-8") as fh:
        flags = list(csv.DictReader(fh))
    assert sorted(f["check"] for f in flags) == expected_flags
    assert all(f["page"] and f["evidence"] for f in flags if f["check"] not in
               ("text_layer_missing", "text_layer_garbled", "text_layer_repaired"))
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    header = (out / "indicators.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    described = [f["name"] for r in package["resources"] if r["name"] == "indicators" for f in r["schema"]["fields"]]
    assert header == described
    assert not (out / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    # the other two kinds: a framework's dimensions, an M&E report's claims beside their checks
    with (out / "dimensions.csv").open(encoding="utf-8") as fh:
        dims = [r for r in csv.DictReader(fh) if "framework_2550" in r["source"] and r["source"].endswith(".pdf")]
    assert [(d["number"], d["weight"], d["indicators"]) for d in dims] == [
        ("1", "50.0", "13"), ("2", "15.0", "5"), ("3", "10.0", "3"), ("4", "25.0", "7")]
    with (out / "me_claims.csv").open(encoding="utf-8") as fh:
        claims = [r for r in csv.DictReader(fh) if "me_2566" in r["source"] and r["source"].endswith(".pdf")]
    flagged = [(c["kind"], c["value"], c["listed"], c["parts_sum"], c["flags"]) for c in claims if c["flags"]]
    assert flagged == [("count", "5.0", "4", "", "count_mismatch"), ("total", "1200.0", "", "1130.0", "total_mismatch")]
    with (out / "documents.csv").open(encoding="utf-8") as fh:
        # the report itself, not its scanned twin (read nothing without OCR)
        me = [r for r in csv.DictReader(fh) if "me_2566" in r["source"] and ".scan." not in r["source"]]
    assert {(r["kind"], r["quarter"], r["budget_disbursed_baht"]) for r in me} == {("me_report", "2", "1250000.0")}


def test_excel_flag_writes_a_bom(tmp_path):
    proc = run("ingest", str(next(SAMPLES.glob("*.html"))), "--out", str(tmp_path), "--excel")
    assert proc.returncode == 0
    assert (tmp_path / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_excel_csv_keeps_a_formula_as_text(tmp_path, root):
    """A cell holding "=cmd|' /C calc'!A0" (bench/hostile.py) must not run in a spreadsheet:
    --excel writes it after an apostrophe; the plain CSV keeps the text as the document has it."""
    sys.path.insert(0, str(root / "bench"))
    from hostile import FORMULA, code_as_text
    page = tmp_path / "code.html"
    page.write_bytes(code_as_text())
    for flag, folder in (("--excel", tmp_path / "excel"), (None, tmp_path / "plain")):
        assert run("ingest", str(page), "--out", str(folder), *([flag] if flag else [])).returncode == 0
    with (tmp_path / "plain" / "indicators.csv").open(encoding="utf-8") as fh:
        plain = list(csv.reader(fh))
    with (tmp_path / "excel" / "indicators.csv").open(encoding="utf-8-sig") as fh:
        excel = list(csv.reader(fh))
    pairs = [(p, e) for p_row, e_row in zip(plain, excel, strict=True) for p, e in zip(p_row, e_row, strict=True)]
    assert (FORMULA, "'" + FORMULA) in pairs
    for p, e in pairs:
        assert e == ("'" + p if p[:1] in ("=", "@") else p)


def test_excel_cell_escapes_formulas_not_numbers():
    from thaikpi.pipeline.outputs.tables import excel_cell
    assert excel_cell("=1+1") == "'=1+1"
    assert excel_cell("@SUM(A1)") == "'@SUM(A1)"
    assert excel_cell("- ร้อยละ 80") == "'- ร้อยละ 80"
    assert excel_cell("-5") == "-5" and excel_cell("+1.5") == "+1.5" and excel_cell("-12.5%") == "-12.5%"
    assert excel_cell("-") == "-" and excel_cell(None) == "" and excel_cell(3.5) == 3.5
    assert excel_cell("ร้อยละ 80") == "ร้อยละ 80"


def test_data_dictionary_is_current(root):
    sys.path.insert(0, str(root / "scripts"))
    from make_data_dictionary import render
    assert (root / "docs" / "data_dictionary.md").read_text(encoding="utf-8") == render()


def test_readme_test_command_is_what_ci_runs(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
    assert command in readme and command in ci


def test_outputs_are_readable_as_any_new_file_is(samples_ingest):
    """Written through mkstemp (0600), the outputs were hidden from the archive's other users;
    they take the mode a plain new file gets under the umask."""
    out, _ = samples_ingest
    mask = os.umask(0)
    os.umask(mask)
    for name in ("documents.csv", "flags.csv", "records.jsonl", "datapackage.json", "report.html"):
        assert (out / name).stat().st_mode & 0o777 == 0o666 & ~mask, name
