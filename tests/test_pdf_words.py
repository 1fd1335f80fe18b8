"""pipeline/pdf_words.py gives what pdfplumber's text functions give: on random pages built to
hit their edge cases, and on every page and table cell of the PDF samples."""
import random

import pdfplumber
import pytest
from pdfplumber.utils.text import WordExtractor, chars_to_textmap
from pdfplumber.utils.text import extract_text as plumber_extract_text

from conftest import SAMPLES
from thaikpi.pipeline.readers import pdf_words
from thaikpi.pipeline.readers.pdf_cells import CharsByMidpoint, table_rows

BOX = ("x0", "x1", "top", "bottom")


def plumber_words(chars, **tolerances):
    return [({k: w[k] for k in ("text", *BOX, "upright")}, [id(c) for c in cs])
            for w, cs in WordExtractor(**tolerances).iter_extract_tuples(chars)]


def our_words(chars, **tolerances):
    return [({k: w[k] for k in ("text", *BOX, "upright")}, [id(c) for c in cs])
            for w, cs in pdf_words.word_chars(chars, **tolerances)]


def plumber_lines(chars):
    return [(line["text"], line["x0"]) for line in chars_to_textmap(chars).extract_text_lines(strip=True)]


def random_page(rng: random.Random, n: int) -> list[dict]:
    """Chars on a few lines whose tops chain within and just past the tolerance, overlapping
    and touching in x, with runs of turned text, blanks, chars of no text, ligatures, marks
    of no width and texts of several letters."""
    texts = ["ก", "า", "ั", "่", "1", "a", " ", "\u00a0", "", "ﬁ", "ที่", "x ", "y\u00a0", "ำ"]
    tops = [rng.choice((100.0, 102.9, 103.0, 105.9, 106.1, 120.0, 120.5, 140.0)) for _ in range(4)]
    chars, x, upright = [], 50.0, True
    for _ in range(n):
        if rng.random() < 0.05:
            upright = not upright
        if rng.random() < 0.1:
            x = rng.choice((50.0, 80.0, 120.5))
        width = rng.choice((0.0, 0.5, 4.0, 6.25))
        x0 = x + rng.choice((0.0, 0.0, 1.0, 2.9, 3.0, 3.1, 5.0, -1.0, -4.0))
        top = rng.choice(tops) + rng.choice((0.0, 0.0, 0.4, -0.4, 2.95))
        chars.append({"text": rng.choice(texts), "x0": x0, "x1": x0 + width, "top": top,
                      "bottom": top + rng.choice((10.0, 12.0, 0.0)), "doctop": top + 800.0,
                      "upright": upright, "size": 12.0})
        x = x0 + width
    return chars


@pytest.mark.parametrize("tolerances", [{}, {"x_tolerance": 1.5}, {"x_tolerance": 1.5, "y_tolerance": 0}])
def test_words_are_pdfplumbers_on_random_pages(tolerances):
    rng = random.Random(sum(tolerances.values()) * 10 + 3)
    for page in range(300):
        chars = random_page(rng, rng.choice((1, 3, 12, 60)))
        assert our_words(chars, **tolerances) == plumber_words(chars, **tolerances), page


def test_text_and_lines_are_pdfplumbers_on_random_pages():
    rng = random.Random(11)
    several = 0
    for page in range(400):
        chars = random_page(rng, rng.choice((1, 3, 12, 60)))
        assert pdf_words.extract_text(chars) == plumber_extract_text(chars), page
        lines = pdf_words.text_lines(chars)
        assert lines == plumber_lines(chars), page
        several += len(lines) > 1
    assert several > 100  # pages of several lines, not only one


@pytest.mark.parametrize("tolerances", [{"x_tolerance": 1.5, "y_tolerance": 1}, {"x_tolerance": 5, "y_tolerance": 4}])
def test_text_and_lines_are_pdfplumbers_with_the_settings_tolerances(tolerances):
    # ReaderSettings' cell tolerances reach extract_text and text_lines as pdfplumber's
    rng = random.Random(17)
    for page in range(200):
        chars = random_page(rng, rng.choice((1, 3, 12, 60)))
        assert pdf_words.extract_text(chars, **tolerances) == plumber_extract_text(chars, **tolerances), page
        assert pdf_words.text_lines(chars, **tolerances) == [
            (line["text"], line["x0"]) for line in chars_to_textmap(chars, **tolerances).extract_text_lines(strip=True)]


def test_a_char_whose_text_holds_a_newline_is_left_to_pdfplumber():
    chars = [{"text": "ก\nข", "x0": 0.0, "x1": 5.0, "top": 0.0, "bottom": 10.0, "doctop": 0.0, "upright": True}]
    assert pdf_words.text_lines(chars) is None
    assert pdf_words.extract_text(chars) == plumber_extract_text(chars) == "ก\nข"


def test_no_chars():
    assert pdf_words.extract_words([]) == []
    assert pdf_words.extract_text([]) == plumber_extract_text([]) == ""
    assert pdf_words.text_lines([]) == []


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_words_text_and_lines_are_pdfplumbers_on_the_samples(path):
    """Every page's chars, every table's rows (the reader's table_rows is Table.extract),
    and every table cell's chars as the reader cuts them."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            assert our_words(chars, x_tolerance=1.5) == plumber_words(chars, x_tolerance=1.5), page.page_number
            for table in page.find_tables():
                assert table_rows(table.rows, CharsByMidpoint(chars)) == table.extract()
                for row in table.rows:
                    for cell in row.cells:
                        if cell is None:
                            continue
                        cut = page.crop(cell).chars
                        assert pdf_words.extract_text(cut) == plumber_extract_text(cut)
                        if cut:
                            assert pdf_words.text_lines(cut) == plumber_lines(cut)
