"""Symbol fonts' glyphs (Wingdings' ticks and boxes) read as the symbols they are."""
import pytest
from reportlab.pdfgen import canvas

from conftest import REAL_CORPUS
from thaikpi.pipeline.readers.html_reader import read_html
from thaikpi.pipeline.readers.pdf_glyph_repairs import map_symbol_glyphs
from thaikpi.pipeline.readers.pdf_reader import read_pdf
from thaikpi.pipeline.run.process import process_file
from thaikpi.pipeline.settings import Settings
from thaikpi.pipeline.readers.symbol_fonts import symbol_char, symbol_font


@pytest.mark.parametrize("name,family", [
    ("JGDNEP+Wingdings2", "wingdings2"),  # pdfminer's name of a subset
    ("Wingdings2", "wingdings2"),         # pdfium's name of the same font
    ("Wingdings 2", "wingdings2"),
    ("Wingdings-Regular", "wingdings"),
    ("ABCDEE+Wingdings", "wingdings"),
    ("ZapfDingbats", "zapfdingbats"),
    ("Wingdings3", None),                 # arrows: no table
    ("Symbol", "symbol"),
    ("ABCDEE+SymbolMT", "symbol"),
    ("Symbola", None),                    # a Unicode font
    ("THSarabunPSK", None),
    ("", None),
])
def test_a_symbol_font_is_known_by_its_name(name, family):
    assert symbol_font(name) == family


@pytest.mark.parametrize("family,text,glyph_indexed,symbol", [
    ("wingdings", "þ", False, "☑"),           # the code as its Latin-1 letter
    ("wingdings", "\uf0fe", False, "☑"),      # Word's private-use form of it
    ("wingdings", "¨", False, "☐"),
    ("wingdings", "ü", False, "✓"),
    ("wingdings2", "(cid:51)", True, "✓"),    # glyph 51 of a Type0 subset is code 0x50
    ("wingdings2", "(cid:50)", True, "✗"),
    ("wingdings2", "(cid:80)", False, "✓"),   # a simple font's (cid:N) is code N
    ("wingdings2", "(cid:51)", False, None),  # code 0x33: not a glyph the table names
    ("zapfdingbats", "4", False, "✔"),
    ("symbol", "³", False, "≥"),              # "≥ 80" in a criteria table
    ("symbol", "\uf0a3", False, "≤"),
    ("symbol", "a", False, "α"),
    ("symbol", "8", False, None),             # digits are themselves
    ("zapfdingbats", "(cid:3)", True, None),  # no known glyph order: left as it is
    ("wingdings", " ", False, None),          # a space stays a space
    ("wingdings", "✓", False, None),          # already a symbol
    ("wingdings", "ab", False, None),
])
def test_a_symbol_glyph_reads_as_its_symbol(family, text, glyph_indexed, symbol):
    assert symbol_char(family, text, glyph_indexed) == symbol


def test_only_glyphs_of_symbol_fonts_are_mapped_and_type0_fonts_are_asked_for_once():
    chars = [{"text": t, "fontname": f} for t, f in [
        ("þ", "ABCDEE+Wingdings"), ("q", "THSarabunPSK"), ("(cid:51)", "JGDNEP+Wingdings2"),
        ("(cid:50)", "JGDNEP+Wingdings2"), ("(cid:51)", "Calibri")]]
    asked = []
    mapped = map_symbol_glyphs(chars, lambda: asked.append(1) or {"wingdings2"})
    assert [c["text"] for c in chars] == ["☑", "q", "✓", "✗", "(cid:51)"]
    assert mapped == 3 and asked == [1]


def test_a_page_without_symbol_fonts_never_asks_for_its_fonts():
    chars = [{"text": "(cid:51)", "fontname": "Calibri"}]
    assert map_symbol_glyphs(chars, lambda: pytest.fail("asked")) == 0


def test_bug_a_standard_symbol_font_failed_the_whole_document(tmp_path):
    # pdfminer's metrics of Symbol and ZapfDingbats have no descent: the fast layer's
    # KeyError made any PDF that used them an internal error.
    pdf = tmp_path / "symbols.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont("ZapfDingbats", 12)
    c.drawString(72, 700, "✔❑")
    c.setFont("Symbol", 12)
    c.drawString(72, 680, "αβ")
    c.save()
    doc = read_pdf(pdf.read_bytes())
    assert [line.cells for line in doc.lines] == [("✔❑",), ("αβ",)]
    assert set(doc.pdfminer_pages) == {1}


def test_real_wingdings2_ticks_and_crosses_read_as_the_achievement_column():
    # Word's PDF: Wingdings 2 as a Type0 subset without Unicode for its two glyphs, a legend
    # on the page saying which is which ("✓ = บรรลุ", "✗= ไม่บรรลุเป้าหมาย")
    doc = read_pdf((REAL_CORPUS / "rbru_arit_annual_report_2552.pdf").read_bytes())
    rows = [line.cells for line in doc.lines if line.page == 64 and line.table is not None]
    assert "✓ = บรรลุ" in rows[0][4] and "✗= ไม" in rows[0][4]
    marks = [(row[0], row[2], row[3], row[4]) for row in rows[2:]]
    assert marks[0] == ("1", "6", "5", "✗") and marks[6] == ("7", "3", "3", "✓")
    assert [m[3] for m in marks] == ["✗"] * 6 + ["✓"] * 10 + ["✗"] * 2
    assert not {64, 65, 66, 67} & set(doc.garbled_pages)


def test_real_wingdings2_pages_are_no_longer_flagged_garbled():
    doc = process_file(REAL_CORPUS / "rbru_arit_annual_report_2552.pdf", Settings(ocr="off"))  # its 4 scans
    assert [f.page for f in doc.flags if f.check == "text_layer_garbled"] == []
    assert sorted(f.page for f in doc.flags if f.check == "text_layer_missing") == [42, 51, 53, 76]


def test_wingdings2_checks_read_the_same_from_both_layers():
    # pdfminer names the font "JGDNEP+Wingdings2", pdfium "Wingdings2"; the glyphs are mapped
    # before the lost-glyph rule, which would take a (cid:N) beside Thai for a lost letter
    data = (REAL_CORPUS / "rbru_arit_annual_report_2552.pdf").read_bytes()
    fast, slow = read_pdf(data, 67), read_pdf(data, 67, fast_layer=False)
    page = [line.cells for line in fast.lines if line.page in (64, 65, 66, 67)]
    assert page == [line.cells for line in slow.lines if line.page in (64, 65, 66, 67)]
    assert sum(cell.count("✓") + cell.count("✗") for cells in page for cell in cells) >= 40


@pytest.mark.parametrize("markup,text", [
    # Word's web page: the text's font first, the symbol font Word drew the char from last
    ("<span style=\"font-family:Wingdings;mso-ascii-font-family:'TH SarabunPSK';mso-char-type:symbol;"
     "mso-symbol-font-family:Wingdings\">þ</span> รอบ 12 เดือน", "☑ รอบ 12 เดือน"),
    ("<font face='Wingdings 2'>P</font> บรรลุ", "✓ บรรลุ"),
    ("<span style='font-family:\"Wingdings 2\", serif'>O<b>P</b></span>", "✗✓"),  # inherited
    # a span inside that sets a text font again: its letters are letters
    ("<span style='font-family:Wingdings'>þ<span style='font-family:Tahoma'> þai</span></span>", "☑ þai"),
    ("<span style='font-family:Symbol'>³</span> ร้อยละ 80", "≥ ร้อยละ 80"),
    ("<span style='font-family:Tahoma'>þ ³</span>", "þ ³"),
])
def test_html_text_in_a_symbol_font_reads_as_its_symbols(markup, text):
    doc = read_html(f"<html><body><p>{markup}</p></body></html>".encode())
    assert [line.cells for line in doc.lines] == [(text,)]


def test_html_table_cell_in_a_symbol_font_reads_as_its_symbols():
    doc = read_html("<table><tr><td>7.2</td><td style='font-family:Wingdings 2'>P</td></tr>"
                    "<tr><td>9.3</td><td><font face=Wingdings>û</font></td></tr></table>".encode())
    assert [line.cells for line in doc.lines] == [("7.2", "✓"), ("9.3", "✗")]
