"""What the new KPI reports say (what the seeds do not show), and which documents to make of
them and of the seeds: SAMPLES, (spec, producer). Expected values (recomputed scores, planted
flags) are worked out by hand, from the arithmetic of ../shared/DOMAIN.md §3."""

from samplegen.specs_series import SERIES_SAMPLES
from samplegen.specs_seeds import SEED_000, SEED_002, SEED_003, TITLE

NUMERIC = dict(
    slug="kpi_2556_2-3_disbursement_interpolated",
    titles=[TITLE + "ประจำปีงบประมาณ พ.ศ. 2556", "(รายตัวชี้วัด)"],
    fiscal_year_be=2556,
    rounds=[(6, True), (9, False), (12, False)],
    code_written="2.3", code="2.3",
    name="ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุนของจังหวัด",
    supervisors=["นายสมชาย ใจดี ผอ.กองคลัง", "นางสาวสุภาพร รักงาน ผอ.ส่วนงบประมาณ"],
    data_collectors=["นางมาลี ศรีสุข", "นายวีระ กล้าหาญ"],
    supervisor_phones=["0-2222-4101"], collector_phones=["0-2222-4102", "0-2222-4103"],
    description=[
        "- ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุน หมายถึง สัดส่วนของงบประมาณรายจ่ายลงทุนที่เบิกจ่ายได้จริงต่องบประมาณรายจ่ายลงทุนที่ได้รับจัดสรรทั้งหมด ณ วันสิ้นรอบการประเมิน",
        "- สูตรการคำนวณ: (งบประมาณที่เบิกจ่ายได้ / งบประมาณที่ได้รับจัดสรร) x 100",
    ],
    steps_header=("ขั้นตอนที่", "รายละเอียดการดำเนินการ"),
    steps=[
        (1, ["จัดทำแผนการเบิกจ่ายงบประมาณรายไตรมาส และแจ้งหน่วยงานในสังกัดภายในวันที่ 15 ตุลาคม 2555"]),
        (2, ["ติดตามผลการเบิกจ่ายทุกสัปดาห์ผ่านระบบ GFMIS และรายงานผู้บริหาร"]),
        (3, ["เบิกจ่ายงบประมาณรายจ่ายลงทุนได้ 1,850,000 บาท จากงบประมาณที่ได้รับจัดสรร 2,000,000 บาท คิดเป็นร้อยละ 92.50"]),
    ],
    criteria=["ร้อยละ 80", "ร้อยละ 85", "ร้อยละ 90", "ร้อยละ 95", "ร้อยละ 100"],
    criteria_values=[80, 85, 90, 95, 100],
    score_rows=[
        # 92.5 lies between 90 (level 3) and 95 (level 4): 3 + (92.5 - 90) / 5 = 3.5; 5 x 3.5 / 100 = 0.175
        dict(cells=("ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุนของจังหวัด", "5", "ร้อยละ 92.50", "3.5000", "0.1750"),
             performance_value=92.5, score_recomputed=3.5, weighted_score_recomputed=0.175),
    ],
    criteria_kind="numeric",
    measures=[
        "ประชุมชี้แจงแนวทางการเบิกจ่ายงบประมาณแก่หน่วยงานในสังกัด เมื่อวันที่ 9 ตุลาคม 2555",
        "จัดทำรายงานผลการเบิกจ่ายเสนอผู้ว่าราชการจังหวัดทุกเดือน",
    ],
    support_factors=["ผู้บริหารให้ความสำคัญและติดตามการเบิกจ่ายอย่างใกล้ชิด"],
    obstacles=["การจัดซื้อจัดจ้างบางโครงการล่าช้าเนื่องจากผู้รับจ้างส่งมอบงานไม่ตรงตามกำหนด"],
    suggestions=["ควรเร่งรัดการจัดทำร่างขอบเขตของงานตั้งแต่ต้นปีงบประมาณ"],
    evidence=[
        ("หนังสือจังหวัด ที่ ชม 0017.2/ว 4512 ลงวันที่ 15 ตุลาคม 2555 เรื่อง แผนการเบิกจ่ายงบประมาณ พ.ศ. 2556", ["ชม 0017.2/ว 4512"], ["2012-10-15"]),
        ("รายงานผลการเบิกจ่ายจากระบบ GFMIS ณ วันที่ 31 มีนาคม 2556", [], ["2013-03-31"]),
    ],
    flags=[],
)

SUBINDICATORS = dict(
    slug="kpi_2557_1-2_subindicators_planted",
    digits="thai",
    titles=[TITLE + "ประจำปีงบประมาณ พ.ศ. ๒๕๕๗"],
    fiscal_year_be=2557,
    rounds=[(6, False), (9, True), (12, False)],
    code_written="๑.๒", code="1.2",
    name="ระดับความสำเร็จของการพัฒนาคุณภาพการให้บริการประชาชน",
    supervisors=["นายประเสริฐ มั่นคง (สำนักงานจังหวัด)"],
    data_collectors=["นางสาวกานดา พูลผล (กลุ่มงานยุทธศาสตร์)", "นายอนันต์ สายทอง (กลุ่มงานข้อมูล)"],
    supervisor_phones=["๐-๕๓๑๑-๒๒๓๓"], collector_phones=["๐-๕๓๑๑-๒๒๓๔"],
    description=[
        "• ตัวชี้วัดนี้ประกอบด้วยตัวชี้วัดย่อย ๓ ตัว ได้แก่ การลดระยะเวลาการให้บริการ การสำรวจความพึงพอใจ และการเปิดเผยข้อมูลการให้บริการ",
        "น้ำหนักของตัวชี้วัดย่อยรวมกันเท่ากับน้ำหนักของตัวชี้วัดนี้ (ร้อยละ ๕)",
    ],
    steps_header=("ขั้นตอนที่", "รายละเอียดการดำเนินการ"),
    steps=[
        (1, ["แต่งตั้งคณะทำงานพัฒนาคุณภาพการให้บริการ"]),
        (2, ["จัดทำแผนพัฒนาคุณภาพการให้บริการ"]),
        (3, ["ดำเนินการตามแผนได้ครบถ้วน"]),
        (4, ["ติดตามและประเมินผลการดำเนินการ"]),
        (5, ["สรุปผลและเสนอแนวทางการพัฒนาในปีต่อไป"]),
    ],
    criteria=["ขั้นตอนที่ ๑", "ขั้นตอนที่ ๑-๒", "ขั้นตอนที่ ๑-๓", "ขั้นตอนที่ ๑-๔", "ขั้นตอนที่ ๑-๕"],
    criteria_values=[1, 2, 3, 4, 5],
    # Thai digits in the header too: the score's range.
    score_header=("ตัวชี้วัด/ข้อมูลพื้นฐานประกอบตัวชี้วัด", "น้ำหนัก (ร้อยละ)", "ผลการดำเนินงาน",
                  "ค่าคะแนนที่ได้ (๑-๕)", "ค่าคะแนนถ่วงน้ำหนัก"),
    score_rows=[
        dict(cells=("๑.๒.๑ การลดระยะเวลาการให้บริการ", "๒", "ขั้นตอนที่ ๕", "๕", "๐.๑๐๐๐"),
             performance_value=5, score_recomputed=5, weighted_score_recomputed=0.1),
        # Planted: 2 x 4 / 100 = 0.0800, the report writes 0.0900.
        dict(cells=("๑.๒.๒ การสำรวจความพึงพอใจของผู้รับบริการ", "๒", "ขั้นตอนที่ ๔", "๔", "๐.๐๙๐๐"),
             performance_value=4, score_recomputed=4, weighted_score_recomputed=0.08),
        dict(cells=("๑.๒.๓ การเปิดเผยข้อมูลการให้บริการ", "๑", "ขั้นตอนที่ ๕", "๕", "๐.๐๕๐๐"),
             performance_value=5, score_recomputed=5, weighted_score_recomputed=0.05),
        # Planted: the rows above add up to 0.2400 (as reported); the total writes 0.2300.
        # Its score 4.8000 = 0.24 x 100 / 5 agrees with the parts, so only the total is flagged.
        dict(cells=("รวม", "๕", "", "๔.๘๐๐๐", "๐.๒๓๐๐"), is_total=True,
             performance_value=None, score_recomputed=4.8, weighted_score_recomputed=0.24),
    ],
    criteria_kind="step",
    measures=["ประชุมคณะทำงาน ๓ ครั้ง", "สำรวจความพึงพอใจผู้รับบริการ จำนวน ๔๐๐ ราย"],
    support_factors=["ได้รับความร่วมมือจากทุกหน่วยงาน"],
    obstacles=["-"],
    evidence=[
        ("คำสั่งจังหวัด ที่ ๑๒๓/๒๕๕๖ ลงวันที่ ๒๑ ตุลาคม ๒๕๕๖ เรื่อง แต่งตั้งคณะทำงานพัฒนาคุณภาพการให้บริการ", ["123/2556"], ["2013-10-21"]),
        ("รายงานผลการสำรวจความพึงพอใจ ณ วันที่ ๓๐ มิถุนายน ๒๕๕๗", [], ["2014-06-30"]),
    ],
    # Headings printed in fake bold (each line drawn twice, 0.3 pt apart), as Word does.
    damage={"headings": "fake_bold"},
    flags=[
        dict(check="weighted_score_mismatch", indicator_code="1.2", reported=0.09, expected=0.08, row=1),
        dict(check="total_mismatch", indicator_code="1.2", reported=0.23, expected=0.24, row=3),
    ],
)

FALLING = dict(
    slug="kpi_2558_3-2_permit_days_planted",
    titles=[TITLE + "ประจำปีงบประมาณ พ.ศ. 2558"],
    fiscal_year_be=2558,
    rounds=[(6, False), (9, False), (12, True)],
    code_written="3.2", code="3.2",
    name="ระยะเวลาเฉลี่ยในการออกใบอนุญาตประกอบกิจการ",
    supervisors=["นายวิชัย ทองดี ผอ.กองสาธารณสุข"],
    data_collectors=["นางสาวพิมพ์ใจ แสงทอง"],
    supervisor_phones=["0-5541-1234"], collector_phones=["0-5541-1235"],
    description=[
        "- ระยะเวลาเฉลี่ย หมายถึง จำนวนวันทำการเฉลี่ยนับจากวันที่รับคำขอที่ครบถ้วนจนถึงวันที่ออกใบอนุญาต ยิ่งน้อยยิ่งดี",
    ],
    steps_header=("ขั้นตอนที่", "รายละเอียดการดำเนินการ"),
    steps=[
        (1, ["ปรับปรุงคู่มือการออกใบอนุญาตและประกาศระยะเวลาให้บริการ"]),
        (2, ["ออกใบอนุญาต 240 ราย ใช้เวลารวม 1,800 วันทำการ เฉลี่ย 7.5 วันทำการต่อราย"]),
    ],
    criteria=["10 วัน", "9 วัน", "8 วัน", "7 วัน", "6 วัน"],
    criteria_values=[10, 9, 8, 7, 6],
    score_rows=[
        # Falling thresholds: 7.5 days lies between 8 (level 3) and 7 (level 4):
        # 3 + (7.5 - 8) / (7 - 8) = 3.5. Planted: the report writes 4.0000.
        # 10 x 4 / 100 = 0.4000 agrees with the reported score, so only the score is flagged.
        dict(cells=("ระยะเวลาเฉลี่ยในการออกใบอนุญาตประกอบกิจการ", "10", "7.5 วัน", "4.0000", "0.4000"),
             performance_value=7.5, score_recomputed=3.5, weighted_score_recomputed=0.4),
    ],
    criteria_kind="numeric",
    measures=["ลดขั้นตอนการตรวจสถานที่จาก 3 ครั้งเหลือ 2 ครั้ง"],
    support_factors=["ระบบรับคำขอออนไลน์ช่วยลดเอกสารที่ไม่ครบถ้วน"],
    obstacles=["-"],
    evidence=[
        ("ประกาศเทศบาล ลงวันที่ 1 ธันวาคม 2557 เรื่อง ระยะเวลาการให้บริการ", [], ["2014-12-01"]),
    ],
    flags=[
        dict(check="score_vs_performance", indicator_code="3.2", reported=4, expected=3.5, row=0),
    ],
)

TAB_FLATTENED = dict(NUMERIC, slug="kpi_2556_2-3_disbursement_tab_flattened", tables="tab_flattened",
                     score_header=("ตัวชี้วัด", "น้ำหนัก", "ผลการดำเนินงาน", "ค่าคะแนนที่ได้", "ค่าคะแนนถ่วงน้ำหนัก"))

# Which documents to make: (spec, producer). Producers: reportlab, fpdf2 (PDF); html-* (HTML).
SAMPLES = [
    (SEED_000, "reportlab"),
    (SEED_000, "html-utf8"),
    # Its round checkboxes as glyphs of a symbol font: ZapfDingbats, as reportlab draws form
    # boxes (the text layer has "4" and "q" where the page shows ✔ and ❑), and Wingdings in
    # Word's web page ("þ" and "¨" in a span of font-family Wingdings).
    (dict(SEED_000, slug="kpi_2552_3-1-4_osm_dingbats", checkboxes="symbol_font"), "reportlab"),
    (dict(SEED_000, slug="kpi_2552_3-1-4_osm_dingbats", checkboxes="symbol_font"), "html-utf8"),
    (SEED_002, "fpdf2"),
    (SEED_002, "html-utf8-flat"),
    # ... saved by Internet Explorer as a web archive (.mht): MIME parts, the page in
    # windows-874 as quoted-printable.
    (SEED_002, "html-mht"),
    (SEED_003, "reportlab"),
    (SEED_003, "html-cp874-declared"),
    # Seed 003 as its dump shows it: each table followed by a tab-flattened copy (read once).
    (SEED_003, "html-utf8-twice"),
    # Seed 003 shaped by HarfBuzz (positioned marks, SARA AM split into an unmapped glyph).
    (dict(SEED_003, slug="kpi_2555_4-4_database_shaped", damage={"text": "shaped"}), "fpdf2"),
    (NUMERIC, "fpdf2"),
    (NUMERIC, "html-cp874-undeclared"),
    # The same report set in a legacy font whose tone marks and upper vowels are PUA glyphs.
    (dict(NUMERIC, slug="kpi_2556_2-3_disbursement_legacy_font", damage={"text": "legacy_pua"}), "fpdf2"),
    # ... and in a font whose NIKHAHIT glyph maps to a space: the text layer says "ค าน า".
    (dict(NUMERIC, slug="kpi_2556_2-3_disbursement_lost_nikhahit", damage={"text": "lost_nikhahit"}), "fpdf2"),
    # ... drawn in glyph runs split inside words, a gap between the pieces: the text layer
    # reads "การดำเนิน งาน" (joined back by word frequencies).
    (dict(NUMERIC, slug="kpi_2556_2-3_disbursement_split_runs", damage={"text": "split_runs"}), "fpdf2"),
    # ... and in a font whose consonants sit at other consonants' code points: the page shows
    # Thai, its text layer is non-words. Nothing to read; every page of Thai text is flagged.
    (dict(NUMERIC, slug="kpi_2556_2-3_disbursement_garbled_font", damage={"text": "garbled_font"}), "fpdf2"),
    (SUBINDICATORS, "reportlab"),
    (SUBINDICATORS, "html-utf8"),
    # The same report with its tables aligned in columns, no rules drawn.
    (dict(SUBINDICATORS, slug="kpi_2557_1-2_subindicators_unruled", tables="unruled"), "reportlab"),
    (dict(SUBINDICATORS, slug="kpi_2557_1-2_subindicators_unruled", tables="unruled"), "html-utf8"),
    # ... locked by its owner (no copying or editing; no password to open it), its streams
    # encrypted, as agencies publish many reports.
    (dict(SUBINDICATORS, slug="kpi_2557_1-2_subindicators_owner_locked", owner_locked=True), "reportlab"),
    # ... and with its score table broken across two pages, the header not repeated.
    (dict(SUBINDICATORS, slug="kpi_2557_1-2_subindicators_page_broken", score_break_after=2), "reportlab"),
    # ... and its carried-over part drawn open at the top, the rule over its first row only over
    # the first column, as Excel prints a table broken across pages.
    (dict(SUBINDICATORS, slug="kpi_2557_1-2_subindicators_page_broken_open_top", score_break_after=2, open_top=True),
     "reportlab"),
    (FALLING, "fpdf2"),
    # Its score header in two rows with merged cells (rowspan, colspan).
    (dict(FALLING, slug="kpi_2558_3-2_permit_days_merged_header", merged_score_header=True), "fpdf2"),
    (dict(FALLING, slug="kpi_2558_3-2_permit_days_merged_header", merged_score_header=True), "html-utf8"),
    # Partly ruled tables (rules between rows, none between columns), from a second producer.
    (dict(NUMERIC, slug="kpi_2556_2-3_disbursement_partly_ruled", tables="horizontal_rules"), "fpdf2"),
    # Tables flattened to tab-separated lines: each row one line, cells at the default tab
    # stops, so a long cell pushes the rest of its row off the header's columns. The short
    # header labels of some years.
    (TAB_FLATTENED, "reportlab"),
    (TAB_FLATTENED, "html-utf8"),
    # A long milestone table broken across pages, its header not repeated, a page number
    # ("- 2 -") printed at the top of the next page.
    (dict(SEED_000, slug="kpi_2552_3-1-4_osm_page_broken", header_repeated=False, page_numbers=True), "fpdf2"),
    # A scan: the first page of the report as an image, no text layer at all.
    (dict(NUMERIC, slug="kpi_2556_2-3_disbursement_scan"), "scan"),
    # An e-reporting system's page printed by a browser: shaped Thai, text in /ActualText.
    (dict(NUMERIC, slug="kpi_2556_2-3_disbursement_browser_print"), "chromium"),
    # The same page opened in an office suite and exported to PDF (LibreOffice Writer).
    (dict(NUMERIC, slug="kpi_2556_2-3_disbursement_office_export"), "libreoffice"),
    # One report filed at 6, 9 and 12 months (the cross-document checks): specs_series.py.
    *SERIES_SAMPLES,
]
