"""What the OCR'd lines of a page are made into without Tesseract (issue 24): section heads put
right by their consonants, list markers read as signs put right where the list proves the
number, paragraphs judged from the page's geometry as for a text layer. No OCR runs here."""
from __future__ import annotations

from thaikpi.pipeline.readers.ocr_cells import keeps_numbers, unsure_latin
from thaikpi.pipeline.readers.ocr_page import LABELS, _text_lines, corrected
from thaikpi.pipeline.readers.ocr_tables import Word
from thaikpi.pipeline.settings import Settings
from thaikpi.pipeline.text.ocr_fixes import fix_label_line
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
