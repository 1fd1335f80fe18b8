"""Issue 4: the rules that read tables, one test each (extractors/aligned.py, and the KPI
extractor's table stages). The samples test the same rules on real PDFs and HTML
(tests/test_table_shapes.py)."""
from __future__ import annotations

from thaikpi.extractors import aligned
from thaikpi.extractors.kpi_report import unreadable_tables
from thaikpi.extractors.kpi_score_table import parse_score_rows, stacked_header
from thaikpi.extractors.kpi_sections import Section
from thaikpi.extractors.kpi_steps import parse_criteria, parse_steps
from thaikpi.schemas.document import Indicator
from thaikpi.schemas.parsed import Line


def words(*runs: tuple[float, str], width: float = 6.0):
    """(x0, text) runs -> a line's words, each word `width` points per character."""
    out = []
    for x0, text in runs:
        x = x0
        for w in text.split(" "):
            out.append((x, x + width * len(w), w))
            x += width * len(w) + 3  # a space
    return tuple(out)


def text_line(*runs, page=1, rule_above=False) -> Line:
    ws = words(*runs)
    return Line(cells=(" ".join(w for _, _, w in ws),), page=page, words=ws, rule_above=rule_above)


def test_a_space_joins_words_and_a_wider_gap_separates_cells():
    found = aligned.pieces(words((0, "ร้อยละ 80"), (100, "ร้อยละ 85")))
    assert [t for _, _, t in found] == ["ร้อยละ 80", "ร้อยละ 85"]


def test_a_header_cell_wrapped_onto_two_lines_is_one_column():
    header = [text_line((0, "ตัวชี้วัด"), (100, "น้ำหนัก"), (200, "ค่าคะแนน")),
              text_line((100, "(ร้อยละ)"), (200, "ถ่วงน้ำหนัก"))]
    assert [c.header for c in aligned.header_columns(header)] == ["ตัวชี้วัด", "น้ำหนัก (ร้อยละ)", "ค่าคะแนน ถ่วงน้ำหนัก"]


def test_a_full_line_is_read_in_order_even_off_the_header_columns():
    columns = aligned.header_columns([text_line((0, "ก"), (40, "ข"), (80, "ค"))])
    # A long first cell pushed the rest of the line to later tab stops.
    cells = aligned.place(text_line((0, "ยาวมากมากมาก"), (120, "5"), (160, "0.5")), columns)
    assert [[t for _, _, t in c] for c in cells] == [["ยาวมากมากมาก"], ["5"], ["0.5"]]


def test_a_line_with_fewer_pieces_is_placed_by_alignment():
    columns = aligned.header_columns([text_line((0, "ก"), (100, "ข"), (200, "ค"))])
    cells = aligned.place(text_line((0, "รวม"), (200, "0.24")), columns)
    assert [[t for _, _, t in c] for c in cells] == [["รวม"], [], ["0.24"]]


def test_rules_between_rows_decide_the_rows_when_they_mark_every_row():
    columns = aligned.header_columns([text_line((0, "ขั้นตอนที่"), (100, "รายละเอียด"))])
    body = [text_line((100, "บรรทัดแรก"), rule_above=True), text_line((0, "1")), text_line((100, "บรรทัดสอง")),
            text_line((0, "2"), (100, "ขั้นสอง"), rule_above=True)]
    rows = aligned.rows_by_alignment(body, columns, starts_row=lambda cells: bool(cells[0]))
    assert [r.cells for r in rows] == [("1", "บรรทัดแรก\nบรรทัดสอง"), ("2", "ขั้นสอง")]


def test_a_single_rule_over_many_rows_is_a_border():
    columns = aligned.header_columns([text_line((0, "ก"), (100, "ข"))])
    body = [text_line((0, "1"), (100, "หนึ่ง"), rule_above=True), text_line((0, "2"), (100, "สอง")),
            text_line((0, "3"), (100, "สาม"))]
    rows = aligned.rows_by_alignment(body, columns, starts_row=lambda cells: bool(cells[0]))
    assert [r.cells for r in rows] == [("1", "หนึ่ง"), ("2", "สอง"), ("3", "สาม")]


def test_an_indented_line_in_a_cell_opens_a_paragraph():
    columns = aligned.header_columns([text_line((0, "ก"), (100, "ข"))])
    body = [text_line((0, "1"), (100, "ย่อหน้าแรก")), text_line((100, "ต่อ")), text_line((124, "ย่อหน้าสอง"))]
    rows = aligned.rows_by_alignment(body, columns, starts_row=lambda cells: bool(cells[0]))
    assert rows[0].cells[1] == "ย่อหน้าแรก\nต่อ\n\nย่อหน้าสอง"


def test_unruled_steps_text_wrapped_back_to_the_margin_stays_in_its_step():
    section = Section("steps", [
        text_line((0, "ขั้นตอนที่"), (72, "รายละเอียดการดำเนินการ")),
        text_line((0, "1"), (36, "จัดทำแผน")),
        text_line((0, "2"), (36, "เบิกจ่ายได้ 1,850,000 บาท คิดเป็น")),
        text_line((0, "ร้อยละ 92.50")),
    ])
    steps = parse_steps(section)
    assert [(s.step, s.text) for s in steps] == [(1, "จัดทำแผน"), (2, "เบิกจ่ายได้ 1,850,000 บาท คิดเป็นร้อยละ 92.50")]


def test_unruled_criteria_read_under_their_levels():
    section = Section("criteria", [
        text_line((0, "ระดับ 1"), (100, "ระดับ 2"), (200, "ระดับ 3"), (300, "ระดับ 4"), (400, "ระดับ 5")),
        text_line((0, "ร้อยละ 80"), (100, "ร้อยละ 85"), (200, "ร้อยละ 90"), (300, "ร้อยละ 95"), (400, "ร้อยละ 100")),
    ])
    criteria, kind = parse_criteria(section)
    assert [(c.level, c.value) for c in criteria] == [(1, 80), (2, 85), (3, 90), (4, 95), (5, 100)]
    assert kind == "numeric"


def test_a_header_of_two_rows_with_merged_cells_reads_stacked():
    top = ("ตัวชี้วัด", "น้ำหนัก", "ผลการดำเนินงาน", "ค่าคะแนน", "")
    bottom = ("", "", "", "ที่ได้", "ถ่วงน้ำหนัก")
    assert stacked_header(top, bottom) == ("ตัวชี้วัด", "น้ำหนัก", "ผลการดำเนินงาน", "ค่าคะแนน ที่ได้", "ค่าคะแนน ถ่วงน้ำหนัก")
    section = Section("score_rows", [Line(cells=top, page=2, table=0), Line(cells=bottom, page=2, table=0),
                                     Line(cells=("ระยะเวลาเฉลี่ย", "10", "7.5 วัน", "4.0000", "0.4000"), page=2, table=0)])
    (row,) = parse_score_rows(section)
    assert (row.label, row.weight, row.performance_value, row.score, row.weighted_score, row.page) == (
        "ระยะเวลาเฉลี่ย", 10, 7.5, 4, 0.4, 2)


def test_a_score_table_without_a_readable_header_is_flagged_not_guessed():
    sections = {"score_rows": Section("score_rows", [
        Line(cells=("ก", "ข", "ค"), page=3, table=0), Line(cells=("รายการ", "5", "0.25"), page=3, table=0)])}
    indicator = Indicator(code="1.1", score_rows=parse_score_rows(sections["score_rows"]))
    assert indicator.score_rows == []
    (flag,) = unreadable_tables(sections, indicator)
    assert (flag.check, flag.page, flag.indicator_code) == ("table_unreadable", 3, "1.1")
    assert "no header" in flag.message


def test_criteria_levels_without_their_thresholds_are_flagged():
    sections = {"criteria": Section("criteria", [
        Line(cells=("ระดับ 1", "ระดับ 2", "ระดับ 3"), page=1, table=0)])}
    criteria, _ = parse_criteria(sections["criteria"])
    (flag,) = unreadable_tables(sections, Indicator(criteria=criteria))
    assert flag.check == "table_unreadable" and "3 levels, 0 thresholds" in flag.message
