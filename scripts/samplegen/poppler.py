"""Page facts for the gold, read with poppler (pdfinfo, pdftotext), which reads unshaped text
and /ActualText exactly."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def first_page_with(path: Path, pages: int, text: str, start: int = 1, word: bool = False) -> int:
    """The first page from `start` whose poppler text holds `text` (as a whole word, with `word`)."""
    return next(n for n in range(start, pages + 1)
                if text in (poppler_page_text(path, n).split() if word else poppler_page_text(path, n)))


def poppler_page_text(path: Path, page: int) -> str:
    """One page's text as poppler reads it (exact on unshaped text, and on ActualText)."""
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True).stdout
