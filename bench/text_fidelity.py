"""Text fidelity on the PDF samples: character error rate and seconds per page of
(a) pdfplumber's raw extract_text, (b) poppler's pdftotext, (c) this pipeline's text.

    .venv/bin/pip install -e '.[samples,bench]'   # and Debian's poppler-utils (+ chromium)
    .venv/bin/python bench/text_fidelity.py

The reference is the text the page shows. For a sample with no planted damage, that is
poppler's reading of it (exact on unshaped text: ../shared/THAI_TEXT.md). For a damaged
sample (legacy PUA font, fake bold, decomposed SARA AM), the bench renders its undamaged
twin from the same spec with the same producer, and takes poppler's reading of the twin.
A browser print has no undamaged twin: its reference is poppler's reading of it (poppler
honours ActualText), so (b) scores 0 there by construction. The lost-NIKHAHIT sample's twin
would wrap its table cells elsewhere (fpdf2 breaks no line at the U+2008 that stands for its
spaces), so its reference is its own text layer with the damage undone, which the generator
defines exactly (" า" is ำ: no Thai word starts with SARA AA). Whitespace is ignored (Thai
spacing and line wraps are another matter); reading order is not.

Goal (issue 3): (c) below 0.5% on every repairable sample and never worse than (b), at no
more than twice (a)'s time; every page of an unrepairable sample (a garbled font) flagged.
"""
from __future__ import annotations

import re
import subprocess
from collections import Counter
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import pdfplumber  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from samplegen.render_browser import make_chromium  # noqa: E402
from samplegen.render_fpdf import make_fpdf2  # noqa: E402
from samplegen.render_reportlab import make_reportlab  # noqa: E402
from samplegen.specs_kpi import SAMPLES  # noqa: E402
from thaikpi.pipeline.readers.pdf_reader import read_pdf  # noqa: E402

RENDER = {"reportlab": make_reportlab, "fpdf2": make_fpdf2, "chromium": make_chromium}
TAGS = {"reportlab": "rl", "fpdf2": "fpdf", "chromium": "chromium"}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def poppler(path: Path) -> str:
    return subprocess.run(["pdftotext", "-q", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def plumber(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pipeline_text(path: Path) -> str:
    # The reader's lines, cleaned as every field is (SARA AM, PUA, spacing); digits kept as written.
    from thaikpi.pipeline.text import clean_text
    return "\n".join(clean_text(line.text, arabic_digits=False) or "" for line in read_pdf(path.read_bytes()).lines)


UNREPAIRABLE = {"garbled_font"}  # damage no rule can undo: the pages must be flagged instead


def restored_nikhahit(text: str) -> str:
    """samplegen.damage.lost_nikhahit_text undone: " า" was ำ, " ่า" was ่ำ."""
    text = re.sub(" ([\u0e48-\u0e4b])\u0e32", "\\1\u0e33", text)
    return text.replace(" \u0e32", "\u0e33")


def flagged_pages(path: Path) -> tuple[int, int]:
    """(pages flagged garbled, pages) of a PDF."""
    doc = read_pdf(path.read_bytes())
    return len(doc.garbled_pages), doc.pages


def without_boxes(text: str) -> str:
    """Checkboxes are left out of every text: the reader puts ☐/☑ where boxes are drawn
    (reportlab's squares), which no text layer has; fpdf2's are glyphs in every reading."""
    return re.sub("[☐☑]", " ", text)


def timed(fn, path: Path, repeat: int = 3) -> tuple[str, float]:
    best, text = float("inf"), ""
    for _ in range(repeat):
        start = time.perf_counter()
        text = fn(path)
        best = min(best, time.perf_counter() - start)
    return text, best


def cer(reference: str, text: str) -> float:
    """Character error rate, whitespace ignored: it also counts reading-order differences."""
    ref, hyp = squeeze(reference), squeeze(text)
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def trigram_error(reference: str, text: str) -> float:
    """Error over character trigrams (multisets) taken within runs of non-space text: blind to
    the order of lines and cells, not to a mark on the wrong side of its base or a lost or
    doubled glyph. A run joined across a line wrap by one reader and not the other costs a
    trigram or two."""
    def grams(s: str) -> Counter:
        # within runs of text only: what crosses a line or cell boundary depends on order
        out: Counter = Counter()
        for run in s.split():
            out.update(run[i:i + 3] for i in range(max(1, len(run) - 2)))
        return out
    ref, hyp = grams(reference), grams(text)
    return 1 - sum((ref & hyp).values()) / max(1, sum(ref.values()), sum(hyp.values()))


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="thaikpi-fidelity-") as tmp:
        for spec, producer in SAMPLES:
            if producer not in RENDER:
                continue
            sample = ROOT / "samples" / f"{spec['slug']}.{TAGS[producer]}.pdf"
            damage_kind = spec.get("damage", {}).get("text")
            damaged = bool(spec.get("damage")) and producer != "chromium"
            if damage_kind == "lost_nikhahit":
                reference = restored_nikhahit(plumber(sample))
            elif damaged:
                twin = Path(tmp) / sample.name
                RENDER[producer]({k: v for k, v in spec.items() if k != "damage"}, twin)
                reference = poppler(twin)
            else:
                reference = poppler(sample)
            with pdfplumber.open(sample) as pdf:
                pages = len(pdf.pages)
            results = [timed(fn, sample) for fn in (plumber, poppler, pipeline_text)]
            damage = ", ".join(str(v) for v in spec.get("damage", {}).values()) or (
                "shaped (ActualText)" if producer == "chromium" else "-")
            reference = without_boxes(reference)
            rows.append((sample.name, damage, [(cer(reference, without_boxes(text)),
                                                trigram_error(reference, without_boxes(text)), seconds / pages)
                                               for text, seconds in results],
                         flagged_pages(sample) if damage_kind in UNREPAIRABLE else None))

    print("CER: character error rate against the reference, whitespace ignored, reading order counted.")
    print("3g: error over character trigrams, order of lines and cells ignored.\n")
    print(f"{'sample':<54} {'damage':<19} {'CER (a)':>7} {'(b)':>6} {'(c)':>6}  {'3g (a)':>6} {'(b)':>6} {'(c)':>6}"
          f"  {'s/page (a)':>10} {'(b)':>7} {'(c)':>7}")
    goal_met = True
    for name, damage, ((ca, ga, ta), (cb, gb, tb), (cc, gc, tc)), flagged in rows:
        print(f"{name:<54} {damage:<19} {100 * ca:>6.2f}% {100 * cb:>5.2f}% {100 * cc:>5.2f}%  "
              f"{100 * ga:>5.2f}% {100 * gb:>5.2f}% {100 * gc:>5.2f}%  {ta:>10.4f} {tb:>7.4f} {tc:>7.4f}"
              + (f"  unrepairable: {flagged[0]}/{flagged[1]} pages flagged" if flagged else ""))
        if flagged:
            goal_met &= flagged[0] == flagged[1]
        else:
            goal_met &= gc < 0.005 and gc <= gb + 1e-9 and tc <= 2 * ta
    print("\ngoal, on the trigram measure: (c) < 0.5%, (c) <= (b), (c) time <= 2 x (a), every sample: "
          + ("met" if goal_met else "NOT met"))


if __name__ == "__main__":
    main()
