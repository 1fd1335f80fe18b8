"""--engine dask without --scheduler starts a real distributed.LocalCluster (issue 26): worker
processes, as many as --jobs; relative paths are made absolute before they are sent."""
import os
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


def test_a_dask_worker_killed_mid_task_fails_that_file_clearly_and_the_rest_finish(tmp_path):
    # Every worker given the doomed file dies at once (SIGKILL, as the OOM killer would);
    # Dask's nanny restarts it and retries the task until its allowed failures are spent.
    arch = tmp_path / "arch"
    arch.mkdir()
    for name in FEW:
        shutil.copy(SAMPLES / name, arch / name)
    env = {**os.environ, "THAIKPI_TEST_KILL_WORKER": FEW[1], "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
    proc = run_cli("ingest", "arch", "--out", "o", "--engine", "dask", "--jobs", "2", "--ocr", "off",
                   cwd=tmp_path, timeout=300, env=env)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # a document failed
    rows = {r["source"]: r for r in csv_rows(tmp_path / "o" / "documents.csv")}
    assert {s: (r["status"], r["kind"]) for s, r in rows.items()} == {
        f"arch/{FEW[0]}": ("ok", "kpi_report"), f"arch/{FEW[1]}": ("error", "unknown"),
        f"arch/{FEW[2]}": ("ok", "kpi_report")}
    lost = rows[f"arch/{FEW[1]}"]
    assert lost["error_kind"] == "crashed"
    assert lost["error_message"].startswith("the Dask task failed: each worker that read this file died while "
                                            "reading it (killed, or out of memory)")
