"""Scanned samples (and a garbage text layer) and the gold of their text-layer twins (issue 24), for tests/test_ocr_twins.py
and bench/ocr_accuracy.py: which scan is whose twin, the twin's gold (for a scan of the twin's
first page only, less what the twin prints later), and the share of its fields a document gets
right (compare.field_score; the genre samples' gold is scored by gold_score)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pypdfium2 as pdfium

from compare import field_score
from gold_score import score_document, skeleton

ROOT = Path(__file__).resolve().parents[1]
SAMPLES, GOLD, GENRE_GOLD = ROOT / "samples", ROOT / "tests" / "gold", ROOT / "tests" / "gold_genres"
sys.path.insert(0, str(ROOT / "scripts"))
from samplegen.scan import SCANNED_TWINS, twin_name  # noqa: E402

# scan -> (its text-layer twin, whether the scan is the twin's first page only)
TWINS = {"kpi_2556_2-3_disbursement_scan.scan.pdf": ("kpi_2556_2-3_disbursement_interpolated.fpdf.pdf", True)}
TWINS.update({twin_name(source): (source, False) for source, _, _ in SCANNED_TWINS})
# A text layer beyond repair over a page that shows its twin's Thai (a font whose consonants sit
# at other consonants' code points): with OCR, read from the page as a scan is.
TWINS["kpi_2556_2-3_disbursement_garbled_font.fpdf.pdf"] = ("kpi_2556_2-3_disbursement_interpolated.fpdf.pdf", False)


def twin_gold(scan: str) -> dict:
    """The gold a scan is scored against (its flags left out: they are a set, see planted_flags)."""
    twin, first_page_only = TWINS[scan]
    if twin.startswith("genre_"):
        return json.loads((GENRE_GOLD / (twin + ".json")).read_text(encoding="utf-8"))
    gold = json.loads((GOLD / (twin + ".json")).read_text(encoding="utf-8"))
    gold.pop("flags")
    return first_page_gold(gold, SAMPLES / twin) if first_page_only else gold


def planted_flags(scan: str) -> list[tuple[str, int]]:
    twin, _ = TWINS[scan]
    gold = json.loads((GOLD / (twin + ".json")).read_text(encoding="utf-8"))
    return sorted((f["check"], f["page"]) for f in gold["flags"])


def first_page_gold(gold: dict, twin: Path) -> dict:
    """The twin's gold as far as its first page goes: list items of an indicator whose text the
    twin prints on a later page (its text layer, read by pdfium) dropped; one page."""
    pdf = pdfium.PdfDocument(twin)
    later = skeleton(" ".join(pdf[i].get_textpage().get_text_range() for i in range(1, len(pdf))))
    first = skeleton(pdf[0].get_textpage().get_text_range())

    def on_first_page(item) -> bool:
        text = skeleton(item["text"] if isinstance(item, dict) else item)
        return text in first or text not in later

    for indicator in gold["indicators"]:
        for key, value in indicator.items():
            if isinstance(value, list) and value and isinstance(value[0], (str, dict)) and key != "score_rows":
                indicator[key] = [item for item in value if on_first_page(item)]
    gold["pages"] = 1
    return gold


def field_share(doc: dict, gold: dict) -> tuple[float, list[str]]:
    """The share of the gold's fields the document gets right, and the wrong ones. A genre gold
    (rows of an indicator table): each row found is a field, each of its values another, and
    the kind, year, title and agency where the gold has them."""
    if "rows" not in gold:
        total, wrong = field_score(gold, doc)
        return (total - len(wrong)) / total, wrong
    score = score_document(doc, gold)
    checks = [("kind", score.kind_ok), ("year", score.year_ok), ("title", score.title_ok), ("agency", score.agency_ok)]
    wrong = [name for name, ok in checks if ok is False]
    total = sum(ok is not None for _, ok in checks)
    for row in score.rows:
        values = [name for name in ("code", "unit", "target_value", "result_value", "score", "weight", "achieved")
                  if name in row.gold]
        total += 1 + len(values)
        if row.record is None:
            wrong += [f"p.{row.gold['page']} {row.gold['name'][:40]}: not found"] + [f"  {v}" for v in values]
        else:
            wrong += [f"p.{row.gold['page']} {row.gold['name'][:40]}: {n} {a!r}, gold {g!r}" for n, g, a in row.wrong]
    return (total - len(wrong)) / total, wrong
