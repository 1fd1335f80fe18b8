"""What Thai OCR (Tesseract's tha model) gets wrong in a way that is safe to put right.

Only corrections that cannot change a value: SARA AM written as NIKHAHIT + SARA AA, a mark
written twice, known misreadings of the labels the extractors look for, and the script of the
digits inside one number. A digit is never made up: a cell that is not already a number keeps
its letters.
"""
from __future__ import annotations

import re

from thaikpi.pipeline.text.digits import THAI_DIGITS

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
    ("การไห้คะแนน", "การให้คะแนน"),  # ไห้ (to cry) is a word, but never before คะแนน
    ("การค้านวณ", "การคำนวณ"),
    ("ผลการดำเน็นงาน", "ผลการดำเนินงาน"),
    ("ดำเน็นการ", "ดำเนินการ"),
    ("ปีงบประมาน", "ปีงบประมาณ"),
    ("ปึงบประมาณ", "ปีงบประมาณ"),
    ("งบประมาณที่ใซ้", "งบประมาณที่ใช้"),
    ("หน่วยนัม", "หน่วยนับ"),
    ("บรรลเป้า", "บรรลุเป้า"),
    ("บรรลู", "บรรลุ"),  # SARA UU for SARA U: no Thai word has บรรลู
    ("ไม่บรรลเป้า", "ไม่บรรลุเป้า"),
    ("ท้องถิน", "ท้องถิ่น"),
    ("ซุมชน", "ชุมชน"),
    ("ขุมชน", "ชุมชน"),
)

_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
# A cell that is one number (perhaps with a percent sign or a unit's dot): its digits may be
# read in either script, and mixed inside the number ("๒0"), which no printed number is.
_NUMBER_CELL = re.compile(r"^[\s\d๐-๙.,%()+\-–]+$")
_MIXED_DIGITS = re.compile(r"[0-9][๐-๙]|[๐-๙][0-9]")


# ที่ before a number is an ordinal ("มิติที่ 1", "วันที่ 15", "ไตรมาสที่ 2"); OCR drops its
# MAI EK ("มิติที 1") or the whole upper vowel ("ไตรมาสท2"). ที is a word of its own, but
# never before a number.
_ORDINAL = re.compile("ที(?![\u0e31-\u0e4e])(?=\\s?[0-9\u0e50-\u0e59])")
_QUARTER = re.compile("ไตรมาสท(?![\u0e31-\u0e4e])")


def fix_text(text: str) -> str:
    """An OCR'd text with the safe corrections made."""
    text = _SPLIT_SARA_AM.sub("\u0e33", text)
    text = _QUARTER.sub("ไตรมาสที่", _ORDINAL.sub("ที่", text))
    for wrong, right in LABEL_MISREADINGS:
        if wrong in text:
            text = text.replace(wrong, right)
    return _DOUBLED_MARK.sub(r"\1", text)  # last: a label put right may meet a mark OCR did read


# Consonants Thai OCR takes for one another when the marks above them are lost (ช with its tail
# read as ซ, ...): a label's consonants are compared with these folded.
_CONFUSED_CONSONANTS = str.maketrans("ซฃฅฆศ", "ชขคมค")
_THAI_CONSONANT = re.compile("[\u0e01-\u0e2e]")
_LABEL_HEAD = re.compile(r"^(\s*)([\u0e01-\u0e4e/ ]{4,60}?)(\s*:)")


def _consonants(text: str) -> str:
    return "".join(_THAI_CONSONANT.findall(text)).translate(_CONFUSED_CONSONANTS)


def _label_like(head: str, labels: tuple[str, ...]) -> "str | None":
    """The label whose consonants head has, in order (marks and vowels lost, confusable
    consonants folded; one consonant more, less or other in a label of LONG_LABEL or more),
    where head is not already that label."""
    key = _consonants(head)
    if len(key) < 3 or head.strip() in labels:
        return None
    wants = [(label, _consonants(label)) for label in labels]
    # a label with the very consonants first: "ตวชวด" is ตัวชี้วัด, not ตัวชี้วัดที่ one apart
    return next((label for label, want in wants if want == key), None) or next(
        (label for label, want in wants if len(want) >= LONG_LABEL and _one_apart(want, key)), None)


def fix_label_head(text: str, labels: tuple[str, ...]) -> str:
    """A line or cell that opens with a label and a colon ("ซอตวชวด : 3.2 ..."): a label whose
    consonants it has, in order (marks and vowels lost, confusable consonants folded; one
    consonant more, less or other in a label of LONG_LABEL or more), is put in its place ("ชื่อตัวชี้วัด : 3.2 ..."). Only text before a colon changes, and only into a
    label of the label tables, so no value can."""
    m = _LABEL_HEAD.match(text)
    if not m:
        return text
    label = _label_like(m.group(2), labels)
    return text if label is None else m.group(1) + label + m.group(3) + text[m.end():]


_LABEL_LINE = re.compile(r"^(\s*)([\u0e01-\u0e4e ]{4,60}?)(\s*(?:\(.*\))?\s*)$")


def fix_label_line(text: str, labels: tuple[str, ...]) -> str:
    """A line that is a label and nothing else but a bracketed note (a section's heading:
    "ดัชนีชีวัดความสำเร็จ", "เป้าหมายเชิงผลลัพธ์ (Outcome)") put right by its consonants, as
    fix_label_head does: a line of Thai letters only, so no value can change."""
    m = _LABEL_LINE.match(text)
    if not m:
        return text
    label = _label_like(m.group(2), labels)
    return text if label is None else m.group(1) + label + m.group(3)


def fix_label_cell(text: str, labels: tuple[str, ...]) -> str:
    """A table cell whose lines are labels (a score table's header: "ค่าคะแนนถ่วง" over
    "นาหนัก", the marks of น้ำ lost): each line that is Thai letters only put right by its
    consonants as fix_label_line does, so the header's columns are found by their labels."""
    return "\n".join(fix_label_line(line, labels) for line in text.split("\n"))


LONG_LABEL = 6  # consonants: a label this long may have one consonant misread, added or lost


def _one_apart(a: str, b: str) -> bool:
    """a and b differ by one letter changed, added or dropped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


# A Latin letter or mark OCR reads from a stamp, a tick or a speck beside Thai text: one or two
# lone characters at the end of a Thai line ("... ของจังหวัด a a"). Digits stay (a number is a
# value), and so do a word of Latin (GFMIS) and a lone Thai letter ("ภาคผนวก ก" is a name).
_MARK = "A-Za-z~`'\"^_|\\\\©®°•\\[\\]{}"
_STRAY_TAIL = re.compile(f"([\\u0e01-\\u0e4e)])((?:\\s+[{_MARK}]{{1,2}}){{1,3}})\\s*$")
_STRAY_LINE = re.compile(f"^\\s*[{_MARK}]{{1,2}}(?:\\s+[{_MARK}]{{1,2}}){{0,2}}\\s*$")
# In a table cell, a line of one Thai letter or mark is a speck read as a line of its own
# ("ย" over "ร้อยละ 92.50"): a cell's text never wraps a single letter onto a line.
_LONE_THAI = re.compile("^\\s*[\\u0e01-\\u0e4e]{1,2}(?:\\s+[\\u0e01-\\u0e59]{1,2})?\\s*$")


def strip_stray_marks(text: str) -> str:
    """A line's text without the lone Latin letters and marks OCR read from stamps and ticks
    after it (see _STRAY_TAIL): '... ของจังหวัด a a' -> '... ของจังหวัด'."""
    return _STRAY_TAIL.sub(r"\1", text)


def is_stray_line(text: str) -> bool:
    """A line of nothing but one to three lone Latin letters or marks ('a a', '[]', '~'): what OCR
    reads from a stamp, a tick or a speck, not text of the page."""
    return bool(_STRAY_LINE.match(text))


# A shade's noise read as one letter over and over ("eee"), and a mark glued before a cell's
# first Thai letter ("/ลำดับ"): no cell's text looks so.
_REPEATED_LETTER = re.compile(r"^\s*([A-Za-z])\1{2,}\s*$")
_LEADING_MARK = re.compile("^[/|\\\\~'\"\u201c\u201d\u2018\u2019]+(?=[\u0e01-\u0e2e])")


def _marks_line(line: str) -> bool:
    """A cell's line of two or more pieces of one or two characters, letters among them
    ("ve ๕ บ"): the marks above a line of text, read as a line of their own."""
    parts = line.split()
    return len(parts) >= 2 and all(len(p) <= 2 for p in parts) and not all(p.isdigit() for p in parts)


def clean_cell(text: str) -> str:
    """A table cell's lines without the stray ones: lone marks, lone Thai letters, one letter
    repeated, a mark before the first Thai letter."""
    lines = [_LEADING_MARK.sub("", strip_stray_marks(line)) for line in text.split("\n")]
    return "\n".join(line for line in lines if not is_stray_line(line) and not _LONE_THAI.match(line)
                     and not _REPEATED_LETTER.match(line) and not _marks_line(line))


# A cell holding nothing but a tick or a cross (an action plan's บรรลุ column): Tesseract has no
# such glyphs in tha+eng and reads the shapes as Latin letters. Only a whole cell is read so.
TICK_READINGS = ("v", "V", "vv", "Vv", "VV", "J", "Jv", "/", "√", "✓", "✔")
CROSS_READINGS = ("x", "X", "×", "✗", "✘")


def fix_mark_cell(text: str) -> str:
    """A table cell OCR read as a lone tick-like or cross-like letter: ✓ or ✗; any other
    cell unchanged."""
    stripped = text.strip()
    return "✓" if stripped in TICK_READINGS else "✗" if stripped in CROSS_READINGS else text


def fix_number_cell(text: str) -> str:
    """A table cell: corrected like any text; a cell that is one number written in both digit
    scripts at once gets Arabic digits throughout (the script is the only thing changed)."""
    text = fix_text(text)
    if _NUMBER_CELL.match(text) and _MIXED_DIGITS.search(text):
        return text.translate(_TO_ARABIC)
    return text
