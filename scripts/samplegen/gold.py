"""A KPI report's gold answer, written from its spec (what the document says), never from the
pipeline's output; and the gold of documents from which nothing can be read."""
from __future__ import annotations

import re
from pathlib import Path

from thaikpi.pipeline.text import NON_WORD_MIN_THAI

from samplegen.poppler import poppler_page_text
from samplegen.text import arabic


def _number(text: str):
    text = arabic(text).replace(",", "")
    m = re.search(r"-?\d+(?:\.\d+)?", text)
    return float(m.group(0)) if m else None


def gold_for(spec: dict, fmt: str, pages: int, score_page: int) -> dict:
    steps = []
    for step in spec["steps"]:
        paragraphs = list(step[1]) + (list(step[2]) if len(step) > 2 else [])
        steps.append({"step": step[0], "text": arabic("\n".join(paragraphs))})
    criteria = []
    if spec.get("criteria"):
        values = spec.get("criteria_values") or list(range(1, 6))
        criteria = [{"level": i + 1, "text": arabic(t), "value": float(values[i])}
                    for i, t in enumerate(spec["criteria"])]
    rows = []
    # A score table broken across pages: the rows after the break are on the next page.
    broken_after = spec.get("score_break_after", len(spec["score_rows"]))
    row_pages = [score_page + (i >= broken_after) for i in range(len(spec["score_rows"]))]
    for row, row_page in zip(spec["score_rows"], row_pages):
        label, weight, performance, score, weighted = row["cells"]
        rows.append({
            "label": arabic(row.get("label", label)), "is_total": row.get("is_total", False),
            "weight": _number(weight), "performance_text": arabic(performance) or None,
            "performance_value": row["performance_value"], "score": _number(score),
            "weighted_score": _number(weighted), "score_recomputed": row["score_recomputed"],
            "weighted_score_recomputed": row["weighted_score_recomputed"], "page": row_page,
        })

    def items(key):
        inline = spec.get(key + "_inline")
        values = [inline] if inline else spec.get(key, [])
        return [arabic(v) for v in values if v and v != "-"]

    indicator = {
        "code": spec["code"], "name": arabic(spec["name"]), "name_raw": spec["name"],
        "supervisors": [arabic(p) for p in spec["supervisors"]],
        "data_collectors": [arabic(p) for p in spec["data_collectors"]],
        "phones": [arabic(p) for p in spec["supervisor_phones"] + spec["collector_phones"]],
        "description": arabic("\n".join(spec["description"])),
        "steps": steps, "criteria": criteria, "criteria_kind": spec["criteria_kind"],
        "score_rows": rows,
        "measures": items("measures"), "support_factors": items("support_factors"),
        "obstacles": items("obstacles"), "suggestions": items("suggestions"),
        "evidence": [{"text": arabic(t), "doc_refs": refs, "dates": dates}
                     for t, refs, dates in spec["evidence"]],
        "note": arabic(spec["note"]) if spec.get("note") else None,
        "conditions": arabic(spec["conditions"]) if spec.get("conditions") else None,
    }
    checked = [m for m, c in spec["rounds"] if c]
    return {
        "format": fmt, "kind": "kpi_report", "status": "ok", "error": None, "pages": pages,
        "fiscal_year_be": spec["fiscal_year_be"], "fiscal_year": spec["fiscal_year_be"] - 543,
        "round_months": checked[0] if len(checked) == 1 else None,
        "indicators": [indicator],
        "flags": [{"check": f["check"], "indicator_code": f["indicator_code"],
                   "reported": f["reported"], "expected": f["expected"], "page": row_pages[f["row"]]}
                  for f in spec["flags"]],
    }


def nothing_read_gold(pages: int, check: str, flagged: list[int]) -> dict:
    """A PDF from which nothing can be read, its pages in `flagged` carrying `check`."""
    return {"format": "pdf", "kind": "unknown", "status": "partial", "error": None, "pages": pages,
            "fiscal_year_be": None, "fiscal_year": None, "round_months": None, "indicators": [],
            "flags": [{"check": check, "indicator_code": None, "reported": None,
                       "expected": None, "page": n} for n in flagged]}


def scan_gold() -> dict:
    """What can be said of a scan without OCR: a PDF of one page with no text layer."""
    return nothing_read_gold(1, "text_layer_missing", [1])


def garbled_gold(path: Path, pages: int) -> dict:
    """What can be said of a report whose text layer is non-words: nothing read, and each
    page with enough Thai to judge flagged. The Thai on a page is counted with poppler."""
    return nothing_read_gold(pages, "text_layer_garbled", [
        n for n in range(1, pages + 1)
        if sum(1 for ch in poppler_page_text(path, n) if "\u0e01" <= ch <= "\u0e5b") >= NON_WORD_MIN_THAI])
