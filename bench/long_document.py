"""Memory and speed on one long document, against baselines measured in the same run.

    .venv/bin/python bench/long_document.py [--pages 250 1000]

Archives hold budget books and annual reports of a thousand pages and more; a worker's
memory limit (ingest --memory-limit, 4096 MiB by default) must hold for them. This writes a
Thai PDF of each size (reportlab, the Sarabun font, 35 lines of text a page) and prints, for
each: seconds, pages per second and peak memory of
  (a) a plain pdfplumber loop, extract_text on every page (pages left open, as most code does);
  (b) the same loop closing each page once read;
  (c) thaikpi extract, which reads, classifies and checks every page;
then each mode's memory per added page between the two sizes: flat memory is a few KB.
Each mode runs in a fresh process so that its peak memory is its own.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

RUNNER = r"""
import json, resource, subprocess, sys, time
mode, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode in ("plumber", "plumber-closing"):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            if mode == "plumber-closing":
                page.close()
else:
    subprocess.run([sys.executable, "-m", "thaikpi", "extract", path], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
seconds = time.perf_counter() - start
peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))
"""

MODES = {"plumber": "(a) pdfplumber extract_text", "plumber-closing": "(b) (a), closing each page",
         "thaikpi": "(c) thaikpi extract"}


def write_pdf(path: Path, pages: int) -> None:
    import fontpkg_sarabun  # the samples extra
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = next(Path(fontpkg_sarabun.__file__).parent.rglob("Sarabun-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("Sarabun", str(font)))
    c = canvas.Canvas(str(path), invariant=1)
    for i in range(pages):
        c.setFont("Sarabun", 14)
        for j in range(35):
            c.drawString(50, 800 - 20 * j, f"รายงานผลการดำเนินงาน หน้า {i + 1} บรรทัด {j + 1} "
                                           f"ร้อยละ {j * 2.5:.2f} ของเป้าหมายที่กำหนด")
        c.showPage()
    c.save()


def measure(mode: str, path: Path) -> dict:
    proc = subprocess.run([PY, "-c", RUNNER, mode, str(path)], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs=2, default=[250, 1000], metavar=("SMALL", "LARGE"))
    args = parser.parse_args()
    small, large = sorted(args.pages)
    results: dict[tuple[str, int], dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (small, large):
            path = Path(tmp) / f"long_{pages}.pdf"
            write_pdf(path, pages)
            for mode in MODES:
                results[mode, pages] = measure(mode, path)
    print(f"\n{'mode':<30} {'pages':>6} {'seconds':>9} {'pages/s':>9} {'peak MB':>8}")
    for mode, name in MODES.items():
        for pages in (small, large):
            m = results[mode, pages]
            print(f"{name:<30} {pages:>6} {m['seconds']:>9.2f} {pages / m['seconds']:>9.1f} {m['peak_mb']:>8.0f}")
    print(f"\nmemory per added page, from {small} to {large} pages:")
    for mode, name in MODES.items():
        grown = results[mode, large]["peak_mb"] - results[mode, small]["peak_mb"]
        print(f"  {name:<30} {1024 * grown / (large - small):>7.1f} KB")


if __name__ == "__main__":
    main()
