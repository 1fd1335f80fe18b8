"""Bad input becomes a document with status "error" and a reason; the run goes on."""
import json
import subprocess
import sys

import pytest

from conftest import BAD, SAMPLES
from thaikpi.pipeline.run.process import process_bytes, process_file


@pytest.mark.parametrize("name,kind", [
    ("empty.pdf", "empty"),
    ("truncated.pdf", "truncated"),
    ("encrypted.pdf", "encrypted"),
    ("report.pdf.docx", "unsupported"),
    ("scan.html", "unsupported"),
])
def test_bad_file_gives_an_error_document(name, kind):
    doc = process_file(BAD / name)
    assert doc.status == "error"
    assert doc.error.kind == kind
    assert doc.error.message
    assert doc.indicators == []


def test_a_missing_file_is_reported_not_raised(tmp_path):
    doc = process_file(tmp_path / "nope.pdf")
    assert (doc.status, doc.error.kind) == ("error", "unreadable")


def test_html_mislabelled_as_pdf_is_read_as_html():
    doc = process_file(BAD / "mislabelled_html.pdf")
    assert (doc.status, doc.format, doc.kind) == ("ok", "html", "kpi_report")
    assert doc.indicators[0].code == "1.2"


def test_a_pdf_with_a_broken_body_is_damaged_not_a_crash():
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage garbage\n%%EOF\n"
    doc = process_bytes(data, "broken.pdf")
    assert doc.status == "error" and doc.error.kind in ("damaged", "empty")


def test_too_large_is_refused_before_parsing():
    from thaikpi.pipeline.settings import Settings
    doc = process_bytes(b"%PDF-1.4" + b" " * 2000, "big.pdf", Settings(max_file_bytes=1000))
    assert (doc.status, doc.error.kind) == ("error", "too_large")


@pytest.mark.parametrize("encoding,declared", [("cp874", None), ("cp874", "windows-874"), ("cp874", "tis-620"),
                                               ("utf-8", None)])
def test_thai_html_decodes_whatever_its_charset_declaration(encoding, declared):
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">' if declared else ""
    page = f"<html><head>{meta}</head><body><p>รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ</p>" \
           f"<p>ชื่อตัวชี้วัด : 2.1 ระดับความสำเร็จของการจัดทำแผน</p></body></html>"
    doc = process_bytes(page.encode(encoding), "x.html")
    assert doc.kind == "kpi_report"
    assert doc.indicators[0].name == "ระดับความสำเร็จของการจัดทำแผน"


def test_an_html_page_declaring_the_wrong_charset_is_still_read_as_thai():
    page = '<html><head><meta charset="utf-8"></head><body><p>ชื่อตัวชี้วัด : 1.1 ทดสอบภาษาไทย</p></body></html>'
    data = page.encode("cp874")  # declares UTF-8, is windows-874
    from thaikpi.pipeline.readers.html_reader import decode_html
    text, codec = decode_html(data)
    assert "ทดสอบภาษาไทย" in text and codec == "cp874"


def test_ingest_goes_on_past_bad_files_and_exits_1(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("empty.pdf", "encrypted.pdf", "truncated.pdf"):
        (tmp_path / "in" / name).write_bytes((BAD / name).read_bytes())
    good = sorted(SAMPLES.glob("*.pdf"))[0]
    (tmp_path / "in" / good.name).write_bytes(good.read_bytes())
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "thaikpi", "ingest", str(tmp_path / "in"), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    docs = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(d["status"] for d in docs) == ["error", "error", "error", "ok"]
    assert "encrypted.pdf: encrypted:" in proc.stdout


def test_a_zip_given_as_a_report_says_what_it_is(tmp_path):
    import zipfile
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as z:  # stored: the member's %PDF- shows in the first bytes
        z.write(sorted(SAMPLES.glob("*.pdf"))[0], "a.pdf")
        z.writestr("b.pdf", b"%PDF-1.4")
    doc = process_file(archive)
    assert (doc.status, doc.format, doc.error.kind) == ("error", None, "unsupported")
    assert doc.error.message.startswith("a zip archive (2 entries) inside another archive, or given to extract")
    cut = process_bytes(archive.read_bytes()[:200], "cut.zip")
    assert (cut.error.kind, cut.format) == ("damaged", None)


def test_bug_a_pdf_padded_with_nul_bytes_was_called_truncated():
    # Files recovered from disks, and some download tools, pad a file with NULs to a block's
    # end: the %%EOF check looked at the last 2 KB only, and failed a whole report.
    data = sorted(SAMPLES.glob("*.rl.pdf"))[0].read_bytes()
    doc = process_bytes(data + b"\x00" * 8192, "padded.pdf")
    assert (doc.status, doc.error) == ("ok", None)
    assert doc.indicators == process_bytes(data, "padded.pdf").indicators
    cut = process_bytes(data[: len(data) // 2] + b"\x00" * 8192, "cut.pdf")  # padding does not hide a cut
    assert cut.error.kind == "truncated"


def test_a_saved_web_page_without_an_html_part_is_empty():
    mht = (b"From: <Saved by Windows Internet Explorer 8>\r\nMIME-Version: 1.0\r\n"
           b'Content-Type: multipart/related;\r\n\tboundary="b"\r\n\r\n--b\r\nContent-Type: image/gif\r\n'
           b"Content-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=\r\n--b--\r\n")
    doc = process_bytes(mht, "logo.mht")
    assert (doc.status, doc.format, doc.error.kind) == ("error", "html", "empty")
    assert doc.error.message == "the saved web page (MHTML) holds no HTML part"


def test_a_file_past_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from pathlib import Path

    from thaikpi.pipeline.settings import Settings
    big = tmp_path / "budget_book.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b" " * 4096 + b"\n%%EOF\n")
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    doc = process_file(big, Settings(max_file_bytes=1024))
    assert (doc.status, doc.error.kind, doc.error.message) == ("error", "too_large", "4112 bytes is over the limit of 1024")
    assert read == []


def test_a_page_saved_gzip_compressed_is_read_as_what_it_holds():
    # wget and some crawlers save a page as the server sent it, gzip-compressed: it was
    # "neither PDF nor HTML"
    import gzip
    html = SAMPLES / "me_2565_q4_provincial_administration.utf8.html"
    pdf = SAMPLES / "kpi_2552_3-1-4_osm.rl.pdf"
    for sample in (html, pdf):
        plain = process_bytes(sample.read_bytes(), sample.name)
        packed = process_bytes(gzip.compress(sample.read_bytes(), mtime=0), sample.name + ".gz")
        assert (packed.status, packed.format, packed.kind) == (plain.status, plain.format, plain.kind)
        assert packed.model_dump(exclude={"doc_id", "source"}) == plain.model_dump(exclude={"doc_id", "source"})
    cut = process_bytes(gzip.compress(pdf.read_bytes(), mtime=0)[:20000], "cut.pdf.gz")
    assert (cut.error.kind, cut.error.message) == ("truncated", "a gzip-compressed file cut before its end")
    twice = process_bytes(gzip.compress(gzip.compress(pdf.read_bytes())), "twice.gz")
    assert twice.error.kind == "unsupported"


def test_bug_an_empty_zip_archive_was_called_an_archive_inside_an_archive(tmp_path):
    import zipfile
    zipfile.ZipFile(tmp_path / "fy2560.zip", "w").close()  # the end record alone: PK\x05\x06
    doc = process_file(tmp_path / "fy2560.zip")
    assert (doc.status, doc.error.kind, doc.error.message) == ("error", "empty", "the zip archive holds no files")


def test_extract_and_ingest_fail_an_unreadable_file_alike(tmp_path):
    """One path reads a file and makes its error document (process_task): extract says what
    ingest says of a link to nothing."""
    (tmp_path / "moved.pdf").symlink_to(tmp_path / "gone.pdf")
    doc = process_file(tmp_path / "moved.pdf")
    assert (doc.status, doc.doc_id, doc.error.kind) == ("error", "", "unreadable")
    assert doc.error.message == f"cannot read the file: it is a symbolic link to {tmp_path / 'gone.pdf'}, which is not there"
