"""Issue 23's layouts (classes 1, 3, 4, 6): reports printed by Chromium from HTML with
hanging-indent lists and justified Thai (scripts/samplegen/specs_layouts.py). Each test pins
one rule against what the document says."""
from __future__ import annotations

from conftest import SAMPLES
from snapshots import processed
from thaikpi.extractors.me_budget import budget
from thaikpi.pipeline.text import find_fiscal_year, split_items

KPI = SAMPLES / "kpi_2553_2-1_complaints_hanging.chromium.pdf"
ME = SAMPLES / "me_2567_q3_water_hanging.chromium.pdf"


def test_items_wrapped_under_a_hanging_indent_are_counted_once():
    # 4 measures ("1)".."5)", 4 skipped), 6 evidence items (1. 2. 4. ๑. ก. ข.), 2 unnumbered
    # suggestions: each wraps onto 2-3 justified lines, one list across a page break
    indicator = processed(KPI).indicators[0]
    assert [len(indicator.measures), len(indicator.support_factors), len(indicator.obstacles),
            len(indicator.suggestions), len(indicator.evidence)] == [4, 2, 2, 2, 6]
    assert indicator.measures[0].endswith("ผ่านระบบสารสนเทศของจังหวัดทุกสัปดาห์")
    assert indicator.evidence[1].doc_refs == ["ลป 0017.3/ว 2281"]


def test_marks_painted_at_a_page_foot_are_not_a_line():
    # Chromium paints the marks of a line moved to the next page at the foot of this one too
    assert not any(len(m) < 5 for m in processed(KPI).indicators[0].measures)


def test_fiscal_year_from_the_body_not_a_budget_acts():
    # no year in the title; the description names the budget act of 2552 first, the score
    # table's head names the report's year, 2553
    assert processed(KPI).fiscal_year_be == 2553
    assert find_fiscal_year("ตามพระราชบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2552 และผลการดำเนินงานปีงบประมาณ พ.ศ. 2553") == 2553


def test_me_project_name_wrapped_centred_is_whole_and_budget_read_from_a_table():
    project = processed(ME).project
    assert project.name == ("โครงการพัฒนาแหล่งน้ำขนาดเล็กเพื่อการเกษตรและการอุปโภคบริโภคของชุมชน"
                            "ในพื้นที่ลุ่มน้ำยมตอนบนแบบมีส่วนร่วมของประชาชน")
    assert (project.budget_received_baht, project.budget_disbursed_baht) == (2_500_000, 1_834_250)
    assert [len(item.details) for item in project.outputs] == [4, 1]


def test_budget_label_and_amount_on_separate_lines_or_rows():
    assert budget([("งบประมาณที่ได้รับ", 1), ("3,450,000 บาท", 1)])["received"] == 3_450_000
    assert budget([("งบประมาณที่ได้รับจัดสรร เบิกจ่าย", 1), ("2.5 ล้านบาท 1,834,250 บาท", 1)]) == \
        {"received": 2_500_000, "disbursed": 1_834_250}
    assert budget([("งบประมาณที่ได้รับ (ล้านบาท) 1.75", 1)])["received"] == 1_750_000


def test_no_flag_where_the_numbers_agree():
    assert processed(KPI).flags == [] and processed(ME).flags == []


def test_thai_letter_and_bullet_markers_are_not_item_text():
    assert split_items("ก. บันทึกข้อตกลง\n๏ ภาพถ่าย\nสำนักงาน ก.พ.ร.") == ["บันทึกข้อตกลง", "ภาพถ่ายสำนักงาน ก.พ.ร."]


DOCX = SAMPLES / "me_2567_q2_elderly_care_docx.lo_docx.pdf"


def test_docx_in_thai_distributed_justification_reads_whole():
    # Word's format with w:jc thaiDistribute, exported by LibreOffice (ragged right): items
    # wrap under hanging indents; headings are told from text by the paragraph spacing
    project = processed(DOCX).project
    assert [len(project.outputs), len(project.outputs[0].details), len(project.outcomes),
            len(project.kpis), len(project.problems), len(project.suggestions)] == [1, 4, 1, 1, 1, 1]
    assert project.outputs[0].details[2].endswith("ประเมินทักษะการดูแล 45 คน")


def test_docx_year_only_in_the_body_after_a_budget_acts_year():
    # no year in the title or heads; the budget act of 2566 comes first, the summary names 2567
    assert processed(DOCX).fiscal_year_be == 2567


def test_docx_project_name_in_the_cell_after_its_label_and_budget_under_its_labels():
    project = processed(DOCX).project
    assert project.name == ("โครงการส่งเสริมการดูแลผู้สูงอายุระยะยาวโดยชุมชนและอาสาสมัครดูแลผู้สูงอายุ"
                            "ในเขตเทศบาลและองค์การบริหารส่วนตำบล")
    # "งบประมาณที่ได้รับจัดสรร (ล้านบาท)" over "3.45", "เบิกจ่ายแล้ว (บาท)" over "1,276,400"
    assert (project.budget_received_baht, project.budget_disbursed_baht) == (3_450_000, 1_276_400)
    assert processed(DOCX).flags == []
