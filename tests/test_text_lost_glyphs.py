"""Lost glyphs, filled by word frequency (pipeline/text/lost_glyphs.py)."""
import pytest

from thaikpi.pipeline import text as tt


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
