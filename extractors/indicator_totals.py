"""An indicator table's total or average row against the rows it closes (total_mismatch),
or, where the row states a weight, against the weights listed (weight_sum_mismatch).

Total rows are not indicators, so they never reach a document's records, where the checks
stage looks (pipeline/checks/indicators.py): the extractor compares them here, as it reads
them, and returns the flags. A total closes the rows since the one before it, in the same
table (continued over pages), and is compared on the value it states: a result, else a score,
else a weight; within half a unit of its last printed decimal.
"""
from __future__ import annotations

from typing import Optional, Sequence

from thaikpi.extractors import labels_indicators as L
from thaikpi.pipeline.text import match_key, tolerance
from thaikpi.schemas.document import Indicator
from thaikpi.schemas.flags import Flag, TotalMismatch, WeightSumMismatch

_FIELDS = (("result_value", "result"), ("score", "score"), ("weight", "weight"))
_TOTAL_KEYS = frozenset(match_key(w) for w in L.SUM_ROW_NAMES)
_AVERAGE_KEYS = frozenset(match_key(w) for w in L.AVERAGE_ROW_NAMES)


def _number(value: float):
    return int(value) if float(value).is_integer() else round(value, 4)


def total_kind(name: Optional[str]) -> Optional[str]:
    """"total" or "average" for a row named as one ("รวม", "คะแนนเฉลี่ย"), else None."""
    key = match_key(name or "").strip(":")
    return "total" if key in _TOTAL_KEYS else "average" if key in _AVERAGE_KEYS else None


def _stated(row: Indicator) -> Optional[tuple[str, str, float]]:
    for attr, label in _FIELDS:
        value = getattr(row, attr)
        if value is not None:
            return attr, label, value
    return None


def _printed(value: float) -> str:
    return repr(float(value)).removesuffix(".0")


def _flag(total: Indicator, kind: str, label: str, stated: float, values: list[float]) -> Optional[Flag]:
    expected = sum(values) if kind == "total" else sum(values) / len(values)
    written = total.result_text if label == "result" and total.result_text else _printed(stated)
    if abs(expected - stated) <= tolerance(written):
        return None
    parts = " + ".join(_printed(v) for v in values) + (f", / {len(values)}" if kind == "average" else "")
    if label == "weight":
        return WeightSumMismatch.make(
            reported=_number(stated), expected=_number(expected), whole=f"the row '{total.name}'",
            parts=f"the weights listed ({parts})", page=total.page, evidence=total.name)
    return TotalMismatch.make(
        reported=_number(stated), expected=_number(expected), page=total.page, field=f"{label} ({kind})",
        parts=parts, evidence=total.name)


def stated_total_flags(rows: Sequence[tuple[Indicator, bool]]) -> list[Flag]:
    """rows: one table's rows in reading order, each with whether it is a total row. A total
    row not named as a sum or an average (a budget's money line) is passed over."""
    flags: list[Flag] = []
    above: list[Indicator] = []
    for row, is_total in rows:
        if not is_total:
            above.append(row)
            continue
        kind = total_kind(row.name)
        if kind is None:
            continue
        parts, above = above, []
        stated = _stated(row)
        if stated is None:
            continue
        attr, label, value = stated
        values = [getattr(p, attr) for p in parts]
        if len(values) < 2 or any(v is None for v in values):
            continue
        flag = _flag(row, kind, label, value, values)
        if flag is not None:
            flags.append(flag)
    return flags
