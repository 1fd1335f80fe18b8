"""Round boxes that are not one glyph (issue 23, class 2): KPI reports whose checked round
(รอบ 6 / 9 / 12 เดือน) is a CSS-drawn square holding a tick glyph, a square filled black, a
tick drawn by CSS, a browser's own <input type=checkbox>, a ▣ glyph, or nothing marked at
all; in the HTML an e-reporting system serves and as Chromium prints it. The rest of each
report is NUMERIC's (specs_kpi.py), so its gold is NUMERIC's but for the round.

ROUND_SAMPLES: (spec, producer). Where no round is marked the round is empty and nothing is
flagged: an unmarked form is not a contradiction.
"""

from samplegen.specs_kpi import NUMERIC


def _rounds(checked):
    return [(m, m == checked) for m in (6, 9, 12)]


BASE = "kpi_2556_2-3_disbursement_rounds"
CSS_SQUARE = dict(NUMERIC, slug=BASE + "_css_square", checkboxes="css_square", round_layout="line",
                  rounds=_rounds(9))
FILLED_SQUARE = dict(NUMERIC, slug=BASE + "_filled_square", checkboxes="filled_square", rounds=_rounds(12))
CSS_TICK = dict(NUMERIC, slug=BASE + "_css_tick", checkboxes="css_tick", round_layout="line", rounds=_rounds(9))
# each box in a table cell of its own, its label in the next cell
INPUT_CELLS = dict(NUMERIC, slug=BASE + "_input_cells", checkboxes="input", round_layout="table",
                   rounds=_rounds(12))
GLYPH_SQUARE = dict(NUMERIC, slug=BASE + "_glyph_square", checkboxes="glyph_square", rounds=_rounds(6))
UNMARKED = dict(NUMERIC, slug=BASE + "_unmarked", checkboxes="input", round_layout="line", rounds=_rounds(None))

ROUND_SAMPLES = [
    (CSS_SQUARE, "chromium"), (CSS_SQUARE, "html-utf8"),
    (FILLED_SQUARE, "chromium"), (FILLED_SQUARE, "html-utf8"),
    (CSS_TICK, "chromium"), (CSS_TICK, "html-utf8"),
    (INPUT_CELLS, "chromium"), (INPUT_CELLS, "html-utf8"),
    (GLYPH_SQUARE, "chromium"),
    (UNMARKED, "chromium"), (UNMARKED, "html-utf8"),
]


# --- a framework in lists (issue 23, class 5) --------------------------------------------------
# Dimension 1: indicator 1 (30) is the sum of its sub-indicators 1.1 and 1.2 (15 + 15), so the
# dimension is 1 (30) + 2 (20) = 50, not 80; in dimension 4 indicator 7 (10) is the sum of two
# bullets under it with no code (5 + 5), so the dimension is 7 (10) + 8 (10) = 20, not 30. Dimension 2: bullets with neither code nor weight,
# still indicators. Dimension 3: 4 + 4 = 8, not the 10 printed (planted). The example slide's
# items illustrate how to write sub-indicators: not the framework's, though it names มิติที่ 1.

FRAMEWORK_LISTS = dict(
    slug="framework_2553_department_lists",
    fiscal_year_be=2553,
    title="กรอบการประเมินผลการปฏิบัติราชการของกรม ประจำปีงบประมาณ พ.ศ. 2553",
    slides=[
        ("text", "ความเป็นมา", "กรมได้จัดทำกรอบการประเมินผลการปฏิบัติราชการตามมติคณะรัฐมนตรี เพื่อใช้ติดตามผลการดำเนินงานของหน่วยงานในสังกัด"),
        ("dimension", "ประเด็นการประเมินผล", dict(number=1, name="มิติด้านประสิทธิผลตามพันธกิจ", weight="50", items=[
            ("1.", "ระดับความสำเร็จของการบรรลุเป้าหมายตามแผนปฏิบัติราชการของกรม", "30", [
                ("1.1", "ระดับความสำเร็จของการดำเนินงานตามแผนงานด้านเศรษฐกิจ", "15", []),
                ("1.2", "ระดับความสำเร็จของการดำเนินงานตามแผนงานด้านสังคม", "15", []),
            ]),
            ("2.", "ร้อยละของโครงการที่ดำเนินการแล้วเสร็จตามแผน", "20", []),
        ])),
        # read as the framework's, 1.3 and 1.4 would make indicator 1's parts 40, not 30
        ("example", "ตัวอย่างการเขียนตัวชี้วัดย่อยในมิติที่ 1", [
            ("1.3", "ร้อยละของผู้เข้ารับการอบรมที่นำความรู้ไปใช้ประโยชน์", "5", []),
            ("1.4", "จำนวนหลักสูตรที่พัฒนาแล้วเสร็จ", "5", []),
        ]),
        ("dimension", "ประเด็นการประเมินผล", dict(number=2, name="มิติด้านคุณภาพการให้บริการ", weight="20", items=[
            (None, "ร้อยละของระดับความพึงพอใจของผู้รับบริการ", None, []),
            (None, "ระดับความสำเร็จของการเปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วม", None, []),
        ])),
        ("dimension", "ประเด็นการประเมินผล", dict(number=3, name="มิติด้านประสิทธิภาพของการปฏิบัติราชการ", weight="10", items=[
            ("5.", "ระดับความสำเร็จของการลดระยะเวลาการให้บริการ", "4", []),
            ("6.", "ระดับความสำเร็จของการดำเนินการตามมาตรการประหยัดพลังงาน", "4", []),
        ])),
        ("dimension", "ประเด็นการประเมินผล", dict(number=4, name="มิติด้านการพัฒนาองค์การ", weight="20", items=[
            ("7.", "ระดับความสำเร็จของการจัดการความรู้", "10", [
                (None, "ระดับความสำเร็จของการจัดทำแผนการจัดการความรู้", "5", []),
                (None, "ระดับความสำเร็จของการจัดเวทีแลกเปลี่ยนเรียนรู้", "5", []),
            ]),
            ("8.", "ระดับความสำเร็จของการพัฒนาบุคลากร", "10", []),
        ])),
    ],
    flags=[dict(check="weight_sum_mismatch", indicator_code=None, reported=10, expected=8, dimension=3)],
)

FRAMEWORK_LIST_SAMPLES = [(FRAMEWORK_LISTS, "html-utf8"), (FRAMEWORK_LISTS, "chromium")]
