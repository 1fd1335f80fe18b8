"""Checks across documents: one indicator's rows (indicator_series) in the reports of
successive rounds (6, 9, 12 months) of one fiscal year. A cumulative result (milestones done
so far: step criteria) or its reported score that falls from one round to the next, and a
weight or target that changes within the year, are flagged, naming both documents and pages.

Rows are compared round to next round (6 -> 9, 9 -> 12); where one round has several
documents of the series (copies, variants), the first by source stands for it. Pure: series
rows in, cross_flags rows out."""
from __future__ import annotations

from itertools import groupby
from typing import Iterable, Optional

from thaikpi.schemas.flags import (CrossResultDecreased, CrossScoreDecreased, CrossTargetChanged,
                                   CrossWeightChanged, FlagType)

# The fields of a series row the checks read (what ingest keeps of each while it streams).
KEPT = ("series", "indicator_code", "indicator_name", "row_label", "is_total", "fiscal_year_be", "round_months",
        "weight", "criteria_kind", "target", "result", "score", "source", "page", "indicator_id")


def _what(row: dict) -> str:
    name = " ".join(p for p in (row["indicator_code"], row["indicator_name"]) if p)
    return f"{name}, {row['row_label']}" if row["row_label"] and row["row_label"] != row["indicator_name"] else name


def _differs(a, b) -> bool:
    return a is not None and b is not None and a != b


def _fell(a, b) -> bool:
    return a is not None and b is not None and b < a


def _pair_flags(earlier: dict, later: dict) -> list[tuple[type[FlagType], str]]:
    """(flag type, field) for each check the pair of rounds fails, in a fixed order."""
    found = []
    cumulative = earlier["criteria_kind"] == "step" and later["criteria_kind"] == "step"
    if cumulative and _fell(earlier["result"], later["result"]):
        found.append((CrossResultDecreased, "result"))
    if cumulative and _fell(earlier["score"], later["score"]):
        found.append((CrossScoreDecreased, "score"))
    if _differs(earlier["weight"], later["weight"]):
        found.append((CrossWeightChanged, "weight"))
    if _differs(earlier["target"], later["target"]):
        found.append((CrossTargetChanged, "target"))
    return found


def _value(value) -> Optional[str]:
    if value is None:
        return None
    return f"{value:g}" if isinstance(value, float) else str(value)


def _flag_row(n: int, kind: type[FlagType], field: str, earlier: dict, later: dict) -> dict:
    before, after = _value(earlier[field]), _value(later[field])
    flag = kind.make(indicator_code=later["indicator_code"], reported=after, expected=before, page=later["page"],
                     what=_what(later), earlier=before, later=after,
                     earlier_round=earlier["round_months"], later_round=later["round_months"],
                     earlier_source=earlier["source"], earlier_page=earlier["page"],
                     later_source=later["source"], later_page=later["page"])
    return {"flag": n, "check": flag.check, "severity": flag.severity, "series": later["series"],
            "indicator_code": later["indicator_code"], "indicator_name": later["indicator_name"],
            "row_label": later["row_label"], "fiscal_year_be": later["fiscal_year_be"],
            "earlier_round_months": earlier["round_months"], "earlier_value": before,
            "earlier_source": earlier["source"], "earlier_page": earlier["page"],
            "earlier_indicator_id": earlier["indicator_id"],
            "later_round_months": later["round_months"], "later_value": after,
            "later_source": later["source"], "later_page": later["page"],
            "later_indicator_id": later["indicator_id"], "message": flag.message}


def cross_flags(series: Iterable[dict]) -> list[dict]:
    """The cross_flags rows of all documents' series rows."""
    dated = [r for r in series if r["fiscal_year_be"] is not None and r["round_months"] is not None]
    dated.sort(key=lambda r: (r["series"], r["fiscal_year_be"], r["round_months"], r["source"]))
    out: list[dict] = []
    for _, rows in groupby(dated, key=lambda r: (r["series"], r["fiscal_year_be"])):
        by_round = [next(group) for _, group in groupby(rows, key=lambda r: r["round_months"])]
        for earlier, later in zip(by_round, by_round[1:]):
            for kind, field in _pair_flags(earlier, later):
                out.append(_flag_row(len(out), kind, field, earlier, later))
    return out
