"""A framework whose indicators are lists (issue 23, class 5): samples/framework_2553_department_lists
(scripts/samplegen/specs_rounds.py), in HTML and as Chromium prints it."""
import pytest

from snapshots import SAMPLES, processed
from thaikpi.pipeline.readers.pdf_reader import read_pdf

NAMES = ["framework_2553_department_lists.utf8.html", "framework_2553_department_lists.chromium.pdf"]


def _doc(name):
    return processed(SAMPLES / name)


@pytest.mark.parametrize("name", NAMES)
def test_bullets_with_neither_code_nor_weight_are_indicators(name):
    doc = _doc(name)
    assert [(i.code, i.name, i.weight) for i in doc.indicators if i.dimension == 2] == [
        (None, "ร้อยละของระดับความพึงพอใจของผู้รับบริการ", None),
        (None, "ระดับความสำเร็จของการเปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วม", None)]
    assert not [f for f in doc.flags if f.check == "missing_field"]


@pytest.mark.parametrize("name", NAMES)
def test_a_weight_in_parentheses_after_a_name_is_its_weight(name):
    # "มิติที่ 1 : มิติด้านประสิทธิผลตามพันธกิจ (น้ำหนักร้อยละ 50)"
    doc = _doc(name)
    assert [(d.name, d.weight) for d in doc.dimensions] == [
        ("มิติด้านประสิทธิผลตามพันธกิจ", 50), ("มิติด้านคุณภาพการให้บริการ", 20),
        ("มิติด้านประสิทธิภาพของการปฏิบัติราชการ", 10), ("มิติด้านการพัฒนาองค์การ", 20)]


@pytest.mark.parametrize("name", NAMES)
def test_parts_are_counted_once_and_a_list_that_does_not_add_up_is_flagged(name):
    # dimension 1: 1 (30) = 1.1 + 1.2; dimension 4: 7 (10) = two uncoded bullets (5 + 5);
    # dimension 3: 4 + 4 = 8, not 10 (planted)
    doc = _doc(name)
    sums = [(f.indicator_code, f.reported, f.expected) for f in doc.flags if f.check == "weight_sum_mismatch"]
    assert sums == [(None, 10, 8)]
    parts = [(i.code, i.weight) for i in doc.indicators if i.dimension == 4]
    assert parts == [("7", 10), (None, 5), (None, 5), ("8", 10)]


@pytest.mark.parametrize("name", NAMES)
def test_an_example_slide_is_not_part_of_the_framework(name):
    # "ตัวอย่างการเขียนตัวชี้วัดย่อยในมิติที่ 1" lists 1.3 and 1.4 as illustrations
    codes = [i.code for i in _doc(name).indicators]
    assert codes == ["1", "1.1", "1.2", "2", None, None, "5", "6", "7", None, None, "8"]


def test_a_browser_bullet_is_not_a_checkbox():
    # Chromium draws • and ◦ as small circles: filled, the disc read as a checked box "☑"
    parsed = read_pdf((SAMPLES / NAMES[1]).read_bytes())
    assert not [line.text for line in parsed.lines if "☑" in line.text or "☐" in line.text]
