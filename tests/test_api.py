"""thaikpi as a library (thaikpi/api.py), called as a user's script calls it: from a folder of
the user's own, whose modules may carry the names of thaikpi's layers."""
import json
import subprocess
import sys

import pytest

from conftest import SAMPLES, csv_rows

KPI_SAMPLE = SAMPLES / "kpi_2555_4-4_database.cp874.html"


@pytest.fixture
def users_folder(tmp_path):
    """A folder with its own pipeline.py, schemas.py and extractors.py, each of which fails
    loudly if thaikpi imports it instead of its own layers."""
    for name in ("pipeline", "schemas", "extractors"):
        (tmp_path / f"{name}.py").write_text(f"raise ImportError('the user\\'s own {name}.py')\n", encoding="utf-8")
    return tmp_path


def _python(code: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True)


def test_extract_from_a_folder_with_modules_named_like_thaikpi_s_layers(users_folder):
    proc = _python(f"import thaikpi; d = thaikpi.extract({str(KPI_SAMPLE)!r}); print(d.kind)", users_folder)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "kpi_report\n"


def test_ingest_returns_its_report_and_writes_the_tables(users_folder):
    out = users_folder / "out"
    inputs = [str(KPI_SAMPLE), str(SAMPLES / "framework_2551_ministry.utf8.html")]
    code = (f"import json, thaikpi; r = thaikpi.ingest({inputs!r}, {str(out)!r}, jobs=1); "
            "print(json.dumps([r.planned, r.processed, r.skipped, r.failed]))")
    proc = _python(code, users_folder)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [2, 2, 0, 0]
    rows = {r["source"]: r for r in csv_rows(out / "documents.csv")}
    assert {source: row["kind"] for source, row in rows.items()} == {inputs[0]: "kpi_report", inputs[1]: "framework"}
    # a second run finds both in the ledger and processes none
    proc = _python(code, users_folder)
    assert json.loads(proc.stdout) == [2, 0, 2, 0]
