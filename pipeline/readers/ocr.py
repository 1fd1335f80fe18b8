"""OCR of the pages a text layer cannot give: scans, and text layers beyond repair.

ocr_pages is the one hook (pipeline/run/process.py): after a PDF is read, the pages that need
it (settings.ocr: auto, off, force) are rendered, turned upright, OCR'd by Tesseract (tha+eng,
through pytesseract) and their lines replaced by the OCR's, built as the text-layer reader
builds them: text lines with their words' x extents in PDF points, and ruled tables as rows of
cells (pipeline/readers/ocr_tables.py). The extractors read OCR'd pages unchanged; a page's
source and mean word confidence are recorded, and each OCR'd page gets an info flag. The
reading of one page is pipeline/readers/ocr_page.py.

Pages without text and (almost) without ink are blank: no flag, no OCR, whatever the mode.
Without Tesseract, the pages keep their flags and the flags say how to install it.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Callable, Iterable

import pypdfium2 as pdfium

from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import TextSource
from thaikpi.schemas.parsed import Line, ParsedDocument

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-tha"
# Garbled reasons the word-frequency repair answers (a lost SARA AM): the text layer stays.
REPAIRED_REASONS = ("SARA AM lost to a space",)
MIN_WORDS = 3  # fewer words than this is a page OCR could not read: it keeps its flag
# Pages OCR'd at once at the most, each in a thread running its Tesseract processes, at 300
# dpi (fewer at more dpi): a page takes some 150 MB of the worker's address space (its memory
# limit) in the reading, its thread's stack and malloc arena included
MAX_PAGES_AT_ONCE = 4


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


def _blank_pages(pdf: pdfium.PdfDocument, pages: Iterable[int]) -> list[int]:
    # imported here, as the page reader below: numpy's address space (OpenBLAS) would count
    # against the per-file memory limit of every file, scanned or not
    from thaikpi.pipeline.readers import ocr_image
    return [p for p in pages if ocr_image.is_blank(pdf[p - 1])]


def ocr_pages(parsed: ParsedDocument, data: bytes, settings: Settings,
              at_once: Callable[[], int] = lambda: 1) -> ParsedDocument:
    """The document with the pages that need OCR read by it (see the module's doc). at_once():
    how many pages may be read at once now (cores the run lends: pipeline/run/capacity.py);
    asked before each group of pages. The lines are the same whatever it answers."""
    sources = {p: "repaired" for p in parsed.repaired_pages}
    if not parsed.pages_without_text and settings.ocr != "force" and not pages_to_read(parsed, settings.ocr):
        return replace(parsed, text_sources=sources)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:  # pdfminer read the damaged file, pdfium cannot render it
        return replace(parsed, text_sources=sources, ocr_unavailable=f"OCR is off for this file: its pages cannot be "
                                                                      f"rendered ({exc})")
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
        return _replace_pages(parsed, pdf, tesseract, wanted, sources, settings, at_once)
    finally:
        pdf.close()


def _read_pages(pdf: pdfium.PdfDocument, tesseract, wanted: list[int], settings: Settings,
                at_once: Callable[[], int]) -> dict[int, tuple[list[Line], list[float], int]]:
    """read_image of each wanted page, its tables numbered from 0; a group of pages at a time,
    each page in a thread of its own (Tesseract runs in processes; pdfium, which is not
    thread-safe, renders them all in this thread first)."""
    from thaikpi.pipeline.readers import ocr_image
    from thaikpi.pipeline.readers.ocr_page import read_image
    read: dict[int, tuple[list[Line], list[float], int]] = {}
    most = max(1, int(MAX_PAGES_AT_ONCE * (300 / settings.ocr_dpi) ** 2))
    todo = list(wanted)
    while todo:
        size = max(1, min(at_once(), most))
        group, todo = todo[:size], todo[size:]
        images = [ocr_image.render(pdf[number - 1], settings.ocr_dpi) for number in group]
        if len(group) > 1:
            try:
                with ThreadPoolExecutor(len(group)) as pool:
                    read.update(zip(group, pool.map(
                        lambda number, image: read_image(tesseract, image, number, 0, settings), group, images)))
                continue
            except (MemoryError, RuntimeError):  # no room under the memory limit, or no thread
                most = 1  # for this group and the pages after it: one at a time, as before
        for number, image in zip(group, images):
            if number not in read:
                read[number] = read_image(tesseract, image, number, 0, settings)
    return read


def _replace_pages(parsed: ParsedDocument, pdf: pdfium.PdfDocument, tesseract, wanted: list[int],
                   sources: dict[int, str], settings: Settings, at_once: Callable[[], int]) -> ParsedDocument:
    from thaikpi.pipeline.readers.ocr_page import corrected
    from thaikpi.pipeline.readers.pdf_paragraphs import mark_paragraphs
    table = 1 + max((line.table for line in parsed.lines if line.table is not None), default=0)
    read: dict[int, list[Line]] = {}
    confidence: dict[int, float] = {}
    pages = _read_pages(pdf, tesseract, wanted, settings, at_once)
    for number in wanted:
        lines, confs, tables = pages[number]
        # tables numbered on from the pages before it, as when pages were read in turn
        lines = [replace(line, table=line.table + table) if line.table is not None else line for line in lines]
        table += tables
        if len(confs) >= MIN_WORDS:
            read[number] = mark_paragraphs(corrected(lines))
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

