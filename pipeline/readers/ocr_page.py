"""One page read by OCR: rendered, turned upright, its rules found and erased, OCR'd by
Tesseract (TSV: words with boxes and confidences), and built into Lines as the text-layer
reader builds them: text lines with their words' x extents in PDF points, ruled tables as rows
of cells (pipeline/readers/ocr_tables.py). Corrections are a pass of their own (corrected)."""
from __future__ import annotations

from dataclasses import replace
from statistics import median_high
from typing import Iterable

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from thaikpi.pipeline.readers import ocr_image
from thaikpi.pipeline.readers.ocr_digits import reread_digits
from thaikpi.pipeline.readers.ocr_cells import (cell_words, keeps_numbers, latin_head_read_again, misread, overlaps,
                                                 reread)
from thaikpi.pipeline.readers.ocr_mark_lines import without_mark_lines
from thaikpi.pipeline.readers.ocr_marks import find_boxes, with_boxes
from thaikpi.pipeline.readers.ocr_tables import Word, erase, find_grids, find_rules, in_grid, table_rows
from thaikpi.pipeline.settings import Settings
from thaikpi.extractors import labels as label_tables
from thaikpi.pipeline.text.ocr_markers import fixed_markers
from thaikpi.pipeline.text.ocr_spaces import restored_spaces
from thaikpi.pipeline.text.ocr_fixes import (clean_cell, fix_label_cell, fix_label_head, fix_label_line, fix_mark_cell,
                                             fix_number_cell, fix_text,
                                             is_stray_line,
                                             strip_stray_marks)
from thaikpi.schemas.parsed import Line

MIN_WORD_CONFIDENCE = 20  # words Tesseract is less sure of are specks and rules, not text
# Tesseract's TSV gives Thai a "word" per letter or mark (its text output knows better, the
# TSV does not say). Pieces of a line closer than this share of its pieces' median height are
# one word; farther apart, a space was printed between them (measured: letters of one word sit
# up to 0.5 of it apart, bold headings included, spaces 0.55 and more).
SPACE_SHARE = 0.55
SPECK_CONFIDENCE = 60
SCRIPT_SPACE_SHARE = 0.3  # between Thai and a digit or Latin letter: no word runs on across


def _is_thai(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e4e"


def _joined(words: list[Word]) -> list[Word]:
    """Tesseract's pieces of one line joined into the words printed (spaces between them)."""
    heights = sorted(w.bottom - w.top for w in words)
    space = SPACE_SHARE * heights[len(heights) // 2] if heights else 0
    out: list[Word] = []
    for w in sorted(words, key=lambda w: w.x0):
        last = out[-1] if out else None
        script_change = last is not None and _is_thai(last.text[-1]) != _is_thai(w.text[0])
        if last is not None and w.x0 - last.x1 < (space * SCRIPT_SPACE_SHARE / SPACE_SHARE if script_change else space):
            out[-1] = Word(last.x0, min(last.top, w.top), max(last.x1, w.x1), max(last.bottom, w.bottom),
                           last.text + w.text, min(last.conf, w.conf), last.line_key)
        else:
            out.append(w)
    return out


def _words(tesseract, image: Image.Image, settings: Settings) -> list[Word]:
    data = tesseract.image_to_data(ocr_image.for_tesseract(image), lang=settings.ocr_language, config="--psm 3",
                                   output_type=tesseract.Output.DICT)
    words = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        text = (text or "").strip()
        if not text or conf < MIN_WORD_CONFIDENCE:
            continue
        x0, top = data["left"][i], data["top"][i]
        words.append(Word(x0, top, x0 + data["width"][i], top + data["height"][i], text, conf,
                          (data["block_num"][i], data["par_num"][i], data["line_num"][i])))
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line_key, []).append(w)
    pixels = np.asarray(image)  # Thai digits read again from the image (ocr_digits.py)
    out = []
    for pieces in lines.values():
        pieces = reread_digits(pixels, sorted(pieces, key=lambda w: w.x0))
        band = (median_high([w.top for w in pieces]), median_high([w.bottom for w in pieces]))
        out += latin_head_read_again(tesseract, pixels, _joined(pieces), band, settings.ocr_dpi, settings)
    return [w for w in out if not _speck(w)]


def _speck(word: Word) -> bool:
    """One or two unsure characters standing alone: the marks of a line read as a line of their
    own, a rule's remnant, shading. A number is kept, whatever OCR thinks of it."""
    return len(word.text) <= 2 and word.conf < SPECK_CONFIDENCE and not word.text.isdigit()


def _text_lines(words: Iterable[Word], page: int, points: float, indent: float) -> list[tuple[float, float, Line]]:
    """Words grouped into lines by Tesseract's block, paragraph and line numbers. A line opens
    a paragraph where Tesseract's paragraph changes or, as the text-layer reader guesses, where
    it starts indented past the margin (pipeline/readers/pdf_paragraphs.py judges them later).
    Lines of marks read as letters are dropped (a table's cells judge theirs: ocr_cells)."""
    lines: dict[tuple, list[Word]] = {}
    for w in without_mark_lines(list(words)):
        lines.setdefault(w.line_key, []).append(w)
    ordered = sorted(lines.items(), key=lambda kv: kv[0])
    margin = _margin([min(w.x0 for w in ws) * points for _, ws in ordered])
    out, last_par = [], None
    for key, ws in ordered:
        ws.sort(key=lambda w: w.x0)
        start = min(w.x0 for w in ws) * points
        line = Line(cells=(" ".join(w.text for w in ws),), page=page,
                    paragraph_start=key[:2] != last_par or start > margin + indent,
                    words=tuple((round(w.x0 * points, 2), round(w.x1 * points, 2), w.text) for w in ws),
                    top=round(_common_top(ws) * points, 1))
        last_par = key[:2]
        out.append((min(w.top for w in ws), min(w.x0 for w in ws), line))
    return out


MARGIN_SPREAD = 3.0  # points: a scan's lines at one margin start this far apart (levelling, noise)


def _margin(starts: list[float]) -> float:
    """The left margin: the leftmost start several lines share, within MARGIN_SPREAD."""
    shared = [s for s in starts if sum(abs(s - t) <= MARGIN_SPREAD for t in starts) >= 2]
    return min(shared) if shared else min(starts, default=0.0)


def _common_top(words: list[Word]) -> float:
    """A line's top: its letters' median top (a letter with a mark above reads higher)."""
    return median_high(w.top for w in words)


def _cell(tesseract, pixels: np.ndarray, text: str, box, band: list[Word], words_of_text: list[Word],
          dpi: int, settings: Settings) -> str:
    """A table cell's text: as the page's OCR read it, or read again on its own
    (pipeline/readers/ocr_cells.py) where the page left it empty or a speck, or read it with
    a word misread in it (unsure Latin, digits of both scripts: ocr_cells.misread; kept if the
    re-reading is surer and keeps its numbers)."""
    if not box:
        return text
    # words of other cells reaching into this one (their centres outside it)
    others = [w for w in words_of_text if overlaps(w, box) and not cell_words([w], box)]
    if not clean_cell(fix_text(text)):
        return reread(tesseract, pixels, box, dpi, settings, others).text
    mine = cell_words(band, box)
    if misread(mine):
        again = reread(tesseract, pixels, box, dpi, settings, others, with_conf=True)
        if again.conf > sum(w.conf for w in mine) / len(mine) and keeps_numbers(text, again.text):
            return again.text
    return text


def read_page(tesseract, page: pdfium.PdfPage, number: int, first_table: int,
              settings: Settings) -> tuple[list[Line], list[float], int]:
    """One page by OCR: its lines in reading order (as Tesseract read them: see corrected), its
    words' confidences, the next table number."""
    return read_image(tesseract, ocr_image.render(page, settings.ocr_dpi), number, first_table, settings)


def read_image(tesseract, image: Image.Image, number: int, first_table: int,
               settings: Settings) -> tuple[list[Line], list[float], int]:
    """read_page of the page rendered (ocr_image.render at settings.ocr_dpi). No call into
    pdfium: pages are read in threads of their own (pipeline/readers/ocr.py)."""
    dpi = settings.ocr_dpi
    image = ocr_image.turned(image, ocr_image.upright_rotation(image, dpi, tesseract))
    image = ocr_image.levelled(image, dpi)
    pixels = np.asarray(image)
    horizontal, vertical = find_rules(pixels < ocr_image.DARK, dpi)
    erased = erase(pixels, horizontal, vertical)
    words = _words(tesseract, Image.fromarray(erased), settings)
    confidences = [w.conf for w in words]
    words = with_boxes(words, find_boxes(erased < ocr_image.DARK, dpi))
    points = 72 / dpi
    items: list[tuple[float, float, Line]] = []
    table = first_table
    rest = words
    for grid in find_grids(horizontal, vertical, dpi):
        inside = [w for w in rest if in_grid(grid, w)]
        rest = [w for w in rest if not in_grid(grid, w)]
        rows = table_rows(grid, inside, dpi)
        if not any(row.cells is not None for row in rows):
            rest += inside
            continue
        words_of_text = [w for w in inside if clean_cell(fix_text(w.text))]  # not a speck's letter
        for row in rows:
            if row.cells is None:
                items += _text_lines(row.words, number, points, settings.reader.indent)
                continue
            cells = [_cell(tesseract, erased, text, box, row.words, words_of_text, dpi, settings)
                     for text, box in zip(row.cells, row.boxes)]
            if any(cells):
                items.append((row.top, grid.x0, Line(cells=tuple(cells), page=number, table=table)))
        table += 1
    items += _text_lines(rest, number, points, settings.reader.indent)
    items.sort(key=lambda it: (it[0], it[1]))
    return [line for _, _, line in items], confidences, table


# The labels a line or cell may open with (extractors/labels.py): an OCR'd label is put right
# by its consonants (fix_label_head).
LABELS = tuple(dict.fromkeys(
    [label for group in (label_tables.KPI_HEADER_FIELDS, label_tables.KPI_SECTIONS, label_tables.ME_SECTIONS)
     for labels in group.values() for label in labels] + list(label_tables.CRITERIA_LABELS)))
# ... and the labels a table's header cells hold (a score table's columns by meaning).
CELL_LABELS = LABELS + tuple(word for _, words in label_tables.SCORE_COLUMNS for word in words)


def _fixed(text: str) -> str:
    text = restored_spaces(strip_stray_marks(fix_text(text)), label_tables.NAME_PREFIXES, label_tables.LIST_FOLLOWS_WORDS)
    return fix_label_line(fix_label_head(text, LABELS), LABELS)


def corrected(lines: list[Line]) -> list[Line]:
    """One page's OCR'd lines with the safe corrections of pipeline/text/ocr_fixes.py made and
    its lists' markers read as signs put right (pipeline/text/ocr_markers.py); lines that are
    nothing but a stamp's or a tick's stray marks dropped."""
    out = []
    for line in lines:
        if line.table is not None:
            out.append(replace(line, cells=tuple(
                fix_label_cell(fix_label_head(clean_cell(fix_mark_cell(fix_number_cell(c))), LABELS), CELL_LABELS)
                for c in line.cells)))
        elif not is_stray_line(line.text):
            out.append(replace(line, cells=tuple(_fixed(c) for c in line.cells),
                               words=tuple((x0, x1, fix_text(t)) for x0, x1, t in line.words
                                           if not is_stray_line(t))))
    text = [i for i, line in enumerate(out) if line.table is None and line.words and len(line.cells) == 1]
    # a list's items line up at their text after the marker (a misread marker's box is askew)
    marked = fixed_markers([(out[i].words[min(1, len(out[i].words) - 1)][0], out[i].cells[0]) for i in text])
    for i, new in zip(text, marked):
        if new != out[i].cells[0]:
            first = out[i].words[0]
            word = new.split(" ", 1)[0] if first[2] == out[i].cells[0].split(" ", 1)[0] else first[2]
            out[i] = replace(out[i], cells=(new,), words=((first[0], first[1], word),) + out[i].words[1:])
    return out
