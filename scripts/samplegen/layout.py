"""What every producer lays out for a KPI report: the header cells, list sections, criteria
and score headers, and tables flattened to tab-separated lines."""
from __future__ import annotations

import math

from samplegen.specs_seeds import SCORE_HEADER
from samplegen.text import damaged, num, wrap


def header_cells(spec: dict) -> tuple[str, list[str], list[str], str, str]:
    label = spec.get("code_label", "ชื่อตัวชี้วัด")
    name = f"{label} : {spec['code_written']} {spec['name']}"
    numbered = spec.get("numbered_people", True)

    def people(title, persons):
        if numbered:
            return [f"{title} : {num(spec, 1)}. {persons[0]}"] + [
                f"{num(spec, i + 1)}. {p}" for i, p in enumerate(persons) if i > 0]
        return [f"{title} : {persons[0]}"] + persons[1:]

    return (name, people("ผู้กำกับดูแลตัวชี้วัด", spec["supervisors"]),
            people("ผู้จัดเก็บข้อมูล", spec["data_collectors"]),
            "โทรศัพท์ : " + " , ".join(spec["supervisor_phones"]),
            "โทรศัพท์ : " + " , ".join(spec["collector_phones"]))


def list_paragraphs(spec: dict, key: str) -> list[str]:
    numbers = spec.get(key + "_numbers") or range(1, len(spec.get(key, [])) + 1)
    values = spec.get(key, [])
    texts = [v[0] if isinstance(v, tuple) else v for v in values]
    if texts == ["-"]:
        return ["-"]
    return [damaged(spec, key, f"{num(spec, n)}. {t}") for n, t in zip(numbers, texts)]


LIST_SECTIONS = (
    ("measures", "คำชี้แจงการปฏิบัติงาน/มาตรการที่ได้ดำเนินการ :"),
    ("support_factors", "ปัจจัยสนับสนุนต่อการดำเนินงาน :"),
    ("obstacles", "อุปสรรคต่อการดำเนินงาน :"),
    ("suggestions", "ข้อเสนอแนะสำหรับการดำเนินงานในปีต่อไป :"),
    ("evidence", "หลักฐานอ้างอิง :"),
)


def criteria_rows(spec: dict) -> list[list[str]]:
    return [[f"ระดับ {num(spec, i)}" for i in range(1, 6)], list(spec["criteria"])]


def score_header(spec: dict) -> tuple[str, ...]:
    return spec.get("score_header", SCORE_HEADER)


# A score header in two rows with merged cells (spec key merged_score_header), as many
# reports draw it: the first three labels span both rows, "ค่าคะแนน" spans the two score
# columns over "ที่ได้" and "ถ่วงน้ำหนัก". {(row, column): span}; a cell under a span is "".
MERGED_SCORE_HEADER = (("ตัวชี้วัด/ข้อมูลพื้นฐานประกอบตัวชี้วัด", "น้ำหนัก (ร้อยละ)", "ผลการดำเนินงาน", "ค่าคะแนน", ""),
                       ("", "", "", "ที่ได้", "ถ่วงน้ำหนัก"))
MERGED_SCORE_SPANS = {(0, 0): {"rowspan": 2}, (0, 1): {"rowspan": 2}, (0, 2): {"rowspan": 2}, (0, 3): {"colspan": 2}}

TAB_STOP = 36  # points: a word processor's default tab stops (half an inch)
TAB_MIN_GAP = 6  # points: a tab that would land closer than this goes on to the next stop


def tab_lines(rows: list[list[str]], measure, width: float) -> list[list[tuple[float, str]]]:
    """A table flattened to tab-separated lines: each row one line of (x, text) pieces; a last
    cell too long for the line wraps back to the margin, as a word processor wraps it."""
    out = []
    for row in rows:
        xs = tab_positions(row, measure)
        pieces = [(x, cell) for x, cell in zip(xs, row) if cell]
        x, last = pieces[-1]
        if x + measure(last) > width:
            wrapped = wrap(last, width, measure, first_width=width - x)
            out.append(pieces[:-1] + [(x, wrapped[0])])
            out.extend([(0.0, line)] for line in wrapped[1:])
        else:
            out.append(pieces)
    return out


def tab_positions(cells: list[str], measure) -> list[float]:
    """Where each cell of a tab-separated line starts: at the next default tab stop after the
    text before it, as a word processor sets it. Cells that overflow a stop push the rest of
    the line on, so the columns of a flattened table do not line up."""
    xs, x = [], 0.0
    for i, cell in enumerate(cells):
        if i:
            x = math.ceil((x + TAB_MIN_GAP) / TAB_STOP) * TAB_STOP
        xs.append(x)
        x += measure(cell)
    return xs

