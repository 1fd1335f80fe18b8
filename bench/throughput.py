"""Throughput of ingest, against baselines measured in the same run.

    .venv/bin/python bench/throughput.py [--copies 27] [--real ../shared/corpus/real]

Builds a corpus (copies of samples/ with varied bytes, plus the text-layer PDFs of the real
corpus: the scans are left out) and prints, for each mode, files, pages, seconds, pages per
second, the ratio to (a), and peak memory (max RSS of the mode's processes):
  (a) a plain loop of pdfplumber extract_text + extract_tables over the PDFs, one process;
  (b) thaikpi ingest --jobs 1;   (c) thaikpi ingest with every core;
  (d) (c) again with nothing changed;   (e) poppler's pdftotext over the PDFs.
Then (b) again on a corpus twice as large, to show whether memory stays flat.
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


def ingest_cmd(corpus: Path, out: Path, jobs: int) -> list[str]:
    return [str(ROOT / ".venv" / "bin" / "thaikpi") if (ROOT / ".venv" / "bin" / "thaikpi").exists() else "thaikpi",
            "ingest", str(corpus), "--out", str(out), "--jobs", str(jobs), "--time-limit", "900"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=27, help="copies of each sample (27 x 11 + real >= 300)")
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--no-real", action="store_true", help="leave the real corpus out (a quick run)")
    args = parser.parse_args()
    real = None if args.no_real else args.real
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="thaikpi-bench-") as tmp:
        tmp = Path(tmp)
        corpus = make_corpus(tmp / "corpus", args.copies, real)
        pdfs = [str(p) for p in corpus if p.read_bytes()[:5] == b"%PDF-"]
        pages_all = pdf_pages(corpus) + sum(1 for p in corpus if p.suffix == ".html")
        print(f"corpus: {len(corpus)} documents ({len(pdfs)} PDF), {pages_all} pages; {cores} cores", flush=True)
        rows = []
        a = measure("plumber", pdfs)
        rows.append(("(a) pdfplumber text+tables loop", len(pdfs), a["pages"], a))
        b = measure("ingest", ingest_cmd(tmp / "corpus", tmp / "out_b", 1))
        rows.append(("(b) thaikpi ingest --jobs 1", len(corpus), pages_all, b))
        c = measure("ingest", ingest_cmd(tmp / "corpus", tmp / "out_c", cores))
        rows.append((f"(c) thaikpi ingest --jobs {cores}", len(corpus), pages_all, c))
        d = measure("ingest", ingest_cmd(tmp / "corpus", tmp / "out_c", cores))
        rows.append(("(d) (c) re-run, nothing changed", len(corpus), pages_all, d))
        e = measure("pdftotext", pdfs)
        rows.append(("(e) poppler pdftotext loop", len(pdfs), a["pages"], e))
        big = make_corpus(tmp / "corpus2", args.copies * 2, real)
        b2 = measure("ingest", ingest_cmd(tmp / "corpus2", tmp / "out_b2", 1))
        pages_big = pdf_pages(big) + sum(1 for p in big if p.suffix == ".html")
        rows.append((f"(b) on {len(big)} documents", len(big), pages_big, b2))

    base = a["pages"] / a["seconds"]
    print(f"\n{'mode':<36} {'files':>6} {'pages':>6} {'seconds':>9} {'pages/s':>9} {'x (a)':>7} {'peak MB':>8}")
    for name, files, pages, m in rows:
        rate = pages / m["seconds"] if m["seconds"] else float("inf")
        print(f"{name:<36} {files:>6} {pages:>6} {m['seconds']:>9.2f} {rate:>9.1f} {rate / base:>7.2f} {m['peak_mb']:>8.0f}")
    rate_b, rate_c, rate_e = pages_all / b["seconds"], pages_all / c["seconds"], a["pages"] / e["seconds"]
    print("\ngoals (issue 6):")
    print(f"  (b) >= 5 x (a):            {rate_b / base:.2f} x  {'met' if rate_b >= 5 * base else 'NOT met'}")
    print(f"  (b) within 6 x of (e):     (e) is {rate_e / rate_b:.1f} x (b)  {'met' if rate_e <= 6 * rate_b else 'NOT met'}")
    print(f"  (c) close to {cores} x (b):     {rate_c / rate_b:.2f} x")
    print(f"  (d) under 2% of (b)'s time: {100 * d['seconds'] / b['seconds']:.1f}%  {'met' if d['seconds'] < 0.02 * b['seconds'] else 'NOT met'}")
    print(f"  memory flat: {b['peak_mb']:.0f} MB at {len(corpus)} documents, {b2['peak_mb']:.0f} MB at {len(big)}")


if __name__ == "__main__":
    main()
