"""Throughput of ingest, against baselines measured in the same run.

    .venv/bin/python bench/throughput.py [--copies 27] [--real ../shared/corpus/real] [--modes abcdefg]

Builds a corpus (copies of samples/ with varied bytes, plus the text-layer PDFs of the real
corpus: the scans are left out) and prints, for each mode, files, pages, seconds, pages per
second, the ratio to (a), and peak memory (max RSS of the mode's processes):
  (a) a plain loop of pdfplumber extract_text + extract_tables over the PDFs, one process;
  (b) thaikpi ingest --jobs 1;   (c) thaikpi ingest with every core;
  (d) (c) again with nothing changed;   (e) poppler's pdftotext over the PDFs;
  (f) (b) with OCR as shipped (--ocr auto): the pages whose text layer is missing or beyond
      repair are read by Tesseract, seconds each; (a) and (e) read no page that way, so (b),
      (c) and (d) run with --ocr off and compare text-layer reading with text-layer reading;
  (g) (b) again on a corpus twice as large, to show whether memory stays flat.
`--modes abe` runs only those (a quick comparison of the reader).
Each mode runs in a fresh process so that its peak memory is its own.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

# Run in a fresh interpreter: the mode's work, then its wall time and peak memory as JSON.
RUNNER = r"""
import json, resource, subprocess, sys, time
mode, args = sys.argv[1], json.loads(sys.argv[2])
start = time.perf_counter()
pages = 0
if mode == "plumber":
    import pdfplumber
    for path in args:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text(); page.extract_tables(); pages += 1
elif mode == "pdftotext":
    for path in args:
        subprocess.run(["pdftotext", "-q", path, "-"], stdout=subprocess.DEVNULL, check=False)
else:
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
seconds = time.perf_counter() - start
peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "pages": pages}))
"""


def make_corpus(folder: Path, copies: int, real: Path | None) -> list[Path]:
    folder.mkdir(parents=True)
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file())
    for i in range(copies):
        for sample in samples:
            data = sample.read_bytes()
            # Varied bytes (a comment after the end), so every copy is a new file to the ledger.
            data += (b"\n%% copy %d\n" if sample.suffix == ".pdf" else b"\n<!-- copy %d -->\n") % i
            (folder / f"{i:03d}_{sample.name}").write_bytes(data)
    if real and real.is_dir():
        for pdf in sorted(real.glob("*.pdf")):
            if "SCANNED" not in pdf.name:
                shutil.copy(pdf, folder / f"real_{pdf.name}")
    return sorted(folder.iterdir())


def pdf_pages(paths: list[Path]) -> int:
    import pdfplumber
    total = 0
    for p in paths:
        if p.read_bytes()[:5] == b"%PDF-":
            with pdfplumber.open(p) as pdf:
                total += len(pdf.pages)
    return total


def measure(mode: str, args) -> dict:
    out = subprocess.run([PY, "-c", RUNNER, mode, json.dumps(args)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def ingest_cmd(corpus: Path, out: Path, jobs: int, ocr: str = "off") -> list[str]:
    return [str(ROOT / ".venv" / "bin" / "thaikpi") if (ROOT / ".venv" / "bin" / "thaikpi").exists() else "thaikpi",
            "ingest", str(corpus), "--out", str(out), "--jobs", str(jobs), "--time-limit", "900", "--ocr", ocr]


def _print_goals(m: dict, pages_all: int, plumber_pages: int, cores: int) -> None:
    base = plumber_pages / m["a"]["seconds"] if "a" in m else None
    rate = {k: pages_all / m[k]["seconds"] for k in "bcf" if k in m}
    print("\ngoals (issues 6, 27):")
    if base and "b" in rate:
        print(f"  (b) >= 5 x (a):            {rate['b'] / base:.2f} x  {'met' if rate['b'] >= 5 * base else 'NOT met'}")
    if "e" in m and "b" in rate:
        rate_e = plumber_pages / m["e"]["seconds"]
        print(f"  (b) within 6 x of (e):     (e) is {rate_e / rate['b']:.1f} x (b)  {'met' if rate_e <= 6 * rate['b'] else 'NOT met'}")
    if "c" in rate and "b" in rate:
        print(f"  (c) close to {cores} x (b):     {rate['c'] / rate['b']:.2f} x")
    if "d" in m and "b" in m:
        d, b = m["d"]["seconds"], m["b"]["seconds"]
        print(f"  (d) under 2% of (b)'s time: {100 * d / b:.1f}%  {'met' if d < 0.02 * b else 'NOT met'}")
    if "b" in m and "g" in m:
        print(f"  memory flat: {m['b']['peak_mb']:.0f} MB, {m['g']['peak_mb']:.0f} MB on the corpus twice as large")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=27, help="copies of each sample (27 x 11 + real >= 300)")
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--no-real", action="store_true", help="leave the real corpus out (a quick run)")
    parser.add_argument("--modes", default="abcdefg", help="which modes to run (letters; g: (b) on twice the corpus)")
    args = parser.parse_args()
    real = None if args.no_real else args.real
    cores = os.cpu_count() or 1
    modes = set(args.modes)
    m: dict[str, dict] = {}
    rows = []
    with tempfile.TemporaryDirectory(prefix="thaikpi-bench-") as tmp:
        tmp = Path(tmp)
        corpus = make_corpus(tmp / "corpus", args.copies, real)
        pdfs = [str(p) for p in corpus if p.read_bytes()[:5] == b"%PDF-"]
        plumber_pages = pdf_pages(corpus)
        pages_all = plumber_pages + sum(1 for p in corpus if p.suffix == ".html")
        print(f"corpus: {len(corpus)} documents ({len(pdfs)} PDF), {pages_all} pages; {cores} cores", flush=True)
        runs = [("a", "(a) pdfplumber text+tables loop", "plumber", pdfs, len(pdfs), plumber_pages),
                ("b", "(b) thaikpi ingest --jobs 1", "ingest", ingest_cmd(tmp / "corpus", tmp / "out_b", 1),
                 len(corpus), pages_all),
                ("c", f"(c) thaikpi ingest --jobs {cores}", "ingest", ingest_cmd(tmp / "corpus", tmp / "out_c", cores),
                 len(corpus), pages_all),
                ("d", "(d) (c) re-run, nothing changed", "ingest", ingest_cmd(tmp / "corpus", tmp / "out_c", cores),
                 len(corpus), pages_all),
                ("e", "(e) poppler pdftotext loop", "pdftotext", pdfs, len(pdfs), plumber_pages),
                ("f", "(f) (b) with OCR (--ocr auto)", "ingest", ingest_cmd(tmp / "corpus", tmp / "out_f", 1, "auto"),
                 len(corpus), pages_all)]
        for key, name, mode, cmd, files, pages in runs:
            if key in modes or (key == "c" and "d" in modes):
                m[key] = measure(mode, cmd)
                rows.append((name, files, pages, m[key]))
        if "g" in modes:
            big = make_corpus(tmp / "corpus2", args.copies * 2, real)
            m["g"] = measure("ingest", ingest_cmd(tmp / "corpus2", tmp / "out_b2", 1))
            pages_big = pdf_pages(big) + sum(1 for p in big if p.suffix == ".html")
            rows.append((f"(g) (b) on {len(big)} documents", len(big), pages_big, m["g"]))

    base = plumber_pages / m["a"]["seconds"] if "a" in m else None
    print(f"\n{'mode':<36} {'files':>6} {'pages':>6} {'seconds':>9} {'pages/s':>9} {'x (a)':>7} {'peak MB':>8}")
    for name, files, pages, r in rows:
        rate = pages / r["seconds"] if r["seconds"] else float("inf")
        ratio = f"{rate / base:>7.2f}" if base else f"{'-':>7}"
        print(f"{name:<36} {files:>6} {pages:>6} {r['seconds']:>9.2f} {rate:>9.1f} {ratio} {r['peak_mb']:>8.0f}")
    _print_goals(m, pages_all, plumber_pages, cores)


if __name__ == "__main__":
    main()
