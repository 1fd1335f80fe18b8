"""Thai digits read again from the image (pipeline/readers/ocr_digits.py, issue 24): each digit
drawn in faces the templates are and are not made from, blurred and speckled as a scan is,
is recognised; a run Tesseract misread (๖ as ๒ or as ๒๐, ๔ and ๘ as ๕) is put right from its
glyphs; a run whose pieces and glyphs do not pair up is left as read (no digit made up or lost)."""
from __future__ import annotations

from pathlib import Path

import fontpkg_sarabun
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from thaikpi.pipeline.readers.ocr_digits import glyphs, reread_digits, sure_digit
from thaikpi.pipeline.readers.ocr_tables import Word

FONTS = Path(fontpkg_sarabun.__file__).parent / "files"
# Regular and Bold are among the templates' faces; SemiBold, ExtraBold and ExtraLight are not
FACES = ["Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-SemiBold.ttf", "Sarabun-ExtraBold.ttf",
         "Sarabun-ExtraLight.ttf"]
RUN = "๐๑๒๓๔๕๖๗๘๙"
TESSERACTS = str.maketrans("๖๔๘", "๒๕๕")  # how Tesseract reads these digits of Sarabun
SIZE = 50  # pixels: 12 pt at 300 dpi, as the OCR renders a page


def scanned(text: str, face: str, seed: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """text drawn at 12 pt / 300 dpi, blurred and speckled; each character's x extent."""
    font = ImageFont.truetype(str(FONTS / face), SIZE)
    image = Image.new("L", (40 + round(font.getlength(text)) + 40, 2 * SIZE), 255)
    ImageDraw.Draw(image).text((40, SIZE // 3), text, font=font, fill=0)
    image = image.filter(ImageFilter.GaussianBlur(1.0))
    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.float32) + rng.normal(0, 18, (image.height, image.width))
    pixels[rng.random(pixels.shape) < 0.002] = 0  # specks
    edges = [40 + round(font.getlength(text[:i])) for i in range(len(text) + 1)]
    return np.clip(pixels, 0, 255).astype(np.uint8), list(zip(edges, edges[1:]))


def pieces(read: list[tuple[str, int, int]], top: int = SIZE // 2, bottom: int = SIZE + SIZE // 3) -> list[Word]:
    return [Word(x0, top, x1, bottom, text, 90.0, (1, 1, 1)) for text, x0, x1 in read]


def text(words: list[Word]) -> str:
    return "".join(w.text for w in words)


def misread_run(face: str) -> tuple[np.ndarray, list[Word]]:
    """RUN drawn spaced out in a face, and its pieces as Tesseract reads them."""
    pixels, extents = scanned(" ".join(RUN), face, seed=len(face))
    read = [(c.translate(TESSERACTS), x0, x1) for c, (x0, x1) in zip(" ".join(RUN), extents) if c != " "]
    return pixels, pieces(read)


@pytest.mark.parametrize("face", FACES)
def test_each_thai_digit_is_recognised_blurred_and_speckled(face):
    pixels, read = misread_run(face)
    assert text(reread_digits(pixels, read)) == RUN


@pytest.mark.parametrize("face", ["Sarabun-Italic.ttf", "Sarabun-Thin.ttf"])
def test_a_digit_the_templates_are_unsure_of_stays_as_read(face):
    # slanted, or strokes a hair wide that the blur breaks: a digit is put right or left alone
    pixels, read = misread_run(face)
    out = text(reread_digits(pixels, read))
    assert len(out) == len(RUN) and out != RUN
    assert all(c in (truth, truth.translate(TESSERACTS)) for c, truth in zip(out, RUN))


@pytest.mark.parametrize("face", ["Sarabun-Regular.ttf", "Sarabun-SemiBold.ttf"])
def test_a_glyph_alone_says_which_digit(face):
    for digit in RUN:
        pixels, [(x0, x1)] = scanned(digit, face, seed=ord(digit))
        [(_, _, ink)] = glyphs(pixels, x0, SIZE // 2, x1, SIZE + SIZE // 3)
        assert sure_digit(ink) == digit


def test_a_digit_read_as_two_is_one_glyph():
    # Tesseract's reading of the year ๒๕๖๖ on the M&E scan: each ๖ as two pieces, ๒ and ๐
    pixels, ext = scanned("๒๕๖๖", "Sarabun-Regular.ttf", seed=1)
    halves = [("๒", ext[0][0], ext[0][1]), ("๕", ext[1][0], ext[1][1])]
    for x0, x1 in ext[2:]:
        halves += [("๒", x0, (x0 + x1) // 2), ("๐", (x0 + x1) // 2, x1)]
    assert text(reread_digits(pixels, pieces(halves))) == "๒๕๖๖"


def test_separators_and_letters_stay_as_read():
    pixels, ext = scanned("ละ ๑,๒๔๐.๘๕ คน", "Sarabun-Regular.ttf", seed=2)
    read = list("ละ ๑,๒๕๐.๕๕ คน")
    words = [w for w in pieces([(c, x0, x1) for c, (x0, x1) in zip(read, ext)]) if w.text != " "]
    assert text(reread_digits(pixels, words)) == "ละ๑,๒๔๐.๘๕คน"


def test_a_digit_read_where_the_image_has_none_is_left_alone():
    # OCR read three digits over two glyphs and blank paper: the run keeps its reading
    pixels, ext = scanned("๒๖", "Sarabun-Regular.ttf", seed=3)
    width = ext[1][1] - ext[1][0]
    read = [("๒", *ext[0]), ("๒", *ext[1]), ("๐", ext[1][1] + width, ext[1][1] + 2 * width)]
    assert text(reread_digits(pixels, pieces(read))) == "๒๒๐"


def test_a_glyph_no_digit_was_read_on_leaves_the_run_alone():
    # a digit the OCR did not read is not added: the run stays as read
    pixels, ext = scanned("๒๖๖", "Sarabun-Regular.ttf", seed=4)
    read = [("๒", *ext[0]), ("๒", ext[1][0], ext[2][1])]  # one piece spans two glyphs
    assert text(reread_digits(pixels, pieces(read))) == "๒๒"


@pytest.mark.parametrize("face", ["Sarabun-Regular.ttf", "Sarabun-Bold.ttf"])
def test_digits_a_scan_ran_together_are_cut_apart(face):
    pixels, ext = scanned("๔๒๐", face, seed=5)
    # ๔'s tail run into ๒ (the M&E scan's ๔๒๐): a bridge of ink, 3 pixels thick, across the gap
    gap, base = ext[0][1], SIZE + SIZE // 3 - 12
    pixels[base:base + 3, gap - 8:gap + 8] = 0
    read = [("๕", *ext[0]), ("๒", *ext[1]), ("๐", *ext[2])]
    assert text(reread_digits(pixels, pieces(read))) == "๔๒๐"
