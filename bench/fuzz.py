"""Fuzz the readers through the real ingest: byte-level mutations of the samples and hostile
inputs, N files in all.

    .venv/bin/python bench/fuzz.py --n 300 [--seed 0] [--jobs 2] [--ocr off] [--keep DIR]

Builds N files in a temporary folder: the hostile inputs (bench/hostile.py: a Flate bomb,
10,000-deep nesting, a 100 MB image, `<script>` and `=cmd|` as text), then mutations of the
samples (bench/mutate.py: flips, truncations, splices, zeroed and repeated runs; and spliced
streams, the head of one sample on the tail of another), each from its own seed. Runs
`thaikpi ingest` on them once and prints: files, outcomes by status and error kind,
tracebacks (must be 0), `internal` outcomes (must be 0), hostile text that reached
report.html unescaped (must be 0), seconds, and peak memory (the largest process's max RSS).
Exit status 1 when a must-be-0 is not."""
from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import SCRIPT, hostile_inputs  # noqa: E402
from mutate import mutate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# The samples small enough to fuzz by the hundred (the scan and the browser print are not)
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file() and p.stat().st_size < 60_000)


def cross_splice(a: bytes, b: bytes, rng: random.Random) -> bytes:
    """The head of one file on the tail of another (two streams spliced)."""
    return a[:rng.randint(1, len(a) - 1)] + b[rng.randint(1, len(b) - 1):]


def build(folder: Path, n: int, seed: int, scale: float = 1.0) -> list[str]:
    """N files in folder; returns how each was made."""
    made = []
    for name, data in hostile_inputs(scale)[:n]:
        (folder / name).write_bytes(data)
        made.append(f"{name}: hostile")
    for i in range(n - len(made)):
        name, data = fuzz_case(seed, i)
        (folder / name).write_bytes(data)
        made.append(name)
    return made


def fuzz_case(seed: int, i: int) -> tuple[str, bytes]:
    """The i-th mutated sample of a run's seed: (its name, saying how it was made, its bytes)."""
    rng = random.Random(seed * 1_000_003 + i)
    sample = SAMPLES[rng.randrange(len(SAMPLES))]
    data = sample.read_bytes()
    if rng.random() < 0.1:
        other = rng.choice([s for s in SAMPLES if s.suffix == sample.suffix])
        how, data = "cross_splice", cross_splice(data, other.read_bytes(), rng)
    else:
        how, data = mutate(data, rng.randrange(1 << 30))
    return f"m{i:05d}_{how}_{sample.name}", data


def run(n: int, seed: int, jobs: int, ocr: str, keep: Path | None, scale: float, time_limit: float) -> int:
    with tempfile.TemporaryDirectory(prefix="thaikpi-fuzz-") as tmp:
        base = keep or Path(tmp)
        folder, out = base / "in", base / "out"
        folder.mkdir(parents=True, exist_ok=True)
        build(folder, n, seed, scale)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "thaikpi", "ingest", str(folder), "--out", str(out),
                               "--jobs", str(jobs), "--ocr", ocr, "--time-limit", str(time_limit)],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        report = (out / "report.html").read_text(encoding="utf-8") if (out / "report.html").exists() else ""
    outcomes = Counter(r["error_kind"] if r["status"] == "error" else r["status"] for r in rows)
    tracebacks = (proc.stdout + proc.stderr).count("Traceback")
    internal = [r for r in rows if r["error_kind"] == "internal"]
    unescaped = report.count(SCRIPT)
    print(f"files        {len(rows)} of {n} (exit status {proc.returncode})")
    print("outcomes     " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(f"tracebacks   {tracebacks}")
    print(f"internal     {len(internal)}")
    for row in internal:
        print(f"  {row['source']}: {row['error_message']}")
    print(f"unescaped    {unescaped}  (hostile <script> text in report.html)")
    print(f"seconds      {seconds:.1f}  ({len(rows) / seconds:.1f} files/s)")
    print(f"peak memory  {peak_mb:.0f} MB  (the largest process's max RSS)")
    if tracebacks:
        print(proc.stderr[-3000:], file=sys.stderr)
    bad = tracebacks or internal or unescaped or len(rows) != n or proc.returncode not in (0, 1)
    return 1 if bad else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="files in all (the hostile ones first)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--ocr", default="off", help="off (fast), auto or force")
    parser.add_argument("--scale", type=float, default=1.0, help="<1: a smaller bomb and image (the test suite)")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds per file")
    parser.add_argument("--keep", type=Path, help="build and ingest in this folder, and keep it")
    args = parser.parse_args()
    sys.exit(run(args.n, args.seed, args.jobs, args.ocr, args.keep, args.scale, args.time_limit))


if __name__ == "__main__":
    main()
