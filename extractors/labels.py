"""Thai labels, as data. Extractors match them with text.match_key (spaces removed,
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
CHECKED_MARKS = "☑☒■▣✓✔⊠"
UNCHECKED_MARKS = "☐□❏❐❑❒"

# Titles that open a person's name in a list of supervisors or collectors.
PERSON_TITLES = ("นางสาว", "นาง", "นาย", "น.ส.", "ดร.", "ว่าที่ร้อยตรี", "ว่าที่ร.ต.")

FISCAL_YEAR_WORDS = ("ปีงบประมาณ",)
NONE_WORDS = ("-", "ไม่มี", "–")

# --- web pages ----------------------------------------------------------------------------------

# A slide-share or news site's own text around a report: never part of it.
SITE_CHROME = (
    "งานนำเสนอกำลังจะดาวน์โหลด โปรดรอ", "งานนำเสนอกำลังจะดาวน์โหลด", "งานนำเสนอที่คล้ายกัน",
    "ใบสำเนางานนำเสนอ", "งานนำเสนอเรื่อง", "ดาวน์โหลด ppt", "Ads by Google", "โปรดรอ",
)

# --- evaluation frameworks (กรอบการประเมินผลการปฏิบัติราชการ) -------------------------------------

FRAMEWORK_TITLES = ("กรอบการประเมินผลการปฏิบัติราชการ", "กรอบการประเมินผล")
DIMENSION_WORD = "มิติที่"
CONTINUED_WORD = "(ต่อ)"
# "ตัวชี้วัด 2.2 (น้ำหนักรวมร้อยละ 18)": the total of a group of sub-indicators.
GROUP_TOTAL_WORDS = ("น้ำหนักรวมร้อยละ", "น้ำหนักรวม")
# "... (น้ำหนักร้อยละ 30)": a weight written after a name, as lists write it.
WEIGHT_WORDS = ("น้ำหนักร้อยละ", "น้ำหนัก")
# A slide that opens with this illustrates something (how to write an indicator): its items
# are not the framework's.
EXAMPLE_WORDS = ("ตัวอย่าง",)
# Bullets a list item may open with (a browser's print draws them, HTML reads "•").
LIST_BULLETS = "•◦▪▫○●๏-–"
INDICATOR_WORDS = ("ตัวชี้วัดที่", "ตัวชี้วัด")
# How an indicator's name starts. A number before such a phrase is the indicator's code; a
# number before anything else (a group title like "การมีส่วนร่วมของประชาชน") is a weight.
INDICATOR_NAME_OPENERS = (
    "ระดับความสำเร็จ", "ระดับคุณภาพ", "ระดับความพึงพอใจ", "ระดับ", "ร้อยละ", "จำนวน", "อัตรา",
    "ระยะเวลา", "ค่าเฉลี่ย", "สัดส่วน", "ดัชนี",
)
CRITERIA_LABELS = ("เกณฑ์การให้คะแนน", "เกณฑ์คะแนน")
PERCENT_WORD = "ร้อยละ"

# --- M&E progress reports (รายงานระบบติดตามและประเมินผลแห่งชาติ) ----------------------------------

ME_REPORT_TITLES = ("รายงานระบบติดตามและประเมินผลแห่งชาติ", "ระบบติดตามและประเมินผลแห่งชาติ")
# Without the title, both of these make a document an M&E progress report.
ME_REPORT_MARKERS = ("เป้าหมายเชิงผลผลิต", "ไตรมาส")
PROJECT_WORDS = ("โครงการ",)
# A project's name after its label, in a line or in the next cell of a table row.
PROJECT_LABELS = ("ชื่อโครงการ",)
QUARTER_WORD = "ไตรมาสที่"

# Sections in the order an M&E report has them: section -> labels that open it.
ME_SECTIONS = {
    "outputs": ("เป้าหมายเชิงผลผลิต",),
    "outcomes": ("เป้าหมายเชิงผลลัพธ์",),
    "kpis": ("ดัชนีชี้วัดความสำเร็จ", "ตัวชี้วัดความสำเร็จ"),
    "activities": ("ความก้าวหน้าของกิจกรรมตามแผนงาน", "ความก้าวหน้าของกิจกรรม"),
    "budget": ("การเบิกจ่ายงบประมาณ",),
    "summary": ("สรุปผลการดำเนินงาน",),
    "problems": ("ปัญหา",),
    "suggestions": ("ข้อเสนอแนะ",),
}
BUDGET_WORDS = ("เบิกจ่าย",)
# An M&E report's budget: field -> the labels that name its amount (extractors/me_budget.py).
BUDGET_LABELS = {
    "received": ("งบประมาณที่ได้รับ", "ได้รับจัดสรร", "ได้รับงบประมาณ", "งบประมาณที่ได้รับจัดสรร"),
    "disbursed": BUDGET_WORDS,
}

# Units of numbers stated in prose. Money and percent are amounts; the rest count things.
AMOUNT_UNITS = ("ล้านบาท", "บาท")
COUNT_UNITS = (
    "จังหวัด", "อำเภอ", "ตำบล", "หมู่บ้าน", "ชุมชน", "หน่วยงาน", "แห่ง", "คน", "ราย", "ครั้ง",
    "ตัวชี้วัด", "กิจกรรมย่อย", "กิจกรรม", "โครงการ", "ผลงาน", "เรื่อง", "ฉบับ", "หลักสูตร", "รุ่น",
)
# Thai writes no space after a unit: "76 จังหวัดได้รับ" is a count, "๗ จังหวัดสุราษฎร์ธานี" is a
# province's name. A unit directly followed by Thai letters counts only before these words.
AFTER_UNIT_WORDS = ("ได้", "ที่", "ซึ่ง", "โดย", "และ", "มี", "ใน", "เป็น", "จาก", "ทั้ง", "รวม", "ต่อ", "แล้ว")
# Units that open a place's name ("จังหวัดน่าน"): a name never holds one again, so OCR that
# runs two names together ("จังหวัดแพร่จังหวัดน่าน") lost the space between (pipeline/text/ocr_spaces.py).
NAME_PREFIXES = ("จังหวัด", "อำเภอ", "ตำบล")
# Words before a number that make it a stated total ("รวมมีผู้เข้าร่วม 4,625 คน").
TOTAL_WORDS = ("รวม",)
# Words that say a list follows ("ประกอบด้วย 2 กิจกรรม ดังนี้").
LIST_FOLLOWS_WORDS = ("ดังนี้", "ดังต่อไปนี้", "คือ", ":")
