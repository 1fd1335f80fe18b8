"""The scorer's arithmetic (../shared/DOMAIN.md §3), rule by rule."""
import pytest

from thaikpi.pipeline.checks.score import interpolated_score, score_indicator, step_score, tolerance
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Criterion, Indicator, ScoreRow


def numeric(values):
    return [Criterion(level=i + 1, text=str(v), value=v) for i, v in enumerate(values)]


def row(weight, performance, score, weighted, label="x", is_total=False, perf_text=None):
    cells = [label, str(weight), perf_text or str(performance or ""), str(score), str(weighted)]
    return ScoreRow(label=label, is_total=is_total, weight=weight, performance_text=perf_text or (str(performance) if performance is not None else None),
                    performance_value=performance, score=score, weighted_score=weighted, cells=cells, page=1)


def test_interpolation_rising():
    assert interpolated_score([80, 85, 90, 95, 100], 92.5, 0) == pytest.approx(3.5)
    assert interpolated_score([80, 85, 90, 95, 100], 80, 0) == 1
    assert interpolated_score([80, 85, 90, 95, 100], 100, 0) == 5
    assert interpolated_score([80, 85, 90, 95, 100], 120, 0) == 5


def test_interpolation_falling():
    # days to finish a job: fewer is better
    assert interpolated_score([10, 9, 8, 7, 6], 7.5, 0) == pytest.approx(3.5)
    assert interpolated_score([10, 9, 8, 7, 6], 5, 0) == 5
    assert interpolated_score([10, 9, 8, 7, 6], 9.75, 0) == pytest.approx(1.25)


def test_short_of_level_one_follows_the_setting():
    assert interpolated_score([80, 85, 90, 95, 100], 70, 0) == 0
    assert interpolated_score([80, 85, 90, 95, 100], 70, 1) == 1
    with pytest.raises(ValueError):
        Settings(below_level1_score=2)


def test_step_criteria_reach_the_highest_level_whose_steps_are_done():
    steps = [Criterion(level=i, text=f"ขั้นตอนที่ {i}", value=i) for i in range(1, 6)]
    assert step_score(steps, 4, 0) == 4
    assert step_score(steps, 0, 0) == 0


def test_tolerance_is_half_a_unit_of_the_last_decimal_written():
    assert tolerance("0.2000") == pytest.approx(0.00005, abs=1e-8)
    assert tolerance("0.15") == pytest.approx(0.005, abs=1e-8)


def checks(indicator):
    _, flags = score_indicator(indicator, Settings())
    return sorted((f.check, f.reported, f.expected) for f in flags)


def test_weighted_score_mismatch():
    ind = Indicator(code="1", criteria=numeric([80, 85, 90, 95, 100]), criteria_kind="numeric",
                    score_rows=[row(5, 92.5, 3.5, 0.25)])
    assert checks(ind) == [("weighted_score_mismatch", 0.25, 0.175)]


def test_written_precision_absorbs_rounding():
    # 3 x 3.3333 / 100 = 0.099999: written 0.1000 is within half a unit of the fourth decimal
    ind = Indicator(code="1", score_rows=[row(3, None, 3.3333, 0.1)])
    ind.score_rows[0].cells[4] = "0.1000"
    assert checks(ind) == []


def test_score_vs_performance():
    ind = Indicator(code="1", criteria=numeric([80, 85, 90, 95, 100]), criteria_kind="numeric",
                    score_rows=[row(5, 92.5, 4.0, 0.2)])
    assert checks(ind) == [("score_vs_performance", 4.0, 3.5)]


def test_default_step_rule_without_criteria():
    ind = Indicator(code="1", score_rows=[row(4, 4, 5, 0.2, perf_text="ขั้นตอนที่ 4")])
    assert checks(ind) == [("score_vs_performance", 5, 4.0)]


def test_totals_and_weight_sums():
    parts = [row(2, None, 5, 0.1), row(2, None, 4, 0.08), row(1, None, 5, 0.05)]
    good = Indicator(code="1", score_rows=parts + [row(5, None, 4.6, 0.23, label="รวม", is_total=True)])
    assert checks(good) == []
    bad = Indicator(code="1", score_rows=parts + [row(6, None, 4.6, 0.25, label="รวม", is_total=True)])
    # weights 2 + 2 + 1 = 5, not 6; weighted 0.1 + 0.08 + 0.05 = 0.23, not 0.25; the total's
    # score 4.6 = 0.23 x 100 / 5 agrees with its parts, so it is not flagged.
    assert checks(bad) == [("total_mismatch", 0.25, 0.23), ("weight_sum_mismatch", 6.0, 5.0)]


def test_score_out_of_range():
    ind = Indicator(code="1", score_rows=[row(120, None, 7, 8.4)])
    assert [c for c, _, _ in checks(ind)] == ["score_out_of_range", "score_out_of_range"]


def test_recomputed_values_sit_beside_reported_ones():
    ind = Indicator(code="1", criteria=numeric([80, 85, 90, 95, 100]), criteria_kind="numeric",
                    score_rows=[row(5, 92.5, 4.0, 0.25)])
    scored, _ = score_indicator(ind, Settings())
    r = scored.score_rows[0]
    assert (r.score, r.score_recomputed, r.weighted_score, r.weighted_score_recomputed) == (4.0, 3.5, 0.25, 0.2)
