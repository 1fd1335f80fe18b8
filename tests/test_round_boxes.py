"""The checked round (รอบ 6 / 9 / 12 เดือน) however the box is drawn (issue 23, class 2): the
samples are scripts/samplegen/specs_rounds.py's, in HTML and as Chromium prints it."""
from pathlib import Path

import pytest

from snapshots import SAMPLES, processed
from thaikpi.pipeline.run.process import process_file
from thaikpi.pipeline.settings import Settings

BASE = "kpi_2556_2-3_disbursement_rounds"


def _rounds(name: str):
    doc = processed(SAMPLES / name)
    return doc.round_months, [f.check for f in doc.flags if f.check == "round_ambiguous"]


@pytest.mark.parametrize("name", [f"{BASE}_unmarked.chromium.pdf", f"{BASE}_unmarked.utf8.html"])
def test_no_round_marked_is_no_round_and_no_flag(name):
    assert _rounds(name) == (None, [])


def test_two_rounds_marked_are_flagged(tmp_path: Path):
    page = (SAMPLES / f"{BASE}_input_cells.utf8.html").read_text(encoding="utf-8")
    assert page.count('<input type="checkbox">') == 2 and page.count("<input type=\"checkbox\" checked>") == 1
    twice = tmp_path / "two_rounds.html"
    twice.write_text(page.replace('<input type="checkbox">', '<input type="checkbox" checked>', 1), encoding="utf-8")
    doc = process_file(twice, Settings(ocr="off"))
    flags = [f for f in doc.flags if f.check == "round_ambiguous"]
    assert doc.round_months is None and len(flags) == 1
    assert "☑ 6, ☐ 9, ☑ 12" in flags[0].message


def test_a_square_filled_by_css_is_checked_in_html():
    # <span style="width:9pt;height:9pt;border:...;background:#000">&nbsp;</span>: no text at all
    assert _rounds(f"{BASE}_filled_square.utf8.html") == (12, [])


def test_a_tick_drawn_by_css_inside_a_box_is_checked_in_html():
    # the checked box holds a rotated span whose two borders draw the tick
    assert _rounds(f"{BASE}_css_tick.utf8.html") == (9, [])


def test_a_box_in_its_own_cell_belongs_to_the_label_in_the_next():
    assert _rounds(f"{BASE}_input_cells.utf8.html") == (12, [])


def test_a_square_with_a_dot_inside_is_a_checked_round():
    assert _rounds(f"{BASE}_glyph_square.chromium.pdf") == (6, [])


@pytest.mark.parametrize("name, months", [(f"{BASE}_css_square.chromium.pdf", 9), (f"{BASE}_css_tick.chromium.pdf", 9),
                                          (f"{BASE}_filled_square.chromium.pdf", 12),
                                          (f"{BASE}_input_cells.chromium.pdf", 12)])
def test_browser_printed_boxes_are_read(name, months):
    assert _rounds(name) == (months, [])


def test_bug_marks_chromium_paints_at_a_page_foot_are_not_a_line():
    # Chromium moved the line "1. ควรเร่งรัด...ตั้งแต่..." to page 2 and painted its upper
    # marks at the foot of page 1 too, a word of no width that read as a suggestion "ตั้".
    doc = processed(SAMPLES / f"{BASE}_css_square.chromium.pdf")
    assert doc.indicators[0].suggestions == ["ควรเร่งรัดการจัดทำร่างขอบเขตของงานตั้งแต่ต้นปีงบประมาณ"]
