"""Browser-printed PDFs: the text of shaped Thai is in /ActualText spans (pdfminer ignores
them); the reader honours them. Sample: samples/*browser_print.chromium.pdf (headless Chromium)."""
import pdfplumber
import pdfplumber.page as plumber_page
import pytest

from conftest import SAMPLES
from thaikpi.pipeline.readers import pdf_actualtext
from thaikpi.pipeline.readers.pdf_reader import read_pdf

CHROMIUM_SAMPLE = next(SAMPLES.glob("*browser_print.chromium.pdf"))


def test_pdfplumber_is_left_as_it_is():
    # The reader reads ActualText through an aggregator of its own, passed to pdfminer: no
    # name of pdfplumber's is replaced, and pdfplumber alone reads the page as before.
    read_pdf(CHROMIUM_SAMPLE.read_bytes(), fast_layer=False)
    assert plumber_page.PDFPageAggregatorWithMarkedContent is not pdf_actualtext.ActualTextAggregator
    assert not {pdf_actualtext.SPAN_ATTR, pdf_actualtext.TEXT_ATTR} & set(plumber_page.ALL_ATTRS)
    with pdfplumber.open(CHROMIUM_SAMPLE) as pdf:
        assert not any(pdf_actualtext.TEXT_ATTR in c for c in pdf.pages[0].chars)


@pytest.mark.parametrize("pdf", [CHROMIUM_SAMPLE, *sorted(SAMPLES.glob("*.rl.pdf"))[:2]], ids=lambda p: p.name)
def test_pdfminer_objects_are_pdfplumber_s_page_objects_with_the_spans(pdf):
    # pdfminer_objects follows Page.layout and Page.parse_objects: if a new pdfplumber
    # changes either, this fails before any document is misread.
    tags = (pdf_actualtext.SPAN_ATTR, pdf_actualtext.TEXT_ATTR)
    with pdfplumber.open(pdf) as plumber:
        for page in plumber.pages:
            ours = pdf_actualtext.pdfminer_objects(page)
            untagged = {kind: [{k: v for k, v in obj.items() if k not in tags} for obj in objs]
                        for kind, objs in ours.items()}
            assert untagged == page.objects
            spans = sum(1 for c in ours.get("char", []) if c.get(pdf_actualtext.TEXT_ATTR))
            assert spans > 50 if pdf == CHROMIUM_SAMPLE else spans == 0


def test_chromium_text_layer_is_broken_without_actual_text():
    with pdfplumber.open(CHROMIUM_SAMPLE) as pdf:
        raw = pdf.pages[0].extract_text()
    assert "\x00" in raw                       # shaped glyphs map to U+0000
    assert "ร้อยละของการเบิกจ่าย" not in raw


def test_reader_gives_the_actual_text():
    lines = [line.text for line in read_pdf(CHROMIUM_SAMPLE.read_bytes()).lines]
    text = "\n".join(lines)
    assert "\x00" not in text
    assert "ชื่อตัวชี้วัด : 2.3 ร้อยละของการเบิกจ่ายงบประมาณรายจ่ายลงทุนของจังหวัด" in text
    # form checkboxes, drawn by Chromium as rounded curves, one per line as the page has them
    assert ["☑ รอบ 6 เดือน", "☐ รอบ 9 เดือน", "☐ รอบ 12 เดือน"] == [t for t in lines if "รอบ" in t and "เดือน" in t][:3]


def test_apply_actual_text_gives_each_span_to_its_first_char():
    chars = [{"text": "ช", "x0": 0, "x1": 5, "actual_text_span": 1, "actual_text": "ชี้"},
             {"text": "\x00", "x0": 3, "x1": 6, "actual_text_span": 1, "actual_text": "ชี้"},
             {"text": "ว", "x0": 6, "x1": 11}]
    dropped = pdf_actualtext.apply_actual_text(chars)
    assert dropped == {id(chars[1])}
    assert (chars[0]["text"], chars[0]["x1"], chars[2]["text"]) == ("ชี้", 6, "ว")
