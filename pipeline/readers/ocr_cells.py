"""A table cell on a scan read again on its own (pipeline/readers/ocr_page.py decides which):
its crop inside the rules, specks and light grey whitened, words of other cells that reach
into it painted out, OCR'd by Tesseract as a block of text.

Tesseract's page layout drops a lone number ("5") in a wide cell and may leave a cell merged
across columns unread; on a line of Thai it is unsure of, it may switch to its English model
and read garbage ("2.PESRCE rere"). Read alone, the cell gives its text; the reading kept is
the one Tesseract is surer of.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
from PIL import Image

from thaikpi.pipeline.readers import ocr_image
from thaikpi.pipeline.readers.ocr_tables import Word
from thaikpi.pipeline.settings import Settings
from thaikpi.pipeline.text.digits import THAI_DIGITS, to_arabic_digits

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in pixels

CELL_INSET = 4  # pixels inside a cell's rules left out of its re-reading (what erasing left)
CELL_LIGHT = 200  # grey level above which a re-read cell's pixel is paper (a shade, noise)
CELL_MIN_INK = 1 / 30  # inches: a cell with less ink than a square this wide is empty
# A cell with a word of Latin letters Tesseract gave this confidence or less is read again: in a
# Thai table, its English model's guess at Thai it could not read ("2.PESRCE rere"), or the
# marks of a line read as a line of their own ("aad" over "WAN2:" for มิติที่ 2). Measured:
# such words score 20-45, sound words 60 and more. The re-reading is kept if Tesseract is
# surer of it and it keeps every number the page's reading gave (a digit is never lost).
UNSURE_CELL = 50
_LATIN = re.compile("[A-Za-z]{2,}")
_NUMBER = re.compile(r"\d+")


# A word of digits of both scripts ("๑7", "9๑7๑7"): no number is printed so, and the cell is
# read again. One whose digits switch script three times or more is no number misread but
# letters with marks stacked over them (ผู้จ, on a sharp page): it need not be kept.
_MIXED_SCRIPT_DIGITS = re.compile(r"[0-9][๐-๙]|[๐-๙][0-9]")
LETTERS_AS_DIGITS = 3


def unsure_latin(words: list[Word]) -> bool:
    return any(w.conf <= UNSURE_CELL and _LATIN.search(w.text) for w in words)


def misread(words: list[Word]) -> bool:
    """A cell's words OCR got wrong somewhere: unsure Latin, or digits of both scripts in one word."""
    return unsure_latin(words) or any(_MIXED_SCRIPT_DIGITS.search(w.text) for w in words)


def _letters_as_digits(word: str) -> bool:
    thai = [ch in THAI_DIGITS for ch in word if ch.isdigit()]
    return sum(a != b for a, b in zip(thai, thai[1:])) >= LETTERS_AS_DIGITS


def keeps_numbers(before: str, after: str) -> bool:
    """Every number of the first reading (digits of either script) is in the second, but for
    letters read as digits (see LETTERS_AS_DIGITS)."""
    have = _NUMBER.findall(to_arabic_digits(after))
    printed = " ".join(word for word in before.split() if not _letters_as_digits(word))
    return all(n in have for n in _NUMBER.findall(to_arabic_digits(printed)))

SPECK_WINDOW = 5  # pixels: a speck of a 150-200 dpi scan rendered at 300 dpi fits in 3 x 3
SPECK_INK = 10  # dark pixels in the window round a pixel of a stroke (a speck has at most 9)


class Reading(NamedTuple):
    text: str
    conf: float  # mean word confidence; -1 for no text


def _strokes(dark: np.ndarray) -> np.ndarray:
    """The dark pixels that are part of strokes: SPECK_INK or more dark pixels in the window
    round them (a box filter by summed areas)."""
    half = SPECK_WINDOW // 2
    sums = np.pad(dark.astype(np.int32), half + 1).cumsum(0).cumsum(1)
    w = SPECK_WINDOW
    window = sums[w:, w:] - sums[:-w, w:] - sums[w:, :-w] + sums[:-w, :-w]
    return dark & (window[:dark.shape[0], :dark.shape[1]] >= SPECK_INK)


def _despeckled(pixels: np.ndarray) -> np.ndarray:
    """The image with its light grey (shades, paper) and its specks white: Tesseract reads
    them as letters. Only for a cell read again: on a whole page it whitens the thin strokes
    of real scans' letters too (the FY2562 scan's table is lost)."""
    dark = pixels < ocr_image.DARK
    return np.where((pixels > CELL_LIGHT) | (dark & ~_strokes(dark)), 255, pixels).astype(np.uint8)


def overlaps(word: Word, box: Box) -> bool:
    return word.x0 < box[2] and word.x1 > box[0] and word.top < box[3] and word.bottom > box[1]


def reread(tesseract, pixels: np.ndarray, box: Box, dpi: int, settings: Settings,
           others: list[Word] = (), with_conf: bool = False) -> Reading:
    """The cell in `box` read on its own as a block of text. `others`: words OCR counted in
    other cells that reach into this one (a cell merged across rows reaches into the band it
    is not counted in): painted white, their marks would read as letters. A cell without ink
    reads empty. with_conf: the reading's mean word confidence too (a second pass, TSV)."""
    x0, top, x1, bottom = (round(v) for v in box)
    left, up = x0 + CELL_INSET, top + CELL_INSET
    crop = pixels[up:bottom - CELL_INSET, left:x1 - CELL_INSET].copy()
    for w in others:
        crop[max(0, round(w.top) - up):max(0, round(w.bottom) - up), max(0, round(w.x0) - left):max(0, round(w.x1) - left)] = 255
    dark = crop < ocr_image.DARK
    # ink in strokes, not specks: dark pixels with a dark neighbour right of and below them
    if crop.size == 0 or (dark[:-1, :-1] & dark[1:, :-1] & dark[:-1, 1:]).sum() < (CELL_MIN_INK * dpi) ** 2:
        return Reading("", -1)
    framed = ocr_image.for_tesseract(Image.fromarray(np.pad(_despeckled(crop), dpi // 10, constant_values=255)))
    # the text output, not TSV: it spaces Thai as printed (TSV gives a "word" per letter)
    text = tesseract.image_to_string(framed, lang=settings.ocr_language, config="--psm 6")
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    if not with_conf or not text:
        return Reading(text, -1)
    data = tesseract.image_to_data(framed, lang=settings.ocr_language, config="--psm 6",
                                   output_type=tesseract.Output.DICT)
    confs = [float(c) for c, t in zip(data["conf"], data["text"]) if (t or "").strip()]
    return Reading(text, sum(confs) / len(confs) if confs else -1)


def cell_words(words: list[Word], box: Box) -> list[Word]:
    """The words whose centres lie in the cell's box."""
    return [w for w in words if box[0] <= (w.x0 + w.x1) / 2 < box[2] and box[1] <= (w.top + w.bottom) / 2 < box[3]]


# A line's first word that opens with Latin letters run into Thai ("auะยะเวลา" for "- ระยะเวลา"):
# Tesseract's English model read a list's dash and the letter after it. No such word is printed.
_LATIN_INTO_THAI = re.compile("^[A-Za-z]{1,3}[\u0e01-\u0e4e]{4}")  # four Thai letters: a word, not a speck's
LINE_PAD = 0.5  # of a line's letter height, above and below it: its marks


def latin_head_read_again(tesseract, pixels: np.ndarray, words: list[Word], band: tuple[float, float], dpi: int,
                          settings: Settings) -> list[Word]:
    """One line's words, its first word read again on its own where it opens with Latin run into
    Thai: kept if Tesseract is surer of the new reading, it opens otherwise and has the
    word's numbers, no more and no fewer. band: the line's letters' top and bottom (its
    pieces' boxes reach into the lines round it)."""
    if not words or not _LATIN_INTO_THAI.match(words[0].text):
        return words
    first = words[0]
    pad = LINE_PAD * (band[1] - band[0])
    again = reread(tesseract, pixels, (first.x0 - pad, band[0] - pad, first.x1 + pad, band[1] + pad), dpi, settings,
                   with_conf=True)
    text = " ".join(again.text.split())
    if (again.conf > first.conf and text and not _LATIN_INTO_THAI.match(text) and keeps_numbers(first.text, text)
            and keeps_numbers(text, first.text)):  # no number lost, none made up
        return [first._replace(text=text)] + words[1:]
    return words
