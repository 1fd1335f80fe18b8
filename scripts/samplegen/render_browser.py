"""A KPI report as an e-reporting system prints it: its HTML through headless Chromium."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from samplegen.fonts import SARABUN
from samplegen.poppler import first_page_with, pdf_pages
from samplegen.render_html import html_plain


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer", "--allow-file-access-from-files"]


def make_chromium(spec: dict, path: Path) -> tuple[int, int]:
    """The report as an e-reporting system prints it: HTML through headless Chromium (Debian's
    chromium). Skia shapes the Thai: shaped glyphs map to U+0000 and the true text sits in
    /ActualText spans. A wide page keeps lines from wrapping: where Chromium wraps at a space
    between two Thai phrases, no reader can tell that space from a word boundary."""
    css = (f"@font-face{{font-family:Sarabun;src:url({SARABUN.as_uri()})}}"
           "@page{size:A3 landscape;margin:12mm} body{font-family:Sarabun;font-size:10pt}"
           "td{vertical-align:top}")
    print_page(css, html_plain(spec), path)
    # Page facts for the gold come from poppler, which reads Chromium's ActualText exactly.
    pages = pdf_pages(path)
    return pages, first_page_with(path, pages, "การคำนวณคะแนน")




def print_page(css: str, body: str, path: Path) -> None:
    """A Thai HTML page (its CSS and body) printed to the PDF at path by headless Chromium."""
    page = f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>'
    with tempfile.TemporaryDirectory(prefix="thaikpi-chromium-") as tmp:
        source = Path(tmp) / "report.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={path}",
                        source.as_uri()], check=True, capture_output=True, timeout=180)
