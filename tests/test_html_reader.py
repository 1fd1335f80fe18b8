"""The HTML reader on pages no sample has: the shapes of hand-made and broken markup."""
from thaikpi.pipeline.readers.html_reader import read_html

HEAD = '<html><head><meta charset="utf-8"></head><body>'


def lines_of(body: str) -> list[tuple[str, ...]]:
    return [line.cells for line in read_html((HEAD + body + "</body></html>").encode()).lines]


def test_bug_a_deeply_nested_page_was_an_internal_error():
    # The walker recursed per tag (three frames a level): past ~330 levels a page failed
    # with RecursionError. Hand-made pages nest that deep with tags they never close.
    assert lines_of("<div>" * 2000 + "ข้อความ" + "</div>" * 2000) == [("ข้อความ",)]
    # an unclosed <font> ending each cell: lxml nests every next row inside it, so the first
    # cell holds them all, each row a paragraph of it (a browser would make 400 rows)
    rows = "".join(f"<tr><td><font size=2>แถว {i}" for i in range(400))
    assert lines_of(f"<p>ก่อน</p><table>{rows}</table><p>หลัง</p>") == \
        [("ก่อน",), ("\n\n".join(f"แถว {i}" for i in range(400)),), ("หลัง",)]


def test_bug_layout_tables_nested_deep_read_their_cells_in_order():
    # a table opened in the last cell of the one before, 1,200 deep: each is a layout table
    # (its cell holds a table), whose cells are blocks read in order; the innermost holds
    # none, and is a data table of one row
    nested = "".join(f"<table><tr><td>ซ้าย {i}<td>ขวา {i}" for i in range(1200))
    lines = lines_of(nested)
    assert lines[:4] == [("ซ้าย 0",), ("ขวา 0",), ("ซ้าย 1",), ("ขวา 1",)]
    assert lines[-3:] == [("ซ้าย 1198",), ("ขวา 1198",), ("ซ้าย 1199", "ขวา 1199")]
    assert len(lines) == 2399


def test_a_data_table_keeps_its_columns_under_spans():
    table = ("<table><tr><th rowspan=2>ตัวชี้วัด<th colspan=2>ผล</tr>"
             "<tr><td>2552<td>2553</tr><tr><td>1.1<td>80<td>90</tr></table>")
    assert lines_of(table) == [("ตัวชี้วัด", "ผล", ""), ("", "2552", "2553"), ("1.1", "80", "90")]
