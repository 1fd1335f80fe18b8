"""The framework extractor's grammar, one test per shape a framework table reaches us in, and
the weight checks. Seed 001 (../shared/seeds/001, a slide-share dump) is read as it is."""
import pytest

from conftest import SEEDS
from thaikpi.extractors import framework
from thaikpi.pipeline.checks.sums import framework_flags
from thaikpi.schemas.document import Dimension, Indicator
from thaikpi.schemas.parsed import Line, ParsedDocument
from conftest import needs_shared


def read(*texts: str, fmt="html") -> framework.Framework:
    lines = [Line(cells=(t,), page=1, paragraph_start=True) for t in texts]
    return framework.parse(ParsedDocument(format=fmt, pages=1, lines=lines))


def items(found):
    return [(i.code, i.name, i.weight, i.dimension) for i in found.indicators]


def test_row_order_codes_names_weights():
    found = read("มิติที่ 2 : มิติด้านคุณภาพการให้บริการ 15 ความพึงพอใจของผู้รับบริการ "
                 "3.1 ร้อยละของระดับความพึงพอใจของผู้รับบริการ 5 3.2 ระดับความสำเร็จของการจัดตั้งศูนย์บริการร่วม 4")
    assert [(d.number, d.name, d.weight) for d in found.dimensions] == [(2, "มิติด้านคุณภาพการให้บริการ", 15)]
    assert items(found) == [("3.1", "ร้อยละของระดับความพึงพอใจของผู้รับบริการ", 5, 2),
                            ("3.2", "ระดับความสำเร็จของการจัดตั้งศูนย์บริการร่วม", 4, 2)]


def test_a_table_flattened_by_column_pairs_codes_names_and_weights_in_order():
    found = read("มิติที่ 2 : มิติด้านคุณภาพ 3 ความโปร่งใสในการปฏิบัติราชการ 5.1 5.2 "
                 "ระดับความสำเร็จในการเปิดเผยข้อมูลข่าวสาร ระดับความสำเร็จของมาตรการป้องกันการทุจริต 1 2")
    assert items(found) == [("5.1", "ระดับความสำเร็จในการเปิดเผยข้อมูลข่าวสาร", 1, 2),
                            ("5.2", "ระดับความสำเร็จของมาตรการป้องกันการทุจริต", 2, 2)]


def test_a_number_before_a_group_title_is_a_weight_and_before_a_name_a_code():
    # "4 การมีส่วนร่วม..." ends 3.2; "4. ระดับ..." opens indicator 4; "10 ระดับคุณภาพ" is code 10
    found = read("มิติที่ 2 : มิติด้านคุณภาพ 15 3.2 ระดับความสำเร็จของศูนย์บริการร่วม 4 การมีส่วนร่วมของประชาชน "
                 "4. ระดับความสำเร็จในการเปิดโอกาสให้ประชาชนมีส่วนร่วม 3 การจัดการสารสนเทศ 10 ระดับคุณภาพของฐานข้อมูล 6")
    assert [(c, w) for c, _, w, _ in items(found)] == [("3.2", 4), ("4", 3), ("10", 6)]


def test_a_weight_and_the_next_code_in_one_run_of_numbers():
    # table rows joined: "... 3.2 name | 4" then "4. name | 3" -> "4 4." in a row
    found = read("มิติที่ 2 : มิติด้านคุณภาพ 15 3.2 ระดับความสำเร็จของศูนย์บริการร่วม 4 4. ระดับความสำเร็จของการมีส่วนร่วม 3")
    assert [(c, w) for c, _, w, _ in items(found)] == [("3.2", 4), ("4", 3)]


def test_continued_dimension_and_a_note_with_a_group_total():
    found = read("มิติที่ 1 : มิติด้านประสิทธิผล 50 ผลสำเร็จตามแผน 2.2 ระดับความสำเร็จของการพัฒนาสังคม** (18)",
                 "ประเด็นการประเมินผล น้ำหนัก มิติที่ 1 : มิติด้านประสิทธิผล(ต่อ) หมายเหตุ ** ตัวชี้วัด 2.2 "
                 "(น้ำหนักรวมร้อยละ 18) ประกอบด้วย 2.2.1 ร้อยละที่ลดลงของครัวเรือนยากจน (3) "
                 "2.2.2 ระดับความสำเร็จในการป้องกันอาชญากรรม (1.5)")
    assert [(d.number, d.weight) for d in found.dimensions] == [(1, 50)]
    assert [(c, n, w, d) for c, n, w, d in items(found)] == [
        ("2.2", "ระดับความสำเร็จของการพัฒนาสังคม", 18, 1),
        ("2.2.1", "ร้อยละที่ลดลงของครัวเรือนยากจน", 3, 1),
        ("2.2.2", "ระดับความสำเร็จในการป้องกันอาชญากรรม", 1.5, 1)]
    assert found.indicators[0].weight_total_stated == 18


def test_thai_digits_and_the_title_year_are_not_codes():
    found = read("กรอบการประเมินผลการปฏิบัติราชการของกระทรวง ประจำปีงบประมาณ พ.ศ. ๒๕๕๑ ประเด็นการประเมินผล "
                 "มิติที่ ๓ : มิติด้านประสิทธิภาพ ๑๐ ประสิทธิภาพ ๕. ระดับความสำเร็จของการลดรอบระยะเวลา ๔")
    assert found.fiscal_year_be == 2551
    assert items(found) == [("5", "ระดับความสำเร็จของการลดรอบระยะเวลา", 4, 3)]


def test_scoring_levels_flattened_attach_to_the_indicator_the_slide_names():
    found = read("มิติที่ 1 : มิติด้านประสิทธิผล 50 ผลสำเร็จ 2.1 ระดับความสำเร็จของการขับเคลื่อนยุทธศาสตร์ (20)",
                 "ตัวอย่างตัวชี้วัด 2.1 ร้อยละเฉลี่ยถ่วงน้ำหนักความสำเร็จ เกณฑ์การให้คะแนน : ระดับ 1 ระดับ 2 ระดับ 3 "
                 "ระดับ 4 ระดับ 5 ร้อยละ 80 ร้อยละ 85 ร้อยละ 90 ร้อยละ 95 ร้อยละ 100 พร้อมแสดงผลผลิต")
    ind = found.indicators[0]
    assert ind.criteria_kind == "numeric"
    assert [(c.level, c.text, c.value) for c in ind.criteria] == [
        (1, "ร้อยละ 80", 80), (2, "ร้อยละ 85", 85), (3, "ร้อยละ 90", 90), (4, "ร้อยละ 95", 95), (5, "ร้อยละ 100", 100)]


def test_levels_that_neither_rise_nor_fall_are_not_criteria():
    assert framework.scoring_levels("เกณฑ์การให้คะแนน ระดับ 1 ระดับ 2 ระดับ 3 ระดับ 4 ระดับ 5 "
                                    "ร้อยละ 80 ร้อยละ 95 ร้อยละ 85 ร้อยละ 90 ร้อยละ 100") is None


def test_site_chrome_is_not_read_and_a_page_without_dimensions_is_no_framework():
    page = ParsedDocument(format="html", pages=1, lines=[
        Line(cells=("งานนำเสนอกำลังจะดาวน์โหลด โปรดรอ",), page=1),
        Line(cells=("กรอบการประเมินผลการปฏิบัติราชการของจังหวัด",), page=1),
        Line(cells=("Ads by Google",), page=1)])
    assert not framework.is_framework(page)


@needs_shared
def test_seed_001_as_dumped():
    seed = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    found = read(*[p.replace("\n", " ") for p in seed.split("\n\n") if p.strip()])
    assert found.fiscal_year_be == 2550
    assert [(d.number, d.weight) for d in found.dimensions] == [(1, None), (2, 15), (3, 10), (4, 25)]
    got = {c: (w, d) for c, _, w, d in items(found)}
    # slide 21 row by row and by column, slide 22, slide 23: as the dump gives them
    assert got["3.1"] == (5, 2) and got["3.2"] == (4, 2) and got["4"] == (3, 2)
    assert got["5.1"] == (1, 2) and got["5.2"] == (2, 2)
    assert got["6.1"] == (4, 3) and got["6.2"] == (3, 3) and got["7"] == (None, 3)
    assert got["8"] == (5, 4) and got["10"] == (6, 4)
    assert found.indicators[[i.code for i in found.indicators].index("2.2")].weight_total_stated == 18


def dims(*weights):
    return [Dimension(number=n, name=f"มิติ {n}", weight=w, page=n) for n, w in enumerate(weights, 1)]


@pytest.mark.parametrize("weights, flagged", [((50, 15, 10, 25), []), ((50, 15, 10, 20), [(100, 95)])])
def test_dimension_weights_add_up_to_100(weights, flagged):
    flags = framework_flags(dims(*weights), [])
    assert [(f.check, f.reported, f.expected) for f in flags] == [("weight_sum_mismatch", *x) for x in flagged]


def test_a_dimension_against_its_indicators_and_a_parent_against_its_sub_indicators():
    indicators = [
        Indicator(code="1", weight=20, dimension=1), Indicator(code="2", weight=30, dimension=1),
        Indicator(code="2.1", weight=20, dimension=1), Indicator(code="2.2", weight=9.5, dimension=1),
        Indicator(code="3", weight=40, dimension=2), Indicator(code="4", weight=10, dimension=2),
        Indicator(code="5", weight=None, dimension=2),  # unknown weight: dimension 2 is not checked
    ]
    flags = framework_flags(dims(50, 50), indicators)
    assert [(f.indicator_code, f.reported, f.expected) for f in flags] == [("2", 30, 29.5)]
    assert "2.1 (20) + 2.2 (9.5)" in flags[0].evidence


def test_a_stated_group_total_is_the_whole_its_parts_are_checked_against():
    indicators = [Indicator(code="2.2", weight=18, weight_total_stated=18, dimension=1),
                  Indicator(code="2.2.1", weight=10, dimension=1), Indicator(code="2.2.2", weight=7, dimension=1)]
    flags = framework_flags(dims(18), indicators)
    assert [(f.indicator_code, f.reported, f.expected) for f in flags] == [("2.2", 18, 17)]
