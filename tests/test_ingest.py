"""Bulk ingest: the ledger, resumable and idempotent runs, limits per file, inputs of every
shape, and the Dask engine giving the same results as the local pool."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from conftest import BAD, GOLD, REAL_CORPUS, SAMPLES, csv_rows
from conftest import run_cli
from conftest import needs_shared

SAMPLE_FILES = sorted(SAMPLES.iterdir())


def thaikpi(*args, **kw):
    """The CLI; ingest without OCR, as the snapshots: OCR of the samples' scans would cost half
    a minute a run (tests/test_ocr.py covers it)."""
    if args and args[0] == "ingest":
        args = (*args, "--ocr", "off")
    return run_cli(*args, **kw)


def ledger_rows(out):
    with sqlite3.connect(out / "ledger.sqlite") as db:
        return db.execute("SELECT source, status, last_action, error_kind FROM files ORDER BY source").fetchall()


def make_corpus(folder, copies):
    """copies x the samples, each copy under its own name."""
    folder.mkdir()
    for i in range(copies):
        for sample in SAMPLE_FILES:
            shutil.copy(sample, folder / f"{i:03d}_{sample.name}")
    return sorted(folder.iterdir())


def test_rerun_skips_unchanged_files_and_outputs_stay_the_same(tmp_path):
    out = tmp_path / "out"
    first = thaikpi("ingest", SAMPLES, "--out", out, "-j", "2")
    assert first.returncode == 0, first.stderr
    records = (out / "records.jsonl").read_text(encoding="utf-8")
    second = thaikpi("ingest", SAMPLES, "--out", out, "-j", "2")
    assert f"processed 0 (failed 0), skipped unchanged {len(SAMPLE_FILES)}" in second.stdout
    assert {action for _, _, action, _ in ledger_rows(out)} == {"skipped-unchanged"}
    assert (out / "records.jsonl").read_text(encoding="utf-8") == records


def test_a_rerun_that_changed_nothing_leaves_the_outputs_as_they_are(tmp_path):
    """Outputs last written whole from the same rows and options are not written again (on a
    large archive that was most of a re-run); a missing output or other options write them."""
    from thaikpi.pipeline.run.ingest import OUTPUT_FILES
    archive, out = tmp_path / "in", tmp_path / "out"
    archive.mkdir()
    for name in ("framework_2551_ministry.rl.pdf", "kpi_2557_1-2_subindicators_planted.rl.pdf",
                 "kpi_2552_3-1-4_osm.utf8.html"):
        shutil.copy(SAMPLES / name, archive / name)

    def written() -> dict:
        return {name: (out / name).stat().st_mtime_ns for name in OUTPUT_FILES}

    def summary(proc) -> list[str]:  # the run's totals, without the line of what it processed
        return [line for line in proc.stdout.splitlines() if not line.startswith("this run")]

    first = thaikpi("ingest", archive, "--out", out, "-j", "1")
    assert first.returncode == 0, first.stderr
    before, flags = written(), (out / "flags.csv").read_bytes()
    second = thaikpi("ingest", archive, "--out", out, "-j", "1")
    assert "processed 0 (failed 0), skipped unchanged 3" in second.stdout
    assert written() == before and summary(second)[:-1] == summary(first)[:-1]
    assert summary(second)[-1] == summary(first)[-1] + "; as the last run wrote them: no file's row changed"
    (out / "flags.csv").unlink()
    assert thaikpi("ingest", archive, "--out", out, "-j", "1").returncode == 0
    assert (out / "flags.csv").read_bytes() == flags and written()["records.jsonl"] != before["records.jsonl"]
    image = next((out / "report_files").iterdir())
    image.unlink()  # a page image the report shows, gone: the report is written again
    assert thaikpi("ingest", archive, "--out", out, "-j", "1").returncode == 0
    assert image.is_file()
    assert thaikpi("ingest", archive, "--out", out, "-j", "1", "--excel").returncode == 0
    assert (out / "flags.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert thaikpi("ingest", archive, "--out", out, "-j", "1").returncode == 0
    assert (out / "flags.csv").read_bytes() == flags


def test_changed_bytes_or_pipeline_version_are_redone(tmp_path):
    corpus = make_corpus(tmp_path / "in", 1)
    out = tmp_path / "out"
    assert thaikpi("ingest", tmp_path / "in", "--out", out, "-j", "1").returncode == 0
    corpus[0].write_bytes(corpus[1].read_bytes())          # new bytes under an old name
    with sqlite3.connect(out / "ledger.sqlite") as db:      # a row made by an older thaikpi
        db.execute("UPDATE files SET pipeline_version = '0.0.1' WHERE source = ?", (str(corpus[2]),))
    again = thaikpi("ingest", tmp_path / "in", "--out", out, "-j", "1")
    assert f"processed 2 (failed 0), skipped unchanged {len(corpus) - 2}" in again.stdout
    docs = {r["source"]: r for r in csv_rows(out / "documents.csv")}
    assert docs[str(corpus[0])]["doc_id"] == docs[str(corpus[1])]["doc_id"]
    assert len(docs) == len(corpus)


def ingest_stopped(sig, folder, out, done_at_least) -> subprocess.CompletedProcess:
    """An ingest of `folder`, started as a user starts it (a process group of its own, as a
    terminal's), sent `sig` across its group once `done_at_least` files are in its ledger."""
    proc = subprocess.Popen([sys.executable, "-m", "thaikpi", "ingest", str(folder), "--out", str(out),
                             "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if (out / "ledger.sqlite").exists():
            try:
                with sqlite3.connect(out / "ledger.sqlite", timeout=1) as db:
                    done = db.execute("SELECT count(*) FROM files").fetchone()[0]
            except sqlite3.OperationalError:
                done = 0
            if done >= done_at_least:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be stopped: make the corpus larger"
    os.killpg(proc.pid, sig)
    stdout, stderr = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def test_a_run_killed_mid_way_loses_nothing_and_the_next_completes_it(tmp_path):
    corpus = make_corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    ingest_stopped(signal.SIGKILL, tmp_path / "in", out, 8)
    killed_at = len(ledger_rows(out))
    assert 8 <= killed_at < len(corpus)
    assert not (out / "documents.csv").exists()  # outputs come at the end: none half-written

    rerun = thaikpi("ingest", tmp_path / "in", "--out", out, "-j", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped unchanged {killed_at}" in rerun.stdout
    rows = ledger_rows(out)
    assert [r[0] for r in rows] == sorted(str(p) for p in corpus)
    assert {r[1] for r in rows} == {"done"}
    for name in ("documents.csv",):
        sources = [r["source"] for r in csv_rows(out / name)]
        assert sorted(sources) == sorted(str(p) for p in corpus)   # each file exactly once
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len({json.loads(line)["source"] for line in lines}) == len(corpus)
    assert not list(out.glob(".*.tmp"))


def slow_pdf(path):
    """A file far past a few seconds' limit on any machine: a real budget book (288 pages of
    lost marks and tables, about 5 s to read without OCR here) four times over."""
    import pypdfium2 as pdfium
    book = pdfium.PdfDocument(REAL_CORPUS / "budget_fy2565_doc3_vol3-5_mhesi.pdf")
    slow = pdfium.PdfDocument.new()
    for _ in range(4):
        slow.import_pages(book)
    slow.save(path)


@needs_shared
def test_a_file_past_the_time_limit_fails_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    slow_pdf(folder / "slow.pdf")
    shutil.copy(SAMPLE_FILES[0], folder / "quick.pdf")
    proc = thaikpi("ingest", folder, "--out", tmp_path / "out", "--time-limit", "3", "-j", "1")
    assert proc.returncode == 1
    rows = {r["source"]: r for r in csv_rows(tmp_path / "out" / "documents.csv")}
    assert rows[str(folder / "slow.pdf")]["error_kind"] == "timeout"
    assert rows[str(folder / "slow.pdf")]["doc_id"].startswith("sha256:")
    assert rows[str(folder / "quick.pdf")]["status"] == "ok"


def dense_page_pdf(path, lines=900, chars=600):
    """One page of lines x chars tiny characters: the chars of one page are held while it is
    read (about 1.2 KB each), so 540,000 of them need some 650 MB whatever the file's size."""
    from reportlab.pdfgen import canvas  # the test extra
    c = canvas.Canvas(str(path), pagesize=(2000, 3000))
    c.setFont("Helvetica", 3)
    for i in range(lines):
        c.drawString(5, 2995 - i * 3.3, ("0123456789 " * (chars // 10 + 1))[:chars])
    c.save()


def test_a_file_past_the_memory_limit_fails_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    dense_page_pdf(folder / "big.pdf")
    shutil.copy(SAMPLE_FILES[0], folder / "small.pdf")
    # 300 MiB of address space: a sample needs about 190 (Python, pdfium, pythainlp's word
    # lists), the dense page about 650. (A 288-page budget book served here until pages were
    # closed once read: it now fits in 240.)
    proc = thaikpi("ingest", folder, "--out", tmp_path / "out", "--memory-limit", "300", "-j", "1",
                   "--time-limit", "90")
    assert proc.returncode == 1
    rows = {r["source"]: r for r in csv_rows(tmp_path / "out" / "documents.csv")}
    big = rows[str(folder / "big.pdf")]
    # Past the cap an allocation fails: a MemoryError ("memory") or the worker dies ("crashed").
    # Now and then (one run in twenty-five, measured with the book) the worker gets stuck after
    # the failure instead, and the time limit ends it: the run goes on all the same.
    assert big["error_kind"] in ("memory", "crashed", "timeout")
    assert ("memory" if big["error_kind"] != "timeout" else "90 s") in big["error_message"]
    assert rows[str(folder / "small.pdf")]["status"] == "ok"


def test_bug_a_silent_failure_in_c_code_under_the_memory_limit_is_the_memory_limit():
    """Past the limit, newmm's segmentation failed with CPython's "error return without
    exception set", which was reported as an internal error (a bug of ours) instead of the
    file's memory failure."""
    code = (
        "import resource\n"
        "from thaikpi.pipeline.run.process import _out_of_memory\n"
        "silent = [SystemError('error return without exception set'),"
        " SystemError('<built-in function f> returned NULL without setting an exception')]\n"
        "print([_out_of_memory(e) for e in silent], _out_of_memory(SystemError('a real bug')))\n"
        "resource.setrlimit(resource.RLIMIT_AS, (64 << 30, resource.getrlimit(resource.RLIMIT_AS)[1]))\n"
        "print([_out_of_memory(e) for e in silent], _out_of_memory(SystemError('a real bug')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.splitlines() == ["[False, False] False", "[True, True] False"], proc.stderr


def test_zip_archives_and_file_lists(tmp_path):
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for sample in SAMPLE_FILES[:3]:
            z.write(sample, f"fy/{sample.name}")
        z.writestr("fy/.DS_Store", b"\x00\x00")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# reports to ingest\n{SAMPLE_FILES[3]}\n\n{BAD / 'empty.pdf'}\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = thaikpi("ingest", archive, "--from-list", listing, "--out", out)
    assert proc.returncode == 1  # empty.pdf failed, with its reason
    sources = sorted(r["source"] for r in csv_rows(out / "documents.csv"))
    assert sources == sorted([f"{archive}!fy/{s.name}" for s in SAMPLE_FILES[:3]] + [str(SAMPLE_FILES[3]), str(BAD / "empty.pdf")])
    members = [r for r in csv_rows(out / "documents.csv") if "!" in r["source"]]
    gold_kinds = [json.loads((GOLD / (s.name + ".json")).read_text(encoding="utf-8"))["kind"] for s in SAMPLE_FILES[:3]]
    assert [(r["status"], r["kind"]) for r in sorted(members, key=lambda r: r["source"])] == [("ok", k) for k in gold_kinds]


def test_status_lists_failed_files_with_their_reasons(tmp_path):
    out = tmp_path / "out"
    thaikpi("ingest", BAD, "--out", out)
    proc = thaikpi("status", out)
    assert proc.returncode == 0
    assert "files        6  (done 1, failed 5)" in proc.stdout
    assert f"{BAD / 'encrypted.pdf'}: encrypted:" in proc.stdout
    assert thaikpi("status", tmp_path / "nothing").returncode == 2


def test_progress_lines_when_stderr_is_not_a_terminal(tmp_path):
    proc = thaikpi("ingest", SAMPLES, "--out", tmp_path / "out")
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith(f"[thaikpi] {len(SAMPLE_FILES)}/{len(SAMPLE_FILES)} files,")
    assert "pages/s" in last and "failures 0" in last


def test_dask_engine_gives_the_local_results(tmp_path):
    from distributed import LocalCluster  # the test extra installs it
    local = tmp_path / "local"
    assert thaikpi("ingest", SAMPLES, BAD, "--out", local, "-j", "2").returncode == 1
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        proc = thaikpi("ingest", SAMPLES, BAD, "--out", tmp_path / "dask", "--engine", "dask",
                       "--scheduler", cluster.scheduler_address)
    assert proc.returncode == 1, proc.stderr
    for name in ("records.jsonl", "documents.csv", "score_rows.csv", "flags.csv", "indicators.csv"):
        assert (tmp_path / "dask" / name).read_bytes() == (local / name).read_bytes(), name


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path):
    proc = thaikpi("ingest", SAMPLES, "--out", tmp_path / "out", "--engine", "dask",
                   "--scheduler", "tcp://127.0.0.1:9", timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("thaikpi:")


def test_progress_on_a_terminal_is_a_bar_with_files_pages_rate_eta_and_failures(tmp_path):
    """stderr on a pseudo-terminal: the bar (rich) instead of the plain lines logs get."""
    import pty
    import re
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in SAMPLE_FILES[:4]:
        shutil.copy(sample, folder / sample.name)
    shutil.copy(BAD / "truncated.pdf", folder / "truncated.pdf")
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "thaikpi", "ingest", str(folder), "--out", str(tmp_path / "out"),
                             "-j", "1"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=300)
    os.close(leader)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode("utf-8", "replace"))
    assert proc.returncode == 1  # the truncated file failed
    assert "[thaikpi]" not in text  # no log lines on a terminal
    frames = re.findall(r"(\d+)/5 files (\d+) pages, [\d.]+ files/s, [\d.]+ pages/s, (\d+) failed", text)
    assert frames and frames[-1][0] == "5" and int(frames[-1][1]) > 0 and frames[-1][2] == "1"
    assert "━" in text and re.search(r"\d:\d\d:\d\d|-:--:--", text)  # the bar and its ETA


@needs_shared
def test_dask_engine_keeps_the_per_file_time_limit(tmp_path):
    """A runaway file on a Dask worker is a failed entry, and the run goes on (the worker runs
    each file in a helper process of its own: a Dask worker may not fork)."""
    from distributed import LocalCluster
    folder = tmp_path / "in"
    folder.mkdir()
    slow_pdf(folder / "slow.pdf")
    for sample in SAMPLE_FILES[:3]:
        shutil.copy(sample, folder / sample.name)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        proc = thaikpi("ingest", folder, "--out", tmp_path / "out", "--engine", "dask",
                       "--scheduler", cluster.scheduler_address, "--time-limit", "5")
    assert proc.returncode == 1, proc.stderr
    rows = {Path(r["source"]).name: r for r in csv_rows(tmp_path / "out" / "documents.csv")}
    assert rows["slow.pdf"]["error_kind"] == "timeout"
    assert "5 s" in rows["slow.pdf"]["error_message"]
    assert [rows[s.name]["status"] for s in SAMPLE_FILES[:3]] == ["ok"] * 3


def _zip_with_raw_names(path, members, flagged=()):
    """A zip whose members' names are the given bytes, with no UTF-8 flag, as Thai Windows'
    zip folders write them, then `flagged` (name, data) as zipfile writes non-ASCII names:
    UTF-8, flagged. (zipfile rewrites every name it reads on appending, so this is one pass.)"""
    placeholders = [(f"@{i}@" + "#" * len(raw_name))[:len(raw_name)] for i, (raw_name, _) in enumerate(members)]
    with zipfile.ZipFile(path, "w") as z:
        for placeholder, (_, data) in zip(placeholders, members):
            z.writestr(placeholder, data)
        for name, data in flagged:
            z.writestr(name, data)
    archive = path.read_bytes()
    for placeholder, (raw_name, _) in zip(map(str.encode, placeholders), members):
        assert archive.count(placeholder) == 2  # the local header and the central directory
        archive = archive.replace(placeholder, raw_name)
    path.write_bytes(archive)


def test_bug_a_file_name_not_in_utf8_stopped_the_run(tmp_path):
    # A name copied from an old Thai Windows share is TIS-620 bytes: the whole run was an
    # internal error (UnicodeEncodeError storing it), with nothing recorded.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode("รายงาน.pdf".encode("cp874"))).write_bytes(SAMPLE_FILES[0].read_bytes())
    (folder / os.fsdecode(b"odd\xff.pdf")).write_bytes(SAMPLE_FILES[1].read_bytes())  # no code page
    out = tmp_path / "out"
    proc = thaikpi("ingest", folder, "--out", out)
    assert proc.returncode == 0, proc.stderr
    shown = [f"{folder}/odd\\xff.pdf", f"{folder}/รายงาน.pdf"]
    assert [(r["source"], r["status"]) for r in csv_rows(out / "documents.csv")] == [(s, "ok") for s in shown]
    assert ledger_rows(out) == [(s, "done", "processed", None) for s in shown]
    again = thaikpi("ingest", folder, "--out", out)
    assert "processed 0 (failed 0), skipped unchanged 2" in again.stdout


def test_two_names_that_read_alike_stay_two_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "รายงาน.pdf").write_bytes(SAMPLE_FILES[0].read_bytes())
    (folder / os.fsdecode("รายงาน.pdf".encode("cp874"))).write_bytes(SAMPLE_FILES[1].read_bytes())
    out = tmp_path / "out"
    assert thaikpi("ingest", folder, "--out", out).returncode == 0
    sources = sorted(r["source"] for r in csv_rows(out / "documents.csv"))
    assert sources == sorted([f"{folder}/รายงาน.pdf", f"{folder}/\\xc3\\xd2§ҹ.pdf"])  # its bytes as written


def test_zip_member_names_read_as_their_archive_meant_them(tmp_path):
    pdf = SAMPLE_FILES[0].read_bytes()
    archive = tmp_path / "fy2552.zip"
    _zip_with_raw_names(archive, [("รายงาน.pdf".encode("cp874"), pdf),      # Thai Windows
                                  ("ผล.pdf".encode("utf-8"), pdf),          # UTF-8, unflagged
                                  ("café.pdf".encode("cp437"), pdf)],      # DOS, not Thai
                        flagged=[("ตัวชี้วัด.pdf", pdf)])
    out = tmp_path / "out"
    assert thaikpi("ingest", archive, "--out", out).returncode == 0
    names = [r["source"].split("!", 1)[1] for r in csv_rows(out / "documents.csv")]
    assert sorted(names) == sorted(["รายงาน.pdf", "ผล.pdf", "café.pdf", "ตัวชี้วัด.pdf"])
    assert {r["status"] for r in csv_rows(out / "documents.csv")} == {"ok"}


def test_a_damaged_zip_and_a_zip_inside_a_zip_fail_with_their_reasons_a_word_file_is_skipped(tmp_path):
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as z:  # stored: the PDF's own header shows in its first bytes
        z.write(SAMPLE_FILES[0], "a.pdf")
    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "outer.zip", "w") as z:
        z.write(inner, "inner.zip")
    (folder / "cut.zip").write_bytes(inner.read_bytes()[:300])
    shutil.copy(BAD / "report.pdf.docx", folder / "plan.docx")  # a zip of its parts: one document
    out = tmp_path / "out"
    proc = thaikpi("ingest", folder, "--out", out)
    assert proc.returncode == 1
    rows = {r["source"]: (r["status"], r["error_kind"]) for r in csv_rows(out / "documents.csv")}
    assert rows == {f"{folder}/cut.zip": ("error", "damaged"),
                    f"{folder}/outer.zip!inner.zip": ("error", "unsupported"),
                    f"{folder}/plan.docx": ("skipped", "unsupported")}  # issue 26: no report, not a failure
    assert "plan.docx: an Office or OpenDocument file (Word, Excel, ...), not a report" in proc.stdout
    assert "inner.zip: unsupported: a zip archive (1 entry) inside another archive" in proc.stdout
    assert "cut.zip: damaged: a zip archive that cannot be opened" in proc.stdout


def test_a_file_list_from_windows_names_tis620_files_and_accounts_for_missing_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    thai = "รายงาน.pdf".encode("cp874")
    (folder / os.fsdecode(thai)).write_bytes(SAMPLE_FILES[0].read_bytes())
    listing = tmp_path / "list.txt"
    listing.write_bytes(b"\xef\xbb\xbf# inventory\r\n" + os.fsencode(folder) + b"/" + thai + b"\r\n"
                        + os.fsencode(folder) + b"/gone.pdf\r\n")
    out = tmp_path / "out"
    proc = thaikpi("ingest", "--from-list", listing, "--out", out)
    assert proc.returncode == 1  # the missing one failed; the run went on
    rows = [(r["source"], r["status"], r["error_kind"]) for r in csv_rows(out / "documents.csv")]
    assert rows == [(f"{folder}/gone.pdf", "error", "unreadable"), (f"{folder}/รายงาน.pdf", "ok", "")]
    assert f"{folder}/gone.pdf: unreadable: cannot read the file: No such file or directory" in proc.stdout
    typo = thaikpi("ingest", folder / "gone.pdf", "--out", out)
    assert typo.returncode == 2 and "no such file or folder" in typo.stderr


def test_bug_an_output_folder_inside_the_archive_was_read_as_input(tmp_path):
    # `thaikpi ingest . ` in an archive writes out/ inside it; the next run read out/'s CSVs,
    # ledger and report.html as reports: ten new rows, nine failed, report.html a document.
    archive = tmp_path / "archive"
    archive.mkdir()
    for sample in SAMPLE_FILES[:2]:
        shutil.copy(sample, archive / sample.name)
    out = archive / "out"
    assert thaikpi("ingest", archive, "--out", out).returncode == 0
    again = thaikpi("ingest", archive, "--out", out)
    assert again.returncode == 0
    assert "this run     2 inputs: processed 0 (failed 0), skipped unchanged 2" in again.stdout
    assert [row[0] for row in ledger_rows(out)] == [str(archive / s.name) for s in SAMPLE_FILES[:2]]


def test_bug_ctrl_c_printed_a_worker_s_traceback(tmp_path):
    # Ctrl-C reaches every process of the terminal's group: each busy worker printed its
    # KeyboardInterrupt traceback, and the run ended without a word of what was kept.
    corpus = make_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    proc = ingest_stopped(signal.SIGINT, tmp_path / "in", out, 4)
    assert proc.returncode == 130
    assert "Traceback" not in proc.stderr and "KeyboardInterrupt" not in proc.stderr
    assert f"thaikpi: interrupted. The files done so far are in {out / 'ledger.sqlite'}; run the same command " \
           "again to do the rest" in proc.stderr
    kept = len(ledger_rows(out))
    rerun = thaikpi("ingest", tmp_path / "in", "--out", out, "-j", "2")
    assert rerun.returncode == 0 and f"skipped unchanged {kept}" in rerun.stdout
    assert [r[0] for r in ledger_rows(out)] == sorted(str(p) for p in corpus)


def test_bug_a_link_to_nothing_in_the_archive_was_not_accounted_for(tmp_path):
    # A folder walk took regular files only: a symbolic link whose target had moved was
    # skipped without a word, and the archive's inventory came out one short.
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE_FILES[0], folder / "kept.pdf")
    (folder / "moved.pdf").symlink_to(tmp_path / "elsewhere" / "moved.pdf")
    out = tmp_path / "out"
    proc = thaikpi("ingest", folder, "--out", out)
    assert proc.returncode == 1
    rows = {r["source"]: (r["status"], r["error_kind"], r["error_message"]) for r in csv_rows(out / "documents.csv")}
    assert rows == {str(folder / "kept.pdf"): ("ok", "", ""),
                    str(folder / "moved.pdf"): ("error", "unreadable", "cannot read the file: it is a symbolic "
                                                f"link to {tmp_path / 'elsewhere' / 'moved.pdf'}, which is not there")}


def test_bug_an_archive_member_that_unpacks_huge_was_read_whole_by_the_run_itself(tmp_path):
    # The run hashed each zip member by reading it whole, in its own process (no memory limit):
    # a member of gigabytes (a zip bomb, a disk image) could end the run, and a worker read it
    # whole before the size check. Members are now hashed in blocks, and one past the size
    # limit is refused before it is read. Here the run has 500 MiB of address space (it needs
    # about 250), its workers 300, and the member unpacks to 600.
    import resource
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(SAMPLE_FILES[0], SAMPLE_FILES[0].name)
        with z.open("backup.img", "w", force_zip64=True) as member:
            for _ in range(600):
                member.write(bytes(1 << 20))
    out = tmp_path / "out"
    limit = 500 << 20
    proc = subprocess.run([sys.executable, "-m", "thaikpi", "ingest", str(archive), "--out", str(out),
                           "--memory-limit", "300"], capture_output=True, text=True,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
    assert proc.returncode == 1, proc.stderr
    rows = {r["source"].split("!")[1]: (r["status"], r["error_kind"], r["error_message"])
            for r in csv_rows(out / "documents.csv")}
    assert rows == {SAMPLE_FILES[0].name: ("ok", "", ""),
                    "backup.img": ("error", "too_large", f"{600 << 20} bytes is over the limit of {200 << 20}")}


def test_files_are_read_largest_first_and_the_outputs_keep_source_order(tmp_path):
    """A long file started last keeps one worker busy while the others wait: work goes out
    largest first. With one job, the ledger's rows are inserted in the order files were read."""
    archive = tmp_path / "archive"
    archive.mkdir()
    picked = sorted(SAMPLE_FILES, key=lambda p: p.name)[:6]
    for sample in picked:
        shutil.copy(sample, archive / sample.name)
    out = tmp_path / "out"
    result = thaikpi("ingest", archive, "--out", out, "-j", "1")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(out / "ledger.sqlite") as db:
        read = db.execute("SELECT size FROM files ORDER BY rowid").fetchall()
    assert [size for (size,) in read] == sorted((p.stat().st_size for p in picked), reverse=True)
    documents = [json.loads(line)["source"] for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(s).name for s in documents] == [p.name for p in picked]
