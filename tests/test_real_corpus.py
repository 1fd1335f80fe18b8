"""Every real PDF of ../shared/corpus/real gives a document, never a crash of ours.

Real archives hold scans, garbage text layers and budget books; the pipeline must answer for
each: a record, a flag, or an error with a reason, but never an internal error."""
import hashlib
import json
from pathlib import Path

import pytest

from conftest import REAL_CORPUS
from thaikpi.pipeline.run.process import process_file
from thaikpi.pipeline.settings import Settings
from conftest import needs_shared

pytestmark = needs_shared  # every test here reads ../shared

# These tests are about what the text layers give; OCR of the corpus's ~50 scanned pages would
# take minutes (tests/test_ocr.py covers it).
NO_OCR = Settings(ocr="off")

REAL_PDFS = sorted(REAL_CORPUS.glob("*.pdf"))
REAL_GOLD = Path(__file__).parent / "real_gold"
# Indicator records on page images only (a Latin OCR layer): read once OCR is (another issue).
NEEDS_OCR = {"rbru_arit_SCANNED_action_conclusion_kpi_fy2562_garbage_ocr.pdf"}


def has_indicators(pdf) -> bool:
    return json.loads((REAL_GOLD / f"{pdf.stem}.json").read_text(encoding="utf-8"))["has_indicators"]


def test_the_real_corpus_is_beside_the_repository():
    # CI clones the repo with shared/ beside it; without the corpus this suite would prove nothing.
    assert len(REAL_PDFS) >= 18, f"expected the real corpus in {REAL_CORPUS}"


@pytest.mark.parametrize("pdf", REAL_PDFS, ids=lambda p: p.name)
def test_real_pdf_gives_a_document(pdf):
    doc = process_file(pdf, NO_OCR)
    assert doc.error is None or doc.error.kind != "internal", doc.error
    assert doc.doc_id == "sha256:" + hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert doc.format == "pdf" and doc.pages and doc.pages > 0
    # None of these is a per-indicator KPI report, a framework or an M&E report (SOURCES.md:
    # budget books, plans, minutes, SARs, forms, scans), so none may be picked up by a seed kind
    # for a stray "มิติที่" or "ไตรมาส". Those whose gold lists indicator records are indicator
    # tables; the others (an ordinance's money tables, minutes, price lists, a gazette, an
    # action plan without an indicator column, a cover sheet) stay unknown.
    expected = "indicator_table" if has_indicators(pdf) and pdf.name not in NEEDS_OCR else "unknown"
    assert doc.kind == expected


def test_bug_scanned_pages_are_flagged_not_a_crash():
    # Flag templates that name {page} raised KeyError, so every scan became an internal error.
    doc = process_file(REAL_CORPUS / "phitsanulok_SCANNED_provincial_letter_2568.pdf", NO_OCR)
    assert doc.status == "partial"
    assert [(f.check, f.page) for f in doc.flags] == [("text_layer_missing", p) for p in (1, 2, 3, 4)]
    assert doc.flags[0].message == "page 1 has no text layer"


def _flags_by_page(name):
    doc = process_file(REAL_CORPUS / name, NO_OCR)
    pages: dict[int, set] = {}
    for f in doc.flags:
        pages.setdefault(f.page, set()).add(f.check)
    return doc, pages


@pytest.mark.parametrize("name", [
    "phitsanulok_muni_SCANNED_dev_plan_strategy_linkage_2566-2570.pdf",
    "ksp_teachers_council_SCANNED_ROTATED_report_templates.pdf",  # scans with a few stray characters
])
def test_image_only_scans_are_flagged_missing_on_every_page(name):
    doc, pages = _flags_by_page(name)
    assert doc.status == "partial"
    assert {p: c for p, c in pages.items()} == {p: {"text_layer_missing"} for p in range(1, doc.pages + 1)}


def test_a_scan_under_latin_ocr_garbage_is_flagged_garbled_on_every_page():
    doc, pages = _flags_by_page("rbru_arit_SCANNED_action_conclusion_kpi_fy2562_garbage_ocr.pdf")
    assert pages == {p: {"text_layer_garbled"} for p in range(1, doc.pages + 1)}
    assert "not Thai" in doc.flags[0].message


def test_garbage_layer_is_flagged_with_its_reason():
    doc = process_file(REAL_CORPUS / "royal_gazette_cloud_security_standard_2567_GARBAGE_textlayer.pdf", NO_OCR)
    assert doc.status == "partial"
    assert any(f.check == "text_layer_garbled" and "control characters" in f.message for f in doc.flags)


@pytest.mark.parametrize("name,pages", [
    ("rbru_arit_action_conclusion_kpi_fy2553.pdf", {1, 2, 3, 4}),    # "ส านัก": zero-width spaces
    ("budget_fy2565_doc3_vol17_other_state_agencies.pdf", None),     # (cid:201) for upper vowels
])
def test_degraded_layers_are_repaired_and_say_so(name, pages):
    doc = process_file(REAL_CORPUS / name, NO_OCR)
    repaired = {f.page for f in doc.flags if f.check == "text_layer_repaired"}
    assert repaired and (pages is None or pages <= repaired)
    assert not any(f.check == "text_layer_garbled" and ("(cid:N)" in f.message or "SARA AM lost" in f.message)
                   for f in doc.flags)


def test_bug_cid_glyphs_in_a_budget_book_are_filled():
    # Bureau of the Budget vol. 17: "ความเช(cid:201)ือมโยง", "ฉบับท(cid:201)ี 12"
    from thaikpi.pipeline.readers.pdf_reader import read_pdf
    doc = read_pdf((REAL_CORPUS / "budget_fy2565_doc3_vol17_other_state_agencies.pdf").read_bytes(), max_pages=10)
    line = next(l.text for l in doc.lines if l.page == 10 and "ความเชื่อมโยง" in l.text)
    assert line.startswith("2. ความเชื่อมโยงยุทธศาสตร์ชาติ แผนแม่บทภายใต้ยุทธศาสตร์ชาติ")
    assert "ฉบับที่ 12" in line and "(cid:" not in line


@pytest.mark.parametrize("name", [
    "phitsanulok_muni_good_governance_kpi_assessment_form_fy2568.pdf",
    "phitsanulok_muni_ita_integrity_measures_fy2567.pdf",  # page 8 loses glyphs: repaired, not garbled
])
def test_clean_text_layers_are_not_flagged_as_missing_or_garbled(name):
    doc = process_file(REAL_CORPUS / name, NO_OCR)
    assert doc.status == "ok"
    assert {f.check for f in doc.flags} <= {"text_layer_repaired"}
