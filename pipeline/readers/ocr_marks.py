"""Checkboxes on a scanned page ("☑ รอบ 6 เดือน ☐ รอบ 9 เดือน"): Tesseract reads an empty box
as "[]", "0" or "O" and drops a ticked one, so the boxes are found in the image instead and put
among the OCR'd words as ☑ and ☐, the marks a text layer has.

A box is a small square outline: a short run of ink (a tenth to a quarter of an inch) whose
ends go down as two sides of ink to a second run of the same length as far below as it is long,
ink at its four corners.
Ink inside the outline ticks it. Rules were erased before (ocr_tables.erase), so a table's
cells are no boxes.
"""
from __future__ import annotations

import numpy as np

from thaikpi.pipeline.readers.ocr_tables import Word, _runs

BOX_MIN_INCHES = 0.09  # a Thai letter of body text is smaller (0.06-0.08)
BOX_MAX_INCHES = 0.25
SQUARE = 0.2  # a box's height within this share of its width
SIDE_INK = 0.85  # share of a side's rows (an edge's columns) that are ink
TICK_INK = 0.06  # share of the inside (an inset of a fifth) that is ink in a ticked box
BLOT_INK = 0.5  # more ink inside than this: a blot or a bullet, not a box
CHECKED, UNCHECKED = "☑", "☐"


def _edge(dark: np.ndarray, y: int, x0: int, x1: int, t: int) -> bool:
    """Ink across x0..x1 within t rows of y."""
    band = dark[max(0, y - t):y + t + 1, x0:x1]
    return band.size > 0 and band.any(axis=0).mean() >= SIDE_INK


def _side(dark: np.ndarray, x: int, y0: int, y1: int, t: int) -> bool:
    band = dark[y0:y1, max(0, x - t):x + t + 1]
    return band.size > 0 and band.any(axis=1).mean() >= SIDE_INK


def find_boxes(dark: np.ndarray, dpi: int) -> list[tuple[int, int, int, int, bool]]:
    """(x0, top, x1, bottom, ticked) of every checkbox of the (rule-free) binarized page."""
    low, high = int(BOX_MIN_INCHES * dpi), int(BOX_MAX_INCHES * dpi)
    t = max(2, dpi // 100)  # an outline's thickness, and a skewed edge's drift
    boxes: list[tuple[int, int, int, int, bool]] = []
    for y, x0, x1 in _runs(dark, low):
        width = x1 - x0
        if width > high or any(b[0] - t <= x0 <= b[2] and b[1] - t <= y <= b[3] + t for b in boxes):
            continue
        if not (_side(dark, x0 + t // 2, y, y + int(width * (1 - SQUARE)), t)
                and _side(dark, x1 - 1 - t // 2, y, y + int(width * (1 - SQUARE)), t)):
            continue
        bottom = next((y2 for y2 in range(y + int(width * (1 - SQUARE)), y + int(width * (1 + SQUARE)) + 1)
                       if y2 < dark.shape[0] and dark[y2, x0:x1].mean() >= SIDE_INK), None)
        if bottom is None or not (_side(dark, x0 + t // 2, y, bottom, t) and _side(dark, x1 - 1 - t // 2, y, bottom, t)) \
                or not _edge(dark, bottom, x0, x1, 0):
            continue
        corners = [dark[yy - t:yy + t + 1, xx - t:xx + t + 1] for yy in (y + t // 2, bottom) for xx in (x0 + t // 2, x1 - 1 - t // 2)]
        if not all(c.size and c.any() for c in corners):  # round letters (อ, ด, 0) have none
            continue
        inset = max(t + 1, width // 5)
        inside = dark[y + inset:bottom - inset, x0 + inset:x1 - inset]
        ink = float(inside.mean()) if inside.size else 0.0
        if ink <= BLOT_INK:
            boxes.append((int(x0), int(y), int(x1), int(bottom), ink >= TICK_INK))
    return boxes


def _letters(text: str) -> int:
    return sum("\u0e01" <= ch <= "\u0e2e" for ch in text)


def with_boxes(words: list[Word], boxes: list[tuple[int, int, int, int, bool]]) -> list[Word]:
    """The words with each checkbox as a word of its own (☑ or ☐) on the line of the word right
    of it, and what OCR made of the box itself (a word whose middle is inside it: "[]", "0")
    dropped; an outline round Thai letters is no box. A box
    with no word on its right is left out: it marks nothing that was read."""
    def inside(w: Word, box) -> bool:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]

    # a word of Thai letters inside is text in a square outline of ink, not a box
    boxes = [b for b in boxes if not any(inside(w, b) and _letters(w.text) >= 2 for w in words)]
    kept = [w for w in words if not any(inside(w, b) for b in boxes)]
    out = list(kept)
    for x0, top, x1, bottom, ticked in boxes:
        right = [w for w in kept if w.x0 >= x1 - 1 and w.top < bottom and w.bottom > top]
        if not right:
            continue
        nearest = min(right, key=lambda w: w.x0)
        if nearest.x0 - x1 > 3 * (x1 - x0):
            continue
        out.append(Word(x0, top, x1, bottom, CHECKED if ticked else UNCHECKED, 100.0, nearest.line_key))
    return out
