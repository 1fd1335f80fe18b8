"""Where ingest's time goes: cProfile of thaikpi's reading of bench/throughput.py's corpus,
in-process (process_file per document, as a worker does), then of what ingest does with the
documents (the ledger, the tables, report.html with its page crops), printing the share of each
stage and the top functions by cumulative and by own time.

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
    from thaikpi.pipeline.outputs.audit import audit
    from thaikpi.pipeline.outputs.tables import write_outputs
    from thaikpi.pipeline.run.ledger import LEDGER_NAME, Ledger
    from thaikpi.pipeline.run.process import process_file
    from thaikpi.pipeline.settings import Settings
    settings = Settings(ocr=args.ocr)
    warm_up(settings)  # pythainlp's dictionary, once a process: not the corpus's cost
    with tempfile.TemporaryDirectory(prefix="thaikpi-profile-") as tmp:
        corpus = [p for p in make_corpus(Path(tmp) / "corpus", args.copies, None if args.no_real else args.real)
                  if args.only in p.name]
        out = Path(tmp) / "out"
        out.mkdir()
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        documents = [process_file(path, settings) for path in corpus]
        read = time.perf_counter()
        # what the ingest's parent does with them: the ledger, then the outputs and report.html
        with Ledger(out / LEDGER_NAME) as ledger:
            run = ledger.start_run([], "local", len(documents))
            for doc in documents:
                ledger.record(doc, key=doc.source, size=None, sha256=None, seconds=0.0, run=run)
            ledger.finish_run(run)
            write_outputs(ledger.documents(), out)
        audit(out)
        profiler.disable()
        end = time.perf_counter()
    seconds = end - start
    print(f"{len(corpus)} documents in {seconds:.1f} s (under the profiler): reading {read - start:.1f} s "
          f"({(read - start) / seconds:.0%}), outputs and report {end - read:.1f} s ({(end - read) / seconds:.0%})")
    for order, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(args.top)
        body = out.getvalue()
        print(f"\n== top {args.top} by {title} ==")
        print(body[body.index("   ncalls"):].rstrip())


if __name__ == "__main__":
    main()
