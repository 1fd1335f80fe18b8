"""One writer per output folder, and outputs that are whole or the previous ones (issue 26):
real `thaikpi ingest` processes, held in their write phase by the THAIKPI_TEST_WRITE_PAUSE hook
(outputs/tables.py) so that the second process or the kill lands there every time."""
import os
import shutil
import signal
import subprocess
import sys
import time

from conftest import SAMPLES, csv_rows, run_cli

SMALL = ["kpi_2558_3-2_permit_days_merged_header.utf8.html", "genre_budget_book_2568.utf8.html",
         "kpi_2556_2-3_disbursement_interpolated.cp874_nodecl.html"]
OUTPUTS = ("documents.csv", "indicators.csv", "score_rows.csv", "flags.csv", "records.jsonl", "datapackage.json")


def _archive(tmp_path, names):
    arch = tmp_path / "arch"
    arch.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, arch / name)
    return arch


def _start_paused(arch, out, pause: float) -> subprocess.Popen:
    """An ingest that sleeps `pause` s after each document it writes and before each commit."""
    env = {**os.environ, "THAIKPI_TEST_WRITE_PAUSE": str(pause)}
    return subprocess.Popen([sys.executable, "-m", "thaikpi", "ingest", str(arch), "--out", str(out), "--jobs", "1"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for_write_phase(out, proc, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not list(out.glob(".documents.csv.*.tmp")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the ingest never reached its write phase"
        time.sleep(0.05)


def test_a_second_ingest_into_a_busy_folder_refuses_or_waits(tmp_path):
    arch, out = _archive(tmp_path, SMALL[:2]), tmp_path / "out"
    first = _start_paused(arch, out, 1.0)  # long enough for the second CLI to start under load (0.4 s was not)
    try:
        _wait_for_write_phase(out, first)
        refused = run_cli("ingest", arch, "--out", out, "--jobs", "1")
        assert refused.returncode == 2
        assert f"{out} is being written by another thaikpi ingest (process {first.pid})" in refused.stderr
        assert "--wait" in refused.stderr and "Traceback" not in refused.stderr
        waited = run_cli("ingest", arch, "--out", out, "--jobs", "1", "--wait")
        assert first.wait(timeout=60) == 0
        assert waited.returncode == 0, waited.stderr
        assert "skipped unchanged 2" in waited.stdout
    finally:
        first.kill()
        first.communicate()
    assert len(csv_rows(out / "documents.csv")) == 2


def test_a_run_killed_while_writing_leaves_the_previous_complete_outputs(tmp_path):
    arch, out = _archive(tmp_path, SMALL[:2]), tmp_path / "out"
    assert run_cli("ingest", arch, "--out", out, "--jobs", "1").returncode == 0
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    _archive(tmp_path, SMALL[2:])  # a third report: the next run rewrites every output
    run = _start_paused(arch, out, 1.0)
    _wait_for_write_phase(out, run)
    os.killpg(run.pid, signal.SIGKILL)
    run.communicate()
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before  # whole, and the previous ones
    assert len(csv_rows(out / "documents.csv")) == 2
    # the ledger holds the third file already; the next run writes it out and clears the leftovers
    again = run_cli("ingest", arch, "--out", out, "--jobs", "1")
    assert again.returncode == 0 and "skipped unchanged 3" in again.stdout
    assert len(csv_rows(out / "documents.csv")) == 3
    assert list(out.glob(".*.tmp")) == []


def _running(process) -> bool:
    import psutil
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_workers_die_with_an_ingest_killed_by_sigkill(tmp_path):
    import psutil
    arch = tmp_path / "arch"
    arch.mkdir()
    pdf = (SAMPLES / "kpi_2557_1-2_subindicators_planted.rl.pdf").read_bytes()
    for n in range(12):  # more work than the kill leaves time for: the workers are busy
        (arch / f"copy{n}.pdf").write_bytes(pdf + b"%" + bytes(str(n), "ascii"))
    run = subprocess.Popen([sys.executable, "-m", "thaikpi", "ingest", str(arch), "--out", str(tmp_path / "out"),
                            "--jobs", "2", "--ocr", "off"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = []
    try:
        parent, deadline = psutil.Process(run.pid), time.monotonic() + 120
        while len(workers := parent.children(recursive=True)) < 2:
            assert run.poll() is None and time.monotonic() < deadline, "no workers started"
            time.sleep(0.05)
        assert (tmp_path / "out" / "ledger.sqlite").exists()
        run.send_signal(signal.SIGKILL)
        run.wait()
        _, alive = psutil.wait_procs(workers, timeout=5)
        # dead, if not yet reaped: a zombie of an init that reaps late holds nothing
        assert [w for w in alive if _running(w)] == [] and len(workers) >= 2
    finally:  # what this test started, if the assertions failed
        run.kill()
        for worker in workers:
            if _running(worker):
                worker.kill()
