"""Repairs of damaged text, one test per rule (pipeline/text/repair.py, clean.py)."""
import pytest

from thaikpi.pipeline import text as tt


def test_sara_am_written_as_nikhahit_and_sara_aa_is_composed():
    assert tt.compose_sara_am("ประจํา คํานํา") == "ประจำ คำนำ"


def test_tone_mark_on_the_wrong_side_of_sara_am_moves_before_it():
    assert tt.compose_sara_am("นํ้า") == "น้ำ"       # NIKHAHIT, tone, SARA AA
    assert tt.compose_sara_am("นำ้") == "น้ำ"        # SARA AM typed before the tone


def test_legacy_font_private_use_marks_map_to_standard_code_points():
    # ปี with the Windows PUA SARA II, ก่อน with the PUA MAI EK (low position)
    assert tt.map_pua("ป\uf702") == "ปี"
    assert tt.map_pua("ก\uf70aอน") == "ก่อน"


def test_space_before_a_combining_mark_is_removed():
    assert tt.remove_space_before_marks("ชี ้วัด") == "ชี้วัด"


def test_whitespace_is_folded_without_joining_or_splitting_thai_words():
    assert tt.tidy_whitespace("  สำนักงาน\u200b   ปลัด \t กระทรวง  ") == "สำนักงาน ปลัด กระทรวง"
    # a known paragraph break (blank lines) survives as one blank line
    assert tt.tidy_whitespace("ก\n\n\n\nข") == "ก\n\nข"


def test_clean_text_never_decomposes_sara_am():
    # NFKC would turn ำ into ํา: clean_text must not.
    assert tt.clean_text("คำนำ ๑") == "คำนำ 1"
    assert tt.clean_text("คำนำ ๑", arabic_digits=False) == "คำนำ ๑"


def test_fake_bold_read_without_geometry_is_undoubled():
    assert tt.undouble_overprint("ข้ข้ออมูมูลลผผลลกกาารร 9922..5500") == "ข้อมูลผลการ 92.50"
    assert tt.undouble_overprint("ดดำำเเนินินนงงาานน ที่ที่ไได้ด้") == "ดำเนินงาน ที่ได้"  # cluster by cluster
    assert tt.clean_text("รราายยงงาานน\nปกติ 11") == "รายงาน\nปกติ 11"  # line by line


def test_fake_bold_found_behind_doubled_punctuation():
    # The rule is skipped for text without three doubled clusters in a row; a doubled token
    # that opens with other pairs (punctuation, the baht sign) still has them.
    assert tt.undouble_overprint("((ข้ข้ออมูมูลล))") == "(ข้อมูล)"
    assert tt.undouble_overprint("฿฿ผผลลกกาารร") == "฿ผลการ"


@pytest.mark.parametrize("text", ["กก", "ดีดี", "นานา 11", "ข้อมูล 2556", "เกเร เกเร"])
def test_real_text_with_repeats_is_not_undoubled(text):
    assert tt.undouble_overprint(text) == text


def test_a_letter_spaced_line_is_joined_and_a_wider_gap_stays():
    assert tt.join_letter_spacing("ร า ย ง า น  ผ ล") == "รายงาน  ผล"
    assert tt.clean_text("ก า ร ป ฏิ บั ติ ร า ช ก า ร") == "การปฏิบัติราชการ"


@pytest.mark.parametrize("text", ["ก ข ค ตัวเลือก", "นาย ก ข", "ค าน า", "ข้อ 1 ก 2 ข 3"])
def test_fewer_than_four_lone_letters_or_whole_words_are_not_joined(text):
    assert tt.join_letter_spacing(text) == text


@pytest.mark.parametrize("text,expected", [
    ("ประสิทธิ ภาพ", "ประสิทธิภาพ"),                    # a glyph run split inside a word
    ("การปฏิ บัติราชการ", "การปฏิบัติราชการ"),
    ("สถิ ติภั ยคุ กคาม", "สถิติภัยคุกคาม"),               # the Royal Gazette's layer
    ("ของ งบ ประมาณ", "ของ งบประมาณ"),
    # a compound split where its two words meet: wins less than a split word, more than any
    # real space (the split-runs sample's support factor)
    ("ให้ความสำคัญและติด ตามการเบิกจ่าย", "ให้ความสำคัญและติดตามการเบิกจ่าย"),
])
def test_a_space_inside_a_word_is_removed(text, expected):
    assert tt.join_split_words(text) == expected


@pytest.mark.parametrize("text", [
    "ส่วนราชการ ได้จัดทำคู่มือ",          # two phrases
    "ติดตามผลการเบิกจ่ายทุกสัปดาห์ผ่านระบบ และรายงาน",
    "นายชัชวาลย์ ฉายะบุตร",              # a first name and a surname: not in any word list
    "จังหวัด เชียงใหม่",
    "สรุปผลการดำเนินงานของส่วนราชการต่างๆ และนำเสนอ ก.บ.จ.",  # a known word across it, a small gain
])
def test_a_space_between_real_phrases_stays(text):
    assert tt.join_split_words(text) == text
