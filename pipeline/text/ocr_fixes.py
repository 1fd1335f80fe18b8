"""What Thai OCR (Tesseract's tha model) gets wrong in a way that is safe to put right.

Only corrections that cannot change a value: SARA AM written as NIKHAHIT + SARA AA, a mark
written twice, known misreadings of the labels the extractors look for, and the script of the
digits inside one number. A digit is never made up: a cell that is not already a number keeps
its letters.
"""
from __future__ import annotations

import re

# Tesseract writes SARA AM as its two halves (U+0E4D U+0E32), the way an old font draws it.
_SPLIT_SARA_AM = re.compile("\u0e4d\\s?\u0e32")
# A combining mark (vowel above or below, tone mark, thanthakhat) read twice over one letter.
_DOUBLED_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")

# Known misreadings of the labels the extractors look for (extractors/labels.py): what OCR
# writes -> the label. A mark above the line is what the model drops most often. Each
# misreading is a string that is not a Thai word, so replacing it changes no correct text.
LABEL_MISREADINGS = (
    ("ตัวชีวัด", "ตัวชี้วัด"),
    ("ตัวชวัด", "ตัวชี้วัด"),
    ("ตัวซี้วัด", "ตัวชี้วัด"),
    ("ตัวซีวัด", "ตัวชี้วัด"),
    ("ตัวช๊วัด", "ตัวชี้วัด"),
    ("ชือตัวชี้วัด", "ชื่อตัวชี้วัด"),
    ("ช๊แจง", "ชี้แจง"),
    ("ช็แจง", "ชี้แจง"),
    ("ขันตอนที", "ขั้นตอนที่"),
    ("ข้อมล", "ข้อมูล"),
    ("น้าหนัก", "น้ำหนัก"),
    ("เปาหมาย", "เป้าหมาย"),
    ("เป้าหมา ย", "เป้าหมาย"),
    ("ผลการดําเนินงาน", "ผลการดำเนินงาน"),
    ("ผลการดำเน็นงาน", "ผลการดำเนินงาน"),
    ("ดำเน็นการ", "ดำเนินการ"),
    ("ปีงบประมาน", "ปีงบประมาณ"),
    ("ปึงบประมาณ", "ปีงบประมาณ"),
    ("งบประมาณที่ใซ้", "งบประมาณที่ใช้"),
    ("หน่วยนัม", "หน่วยนับ"),
    ("บรรลเป้า", "บรรลุเป้า"),
    ("ไม่บรรลเป้า", "ไม่บรรลุเป้า"),
    ("ท้องถิน", "ท้องถิ่น"),
    ("ซุมชน", "ชุมชน"),
    ("ขุมชน", "ชุมชน"),
)

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
# A cell that is one number (perhaps with a percent sign or a unit's dot): its digits may be
# read in either script, and mixed inside the number ("๒0"), which no printed number is.
_NUMBER_CELL = re.compile(r"^[\s\d๐-๙.,%()+\-–]+$")
_MIXED_DIGITS = re.compile(r"[0-9][๐-๙]|[๐-๙][0-9]")


def fix_text(text: str) -> str:
    """An OCR'd text with the safe corrections made."""
    text = _SPLIT_SARA_AM.sub("\u0e33", text)
    for wrong, right in LABEL_MISREADINGS:
        if wrong in text:
            text = text.replace(wrong, right)
    return _DOUBLED_MARK.sub(r"\1", text)  # last: a label put right may meet a mark OCR did read


def fix_number_cell(text: str) -> str:
    """A table cell: corrected like any text; a cell that is one number written in both digit
    scripts at once gets Arabic digits throughout (the script is the only thing changed)."""
    text = fix_text(text)
    if _NUMBER_CELL.match(text) and _MIXED_DIGITS.search(text):
        return text.translate(_TO_ARABIC)
    return text
