"""--engine dask without --scheduler starts a real distributed.LocalCluster (issue 26): worker
processes, as many as --jobs; relative paths are made absolute before they are sent."""
import shutil

from conftest import SAMPLES, csv_rows, run_cli

FEW = ["kpi_2558_3-2_permit_days_merged_header.utf8.html", "genre_budget_book_2568.utf8.html",
       "kpi_2558_3-2_permit_days_planted.fpdf.pdf"]


def test_dask_without_a_scheduler_runs_a_local_cluster_on_relative_paths(tmp_path):
    arch = tmp_path / "arch"
    arch.mkdir()
    for name in FEW:
        shutil.copy(SAMPLES / name, arch / name)
    (arch / "README.txt").write_text("notes\n", encoding="utf-8")
    # the relative name "arch" means nothing in a Dask worker's working folder
    proc = run_cli("ingest", "arch", "--out", "o", "--engine", "dask", "--jobs", "2", "--ocr", "off",
                   cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {r["source"]: (r["status"], r["kind"]) for r in csv_rows(tmp_path / "o" / "documents.csv")}
    assert rows == {"arch/README.txt": ("skipped", "unknown"),
                    f"arch/{FEW[0]}": ("ok", "kpi_report"), f"arch/{FEW[1]}": ("ok", "indicator_table"),
                    f"arch/{FEW[2]}": ("ok", "kpi_report")}
    local = run_cli("ingest", "arch", "--out", "local", "--jobs", "1", "--ocr", "off", cwd=tmp_path)
    assert local.returncode == 0
    assert (tmp_path / "o" / "indicators.csv").read_bytes() == (tmp_path / "local" / "indicators.csv").read_bytes()
