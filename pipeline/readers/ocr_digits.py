"""Thai digits read again from the page image (issue 24): Tesseract's Thai model reads Sarabun's
๖ as ๒ or as two digits (๒๐), and ๔ and ๘ as ๕, so a year 2566 comes out 2520. A run of
digits as Tesseract read it (its TSV pieces, a character each) is cut out of the page, split
into glyphs (connected strokes of ink) and each glyph matched, by normalised correlation of
size-normalised images, against templates rendered from Sarabun (fontpkg-sarabun, a main
dependency for report.html: the government's standard face, which Thai reports are set in).

Never invent or drop digits: a run is read again only where every digit Tesseract read falls on
a glyph of the image and every glyph holds one of them; a glyph's digit is replaced only where
its best match is sure and clearly better than the runner-up (a glyph Tesseract read as two
digits must be sure, or the run stays as read). Separators (, .) stay as read.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from scipy import ndimage

from thaikpi.pipeline.readers.ocr_tables import Word
from thaikpi.pipeline.text.digits import THAI_DIGITS

SEPARATORS = ",."
GRID = 32  # side of the square a glyph is scaled into before matching
FACES = ("Sarabun-Light.ttf", "Sarabun-Regular.ttf", "Sarabun-Medium.ttf", "Sarabun-Bold.ttf")
TEMPLATE_PX = 96  # font size the templates are drawn at
INK = 128  # grey below this is ink
MIN_SCORE = 0.75  # a glyph matching no digit better than this is no digit we know
MIN_MARGIN = 0.05  # the best digit's lead over the runner-up for a sure reading
GLYPH_SHARE = 0.45  # a glyph is this share of the run's tallest, and as wide of its digits' height (less: , . ) specks)
SPECK_PX = 6  # components of fewer pixels are scanner noise
WIDTH_OF_BODY = 1.25  # a Thai digit's width to its height below the tail, at most (Sarabun)
_EIGHT_NEIGHBOURS = np.ones((3, 3), dtype=bool)
OVERLAP_SHARE = 0.4  # a stroke this much under the run's pieces is its; less, a neighbour's


def _font_dir() -> Path:
    import fontpkg_sarabun
    return Path(fontpkg_sarabun.__file__).parent / "files"


def normalised(ink: np.ndarray) -> np.ndarray:
    """A glyph's ink (0..1, cropped to its box) centred in a square, scaled to GRID x GRID,
    zero mean and unit norm: its aspect ratio kept, its size and stroke darkness not."""
    h, w = ink.shape
    side = max(h, w)
    square = np.zeros((side, side), dtype=np.float32)
    square[(side - h) // 2:(side - h) // 2 + h, (side - w) // 2:(side - w) // 2 + w] = ink
    small = np.asarray(Image.fromarray((square * 255).astype(np.uint8)).resize((GRID, GRID), Image.BILINEAR),
                       dtype=np.float32)
    small -= small.mean()
    norm = float(np.linalg.norm(small))
    return small / norm if norm else small


def _ink_box(ink: np.ndarray) -> np.ndarray:
    rows, cols = np.nonzero(ink > 0.5)
    return ink[rows.min():rows.max() + 1, cols.min():cols.max() + 1]


@lru_cache(maxsize=1)
def templates() -> tuple[np.ndarray, str]:
    """Every Thai digit drawn in each face, normalised: (templates stacked, their digits)."""
    shapes, digits = [], ""
    for face in FACES:
        font = ImageFont.truetype(str(_font_dir() / face), TEMPLATE_PX)
        for digit in THAI_DIGITS:
            image = Image.new("L", (TEMPLATE_PX * 2, TEMPLATE_PX * 2), 255)
            ImageDraw.Draw(image).text((TEMPLATE_PX // 2, TEMPLATE_PX // 4), digit, font=font, fill=0)
            ink = 1 - np.asarray(image, dtype=np.float32) / 255
            shapes.append(normalised(_ink_box(ink)))
            digits += digit
    return np.stack(shapes), digits


def ranked(ink: np.ndarray) -> list[tuple[float, str]]:
    """Each digit's best correlation with a glyph's ink (0..1, cropped), best first."""
    shapes, digits = templates()
    scores = shapes.reshape(len(digits), -1) @ normalised(ink).reshape(-1)
    best: dict[str, float] = {}
    for score, digit in zip(scores.tolist(), digits):
        best[digit] = max(best.get(digit, -1.0), score)
    return sorted(((s, d) for d, s in best.items()), reverse=True)


def sure_digit(ink: np.ndarray) -> str | None:
    """The digit a glyph is, where the match says so clearly; else None."""
    (best, digit), (second, _) = ranked(ink)[:2]
    return digit if best >= MIN_SCORE and best - second >= MIN_MARGIN else None


def components(binary: np.ndarray) -> list[tuple[int, int, int, int, np.ndarray]]:
    """Connected strokes of ink (8-neighbours), in scan order of their first pixel:
    (x0, top, x1, bottom, mask within the box)."""
    labels, _ = ndimage.label(binary, structure=_EIGHT_NEIGHBOURS)
    return [(xs.start, ys.start, xs.stop, ys.stop, labels[ys, xs] == label)
            for label, (ys, xs) in enumerate(ndimage.find_objects(labels), start=1)]


def glyphs(pixels: np.ndarray, x0: int, top: int, x1: int, bottom: int) -> list[tuple[int, int, np.ndarray]]:
    """The glyphs of a run of digits whose pieces span x0..x1, top..bottom of the page image:
    (x0, x1, ink cropped to the glyph) left to right. The crop reaches past the box (a glyph's
    tail, Tesseract's narrow boxes); strokes mostly outside the run's columns, or whose middle
    lies above or below its box, are its neighbours' letters."""
    height = bottom - top
    cy0, cy1 = max(0, top - height // 2), min(pixels.shape[0], bottom + height // 2)
    cx0, cx1 = max(0, x0 - height), min(pixels.shape[1], x1 + height)  # Tesseract's boxes run narrow
    crop = pixels[cy0:cy1, cx0:cx1]
    parts = [c for c in components(crop < INK) if c[4].sum() >= SPECK_PX
             and min(x1, cx0 + c[2]) - max(x0, cx0 + c[0]) >= OVERLAP_SHARE * (c[2] - c[0])
             and top <= cy0 + (c[1] + c[3]) / 2 <= bottom]
    if not parts:
        return []
    tallest = max(c[3] - c[1] for c in parts)
    tall = [c[3] - c[1] for c in parts if c[3] - c[1] >= GLYPH_SHARE * tallest]
    body = sorted(tall)[(len(tall) - 1) // 2]  # a digit's height below its tail
    merged: list[list] = []
    for left, ctop, right, cbottom, mask in sorted(parts, key=lambda c: c[0]):
        if cbottom - ctop < GLYPH_SHARE * tallest or right - left < GLYPH_SHARE * body:
            continue  # a comma, a point, a bracket, a speck: not a digit
        whole = np.zeros(crop.shape, dtype=bool)
        whole[ctop:cbottom, left:right] = mask
        if merged and left < merged[-1][1] - (right - left) / 2:  # a broken glyph's other half
            merged[-1] = [min(left, merged[-1][0]), max(right, merged[-1][1]), merged[-1][2] | whole]
        else:
            merged.append([left, right, whole])
    out = []
    for left, right, whole in _split_touching(merged, WIDTH_OF_BODY * body):
        rows = np.nonzero(whole.any(axis=1))[0]
        mask = _grown(whole)[rows.min():rows.max() + 1, left:right]
        ink = 1 - crop[rows.min():rows.max() + 1, left:right].astype(np.float32) / 255
        out.append((cx0 + left, cx0 + right, ink * mask))
    return out


def _split_touching(merged: list[list], typical: float) -> list[list]:
    """Strokes as wide as two or more digits (of the typical width) cut where their ink is
    thinnest: digits a scan has run together (a tail touching its neighbour)."""
    out = []
    for left, right, whole in merged:
        count = round((right - left) / typical)
        if count < 2:
            out.append([left, right, whole])
            continue
        profile = whole[:, left:right].sum(axis=0)
        cuts, step = [left], (right - left) / count
        for i in range(1, count):
            lo, hi = round(i * step - step / 4), round(i * step + step / 4)
            cuts.append(left + lo + int(np.argmin(profile[lo:hi])))
        cuts.append(right)
        for a, b in zip(cuts, cuts[1:]):
            piece = np.zeros_like(whole)
            piece[:, a:b] = whole[:, a:b]
            if piece.any():
                out.append([a, b, piece])
    return out


def _grown(mask: np.ndarray) -> np.ndarray:
    """A stroke's mask a pixel wider each way: the grey of its edges is the glyph's too."""
    grown = mask.copy()
    grown[1:] |= mask[:-1]
    grown[:-1] |= mask[1:]
    grown[:, 1:] |= grown[:, :-1].copy()
    grown[:, :-1] |= grown[:, 1:].copy()
    return grown


def _is_digit_piece(text: str) -> bool:
    return bool(text) and all(c in THAI_DIGITS for c in text)


def _runs(pieces: list[Word]) -> list[list[int]]:
    """Indexes of the pieces of each run of digits (separators inside it included), in order."""
    runs, current = [], []
    for i, piece in enumerate(pieces + [None]):
        if piece is not None and (_is_digit_piece(piece.text) or (current and piece.text in SEPARATORS)):
            current.append(i)
            continue
        while current and not _is_digit_piece(pieces[current[-1]].text):
            current.pop()  # a point after the digits ends a sentence
        if current:
            runs.append(current)
        current = []
    return runs


def _reread_run(pixels: np.ndarray, pieces: list[Word]) -> list[Word]:
    """A run's pieces with its glyphs' sure digits, where pieces and glyphs pair up (see the
    module's doc); a glyph read as two pieces becomes one, its box both pieces'."""
    digits = [i for i, p in enumerate(pieces) if _is_digit_piece(p.text)]
    found = glyphs(pixels, int(min(pieces[i].x0 for i in digits)), int(min(pieces[i].top for i in digits)),
                   int(max(pieces[i].x1 for i in digits)), int(max(pieces[i].bottom for i in digits)))
    owner = {}
    for i in digits:
        middle = (pieces[i].x0 + pieces[i].x1) / 2
        home = [g for g, (left, right, _) in enumerate(found) if left <= middle < right]
        if len(home) != 1:
            return pieces  # a digit read where the image has no glyph: leave the run alone
        owner[i] = home[0]
    if sorted(set(owner.values())) != list(range(len(found))):
        return pieces  # a glyph nothing was read on: leave the run alone
    read = [sure_digit(ink) for _, _, ink in found]
    if sum(len(pieces[i].text) for i in digits) != len(found) and None in read:
        return pieces  # the count differs and the image cannot say every digit: as read
    out, done = [], set()
    for i, piece in enumerate(pieces):
        g = owner.get(i)
        if g is None:
            out.append(piece)  # a separator
        elif g not in done:
            done.add(g)
            if read[g] is None:  # kept as read (one piece on the glyph, see above)
                out.append(piece)
                continue
            mine = [pieces[j] for j in digits if owner[j] == g]
            # the box Tesseract's pieces give (the spaces between words are judged by them)
            out.append(piece._replace(x1=max(p.x1 for p in mine), text=read[g], conf=min(p.conf for p in mine)))
    return out


def reread_digits(pixels: np.ndarray, pieces: list[Word]) -> list[Word]:
    """One line's pieces, left to right, with its runs of Thai digits read again from the image
    (see the module's doc); pieces a glyph's second reading was are gone."""
    pieces = list(pieces)
    for run in reversed(_runs(pieces)):
        pieces[run[0]:run[-1] + 1] = _reread_run(pixels, pieces[run[0]:run[-1] + 1])
    return pieces
