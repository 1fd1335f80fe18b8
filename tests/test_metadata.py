"""Metadata of any document (extractors/metadata.py): against the gold read from the real
corpus (tests/real_gold), then one test per rule on hand-built lines."""
import json
from dataclasses import replace
from pathlib import Path

import pytest

from snapshots import REAL_CORPUS, processed
from thaikpi.extractors.metadata import document_metadata
from thaikpi.pipeline.run.process import with_metadata
from thaikpi.schemas.parsed import Line, ParsedDocument
from conftest import needs_shared

GOLD = sorted((Path(__file__).parent / "real_gold").glob("*.json"))
PERIOD = ("fiscal_year_be", "academic_year_be", "round_months")

# Documents with nothing to read the metadata from: scans with no text layer, an OCR layer
# that read Thai as Latin, a cover whose text layer is garbage. They get metadata only after
# OCR; until then they must give none, never a wrong one.
UNREAD = {
    "ksp_teachers_council_SCANNED_ROTATED_report_templates.pdf": "scan",
    "phitsanulok_SCANNED_provincial_letter_2568.pdf": "scan",
    "phitsanulok_muni_SCANNED_dev_plan_strategy_linkage_2566-2570.pdf": "scan",
    "rbru_arit_SCANNED_action_conclusion_kpi_fy2562_garbage_ocr.pdf": "scan under Latin OCR",
    "royal_gazette_cloud_security_standard_2567_GARBAGE_textlayer.pdf": "garbled cover",
}


@needs_shared
def test_every_real_pdf_has_gold_metadata():
    assert len(GOLD) == 21
    assert {json.loads(g.read_text(encoding="utf-8"))["file"] for g in GOLD} == \
        {p.name for p in REAL_CORPUS.glob("*.pdf")}


@needs_shared
@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_real_pdf_metadata_matches_the_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = processed(REAL_CORPUS / gold["file"])
    meta = gold["metadata"]
    if gold["file"] in UNREAD:
        assert (doc.fiscal_year_be, doc.academic_year_be, doc.round_months, doc.title, doc.agency) == \
            (None,) * 5, UNREAD[gold["file"]]
        return
    for name in PERIOD:
        assert getattr(doc, name) == meta[name], name
    for name, field in (("title_contains", "title"), ("agency_contains", "agency")):
        value = getattr(doc, field)
        if meta[name] is None:
            assert value is None, field
        else:
            assert value is not None and meta[name] in value, field
    if meta["fiscal_year_be"]:
        assert doc.fiscal_year == meta["fiscal_year_be"] - 543


def parsed(*texts, page=1, **kw) -> ParsedDocument:
    """One text line per string, on one page; (page, text) pairs put a line on that page."""
    lines = [Line(cells=(t,), page=page) if isinstance(t, str) else Line(cells=(t[1],), page=t[0])
             for t in texts]
    return ParsedDocument(format="pdf", pages=max(line.page for line in lines), lines=lines, **kw)


def meta(*texts, **kw) -> dict:
    return document_metadata(parsed(*texts, **kw))


def test_fiscal_year_in_thai_digits():
    assert meta("รายงานผลการดำเนินงาน", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๕")["fiscal_year_be"] == 2565


@pytest.mark.parametrize("label", ["ประจาปีงบประมาณ", "ปงบประมาณ", "ปี งบประมาณ", "ปีีงบประมาณ", "ปีงบประมาณ (พ.ศ.)"])
def test_fiscal_year_under_a_damaged_label(label):
    assert meta(f"แผนปฏิบัติราชการ {label} 2554")["fiscal_year_be"] == 2554


def test_fiscal_year_label_ends_one_line_and_its_year_starts_the_next():
    found = meta("มาตรการส่งเสริมคุณธรรมและความโปร่งใสประจำปี", "งบประมาณ พ.ศ. 2567", "ของเทศบาลนครพิษณุโลก")
    assert found["fiscal_year_be"] == 2567


@pytest.mark.parametrize("line", ["ปีการศึกษา 2559", "ประจำปการศึกษา 2559", "ปกี ารศึกษา 2559"])
def test_academic_year(line):
    found = meta("รายงานการประเมินตนเอง", line)
    assert (found["academic_year_be"], found["fiscal_year_be"]) == (2559, None)


def test_a_document_of_an_academic_year_takes_no_fiscal_year_from_its_body():
    # The SAR's evidence tables list the fiscal-year plans of the years it covers.
    body = [Line(cells=("1.1-2.3", "แผนปฏิบัติราชการ ปีงบประมาณ พ.ศ. 2560"), page=p, table=p) for p in (4, 5, 6)]
    doc = parsed("รายงานการประเมินตนเอง", "ปีการศึกษา 2559", (2, "คำนำ"), (3, "สารบัญ"))
    doc.lines.extend(body)
    found = document_metadata(doc)
    assert (found["academic_year_be"], found["fiscal_year_be"]) == (2559, None)


@pytest.mark.parametrize("line, months", [("รอบ 6 เดือน (1 ตุลาคม 2553 – 31 มีนาคม 2554)", 6),
                                          ("รอบ ๑๒ เดือน", 12), ("☐ รอบ 9 เดือน ☑ รอบ 12 เดือน", 12)])
def test_round(line, months):
    assert meta("รายงานผลการดำเนินงาน ประจำปีงบประมาณ 2554", line)["round_months"] == months


def test_a_quarter_is_not_a_round():
    assert meta("รายงานความก้าวหน้า ไตรมาสที่ 2 ปีงบประมาณ 2566")["round_months"] is None


def test_a_row_of_round_columns_is_not_the_round():
    doc = ParsedDocument(format="pdf", pages=1, lines=[
        Line(cells=("รอบ 3 เดือน", "รอบ 6 เดือน", "รอบ 9 เดือน", "รอบ 12 เดือน"), page=1, table=0)])
    assert document_metadata(doc)["round_months"] is None


def test_a_laws_year_is_not_the_fiscal_year():
    assert meta("ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนา พ.ศ. ๒๕๔๘")["fiscal_year_be"] is None
    found = meta("ตามพระราชบัญญัติวินัยการเงินการคลังของรัฐ พ.ศ. 2561", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567")
    assert found["fiscal_year_be"] == 2567


def test_a_date_is_not_the_fiscal_year():
    assert meta("รายงานผลการประเมิน", "วันที่ 6 กันยายน พ.ศ. 2561")["fiscal_year_be"] is None
    found = meta("ปีงบประมาณ ๒๕๕๔ (๑ ตุลาคม ๒๕๕๓ – ๓๐ กันยายน ๒๕๕๔)")
    assert found["fiscal_year_be"] == 2554


def test_year_columns_and_ranges_are_not_the_fiscal_year():
    assert meta("ผลการดำเนินงานในรอบปีงบประมาณ พ.ศ. 2556 2557 2558")["fiscal_year_be"] is None
    assert meta("เปรียบเทียบงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2563 - 2565")["fiscal_year_be"] is None


def test_the_year_of_a_budget_spoken_of_in_the_body_is_not_the_documents():
    body = [(p, "เรื่องขออนุมัติโอนเงินงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ๒๕๖๗") for p in (4, 5)]
    assert meta("รายงานการประชุมสภาเทศบาลนครพิษณุโลก", *body)["fiscal_year_be"] is None


def test_the_body_gives_the_year_its_headings_name_most():
    body = [(4, "แผนการดำเนินงานปีงบประมาณ 2552"), (5, "การพัฒนาบุคลากรปีงบประมาณ 2552"),
            (6, "ผลการเบิกจ่ายปีงบประมาณ 2551"),
            (7, "เนื่องจากในปีงบประมาณ พ.ศ. 2550 สำนักได้ดำเนินการ"),  # prose goes on: not a heading
            (8, "เนื่องจากในปีงบประมาณ พ.ศ. 2550 สำนักได้ดำเนินการ")]
    assert meta("ปรัชญา วิสัยทัศน์ ภารกิจ", *body)["fiscal_year_be"] == 2552


def test_a_running_head_gives_the_year_when_the_front_does_not():
    pages = [(p, text) for p in range(4, 8) for text in ("แผนปฏิบัติการ ปีงบประมาณ 2560", "ข้อความ", "ข้อความ",
                                                          "ข้อความ", "ข้อความ")]
    assert meta((1, "คำนำ"), (2, "สารบัญ"), (3, "บทที่ 1"), *pages)["fiscal_year_be"] == 2560


def test_title_is_the_first_heading_with_the_lines_that_go_on_with_it():
    found = meta("เทศบาลนครพิษณุโลก", "เทศบัญญัติ", "งบประมาณรายจ่ายเพิ่มเติม", "( )", "ฉบับที่ ๒")
    assert found["title"] == "เทศบัญญัติ งบประมาณรายจ่ายเพิ่มเติม"


def test_no_title_where_no_heading_says_what_the_document_is():
    assert meta("ปรัชญา วิสัยทัศน์ ภารกิจ จุดมุ่งหมาย", "1. รวบรวมและจัดเก็บสารสนเทศ")["title"] is None


def test_a_cover_laid_out_as_a_table_gives_its_title_and_agency():
    doc = ParsedDocument(format="pdf", pages=1, lines=[
        Line(cells=("แบบประเมินศูนย์เด็กเล็กปลอดโรค\n\nกรมควบคุมโรค\nศูนย์เด็กเล็ก...........อำเภอ..........",), page=1, table=0),
        Line(cells=("ผู้บันทึกข้อมูล", "สำนักนโยบายและยุทธศาสตร์"), page=1, table=0)])
    found = document_metadata(doc)
    assert (found["title"], found["agency"]) == ("แบบประเมินศูนย์เด็กเล็กปลอดโรค", "กรมควบคุมโรค")


def test_agency_a_label_names():
    found = meta("แบบประเมินเกณฑ์ชี้วัด", "ชื่อองค์กรปกครองส่วนท้องถิ่น........ . เทศบาลนครพิษณุโลก..........")
    assert found["agency"] == "เทศบาลนครพิษณุโลก"


def test_agency_a_unit_before_its_parent_and_a_name_over_two_lines():
    found = meta("กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม (๕)", "☑ ☑ ☑", "สำนักงบประมาณ สำนักนายกรัฐมนตรี")
    assert found["agency"] == "สำนักงบประมาณ สำนักนายกรัฐมนตรี"
    found = meta("รายงานการประเมินตนเอง", "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ", "มหาวิทยาลัยราชภัฏรำไพพรรณี")
    assert found["agency"] == "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ มหาวิทยาลัยราชภัฏรำไพพรรณี"


def test_agency_whose_title_it_is():
    found = meta("รายงานการประชุมสภาเทศบาลนครพิษณุโลก", "ผู้มาประชุม",
                 "๑. นายสมชาย ใจดี ผอ.สำนักสาธารณสุขและสิ่งแวดล้อม", "สำนักสาธารณสุขและสิ่งแวดล้อม")
    assert found["agency"] == "เทศบาลนครพิษณุโลก"


def test_a_wrap_of_prose_is_no_agency():
    found = meta("- ผู้ตรวจราชการสำนักนายกรัฐมนตรีและผู้ตรวจราชการกระทรวงมหาดไทยได้ร่วมกันจัดทำแผนการติดตาม",
                 "กระทรวงมหาดไทย ภายในวันที่ ๓๐ สิงหาคม")
    assert found["agency"] is None


def test_a_garbled_page_gives_no_metadata():
    found = meta("มาตรฐานฉบับนี้ ปีงบประมาณ 2567", (2, "สำนักงานคณะกรรมการ"), garbled_pages={1: "garbage", 2: "garbage"})
    assert found == {"title": None, "agency": None, "fiscal_year_be": None, "academic_year_be": None, "round_months": None}


def test_a_seed_kind_keeps_its_own_year_and_round_but_gains_title_and_agency():
    doc = parsed("รายงานผลการปฏิบัติราชการ ประจำปีงบประมาณ 2555", "รอบ 6 เดือน", "สำนักงานจังหวัดเชียงใหม่")
    seed = with_metadata({"kind": "kpi_report", "fiscal_year_be": None}, doc)
    assert (seed["fiscal_year_be"], seed.get("round_months"), seed["agency"]) == (None, None, "สำนักงานจังหวัดเชียงใหม่")
    unknown = with_metadata({"kind": "unknown"}, doc)
    assert (unknown["fiscal_year_be"], unknown["round_months"]) == (2555, 6)
    own_title = with_metadata({"kind": "unknown", "title": "ชื่อที่ตัวแยกอ่านเอง"}, doc)
    assert own_title["title"] == "ชื่อที่ตัวแยกอ่านเอง"


def test_bug_a_year_ocr_misread_does_not_win_over_the_text_layers():
    # The Canva action plan: its p.2 is a scanned notice whose ๒๕๖๗ Tesseract reads as ๒๕๒๓; the
    # text layer names 2567. A year on an OCR'd page counts only where no text-layer page names one.
    lines = [Line(cells=("แผนการดำเนินงาน",), page=1),
             Line(cells=("ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๒๓",), page=2)]
    lines += [Line(cells=(f"รายละเอียดโครงการ ประจำปีงบประมาณ {2567}",), page=p) for p in (4, 5)]
    doc = ParsedDocument(format="pdf", pages=5, lines=lines, text_sources={2: "ocr"})
    assert document_metadata(doc)["fiscal_year_be"] == 2567


def test_a_scan_takes_its_year_from_ocr():
    doc = ParsedDocument(format="pdf", pages=1, text_sources={1: "ocr"},
                         lines=[Line(cells=("สรุปผลการปฏิบัติการ ปีงบประมาณ พ.ศ. 2562 (รอบ 6 เดือน)",), page=1)])
    assert (document_metadata(doc)["fiscal_year_be"], document_metadata(doc)["round_months"]) == (2562, 6)


def test_bug_a_year_no_report_can_have_was_taken_from_ocr():
    # The scanned dev plan 2566-2570 (real corpus): Tesseract reads ๒๕๖๕ as ๒๕๐๕ and ๒๕๐๐,
    # and its gold names no fiscal year; it came out as 2505 (1962), before any such report.
    doc = ParsedDocument(format="pdf", pages=5, text_sources={p: "ocr" for p in range(1, 6)}, lines=[
        Line(cells=("แผนพัฒนาท้องถิ่นให้สอดคล้องกับยุทธศาสตร์การพัฒนาจังหวัด",), page=1),
        Line(cells=("เปลี่ยนแปลง ครั้งที่ ๓/๒๕๐๕ เนื่องจาก",), page=5),
        Line(cells=("เทศบัญญัติงบประมาณรายจ่าย ประจำปีงบประมาณ พ.ศ. ๒๕๐๕ ต่อไป",), page=5)])
    assert document_metadata(doc)["fiscal_year_be"] is None
    in_range = replace(doc, lines=doc.lines[:2] + [Line(cells=("ประจำปีงบประมาณ พ.ศ. ๒๕๖๕",), page=5)])
    assert document_metadata(in_range)["fiscal_year_be"] == 2565


@pytest.mark.parametrize("year,taken", [(2539, None), (2540, 2540), (2600, 2600), (2601, None)])
def test_a_documents_year_lies_in_the_years_of_thai_performance_reporting(year, taken):
    assert meta("รายงานผลการดำเนินงาน", f"ประจำปีงบประมาณ พ.ศ. {year}")["fiscal_year_be"] == taken
    assert meta("รายงานการประเมินตนเอง", f"ปีการศึกษา {year}")["academic_year_be"] == taken
