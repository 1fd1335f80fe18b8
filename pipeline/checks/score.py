"""Stage: recompute every score row and flag each disagreement (../shared/DOMAIN.md §3).

Reported values are never overwritten: recomputed ones sit beside them. Each check compares
one reported number with what the others imply, within half a unit of the last decimal the
report wrote, so one planted error gives one flag:
  - weighted_score_mismatch: weighted score vs weight x reported score / 100;
  - score_vs_performance: reported score vs the score the criteria give the performance;
  - total_mismatch / weight_sum_mismatch: a total row vs the sum of the rows above it;
  - score_out_of_range: a score outside 0-5, a weight outside 0-100.
"""
from __future__ import annotations

from typing import Optional, Sequence

from thaikpi.extractors import labels
from thaikpi.pipeline.text import tolerance
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Criterion, Document, Indicator, ScoreRow
from thaikpi.schemas.flags import (
    Flag, Locator, ScoreOutOfRange, ScoreVsPerformance, TotalMismatch, WeightedScoreMismatch,
    WeightSumMismatch,
)

PRECISION = 4  # scores are written with four decimals; recomputed values are rounded so


def step_score(criteria: Sequence[Criterion], steps_done: float, below_level1: float) -> Optional[float]:
    """Step criteria: the highest level whose steps are all done."""
    reached = [c.level for c in criteria if c.value is not None and steps_done >= c.value]
    return float(max(reached)) if reached else below_level1


def interpolated_score(thresholds: Sequence[float], x: float, below_level1: float) -> Optional[float]:
    """Numeric criteria T1..T5 (rising or falling): L + (x - T_L) / (T_{L+1} - T_L)."""
    if len(thresholds) != 5 or thresholds[0] == thresholds[4]:
        return None
    rising = thresholds[4] > thresholds[0]

    def reached(t: float) -> bool:
        return x >= t if rising else x <= t

    if reached(thresholds[4]):
        return 5.0
    if not reached(thresholds[0]):
        return below_level1
    for level in range(1, 5):
        low, high = thresholds[level - 1], thresholds[level]
        if reached(low) and not reached(high):
            return level + (x - low) / (high - low)
    return None


# Without a criteria table, a performance written as "ขั้นตอนที่ N" follows the step rule:
# level N is reached when steps 1..N are done (../shared/DOMAIN.md §3).
DEFAULT_STEP_CRITERIA = tuple(Criterion(level=n, text=f"ขั้นตอนที่ {n}", value=n) for n in range(1, 6))


def expected_score(indicator: Indicator, row: ScoreRow, settings: Settings) -> Optional[float]:
    if row.performance_value is None:
        return None
    if not indicator.criteria:
        if row.performance_text and any(w in row.performance_text for w in labels.STEP_WORDS):
            return step_score(DEFAULT_STEP_CRITERIA, row.performance_value, settings.below_level1_score)
        return None
    if indicator.criteria_kind == "step":
        return step_score(indicator.criteria, row.performance_value, settings.below_level1_score)
    by_level = {c.level: c.value for c in indicator.criteria}
    if sorted(by_level) != [1, 2, 3, 4, 5] or any(v is None for v in by_level.values()):
        return None
    return interpolated_score([by_level[lvl] for lvl in range(1, 6)], row.performance_value,
                              settings.below_level1_score)


def _evidence(row: ScoreRow) -> str:
    return " | ".join(row.cells)


def _where(indicator: Indicator, row: ScoreRow, at: Locator) -> dict:
    """A score row's flags point at it: its page, its indicator, its index in score_rows."""
    locator = at.model_copy(update={"page": row.page, "indicator_code": indicator.code, "table": "score_rows"})
    return dict(locator=locator, evidence=_evidence(row))


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, PRECISION)


def _differs(reported: float, expected: float, written: Optional[str]) -> bool:
    return abs(reported - expected) > tolerance(written)


def score_row(indicator: Indicator, row: ScoreRow, settings: Settings,
              at: Locator = Locator()) -> tuple[ScoreRow, list[Flag]]:
    """`at`: the row's place (its indicator's index, its own index in score_rows)."""
    flags: list[Flag] = []
    where = _where(indicator, row, at)
    score_text, weighted_text = row.cells[3], row.cells[4]
    if row.score is not None and not 0 <= row.score <= 5:
        flags.append(ScoreOutOfRange.make(reported=row.score, field="score", low=0, high=5, **where))
    if row.weight is not None and not 0 <= row.weight <= 100:
        flags.append(ScoreOutOfRange.make(reported=row.weight, field="weight", low=0, high=100, **where))

    recomputed_score = _round(expected_score(indicator, row, settings))
    if row.score is not None and recomputed_score is not None and _differs(row.score, recomputed_score, score_text):
        flags.append(ScoreVsPerformance.make(
            reported=row.score, expected=recomputed_score, performance=row.performance_text,
            criteria_kind=indicator.criteria_kind or "default step",
            criteria=", ".join(f"{c.level}: {c.text}" for c in indicator.criteria), **where))

    recomputed_weighted = None
    if row.weight is not None and row.score is not None:
        recomputed_weighted = _round(row.weight * row.score / 100)
        if row.weighted_score is not None and _differs(row.weighted_score, recomputed_weighted, weighted_text):
            flags.append(WeightedScoreMismatch.make(
                reported=row.weighted_score, expected=recomputed_weighted, weight=row.weight,
                score=row.score, **where))
    return row.model_copy(update={"score_recomputed": recomputed_score,
                                  "weighted_score_recomputed": recomputed_weighted}), flags


def score_total(indicator: Indicator, total: ScoreRow, parts: list[ScoreRow],
                at: Locator = Locator()) -> tuple[ScoreRow, list[Flag]]:
    """A total row against the rows above it: weights add up, weighted scores add up, and its
    score is the parts' weighted scores over their weight."""
    flags: list[Flag] = []
    where = _where(indicator, total, at)
    weights = [p.weight for p in parts if p.weight is not None]
    weighted = [p.weighted_score for p in parts if p.weighted_score is not None]
    weight_sum = _round(sum(weights)) if weights else None
    weighted_sum = _round(sum(weighted)) if weighted else None
    if total.weight is not None and weight_sum is not None and _differs(total.weight, weight_sum, total.cells[1]):
        flags.append(WeightSumMismatch.make(reported=total.weight, expected=weight_sum, whole="the total row",
                                                parts="the rows above", **where))
    if total.weighted_score is not None and weighted_sum is not None and _differs(
            total.weighted_score, weighted_sum, total.cells[4]):
        flags.append(TotalMismatch.make(reported=total.weighted_score, expected=weighted_sum,
                                        field="weighted score", parts="the rows above", **where))
    score = None
    if weight_sum and weighted_sum is not None:
        score = _round(weighted_sum * 100 / weight_sum)
        if total.score is not None and _differs(total.score, score, total.cells[3]):
            flags.append(TotalMismatch.make(reported=total.score, expected=score, field="score",
                                            parts="the rows' weighted scores over their weight", **where))
    return total.model_copy(update={"score_recomputed": score,
                                    "weighted_score_recomputed": weighted_sum}), flags


def score_indicator(indicator: Indicator, settings: Settings,
                    index: Optional[int] = None) -> tuple[Indicator, list[Flag]]:
    """`index`: the indicator's place in its document's indicators, for the flags' locators."""
    rows: list[ScoreRow] = []
    flags: list[Flag] = []
    parts: list[ScoreRow] = []
    for r, row in enumerate(indicator.score_rows):
        at = Locator(indicator=index, row=r)
        if row.is_total:
            row, found = score_total(indicator, row, parts, at)
            parts = []
        else:
            row, found = score_row(indicator, row, settings, at)
            parts.append(row)
        rows.append(row)
        flags.extend(found)
    return indicator.model_copy(update={"score_rows": rows}), flags


def score(doc: Document, settings: Settings) -> Document:
    indicators, flags = [], list(doc.flags)
    for i, indicator in enumerate(doc.indicators):
        indicator, found = score_indicator(indicator, settings, index=i)
        indicators.append(indicator)
        flags.extend(found)
    return doc.model_copy(update={"indicators": indicators, "flags": flags})
