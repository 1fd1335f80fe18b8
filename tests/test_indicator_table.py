"""The general indicator-table extractor (kind indicator_table, issue 22): rules on hand-built
documents, then rows of the real corpus as its gold (tests/real_gold) reads them."""
from types import SimpleNamespace

import pytest

from conftest import REAL_CORPUS
from snapshots import processed
from thaikpi.extractors import indicator_table, registry
from thaikpi.extractors.indicator_values import parse_value
from thaikpi.schemas.parsed import Line, ParsedDocument
from conftest import needs_shared


def doc(*rows, text=()):
    """Text lines first, then table rows: (page, table, cells...) tuples."""
    lines = [Line(cells=(t,), page=1) for t in text]
    lines += [Line(cells=tuple(cells), page=page, table=table) for page, table, *cells in rows]
    return ParsedDocument(format="pdf", pages=max(l.page for l in lines), lines=lines)


def records(parsed):
    return indicator_table.extract(parsed).indicators


def test_header_words_in_any_order_map_their_columns():
    found = records(doc((1, 0, "คะแนน", "ผลการดำเนินงาน", "ตัวชี้วัด", "เป้าหมาย"),
                        (1, 0, "4", "ร้อยละ 86.37", "ผู้เข้ารับการอบรมมีความพึงพอใจ", "ร้อยละ 80")))
    assert [(r.name, r.unit, r.target_value, r.result_value, r.score) for r in found] == [
        ("ผู้เข้ารับการอบรมมีความพึงพอใจ", "ร้อยละ", 80, 86.37, 4)]


def test_damaged_header_words_still_name_their_columns():
    # Tone marks dropped, a space inside a word: "ตัวชีวัด", "เป้ าหมาย", "หน่ วยนับ".
    found = records(doc((1, 0, "ตัวชีวัด", "หน่ วยนับ", "เป้ าหมาย"), (1, 0, "จำนวนผู้เข้าอบรม", "คน", "200")))
    assert [(r.name, r.unit, r.target_value) for r in found] == [("จำนวนผู้เข้าอบรม", "คน", 200)]


def test_two_row_header_with_year_columns_gives_one_record_per_year():
    found = records(doc((1, 0, "ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย", ""),
                        (1, 0, "", "", "ปี 2564", "ปี 2565"),
                        (1, 0, "- ตัวชี้วัด : ร้อยละของเรื่องร้องเรียน", "ร้อยละ", "80", "85")))
    assert [(r.name, r.year_be, r.target_value, r.unit) for r in found] == [
        ("ร้อยละของเรื่องร้องเรียน", 2564, 80, "ร้อยละ"), ("ร้อยละของเรื่องร้องเรียน", 2565, 85, "ร้อยละ")]


def test_a_bracketed_result_on_the_next_line_is_that_years_result():
    found = records(doc((1, 0, "ตัวชี้วัด/\nแหล่งเงิน", "หน่วยนับ", "ปี 2564\nแผน\n(ผล)*", "ปี 2565\nแผน"),
                        (1, 0, "เชิงปริมาณ : จำนวนวัคซีน BCG", "ขวด", "930,000\n( 856,030 )", "150,000"),
                        (1, 0, "เชิงคุณภาพ : ร้อยละของผู้ป่วย", "ร้อยละ", "80\n( - )", "80")))
    assert [(r.name, r.year_be, r.target_value, r.result_value) for r in found] == [
        ("จำนวนวัคซีน BCG", 2564, 930000, 856030), ("จำนวนวัคซีน BCG", 2565, 150000, None),
        ("ร้อยละของผู้ป่วย", 2564, 80, None), ("ร้อยละของผู้ป่วย", 2565, 80, None)]


def test_a_header_repeated_on_the_next_page_is_not_a_record():
    header = ("ประเด็นการประเมิน", "คะแนนที่ได้")
    found = records(doc((1, 0, *header), (1, 0, "i1 เจ้าหน้าที่ปฏิบัติงาน", "93.62"),
                        (2, 1, *header), (2, 1, "i2 เจ้าหน้าที่ให้บริการ", "94.31")))
    assert [(r.page, r.code, r.name, r.score) for r in found] == [
        (1, "i1", "เจ้าหน้าที่ปฏิบัติงาน", 93.62), (2, "i2", "เจ้าหน้าที่ให้บริการ", 94.31)]


def test_a_header_on_the_first_page_only_carries_to_the_next_pages_table():
    # An Excel export: the header on p.1; p.2's table lost its merged first column.
    found = records(doc((1, 0, "ยุทธศาสตร์", "ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน"),
                        (1, 0, "1. การพัฒนา", "จำนวนหลักสูตร", "4 หลักสูตร", "9 หลักสูตร"),
                        (2, 1, "จำนวนบุคลากร", "30 คน", "36 คน")))
    assert [(r.page, r.name, r.target_value, r.result_value, r.unit) for r in found] == [
        (1, "จำนวนหลักสูตร", 4, 9, "หลักสูตร"), (2, "จำนวนบุคลากร", 30, 36, "คน")]


def test_a_record_named_only_by_its_code_takes_the_name_given_that_code_before():
    found = records(doc((1, 0, "ประเด็นการประเมิน", "คะแนนที่ได้"), (1, 0, "i1 เจ้าหน้าที่ปฏิบัติงาน", "93.62"),
                        (2, 1, "ที่", "ข้อคำถาม", "คะแนน"), (2, 1, "1", "i1", "93.62")))
    assert [(r.page, r.code, r.name) for r in found] == [(1, "i1", "เจ้าหน้าที่ปฏิบัติงาน"), (2, "i1", "เจ้าหน้าที่ปฏิบัติงาน")]


def test_a_row_the_reader_gave_as_a_text_line_above_a_continuation_table_is_read():
    # The reader missed this row's rules: a text line whose word runs fill the columns.
    words = ((297.0, 379.0, "จำนวนผู้เข้าใช้ฐานข้อมูล"), (551.0, 559.0, "50"), (561.0, 572.0, "คน"),
             (602.0, 621.0, "1,076"), (623.0, 633.0, "คน"), (649.0, 731.0, "หอสมุดกลาง"))
    lines = [Line(cells=("ยุทธศาสตร์", "ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน", "ผู้ประสานงาน"), page=1, table=0),
             Line(cells=("1. การพัฒนา", "จำนวนหลักสูตร", "4 หลักสูตร", "9 หลักสูตร", "ศูนย์"), page=1, table=0),
             Line(cells=("จำนวนผู้เข้าใช้ฐานข้อมูล 50 คน 1,076 คน หอสมุดกลาง",), page=2, words=words),
             Line(cells=("", "จำนวนผู้เข้าร่วมกิจกรรม", "300 คน", "612 คน", "หอสมุดกลาง"), page=2, table=1)]
    found = records(ParsedDocument(format="pdf", pages=2, lines=lines))
    assert [(r.page, r.name, r.target_value, r.result_value, r.unit) for r in found] == [
        (1, "จำนวนหลักสูตร", 4, 9, "หลักสูตร"), (2, "จำนวนผู้เข้าใช้ฐานข้อมูล", 50, 1076, "คน"),
        (2, "จำนวนผู้เข้าร่วมกิจกรรม", 300, 612, "คน")]


def test_a_wrapped_name_is_joined():
    found = records(doc((1, 0, "ตัวชี้วัด", "เป้าหมาย"), (1, 0, "ร้อยละของผู้เข้ารับการอบรม\nที่นำความรู้ไปใช้", "80")))
    assert found[0].name == "ร้อยละของผู้เข้ารับการอบรมที่นำความรู้ไปใช้"


def test_a_group_row_sets_the_group_and_totals_are_not_indicators():
    found = records(doc((1, 0, "ตัวบ่งชี้", "เป้าหมาย", "ผลการดำเนินงาน", "คะแนน"),
                        (1, 0, "องค์ประกอบที่ 1 ปรัชญาและแผน", "", "", ""),
                        (1, 0, "ตัวบ่งชี้ที่ 1.1 กระบวนการพัฒนาแผน", "5 ข้อ", "8 ข้อ", "5 คะแนน"),
                        (1, 0, "เฉลี่ยคะแนน องค์ประกอบที่ 1", "", "", "5 คะแนน"),
                        (1, 0, "รวมคะแนน", "", "", "4.79")))
    assert [(r.code, r.name, r.group, r.unit, r.target_value, r.result_value, r.score) for r in found] == [
        ("1.1", "กระบวนการพัฒนาแผน", "องค์ประกอบที่ 1 ปรัชญาและแผน", "ข้อ", 5, 8, 5)]


def test_a_numbered_group_heading_groups_its_tables_rows_until_the_next_heading_as_high():
    header = (1, 0, "ตัวชี้วัด", "หน่วยนับ", "เป้าหมาย")
    lines = [Line(cells=("7.2.1 ผลผลิตที่ 1 : การบริหารจัดการองค์กร",), page=1),
             Line(cells=("7.2.1.2 เป้าหมายผลผลิต",), page=1),
             *[Line(cells=tuple(c), page=1, table=0) for c in (header[2:], ("เชิงปริมาณ : จำนวนเรื่อง", "เรื่อง", "10"))],
             Line(cells=("7.3 แผนงานยุทธศาสตร์",), page=2),
             *[Line(cells=tuple(c), page=2, table=1) for c in (header[2:], ("เชิงปริมาณ : จำนวนคน", "คน", "5"))]]
    found = records(ParsedDocument(format="pdf", pages=2, lines=lines))
    assert [(r.name, r.group) for r in found] == [
        ("จำนวนเรื่อง", "ผลผลิตที่ 1 : การบริหารจัดการองค์กร"), ("จำนวนคน", None)]


def test_thai_digits_are_read_as_numbers():
    found = records(doc((1, 0, "ตัวชี้วัด", "ค่าเป้าหมาย", "ผลการดำเนินงาน"), (1, 0, "จำนวนผู้รับบริการ", "๑,๒๐๐ คน", "๙๘.๕ คน")))
    assert (found[0].target_value, found[0].result_value, found[0].unit) == (1200, 98.5, "คน")


def test_ticks_and_crosses_say_achieved():
    found = records(doc((1, 0, "ที่", "ตัวบ่งชี้", "เป้าหมาย", "ผลการดำเนินการ", "บรรลุเป้าหมาย\n✓ = บรรลุ\n✗= ไม่บรรลุ"),
                        (1, 0, "1", "ตัวบ่งชี้ 1.2", "ร้อยละ 80", "ร้อยละ 77.27", "✗"),
                        (1, 0, "2", "ตัวบ่งชี้ 7.2", "3", "3", "✓")))
    assert [(r.code, r.name, r.achieved) for r in found] == [("1.2", "ตัวบ่งชี้ 1.2", False), ("7.2", "ตัวบ่งชี้ 7.2", True)]


def test_pass_and_fail_inside_a_result_cell_say_achieved():
    found = records(doc((1, 0, "องค์ประกอบคุณภาพ", "เป้าหมาย", "ผลการดำเนินงาน", "คะแนนการประเมิน"),
                        (1, 0, "ตัวบ่งชี้ที่ 1.1", "ระดับ 6", "ไม่ผ่านได้ระดับ 5", "2 คะแนน")))
    assert [(r.unit, r.target_value, r.result_value, r.achieved, r.score) for r in found] == [("ระดับ", 6, 5, False, 2)]


def test_values_keep_their_unit_and_comparator():
    value = parse_value("ไม่น้อยกว่าร้อยละ 80")
    assert (value.value, value.unit, value.comparator) == (80, "ร้อยละ", ">=")
    value = parse_value("ไม่เกิน 15 ต่อการเกิดมีชีพแสนคน")
    assert (value.value, value.unit, value.comparator) == (15, "ต่อการเกิดมีชีพแสนคน", "<=")
    value = parse_value("ไม่เกิน 50 ต่อประชากรหญิงอายุ 15-19 ปี 1,000 คน")
    assert (value.value, value.unit) == (50, "ต่อประชากรหญิงอายุ 15-19 ปี 1,000 คน")  # a rate's unit runs on
    assert parse_value("ไม่เกิน 16 ต่อประชากรแสนคน ในปีงบประมาณ 2559").unit == "ต่อประชากรแสนคน"
    assert parse_value("-").value is None


def test_a_cell_listing_several_indicators_is_split_line_by_line():
    found = records(doc((1, 0, "ผลสัมฤทธิ์และประโยชน์ที่คาดว่าจะได้รับ", "หน่วยนับ", "ค่าเป้าหมาย"),
                        (1, 0, "(1) ผลสัมฤทธิ์ : การแข่งขันเป็นธรรม\n- ตัวชี้วัด : ร้อยละของเรื่องร้องเรียน\n"
                               "- ตัวชี้วัด : จำนวนหน่วยงานของรัฐ", "ร้อยละ\nหน่วยงาน", "80\n12")))
    assert [(r.name, r.unit, r.target_value) for r in found] == [
        ("ร้อยละของเรื่องร้องเรียน", "ร้อยละ", 80), ("จำนวนหน่วยงานของรัฐ", "หน่วยงาน", 12)]


def test_a_sections_value_table_is_its_headings_indicator():
    # A SAR: the indicator is a heading, its values a small table under it.
    lines = [Line(cells=("ตัวบ่งชี้ที่ 1.1 กระบวนการพัฒนาแผน",), page=3),
             Line(cells=("", "เป้าหมาย", "ผลการดำเนินงาน", "คะแนนการประเมินตนเอง"), page=3, table=0),
             Line(cells=("5 ข้อ", "8 ข้อ", "5 คะแนน", ""), page=3, table=0)]
    found = records(ParsedDocument(format="pdf", pages=3, lines=lines))
    assert [(r.code, r.name, r.target_value, r.result_value, r.score) for r in found] == [
        ("1.1", "กระบวนการพัฒนาแผน", 5, 8, 5)]


def test_a_kpi_template_sheet_gives_its_name_and_target():
    found = records(doc((1, 0, "ตัวชี้วัด", "", "1. อัตราส่วนการตายมารดา"),
                        (1, 0, "คำนิยาม", "", "การตายของมารดา"),
                        (1, 0, "เกณฑ์เป้าหมาย", "", "ไม่เกิน 15 ต่อการเกิดมีชีพแสนคน")))
    assert [(r.code, r.name, r.target_value, r.target_comparator, r.unit) for r in found] == [
        ("1", "อัตราส่วนการตายมารดา", 15, "<=", "ต่อการเกิดมีชีพแสนคน")]


def test_the_period_of_the_document_and_of_its_tables():
    parsed = doc((1, 0, "ตัวชี้วัด", "คะแนน"), (1, 0, "การปฏิบัติหน้าที่", "96.81"),
                 text=("มาตรการส่งเสริมคุณธรรมและความโปร่งใสประจำปี", "งบประมาณ พ.ศ. ๒๕๖๗", "รอบ 6 เดือน"))
    found = indicator_table.extract(parsed)
    assert (found.fiscal_year_be, found.round_months, found.genre) == (2567, 6, "ita")
    assert found.indicators[0].year_be == 2567


def test_an_academic_year_document_has_no_fiscal_year_of_its_own():
    parsed = doc((1, 0, "ตัวบ่งชี้", "เป้าหมาย"), (1, 0, "ตัวบ่งชี้ที่ 1.1 กระบวนการ", "5 ข้อ"),
                 text=("รายงานการประเมินตนเอง ปีการศึกษา 2559", "แผนปฏิบัติราชการ ปีงบประมาณ พ.ศ. 2560"))
    found = indicator_table.extract(parsed)
    assert (found.fiscal_year_be, found.academic_year_be, found.genre) == (None, 2559, "sar")
    assert found.indicators[0].year_be == 2559


@pytest.mark.parametrize("rows", [
    [(1, 0, "รายการ", "คุณลักษณะ", "ราคา"), (1, 0, "คอมพิวเตอร์", "หน่วยความจำไม่น้อยกว่า 8 GB", "20,000 บาท")],
    [(1, 0, "ญัตติ", "มติ"), (1, 0, "ร่างเทศบัญญัติ", "เห็นชอบด้วยคะแนนเสียง 20 เสียง")],
    [(1, 0, "แผนงาน", "โครงการ", "งบประมาณ"), (1, 0, "แผนงานการศึกษา", "โครงการอาหารกลางวัน", "43,000")],
])
def test_tables_without_an_indicator_column_are_not_indicator_tables(rows):
    parsed = doc(*rows)
    assert indicator_table.detect(parsed) == 0.0
    assert registry.classify(parsed) is None


def test_an_indicator_table_is_detected_below_the_seed_kinds():
    parsed = doc((1, 0, "ตัวชี้วัด", "เป้าหมาย"), (1, 0, "จำนวนผู้เข้าอบรม", "200 คน"))
    assert indicator_table.detect(parsed) == 0.5
    assert registry.classify(parsed) is indicator_table


# --- The real corpus, row by row as its gold reads it ---------------------------------------

def real(name):
    return processed(REAL_CORPUS / f"{name}.pdf")


def find(document, page, name_start, year=None):
    hits = [r for r in document.indicators if r.page == page and (r.name or "").startswith(name_start)
            and (year is None or r.year_be == year)]
    assert hits, f"no record on p.{page} named {name_start!r}"
    return hits[0]


@needs_shared
def test_real_budget_book_year_columns_and_bracketed_results():
    document = real("budget_fy2565_doc3_vol17_other_state_agencies")
    assert (document.kind, document.genre, document.fiscal_year_be) == ("indicator_table", "budget_book", 2565)
    bcg = find(document, 50, "จำนวนวัคซีน BCG", 2564)
    assert (bcg.unit, bcg.target_value, bcg.result_value) == ("ขวด", 930000, 856030)
    doctors = find(document, 50, "ร้อยละของแพทย์ผู้", 2564)
    assert (doctors.target_value, doctors.result_value) == (100, 99.1)
    agencies = find(document, 14, "จำนวนหน่วยงานของรัฐ", 2565)
    assert (agencies.unit, agencies.target_value) == ("หน่วยงาน", 12)
    assert find(document, 16, "จำนวนหน่วยงานของรัฐ", 2568).target_value == 9


@needs_shared
def test_real_action_results_fy2553():
    document = real("rbru_arit_action_conclusion_kpi_fy2553")
    assert (document.kind, document.genre, document.fiscal_year_be) == ("indicator_table", "action_results", 2553)
    first = find(document, 1, "ผู้เข้ารับการอบรมมีความพึงพอใจ")
    assert (first.unit, first.target_value, first.result_value, first.year_be) == ("ร้อยละ", 80, 86.37, 2553)
    missed = find(document, 2, "ผู้เข้ารับการอบรมนำความรู้ไปใช้")
    assert (missed.target_value, missed.result_value) == (80, 79.75)
    assert (find(document, 3, "จำนวนผู้เข้าชมนิทรรศการ").target_value,
            find(document, 3, "จำนวนผู้เข้าชมนิทรรศการ").result_value) == (1000, 200)


@needs_shared
def test_real_sar_summary_and_section_tables():
    document = real("rbru_arit_SAR_self_assessment_2559")
    assert (document.kind, document.genre, document.academic_year_be, document.fiscal_year_be) == (
        "indicator_table", "sar", 2559, None)
    row = find(document, 64, "ตัวบ่งชี้ที่ 2.2")
    assert (row.code, row.unit, row.target_value, row.result_value, row.score, row.year_be) == ("2.2", "ข้อ", 6, 6, 4, 2559)
    section = find(document, 18, "กระบวนการพัฒนาแผน")
    assert (section.code, section.target_value, section.result_value, section.score) == ("1.1", 5, 8, 5)


@needs_shared
def test_real_internal_qa_results():
    document = real("rbru_arit_internal_QA_assessment_results_2560")
    assert (document.genre, document.academic_year_be) == ("qa_results", 2560)
    assert [(r.code, r.score) for r in document.indicators] == [
        ("1.1", 5), ("2.1", 5), ("2.2", 4), ("2.3", 5), ("2.4", 4), ("3.1", 5), ("4.1", 4),
        ("5.1", 5), ("5.2", 5), ("5.3", 5), ("5.4", 5), ("5.5", 5)]
    row = find(document, 6, "ภาวะผู้นำของคณะกรรมการประจำหน่วยงาน")
    assert (row.target_value, row.result_value, row.unit, row.group) == (6, 6, "ข้อ", "องค์ประกอบที่ 2 การบริหารและการจัดการ")


@needs_shared
def test_real_ita_scores():
    document = real("phitsanulok_muni_ita_integrity_measures_fy2567")
    assert (document.genre, document.fiscal_year_be) == ("ita", 2567)
    item = find(document, 2, "เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติหรือให้บริการแก่บุคคลภายนอก")
    assert (item.code, item.score, item.year_be) == ("i1", 93.62, 2566)
    assert find(document, 2, "การใช้งบประมาณ").score == 90.92


@needs_shared
def test_real_annual_report_plan_and_quality_tables():
    document = real("rbru_arit_annual_report_2552")
    assert (document.genre, document.fiscal_year_be) == ("annual_report", 2552)
    plan = find(document, 13, "จำนวนนักศึกษาที่เข้ารับการอบรม")
    assert (plan.unit, plan.target_value) == ("คน", 150)
    quality = find(document, 64, "ตัวบ่งชี้ 1.2")
    assert (quality.code, quality.unit, quality.target_value, quality.result_value, quality.score, quality.achieved) == (
        "1.2", "ร้อยละ", 80, 77.27, 2, False)
    component = find(document, 68, "ตัวบ่งชี้ที่ 1.1")
    assert (component.target_value, component.result_value, component.score, component.achieved) == (6, 5, 2, False)


@needs_shared
def test_real_kpi_template_book():
    document = real("moph_kpi_template_fy2559")
    assert (document.genre, document.fiscal_year_be) == ("kpi_template", 2559)
    first = find(document, 1, "อัตราส่วนการตายมารดา")
    assert (first.code, first.target_value, first.target_comparator, first.unit) == ("1", 15, "<=", "ต่อการเกิดมีชีพแสนคน")
    second = find(document, 3, "ร้อยละของเด็กมี")
    assert (second.target_value, second.unit) == (85, "ร้อยละ")


@needs_shared
def test_real_assessment_forms_list_their_35_items():
    for name in ("ddc_child_centre_disease_free_assessment_filled_sakonnakhon_2557",
                 "ddc_kindergarten_disease_free_assessment_form_2557"):
        document = real(name)
        assert (document.kind, document.genre) == ("indicator_table", "assessment_form")
        assert [r.code for r in document.indicators] == [str(n) for n in range(1, 36)]
    blank = real("ddc_kindergarten_disease_free_assessment_form_2557")
    assert all(r.score is None for r in blank.indicators)
    assert find(real("ddc_child_centre_disease_free_assessment_filled_sakonnakhon_2557"), 3,
                "ครูและผู้ดูแลเด็กทุกคน ได้รับการตรวจสุขภาพ").code == "4"


def test_bug_a_header_split_with_its_name_label_in_the_second_row_is_read():
    # The FY2562 scan's table as OCR reads it: the value labels in the top row, the name label
    # (ตัวชี้วัด) in the row below, a round and a legend's marker among the labels.
    found = records(doc(
        (2, 1, "", "", "เป้าหมาย", "ผลการ\nดำเนินงาน", "งบประมาณที่ได้รับจัดสรร", "สรุปสถานะ\n๑ เกินเป้า"),
        (2, 1, "ผลผลิต/โครงการ/กิจกรรม", "ตัวชี้วัด", "ปี 2562", "รอบ 6 เดือน", "งปม .", "บรรลุเป้า"),
        (2, 1, "พัฒนาฐานข้อมูลท้องถิ่น", "การให้บริการแบบออนไลน์", "2 ฐานข้อมูล", "2 ฐานข้อมูล", "", "บรรลุเป้า"),
        (2, 1, "โครงการจัดซื้อทรัพยากร", "มีทรัพยากรสารสนเทศที่ทันสมัย", "120 รายการ", "อยู่ระหว่างดำเนินการ",
         "300,000", "ไม่บรรลุเป้า")))
    assert [(r.name, r.target_value, r.result_value, r.unit) for r in found] == [
        ("การให้บริการแบบออนไลน์", 2, 2, "ฐานข้อมูล"), ("มีทรัพยากรสารสนเทศที่ทันสมัย", 120, None, "รายการ")]


def test_a_round_in_a_header_label_is_not_a_value():
    found = records(doc((1, 0, "ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน รอบ 6 เดือน"),
                        (1, 0, "จำนวนผู้เข้าอบรม", "200 คน", "256 คน")))
    assert [(r.name, r.target_value, r.result_value) for r in found] == [("จำนวนผู้เข้าอบรม", 200, 256)]


_SPLIT_TOP = ("", "", "เป้าหมาย", "ผลการ\nดำเนินงาน", "งบประมาณที่ได้รับจัดสรร", "สรุปสถานะ\n๑ เกินเป้า")
_SPLIT_BOTTOM = ("ผลผลิต/โครงการ/กิจกรรม", "ตัวชี้วัด", "ปี 2562", "รอบ 6 เดือน", "งปม .", "บรรลุเป้า")


def test_bug_a_header_printed_again_with_a_damaged_label_is_the_open_header():
    # The FY2562 scan, pp.2-3: OCR reads the repeated header's ตัวชี้วัด as "5 po)" and its
    # status label as "สรุปสถาวนะ"; the rows under it are read with the header of p.2.
    found = records(doc(
        (2, 1, *_SPLIT_TOP), (2, 1, *_SPLIT_BOTTOM),
        (2, 1, "พัฒนาฐานข้อมูลท้องถิ่น", "การให้บริการแบบออนไลน์", "2 ฐานข้อมูล", "2 ฐานข้อมูล", "", "บรรลุเป้า"),
        (3, 2, "", "", "เป้าหมาย", "ผลการ\nดำเนินงาน", "งบประมาณที่ได้รับจัดสรร", "สรุปสถาวนะ\nเกินเป้า"),
        (3, 2, "ผลผลิต/โครงการ/กิจกรรม", "5\npo)", "U2562", "รอบ 6 เดือน", "งปม .", "บรรลุเป้า"),
        (3, 2, "ดำเนินงานสำนักวิทยบริการ", "มีเครื่องมือและสื่อการเรียนรู้", "80 รายการ", "อยู่ระหว่างดำเนินการ",
         "120,000", "ไม่บรรลุเป้า")))
    assert [(r.page, r.name, r.target_value, r.unit, r.achieved) for r in found] == [
        (2, "การให้บริการแบบออนไลน์", 2, "ฐานข้อมูล", True),
        (3, "มีเครื่องมือและสื่อการเรียนรู้", 80, "รายการ", False)]


def test_a_row_with_its_indicator_cell_merged_above_is_named_by_its_project():
    # The indicator cell is merged over the rows under its first: each row with values of its
    # own is a record, named by its project; a row without values is not one.
    found = records(doc(
        (3, 1, *_SPLIT_TOP), (3, 1, *_SPLIT_BOTTOM),
        (3, 1, "ดำเนินงานสำนักวิทยบริการ", "มีเครื่องมือและสื่อการเรียนรู้", "80 รายการ", "อยู่ระหว่างดำเนินการ",
         "120,000", "ไม่บรรลุเป้า"),
        (3, 1, "โครงการบำรุงรักษาระบบห้องสมุด", "", "4 ครั้ง", "4 ครั้ง", "250,000", "บรรลุเป้า"),
        (3, 1, "โครงการบำรุงรักษาเครื่องแม่ข่าย", "", "2 ครั้ง", "", "50,000", "บรรลุเป้า"),
        (3, 1, "ยุทธศาสตร์ที่ 4 การพัฒนาระบบบริหาร", "", "", "", "", "")))
    assert [(r.name, r.target_value, r.result_value, r.unit, r.achieved) for r in found] == [
        ("มีเครื่องมือและสื่อการเรียนรู้", 80, None, "รายการ", False),
        ("โครงการบำรุงรักษาระบบห้องสมุด", 4, 4, "ครั้ง", True),
        ("โครงการบำรุงรักษาเครื่องแม่ข่าย", 2, None, "ครั้ง", True)]


def test_a_certain_kind_ends_the_search_and_a_tie_goes_to_the_first(monkeypatch):
    asked = []

    def kind(name, confidence):
        def detect(parsed):
            asked.append(name)
            return confidence
        return SimpleNamespace(KIND=name, detect=detect)

    monkeypatch.setattr(registry, "KINDS", (kind("a", 0.5), kind("b", 1.0), kind("c", 1.0)))
    assert registry.classify(ParsedDocument(format="pdf", pages=1)).KIND == "b"
    assert asked == ["a", "b"]
    asked.clear()
    monkeypatch.setattr(registry, "KINDS", (kind("a", 0.5), kind("b", 0.5), kind("c", 0.0)))
    assert registry.classify(ParsedDocument(format="pdf", pages=1)).KIND == "a"
    assert asked == ["a", "b", "c"]

