"""OCR of the pages a text layer cannot give: scans, and text layers beyond repair.

ocr_pages is the one hook (pipeline/run/process.py): after a PDF is read, the pages that need
it (settings.ocr: auto, off, force) are rendered, turned upright, OCR'd by Tesseract (tha+eng,
through pytesseract) and their lines replaced by the OCR's, built as the text-layer reader
builds them: text lines with their words' x extents in PDF points, and ruled tables as rows of
cells (pipeline/readers/ocr_tables.py). The extractors read OCR'd pages unchanged; a page's
source and mean word confidence are recorded, and each OCR'd page gets an info flag.

Pages without text and (almost) without ink are blank: no flag, no OCR, whatever the mode.
Without Tesseract, the pages keep their flags and the flags say how to install it.
"""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Iterable

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from thaikpi.pipeline.readers import ocr_image
from thaikpi.pipeline.readers.ocr_tables import Word, erase, find_grids, find_rules, in_grid, table_rows
from thaikpi.pipeline.settings import Settings
from thaikpi.pipeline.text.ocr_fixes import fix_number_cell, fix_text
from thaikpi.schemas.document import TextSource
from thaikpi.schemas.parsed import Line, ParsedDocument

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-tha"
# Garbled reasons the word-frequency repair answers (a lost SARA AM): the text layer stays.
REPAIRED_REASONS = ("SARA AM lost to a space",)
MIN_WORDS = 3  # fewer words than this is a page OCR could not read: it keeps its flag
MIN_WORD_CONFIDENCE = 20  # words Tesseract is less sure of are specks and rules, not text
# Tesseract's TSV gives Thai a "word" per letter or mark; letters closer than this (inches)
# are one word, farther apart a space was printed between them.
SPACE_INCHES = 0.035


def beyond_repair(reason: str) -> bool:
    """A garbled text layer OCR reads better: any reason but the ones the repair answers."""
    return any(not part.startswith(REPAIRED_REASONS) for part in reason.split("; "))


def pages_to_read(parsed: ParsedDocument, mode: str) -> list[int]:
    if mode == "off":
        return []
    if mode == "force":
        return list(range(1, parsed.pages + 1))
    garbled = [p for p, why in parsed.garbled_pages.items() if beyond_repair(why)]
    return sorted(set(parsed.pages_without_text) | set(garbled))


def _tesseract(settings: Settings):
    """pytesseract pointed at the settings' binary, or None and why not."""
    try:
        import pytesseract
    except ImportError:
        return None, f"OCR needs the Python package pytesseract and Tesseract: pip install pytesseract; {INSTALL_HINT}"
    pytesseract.pytesseract.tesseract_cmd = settings.tesseract_cmd
    # One thread per page: workers read files side by side, and Tesseract's threads only
    # contend for the same cores (its OpenMP build is slower on two cores than on one).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        pytesseract.get_tesseract_version()
        languages = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return None, f"OCR is off: Tesseract was not found ({settings.tesseract_cmd}); to read scans, {INSTALL_HINT}"
    missing = [lang for lang in settings.ocr_language.split("+") if lang not in languages]
    if missing:
        return None, f"OCR is off: Tesseract has no {'+'.join(missing)} language data; {INSTALL_HINT}"
    return pytesseract, ""


def _joined(words: list[Word], dpi: int) -> list[Word]:
    """Tesseract's pieces of one line joined into the words printed (spaces between them)."""
    out: list[Word] = []
    for w in sorted(words, key=lambda w: w.x0):
        last = out[-1] if out else None
        if last is not None and w.x0 - last.x1 <= SPACE_INCHES * dpi:
            out[-1] = Word(last.x0, min(last.top, w.top), max(last.x1, w.x1), max(last.bottom, w.bottom),
                           last.text + w.text, min(last.conf, w.conf), last.line_key)
        else:
            out.append(w)
    return out


def _words(tesseract, image: Image.Image, settings: Settings) -> list[Word]:
    data = tesseract.image_to_data(image, lang=settings.ocr_language, config="--psm 3",
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
    return [w for ws in lines.values() for w in _joined(ws, settings.ocr_dpi)]


def _text_lines(words: Iterable[Word], page: int, points: float) -> list[tuple[float, float, Line]]:
    """Words grouped into lines by Tesseract's block, paragraph and line numbers."""
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line_key, []).append(w)
    out, last_par = [], None
    for key, ws in sorted(lines.items(), key=lambda kv: kv[0]):
        ws.sort(key=lambda w: w.x0)
        line = Line(cells=(" ".join(w.text for w in ws),), page=page, paragraph_start=key[:2] != last_par,
                    words=tuple((round(w.x0 * points, 2), round(w.x1 * points, 2), w.text) for w in ws))
        last_par = key[:2]
        out.append((min(w.top for w in ws), min(w.x0 for w in ws), line))
    return out


def read_page(tesseract, page: pdfium.PdfPage, number: int, first_table: int,
              settings: Settings) -> tuple[list[Line], list[float], int]:
    """One page by OCR: its lines in reading order (as Tesseract read them: see corrected), its
    words' confidences, the next table number."""
    dpi = settings.ocr_dpi
    image = ocr_image.render(page, dpi)
    image = ocr_image.turned(image, ocr_image.upright_rotation(image, dpi, tesseract))
    pixels = np.asarray(image)
    horizontal, vertical = find_rules(pixels < ocr_image.DARK, dpi)
    words = _words(tesseract, Image.fromarray(erase(pixels, horizontal, vertical)), settings)
    points = 72 / dpi
    items: list[tuple[float, float, Line]] = []
    table = first_table
    rest = words
    for grid in find_grids(horizontal, vertical, dpi):
        inside = [w for w in rest if in_grid(grid, w)]
        rest = [w for w in rest if not in_grid(grid, w)]
        rows = table_rows(grid, inside, dpi)
        if not any(cells is not None for _, cells, _ in rows):
            rest += inside
            continue
        for top, cells, row_words in rows:
            if cells is None:
                items += _text_lines(row_words, number, points)
            else:
                items.append((top, grid.x0, Line(cells=tuple(cells), page=number, table=table)))
        table += 1
    items += _text_lines(rest, number, points)
    items.sort(key=lambda it: (it[0], it[1]))
    return [line for _, _, line in items], [w.conf for w in words], table


def corrected(lines: list[Line]) -> list[Line]:
    """OCR'd lines with the safe corrections of pipeline/text/ocr_fixes.py made."""
    out = []
    for line in lines:
        if line.table is not None:
            out.append(replace(line, cells=tuple(fix_number_cell(c) for c in line.cells)))
        else:
            out.append(replace(line, cells=tuple(fix_text(c) for c in line.cells),
                               words=tuple((x0, x1, fix_text(t)) for x0, x1, t in line.words)))
    return out


def _blank_pages(pdf: pdfium.PdfDocument, pages: Iterable[int]) -> list[int]:
    return [p for p in pages if ocr_image.is_blank(pdf[p - 1])]


def ocr_pages(parsed: ParsedDocument, data: bytes, settings: Settings) -> ParsedDocument:
    """The document with the pages that need OCR read by it (see the module's doc)."""
    sources = {p: "repaired" for p in parsed.repaired_pages}
    if not parsed.pages_without_text and settings.ocr != "force" and not pages_to_read(parsed, settings.ocr):
        return replace(parsed, text_sources=sources)
    pdf = pdfium.PdfDocument(data)
    try:
        blank = _blank_pages(pdf, parsed.pages_without_text)
        sources.update({p: "blank" for p in blank})
        parsed = replace(parsed, pages_without_text=[p for p in parsed.pages_without_text if p not in blank])
        wanted = [p for p in pages_to_read(parsed, settings.ocr) if p not in blank]
        if not wanted:
            return replace(parsed, text_sources=sources)
        tesseract, why_not = _tesseract(settings)
        if tesseract is None:
            return replace(parsed, text_sources=sources, ocr_unavailable=why_not)
        return _replace_pages(parsed, pdf, tesseract, wanted, sources, settings)
    finally:
        pdf.close()


def _replace_pages(parsed: ParsedDocument, pdf: pdfium.PdfDocument, tesseract, wanted: list[int],
                   sources: dict[int, str], settings: Settings) -> ParsedDocument:
    table = 1 + max((line.table for line in parsed.lines if line.table is not None), default=0)
    read: dict[int, list[Line]] = {}
    confidence: dict[int, float] = {}
    for number in wanted:
        lines, confs, table = read_page(tesseract, pdf[number - 1], number, table, settings)
        if len(confs) >= MIN_WORDS:
            read[number] = corrected(lines)
            confidence[number] = round(sum(confs) / len(confs), 1)
    kept = [line for line in parsed.lines if line.page not in read]
    ocr_lines = [line for lines in read.values() for line in lines]
    sources.update({p: "ocr" for p in read})
    return replace(
        parsed,
        lines=sorted(kept + ocr_lines, key=lambda line: line.page),  # stable: each page's order stays
        pages_without_text=[p for p in parsed.pages_without_text if p not in read],
        garbled_pages={p: why for p, why in parsed.garbled_pages.items() if p not in read},
        repaired_pages={p: n for p, n in parsed.repaired_pages.items() if p not in read},
        text_sources=sources, ocr_confidence=confidence)


def text_sources(parsed: ParsedDocument) -> list[TextSource]:
    """The Document's record of pages not read from a sound text layer, in page order."""
    return [TextSource(page=p, source=s, ocr_confidence=parsed.ocr_confidence.get(p))
            for p, s in sorted(parsed.text_sources.items())]

