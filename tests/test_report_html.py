"""Issue 25: report.html as a person reads it, in a real browser (Debian's chromium, headless):
no console errors, Thai drawn in the embedded Sarabun, each flag with its page image and a link
to the page, indicator names beside codes, Thai headers that wrap between words, and a report
of 10,000 flags that stays small."""
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, csv_rows
from thaikpi.pipeline.outputs.audit import HEADINGS, MAX_FLAG_ROWS, MAX_ROWS_PER_DOCUMENT, audit
from thaikpi.pipeline.outputs.report_media import ZWSP, wrap_thai, wrap_words
from thaikpi.pipeline.outputs.tables import write_outputs
from thaikpi.schemas.document import Document, Indicator
from thaikpi.schemas.flags import Flag

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = ROOT / "out" / "report_screenshot.png"  # for people to look at (CI artefact-like)


def chromium(*args, timeout=90) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--enable-logging=stderr", "--v=0", *args], capture_output=True, text=True, timeout=timeout)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_report_renders_in_chromium_with_thai_in_the_embedded_font(samples_ingest, tmp_path):
    out, _ = samples_ingest
    report = out / "report.html"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    shot = chromium("--window-size=1280,2400", f"--screenshot={SCREENSHOT}", report.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert console_lines(shot.stderr) == []
    image = Image.open(SCREENSHOT).convert("L")
    inked = sum(image.histogram()[:128])
    assert image.size == (1280, 2400) and inked > 20_000  # text, tables, charts: not a blank page
    # The report's fonts as the browser loaded them: a page beside it frames it and writes them down.
    probe = tmp_path / "probe.html"
    probe.write_text(f"""<!DOCTYPE html><html><body><iframe id="r" src="{report.as_uri()}" width="1200" height="900"></iframe>
<script>document.getElementById("r").onload = async () => {{
  const d = document.getElementById("r").contentDocument; await d.fonts.ready;
  document.body.dataset.faces = [...d.fonts].map(f => f.family.replace(/["']/g, "") + ":" + f.weight + ":" + f.status).join(" ");
}};</script></body></html>""", encoding="utf-8")
    dom = chromium("--allow-file-access-from-files", "--virtual-time-budget=15000", "--dump-dom", probe.as_uri())
    assert console_lines(dom.stderr) == []
    body = BeautifulSoup(dom.stdout, "html.parser").body
    assert "Sarabun:400:loaded" in body["data-faces"].split()
    text = BeautifulSoup(report.read_text(encoding="utf-8"), "html.parser").get_text().replace(ZWSP, "")
    assert "ข้อสังเกตทั้งหมดพร้อมหลักฐาน" in text and "ระดับความสำเร็จของการพัฒนาคุณภาพการให้บริการประชาชน" in text


def test_each_flag_with_a_page_has_its_page_image_and_a_link_to_that_page(samples_ingest):
    out, _ = samples_ingest
    soup = BeautifulSoup((out / "report.html").read_text(encoding="utf-8"), "html.parser")
    documents = {r["source"]: r["format"] for r in csv_rows(out / "documents.csv")}
    flags = [r for r in csv_rows(out / "flags.csv") if r["page"]]
    links = [a for a in soup.select("table.flags tbody tr:not(.page-image) td:nth-of-type(6) a")]
    assert len(links) == len(flags)
    for flag, link in zip(flags, links):
        path, page = unquote(link["href"]).split("#page=")
        assert (out / path).resolve() == Path(flag["source"]).resolve() and page == flag["page"]
    images = soup.select("tr.page-image img.crop")
    assert len(images) == sum(documents[f["source"]] == "pdf" for f in flags) > 0
    for img in images:
        picture = Image.open(out / img["src"])
        assert picture.format == "JPEG" and picture.width > 800 and (out / img["src"]).stat().st_size < 80_000
    # the indicator's name beside its code
    planted = soup.find(string=re.compile("weighted score 0.09 reported")).find_parent("tr")
    assert planted.select_one(".code").get_text() == "1.2"
    assert planted.select_one(".name").get_text() == "ระดับความสำเร็จของการพัฒนาคุณภาพการให้บริการประชาชน"


def test_thai_headers_wrap_between_words():
    assert wrap_thai("ข้อสังเกตจำแนกตามปีงบประมาณ") == ZWSP.join(["ข้อสังเกต", "จำแนก", "ตาม", "ปีงบประมาณ"])
    assert wrap_thai("flags by rule") == "flags by rule"


@pytest.mark.parametrize("key", sorted(HEADINGS))
def test_the_report_headings_thai_words_are_newmms(key):
    from pythainlp.tokenize import word_tokenize
    _, words = HEADINGS[key]
    assert tuple(word_tokenize("".join(words), engine="newmm", keep_whitespace=True)) == words
    assert wrap_words(words) == wrap_thai("".join(words))


def test_a_report_of_10000_flags_stays_small_and_ranks_by_errors_not_info(tmp_path):
    def doc(n: int, severity: str, count: int) -> Document:
        return Document(source=f"archive/{n:03d}.pdf", doc_id=f"sha256:{n:064d}", format="pdf", kind="kpi_report",
                        pages=5, fiscal_year_be=2560, indicators=[Indicator(code="1.1", name="ตัวชี้วัด")],
                        flags=[Flag(check="page_ocr" if severity == "info" else "total_mismatch", severity=severity,
                                    indicator_code="1.1", reported=i, expected=i + 1, message="ผลรวมไม่ตรง", page=1 + i % 5,
                                    evidence="รวม | 5 | 4.8000 | 0.2300") for i in range(count)])
    docs = [doc(0, "info", 3000)] + [doc(n, "error", 700) for n in range(1, 11)]
    write_outputs(docs, tmp_path)
    result = audit(tmp_path)
    assert result.flags == 10_000
    assert [d.source for d in result.most_flagged()] == [f"archive/{n:03d}.pdf" for n in range(1, 11)]
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert len(report.encode()) < 3_000_000
    soup = BeautifulSoup(report, "html.parser")
    assert len(soup.select("table.flags tbody tr")) == 11 * MAX_ROWS_PER_DOCUMENT <= MAX_FLAG_ROWS
    by_document = [tr.td.get_text() for tr in soup.find("h2", string=re.compile("Flags by document")).find_next("table").tbody.find_all("tr")]
    assert by_document[-1] == "archive/000.pdf"  # info flags only: last
    # the flags in flags.csv's order (by file); past each document's cap, counted
    assert [p.get_text().split(" more flags")[0] for p in soup.select("p.more")] == \
        [str(3000 - MAX_ROWS_PER_DOCUMENT)] + [str(700 - MAX_ROWS_PER_DOCUMENT)] * 10


@pytest.mark.parametrize("package", ["chromium"])
def test_ci_installs_the_browser_the_test_uses(package):
    setup = (ROOT / "scripts" / "setup_system.sh").read_text(encoding="utf-8")
    assert re.search(rf"PACKAGES=\([^)]*\b{package}\b", setup)


def test_the_page_image_is_placed_at_the_evidence_found_on_the_page(root):
    """Without a box, the evidence's cells are looked for in the page's text layer, in Arabic
    or Thai digits (the planted total row is printed ๔.๘๐๐๐ | ๐.๒๓๐๐)."""
    import pypdfium2 as pdfium

    from thaikpi.pipeline.outputs.report_media import find_text

    pdf = pdfium.PdfDocument(str(root / "samples" / "kpi_2557_1-2_subindicators_planted.rl.pdf"))
    page = pdf[1]
    box = find_text(page, "รวม | 5 |  | 4.8000 | 0.2300")
    height = page.get_height()
    textpage = page.get_textpage()
    found = textpage.get_text_bounded(left=box[0], bottom=height - box[3], right=box[2], top=height - box[1])
    assert found.strip() == "๔.๘๐๐๐" and box[1] > 100  # the total row, below the table's header
    assert find_text(page, "ไม่มีข้อความนี้ในหน้า") is None
    textpage.close()
    pdf.close()


def _images(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (out / "report_files").iterdir()}


def test_a_report_written_again_draws_no_page_image_again(tmp_path):
    """Page images are named by what they show (doc_id, page, box): a report written again
    finds them and renders none (at the 300-image cap they were most of a re-run's time); an image no report
    shows any more is removed, and a changed file gets images of its new bytes."""
    from conftest import SAMPLES, run_cli
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    for name in ("framework_2551_ministry.rl.pdf", "kpi_2557_1-2_subindicators_planted.rl.pdf"):
        shutil.copy(SAMPLES / name, archive / name)
    assert run_cli("ingest", archive, "--out", out, "--ocr", "off").returncode == 0
    first = _images(out)
    assert len(first) == 4  # two flags with a page in each (tests/gold)
    (out / "report_files" / "0123456789abcdef.webp").write_bytes(b"an image of an earlier report")
    # the report written again (a re-run that changed nothing writes no output at all)
    assert run_cli("audit", out).returncode == 0
    assert _images(out) == first  # the same files, not written again; the stale one gone
    soup = BeautifulSoup((out / "report.html").read_text(encoding="utf-8"), "html.parser")
    assert sorted(Path(img["src"]).name for img in soup.select("img.crop")) == sorted(first)
    planted = archive / "kpi_2557_1-2_subindicators_planted.rl.pdf"
    planted.write_bytes(planted.read_bytes() + b"\n% changed\n")  # new bytes: a new doc_id
    assert run_cli("ingest", archive, "--out", out, "--ocr", "off").returncode == 0
    third = _images(out)
    assert len(third) == 4 and len(set(third) & set(first)) == 2
    assert all(third[name] == first[name] for name in set(third) & set(first))


def test_a_page_image_pdfium_gives_with_transparency_is_still_written_as_jpeg(tmp_path):
    # JPEG refuses RGBA, LA and P, which WebP took: such an image would have been dropped
    # silently (Crops.crop shows no picture where rendering fails)
    from thaikpi.pipeline.outputs.report_media import CROP_FORMAT, for_jpeg
    for mode in ("RGBA", "LA", "P", "RGB", "L"):
        path = tmp_path / f"{mode}.jpg"
        for_jpeg(Image.new(mode, (40, 20))).save(path, CROP_FORMAT, quality=80)
        assert Image.open(path).format == "JPEG" and Image.open(path).size == (40, 20)
    assert for_jpeg(Image.new("L", (4, 4))).mode == "L"
