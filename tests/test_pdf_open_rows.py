"""Rows of a ruled table that pdfplumber leaves open (pdf_cells.filled_rows): a column with no
cell in a row, where no cell of the table covers it, keeps its text."""
import io

from conftest import REAL_CORPUS, needs_shared
from thaikpi.pipeline.readers.pdf_reader import read_pdf

# three columns' rules, x; rows' rules, y from the top of a 400 x 300 page
COLUMNS = (40, 140, 240, 340)


def _table(top_rule_over: tuple[int, int], first_row: tuple[str, str, str], heading: str = "") -> bytes:
    """A table carried over from a page before: its columns' rules run from y 60 to 160, rules
    under each row (y 90, 120, 160) span every column, and the rule over the first row spans
    only `top_rule_over` (column indexes, from and to)."""
    from reportlab.pdfgen import canvas  # the test extra

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(400, 300))

    def y(top):
        return 300 - top
    for x in COLUMNS:
        c.line(x, y(60), x, y(160))
    c.line(COLUMNS[top_rule_over[0]], y(60), COLUMNS[top_rule_over[1]], y(60))
    for top in (90, 120, 160):
        c.line(COLUMNS[0], y(top), COLUMNS[-1], y(top))
    c.setFont("Helvetica", 10)
    for x, text in zip(COLUMNS, first_row):
        c.drawString(x + 5, y(78), text)
    if heading:
        c.drawString(COLUMNS[1] + 60, y(78), heading)  # from column 1 across into column 2
    for row, top in ((("b1", "b2", "b3"), 108), (("c1", "c2", "c3"), 143)):
        for x, text in zip(COLUMNS, row):
            c.drawString(x + 5, y(top), text)
    c.save()
    return buffer.getvalue()


def _rows(data: bytes) -> list[tuple[str, ...]]:
    return [line.cells for line in read_pdf(data).lines if line.table is not None]


def test_bug_the_first_row_of_a_table_open_at_its_top_was_lost():
    # rbru_arit_action_conclusion_kpi_fy2553 p.2: Excel drew the rule over the carried-over
    # table's first row over its first column only; pdfplumber made no cell in the others, and
    # their text (a whole indicator) was in the table's box and in no cell
    rows = _rows(_table((0, 1), ("a1", "alpha 4", "beta 5")))
    assert rows == [("a1", "alpha 4", "beta 5"), ("b1", "b2", "b3"), ("c1", "c2", "c3")]


def test_a_closed_table_is_read_as_before():
    rows = _rows(_table((0, 3), ("a1", "alpha 4", "beta 5")))
    assert rows == [("a1", "alpha 4", "beta 5"), ("b1", "b2", "b3"), ("c1", "c2", "c3")]


def test_text_across_two_open_columns_is_one_cell_in_the_first():
    # a heading over columns whose rules between them are not drawn in its row (the MOPH
    # template's "ผลการดำเนินงานในรอบปี" over its years): one cell, not two halves of a word
    rows = _rows(_table((0, 1), ("a1", "", ""), heading="performance"))
    assert rows[0] == ("a1", "performance", "")
    assert rows[1:] == [("b1", "b2", "b3"), ("c1", "c2", "c3")]


@needs_shared
def test_real_the_carried_over_first_row_of_the_fy2553_results_is_read():
    data = (REAL_CORPUS / "rbru_arit_action_conclusion_kpi_fy2553.pdf").read_bytes()
    rows = [line.cells for line in read_pdf(data).lines if line.page == 2 and line.table is not None]
    assert rows[0] == ("", "ดำเนินการจัดซื้อวัสดุสำนักงาน", "4 ไตรมาส", "4 ไตรมาส",
                       "โครงการบริหารจัดการ\nสำนักวิทยบริการฯ", "สำนักงานผู้อำนวยการ")
    assert rows[1][1:4] == ("การซ่อมแซมและบำรุงรักษาลิฟต์", "12 เดือน", "12 เดือน")
