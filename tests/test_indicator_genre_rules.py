"""Rules of the indicator-table extractor that the genre samples asked for, on hand-built
documents: an achievement column headed บรรลุ, a cost indicator that begins like a money
line, a target in คะแนน, total and average rows checked but not kept, and a KPI table of
weights over scoring levels 1-5."""
from thaikpi.extractors import framework, indicator_table, registry
from thaikpi.pipeline.checks.indicators import check_indicators
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Document, Indicator
from thaikpi.schemas.flags import WeightSumMismatch
from thaikpi.schemas.parsed import Line, ParsedDocument


def doc(*rows, text=()):
    """Text lines first, then table rows: (page, table, cells...) tuples."""
    lines = [Line(cells=(t,), page=1) for t in text]
    lines += [Line(cells=tuple(cells), page=page, table=table) for page, table, *cells in rows]
    return ParsedDocument(format="pdf", pages=max(l.page for l in lines), lines=lines)


HEAD = (1, 0, "ลำดับ", "โครงการ/ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน", "บรรลุ")


def test_a_column_headed_only_barlu_holds_the_achievement_marks():
    found = indicator_table.extract(doc(HEAD, (1, 0, "1", "โครงการอบรม", "300 คน", "342 คน", "✓"),
                                        (1, 0, "2", "โครงการพัฒนาระบบ", "ร้อยละ 100", "ร้อยละ 60", "✗"),
                                        (1, 0, "3", "ความพึงพอใจ", "ร้อยละ 80", "ร้อยละ 86", "✔"))).indicators
    assert [(r.code, r.achieved) for r in found] == [("1", True), ("2", False), ("3", True)]


def test_an_average_cost_indicator_is_not_a_money_line():
    found = indicator_table.extract(doc(
        (1, 0, "ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย"),
        (1, 0, "ค่าใช้จ่ายเฉลี่ยในการพัฒนาทักษะต่อคน", "บาท", "2,450"),
        (1, 0, "ค่าใช้จ่ายบุคลากร", "บาท", "1,000,000"))).indicators
    assert [(r.name, r.unit, r.target_value) for r in found] == [("ค่าใช้จ่ายเฉลี่ยในการพัฒนาทักษะต่อคน", "บาท", 2450)]


def test_a_target_printed_in_scores_keeps_its_unit():
    found = indicator_table.extract(doc((1, 0, "ตัวบ่งชี้", "เป้าหมาย", "ผลการดำเนินงาน", "คะแนน"),
                                        (1, 0, "ตัวบ่งชี้ที่ 1.1 ผลการบริหารหลักสูตร", "3.51\nคะแนน", "3.80", "3.80"),
                                        (1, 0, "ตัวบ่งชี้ที่ 1.2 อาจารย์ปริญญาเอก", "ร้อยละ 20", "ร้อยละ 24", "3.02"))
                                    ).indicators
    assert [(r.code, r.unit) for r in found] == [("1.1", "คะแนน"), ("1.2", "ร้อยละ")]


SAR = ((1, 0, "ตัวบ่งชี้", "เป้าหมาย", "ผลการดำเนินงาน", "คะแนน"),
       (1, 0, "องค์ประกอบที่ 1 การผลิตบัณฑิต", "", "", ""),
       (1, 0, "ตัวบ่งชี้ที่ 1.1 หลักสูตร", "5 ข้อ", "6 ข้อ", "5.00"),
       (2, 1, "ตัวบ่งชี้", "เป้าหมาย", "ผลการดำเนินงาน", "คะแนน"),
       (2, 1, "องค์ประกอบที่ 2 การวิจัย", "", "", ""),
       (2, 1, "ตัวบ่งชี้ที่ 2.1 งานวิจัย", "5 ข้อ", "5 ข้อ", "4.00"))


def test_an_average_row_over_a_table_continued_on_the_next_page_is_checked_not_kept():
    found = indicator_table.extract(doc(*SAR, (2, 1, "คะแนนเฉลี่ย", "", "", "4.80")))
    assert [r.code for r in found.indicators] == ["1.1", "2.1"]
    [flag] = found.flags
    assert (flag.check, flag.page, flag.reported, flag.expected) == ("total_mismatch", 2, 4.8, 4.5)
    assert flag.message == "score (average) total 4.8 reported, but 5 + 4, / 2 add up to 4.5"


def test_an_average_row_that_agrees_raises_nothing():
    assert indicator_table.extract(doc(*SAR, (2, 1, "คะแนนเฉลี่ย", "", "", "4.50"))).flags == []


LEVELS = ((2, 0, "ตัวชี้วัด", "", "น้ำหนัก\n(ร้อยละ)", "เกณฑ์การให้คะแนน", "", "", "", ""),
          (2, 0, "", "", "", "1", "2", "3", "4", "5"),
          (2, 0, "1.1", "ร้อยละของครัวเรือนที่มีรายได้เพิ่ม", "60", "80", "85", "90", "95", "100"),
          (3, 1, "ตัวชี้วัด", "", "น้ำหนัก\n(ร้อยละ)", "เกณฑ์การให้คะแนน", "", "", "", ""),
          (3, 1, "", "", "", "1", "2", "3", "4", "5"),
          (3, 1, "2.1", "ระดับความสำเร็จของการจัดการความรู้", "35", "ขั้นที่ 1", "ขั้นที่ 2", "ขั้นที่ 3",
           "ขั้นที่ 4", "ขั้นที่ 5"))
FRAMEWORK_TEXT = ("กรอบการประเมินผลการปฏิบัติราชการ 4 มิติ", "มิติที่ 1 ด้านประสิทธิผล")


def test_a_kpi_table_of_weights_over_levels_reads_code_name_weight_and_level_3_as_target():
    found = indicator_table.extract(doc(*LEVELS, (3, 1, "รวม", "", "100", "", "", "", "", ""))).indicators
    assert [(r.code, r.name, r.weight, r.target_value, r.score) for r in found] == [
        ("1.1", "ร้อยละของครัวเรือนที่มีรายได้เพิ่ม", 60, 90, None),
        ("2.1", "ระดับความสำเร็จของการจัดการความรู้", 35, 3, None)]


def test_a_weight_total_row_is_checked_against_the_weights_listed_on_its_page():
    [flag] = indicator_table.extract(doc(*LEVELS, (3, 1, "รวม", "", "100", "", "", "", "", ""))).flags
    assert (flag.check, flag.page, flag.reported, flag.expected) == ("weight_sum_mismatch", 3, 100, 95)


def test_a_framework_laid_out_as_a_kpi_table_of_levels_is_read_as_an_indicator_table():
    parsed = doc(*LEVELS, text=FRAMEWORK_TEXT)
    assert framework.detect(parsed) == framework.LEVEL_TABLE_CONFIDENCE < indicator_table.detect(parsed)
    assert registry.classify(parsed) is indicator_table


def test_weights_compared_with_their_total_row_are_not_compared_with_100_again():
    stated = WeightSumMismatch.make(reported=100, expected=95, whole="the row 'รวม'", parts="the weights", page=3)
    weighted = [Indicator(code=c, name=c, weight=w, page=2) for c, w in (("1", 60), ("2", 35))]
    doc_ = Document(source="x.pdf", doc_id="sha256:0", kind="indicator_table", indicators=weighted, flags=[stated])
    assert [(f.check, f.page) for f in check_indicators(doc_, Settings()).flags] == [("weight_sum_mismatch", 3)]
