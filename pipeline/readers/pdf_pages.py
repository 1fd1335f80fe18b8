"""Pages whose text is missing or cannot be trusted: scans with no text layer, OCR that read
Thai as Latin, text layers that are garbled (text_layer_problem)."""
from __future__ import annotations

from thaikpi.pipeline.settings import ReaderSettings
from thaikpi.pipeline.text import text_layer_problem, thai_share
from thaikpi.schemas.parsed import ParsedDocument


def image_coverage(page) -> float:
    """Share of the page under its largest image."""
    area = float(page.width * page.height) or 1.0
    best = 0.0
    for im in page.images:
        w = max(0.0, min(im["x1"], page.bbox[2]) - max(im["x0"], page.bbox[0]))
        h = max(0.0, min(im["bottom"], page.bbox[3]) - max(im["top"], page.bbox[1]))
        best = max(best, w * h / area)
    return best


def flag_page_text(doc: ParsedDocument, number: int, page, has_text: bool, text: str,
                   settings: ReaderSettings) -> None:
    """Records page `number` in `doc` as without text or garbled, where it is: `has_text`
    says whether words or tables were found on it, `text` is its lines' text."""
    scanned = image_coverage(page) >= settings.scan_coverage
    if number in doc.damaged_pages:
        pass  # its text is lost to the damage, not missing: flagged as such
    elif not has_text or (scanned and len(page.chars) < settings.stray_chars):
        doc.pages_without_text.append(number)
    elif (scanned and len(text.strip()) >= settings.ocr_min_chars
          and thai_share(text) < settings.ocr_min_thai_share):
        doc.garbled_pages[number] = "the text layer over this scanned page is not Thai (OCR that read Thai as Latin)"
    elif problem := text_layer_problem(text):
        doc.garbled_pages[number] = problem
