"""The table shapes of the archive (issue 4) and the samples that show each, with the cell
count a shape is judged by: the cells of the milestone, criteria and score tables in the gold
answer, and how many of them the pipeline read exactly.

Used by tests/test_table_shapes.py (every shape reads every cell) and bench/table_accuracy.py
(the per-shape report).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "gold"

STEPS, CRITERIA, SCORE = "steps", "criteria", "score_rows"

# The cells of each table, as the gold writes them.
TABLE_CELLS = {
    STEPS: ("step", "text"),
    CRITERIA: ("level", "text", "value"),
    SCORE: ("label", "weight", "performance_text", "score", "weighted_score", "page"),
}


@dataclass(frozen=True)
class Shape:
    name: str
    tables: tuple[str, ...]
    samples: tuple[str, ...]
    # The formats the shape occurs in: a web page has no pages to break across and no
    # alignment to read columns from.
    formats: tuple[str, ...] = ("pdf", "html")


PDF_ONLY, HTML_ONLY = ("pdf",), ("html",)


SHAPES = (
    Shape("ruled tables", (STEPS, CRITERIA, SCORE),
          ("kpi_2556_2-3_disbursement_interpolated.fpdf.pdf", "kpi_2557_1-2_subindicators_planted.rl.pdf",
           "kpi_2557_1-2_subindicators_planted.utf8.html")),
    Shape("no rules: text aligned in columns", (STEPS, CRITERIA, SCORE),
          ("kpi_2557_1-2_subindicators_unruled.rl.pdf", "kpi_2557_1-2_subindicators_unruled.utf8.html")),
    Shape("partly ruled: rules between rows only, cells centred", (STEPS, CRITERIA, SCORE),
          ("kpi_2556_2-3_disbursement_partly_ruled.fpdf.pdf",), PDF_ONLY),
    Shape("cells wrapped onto several lines", (STEPS, SCORE),
          ("kpi_2552_3-1-4_osm.rl.pdf", "kpi_2552_3-1-4_osm.utf8.html", "kpi_2555_4-4_database.rl.pdf")),
    Shape("label wraps, numbers do not", (SCORE,),
          ("kpi_2552_3-1-4_osm.rl.pdf", "kpi_2556_2-3_disbursement_partly_ruled.fpdf.pdf",
           "kpi_2557_1-2_subindicators_unruled.rl.pdf"), PDF_ONLY),
    Shape("broken across pages, header repeated", (STEPS,),
          ("kpi_2552_3-1-4_osm.rl.pdf", "kpi_2554_3-1-2_monitoring.fpdf.pdf"), PDF_ONLY),
    Shape("broken across pages, header not repeated", (STEPS, SCORE),
          ("kpi_2552_3-1-4_osm_page_broken.fpdf.pdf", "kpi_2557_1-2_subindicators_page_broken.rl.pdf"), PDF_ONLY),
    Shape("broken across pages, carried over open at the top (its first row's rule over one column)", (SCORE,),
          ("kpi_2557_1-2_subindicators_page_broken_open_top.rl.pdf",), PDF_ONLY),
    Shape("merged cells: header over two rows and two columns", (SCORE,),
          ("kpi_2558_3-2_permit_days_merged_header.fpdf.pdf", "kpi_2558_3-2_permit_days_merged_header.utf8.html")),
    Shape("merged cells: a step number over two rows", (STEPS,),
          ("kpi_2554_3-1-2_monitoring.fpdf.pdf", "kpi_2554_3-1-2_monitoring.utf8_flat.html")),
    Shape("flattened to tab-separated lines", (STEPS, CRITERIA, SCORE),
          ("kpi_2556_2-3_disbursement_tab_flattened.rl.pdf", "kpi_2556_2-3_disbursement_tab_flattened.utf8.html")),
    Shape("the same table twice (a table, then flattened): read once", (STEPS, CRITERIA, SCORE),
          ("kpi_2555_4-4_database.twice.html",), HTML_ONLY),
    Shape("header labels of other years: split over two lines, short, Thai digits", (SCORE,),
          ("kpi_2555_4-4_database.rl.pdf", "kpi_2555_4-4_database.cp874.html",
           "kpi_2556_2-3_disbursement_tab_flattened.rl.pdf", "kpi_2556_2-3_disbursement_tab_flattened.utf8.html",
           "kpi_2557_1-2_subindicators_unruled.rl.pdf", "kpi_2557_1-2_subindicators_planted.utf8.html")),
    Shape("sub-indicator rows and a total row", (SCORE,),
          ("kpi_2557_1-2_subindicators_planted.rl.pdf", "kpi_2557_1-2_subindicators_planted.utf8.html",
           "kpi_2557_1-2_subindicators_unruled.rl.pdf")),
)


def _same(expected, actual) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, abs_tol=1e-9)
    return expected == actual


def gold_indicator(sample: str) -> dict:
    gold = json.loads((GOLD / (sample + ".json")).read_text(encoding="utf-8"))
    return gold["indicators"][0]


def cells_read(expected: dict, actual: dict, table: str) -> tuple[int, int]:
    """(cells in the gold's table, cells the pipeline read exactly); rows pair up in order, so
    a row missed or read twice costs the cells of every row after it."""
    fields = TABLE_CELLS[table]
    gold_rows, rows = expected.get(table) or [], actual.get(table) or []
    total = len(gold_rows) * len(fields)
    right = sum(_same(g[f], r.get(f)) for g, r in zip(gold_rows, rows) for f in fields)
    return total, right - max(0, len(rows) - len(gold_rows)) * len(fields)


def shape_accuracy(shape: Shape, documents: dict[str, dict]) -> tuple[int, int]:
    """(expected cells, cells read correctly) over a shape's samples; `documents` maps a
    sample's name to the pipeline's JSON for it."""
    total = right = 0
    for sample in shape.samples:
        indicators = documents[sample].get("indicators") or [{}]
        for table in shape.tables:
            t, r = cells_read(gold_indicator(sample), indicators[0], table)
            total, right = total + t, right + r
    return total, right
