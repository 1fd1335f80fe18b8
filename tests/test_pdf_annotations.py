"""Text typed onto a page as FreeText annotations (a form filled in with Acrobat's typewriter
tool) is read as page text where it sits (pipeline/readers/pdf_annotations.py)."""
from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas  # the test extra

from conftest import REAL_CORPUS
from thaikpi.pipeline.readers.pdf_annotations import HIDDEN, NO_VIEW
from thaikpi.pipeline.readers.pdf_reader import read_pdf
from thaikpi.pipeline.run.process import process_file
from conftest import needs_shared

DDC_FILLED = "ddc_child_centre_disease_free_assessment_filled_sakonnakhon_2557.pdf"
REASON = "ไม่มีใบรับรองแพทย์"
# A ruled table of two rows: item | score | note; its second row's score and note cells blank.
COLUMNS, ROWS = [50, 250, 330, 500], [700, 670, 640]
SCORE_CELL, NOTE_CELL = (255, 645, 325, 665), (335, 645, 495, 665)
# The default appearance, as a PDF string: reportlab writes the value as it is given.
DA = "(/Helv 14 Tf 0 g)"


def _form(*annotations: tuple[str, tuple, int], subtype: str = "FreeText") -> bytes:
    """A page with the ruled table and the given (text, rect, flags) annotations on it."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.grid(COLUMNS, ROWS)
    c.setFont("Helvetica", 12)
    for x, text in zip((55, 255, 335), ("Item", "Score", "Note")):
        c.drawString(x, 680, text)
    c.drawString(55, 650, "Hand washing")
    for text, rect, flags in annotations:
        if subtype == "FreeText":
            c.freeTextAnnotation(text, DA, Rect=rect, F=flags)
        else:
            c.textAnnotation(text, Rect=rect, F=flags)
    c.save()
    return buffer.getvalue()


def _table_rows(data: bytes) -> list[tuple]:
    return [line.cells for line in read_pdf(data).lines if line.cells]


def test_text_typed_into_a_table_cell_is_that_cell_s_text():
    rows = _table_rows(_form(("1", SCORE_CELL, 4), (REASON, NOTE_CELL, 4)))
    assert rows == [("Item", "Score", "Note"), ("Hand washing", "1", REASON)]


def test_the_lines_of_an_annotation_are_lines_of_its_cell():
    rows = _table_rows(_form(("first\rsecond", (335, 642, 495, 668), 4)))
    assert rows[1] == ("Hand washing", "", "first\nsecond")


@pytest.mark.parametrize("flags", [HIDDEN, NO_VIEW, HIDDEN | 4])
def test_a_hidden_annotation_is_not_read(flags):
    rows = _table_rows(_form(("1", SCORE_CELL, 4), ("typed but hidden", NOTE_CELL, flags)))
    assert rows[1] == ("Hand washing", "1", "")


def test_a_note_annotation_is_not_page_text():
    # a sticky note (/Text) carries Contents too, but it is a comment, not text on the page
    rows = _table_rows(_form(("a comment", SCORE_CELL, 4), subtype="Text"))
    assert rows[1] == ("Hand washing", "", "")


def test_a_malformed_annotation_leaves_the_page_s_text_read():
    # an annotation without its /Rect (blanked in place: the xref offsets stay right)
    data = _form(("1", SCORE_CELL, 4))
    start = data.index(b"/Rect")
    end = data.index(b"]", start) + 1
    data = data[:start] + b" " * (end - start) + data[end:]
    assert _table_rows(data) == [("Item", "Score", "Note"), ("Hand washing", "", "")]


def test_typed_text_is_not_a_repaired_or_garbled_page():
    doc = read_pdf(_form((REASON * 4, (60, 400, 560, 430), 4)))
    assert REASON * 4 in [line.text for line in doc.lines]
    assert (doc.repaired_pages, doc.garbled_pages) == ({}, {})


def test_a_value_typed_over_a_blank_s_dots_fills_the_blank():
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", 12)
    c.drawString(60, 500, "Children ..................... persons")
    c.freeTextAnnotation("70", DA.replace("14", "12"), Rect=(120, 496, 140, 513), F=4)
    c.save()
    # the four dots under "70" give way to it; the 4 + 13 beside it stay
    assert [line.text for line in read_pdf(buffer.getvalue()).lines] == ["Children ...." + "70" + "." * 13 + " persons"]


@needs_shared
def test_the_ddc_filled_form_reads_its_typed_scores():
    # gold: tests/real_gold/ddc_child_centre_disease_free_assessment_filled_sakonnakhon_2557.json
    path = REAL_CORPUS / DDC_FILLED
    scores = {r.code: r.score for r in process_file(path).indicators}
    assert [scores[code] for code in "12345"] == [1.0, 1.0, 1.0, 0.0, 1.0]
    assert sum(scores.values()) == 34  # 'รวมคะแนนที่ได้ 34 คะแนน' (p.1)
    item4 = next(line.cells for line in read_pdf(path.read_bytes()).lines if line.cells[:1] == ("4.",))
    assert item4[2:] == ("0", REASON)
