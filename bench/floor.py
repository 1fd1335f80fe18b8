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
  (q)  (f1) and every path object's lines, rects and curves as the fast layer reads them (the
       table rules: Python work per segment, which bulk calls did not make cheaper);
  (r)  thaikpi's page objects (pdfium_layer, and pdfminer where pdfium reads otherwise): (f4)
       with every rule of the fast layer, paths and images;
  (p)  thaikpi's whole PDF reader (read_pdf: glyph rules, words, lines, tables, Thai repairs);
  (d)  the whole pipeline per file as a worker runs it (process_file: the reader, OCR off,
       cleaning, classification, extraction, checks), HTML files included; no outputs;
  (b)  the real `thaikpi ingest --jobs 1 --ocr off` (throughput.py's (b)): (d), start-up, the
       ledger, the tables and report.html with its page images;
  (a)  pdfplumber's extract_text + extract_tables on every page (throughput.py's (a)).
Printed: seconds, x (e), and microseconds per char (the corpus's chars as pdfium counts them).
Seconds are CPU time of this process (pdftotext's and ingest's: of its children), so a busy
machine moves them less than wall time would.

Then the budget each goal leaves the PDF reader: the goal's time for (b), less what (b) spends
beyond the reader ((b) - (p)); less the least reader, which pays pdfium's bulk floor (f3),
pdfminer's pages (those pdfium reads otherwise: the same JSON needs pdfminer there) and the
table rules ((q) - (f1)). What is left, per char, is all the Python a reader may spend on a
char (frames, glyph rules, words, lines, cells, table finding, Thai repairs), against what one
dict a char costs ((f4) - (f3)) and what thaikpi spends now. A budget below zero is a goal no
reader reaches, however fast.
"""
from __future__ import annotations

import argparse
import ctypes
import resource
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, ingest_cmd, make_corpus, pdf_pages as count_pdf_pages  # noqa: E402


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


def paths(textpage, count: int) -> None:
    """Every path object's lines, rects and curves, as the fast layer reads them (upright pages;
    the walk into forms is the fast layer's own)."""
    import pypdfium2.raw as raw
    from thaikpi.pipeline.readers.pdfium_frames import IDENTITY, address
    from thaikpi.pipeline.readers.pdfium_layer import _walk
    from thaikpi.pipeline.readers.pdfium_paths import path_shapes
    page = textpage.page
    objects: list = []
    _walk(address(page.raw), False, IDENTITY, objects)
    for kind, obj, matrix in objects:
        if kind == raw.FPDF_PAGEOBJ_PATH:
            path_shapes(obj, matrix, 842.0, 0.0, 1)


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


def thaikpi_objects(pdfs: list[Path], slow: list) -> None:
    """Every page's objects; `slow` gets (why, CPU seconds) of each page that pdfminer read."""
    import pdfplumber
    from thaikpi.pipeline.readers.pdf_page_objects import close_pdfium, open_pdfium, read_objects
    from thaikpi.pipeline.readers.pdf_reader import plumber_pages
    for path in pdfs:
        data = path.read_bytes()
        pdf = pdfplumber.open(path)
        pages = plumber_pages(pdf)
        doc = open_pdfium(data, len(pages))
        for page in pages:
            start = _cpu()
            _, why = read_objects(page, doc)
            if why is not None:
                slow.append((why, _cpu() - start))
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


def plumber_loop(pdfs: list[Path]) -> None:
    import pdfplumber
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()


def thaikpi_ingest(corpus: Path, out: Path) -> None:
    subprocess.run(ingest_cmd(corpus, out, 1), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def print_budgets(seconds: dict[str, float], chars: int, pdf_pages: int, pages: int, slow: list[tuple[str, float]]) -> None:
    """Each goal's time for (b) and what it leaves the reader's Python, per char (see above).
    Goals are in pages a second as throughput.py counts them: (b) over every page, HTML files
    one page each; (a) and (e) over the PDFs' pages."""
    beyond = seconds["b"] - seconds["p"]
    floor = seconds["f3"]
    per_dict = 1e6 * (seconds["f4"] - floor) / chars
    path_work = seconds["q"] - seconds["f1"]
    print(f"\n(b) beyond the reader, (b) - (p): {beyond:.2f} s; pdfium's bulk floor (f3): {floor:.2f} s; "
          f"paths over (f1): {path_work:.2f} s; one dict a char: {per_dict:.2f} µs")
    total = sum(s for _, s in slow)
    print(f"of (r): the {len(slow)} pages pdfminer reads (pdfium reads them otherwise) {total:.2f} s, "
          f"{1e6 * total / chars:.2f} µs a char of the corpus:")
    for why, group in sorted(Counter(w for w, _ in slow).items(), key=lambda kv: -kv[1]):
        print(f"  {group:3d} pages {sum(s for w, s in slow if w == why):6.2f} s  {why}")
    # what a reader pays before its own Python per char: pdfium's bulk calls, pdfminer's
    # pages (the same JSON needs them, above) and the table rules
    least = floor + total + path_work
    print(f"the least reader, (f3) + pdfminer's pages + paths: {least:.2f} s")
    print(f"{'goal':<26} {'(b) at most':>11} {'reader at most':>15} {'left a char':>12} {'now':>6}")
    now = 1e6 * (seconds["p"] - least) / chars
    for goal, at_most in (("(b) >= 5 x (a)", seconds["a"] * pages / pdf_pages / 5),
                          ("(b) within 6 x of (e)", seconds["e"] * pages / pdf_pages * 6)):
        reader = at_most - beyond
        print(f"{goal:<26} {at_most:>10.2f}s {reader:>14.2f}s {1e6 * (reader - least) / chars:>10.2f}µs {now:>5.2f}µs")


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
        stage("q", "(f1) + every path's lines, rects, curves", lambda: pdfium_pages(pdfs, paths))
        slow: list[tuple[str, float]] = []
        stage("r", "thaikpi page objects (fast layer + pdfminer)", lambda: thaikpi_objects(pdfs, slow))
        stage("p", "thaikpi read_pdf (the whole PDF reader)", lambda: thaikpi_reader(pdfs))
        stage("d", "thaikpi process_file, every file (no outputs)", lambda: thaikpi_pipeline(files))
        stage("b", "thaikpi ingest --jobs 1 --ocr off (a process)",
              lambda: thaikpi_ingest(Path(tmp) / "corpus", Path(tmp) / "out"), children=True)
        stage("a", "pdfplumber extract_text + extract_tables", lambda: plumber_loop(pdfs))
        pdf_pages = count_pdf_pages(pdfs)  # as throughput.py counts them
        pages = pdf_pages + sum(1 for p in files if p.suffix == ".html")
    base = dict((k, s) for k, _, s in results)["e"]
    print(f"corpus: {len(files)} files, {len(pdfs)} PDFs, {chars:,} chars (pdfium's count)\n")
    print(f"{'stage':<5} {'what':<52} {'CPU s':>7} {'x (e)':>6} {'µs/char':>8}")
    for key, title, seconds in results:
        print(f"({key}){'':<{3 - len(key)}} {title:<52} {seconds:7.2f} {seconds / base:6.1f} {1e6 * seconds / chars:8.2f}")
    print_budgets({k: s for k, _, s in results}, chars, pdf_pages, pages, slow)


if __name__ == "__main__":
    main()
