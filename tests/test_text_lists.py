"""Page numbers, list markers and wrapped lines (pipeline/text/lists.py)."""
import pytest

from thaikpi.pipeline import text as tt


def test_a_wrap_between_thai_letters_joins_with_nothing_any_other_with_a_space():
    assert tt.join_wrapped("สำนักบริหาร", "ยุทธศาสตร์") == "สำนักบริหารยุทธศาสตร์"
    assert tt.join_wrapped("พ.ศ.", "2552") == "พ.ศ. 2552"
    assert tt.join_wrapped("ขั้นตอนที่", "๑+๒") == "ขั้นตอนที่ ๑+๒"  # Thai digits are not letters
    assert tt.join_wrapped("(Annual", "Report)") == "(Annual Report)"


def test_a_break_after_a_hyphen_between_digits_joins_with_nothing():
    # LibreOffice wraps a phone number after its hyphen: "0-2222-" / "4103"
    assert tt.join_wrapped("โทรศัพท์ : 0-2222-4102 , 0-2222-", "4103") == "โทรศัพท์ : 0-2222-4102 , 0-2222-4103"
    assert tt.join_wrapped("ปี ๒๕๕๕-", "๒๕๕๖") == "ปี ๒๕๕๕-๒๕๕๖"
    assert tt.join_wrapped("ตัวชี้วัด -", "2556") == "ตัวชี้วัด - 2556"  # a dash after a space: a space
    assert tt.join_wrapped("ฉบับ 2-", "ก") == "ฉบับ 2- ก"  # no digit after: a space


def test_a_break_at_a_slash_that_touches_its_text_joins_with_nothing():
    # rbru_arit_annual_report_2552 p.65: a target cell "1 เครื่อง/วัน/" over "คน", whose unit
    # is "เครื่อง/วัน/คน" (the result cell beside it prints it on one line)
    assert tt.join_wrapped("1 เครื่อง/วัน/", "คน") == "1 เครื่อง/วัน/คน"
    assert tt.join_wrapped("21 รายการ", "/คน") == "21 รายการ/คน"
    assert tt.join_wrapped("ผลผลิต/", "Output") == "ผลผลิต/Output"
    assert tt.join_wrapped("แผน /", "ผล") == "แผน / ผล"  # a slash set off by spaces: a space
    assert tt.join_wrapped("แผน", "/ ผล") == "แผน / ผล"
    assert tt.join_wrapped("/", "คน") == "/ คน"  # a slash alone touches nothing


def test_an_item_marker_or_a_known_break_starts_a_paragraph():
    lines = ["- พิจารณาจาก", "ระดับ", "(1) ใช้กลไก", "ของ", "", "ทั้งนี้ รายละเอียด", "1 ถึง ผต.มท."]
    assert tt.join_lines(lines) == "- พิจารณาจากระดับ\n(1) ใช้กลไกของ\nทั้งนี้ รายละเอียด 1 ถึง ผต.มท."


@pytest.mark.parametrize("text,expected", [
    ("1. ก", True), ("1.1 ก", True), ("(1) ก", True), ("๑. ก", True), ("- ก", True), ("• ก", True),
    ("1 ถึง", False), ("ก 1.", False), ("2552 แล้วเสร็จ", False),
])
def test_list_markers(text, expected):
    assert tt.is_list_marker_start(text) is expected


def test_numbered_list_run_into_one_line_splits_only_on_counting_numbers():
    assert tt.split_inline_numbered("1. นาย ก ผอ.สบ. 2. นาง ข น.วค.1 3. นาย ค") == ["นาย ก ผอ.สบ.", "นาง ข น.วค.1", "นาย ค"]


@pytest.mark.parametrize("text", ["- 2 -", "– ๑๒ –", "(3)", "หน้า 2", "หน้า ๒ จาก ๕", "2/5", "Page 4 of 9", "7"])
def test_a_page_number_as_documents_print_it(text):
    assert tt.is_page_number(text)


@pytest.mark.parametrize("text", ["", "2552", "- ร้อยละ 80 -", "1. จัดทำแผน", "2,000,000 บาท", "ระดับ 2"])
def test_text_that_is_not_a_page_number(text):
    assert not tt.is_page_number(text)
