"""Text cleaned once: the reader's lines are cleaned right after reading (clean_parsed), match
keys derive from clean text, and word segmentations are remembered for one document only."""
import re

from thaikpi.pipeline.text import clean_parsed, clean_text, document_memo, join_wrapped, match_key
from thaikpi.pipeline.text import words
from thaikpi.schemas.parsed import Line, ParsedDocument


def test_every_line_is_cleaned_once_after_reading_and_thai_digits_stay():
    parsed = ParsedDocument(format="pdf", pages=1, lines=[
        Line(cells=("ค\u0e4d\u0e32นํา", "ตัวชี้วัดที่ ๑"), page=1, words=((1.0, 9.0, "ค\u0e4d\u0e32นํา"),)),
        Line(cells=("\u200b",), page=1),  # empty once clean: kept, so a kind's detect reads the reader's order
    ])
    clean = clean_parsed(parsed)
    assert [line.cells for line in clean.lines] == [("คำนำ", "ตัวชี้วัดที่ ๑"), ("",)]
    assert clean.lines[0].words == ((1.0, 9.0, "คำนำ"),)
    assert parsed.lines[0].cells == ("ค\u0e4d\u0e32นํา", "ตัวชี้วัดที่ ๑")  # the reader's document is left as read


def test_the_key_of_clean_text_is_the_key_of_the_text_cleaned_again():
    joined = join_wrapped(clean_text("คํ", arabic_digits=False), clean_text("าถาม", arabic_digits=False))
    for text in (joined, "ตัวชี้วัดที่ ๑.๒ ร้อยละ", "ตระหนักรู\u0e49 \u0e39", "ประสิทธิ ภาพ"):
        assert match_key(text) == re.sub(r"\s+", "", clean_text(text)), text
    assert match_key(joined) == "คำถาม"
    assert match_key("ตัวชี้วัดที่ ๑.๒") == "ตัวชี้วัดที่1.2"


def test_segmentations_are_remembered_within_one_document_only(monkeypatch):
    segmented = []

    def segment(run):
        segmented.append(run)
        return (run,)

    monkeypatch.setattr(words, "_segment", segment)
    with document_memo():
        words.words("คำนำ")
        words.words("คำนำ")
    with document_memo():
        words.words("คำนำ")
    words.words("คำนำ")
    assert segmented == ["คำนำ"] * 3
