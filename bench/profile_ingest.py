"""Where ingest's time goes: cProfile of thaikpi's reading of bench/throughput.py's corpus,
in-process (process_file per document, as a worker does), printing the top functions by
cumulative and by own time.

    .venv/bin/python bench/profile_ingest.py [--copies 2] [--no-real] [--top 15] [--only NAME] [--ocr off]

The machine may be shared: compare the shares of the total, not the seconds.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, make_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=2, help="copies of each sample")
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--no-real", action="store_true", help="leave the real corpus out")
    parser.add_argument("--only", default="", help="only documents whose name contains this")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--ocr", default="off", help="off (default: what (b) measures), auto or force")
    args = parser.parse_args()
    from thaikpi.pipeline.run.pool import warm_up
    from thaikpi.pipeline.run.process import process_file
    from thaikpi.pipeline.settings import Settings
    settings = Settings(ocr=args.ocr)
    warm_up(settings)  # pythainlp's dictionary, once a process: not the corpus's cost
    with tempfile.TemporaryDirectory(prefix="thaikpi-profile-") as tmp:
        corpus = [p for p in make_corpus(Path(tmp) / "corpus", args.copies, None if args.no_real else args.real)
                  if args.only in p.name]
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        for path in corpus:
            process_file(path, settings)
        profiler.disable()
        seconds = time.perf_counter() - start
    print(f"{len(corpus)} documents in {seconds:.1f} s (under the profiler)")
    for order, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(args.top)
        body = out.getvalue()
        print(f"\n== top {args.top} by {title} ==")
        print(body[body.index("   ncalls"):].rstrip())


if __name__ == "__main__":
    main()
