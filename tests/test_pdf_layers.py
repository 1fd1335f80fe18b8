"""The fast layer (pdfium, pipeline/pdfium_layer.py) against pdfminer: the same lines from
every sample and from the real corpus, and pdfminer wherever pdfium would read differently."""
from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from thaikpi.pipeline.readers.pdf_reader import read_pdf
from thaikpi.pipeline.readers.pdf_actualtext import TEXT_ATTR, pdfminer_objects
from thaikpi.pipeline.readers.pdfium_layer import FastLayerRefused, page_objects
from conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PDFS = sorted((ROOT / "samples").glob("*.pdf"))
REAL_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
REAL_PDFS = sorted(REAL_CORPUS.glob("*.pdf"))
REAL_PAGES = 6  # the first pages of each real PDF: the slow layer takes 0.2 s a page


def _same_words(a, b) -> bool:
    return len(a) == len(b) and all(x[2] == y[2] and abs(x[0] - y[0]) < 0.01 and abs(x[1] - y[1]) < 0.01
                                    for x, y in zip(a, b))


@pytest.mark.parametrize("pdf", SAMPLE_PDFS, ids=lambda p: p.name)
def test_sample_reads_the_same_from_both_layers(pdf):
    data = pdf.read_bytes()
    slow, fast = read_pdf(data, fast_layer=False), read_pdf(data)
    assert [(l.cells, l.page, l.table, l.paragraph_start) for l in fast.lines] == \
        [(l.cells, l.page, l.table, l.paragraph_start) for l in slow.lines]
    assert all(_same_words(f.words, s.words) for f, s in zip(fast.lines, slow.lines))
    assert (fast.pages_without_text, fast.garbled_pages, fast.repaired_pages) == \
        (slow.pages_without_text, slow.garbled_pages, slow.repaired_pages)


def _without_spaces(doc) -> list[tuple]:
    # A box filled with a spot colour (/Separation, tint 1) is ticked to pdfium, which gives
    # its RGB, and empty to pdfminer, which gives the tint alone (1.0, read as white): the
    # budget volumes' cover has three such bullets. Boxes are compared as boxes.
    return [(tuple(re.sub(r"\s", "", c).replace("\u2611", "\u2610") for c in l.cells), l.page, l.table)
            for l in doc.lines]


@pytest.mark.parametrize("pdf", REAL_PDFS, ids=lambda p: p.name[:40])
def test_real_pdf_reads_the_same_from_both_layers_but_for_overprinted_spaces(pdf):
    data = pdf.read_bytes()
    slow, fast = read_pdf(data, REAL_PAGES, fast_layer=False), read_pdf(data, REAL_PAGES)
    assert _without_spaces(fast) == _without_spaces(slow)
    assert (fast.pages_without_text, fast.garbled_pages, fast.repaired_pages) == \
        (slow.pages_without_text, slow.garbled_pages, slow.repaired_pages)


def test_most_pages_of_the_samples_take_the_fast_layer():
    pages, slow = 0, {}
    for pdf in SAMPLE_PDFS:
        doc = read_pdf(pdf.read_bytes())
        pages += doc.pages
        slow.update({(pdf.name, page): why for page, why in doc.pdfminer_pages.items()})
    # every page (the shaped sample's ligature too, below) but those whose checkboxes or
    # achievement marks are set in ZapfDingbats: pdfminer reads their codes ("4" for ✔), pdfium
    # their Unicode
    assert pages >= 40
    why = "a standard symbol font (ZapfDingbats): pdfminer reads its codes, pdfium Unicode"
    assert slow == {("kpi_2552_3-1-4_osm_dingbats.rl.pdf", 1): why, ("genre_action_results_2566_6m.rl.pdf", 1): why}


def _refusals(pdf: Path) -> list[str]:
    reasons = []
    with pdfplumber.open(pdf) as plumber:
        doc = pdfium.PdfDocument(pdf)
        for i, page in enumerate(plumber.pages):
            try:
                page_objects(doc[i], page)
                reasons.append("")
            except FastLayerRefused as why:
                reasons.append(str(why))
        doc.close()
    return reasons


def _both_layers(pdf: Path, number: int) -> tuple[list[dict], list[dict]]:
    with pdfplumber.open(pdf) as plumber:
        doc = pdfium.PdfDocument(pdf)
        page = plumber.pages[number - 1]
        fast = page_objects(doc[number - 1], page)["char"]
        slow = pdfminer_objects(page)["char"]  # as the reader reads the page with pdfminer
        doc.close()
    return fast, slow


def _whitespace(chars: list[dict]) -> list[tuple]:
    return [(c["text"], round(c["x0"], 2), round(c["x1"], 2), round(c["top"], 2)) for c in chars if c["text"].isspace()]


BROWSER_PRINT = ROOT / "samples" / "kpi_2556_2-3_disbursement_browser_print.chromium.pdf"


def test_browser_print_actualtext_is_read_by_the_fast_layer():
    # Each text object's innermost /ActualText span is read from its marks and tagged on its
    # chars as pdfminer's are tagged; the marks are then removed so pdfium reads the glyphs.
    assert _refusals(BROWSER_PRINT) == ["", ""]
    for number in (1, 2):
        fast, slow = _both_layers(BROWSER_PRINT, number)
        assert [(c["text"], c.get(TEXT_ATTR)) for c in fast] == [(c["text"], c.get(TEXT_ATTR)) for c in slow]
        assert sum(1 for c in fast if c.get(TEXT_ATTR)) > 50
        for key in ("x0", "x1", "top", "bottom"):
            assert max(abs(f[key] - s[key]) for f, s in zip(fast, slow)) < 0.01, key


def test_bug_a_space_drawn_as_a_text_object_of_its_own_is_read():
    # pdfium's text page leaves out a text object with no ink. Chromium prints every space as
    # one; without them "ร้อยละ 92.50" in a table cell read "ร้อยละ92.50".
    fast, slow = _both_layers(BROWSER_PRINT, 1)
    assert _whitespace(fast) == _whitespace(slow) and len(_whitespace(slow)) == 85
    assert any("ร้อยละ 92.50" in line.text for line in read_pdf(BROWSER_PRINT.read_bytes()).lines)


@needs_shared
def test_a_no_break_space_object_of_its_own_is_read_as_one():
    # Word's no-break spaces, each an object of its own in a font with no U+0020: the annual
    # report's page 49 had 40 chars to pdfium and 52 to pdfminer, and no text layer to the reader.
    fast, slow = _both_layers(REAL_CORPUS / "rbru_arit_annual_report_2552.pdf", 49)
    assert _whitespace(fast) == _whitespace(slow)
    assert sum(1 for c in fast if c["text"] == "\u00a0") == 2 and len(fast) == len(slow) == 52


@needs_shared
def test_bug_a_ligature_glyph_with_an_advance_goes_to_pdfminer():
    # A glyph whose Unicode is two code points ("นั" as one glyph) is one char to pdfminer;
    # pdfium makes it two of the glyph's box and measures it as its first code point.
    assert _refusals(REAL_CORPUS / "budget_fy2565_doc3_vol17_other_state_agencies.pdf")[4:7] == \
        ["a glyph of several characters (a ligature)"] * 3


def test_a_ligature_of_marks_with_no_width_is_one_char_as_pdfminer_reads_it():
    # The shaped sample's "้ำ" (tone mark and SARA AM in one glyph of no width): the glyph is
    # the mark's char with SARA AM after it, as pdfminer reads it. Its page went to pdfminer.
    shaped = ROOT / "samples" / "kpi_2555_4-4_database_shaped.fpdf.pdf"
    assert _refusals(shaped) == ["", "", ""]
    fast, slow = _both_layers(shaped, 2)
    assert sum(1 for c in slow if c["text"] == "้ำ") == 2
    assert [c["text"] for c in fast] == [c["text"] for c in slow]
    for key in ("x0", "x1", "top", "bottom"):
        assert max(abs(f[key] - s[key]) for f, s in zip(fast, slow)) < 0.01, key


@needs_shared
def test_bug_a_glyph_that_starts_where_the_last_ends_starts_there_exactly():
    # float32 in pdfium: SARA AM (no width) ended at 424.60461 and the next glyph began at
    # 424.60458, so sorting by x put the glyph first and a lost glyph was filled "ส้ำา", not
    # pdfminer's "สำ่า" (both at 424.6046).
    fast, _ = _both_layers(REAL_CORPUS / "budget_fy2565_doc3_vol17_other_state_agencies.pdf", 3)
    am = next(i for i, c in enumerate(fast) if c["text"] == "\u0e33" and abs(c["x0"] - 424.6046) < 0.001)
    assert fast[am]["x1"] == fast[am + 1]["x0"]


def test_bug_positioned_marks_keep_the_stream_order():
    # pdfium's text page moves a positioned mark past the next letter ("ปฏิบัติ" -> "ปฏิบตัิ");
    # the fast layer puts chars back in content-stream order, which is pdfminer's.
    pdf = ROOT / "samples" / "kpi_2555_4-4_database_shaped.fpdf.pdf"
    for number in (1, 3):
        fast, slow = _both_layers(pdf, number)
        assert "".join(c["text"] for c in fast) == "".join(c["text"] for c in slow)


@needs_shared
def test_a_mark_still_away_from_its_letter_in_stream_order_goes_to_pdfminer():
    # The Royal Gazette's marks sit off their letters even in stream order: pdfminer reads it.
    assert _refusals(REAL_CORPUS / "royal_gazette_cloud_security_standard_2567_GARBAGE_textlayer.pdf")[:3] == \
        ["a mark out of its base's place"] * 3


def test_fast_layer_chars_have_pdfminers_geometry():
    pdf = ROOT / "samples" / "kpi_2552_3-1-4_osm.rl.pdf"
    with pdfplumber.open(pdf) as plumber:
        doc = pdfium.PdfDocument(pdf)
        page = plumber.pages[0]
        fast = page_objects(doc[0], page)
        slow = page.chars
        assert [c["text"] for c in fast["char"]] == [c["text"] for c in slow]
        for key in ("x0", "x1", "top", "bottom"):
            assert max(abs(f[key] - s[key]) for f, s in zip(fast["char"], slow)) < 0.01, key
        assert len(fast["line"]) == len(page.lines) == 17 and len(fast["rect"]) == len(page.rects) == 2
        doc.close()


def test_a_page_with_its_mediabox_off_the_origin_is_read_in_pdfplumbers_frame(tmp_path):
    # pdfminer measures from the MediaBox's corner; pdfplumber gives x and top back in PDF
    # space, but y0 and y1 stay pdfminer's. The same sample with its MediaBox moved (the same
    # number of bytes, so the cross-reference table stays right):
    data = (ROOT / "samples" / "kpi_2552_3-1-4_osm.rl.pdf").read_bytes()
    moved = data.replace(b"/MediaBox [ 0 0 595.2756 841.8898 ]", b"/MediaBox [9 -30 604.2756 811.8898]")
    assert moved != data and len(moved) == len(data)
    pdf = tmp_path / "moved.pdf"
    pdf.write_bytes(moved)
    with pdfplumber.open(pdf) as plumber:
        doc = pdfium.PdfDocument(pdf)
        page = plumber.pages[0]
        assert page.mediabox == (9, 30, 604.2756, 871.8898)
        fast = page_objects(doc[0], page)
        for kind in ("char", "line", "rect"):
            slow = page.objects[kind]
            assert len(fast[kind]) == len(slow) > 0, kind
            for key in ("x0", "x1", "top", "bottom", "y0", "y1", "doctop"):
                assert max(abs(f[key] - s[key]) for f, s in zip(fast[kind], slow)) < 0.01, (kind, key)
        doc.close()
    assert read_pdf(moved).pdfminer_pages == {}
    fast, slow = read_pdf(moved), read_pdf(moved, fast_layer=False)
    assert [(l.cells, l.table) for l in fast.lines] == [(l.cells, l.table) for l in slow.lines]


def _non_space_chars_agree(pdf: Path, pages: list[int], keys=("x0", "x1", "top", "bottom", "doctop")) -> None:
    for n in pages:
        fast, slow = ([c for c in chars if not c["text"].isspace()] for chars in _both_layers(pdf, n))
        assert [c["text"] for c in fast] == [c["text"] for c in slow], n
        for key in keys:
            assert max(abs(f[key] - s[key]) for f, s in zip(fast, slow)) < 0.01, (n, key)
        assert [c["upright"] for c in fast] == [c["upright"] for c in slow], n


@needs_shared
def test_a_page_shown_rotated_is_read_by_the_fast_layer_in_pdfminers_frame():
    # The annual report's landscape tables: /Rotate 90 over a portrait MediaBox, the text drawn
    # turned so that it reads upright as shown. pdfium gives PDF space; pdfminer's rotation
    # matrix takes it to the page as shown.
    pdf = next(p for p in REAL_PDFS if p.name.startswith("rbru_arit_annual_report"))
    reasons = _refusals(pdf)
    assert reasons[12:30] == [""] * 18
    _non_space_chars_agree(pdf, [13, 22, 25])


@needs_shared
def test_bug_a_hyphen_that_ends_a_line_is_a_hyphen_not_pdfiums_marker():
    # pdfium's text page gives U+0002 for a hyphen at a line's end ("5.1-" / "4.1").
    pdf = next(p for p in REAL_PDFS if p.name.startswith("rbru_arit_SAR"))
    _non_space_chars_agree(pdf, [61])


@needs_shared
def test_glyphs_read_once_per_font_keep_each_chars_box():
    # The fast layer asks a glyph's ink once per font and size; a mark's box still comes from
    # its own position (Word's marks are placed one by one, each with its own box): an early
    # version gave every MAI THO of a size the first one's width.
    pdf = next(p for p in REAL_PDFS if p.name.startswith("rbru_itc_action_plan"))
    _non_space_chars_agree(pdf, [1, 2])


@needs_shared
def test_text_turned_a_quarter_turn_is_read_by_the_fast_layer():
    # Canva's month headings stand on end, (7.5e-08, 1, -1, 7.5e-08): pdfminer calls them
    # upright (a*d > 0 by float noise), their height and size the advance, their width the
    # font size. The fast layer reads them in their own frame and turns the box back.
    pdf = next(p for p in REAL_PDFS if p.name.startswith("phitsanulok_muni_action_plan"))
    assert _refusals(pdf)[6:] == [""] * 10
    with pdfplumber.open(pdf) as plumber:
        turned = [c for c in plumber.pages[6].chars if abs(c["matrix"][1]) > 0.5]
        assert len(turned) == 50 and all(c["upright"] for c in turned)
    _non_space_chars_agree(pdf, [7, 8, 16], keys=("x0", "x1", "top", "bottom", "doctop", "size"))


@needs_shared
def test_an_ocr_layer_turned_on_a_rotated_page_in_a_standard_font():
    # A scan's OCR text (/Rotate 270, the text turned back, not upright to pdfminer), set in
    # Helvetica with no font file: pdfminer takes its descent from its own metrics (0.207 of
    # the size, pdfium's 0.224), and so does the fast layer.
    pdf = next(p for p in REAL_PDFS if p.name.startswith("rbru_arit_SCANNED_action_conclusion"))
    assert _refusals(pdf) == [""] * 6
    with pdfplumber.open(pdf) as plumber:
        assert not any(c["upright"] for c in plumber.pages[0].chars)
    _non_space_chars_agree(pdf, [1, 3, 5], keys=("x0", "x1", "top", "bottom", "doctop", "size"))


@needs_shared
def test_bug_a_curve_keeps_its_end_points_not_its_control_points():
    # pdfium gives a Bezier segment as three points, two of them control points that may lie
    # off the curve; pdfminer's pts (and so the box) hold its end points. The budget volume's
    # cover draws its heading's letters as outlines: 51 curves.
    pdf = next(p for p in REAL_PDFS if p.name.startswith("budget_fy2565_doc3_vol17"))
    with pdfplumber.open(pdf) as plumber:
        doc = pdfium.PdfDocument(pdf)
        page = plumber.pages[0]
        fast, slow = page_objects(doc[0], page)["curve"], page.curves
        assert len(fast) == len(slow) == 51
        assert [len(c["pts"]) for c in fast] == [len(c["pts"]) for c in slow]
        for key in ("x0", "x1", "top", "bottom"):
            assert max(abs(f[key] - s[key]) for f, s in zip(fast, slow)) < 0.01, key
        doc.close()


@needs_shared
@pytest.mark.parametrize("number", [5, 6, 21, 57])
def test_a_type0_font_named_symbol_is_read_by_the_fast_layer(number):
    # Word writes its Symbol bullets and ≥ as a Type0 font named "Symbol" (Identity-H, with a
    # ToUnicode map to U+F0xx); pdfminer's standard metrics are for simple fonts only, so both
    # readers measure it by its own widths. These pages went to pdfminer as a standard font.
    pdf = REAL_CORPUS / "moph_kpi_template_fy2559.pdf"
    fast, slow = _both_layers(pdf, number)
    symbols = [c for c in fast if c["fontname"] == "Symbol"]
    assert symbols and all("\uf020" < c["text"] <= "\uf0ff" for c in symbols)
    fast, slow = ([c for c in chars if not c["text"].isspace()] for chars in (fast, slow))
    assert [c["text"] for c in fast] == [c["text"] for c in slow]  # fontname: pdfium drops a subset's tag
    for key in ("x0", "x1", "top", "bottom", "size"):
        assert max(abs(f[key] - s[key]) for f, s in zip(fast, slow)) < 0.01, key


def test_a_standard_name_is_a_type0_font_only_where_no_simple_type1_font_or_form_could_bear_it():
    from types import SimpleNamespace

    from pdfminer.psparser import LIT

    from thaikpi.pipeline.readers.pdfium_fonts import PageFonts

    def page(*fonts):
        specs = {f"F{i}": {"BaseFont": LIT(base), "Subtype": LIT(kind)} for i, (base, kind) in enumerate(fonts)}
        return SimpleNamespace(page_obj=SimpleNamespace(resources={"Font": specs}))

    assert PageFonts(page(("Symbol", "Type0"), ("ABCDEF+Calibri", "TrueType"))).only_type0("Symbol")
    # pdfium names a simple Type1 "Arial" Helvetica: a Type0 "Helvetica" beside it is not sure
    assert not PageFonts(page(("Helvetica", "Type0"), ("Arial", "Type1"))).only_type0("Helvetica")
    assert not PageFonts(page(("Symbol", "Type0"), ("Symbol", "TrueType"))).only_type0("Symbol")
    assert not PageFonts(page(("Symbol", "Type0")), draws_forms=lambda: True).only_type0("Symbol")  # a form's fonts
    assert not PageFonts(page(("ABCDEF+Calibri", "TrueType"))).only_type0("Symbol")
    odd = {"F0": {"BaseFont": LIT("Symbol"), "Subtype": 7}}  # a Subtype that is not a name
    assert not PageFonts(SimpleNamespace(page_obj=SimpleNamespace(resources={"Font": odd}))).only_type0("Symbol")
