"""A PDF page as an image for OCR: rendered by pdfium (the page's /Rotate applied), turned
upright when its text is sideways, binarized; and the test of a blank page."""
from __future__ import annotations

import re

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

BLANK_DPI = 50
# Share of dark pixels below which a page without text is blank: a scanner's specks and a
# page number's stamp stay under it, one line of text (about 0.3% of an A4 page) does not.
BLANK_INK = 0.001
DARK = 160  # grey level (0-255) under which a pixel is ink
OSD_DPI = 150  # Tesseract's orientation detection needs no more
# Tesseract's orientation confidence under which a page is left as it is: pages with little
# text (a cover, a stamp) get 1-5 for a guess, sideways text pages 15 and more.
OSD_MIN_CONFIDENCE = 5.0


def render(page: pdfium.PdfPage, dpi: int) -> Image.Image:
    """The page in grey, as it is displayed (pdfium applies the page's /Rotate)."""
    return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")


def dark_pixels(image: Image.Image) -> np.ndarray:
    return np.asarray(image) < DARK


def is_blank(page: pdfium.PdfPage) -> bool:
    """A page with (almost) no ink: rendered small, its share of dark pixels."""
    dark = dark_pixels(render(page, BLANK_DPI))
    # a scan's black border (the edge of the platen) is not ink on the page
    margin = max(2, min(dark.shape) // 20)
    inner = dark[margin:-margin, margin:-margin]
    return inner.size == 0 or inner.mean() < BLANK_INK


# Modes whose pixels PNM holds as they are (PBM, PGM, PPM)
_PNM_MODES = ("1", "L", "RGB")


def for_tesseract(image: Image.Image) -> Image.Image:
    """The image, marked to be handed to Tesseract uncompressed. pytesseract writes each image
    to a file for Tesseract to read, as PNG unless the image names another format: deflating a
    300 dpi page was a third of its OCR time. PNM is the same pixels, written as they are."""
    if image.mode in _PNM_MODES:
        image.format = "PPM"  # PIL's writer of PBM, PGM and PPM alike; Leptonica reads them all
    return image


def upright_rotation(image: Image.Image, dpi: int, tesseract) -> int:
    """Degrees (clockwise) that turn the page's text upright, by Tesseract's orientation and
    script detection (--psm 0); 0 when it is upright or the page has too little text to say."""
    scale = min(1.0, OSD_DPI / dpi)
    small = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
    try:
        osd = tesseract.image_to_osd(for_tesseract(small), config="--psm 0")
    except tesseract.TesseractError:  # "too few characters": nothing to turn
        return 0
    rotate = re.search(r"Rotate:\s*(\d+)", osd)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", osd)
    if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def turned(image: Image.Image, degrees: int) -> Image.Image:
    """The image turned clockwise by degrees (PIL turns counter-clockwise)."""
    return image.rotate(-degrees, expand=True, fillcolor=255) if degrees else image


SKEW_DPI = 75  # enough to see the lines of text
SKEW_MAX = 2.5  # degrees either way a scanner feeds a page askew
SKEW_MIN = 0.3  # less than this is left: a rule stays within the band rules are found in


def _sharpness(small: Image.Image, angle: float) -> float:
    """How sharp the rows of ink are with the page turned by angle: the sum of squared changes
    of its row profile (level lines of text give the steepest profile)."""
    profile = (np.asarray(small.rotate(angle, fillcolor=255)) < DARK).sum(axis=1).astype(np.float64)
    return float(np.sum(np.diff(profile) ** 2))


def skew(image: Image.Image, dpi: int) -> float:
    """The small angle (degrees, counter-clockwise) that levels the page's lines: coarse steps
    of half a degree, then tenths around the best."""
    scale = min(1.0, SKEW_DPI / dpi)
    small = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
    coarse = max(np.arange(-SKEW_MAX, SKEW_MAX + 0.25, 0.5), key=lambda a: _sharpness(small, float(a)))
    fine = max(np.arange(coarse - 0.4, coarse + 0.45, 0.1), key=lambda a: _sharpness(small, float(a)))
    return round(float(fine), 1)


def levelled(image: Image.Image, dpi: int) -> Image.Image:
    """The page with its lines level, for the rules to be found and OCR to read straight lines."""
    angle = skew(image, dpi)
    if abs(angle) < SKEW_MIN:
        return image
    return image.rotate(angle, fillcolor=255, resample=Image.BICUBIC)
