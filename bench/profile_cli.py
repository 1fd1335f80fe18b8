"""Where a whole `thaikpi ingest` spends its time, its worker and its parent both: py-spy
samples the real CLI on bench/throughput.py's corpus (cProfile, in bench/profile_ingest.py,
sees one process only: it never saw the report's page images, 13% of a run, drawn by the
parent after the workers are done). Prints each function's share of the samples, counted once
a stack (inclusive) and where the sample was taken (own), the top N of each.

    .venv/bin/pip install -e '.[bench]'     # py-spy, a sampling profiler (a binary wheel)
    .venv/bin/python bench/profile_cli.py [--copies 1] [--jobs 1] [--top 25] [--rate 200]

py-spy needs to read the processes' memory (ptrace): it works as root or for one's own
children where the kernel allows it (kernel.yama.ptrace_scope 0 or 1).

Then each sample by the kind of work it was in (kind_of: the innermost frame of the stack
that one of its rules claims; numpy and builtins count for the code that called them; the
parent's waits for its worker left out), each kind's share being what a run without it would
save: the issue 27 question of which work a goal must cut. "reader
per char" is the reader's Python that walks chars or words one at a time or as columns (the
modules in PER_CHAR): all that a reader on arrays could take away, and not all of it (its
numpy passes stay).
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
from typing import Iterator, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, ingest_cmd, make_corpus  # noqa: E402

FRAME = re.compile(r"(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


def frame_name(frame: str) -> str:
    """'function (path/to/file.py:12)' -> 'function file.py'; a process's frame as it is."""
    m = FRAME.match(frame)
    return f"{m['function']} {Path(m['file']).name}" if m else frame


def stacks(raw: Path) -> Iterator[tuple[list[str], int]]:
    """Each stack of py-spy's raw (collapsed) output, outermost frame first, and its samples."""
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            yield stack.split(";"), int(count)


def shares(raw: Path) -> tuple[int, Counter, Counter]:
    """(samples, inclusive counts, own counts) by function, from py-spy's raw output."""
    inclusive, own, total = Counter(), Counter(), 0
    for frames, n in stacks(raw):
        total += n
        names = [frame_name(f) for f in frames]
        for name in set(names):
            inclusive[name] += n
        own[names[-1]] += n
    return total, inclusive, own


# The reader's modules whose work is per char or per word (pdf_actualtext's span tagging is,
# its pdfminer pages are not): what a reader on arrays would do as columns
PER_CHAR = {"pdfium_chars.py", "pdfium_columns.py", "pdf_words.py", "pdf_cells.py", "pdf_glyph_repairs.py",
            "pdf_geometry.py", "pdf_lines.py", "apply_actual_text pdf_actualtext.py"}


def kind_of(function: str, file: str) -> Optional[str]:
    """The kind of work of a frame, or None where it is the caller's (numpy, builtins, ...)."""
    path = Path(file)
    parts, name = set(path.parts), path.name
    if "PIL" in parts or function.startswith("PdfPage.render") or function.startswith("PdfBitmap."):
        return "page images (report.html's crops, blank-page checks): render, encode"
    if "pypdfium2" in parts or name in ("pdfium_text_calls.py", "pdfium_cffi.py"):
        return "pdfium's C calls (pages, text pages, bulk char calls)"
    if parts & {"pdfminer", "pdfplumber"}:
        return "pdfminer and pdfplumber (pdfminer's pages, page trees, crops)"
    if parts & {"pythainlp", "nlpo3"} or (name == "words.py" and "text" in parts):
        return "Thai segmentation (nlpo3, newmm, word lists)"
    if parts & {"jinja2", "outputs"} or "sqlite" in file:
        return "outputs (records, tables, ledger, report.html)"
    if "importlib" in file:
        return "start-up (imports)"
    if "readers" in parts:
        if name in PER_CHAR or f"{function} {name}" in PER_CHAR:
            return "reader per char (glyphs, words, cells, as dicts or columns)"
        return "reader other (paths, page objects, tables from rules, checks)"
    if parts & {"extractors", "checks", "text", "pydantic", "pydantic_core", "schemas"}:
        return "extraction, cleaning, checks"
    return None


def kinds(raw: Path) -> Counter:
    """Samples by kind of work (kind_of of the innermost frame that has one), but the parent's
    waits for its worker (a selector's select): time the worker's samples already count."""
    counts: Counter = Counter()
    for frames, n in stacks(raw):
        if frames[-1].startswith("_PollLikeSelector.select "):
            continue
        found = None
        for frame in reversed(frames):
            m = FRAME.match(frame)
            if m and (found := kind_of(m["function"], m["file"])):
                break
        counts[found or "other (the CLI, the pool)"] += n
    return counts


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
        by_kind = kinds(raw)
    print(f"{total} samples at {args.rate}/s of `thaikpi ingest --jobs {args.jobs}` (worker and parent)")
    # the CLI's and the worker's frames under which nearly every sample lies say nothing
    stages = Counter({name: n for name, n in inclusive.items() if n < 0.8 * total and not name.startswith("process ")})
    for title, counts in (("inclusive (the function and what it called; under 80%)", stages),
                          ("own (the sample's frame)", own)):
        print(f"\n== top {args.top}, {title} ==")
        for name, n in counts.most_common(args.top):
            print(f"{100 * n / total:6.1f}%  {name}")
    print("\n== by kind of work (a run without the kind: its share of the run taken away) ==")
    working = sum(by_kind.values())
    print(f"(of {working} samples: the parent's waits for its worker left out)")
    for name, n in by_kind.most_common():
        print(f"{100 * n / working:6.1f}%  {name}")


if __name__ == "__main__":
    main()
