"""Files that are no report (a README, images, Office files) are skipped rows, not failures:
exit 0 when every document was read, 1 only when a document failed (README: exit status)."""
import shutil
import zipfile

from conftest import BAD, SAMPLES, csv_rows, run_cli

SAMPLE = SAMPLES / "kpi_2558_3-2_permit_days_merged_header.utf8.html"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def test_a_readme_beside_a_report_is_skipped_and_the_run_exits_0(tmp_path):
    folder = tmp_path / "arch"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    (folder / "README.txt").write_text("รายงานผลการปฏิบัติราชการ ปี 2558\nscanned by the archive\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("ingest", folder, "--out", out, "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    rows = {r["source"]: (r["status"], r["error_kind"], r["error_message"]) for r in csv_rows(out / "documents.csv")}
    assert rows[f"{folder}/README.txt"] == ("skipped", "unsupported", "a plain-text file, not a report (PDF or HTML): skipped")
    assert rows[f"{folder}/{SAMPLE.name}"][0] == "ok"
    assert "skipped files (not reports):" in proc.stdout and "error 0, skipped 1)" in proc.stdout


def test_images_and_office_files_in_an_archive_are_skipped_a_failed_report_still_exits_1(tmp_path):
    archive = tmp_path / "fy2558.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("report.html", SAMPLE.read_bytes())
        z.writestr("photo.png", PNG)
        z.writestr("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(64))
        z.writestr("plan.docx", (BAD / "report.pdf.docx").read_bytes())
        z.writestr("budget.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    out = tmp_path / "out"
    proc = run_cli("ingest", archive, "--out", out, "--jobs", "1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {r["source"].split("!")[1]: (r["status"], r["error_message"].split(",")[0]) for r in csv_rows(out / "documents.csv")}
    assert rows == {"report.html": ("ok", ""), "photo.png": ("skipped", "a PNG image"),
                    "photo.jpg": ("skipped", "a JPEG image"),
                    "plan.docx": ("skipped", "an Office or OpenDocument file (Word"),
                    "budget.xls": ("skipped", "a legacy Office file (Word or Excel 97-2003)")}
    # a file that claims to be a report and is not one is still a failure: exit 1
    (tmp_path / "scan.html").write_bytes(PNG)
    proc = run_cli("ingest", archive, tmp_path / "scan.html", "--out", out, "--jobs", "1")
    assert proc.returncode == 1
    assert {r["source"]: r["status"] for r in csv_rows(out / "documents.csv")}[f"{tmp_path}/scan.html"] == "error"
