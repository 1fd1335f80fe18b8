"""Where a whole `thaikpi ingest` spends its time, its worker and its parent both: py-spy
samples the real CLI on bench/throughput.py's corpus (cProfile, in bench/profile_ingest.py,
sees one process only: it never saw the report's page images, 13% of a run, drawn by the
parent after the workers are done). Prints each function's share of the samples, counted once
a stack (inclusive) and where the sample was taken (own), the top N of each.

    .venv/bin/pip install -e '.[bench]'     # py-spy, a sampling profiler (a binary wheel)
    .venv/bin/python bench/profile_cli.py [--copies 1] [--jobs 1] [--top 25] [--rate 200]

py-spy needs to read the processes' memory (ptrace): it works as root or for one's own
children where the kernel allows it (kernel.yama.ptrace_scope 0 or 1).
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, ingest_cmd, make_corpus  # noqa: E402

FRAME = re.compile(r"(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


def frame_name(frame: str) -> str:
    """'function (path/to/file.py:12)' -> 'function file.py'; a process's frame as it is."""
    m = FRAME.match(frame)
    return f"{m['function']} {Path(m['file']).name}" if m else frame


def shares(raw: Path) -> tuple[int, Counter, Counter]:
    """(samples, inclusive counts, own counts) by function, from py-spy's raw (collapsed) output."""
    inclusive, own, total = Counter(), Counter(), 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        names = [frame_name(f) for f in stack.split(";")]
        for name in set(names):
            inclusive[name] += n
        own[names[-1]] += n
    return total, inclusive, own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=1, help="copies of each sample")
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--rate", type=int, default=200, help="samples a second")
    args = parser.parse_args()
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        sys.exit("py-spy is not installed: pip install -e '.[bench]'")
    with tempfile.TemporaryDirectory(prefix="thaikpi-profile-cli-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.copies, args.real)
        raw = Path(tmp) / "stacks.txt"
        cmd = [spy, "record", "--subprocesses", "--rate", str(args.rate), "--format", "raw", "--output", str(raw),
               "--", *ingest_cmd(corpus, Path(tmp) / "out", args.jobs)]
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if not raw.exists():
            sys.exit(f"py-spy recorded nothing: {done.stderr.strip()[-500:]}")
        total, inclusive, own = shares(raw)
    print(f"{total} samples at {args.rate}/s of `thaikpi ingest --jobs {args.jobs}` (worker and parent)")
    # the CLI's and the worker's frames under which nearly every sample lies say nothing
    stages = Counter({name: n for name, n in inclusive.items() if n < 0.8 * total and not name.startswith("process ")})
    for title, counts in (("inclusive (the function and what it called; under 80%)", stages),
                          ("own (the sample's frame)", own)):
        print(f"\n== top {args.top}, {title} ==")
        for name, n in counts.most_common(args.top):
            print(f"{100 * n / total:6.1f}%  {name}")


if __name__ == "__main__":
    main()
