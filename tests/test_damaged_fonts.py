"""The damaged fonts of the sample generator (scripts/samplegen/damage.py) damage the text layer
only: the page draws what the report says, as its twin's does (issue 24: OCR reads the page of
a text layer beyond repair, so the page must show the Thai)."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from fontTools.ttLib import TTFont

from conftest import SAMPLES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from samplegen.damage import _CONSONANTS, garbled_font, garbled_text, lost_nikhahit_font  # noqa: E402
from samplegen.fonts import SARABUN  # noqa: E402


def _cmaps(path: Path) -> list[dict]:
    return [t.cmap for t in TTFont(str(path))["cmap"].tables if t.isUnicode()]


def test_the_garbled_font_draws_each_consonant_at_its_garbled_code_point(tmp_path):
    # Sarabun's (0,3) and (3,1) subtables share one dict in fontTools: remapped once per
    # subtable, the shift was applied twice and the page showed other letters than the report's
    original = _cmaps(SARABUN)[0]
    for cmap in _cmaps(garbled_font(SARABUN, tmp_path / "garbled.ttf")):
        assert all(cmap[ord(garbled_text(c))] == original[ord(c)] for c in _CONSONANTS if ord(c) in original)
    for cmap in _cmaps(lost_nikhahit_font(SARABUN, tmp_path / "nikhahit.ttf")):
        assert cmap[0x2008] == original[0x20] and cmap[0x20] == original[0x0E4D]


def test_the_garbled_font_sample_shows_its_twins_page():
    # rendered, the two samples are the same image: only the text layers differ
    def image(name: str, page: int) -> np.ndarray:
        return np.asarray(pdfium.PdfDocument(SAMPLES / name)[page].render(scale=50 / 72, grayscale=True).to_pil())
    for page in (0, 1):
        assert np.array_equal(image("kpi_2556_2-3_disbursement_garbled_font.fpdf.pdf", page),
                              image("kpi_2556_2-3_disbursement_interpolated.fpdf.pdf", page))
