"""The words of indicator tables, as data (extractors/indicator_table.py reads them).

Every label is matched on the cleaned lines' match key (spaces removed, digits Arabic, PUA
mapped) and, where the PDF dropped tone marks or SARA AM, on a looser key without marks
(indicator_header.loose_key), so a
damaged "ตัวชีวัด" or "เป้ าหมาย" still finds its column. A new genre or header wording is
a line here, not code.
"""
from __future__ import annotations

# Header words per column role, in the order they are tried: the first role whose word a header
# cell contains wins ("คะแนนรายตัวชี้วัด" is a score column, though it names ตัวชี้วัด).
# A word in EXACT_WORDS must be the whole header cell ("ที่", "ผล" are inside many words).
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("achieved", ("บรรลุเป้าหมาย", "สรุปสถานะ", "ผลการบรรลุ", "บรรลุ")),
    ("note", ("หมายเหตุ", "หลักฐาน", "ข้อค้นพบ", "แนวทาง", "ผู้ประสานงาน", "ผู้รับผิดชอบ",
              "ส่วนราชการ", "ระยะเวลา", "กลยุทธ์", "ผลผลิต/โครงการ", "โครงการ/ผลผลิต", "เครื่องมือ",
              "เป้าประสงค์", "ประเด็นยุทธศาสตร์", "ยุทธศาสตร์มหาวิทยาลัย", "ยุทธศาสตร์")),
    ("score", ("คะแนน", "ผลการประเมิน")),
    ("numerator", ("ตัวตั้ง",)),
    ("denominator", ("ตัวหาร",)),
    ("unit", ("หน่วยนับ", "หน่วยวัด")),
    ("weight", ("น้ำหนัก",)),
    ("result", ("ผลการดำเนินงาน", "ผลการดำเนินการ", "ผลลัพธ์", "(ผล)", "ผลงาน")),
    ("target", ("ค่าเป้าหมาย", "เกณฑ์เป้าหมาย", "เป้าหมาย", "แผน")),
    ("name", ("ตัวชี้วัด", "ตัวบ่งชี้", "ผลสัมฤทธิ์และประโยชน์", "ประเด็นการประเมิน", "ข้อคำถาม",
              "หัวข้อการประเมิน", "องค์ประกอบคุณภาพ", "โครงการ", "ประเด็น")),
    ("code", ("ที่", "ลำดับ", "ลำดับที่", "ข้อ")),
    ("money", ("งบประมาณ",)),
)
# A column of projects (an action plan's "ผลผลิต/โครงการ/กิจกรรม"): names a row whose indicator
# cell is empty (merged over the rows below it) but which has values of its own.
PROJECT_WORDS = ("ผลผลิต/โครงการ", "โครงการ/ผลผลิต", "โครงการ/กิจกรรม")
EXACT_WORDS = frozenset({"ที่", "ลำดับ", "ลำดับที่", "ข้อ", "แผน", "ประเด็น", "โครงการ", "บรรลุ"})

# A header names its indicators and at least one of these: without a value column a table
# of names (a linkage matrix, an action plan) is not an indicator table.
VALUE_ROLES = frozenset({"target", "result", "score", "unit", "numerator", "achieved"})

# Prefixes on an indicator's name cell, removed from the name ("- ตัวชี้วัด : ร้อยละของ ...").
NAME_PREFIXES = (
    "ตัวชี้วัดเชิงปริมาณ", "ตัวชี้วัดเชิงคุณภาพ", "ตัวชี้วัดเชิงเวลา", "ตัวชี้วัดเชิงต้นทุน",
    "เชิงปริมาณ", "เชิงคุณภาพ", "เชิงเวลา", "เชิงต้นทุน", "ตัวชี้วัด",
)
# A target written as prose: its number is the quantity clause's.
QUANTITY_WORD = "เชิงปริมาณ"
# Where one cell lists several indicators, each begins with one of these (budget books).
ITEM_MARKERS = ("-ตัวชี้วัด", "-ตัวชี้วัดเชิงปริมาณ", "-ตัวชี้วัดเชิงคุณภาพ")

# Rows that open a group of indicators (the text is the group), when they carry no values.
GROUP_WORDS = ("องค์ประกอบที่", "ยุทธศาสตร์ที่", "ผลผลิตที่", "ส่วนที่", "ด้านที่", "มาตรฐานที่",
               "ประเด็นยุทธศาสตร์", "แผนงาน", "ผลสัมฤทธิ์")
# Headings above a table that open the group of its rows ("7.2.1 ผลผลิตที่ 1 : ...").
HEADING_GROUP_WORDS = ("ผลผลิตที่", "โครงการที่", "องค์ประกอบที่", "ยุทธศาสตร์ที่")
# Headings of a new part of the document, which close the group heading above.
HEADING_RESET_WORDS = ("ส่วนที่", "บทที่")
# Indicator codes: "ตัวบ่งชี้ที่ 1.1", "ตัวชี้วัดที่ 3", "i1", "10.1.2".
CODE_LABELS = ("ตัวบ่งชี้ที่", "ตัวบ่งชี้", "ตัวชี้วัดที่", "ตัวชี้วัด")

# Rows that add up others, or money lines of a budget table: never indicators.
TOTAL_WORDS = ("รวมทั้งสิ้น", "รวมเงิน", "รวมคะแนน", "รวม", "เฉลี่ยคะแนน", "คะแนนเฉลี่ย", "เฉลี่ย",
               "เงินงบประมาณ", "เงินนอกงบประมาณ", "งบดำเนินงาน", "งบลงทุน", "งบเงินอุดหนุน",
               "งบรายจ่ายอื่น", "งบบุคลากร", "เงินรายได้", "ค่าใช้จ่าย")
# Total rows whose sum (or mean) is checked against the rows above them (indicator_totals.py).
SUM_ROW_NAMES = ("รวม", "รวมทั้งสิ้น", "ผลรวม", "รวมทั้งหมด")
AVERAGE_ROW_NAMES = ("เฉลี่ย", "ค่าเฉลี่ย", "เฉลี่ยรวม", "ค่าเฉลี่ยรวม", "คะแนนเฉลี่ย")
# ... but a cost indicator (a budget book's เชิงต้นทุน) begins like a money line.
NOT_TOTAL_WORDS = ("ค่าใช้จ่ายเฉลี่ย",)
# The scoring levels 1-5 under a KPI's "เกณฑ์การให้คะแนน": level 3 is its target (the civil
# service's performance agreements set the target at the middle level).
LEVELS = ("1", "2", "3", "4", "5")
TARGET_LEVEL = "3"

# Achievement words inside a cell; the negative forms are tried first.
ACHIEVED_WORDS: tuple[tuple[str, bool], ...] = (
    ("ไม่บรรลุ", False), ("ไม่ผ่าน", False), ("✗", False), ("✘", False), ("×", False),
    ("เกินเป้า", True), ("บรรลุ", True), ("ผ่าน", True), ("✓", True), ("✔", True),
)

# Comparators printed before a value.
COMPARATOR_WORDS: tuple[tuple[str, str], ...] = (
    ("ไม่น้อยกว่า", ">="), ("อย่างน้อย", ">="), ("ขั้นต่ำ", ">="), ("≥", ">="), (">=", ">="),
    ("ไม่เกิน", "<="), ("ไม่มากกว่า", "<="), ("≤", "<="), ("<=", "<="),
    ("น้อยกว่า", "<"), ("ต่ำกว่า", "<"), ("มากกว่า", ">"), ("สูงกว่า", ">"),
)
# Units printed before their number ("ร้อยละ 80", "ระดับ 5"); others follow it ("200 คน").
UNITS_BEFORE = ("ร้อยละ", "ระดับ", "ระยะเวลา")
# A score cell's own unit, not the indicator's.
SCORE_UNITS = ("คะแนน",)

# Periods printed on a document (their year follows, Buddhist Era).
FISCAL_YEAR_WORDS = ("ปีงบประมาณ",)
ACADEMIC_YEAR_WORDS = ("ปีการศึกษา",)
ROUND_WORDS = ("รอบ",)

# A form of one indicator per sheet (KPI template books): row labels in the first cell.
SHEET_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("ตัวชี้วัด",),
    "target": ("เกณฑ์เป้าหมาย", "ค่าเป้าหมาย"),
    "unit": ("หน่วยวัด", "หน่วยนับ"),
}

# Genre cue words, tried in order; the first whose word the document's first pages (or its
# header words) contain names the genre.
GENRE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("budget_book", ("เอกสารงบประมาณ", "ผลสัมฤทธิ์และประโยชน์ที่คาดว่าจะได้รับ", "ประมาณการรายจ่ายล่วงหน้า")),
    ("ita", ("ITA", "คุณธรรมและความโปร่งใส")),
    ("sar", ("รายงานการประเมินตนเอง", "SelfAssessmentReport", "SAR")),
    ("qa_results", ("ผลการประเมินคุณภาพภายใน", "ประกันคุณภาพภายใน")),
    ("kpi_template", ("เกณฑ์เป้าหมาย", "รายละเอียดข้อมูลพื้นฐาน", "KPITemplate", "คำรับรองการปฏิบัติราชการ")),
    ("assessment_form", ("แบบประเมิน",)),
    ("annual_report", ("รายงานประจำปี", "ปรัชญาวิสัยทัศน์ภารกิจ")),
    ("action_results", ("ผลการปฏิบัติราชการ", "ผลการดำเนินงานตามแผน", "ActionConclusion", "ผลการปฏิบัติการ")),
)
