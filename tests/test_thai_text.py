"""One test per Thai text rule (pipeline/text/)."""
import datetime as dt

import pytest

from thaikpi.pipeline import text as tt
from thaikpi.pipeline.text import words


def test_thai_digits_become_arabic():
    assert tt.to_arabic_digits("๐.๓๕๐๐ ๔.๔ ๒๕๕๕") == "0.3500 4.4 2555"


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


@pytest.mark.parametrize("text,value,decimals", [
    ("๐.๓๕๐๐", 0.35, 4), ("ร้อยละ 92.5", 92.5, 1), ("798,390 บาท", 798390.0, 0), ("-", None, 0),
    ("ขั้นตอนที่ ๕", 5.0, 0),
])
def test_numbers(text, value, decimals):
    assert tt.parse_number(text) == value
    assert tt.decimals_written(text) == decimals


@pytest.mark.parametrize("text,baht", [
    ("798,390 บาท", 798390.0), ("1.5 ล้านบาท", 1_500_000.0), ("๒๐ ล้านบาท", 20_000_000.0),
    ("วงเงิน 5,000 ล้านบาท", 5_000_000_000.0), ("3 แสนบาท", 300_000.0), ("-", None),
])
def test_amounts_in_baht_scale_by_their_unit_word(text, baht):
    assert tt.parse_baht(text) == baht


@pytest.mark.parametrize("text,iso", [
    ("ลงวันที่ 13 พฤศจิกายน 2551 เรื่อง", "2008-11-13"),
    ("๒ พฤษภาคม ๒๕๕๕", "2012-05-02"),
    ("5 ส.ค. 52", "2009-08-05"),
    ("1 January 2011", None),
])
def test_whole_dates(text, iso):
    assert tt.parse_thai_date(text) == (dt.date.fromisoformat(iso) if iso else None)


def test_abbreviated_month_and_two_digit_year():
    assert tt.parse_thai_month("ต.ค. 49") == (2006, 10)


def test_the_kpr_agency_is_not_february():
    # ก.พ.ร. (the Public Sector Development Commission) is not the month ก.พ.
    assert tt.parse_thai_month("สำนักงาน ก.พ.ร. 52") is None
    assert tt.find_dates("หนังสือสำนักงาน ก.พ.ร. ที่ นร 1203/00435 ลงวันที่ 5 สิงหาคม 2552") == ["2009-08-05"]


def test_a_date_range_lends_its_year_to_its_first_date():
    assert tt.find_dates("เมื่อวันที่ ๑๓ มิถุนายน - ๒๔ กรกฎาคม ๒๕๕๕") == ["2012-06-13", "2012-07-24"]


def test_the_fiscal_year_a_text_names():
    assert tt.find_fiscal_year("ตัวชี้วัด ปีงบประมาณ พ.ศ. ๒๕๕๒") == 2552
    assert tt.find_fiscal_year("ปีงบประมาณ2555") == 2555
    assert tt.find_fiscal_year("ปีงบประมาณ 1999") is None
    assert tt.find_fiscal_year("ปี พ.ศ. 2552") is None


def test_years_be_and_ce():
    assert tt.year_to_ce(2554) == 2011
    assert tt.year_to_ce(49) == 2006
    assert tt.year_to_ce(2011) == 2011


# --- text layers that cannot be trusted ---------------------------------------------------

THAI_PROSE = "สำนักงานปลัดกระทรวงมหาดไทยได้ดำเนินการตามแผนพัฒนาจังหวัดและกลุ่มจังหวัดแล้วเสร็จ " * 3


def test_clean_thai_text_is_trusted():
    assert tt.text_layer_problem(THAI_PROSE) is None


def test_control_characters_in_place_of_glyphs():
    assert "control characters" in tt.text_layer_problem("ส\x00\x00นักงาน ป\x00ลัด " * 10)


def test_unmapped_glyphs_cid():
    assert "(cid:N)" in tt.text_layer_problem(THAI_PROSE + " (cid:201)(cid:202)" * 3)


def test_private_use_glyphs_with_no_mapping():
    # U+F8A0 is in no PUA table: a lost glyph; the mapped U+F70x marks are not a problem.
    assert "private-use" in tt.text_layer_problem("ก\uf8a0ข\uf8a0ค" * 20)
    assert tt.text_layer_problem(THAI_PROSE.replace("ี", "\uf702")) is None


def test_lost_nikhahit():
    assert "SARA AM lost" in tt.text_layer_problem("ค าน า ส านัก จ านวน " + THAI_PROSE.replace("ำ", ""))


def test_mojibake():
    assert "mojibake" in tt.text_layer_problem("à¸ªà¸³à¸™à¸±à¸à¸‡à¸²à¸™ " * 5)


def test_orphan_marks():
    assert "no base letter" in tt.text_layer_problem("ก ่ข ้ค ีง ื" * 10)


def test_a_long_page_without_sara_am_or_mai_ek_has_lost_glyphs():
    # Thai prose whose SARA AM and MAI EK glyphs were all dropped by the text layer
    prose = "การพัฒนาระบบฐานข้อมูลเพื่อสนับสนุนการวางแผนพัฒนาจังหวัดสำหรับผู้บริหาร ".replace("่", "").replace("ำ", "") * 30
    assert "no SARA AM or MAI EK" in tt.text_layer_problem(prose)


def test_latin_gibberish_layer():
    assert "no words" in tt.text_layer_problem("#>@0 xkrtz >##!@ qwplk Bmnrt " * 12)
    assert tt.text_layer_problem("The Office of Strategy Management reports annual results. " * 8) is None


# --- lost glyphs, filled by word frequency ------------------------------------------------

@pytest.mark.parametrize("damaged,repaired", [
    ("ค_าน_า", "คำนำ"), ("ส_านัก", "สำนัก"), ("จ_านวน", "จำนวน"), ("ประจ_า", "ประจำ"),
    ("น_้าท่วม", "น้ำท่วม"),       # NIKHAHIT lost before a tone mark: not น้า
    ("ตามค_ารับรองการปฏิบัติราชการ", "ตามคำรับรองการปฏิบัติราชการ"),  # not ค่า: SARA AM is the usual loss
    ("ล_านบาท", "ล้านบาท"),        # not ำ: the lost glyph was MAI THO
    ("ค_าใช้จ่าย", "ค่าใช้จ่าย"),   # ... and here MAI EK
    ("หน่วยงานส_านักวิทยบริการและเทคโนโลยีสารสนเทศ", "หน่วยงานสำนักวิทยบริการและเทคโนโลยีสารสนเทศ"),
])
def test_a_lost_glyph_is_filled_by_word_frequency(damaged, repaired):
    assert tt.repair_lost_glyphs(damaged.replace("_", tt.LOST_GLYPH)) == (repaired, damaged.count("_"))


def test_text_without_lost_glyphs_is_untouched():
    assert tt.repair_lost_glyphs("ค าน า") == ("ค าน า", 0)  # real spaces: only the reader knows


@pytest.mark.parametrize("text", ["- 2 -", "– ๑๒ –", "(3)", "หน้า 2", "หน้า ๒ จาก ๕", "2/5", "Page 4 of 9", "7"])
def test_a_page_number_as_documents_print_it(text):
    assert tt.is_page_number(text)


@pytest.mark.parametrize("text", ["", "2552", "- ร้อยละ 80 -", "1. จัดทำแผน", "2,000,000 บาท", "ระดับ 2"])
def test_text_that_is_not_a_page_number(text):
    assert not tt.is_page_number(text)


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


CLEAN_PROSE = ("ส่วนราชการได้จัดทำคู่มือการปฏิบัติงานของสำนักบริหารยุทธศาสตร์กลุ่มจังหวัด และมีการจัดประชุม"
               "ชี้แจงการปฏิบัติงานแก่บุคลากรของสำนักบริหารยุทธศาสตร์กลุ่มจังหวัด ประจำปีงบประมาณ พ.ศ. 2552 ") * 3


def test_a_page_whose_thai_is_mostly_not_words_is_untrustworthy():
    dropped = "".join(c for i, c in enumerate(CLEAN_PROSE) if i % 3 != 1)  # every third letter lost
    assert tt.dictionary_share(CLEAN_PROSE) == 1.0
    assert tt.dictionary_share(dropped) < tt.NON_WORD_SHARE
    assert tt.text_layer_problem(CLEAN_PROSE) is None
    assert "reads as words" in tt.text_layer_problem(dropped)


def test_too_little_thai_is_not_judged_by_its_words():
    assert tt.text_layer_problem("ทีไำด้ตังิ " * 10 + "1,234.56 " * 20) is None


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


def test_runs_of_thai_letters_segment_as_word_tokenize_segments_them():
    # words() calls newmm directly for Thai letters alone (word_tokenize's steps after it
    # change nothing there): random runs, real phrases and damaged ones ("ค าน า" split).
    import random

    from pythainlp.tokenize import word_tokenize
    rng = random.Random(5)
    letters = [chr(c) for c in range(0x0E01, 0x0E4F)]
    runs = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 40))) for _ in range(1500)]
    runs += ["ประสิทธิภาพ", "มหาวิทยาลัย", "คานา", "รวมทังการเปลีย", "ค่าใช้จ่ายเฉลีย", "ส่วนราชการได้จัดทำ"]
    for run in runs:
        assert words.words(run) == tuple(word_tokenize(run, engine="newmm", keep_whitespace=False)), run
    # anything else takes word_tokenize itself
    assert words.words("เวลา 12:00น") == tuple(word_tokenize("เวลา 12:00น", engine="newmm", keep_whitespace=False))
