"""What the OCR'd lines of a page are made into without Tesseract (issue 24): section heads put
right by their consonants, list markers read as signs put right where the list proves the
number, paragraphs judged from the page's geometry as for a text layer. No OCR runs here."""
from __future__ import annotations

from thaikpi.pipeline.readers.ocr_cells import keeps_numbers, misread, unsure_latin
from thaikpi.pipeline.readers.ocr_mark_lines import without_mark_lines
from thaikpi.pipeline.readers.ocr_page import CELL_LABELS, LABELS, _text_lines, corrected
from thaikpi.pipeline.readers.ocr_tables import Word
from thaikpi.pipeline.settings import Settings
from thaikpi.pipeline.text.ocr_fixes import fix_label_cell, fix_label_line
from thaikpi.pipeline.text.ocr_markers import fixed_markers
from thaikpi.schemas.parsed import Line


def test_a_section_head_alone_on_its_line_is_put_right_by_its_consonants():
    assert fix_label_line("ดัชนีชีวัดความสำเร็จ", LABELS) == "ดัชนีชี้วัดความสำเร็จ"  # MAI THO lost
    assert fix_label_line("เป้า หมายเชิงผลผลิต (Output)", LABELS) == "เป้าหมายเชิงผลผลิต (Output)"
    # a line with more than the label (a number, other words) is not a head: kept as read
    assert fix_label_line("ดัชนีชีวัดความสำเร็จ ๑", LABELS) == "ดัชนีชีวัดความสำเร็จ ๑"
    assert fix_label_line("ผู้เข้ารับการอบรม", LABELS) == "ผู้เข้ารับการอบรม"


def test_a_list_marker_read_as_a_sign_takes_the_number_its_list_proves():
    starts = [(84, "©. บุคลากร"), (93, "จัดฝึกอบรม"), (85, "๑) หลักสูตร ก"), (84, "lo) หลักสูตร ข"),
              (86, "๓) หลักสูตร ค"), (84, "๒. คู่มือ"), (84, "@. ท้าย")]
    assert fixed_markers(starts) == ["๑. บุคลากร", "จัดฝึกอบรม", "๑) หลักสูตร ก", "๒) หลักสูตร ข",
                                     "๓) หลักสูตร ค", "๒. คู่มือ", "@. ท้าย"]  # no "๔." after it: kept
    # a digit OCR gave stays, even where the count skips; markers of another list's column
    # prove nothing
    assert fixed_markers([(84, "1. ก"), (84, "3. ข"), (84, "4. ค")]) == ["1. ก", "3. ข", "4. ค"]
    assert fixed_markers([(84, "©. ก"), (120, "2. ข")]) == ["©. ก", "2. ข"]


def _line(x0: float, top: float, text: str) -> Line:
    words = text.split(" ")
    step = 200 / len(words)
    return Line(cells=(text,), page=1, top=top, paragraph_start=False,
                words=tuple((x0 + i * step, x0 + (i + 1) * step - 4, w) for i, w in enumerate(words)))


def test_corrected_puts_a_marker_right_in_the_line_and_its_first_word():
    lines = corrected([_line(69, 100, "©. บุคลากรภาครัฐ"), _line(69, 120, "๒. คู่มือการพัฒนา")])
    assert lines[0].cells == ("๑. บุคลากรภาครัฐ",) and lines[0].words[0][2] == "๑."


def test_an_ocrd_line_indented_past_the_margin_opens_a_paragraph():
    # Tesseract put the four lines in one paragraph; the heading and the detail start indented
    # past the margin the item lines share (a pixel or two apart on a scan): each opens one
    def word(x0: float, top: float, text: str, line: int) -> Word:
        return Word(x0, top, x0 + 600, top + 40, text, 90.0, (1, 1, line))
    words = [word(230, 100, "๒. คู่มือการพัฒนา", 1), word(310, 160, "จัดทำคู่มือแล้วเสร็จ", 2),
             word(228, 220, "ทั้งสองฉบับ", 3), word(310, 280, "เป้าหมายเชิงผลลัพธ์", 4), word(231, 340, "๑. บุคลากร", 5)]
    lines = [line for _, _, line in _text_lines(words, 1, 72 / 300, Settings().reader.indent)]
    assert [line.paragraph_start for line in lines] == [True, True, False, True, False]
    assert lines[1].top == round(160 * 72 / 300, 1)


def test_a_cell_is_read_again_for_unsure_latin_and_the_reading_keeps_its_numbers():
    def word(text: str, conf: float) -> Word:
        return Word(0, 0, 10, 10, text, conf, (1, 1, 1))
    assert unsure_latin([word("2.PESRCE", 25.0), word("rere", 25.0)])  # English model on Thai
    assert not unsure_latin([word("(eDLTV)", 88.0)])  # Latin printed and read surely
    assert not unsure_latin([word("๑7", 42.0)])  # unsure, but no Latin word: left as read
    # the FY2562 scan: a re-reading surer of itself that loses a count is not taken
    assert not keeps_numbers("2 ครั้ง\n4 ครั้ง", "2 ครั้ง\nส ครั้ง")
    assert keeps_numbers("มิติที่ ๒ : มิติด้าน", "มิติที่ 2 : มิติด้าน") and keeps_numbers("aad", "มิติที่ 2")


def test_a_header_cell_whose_lines_are_labels_is_put_right_line_by_line():
    # a score table's header on a sharp page: น้ำ lost its marks, ตัวชี้วัด all of them
    assert fix_label_cell("ค่าคะแนนถ่วง\nนาหนัก", CELL_LABELS) == "ค่าคะแนนถ่วง\nน้ำหนัก"
    assert fix_label_cell("ตวชวด/ขอมูล\nพื้นฐานประกอบ\nตวชวด", CELL_LABELS).endswith("\nตัวชี้วัด")  # not ตัวชี้วัดที่
    # a line with a number, or a label already right, is kept as read
    assert fix_label_cell("รอยละ 92.50", CELL_LABELS) == "รอยละ 92.50"
    assert fix_label_cell("ตัวชี้วัด\nที่ได้", CELL_LABELS) == "ตัวชี้วัด\nที่ได้"
    assert corrected([Line(cells=("น้ำหนัก", "ค่าคะแนนถ่วง\nนาหนัก"), page=1, table=1)])[0].cells[1] == "ค่าคะแนนถ่วง\nน้ำหนัก"


def test_the_marks_over_a_line_read_as_a_line_of_their_own_are_dropped():
    # "๑ au" over ชื่อตัวชี้วัด: words a mark's height (12-14 px where letters' boxes are 60-70)
    def word(x0: float, top: float, height: float, text: str, line: int) -> Word:
        return Word(x0, top, x0 + 100, top + height, text, 80.0, (line, 1, 1))
    words = [word(322, 484, 12, "๑", 1), word(370, 482, 14, "au", 1), word(251, 478, 72, "ชื่อตัวชี้วัด", 2),
             word(491, 494, 36, "2.3", 2), word(250, 582, 72, "ผู้กำกับดูแล", 3), word(250, 700, 4, "-", 4),
             word(250, 800, 36, "5", 5), word(250, 900, 66, "คำอธิบาย", 6), word(250, 1000, 70, "ร้อยละของการเบิกจ่าย", 7)]
    # the Royal Gazette's page 3: stacked marks read as taller letters among them, none a digit's height
    words += [word(300 + 40 * i, 1100, h, t, 8) for i, (h, t) in enumerate([(27, "A"), (14, "VA"), (11, "๐"), (23, "๓"),
                                                                          (14, "aa"), (12, "wa"), (10, "A")])]
    words += [word(300, 1200, 31, "๑๕", 9)]  # a page number, small but a digit's height
    kept = [w.text for w in without_mark_lines(words)]
    # a dash (a list's none) and a lone digit stay
    assert kept == ["ชื่อตัวชี้วัด", "2.3", "ผู้กำกับดูแล", "-", "5", "คำอธิบาย", "ร้อยละของการเบิกจ่าย", "๑๕"]


def test_a_cell_with_digits_of_both_scripts_is_read_again_and_letters_read_as_digits_need_not_stay():
    def word(text: str, conf: float) -> Word:
        return Word(0, 0, 10, 10, text, conf, (1, 1, 1))
    assert misread([word("9๑7๑7", 62.0)]) and misread([word("๑7", 80.0)])
    assert not misread([word("2.3", 40.0), word("ร้อยละ", 45.0)])
    # ผู้จ read as "9๑7๑7" (four switches of script): the re-reading may leave it
    assert keeps_numbers("ัดเก็บข้อมล : 1. นางมาลี\n9๑7๑7", "ผู้จัดเก็บข้อมูล : 1. นางมาลี\n2. นายวีระ")
    # a number with one digit misread ("๑7" for 17) is a number: its digits must stay
    assert not keeps_numbers("๑7 ครั้ง", "ครั้ง") and keeps_numbers("๑7 ครั้ง", "17 ครั้ง")
