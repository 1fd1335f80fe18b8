"""Stage: the general indicator records (kind indicator_table and any record that states a
target, a result, a weight) against themselves. Takes a document, returns it with flags added;
nothing is corrected. Each check needs every value it compares: a missing one is no flag.

- achievement_mismatch: achieved (or not) as reported against result vs target, by the
  target's comparator (">=" unless the target is a ceiling: "ไม่เกิน", decreasing), where the
  target and the result are in the same unit;
- weight_sum_mismatch: the weights of a list of indicators do not add up to 100 (nor, where
  the list is in groups weighted out of 100 each, a group's);
(Total and average rows are no records: the extractor checks them as it reads them,
extractors/indicator_totals.py, total_mismatch.)
- percentage_mismatch: a percentage result given with its parts ("85.5 (171/200)") against
  numerator / denominator x 100.
Numbers compare within half a unit of the last decimal printed (checks/score.py).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

from thaikpi.pipeline.checks import labels_indicators as words
from thaikpi.pipeline.checks.score import interpolated_score
from thaikpi.pipeline.settings import Settings
from thaikpi.pipeline.text import match_key, to_arabic_digits, tolerance
from thaikpi.schemas.document import Document, Indicator
from thaikpi.schemas.flags import (
    AchievementMismatch, Flag, PercentageMismatch, ScoreVsPerformance, WeightSumMismatch,
)

WHOLE = 100.0
EXACT = 1e-9
# The checks of sums.py read a framework's weights by dimension: not again here.
OWN_WEIGHT_CHECKS = frozenset({"framework"})
BE_YEARS = range(2400, 2701)  # "1/2554" is a number and a year, not a fraction

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NUM = r"(\d[\d,]*(?:\.\d+)?)"
_FRACTION = re.compile(rf"{_NUM}\s*(?:[ก-๙]{{1,10}}\s*)??(/|{'|'.join(words.FRACTION_WORDS)})\s*{_NUM}")
_AT_MOST = tuple(match_key(w) for w in words.AT_MOST)
_COMPARATOR_KEYS = sorted((match_key(w) for w in words.COMPARATOR_WORDS), key=len, reverse=True)


def _number(value: float):
    return int(value) if float(value).is_integer() else round(value, 4)


def _float(written: str) -> float:
    return float(written.replace(",", ""))


def unit_of(text: Optional[str]) -> Optional[str]:
    """The unit a value's text names ("ร้อยละ 80" -> ร้อยละ, "200 คน" -> คน), or None."""
    key = match_key(text or "")
    for comparator in _COMPARATOR_KEYS:
        key = key.replace(comparator, "")
    key = re.sub(r"[\d.,:()\-–]+", "", key)
    for alias, unit in words.UNIT_ALIASES.items():
        key = key.replace(alias, unit)
    return key or None


def comparator_of(ind: Indicator) -> str:
    if ind.target_comparator:
        return ind.target_comparator
    return "<=" if any(w in match_key(ind.target_text or "") for w in _AT_MOST) else ">="


def meets(result: float, comparator: str, target: float) -> bool:
    return {">=": result >= target - EXACT, "<=": result <= target + EXACT, "=": abs(result - target) <= EXACT,
            ">": result > target + EXACT, "<": result < target - EXACT}[comparator]


def _units_agree(ind: Indicator) -> bool:
    target, result = unit_of(ind.target_text), unit_of(ind.result_text)
    return target is None or result is None or target == result


def _said(achieved: bool) -> str:
    return "achieved" if achieved else "not achieved"


def achievement_flags(indicators: list[Indicator]) -> list[Flag]:
    flags = []
    for ind in indicators:
        if None in (ind.target_value, ind.result_value, ind.achieved) or not _units_agree(ind):
            continue
        comparator = comparator_of(ind)
        met = meets(ind.result_value, comparator, ind.target_value)
        if met != ind.achieved:
            flags.append(AchievementMismatch.make(
                reported=_said(ind.achieved), expected=_said(met), indicator_code=ind.code, page=ind.page,
                result=_number(ind.result_value), comparator=comparator, target=_number(ind.target_value),
                evidence=f"{ind.name or ''}: {ind.target_text or ''} / {ind.result_text or ''}".strip()))
    return flags


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".", 1)[1])


def _sum_off(weights: list[float]) -> tuple[float, bool]:
    """The sum, and whether it is off 100 by more than its parts' rounding (weights written with
    decimals are rounded: 33.33 x 3; whole numbers are exact)."""
    total = sum(weights)
    decimals = max(_decimals(w) for w in weights)
    slack = (len(weights) * 0.5 * 10 ** -decimals if decimals else 0) + EXACT
    return total, abs(total - WHOLE) > slack


def weight_flags(indicators: list[Indicator]) -> list[Flag]:
    weighted = [i for i in indicators if i.weight is not None]
    if len(weighted) < 2 or len(weighted) != len(indicators):
        return []
    total, off = _sum_off([i.weight for i in weighted])
    if not off:
        return []
    groups: dict[str, list[Indicator]] = defaultdict(list)
    for ind in weighted:
        groups[ind.group or ""].append(ind)
    sums = {g: _sum_off([i.weight for i in members]) for g, members in groups.items()}
    if len(groups) >= 2 and any(not off for _, off in sums.values()):  # each group weighted out of 100
        return [WeightSumMismatch.make(
            reported=_number(WHOLE), expected=_number(total), whole=f"group {g}", parts="its indicators' weights",
            page=groups[g][0].page, evidence=" + ".join(f"{i.code or i.name} ({_number(i.weight)})" for i in groups[g]))
            for g, (total, off) in sums.items() if off]
    return [WeightSumMismatch.make(
        reported=_number(WHOLE), expected=_number(total), whole="the list of indicators",
        parts="its indicators' weights", page=weighted[0].page,
        evidence=" + ".join(f"{i.code or i.name} ({_number(i.weight)})" for i in weighted))]


def _is_percentage(ind: Indicator) -> bool:
    return words.PERCENT_UNIT in (ind.unit or "") + match_key(ind.result_text or "") or "%" in (ind.result_text or "")


def _printed(value: float, text: str) -> str:
    """The result as printed in its text (for its decimals), else as the number it is."""
    for written in _NUMBER.findall(text):
        if abs(_float(written) - value) <= EXACT:
            return written
    return repr(float(value)).removesuffix(".0")


def percentage_flags(indicators: list[Indicator]) -> list[Flag]:
    flags = []
    for ind in indicators:
        if ind.result_value is None or not ind.result_text or not _is_percentage(ind):
            continue
        text = to_arabic_digits(ind.result_text)
        m = _FRACTION.search(text)
        if not m:
            continue
        numerator, denominator = _float(m.group(1)), _float(m.group(3))
        if denominator == 0 or (m.group(2) == "/" and denominator in BE_YEARS):
            continue
        expected = numerator / denominator * 100
        if abs(expected - ind.result_value) > tolerance(_printed(ind.result_value, text)):
            flags.append(PercentageMismatch.make(
                reported=_number(ind.result_value), expected=_number(expected), indicator_code=ind.code,
                page=ind.page, numerator=m.group(1), denominator=m.group(3), evidence=ind.result_text))
    return flags


def level_flags(indicators: list[Indicator], settings: Settings) -> list[Flag]:
    """A reported score against the score its row's level thresholds give its result (levels
    1-5 as numbers: "80 | 85 | 90 | 95 | 100"), interpolated as the KPI reports' scorer does."""
    flags = []
    for ind in indicators:
        if ind.criteria_kind != "numeric" or ind.score is None or ind.result_value is None:
            continue
        expected = interpolated_score([c.value for c in ind.criteria], ind.result_value, settings.below_level1_score)
        if expected is None or abs(expected - ind.score) <= tolerance(str(_number(ind.score))):
            continue
        flags.append(ScoreVsPerformance.make(
            reported=str(_number(ind.score)), expected=str(_number(round(expected, 2))), indicator_code=ind.code,
            page=ind.page, performance=_number(ind.result_value), criteria_kind="numeric",
            criteria=" / ".join(str(_number(c.value)) for c in ind.criteria),
            evidence=f"{ind.name or ''}: {ind.result_text or ''}".strip()))
    return flags


def check_indicators(doc: Document, settings: Settings) -> Document:
    flags = list(doc.flags)
    flags += achievement_flags(doc.indicators)
    # A list whose weights the extractor compared with the document's own total row is not
    # compared with 100 again (extractors/indicator_totals.py).
    if doc.kind not in OWN_WEIGHT_CHECKS and not any(f.check == WeightSumMismatch.code for f in doc.flags):
        flags += weight_flags(doc.indicators)
    flags += percentage_flags(doc.indicators)
    flags += level_flags(doc.indicators, settings)
    return doc.model_copy(update={"flags": flags})
