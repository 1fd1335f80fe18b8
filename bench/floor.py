"""The floor under a text-layer reader in Python: what reading bench/throughput.py's PDFs costs
before any of thaikpi's own work, stage by stage, each against poppler's pdftotext measured in
the same run (issue 27's goal: ingest within 6x of pdftotext, 5x a pdfplumber loop).

    .venv/bin/python bench/floor.py [--copies 1] [--real ../shared/corpus/real]

Each stage adds one step to the one before it, over every page of the corpus's PDFs:
  (e)  pdftotext, one process a file (throughput.py's (e));
  (f1) pdfium (C++, through pypdfium2): open the file, load each page and its text page;
  (f2) (f1) and the page's whole text in one call (FPDFText_GetText): a reader that needs no
       geometry would stop here;
  (f3) (f1), and every char's Unicode, text object, origin and loose box in bulk passes of C
       calls through cffi, as thaikpi's fast layer makes them (pdfium_text_calls): the least
       any reader of cells, lines and Thai marks pays in Python;
  (f4) (f3) and one dict a char with the keys the reader's steps take (pdfplumber's shape);
  (r)  thaikpi's page objects (pdfium_layer, and pdfminer where pdfium reads otherwise): (f4)
       with every rule of the fast layer, paths and images;
  (p)  thaikpi's whole PDF reader (read_pdf: glyph rules, words, lines, tables, Thai repairs);
  (d)  the whole pipeline per file as a worker runs it (process_file: the reader, OCR off,
       cleaning, classification, extraction, checks), HTML files included; no outputs.
Printed: seconds, x (e), and microseconds per char (the corpus's chars as pdfium counts them).
Seconds are CPU time of this process (pdftotext's: of its children), so a busy machine moves
them less than wall time would.
"""
from __future__ import annotations

import argparse
import ctypes
import resource
import subprocess
import sys
import tempfile
import time
from itertools import repeat
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, make_corpus  # noqa: E402


def _cpu(children: bool = False) -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def pdftotext(pdfs: list[Path]) -> None:
    for path in pdfs:
        subprocess.run(["pdftotext", "-q", str(path), "-"], stdout=subprocess.DEVNULL, check=False)


def pdfium_pages(pdfs: list[Path], per_page) -> int:
    """Opens each PDF and each page's text page with pdfium; per_page(textpage, count) does a
    stage's work. Returns the chars counted."""
    import pypdfium2 as pdfium
    chars = 0
    for path in pdfs:
        doc = pdfium.PdfDocument(path.read_bytes())
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            count = textpage.count_chars()
            chars += count
            per_page(textpage, count)
            textpage.close()
            page.close()
        doc.close()
    return chars


def whole_text(textpage, count: int) -> None:
    import pypdfium2.raw as raw
    buffer = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(textpage.raw, 0, count, buffer)


def char_boxes(textpage, count: int) -> tuple:
    """Each char's Unicode, object, origin and loose box, as the fast layer reads them (the
    boxes as arrays)."""
    from thaikpi.pipeline.readers.pdfium_text_calls import TextPageCalls
    whole_text(textpage, count)
    calls = TextPageCalls(textpage.raw)
    return calls.char_objects(count), calls.char_box_arrays(count)


def char_dicts(textpage, count: int) -> None:
    objects, columns = char_boxes(textpage, count)
    xs, ys, left, top, right, bottom = (column.tolist() for column in columns)
    [{"x0": x, "x1": r, "y0": y, "y1": t, "top": -t, "bottom": -y, "doctop": -t, "width": r - x,
      "height": t - b, "object_type": "char", "page_number": 1, "text": "", "size": t - b,
      "upright": True, "fontname": "", "adv": r - x}
     for x, y, r, t, b, _ in zip(xs, ys, right, top, bottom, objects)]


def thaikpi_objects(pdfs: list[Path]) -> None:
    import pdfplumber
    from thaikpi.pipeline.readers.pdf_page_objects import close_pdfium, open_pdfium, read_objects
    from thaikpi.pipeline.readers.pdf_reader import plumber_pages
    for path in pdfs:
        data = path.read_bytes()
        pdf = pdfplumber.open(path)
        pages = plumber_pages(pdf)
        doc = open_pdfium(data, len(pages))
        for page in pages:
            read_objects(page, doc)
            page.close()
        if doc is not None:
            close_pdfium(doc)
        pdf.stream.close()


def thaikpi_reader(pdfs: list[Path]) -> None:
    from thaikpi.pipeline.readers.pdf_reader import read_pdf
    from thaikpi.pipeline.text.words import document_memo
    for path in pdfs:
        with document_memo():
            read_pdf(path.read_bytes())


def thaikpi_pipeline(files: list[Path]) -> None:
    from thaikpi.pipeline.run.process import process_file
    from thaikpi.pipeline.settings import Settings
    settings = Settings(ocr="off")
    for path in files:
        process_file(path, settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=1, help="copies of each sample")
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    args = parser.parse_args()
    from thaikpi.pipeline.run.pool import warm_up
    from thaikpi.pipeline.settings import Settings
    warm_up(Settings(ocr="off"))  # imports and pythainlp's dictionary: once a process, not the corpus's
    with tempfile.TemporaryDirectory(prefix="thaikpi-floor-") as tmp:
        files = make_corpus(Path(tmp) / "corpus", args.copies, args.real)
        pdfs = [p for p in files if p.read_bytes()[:5] == b"%PDF-"]
        results: list[tuple[str, str, float]] = []
        chars = 0

        def stage(key: str, title: str, work, children: bool = False):
            nonlocal chars
            start = _cpu(children)
            counted = work()
            results.append((key, title, _cpu(children) - start))
            if isinstance(counted, int):
                chars = counted

        stage("e", "pdftotext (poppler), a process a file", lambda: pdftotext(pdfs), children=True)
        stage("f1", "pdfium: open, each page and its text page", lambda: pdfium_pages(pdfs, lambda tp, n: None))
        stage("f2", "(f1) + the page's text in one call", lambda: pdfium_pages(pdfs, whole_text))
        stage("f3", "(f1) + each char's object, origin, box (bulk cffi)", lambda: pdfium_pages(pdfs, char_boxes))
        stage("f4", "(f3) + a dict a char", lambda: pdfium_pages(pdfs, char_dicts))
        stage("r", "thaikpi page objects (fast layer + pdfminer)", lambda: thaikpi_objects(pdfs))
        stage("p", "thaikpi read_pdf (the whole PDF reader)", lambda: thaikpi_reader(pdfs))
        stage("d", "thaikpi process_file, every file (no outputs)", lambda: thaikpi_pipeline(files))
    base = dict((k, s) for k, _, s in results)["e"]
    print(f"corpus: {len(files)} files, {len(pdfs)} PDFs, {chars:,} chars (pdfium's count)\n")
    print(f"{'stage':<5} {'what':<52} {'CPU s':>7} {'x (e)':>6} {'µs/char':>8}")
    for key, title, seconds in results:
        print(f"({key}){'':<{3 - len(key)}} {title:<52} {seconds:7.2f} {seconds / base:6.1f} {1e6 * seconds / chars:8.2f}")
    print(f"\nissue 27's budget, 6 x (e): {6 * base:.2f} s = {6e6 * base / chars:.2f} µs a char for everything")


if __name__ == "__main__":
    main()
