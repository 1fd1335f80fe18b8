"""What the genre samples say: real genres in their own layouts (issue 22), the truth that
genres.py typesets and writes gold from (tests/gold_genres/, the format of
tests/real_gold/README.md).

Cells are written as the document prints them (Thai digits where a document has them); the
gold holds their numbers. Each table is broken where its spec says (`page_break_after`: how
many body rows, group rows counted, go on the first page), its header repeated on the next.
Planted errors are worked out by hand in the comments below; nothing else is inconsistent.
"""

# (a) A budget book (เอกสารงบประมาณ ฉบับที่ 3): one output's indicators, a target per year,
# the past year's result in brackets under its plan.
BUDGET_BOOK = dict(
    slug="genre_budget_book_2568", genre="budget_book",
    metadata=dict(fiscal_year_be=2568, academic_year_be=None, round_months=None,
                  title_contains="เอกสารงบประมาณ", agency_contains="กรมพัฒนาฝีมือแรงงาน"),
    titles=["เอกสารงบประมาณ ฉบับที่ 3", "งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568", "กรมพัฒนาฝีมือแรงงาน"],
    intro="ผลผลิตที่ 1 : กำลังแรงงานได้รับการพัฒนาทักษะฝีมือแรงงาน",
    years=(2566, 2567, 2568),  # the first: plan with its result in brackets
    header_rows=2,  # "ค่าเป้าหมาย" over the years (set False for one row "ค่าเป้าหมาย ปี 2566 | ปี 2567 | ...")
    page_break_after=9,
    rows=[
        "เชิงปริมาณ :",
        dict(name="จำนวนกำลังแรงงานที่ได้รับการพัฒนาทักษะฝีมือแรงงานเพื่อเพิ่มประสิทธิภาพการทำงาน", unit="คน",
             targets=("850,000", "870,000", "๘๙๐,๐๐๐"), result="856,030"),
        dict(name="จำนวนผู้ที่ได้รับการทดสอบมาตรฐานฝีมือแรงงานแห่งชาติ", unit="คน",
             targets=("120,000", "125,000", "130,000"), result="118,452"),
        dict(name="จำนวนสถานประกอบกิจการที่ได้รับการส่งเสริมให้พัฒนาทักษะฝีมือแรงงานแก่ลูกจ้างตามพระราชบัญญัติส่งเสริมการพัฒนาฝีมือแรงงาน",
             unit="แห่ง", targets=("3,500", "3,600", "3,700"), result="3,612"),
        dict(name="จำนวนแรงงานนอกระบบที่ได้รับการฝึกอาชีพเสริม", unit="คน",
             targets=("๔๕,๐๐๐", "45,000", "46,000"), result="๔๖,๒๑๐"),
        dict(name="จำนวนครูฝึกและบุคลากรที่ได้รับการพัฒนาศักยภาพด้านการฝึกอบรมในระบบดิจิทัล", unit="คน",
             targets=("1,200", "1,500", "1,800"), result="1,185"),
        "เชิงคุณภาพ :",
        dict(name="ร้อยละของผู้ผ่านการฝึกอบรมที่มีงานทำหรือประกอบอาชีพได้ภายใน 6 เดือนหลังการฝึก", unit="ร้อยละ",
             targets=("80", "80", "85"), result="82.45"),
        dict(name="ร้อยละของผู้ผ่านการทดสอบมาตรฐานฝีมือแรงงานแห่งชาติเทียบกับผู้เข้ารับการทดสอบทั้งหมด", unit="ร้อยละ",
             targets=("75", "75", "77"), result="78.30"),
        dict(name="ร้อยละของสถานประกอบกิจการที่พึงพอใจต่อคุณภาพของแรงงานที่ผ่านการฝึกอบรม", unit="ร้อยละ",
             targets=("85", "85", "๘๕"), result="87.10"),
        "เชิงเวลา :",
        dict(name="ร้อยละของการฝึกอบรมที่ดำเนินการแล้วเสร็จตามแผนที่กำหนด", unit="ร้อยละ",
             targets=("100", "100", "100"), result="96.50"),
        "เชิงต้นทุน :",
        dict(name="ค่าใช้จ่ายเฉลี่ยในการพัฒนาทักษะฝีมือแรงงานต่อคน", unit="บาท",
             targets=("2,450", "2,500", "2,550"), result="2,388"),
    ],
    planted=[],  # a budget book states targets: nothing in it is checked against anything
)

# (b) An action plan's six-month results: a row per project or indicator, ✓ / ✗ achieved.
ACTION_RESULTS = dict(
    slug="genre_action_results_2566_6m", genre="action_results",
    metadata=dict(fiscal_year_be=2566, academic_year_be=None, round_months=6,
                  title_contains="รายงานผลการดำเนินงานตามแผนปฏิบัติราชการ",
                  agency_contains="สำนักวิทยบริการและเทคโนโลยีสารสนเทศ"),
    titles=["รายงานผลการดำเนินงานตามแผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2566 รอบ 6 เดือน",
            "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ", "(1 ตุลาคม 2565 - 31 มีนาคม 2566)"],
    page_break_after=7,
    rows=[
        "ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาระบบบริการสารสนเทศเพื่อการเรียนรู้",
        dict(name="โครงการอบรมการสืบค้นฐานข้อมูลออนไลน์สำหรับนักศึกษา", target="300 คน", result="342 คน",
             budget="45,000", spent="43,250", achieved=True),
        dict(name="โครงการพัฒนาระบบห้องสมุดอัตโนมัติ", target="ร้อยละ 100", result="ร้อยละ 60",
             budget="250,000", spent="120,000", achieved=False),
        # Its ✓ drawn as a ZapfDingbats glyph (the text layer says "4"), as a form tool draws it.
        dict(name="ร้อยละความพึงพอใจของผู้ใช้บริการห้องสมุด", target="ร้อยละ 80", result="ร้อยละ 86.40",
             budget="-", spent="-", achieved=True, mark="dingbat"),
        dict(name="โครงการจัดหาหนังสือและสื่อการเรียนรู้เพื่อสนับสนุนการเรียนการสอนทุกหลักสูตร", target="2,000 เล่ม",
             result="2,315 เล่ม", budget="500,000", spent="487,600", achieved=True),
        "ประเด็นยุทธศาสตร์ที่ 2 การพัฒนาโครงสร้างพื้นฐานด้านเทคโนโลยีสารสนเทศ",
        # Planted: marked ✓ though 96 access points are short of the 120 targeted.
        dict(name="โครงการปรับปรุงระบบเครือข่ายไร้สายภายในมหาวิทยาลัย", target="120 จุด", result="96 จุด",
             budget="1,200,000", spent="980,000", achieved=True,
             planted=("achievement_mismatch", "marked ✓ (achieved) but 96 จุด is short of the 120 จุด targeted")),
        dict(name="ร้อยละของระบบสารสนเทศหลักที่ให้บริการได้ตลอด 24 ชั่วโมง", target="ร้อยละ 99", result="ร้อยละ 99.50",
             budget="-", spent="-", achieved=True),
        dict(name="โครงการอบรมความปลอดภัยไซเบอร์สำหรับบุคลากร", target="150 คน", result="128 คน",
             budget="60,000", spent="52,300", achieved=False),
        dict(name="จำนวนระบบสารสนเทศที่ได้รับการพัฒนาเพื่อสนับสนุนการบริหาร", target="3 ระบบ", result="3 ระบบ",
             budget="180,000", spent="176,500", achieved=True),
    ],
    # The budget total row, right: 2,235,000 received, 1,859,650 spent (genres.py adds them up).
    total_label="รวมงบประมาณ",
)

# (c) A faculty's self-assessment report (SAR): the indicator summary near its end.
SAR = dict(
    slug="genre_sar_2565", genre="sar",
    metadata=dict(fiscal_year_be=None, academic_year_be=2565, round_months=None,
                  title_contains="รายงานการประเมินตนเอง", agency_contains="คณะวิทยาการจัดการ"),
    titles=["รายงานการประเมินตนเอง (Self-Assessment Report : SAR) ระดับคณะ", "ปีการศึกษา 2565",
            "คณะวิทยาการจัดการ"],
    summary_heading="บทสรุปผู้บริหาร",
    summary=[
        "คณะวิทยาการจัดการได้ดำเนินการประเมินคุณภาพการศึกษาภายในตามองค์ประกอบและตัวบ่งชี้ของสำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม ประจำปีการศึกษา 2565 รวม 5 องค์ประกอบ 12 ตัวบ่งชี้",
        "ผลการประเมินพบว่าคณะมีจุดเด่นด้านระบบและกลไกการบริหารงานวิจัย และการบริหารจัดการเพื่อกำกับติดตามผลลัพธ์ตามพันธกิจ ส่วนที่ควรพัฒนาคือการเพิ่มจำนวนอาจารย์ที่ดำรงตำแหน่งทางวิชาการ",
    ],
    table_heading="ตารางสรุปผลการประเมินตนเองรายตัวบ่งชี้ ปีการศึกษา 2565",
    page_break_after=10,
    rows=[
        "องค์ประกอบที่ 1 การผลิตบัณฑิต",
        dict(code="1.1", name="ผลการบริหารจัดการหลักสูตรโดยรวม", target="3.51 คะแนน", result="3.80", score="3.80", achieved=True),
        dict(code="1.2", name="อาจารย์ประจำคณะที่มีคุณวุฒิปริญญาเอก", target="ร้อยละ 20", result="ร้อยละ 24.14", score="3.02", achieved=True),
        dict(code="1.3", name="อาจารย์ประจำคณะที่ดำรงตำแหน่งทางวิชาการ", target="ร้อยละ 40", result="ร้อยละ 37.93", score="3.16", achieved=False),
        dict(code="1.4", name="จำนวนนักศึกษาเต็มเวลาเทียบเท่าต่อจำนวนอาจารย์ประจำ", target="5 คะแนน", result="5.00", score="5.00", achieved=True),
        dict(code="1.5", name="การบริการนักศึกษาระดับปริญญาตรี", target="5 ข้อ", result="6 ข้อ", score="5.00", achieved=True),
        "องค์ประกอบที่ 2 การวิจัย",
        dict(code="2.1", name="ระบบและกลไกการบริหารและพัฒนางานวิจัยหรืองานสร้างสรรค์", target="5 ข้อ", result="6 ข้อ", score="5.00", achieved=True),
        dict(code="2.2", name="เงินสนับสนุนงานวิจัยและงานสร้างสรรค์", target="5 คะแนน", result="4.25", score="4.25", achieved=False),
        dict(code="2.3", name="ผลงานวิชาการของอาจารย์ประจำและนักวิจัย", target="ร้อยละ 20", result="ร้อยละ 26.50", score="5.00", achieved=True),
        "องค์ประกอบที่ 3 การบริการวิชาการ",
        dict(code="3.1", name="การบริการวิชาการแก่สังคม", target="5 ข้อ", result="5 ข้อ", score="4.00", achieved=True),
        "องค์ประกอบที่ 4 การทำนุบำรุงศิลปะและวัฒนธรรม",
        dict(code="4.1", name="ระบบและกลไกการทำนุบำรุงศิลปะและวัฒนธรรมไทย", target="5 ข้อ", result="6 ข้อ", score="5.00", achieved=True),
        "องค์ประกอบที่ 5 การบริหารจัดการ",
        dict(code="5.1", name="การบริหารของคณะเพื่อการกำกับติดตามผลลัพธ์ตามพันธกิจกลุ่มสถาบัน", target="5 ข้อ", result="7 ข้อ", score="5.00", achieved=True),
        dict(code="5.2", name="ระบบกำกับการประกันคุณภาพหลักสูตร", target="5 ข้อ", result="6 ข้อ", score="5.00", achieved=True),
    ],
    # Planted: the twelve scores add up to 53.23, a mean of 4.44; the row prints 4.53.
    average_label="คะแนนเฉลี่ย", average_written="4.53",
)

# (d) A performance agreement (คำรับรองการปฏิบัติราชการ) as slides: a slide per dimension, each
# indicator's weight and its five scoring levels (level 3 is the target).
PERFORMANCE_AGREEMENT = dict(
    slug="genre_performance_agreement_2567", genre="kpi_template",
    metadata=dict(fiscal_year_be=2567, academic_year_be=None, round_months=None,
                  title_contains="คำรับรองการปฏิบัติราชการ", agency_contains="สำนักงานพัฒนาชุมชนจังหวัด"),
    titles=["คำรับรองการปฏิบัติราชการ", "ประจำปีงบประมาณ พ.ศ. 2567", "สำนักงานพัฒนาชุมชนจังหวัดลำปาง",
            "กรอบการประเมินผลการปฏิบัติราชการ 4 มิติ"],
    dimensions=[
        ("มิติที่ 1 ด้านประสิทธิผล", [
            ("1.1", "ร้อยละของครัวเรือนยากจนที่ได้รับการพัฒนาให้มีรายได้ผ่านเกณฑ์ความจำเป็นพื้นฐาน (จปฐ.)", "20",
             ("80", "85", "90", "95", "100")),
            ("1.2", "ร้อยละของกองทุนหมู่บ้านที่ได้รับการพัฒนาศักยภาพผ่านเกณฑ์มาตรฐาน", "15", ("70", "75", "80", "85", "90")),
            ("1.3", "จำนวนผลิตภัณฑ์ชุมชนที่ได้รับการยกระดับมาตรฐาน (ผลิตภัณฑ์)", "15", ("20", "25", "30", "35", "40")),
            ("1.4", "ระดับความสำเร็จของการขับเคลื่อนหมู่บ้านเศรษฐกิจพอเพียง", "10",
             ("ขั้นที่ 1", "ขั้นที่ 2", "ขั้นที่ 3", "ขั้นที่ 4", "ขั้นที่ 5")),
        ]),
        ("มิติที่ 2 ด้านคุณภาพการให้บริการ", [
            ("2.1", "ร้อยละความพึงพอใจของผู้รับบริการ", "10", ("76", "78", "80", "82", "84")),
            ("2.2", "ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขภายในระยะเวลาที่กำหนด", "5", ("80", "85", "90", "95", "100")),
        ]),
        ("มิติที่ 3 ด้านประสิทธิภาพของการปฏิบัติราชการ", [
            ("3.1", "ร้อยละการเบิกจ่ายงบประมาณรายจ่ายประจำปี", "5", ("92", "94", "96", "98", "100")),
            ("3.2", "ร้อยละของการลดใช้พลังงานเทียบกับปีงบประมาณที่ผ่านมา", "5", ("2", "4", "6", "8", "10")),
        ]),
        ("มิติที่ 4 ด้านการพัฒนาองค์การ", [
            ("4.1", "ระดับความสำเร็จของการพัฒนาบุคลากรตามแผนพัฒนารายบุคคล", "5",
             ("ขั้นที่ 1", "ขั้นที่ 2", "ขั้นที่ 3", "ขั้นที่ 4", "ขั้นที่ 5")),
            ("4.2", "ระดับความสำเร็จของการจัดการความรู้ในองค์การ", "5",
             ("ขั้นที่ 1", "ขั้นที่ 2", "ขั้นที่ 3", "ขั้นที่ 4", "ขั้นที่ 5")),
        ]),
    ],
    # Planted: the weights add up to 60 + 15 + 10 + 10 = 95; the total row prints 100.
    total_label="รวม", total_written="100",
)

# (spec, producer)
GENRE_SAMPLES = [
    (BUDGET_BOOK, "reportlab"),
    (BUDGET_BOOK, "html-utf8"),
    (ACTION_RESULTS, "reportlab"),
    (SAR, "reportlab"),
    (PERFORMANCE_AGREEMENT, "reportlab"),
]
