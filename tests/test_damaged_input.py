"""Damaged files (bench/mutate.py's deterministic mutations of the samples) are the file's
fault: `damaged`, or the pages that parse kept, never `internal`; `internal` is for our bugs."""
import pytest

from conftest import SAMPLES
from mutate import mutate
from thaikpi.pipeline.errors import one_line, parser_failure
from thaikpi.pipeline.run.process import process_bytes
from thaikpi.pipeline.settings import Settings

OFF = Settings(ocr="off")


@pytest.mark.parametrize("sample,seed,page,kind", [
    # pdfminer's PSSyntaxError (a 2,570-character message) inside the page with the title
    ("kpi_2556_2-3_disbursement_office_export.lo.pdf", 114, 1, "unknown"),
    # pdfminer's ASCII85 ValueError, raised again by our pdfminer fallback as pdfplumber does
    ("kpi_2557_1-2_subindicators_unruled.rl.pdf", 123, 1, "unknown"),
    ("framework_2551_ministry.rl.pdf", 178, 2, "framework"),
])
def test_bug_a_parser_error_in_a_mutated_pdf_was_internal(sample, seed, page, kind):
    name, data = mutate((SAMPLES / sample).read_bytes(), seed)
    doc = process_bytes(data, sample, OFF)
    # the page the parser stopped on is flagged; the others are read
    assert (doc.status, doc.error) == ("partial", None)
    damaged = [f for f in doc.flags if f.check == "page_content_damaged" and f.page == page]
    assert len(damaged) == 1
    assert "the parser stopped on it (" in damaged[0].message and len(damaged[0].message) < 400
    assert (doc.pages > 1, doc.kind) == (True, kind)


def test_a_parser_s_exception_is_the_file_s_and_ours_is_internal():
    from pdfminer.ascii85 import ascii85decode
    from pdfminer.psparser import PSSyntaxError
    with pytest.raises(ValueError) as parser:
        ascii85decode(b"<~\xcc\xcc~>")
    assert parser_failure(parser.value)
    with pytest.raises(ZeroDivisionError) as ours:
        1 / 0
    assert not parser_failure(ours.value)
    long = PSSyntaxError("Invalid dictionary construct: " + "x " * 2000 + "\nsecond line")
    assert one_line(long) == ("PSSyntaxError: Invalid dictionary construct: " + "x " * 200)[:199] + "…"


UTF8_PAGES = ["kpi_2552_3-1-4_osm.utf8.html", "me_2565_q4_provincial_administration.utf8.html",
              "kpi_2557_1-2_subindicators_planted.utf8.html"]


def _read(data: bytes, name: str):
    return process_bytes(data, name, OFF)


def _readable(doc) -> tuple:
    """What a page's text gives, short of its last lines."""
    return (doc.kind, doc.fiscal_year_be, [(i.code, i.name, i.criteria, i.score_rows) for i in doc.indicators],
            doc.project and (doc.project.name, doc.project.outputs, doc.project.kpis))


@pytest.mark.parametrize("name", UTF8_PAGES)
def test_bug_an_html_page_cut_inside_its_last_character_was_refused_whole(name):
    import random

    from mutate import cut_inside_last_char
    data = (SAMPLES / name).read_bytes()
    cut = cut_inside_last_char(data, random.Random(0))
    whole, doc = _read(data, name), _read(cut, name)
    assert (doc.status, doc.error) == (whole.status, None)
    assert _readable(doc) == _readable(whole)  # all but the text the cut took away
    repaired = [f for f in doc.flags if f.check == "encoding_repaired"]
    assert [(f.reported, f.severity) for f in repaired] == [(1, "warning")]
    assert f"the first at byte {len(cut) - 2}:" in repaired[0].message and "utf-8" in repaired[0].message


@pytest.mark.parametrize("name", UTF8_PAGES)
def test_bug_an_html_page_with_flipped_bytes_was_refused_whole(name):
    import random

    from mutate import flip
    data = (SAMPLES / name).read_bytes()
    flipped = flip(data, random.Random(7), count=3)
    changed = [i for i, (a, b) in enumerate(zip(data, flipped)) if a != b]
    whole, doc = _read(data, name), _read(flipped, name)
    assert doc.error is None and doc.kind == whole.kind and len(doc.indicators) == len(whole.indicators)
    (flag,) = [f for f in doc.flags if f.check == "encoding_repaired"]
    assert 1 <= flag.reported <= 3 * 3  # a flipped byte spoils at most its character's 3 bytes
    offset = int(flag.message.split("the first at byte ")[1].split(":")[0])
    # the sequence that holds a flipped byte (one flipped to another ASCII byte decodes)
    assert any(i - 2 <= offset <= i + 2 for i in changed)


def test_an_html_page_mostly_undecodable_is_refused_as_encoding():
    page = b"<html><body><p>" + bytes(range(0xFC, 0x100)) * 400 + "ตัวชี้วัด".encode() + b"</p></body></html>"
    doc = _read(page, "noise.html")
    assert (doc.status, doc.error.kind) == ("error", "encoding")
    assert "most of its bytes are undecodable" in doc.error.message


def test_bug_a_pdf_pdfminer_reads_and_pdfium_cannot_open_failed_whole():
    # bench/fuzz.py --n 300 (seed 0), case 69: the head of one sample on the tail of another;
    # pdfminer reads it, pdfium refuses it, and the OCR step's pdfium failed the whole file
    # (made here from the two samples and the offsets that case used, so that adding samples
    # to the fuzzer's list does not change this file)
    head = (SAMPLES / "me_2566_q2_digital_skills.rl.pdf").read_bytes()[:5470]
    tail = (SAMPLES / "kpi_2558_3-2_permit_days_planted.fpdf.pdf").read_bytes()[2185:]
    name, data = "m00069_cross_splice_me_2566_q2_digital_skills.rl.pdf", head + tail
    doc = process_bytes(data, name, OFF)
    assert (doc.status, doc.error) == ("partial", None)
    assert "OCR is off for this file: its pages cannot be rendered (Failed to load document" in doc.flags[0].message


@pytest.mark.parametrize("sample,kind,indicators", [
    ("framework_2550_provincial.rl.pdf", "framework", 28),
    ("kpi_2552_3-1-4_osm.rl.pdf", "kpi_report", 1),
    ("genre_budget_book_2568.rl.pdf", "indicator_table", 30),
])
def test_bug_a_pdf_whose_pages_have_no_mediabox_failed_whole(sample, kind, indicators):
    """pdfplumber stops on a page with no /MediaBox (the spec requires one; ~1.5% of
    bench/mutate.py's mutations remove it): the page is read as US Letter, as pdfminer and
    pdfium assume, and the document reads as its intact copy."""
    import re
    data = (SAMPLES / sample).read_bytes()
    stripped = re.sub(rb"/MediaBox\s*\[[^\]]*\]", lambda m: b" " * len(m.group(0)), data)
    assert b"/MediaBox" not in stripped
    doc = process_bytes(stripped, sample, OFF)
    intact = process_bytes(data, sample, OFF)
    assert (doc.status, doc.error, doc.kind, len(doc.indicators)) == ("ok", None, kind, indicators)
    assert doc.model_dump(exclude={"doc_id"}) == intact.model_dump(exclude={"doc_id"})
