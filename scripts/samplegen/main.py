"""Make samples/ (real PDF and HTML reports) and their gold answers in tests/gold/ (the genre
samples' in tests/gold_genres/).

    pip install -e '.[samples]'   # reportlab, fpdf2, fontpkg-sarabun
    python scripts/make_samples.py [slug ...] [--out DIR]

Producers: reportlab (platypus, drawn checkboxes), fpdf2 (checkbox glyphs from DejaVu Sans,
Debian's fonts-dejavu-core), headless Chromium's print-to-PDF (Debian's chromium), LibreOffice
Writer's PDF export (Debian's libreoffice-writer-nogui), a scan (poppler-utils), scanned twins of
text-layer samples (scan.py), and HTML in
four styles and encodings. The text is Sarabun, the government's standard face. Thai has no
spaces between words, so lines are wrapped at word boundaries found by pythainlp and measured
with the font's real widths, as a word processor would.

Gold files are written from the specs (specs_*.py), never from the pipeline's output. Also
writes tests/data/bad/ (inputs that must fail cleanly) and tests/data/text/. With --out DIR
everything goes under DIR instead of the repository (samples/, tests/...), to compare.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from samplegen import framework_lists, genres, other_kinds, render_layouts
from samplegen.bad_inputs import TEXT_FIXTURE, make_bad_inputs, make_text_fixture
from samplegen.gold import garbled_gold, gold_for, nothing_read_gold, scan_gold
from samplegen.poppler import poppler_page_text
from samplegen.render_browser import make_chromium
from samplegen.render_fpdf import make_fpdf2
from samplegen.render_html import make_html
from samplegen.render_office import make_libreoffice
from samplegen.render_reportlab import make_reportlab
from samplegen.scan import SCANNED_TWINS, make_scan, make_scanned_twin, twin_name
from samplegen.specs_genres import GENRE_SAMPLES
from samplegen.specs_kpi import SAMPLES
from samplegen.specs_layouts import LAYOUT_SAMPLES
from samplegen.specs_other import OTHER_SAMPLES
from samplegen.specs_rounds import FRAMEWORK_LIST_SAMPLES, ROUND_SAMPLES

ROOT = Path(__file__).resolve().parents[2]
# File name tags: which producer made a sample.
TAGS = {"reportlab": "rl", "fpdf2": "fpdf", "chromium": "chromium", "chromium-a4": "chromium", "libreoffice-docx": "lo_docx", "libreoffice": "lo", "scan": "scan",
        "html-utf8": "utf8", "html-utf8-flat": "utf8_flat", "html-cp874-declared": "cp874",
        "html-cp874-undeclared": "cp874_nodecl", "html-utf8-twice": "twice", "html-mht": "ie"}
RENDER = {"reportlab": make_reportlab, "chromium": make_chromium, "libreoffice": make_libreoffice,
          "scan": make_scan, "fpdf2": make_fpdf2}


def repaired_page_flags(spec: dict, producer: str) -> list[dict]:
    """The pages on which the pipeline must fill lost glyphs: where poppler reads ำ in the
    undamaged twin of the sample (same spec, same producer, same layout)."""
    with tempfile.TemporaryDirectory() as tmp:
        twin = Path(tmp) / "twin.pdf"
        pages, _ = {"fpdf2": make_fpdf2, "reportlab": make_reportlab}[producer](
            {k: v for k, v in spec.items() if k != "damage"}, twin)
        return [{"check": "text_layer_repaired", "indicator_code": None, "reported": None, "expected": None,
                 "page": n} for n in range(1, pages + 1) if "\u0e33" in poppler_page_text(twin, n)]



def suffix(producer: str) -> str:
    return ".mht" if producer == "html-mht" else ".html" if producer.startswith("html") else ".pdf"


def make_kpi(spec: dict, producer: str, path: Path) -> dict:
    """Typeset one KPI report; return its gold."""
    if producer in RENDER:
        pages, score_page = RENDER[producer](spec, path)
    else:
        pages, score_page = make_html(spec, path, producer)
    if producer == "scan":
        gold = scan_gold()
    elif spec.get("damage", {}).get("text") == "garbled_font":
        gold = garbled_gold(path, pages)
    else:
        gold = gold_for(spec, "pdf" if suffix(producer) == ".pdf" else "html", pages, score_page)
    if spec.get("damage", {}).get("text") in ("lost_nikhahit", "shaped"):
        gold["flags"] += repaired_page_flags(spec, producer)
    return gold


def write_gold(path: Path, gold: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def parse_args(argv: list[str]) -> tuple[set[str], Path]:
    """Slugs to re-make (none: all), and the root to write under (--out DIR; default: the repository)."""
    out, only = ROOT, set()
    args = iter(argv)
    for arg in args:
        if arg == "--out":
            out = Path(next(args)).resolve()
        else:
            only.add(arg)
    return only, out


def main(argv: list[str] | None = None) -> None:
    only, out = parse_args(sys.argv[1:] if argv is None else argv)
    samples_dir, gold_dir = out / "samples", out / "tests" / "gold"
    samples_dir.mkdir(parents=True, exist_ok=True)
    made = {}
    families = ((SAMPLES + ROUND_SAMPLES, make_kpi),  # KPI reports (their round boxes too)
                (OTHER_SAMPLES, other_kinds.make),  # frameworks and M&E reports
                (LAYOUT_SAMPLES, render_layouts.make),  # issue 23's layouts: hanging indents, justified Thai
                (FRAMEWORK_LIST_SAMPLES, framework_lists.make))  # frameworks whose indicators are lists
    for specs, maker in families:
        for spec, producer in specs:
            if only and spec["slug"] not in only:
                continue
            path = samples_dir / f"{spec['slug']}.{TAGS[producer]}{suffix(producer)}"
            gold = maker(spec, producer, path)
            write_gold(gold_dir / (path.name + ".json"), gold)
            if maker is make_kpi:  # the bad inputs are made from the last KPI sample of a producer
                made[producer] = path
            print(f"{path.relative_to(out)}  ({producer}, {gold['pages']} pages)")
    for spec, producer in GENRE_SAMPLES:  # real genres in their own layouts; gold in tests/gold_genres/
        if only and spec["slug"] not in only:
            continue
        path = samples_dir / f"{spec['slug']}.{TAGS[producer]}{suffix(producer)}"
        gold = genres.make(spec, producer, path)
        write_gold(out / "tests" / "gold_genres" / (path.name + ".json"), gold)
        print(f"{path.relative_to(out)}  ({producer}, {len(gold['rows'])} gold rows)")
    for source, dpi, seed in SCANNED_TWINS:  # made from the samples above: after them
        name = twin_name(source)
        if only and not {source.split(".")[0], name.split(".")[0]} & only:
            continue
        pages = make_scanned_twin(samples_dir / source, samples_dir / name, dpi, seed)
        # without OCR nothing is read; with it, the text-layer twin's gold (tests/test_ocr_twins.py)
        write_gold(gold_dir / (name + ".json"), nothing_read_gold(pages, "text_layer_missing", list(range(1, pages + 1))))
        print(f"samples/{name}  (scan of {source}, {pages} pages, {dpi} dpi)")
    if not only:
        make_bad_inputs(made["reportlab"], made["html-utf8"], out / "tests" / "data" / "bad")
        make_text_fixture(out / TEXT_FIXTURE)
        print("bad inputs in tests/data/bad")
