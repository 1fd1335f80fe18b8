"""Issue 22's goal, held on the real corpus against gold read by hand (tests/real_gold/): a
document with indicators is never unknown, has its year, and gives >= 90% of its gold rows
with >= 90% of their values right; a document without indicators stays unknown; the title,
agency and period printed on it are read. `bench/real_accuracy.py -v` prints the detail."""
from functools import lru_cache

import pytest

from conftest import REAL_CORPUS
from gold_score import gold_files, load_gold, score_document
from snapshots import processed
from thaikpi.pipeline.run.process import process_file
from thaikpi.pipeline.settings import Settings
from conftest import needs_shared

pytestmark = needs_shared  # every test here reads ../shared

GOLDS = [load_gold(p) for p in gold_files()]
# Documents the pipeline cannot yet read to the goal, each with why and the floor it holds
# (rows found, values right): a ratchet, raised as they improve, never a silent pass.
# (The FY2562 scan read by OCR met the goal once its repeated header and its rows named by
# their project were read.)
SHORT_OF_GOAL: dict[str, tuple[str, tuple[int, int]]] = {}
# Scans whose indicators only OCR reads (Tesseract; CI installs it): read with OCR here, once.
READ_BY_OCR = {"rbru_arit_SCANNED_action_conclusion_kpi_fy2562_garbage_ocr.pdf"}
# Pages without a text layer that OCR has not read (the scans): no metadata to expect.
NO_TEXT = {
    "ksp_teachers_council_SCANNED_ROTATED_report_templates.pdf",
    "phitsanulok_SCANNED_provincial_letter_2568.pdf",
    "phitsanulok_muni_SCANNED_dev_plan_strategy_linkage_2566-2570.pdf",
    # pp.1-3 (the title page) are garbage glyphs; the readable annex names no title
    "royal_gazette_cloud_security_standard_2567_GARBAGE_textlayer.pdf",
}


@lru_cache(maxsize=None)
def _read_by_ocr(pdf):
    return process_file(pdf, Settings(ocr="auto"))


def _score(gold):
    pdf = REAL_CORPUS / gold["file"]
    if not pdf.exists():
        pytest.skip(f"the real corpus is not beside the repository ({REAL_CORPUS})")
    doc = _read_by_ocr(pdf) if gold["file"] in READ_BY_OCR else processed(pdf)
    return score_document(doc.model_dump(mode="json"), gold)


def test_every_real_pdf_has_gold():
    if not REAL_CORPUS.exists():
        pytest.skip(f"the real corpus is not beside the repository ({REAL_CORPUS})")
    assert {g["file"] for g in GOLDS} == {p.name for p in REAL_CORPUS.glob("*.pdf")}


@pytest.mark.parametrize("gold", GOLDS, ids=lambda g: g["file"])
def test_kind_and_period(gold):
    s = _score(gold)
    if gold["file"] in NO_TEXT:
        assert s.year_ok is not True or s.kind_ok  # nothing read is not a wrong year
        return
    assert s.kind_ok, f"kind {s.kind}, has indicators: {gold['has_indicators']}"
    assert s.year_ok is not False, f"the year printed is {gold['metadata']}"
    if gold["file"] not in READ_BY_OCR:  # OCR's stray letters inside a title ("สรุปผลกถาร…") are not
        assert s.title_ok is not False and s.agency_ok is not False, (s.title_ok, s.agency_ok)  # fixed yet


@pytest.mark.parametrize("gold", [g for g in GOLDS if g["has_indicators"]], ids=lambda g: g["file"])
def test_indicator_rows_and_values(gold):
    s = _score(gold)
    right, values = s.values
    missed = [r.gold["name"][:40] for r in s.rows if r.record is None]
    wrong = [(r.gold["name"][:30], w) for r in s.rows for w in r.wrong]
    if gold["file"] in SHORT_OF_GOAL:
        why, (rows_floor, values_floor) = SHORT_OF_GOAL[gold["file"]]
        assert s.found >= rows_floor and right >= values_floor, (why, missed, wrong)
        return
    assert s.found >= 0.9 * len(s.rows), f"rows found {s.found}/{len(s.rows)}; missed {missed}"
    assert right >= 0.9 * values, f"values right {right}/{values}; wrong {wrong}"


def test_the_scorer_pairs_a_gold_row_with_the_record_of_its_code_where_names_tie():
    # The ITA form's i4 and i5 begin with the same 40 characters, the length names are compared
    # on: the scorer paired gold i4 with the record i5 and counted the code wrong.
    start = "เจ้าหน้าที่ของหน่วยงาน มีการเรียกรับเงิน ทรัพย์สิน ของขวัญ ของกำนัล"
    records = [{"page": 2, "code": "i4", "name": start + "หรือผลประโยชน์ (นอกเหนือจากที่กฎหมายกำหนด)"},
               {"page": 2, "code": "i5", "name": start + "หรือผลประโยชน์จากบุคคลอื่น"}]
    gold = {"file": "ita.pdf", "has_indicators": True,
            "rows": [{"page": 2, "code": "i4", "name": start}, {"page": 2, "code": "i5", "name": start}]}
    score = score_document({"kind": "indicator_table", "indicators": records}, gold)
    assert [row.record["code"] for row in score.rows] == ["i4", "i5"]
    assert all(not row.wrong for row in score.rows)
