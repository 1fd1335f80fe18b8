"""Thai labels, as data. Extractors match them with thai_text.match_key (spaces removed,
SARA AM composed, Arabic digits), so variants of spacing and digits need no entry of their own.
Longer variants come first: the first label that matches wins."""

# The title that makes a document a per-indicator KPI report.
KPI_REPORT_TITLES = (
    "รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ",
    "รายงานผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ",
)

# Labels that start a field inside a header cell: field -> labels.
KPI_HEADER_FIELDS = {
    "indicator": ("ชื่อตัวชี้วัดที่", "ชื่อตัวชี้วัด", "ตัวชี้วัดที่"),
    "supervisors": ("ผู้กำกับดูแลตัวชี้วัด", "ผู้กำกับดูแล"),
    "data_collectors": ("ผู้จัดเก็บข้อมูล", "ผู้จัดเก็บ"),
    "phones": ("โทรศัพท์", "โทร."),
}

# Labels that open a section of the report: section -> labels.
KPI_SECTIONS = {
    "description": ("คำอธิบาย",),
    "steps": ("ข้อมูลผลการดำเนินงาน", "ผลการดำเนินงานตามขั้นตอน"),
    "conditions": ("เงื่อนไข",),
    "criteria": ("เกณฑ์การให้คะแนน", "เกณฑ์การประเมิน"),
    "score_rows": ("การคำนวณคะแนนจากผลการดำเนินงาน", "การคำนวณคะแนน"),
    "measures": ("คำชี้แจงการปฏิบัติงาน/มาตรการที่ได้ดำเนินการ", "คำชี้แจงการปฏิบัติงาน",
                 "มาตรการที่ได้ดำเนินการ"),
    "support_factors": ("ปัจจัยสนับสนุนต่อการดำเนินงาน", "ปัจจัยสนับสนุน"),
    "obstacles": ("อุปสรรคต่อการดำเนินงาน", "อุปสรรค"),
    "suggestions": ("ข้อเสนอแนะสำหรับการดำเนินงานในปีต่อไป", "ข้อเสนอแนะ"),
    "evidence": ("หลักฐานอ้างอิง",),
    "note": ("หมายเหตุ",),
}

# Score-table header cells: column meaning -> words in the header. Checked in this order,
# so "ค่าคะแนนถ่วงน้ำหนัก" is the weighted score before "น้ำหนัก" can claim it.
SCORE_COLUMNS = (
    ("weighted_score", ("ถ่วงน้ำหนัก",)),
    ("weight", ("น้ำหนัก",)),
    ("score", ("คะแนนที่ได้", "ค่าคะแนน")),
    ("performance", ("ผลการดำเนินงาน", "ผลการดำเนิน", "ผลงาน")),
    ("label", ("ตัวชี้วัด", "ข้อมูลพื้นฐาน", "รายการ")),
)
TOTAL_ROW_LABELS = ("รวม", "คะแนนรวม", "ผลรวม")

LEVEL_WORDS = ("ระดับคะแนนที่", "ระดับคะแนน", "ระดับที่", "ระดับ")
STEP_WORDS = ("ขั้นตอนที่", "ขั้นที่", "ขั้นตอน")
STEP_TABLE_HEADERS = ("ระดับคะแนน", "ขั้นตอนที่", "ขั้นตอน", "ระดับ")

# Round checkboxes: "☑ รอบ 12 เดือน".
ROUND_WORDS = ("รอบ", "เดือน")
CHECKED_MARKS = "☑☒■✓✔⊠"
UNCHECKED_MARKS = "☐□"

# Titles that open a person's name in a list of supervisors or collectors.
PERSON_TITLES = ("นางสาว", "นาง", "นาย", "น.ส.", "ดร.", "ว่าที่ร้อยตรี", "ว่าที่ร.ต.")

FISCAL_YEAR_WORDS = ("ปีงบประมาณ",)
NONE_WORDS = ("-", "ไม่มี", "–")
