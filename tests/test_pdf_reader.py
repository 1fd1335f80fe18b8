"""Geometry rules of the PDF reader, on chars as pdfplumber gives them."""
import random
from pathlib import Path

import pytest
from pdfplumber.utils import crop_to_bbox

from conftest import REAL_CORPUS
from thaikpi.pipeline.text import LOST_GLYPH, clean_text
from thaikpi.pipeline.readers.pdf_cells import CharsByTop, clipped
from thaikpi.pipeline.readers.pdf_geometry import overlaps
from thaikpi.pipeline.readers.pdf_glyph_repairs import _twins, anchor_marks, mark_lost_glyphs, overprinted_chars
from thaikpi.pipeline.readers.pdf_reader import read_pdf
from thaikpi.pipeline.settings import ReaderSettings
from conftest import needs_shared

DUPLICATE_TOLERANCE = ReaderSettings().duplicate_tolerance


def char(text, x0, x1, top=100.0):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "width": x1 - x0}


def test_a_mark_drawn_past_the_next_letter_is_anchored_to_its_base():
    # วิส: Word positions SARA I over ว but its x0 falls after ส's
    chars = [char("ว", 10, 16), char("ส", 16, 22), char("ิ", 16.5, 16.5)]
    chars = [chars[0], chars[2], chars[1]]  # stream order: base, mark, next letter
    assert anchor_marks(chars) == 1
    assert "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])) == "วิส"


def test_stacked_marks_keep_their_stream_order():
    chars = [char("ช", 10, 16), char("ื", 16.2, 16.2), char("่", 16.1, 16.1), char("อ", 16, 22)]
    anchor_marks(chars)
    assert "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])) == "ชื่อ"


def test_a_zero_width_space_between_thai_letters_is_a_lost_glyph():
    chars = [char("ส", 10, 16), char(" ", 16, 16), char("า", 16, 20), char(" ", 20, 23), char("น", 23, 29)]
    assert mark_lost_glyphs(chars) == 1
    assert [c["text"] for c in chars] == ["ส", LOST_GLYPH, "า", " ", "น"]  # a real space has width


def test_overprinted_glyphs_are_found_in_linear_time():
    chars = [char("ก", 10, 16), char("ก", 10.3, 16.3, 100.2), char("ก", 30, 36)]
    assert overprinted_chars(chars) == {id(chars[1])}


def test_the_twin_test_lets_through_every_page_the_rule_drops_glyphs_on():
    """overprinted_chars runs the rule only where _may_have_twins finds two glyphs of one
    text near each other: it must drop what the rule drops. Letters scattered on a grid whose
    cells are fractions of the tolerance, so that twins sit astride cell edges, at the
    tolerance's very edge, off the page (negative coordinates), and in chains (a twin of a
    dropped twin)."""
    rng = random.Random(6)
    tol = DUPLICATE_TOLERANCE
    with_twins = without = 0
    for page in range(400):
        chars = []
        for _ in range(rng.choice((2, 5, 40, 150))):
            x = rng.randrange(-10, 60) * tol / rng.choice((1, 2, 4)) + rng.choice((0.0, 1e-9, -1e-9, tol * 0.999))
            top = rng.randrange(-4, 20) * tol / 2 + rng.choice((0.0, 1e-9, -1e-9, tol * 0.5, tol * 0.999))
            chars.append(char(rng.choice("กขค่ "), x, x + 5, top))
        expected = _twins(chars)
        assert overprinted_chars(chars) == expected, page
        with_twins += bool(expected)
        without += not expected
    assert with_twins > 50 and without > 50  # pages with twins and pages without


@needs_shared
def test_bug_real_word_pdf_reads_sara_am_and_marks_back():
    # rbru_arit_action_conclusion_kpi_fy2553: SARA AM lost to zero-width spaces ("ส านัก") and
    # positioned marks read out of order ("วสิ ัยทศั น์").
    doc = read_pdf((REAL_CORPUS / "rbru_arit_action_conclusion_kpi_fy2553.pdf").read_bytes())
    text = "\n".join(line.text for line in doc.lines[:3])
    assert "หน่วยงานสำนักวิทยบริการและเทคโนโลยีสารสนเทศ" in text
    assert "วิสัยทัศน์ สำนักวิทยบริการและเทคโนโลยีสารสนเทศเป็นแหล่งรวมทรัพยากรสารสนเทศทุกชนิด" in text
    assert doc.repaired_pages[1] == 9


@pytest.mark.parametrize("fast_layer", [True, False], ids=["pdfium", "pdfminer"])
def test_fake_bold_too_wide_for_geometry_and_a_letter_spaced_heading_read_clean(fast_layer):
    """tests/data/text/fake_bold_wide_and_letter_spaced.pdf (scripts/make_samples.py): copies
    1.4 and 2 pt apart (pdfminer reads every cluster twice; pdfium drops the second text
    object), and a heading drawn letter by letter 6 pt apart."""
    fixture = Path(__file__).parent / "data" / "text" / "fake_bold_wide_and_letter_spaced.pdf"
    doc = read_pdf(fixture.read_bytes(), fast_layer=fast_layer)
    assert [clean_text(line.text) for line in doc.lines] == [
        "รายงานผลการปฏิบัติราชการ", "ข้อมูลผลการดำเนินงาน ร้อยละ 92.50", "ที่ได้รับจัดสรร 2,000,000 บาท"]


def test_bug_the_round_boxes_above_a_table_are_read_once():
    # reportlab draws the round checkboxes just above the header table: their squares snapped
    # to its top rule and the line "รอบ ๖ เดือน รอบ ๑๒ เดือน" was read again in its first cell.
    doc = read_pdf((Path(__file__).parents[1] / "samples" / "kpi_2555_4-4_database.rl.pdf").read_bytes())
    rounds = [line for line in doc.lines if "รอบ" in line.text and "เดือน" in line.text]
    assert [(line.table, line.text) for line in rounds] == [(None, "☐ รอบ ๖ เดือน ☑ รอบ ๑๒ เดือน")]


def test_a_cell_is_cut_from_the_table_as_pdfplumber_crops_it():
    """CharsByTop.overlapping and clipped give crop_to_bbox's chars for a cell: those that
    overlap it or touch its edge, in their order, cut to it."""
    rng = random.Random(8)
    keys = ("text", "x0", "x1", "top", "bottom", "upright")
    touching = 0
    for _ in range(300):
        chars = []
        for i in range(rng.choice((0, 1, 5, 40))):
            x0, top = rng.choice((0.0, 10.0, 20.0, 25.5)), rng.choice((0.0, 10.0, 12.0, 30.0, 55.0))
            chars.append({"text": str(i), "x0": x0, "x1": x0 + rng.choice((0.0, 5.0, 10.0)), "top": top,
                          "bottom": top + rng.choice((0.0, 10.0, 40.0)), "upright": True, "doctop": top})
        cell = (10.0, 10.0, 20.0, rng.choice((10.0, 30.0, 40.0)))
        expected = crop_to_bbox([c for c in chars if overlaps(c, cell)], cell)
        near = CharsByTop(chars).overlapping(cell)
        assert near == [c for c in chars if overlaps(c, cell)]
        assert clipped(near, cell) == [{k: c[k] for k in keys} for c in expected]
        touching += any(c["x1"] - c["x0"] == 0 or c["bottom"] - c["top"] == 0 for c in expected)
    assert touching > 10  # cells with chars cut to a line along an edge


def damage_content_stream(data: bytes, page_number: int) -> bytes:
    """The PDF with the middle of one page's content stream damaged, its length kept so the file
    still opens: ASCII85 text gets bytes that are no ASCII85 digits, Flate data flipped bits."""
    import io

    import pdfplumber
    from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, resolve1
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        stream = resolve1(pdf.pages[page_number - 1].page_obj.contents[0])
        raw, filters = stream.rawdata, [name for name, _ in stream.get_filters()]
    start = data.index(raw) + len(raw) // 2
    if filters[0] in LITERALS_ASCII85_DECODE:
        damaged = b"v" * 8
    else:
        damaged = bytes(b ^ 0x5A for b in data[start:start + 64])
    return data[:start] + damaged + data[start + len(damaged):]


@pytest.mark.parametrize("sample,page,cause", [
    ("framework_2550_provincial.rl.pdf", 6, "ASCII85 data does not decode"),   # reportlab
    ("kpi_2554_3-1-2_monitoring.fpdf.pdf", 2, "Flate data stops decoding"),     # fpdf2
])
def test_bug_a_damaged_content_stream_lost_text_silently(sample, page, cause):
    # The file opened; pdfium read the page up to the damage and pdfminer none of it, so the
    # page's text was gone with no flag, or flagged as a scan (text_layer_missing).
    from conftest import SAMPLES
    from thaikpi.pipeline.run.process import process_bytes
    doc = process_bytes(damage_content_stream((SAMPLES / sample).read_bytes(), page), sample)
    assert doc.status == "partial"
    assert [(f.check, f.page) for f in doc.flags if f.check.startswith(("page_", "text_layer"))] == \
        [("page_content_damaged", page)]
    flag = next(f for f in doc.flags if f.check == "page_content_damaged")
    assert flag.message.startswith(f"page {page}: its content stream is damaged ({cause}")
    assert flag.message.isprintable()


def test_bug_a_long_document_kept_every_page_s_objects():
    # pdfplumber keeps each page it made, with its chars, until the page is closed: a file of
    # 1,000 pages held 2.1 GB, so one of 2,000 failed the default memory limit. The reader
    # keeps each page's objects in a page of its own, let go once the page is read, and
    # closes pdfplumber's page (bench/long_document.py measures the memory).
    import gc
    import io
    import weakref
    from unittest import mock

    import pdfplumber

    import thaikpi.pipeline.readers.pdf_reader as reader
    from conftest import SAMPLES
    data = (SAMPLES / "framework_2550_provincial.rl.pdf").read_bytes()
    read = []  # a weak reference to each page's objects, and whether those before it were let go

    def read_objects(page, pdfium_doc):
        gc.collect()
        read.append(all(ref() is None for ref in read_pages))
        objects_page, why = reader_read_objects(page, pdfium_doc)
        read_pages.append(weakref.ref(objects_page))
        return objects_page, why

    read_pages: list = []
    reader_read_objects = reader.read_objects
    with pdfplumber.open(io.BytesIO(data)) as pdf, mock.patch.object(reader, "read_objects", read_objects):
        doc = reader._read_pages(pdf, pdf.pages, None)
        assert len({line.page for line in doc.lines}) == 10
        assert read == [True] * 10
        assert [hasattr(page, "_objects") for page in pdf.pages] == [False] * 10


def test_bug_a_page_of_many_small_squares_took_minutes():
    # A chart of 14,400 small squares (a heat map, a calendar) took two minutes: each square
    # read as a checkbox was tested against every other shape, three times over. Each is now
    # tested against the shapes near it. Counted here, not timed: the calls of the inside test.
    import io
    from unittest import mock

    from reportlab.pdfgen import canvas  # the test extra

    import thaikpi.pipeline.readers.pdf_checkboxes as checkboxes
    side = 30
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(400, 400))
    for i in range(side):
        for j in range(side):
            c.rect(20 + i * 12, 20 + j * 12, 8, 8, stroke=1, fill=(i == j))
    c.save()
    with mock.patch.object(checkboxes, "inside", wraps=checkboxes.inside) as inside:
        doc = read_pdf(buffer.getvalue())
    # near: its column and the next (they share x0); all: every square against every other, 3 x 810,000
    assert inside.call_count < 100 * side * side
    boxes = "".join(line.text for line in doc.lines).replace(" ", "")
    assert (boxes.count("☑"), boxes.count("☐")) == (side, side * side - side)  # the filled diagonal


def test_a_content_stream_without_its_checksum_is_whole_and_one_cut_short_is_damaged():
    # Some producers leave out zlib's 4-byte checksum after the last deflate block: the text is
    # whole, and no reader loses any. Cut inside the blocks, the text after the cut is lost.
    import zlib

    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    from thaikpi.pipeline.readers.pdf_streams import stream_damage
    data = zlib.compress(b"BT /F1 12 Tf 72 720 Td (hello) Tj ET\n" * 200)

    def stream(raw):
        return PDFStream({"Filter": LIT("FlateDecode"), "Length": len(raw)}, raw)
    assert stream_damage(stream(data)) is None
    assert stream_damage(stream(data[:-4])) is None
    assert stream_damage(stream(data[: len(data) // 2])) == "Flate data ends before its end"
