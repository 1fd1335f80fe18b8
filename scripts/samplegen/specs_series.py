"""One KPI report as an agency files it round after round (6, 9 and 12 months of fiscal year
2559), for the cross-document checks (issue 25): the same indicator, its sub-indicators'
weights, results and scores, read across the three documents. What changes between rounds
is planted here and the expected cross-document flags and series are worked out by hand in
tests/test_cross_documents.py from these specs.

The criteria are milestones (steps done so far): a cumulative result, which can only grow."""

from samplegen.specs_seeds import TITLE

_BASE = dict(
    titles=[TITLE + "ประจำปีงบประมาณ พ.ศ. 2559"],
    fiscal_year_be=2559,
    code_written="1.4", code="1.4",
    name="ระดับความสำเร็จของการพัฒนาระบบบริการเบ็ดเสร็จ",
    supervisors=["นายสุรชัย วงศ์ดี (สำนักงานจังหวัด)"],
    data_collectors=["นางสาวอรุณี ทองคำ (กลุ่มงานยุทธศาสตร์)"],
    supervisor_phones=["0-5311-4455"], collector_phones=["0-5311-4456"],
    description=["- ตัวชี้วัดนี้ประกอบด้วยตัวชี้วัดย่อย 2 ตัว น้ำหนักรวมกันเท่ากับน้ำหนักของตัวชี้วัดนี้ (ร้อยละ 4)"],
    steps_header=("ขั้นตอนที่", "รายละเอียดการดำเนินการ"),
    steps=[
        (1, ["แต่งตั้งคณะทำงานพัฒนาระบบบริการ"]),
        (2, ["จัดทำแผนพัฒนาระบบบริการ"]),
        (3, ["เปิดให้บริการตามแผน"]),
        (4, ["ติดตามและประเมินผลการให้บริการ"]),
        (5, ["สรุปผลและเสนอแนวทางการพัฒนา"]),
    ],
    criteria=["ขั้นตอนที่ 1", "ขั้นตอนที่ 1-2", "ขั้นตอนที่ 1-3", "ขั้นตอนที่ 1-4", "ขั้นตอนที่ 1-5"],
    criteria_values=[1, 2, 3, 4, 5],
    criteria_kind="step",
    measures=["ประชุมคณะทำงานทุกเดือน"],
    support_factors=["ได้รับความร่วมมือจากหน่วยงานในสังกัด"],
    obstacles=["-"],
    evidence=[("รายงานการประชุมคณะทำงาน ณ วันที่ 30 มีนาคม 2559", [], ["2016-03-30"])],
    flags=[],
)


def _row(label: str, weight: str, steps: int, score: str, weighted: str, weighted_value: float) -> dict:
    return dict(cells=(label, weight, f"ขั้นตอนที่ {steps}", score, weighted),
                performance_value=steps, score_recomputed=float(score), weighted_score_recomputed=weighted_value)


def _total(weighted: str, value: float) -> dict:
    # the total's score: its parts' weighted scores x 100 / their weight (4)
    score = round(value * 100 / 4, 4)
    return dict(cells=("รวม", "4", "", f"{score:.4f}", weighted), is_total=True,
                performance_value=None, score_recomputed=score, weighted_score_recomputed=value)


A, B = "1.4.1 การลดขั้นตอนการให้บริการ", "1.4.2 การให้บริการออนไลน์"

# 6 months: A 3 steps (weight 2), B 2 steps (weight 2).
ROUND_6 = dict(_BASE, slug="kpi_2559_1-4_one_stop_round6", rounds=[(6, True), (9, False), (12, False)], score_rows=[
    _row(A, "2", 3, "3", "0.0600", 0.06),
    _row(B, "2", 2, "2", "0.0400", 0.04),
    _total("0.1000", 0.1),
])
# 9 months: A 4 steps; B reports 1 step (backwards from 2: result and score fall) and the
# weights move (A 2 -> 3, B 2 -> 1), their sum still 4.
ROUND_9 = dict(_BASE, slug="kpi_2559_1-4_one_stop_round9", rounds=[(6, False), (9, True), (12, False)], score_rows=[
    _row(A, "3", 4, "4", "0.1200", 0.12),
    _row(B, "1", 1, "1", "0.0100", 0.01),
    _total("0.1300", 0.13),
])
# 12 months: A 5 steps, B 5 steps; weights as at 9 months.
ROUND_12 = dict(_BASE, slug="kpi_2559_1-4_one_stop_round12", rounds=[(6, False), (9, False), (12, True)], score_rows=[
    _row(A, "3", 5, "5", "0.1500", 0.15),
    _row(B, "1", 5, "5", "0.0500", 0.05),
    _total("0.2000", 0.2),
])

SERIES_SAMPLES = [(ROUND_6, "reportlab"), (ROUND_9, "reportlab"), (ROUND_12, "reportlab")]
