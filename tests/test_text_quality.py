"""Text layers that cannot be trusted (pipeline/text/quality.py)."""
from thaikpi.pipeline import text as tt


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


def test_the_share_stops_once_sure_to_reach_enough_and_never_decides_otherwise():
    # text_layer_problem asks only whether the share reaches NON_WORD_SHARE: segmenting stops
    # once the known words so far are enough over the whole sample; that bound is returned
    prose = CLEAN_PROSE * 3  # more Thai than the sample
    half_dropped = prose[:len(prose) // 2] + "".join(c for i, c in enumerate(prose[len(prose) // 2:]) if i % 3 != 1)
    for text in (prose, half_dropped, "".join(c for i, c in enumerate(prose) if i % 3 != 1)):
        full, bound = tt.dictionary_share(text), tt.dictionary_share(text, enough=tt.NON_WORD_SHARE)
        assert bound <= full
        assert (bound >= tt.NON_WORD_SHARE) == (full >= tt.NON_WORD_SHARE)
    assert tt.dictionary_share(half_dropped, enough=tt.NON_WORD_SHARE) < tt.dictionary_share(half_dropped)
    assert tt.dictionary_share(half_dropped, enough=tt.NON_WORD_SHARE) >= tt.NON_WORD_SHARE
