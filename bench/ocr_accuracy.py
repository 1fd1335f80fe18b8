"""OCR accuracy: the scanned samples' field accuracy against their text-layer twins' gold,
and the character error rate of the text-layer samples made into scans, before and after the
safe corrections (pipeline/text/ocr_fixes.py); pages per second of each.

    .venv/bin/python bench/ocr_accuracy.py [--pages N] [--dpi 200] [--twins-only]   # needs Tesseract

First the scanned samples (samples/*.scan.pdf, made by scripts/samplegen/scan.py) are processed
with OCR and scored against their twins' gold (tests/twin_gold.py): the share of gold fields
right. Then each PDF of samples/ with a sound text layer is rendered page by page, turned 0.5-2 degrees,
given scanner noise and saved as an image-only PDF in a temporary folder; the pipeline's OCR
(pipeline/readers/ocr.py) reads that. The reference is the pipeline's reading of the original
page's text layer. Whitespace is ignored (Thai spacing is another matter); reading order is
not, so a table read in another order costs characters.

Measured (42 samples, up to two pages each, 200 dpi scans): mean CER 9.9% as Tesseract read
it, 6.2% corrected; 6.0 s a page on one core (Tesseract 5.3). The scanned samples: see README.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "scripts")]

import json  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402
from samplegen.scan import image_pdf, scanned  # noqa: E402
from twin_gold import SAMPLES, TWINS, field_share, twin_gold  # noqa: E402

from thaikpi.pipeline.readers.ocr import _tesseract  # noqa: E402
from thaikpi.pipeline.readers.ocr_page import corrected, read_page  # noqa: E402
from thaikpi.pipeline.readers.pdf_reader import read_pdf  # noqa: E402
from thaikpi.pipeline.run.process import process_file  # noqa: E402
from thaikpi.pipeline.settings import Settings  # noqa: E402


def page_text(lines, page: int) -> str:
    return re.sub(r"\s+", "", "".join(line.text for line in lines if line.page == page))


def cer(reference: str, text: str) -> float:
    return Levenshtein.distance(reference, text) / max(1, len(reference))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2, help="pages per sample (OCR is slow)")
    parser.add_argument("--dpi", type=int, default=200, help="resolution of the made-up scans")
    parser.add_argument("--twins-only", action="store_true", help="only the scanned samples' field accuracy")
    args = parser.parse_args()
    settings = Settings()
    tesseract, why = _tesseract(settings)
    if tesseract is None:
        sys.exit(why)
    twins(settings)
    if args.twins_only:
        return
    rng = random.Random(24)
    rows, seconds, pages = [], 0.0, 0
    with tempfile.TemporaryDirectory() as folder:
        for path in sorted((ROOT / "samples").glob("*.pdf")):
            data = path.read_bytes()
            original = read_pdf(data)
            if original.pages_without_text or original.garbled_pages:
                continue  # no sound text layer to score against
            numbers = list(range(1, min(original.pages, args.pages) + 1))
            source = pdfium.PdfDocument(data)
            scan = Path(folder) / path.name
            scan.write_bytes(image_pdf([scanned(source[n - 1], args.dpi, rng, stamp=False) for n in numbers], args.dpi))
            scan_pdf = pdfium.PdfDocument(scan.read_bytes())
            raw, fixed, reference = "", "", ""
            for n in numbers:
                start = time.perf_counter()
                lines, _, _ = read_page(tesseract, scan_pdf[n - 1], n, 1, settings)
                seconds += time.perf_counter() - start
                pages += 1
                raw += page_text(lines, n)
                fixed += page_text(corrected(lines), n)
                reference += page_text(original.lines, n)
            rows.append((path.name, len(numbers), cer(reference, raw), cer(reference, fixed)))
            print(f"{path.name:60} {len(numbers):>2} pages  CER {rows[-1][2]:6.1%} -> {rows[-1][3]:6.1%}", flush=True)
    if rows:
        before = sum(r[2] for r in rows) / len(rows)
        after = sum(r[3] for r in rows) / len(rows)
        print(f"\nmean CER over {len(rows)} samples: {before:.1%} as Tesseract read it, {after:.1%} corrected; "
              f"{pages / seconds:.3f} pages/s ({seconds / pages:.1f} s a page, one process)")


def twins(settings: Settings) -> None:
    """The scanned samples (samples/*.scan.pdf, and the garbled-font report read from its page)
    through the whole pipeline with OCR, each scored against its text-layer twin's gold: the
    share of gold fields right (tests/twin_gold.py)."""
    print("\nscanned samples against their text-layer twins' gold (fields right):")
    shares, seconds, pages = [], 0.0, 0
    for scan in TWINS:
        start = time.perf_counter()
        doc = json.loads(process_file(SAMPLES / scan, settings).model_dump_json())
        seconds += time.perf_counter() - start
        pages += doc["pages"]
        share, _ = field_share(doc, twin_gold(scan))
        shares.append(share)
        print(f"{scan:60} {doc['pages']:>2} pages  {share:6.1%}  ({doc['kind']})", flush=True)
    print(f"mean {sum(shares) / len(shares):.1%} of gold fields right; {pages / seconds:.3f} pages/s "
          f"({seconds / pages:.1f} s a page, the whole pipeline)")


if __name__ == "__main__":
    main()
