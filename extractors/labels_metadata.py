"""Thai words for a document's metadata (extractors/metadata.py), as data. Matched on
thai_text.match_key forms (no spaces, SARA AM composed, Arabic digits), so spacing and digit
variants need no entry of their own."""

# A title line starts with one of these (the cover's heading: what the document is).
TITLE_WORDS = (
    "รายงาน", "ผลการปฏิบัติราชการ", "สรุปผล", "ผลการดำเนินงาน", "แผน", "เอกสารงบประมาณ",
    "แบบประเมิน", "แบบรายงาน", "แบบฟอร์ม", "กรอบการประเมิน", "คำรับรอง", "มาตรการ", "เกณฑ์",
    "มาตรฐาน", "เทศบัญญัติ", "ข้อบัญญัติ", "คู่มือ", "ประกาศ", "ระเบียบ", "ความเชื่อมโยง",
    "รายละเอียดตัวชี้วัด", "ตัวชี้วัดและเกณฑ์",
)

# A line that goes on with the title line above it (its period, its subject, a subtitle).
TITLE_CONTINUATIONS = (
    "งบประมาณ", "ประจำปี", "ปีงบประมาณ", "ปีการศึกษา", "ของ", "ตาม", "สำหรับ", "(",
)

# The words an agency's name starts with. Units come first: a document is issued by the
# most specific body it names ("สำนักวิทยบริการฯ มหาวิทยาลัยราชภัฏรำไพพรรณี": the สำนัก).
AGENCY_UNITS = (
    "สำนักงาน", "สำนัก", "กรม", "ศูนย์", "คณะ", "เทศบาล", "องค์การบริหารส่วน", "สถาบัน",
)
AGENCY_PARENTS = ("มหาวิทยาลัย", "กระทรวง")

# Words that label an agency's name on a form or a cover ("หน่วยงาน สำนักวิทยบริการฯ").
AGENCY_LABELS = (
    "ชื่อองค์กรปกครองส่วนท้องถิ่น", "ชื่อหน่วยงาน", "ชื่อส่วนราชการ", "หน่วยงาน", "ส่วนราชการ",
)

# Words before an agency's name on a cover line ("ของเทศบาลนครพิษณุโลก").
AGENCY_PREFIXES = ("ของ", "โดย")
# Words before an agency's name inside a title, saying the document is that body's.
AGENCY_OWNER_WORDS = ("ของ", "สภา", "หน่วยงาน")

# Regex pieces, on match_key text. ปีงบประมาณ as printed and as damaged: SARA II lost
# ("ปงบประมาณ") or doubled ("ปีีงบประมาณ"); ประจำ without SARA AM does not matter here.
FISCAL_YEAR_LABEL = "ป[\u0e34\u0e35]*งบประมาณ"
FISCAL_STEM = "งบประมาณ"  # in a line's text as read, spaces removed: the line may name a fiscal year
# ปีการศึกษา, also "ปการศึกษา" and "ปกีารศึกษา" (the SARA II drawn after the next letter).
ACADEMIC_YEAR_LABEL = "ป[\u0e34\u0e35]*ก[\u0e34\u0e35]*ารศึกษา"
# Between a label and its year: "พ.ศ.", "(พ.ศ.)", "พศ".
ERA = r"(?:\(?พ\.?ศ\.?\)?)?"
# รอบ 6 เดือน (a round of reporting); ไตรมาส is a quarter, not a round.
ROUND = r"รอบ(\d{1,2})เดือน"
# A round box left unchecked on a form ("☐ รอบ 9 เดือน ☑ รอบ 12 เดือน") is not the round.
UNCHECKED_BOXES = "☐□❑❒"
ROUNDS = (3, 6, 9, 12)

# A fiscal year named as the year of a budget ("งบประมาณรายจ่ายประจำปีงบประมาณ 2567"), in the
# body, is the budget's year, not the document's (council minutes that transfer funds).
BUDGET_OF_YEAR = "รายจ่าย"
