"""The checks of general indicator records (pipeline/checks/indicators.py), on hand-built
documents: a flag where the numbers disagree, none where they agree, none where one is missing."""
import pytest

from thaikpi.pipeline.checks.indicators import check_indicators
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Document, Indicator


def flags(*indicators, kind="indicator_table"):
    doc = Document(source="x.pdf", doc_id="sha256:0", kind=kind, indicators=list(indicators))
    return check_indicators(doc, Settings()).flags


def record(**fields) -> Indicator:
    return Indicator(**{"code": "1", "name": "ผู้ใช้บริการมีความพึงพอใจ", "page": 2, **fields})


# --- achievement_mismatch ---------------------------------------------------------------

def test_achieved_reported_but_the_result_is_short_of_the_target():
    [flag] = flags(record(target_text="ร้อยละ 80", target_value=80, result_text="ร้อยละ 79.75",
                          result_value=79.75, achieved=True))
    assert (flag.check, flag.reported, flag.expected, flag.page, flag.indicator_code) == \
        ("achievement_mismatch", "achieved", "not achieved", 2, "1")
    assert flag.message == "achieved reported, but result 79.75 against target >= 80 is not achieved"


def test_not_achieved_reported_but_the_result_meets_the_target():
    [flag] = flags(record(target_value=200, result_value=256, achieved=False))
    assert (flag.reported, flag.expected) == ("not achieved", "achieved")


def test_a_ceiling_target_is_met_by_a_result_below_it():
    ceiling = dict(target_text="ไม่เกิน 15 ต่อการเกิดมีชีพแสนคน", target_value=15, result_value=11.83)
    assert flags(record(**ceiling, achieved=True)) == []
    [flag] = flags(record(**ceiling, achieved=False))
    assert flag.message == "not achieved reported, but result 11.83 against target <= 15 is achieved"
    assert flags(record(target_value=15, target_comparator="<=", result_value=16, achieved=True))[0].expected == \
        "not achieved"


def test_achievement_that_agrees_is_no_flag():
    assert flags(record(target_value=80, result_value=86.37, achieved=True),
                 record(target_value=80, result_value=80, achieved=True),
                 record(target_value=80, result_value=79, achieved=False)) == []


@pytest.mark.parametrize("missing", ["target_value", "result_value", "achieved"])
def test_achievement_with_a_value_missing_is_no_flag(missing):
    values = dict(target_value=80, result_value=50, achieved=True)
    values[missing] = None
    assert flags(record(**values)) == []


def test_achievement_in_different_units_is_no_flag():
    assert flags(record(target_text="ร้อยละ 80", target_value=80, result_text="50 คน", result_value=50,
                        achieved=True)) == []


# --- weight_sum_mismatch ----------------------------------------------------------------

def test_weights_of_a_list_that_do_not_add_up_to_100():
    [flag] = flags(record(code="1", weight=40), record(code="2", weight=30), record(code="3", weight=20))
    assert (flag.check, flag.reported, flag.expected, flag.page) == ("weight_sum_mismatch", 100, 90, 2)
    assert flag.evidence == "1 (40) + 2 (30) + 3 (20)"
    [flag] = flags(*[record(code=str(n), weight=33) for n in range(3)])  # whole numbers are exact
    assert flag.expected == 99


def test_weights_that_add_up_to_100_are_no_flag():
    assert flags(record(weight=40), record(weight=30), record(weight=30)) == []
    assert flags(*[record(code=str(n), weight=33.33) for n in range(3)]) == []  # 99.99: each rounded


def test_groups_weighted_out_of_100_each():
    group_a = [record(code="1.1", group="A", weight=60), record(code="1.2", group="A", weight=40)]
    group_b = [record(code="2.1", group="B", weight=50, page=3), record(code="2.2", group="B", weight=30, page=3)]
    [flag] = flags(*group_a, *group_b)
    assert (flag.reported, flag.expected, flag.page) == (100, 80, 3)
    assert "group B" in flag.message


def test_weights_with_one_missing_are_no_flag():
    assert flags(record(weight=40), record(weight=30), record(weight=None)) == []


def test_a_frameworks_weights_are_left_to_its_own_checks():
    assert flags(record(weight=40), record(weight=30), kind="framework") == []


# --- total_mismatch ---------------------------------------------------------------------
# Total rows are not records: the extractor checks them as it reads them
# (extractors/indicator_totals.py), on a table's rows in reading order.

def totals(*rows):
    from thaikpi.extractors.indicator_totals import stated_total_flags, total_kind
    return stated_total_flags([(r, total_kind(r.name) is not None) for r in rows])


def test_a_total_row_that_is_not_the_sum_of_the_rows_above():
    rows = [record(name="ผู้เข้าอบรม ครั้งที่ 1", table=1, result_value=60),
            record(name="ผู้เข้าอบรม ครั้งที่ 2", table=1, result_value=45),
            record(code=None, name="รวม", table=1, result_value=115, result_text="115", page=3)]
    [flag] = totals(*rows)
    assert (flag.check, flag.reported, flag.expected, flag.page) == ("total_mismatch", 115, 105, 3)


def test_an_average_row_within_its_printed_decimals_is_no_flag():
    rows = [record(name="ด้านที่ 1", table=1, result_value=4.51), record(name="ด้านที่ 2", table=1, result_value=4.20),
            record(name="ด้านที่ 3", table=1, result_value=4.00)]
    assert totals(*rows, record(code=None, name="ค่าเฉลี่ย", table=1, result_value=4.24, result_text="4.24")) == []
    [flag] = totals(*rows, record(code=None, name="ค่าเฉลี่ย", table=1, result_value=4.34, result_text="4.34"))
    assert (flag.reported, flag.expected) == (4.34, 4.2367)


def test_a_total_with_a_part_missing_is_no_flag():
    rows = [record(name="ก", table=1, result_value=60), record(name="ข", table=1, result_value=None),
            record(code=None, name="รวม", table=1, result_value=115)]
    assert totals(*rows) == []


def test_a_total_row_among_records_is_not_checked_twice():
    # the checks stage leaves total rows to the extractor: one flag, not two
    rows = [record(name="ก", table=1, result_value=60), record(name="ข", table=1, result_value=45),
            record(code=None, name="รวม", table=1, result_value=115, result_text="115")]
    assert [f.check for f in flags(*rows)] == []


# --- percentage_mismatch ----------------------------------------------------------------

def test_a_percentage_that_is_not_its_numerator_over_its_denominator():
    [flag] = flags(record(unit="ร้อยละ", result_text="ร้อยละ 86.50 (171/200)", result_value=86.5))
    assert (flag.check, flag.reported, flag.expected, flag.page) == ("percentage_mismatch", 86.5, 85.5, 2)
    assert flag.message == "result 86.5 per cent reported, but 171 / 200 x 100 = 85.5"


def test_a_percentage_within_half_a_unit_of_its_last_decimal_is_no_flag():
    assert flags(record(result_text="ร้อยละ 66.67 (๒ คน จาก ๓ คน)", result_value=66.67)) == []
    assert flags(record(result_text="67% (2 จากทั้งหมด 3)", result_value=67)) == []
    [flag] = flags(record(result_text="ร้อยละ 66.6 (2 คน จาก 3 คน)", result_value=66.6))
    assert flag.expected == 66.6667


def test_a_percentage_without_its_parts_or_with_a_year_is_no_flag():
    assert flags(record(unit="ร้อยละ", result_text="ร้อยละ 86.50", result_value=86.5)) == []
    assert flags(record(unit="ร้อยละ", result_text="ร้อยละ 80 (ประชุมครั้งที่ 1/2554)", result_value=80)) == []
    assert flags(record(unit="ร้อยละ", result_text="ร้อยละ 80 (171/200)", result_value=None)) == []


def _levels(result, score):
    from thaikpi.schemas.document import Criterion
    return Indicator(code="1.1", name="ร้อยละของผู้รับบริการที่พึงพอใจ", page=2, result_value=result, score=score,
                     criteria=[Criterion(level=n, text=str(t), value=t) for n, t in enumerate((80, 85, 90, 95, 100), 1)],
                     criteria_kind="numeric")


def test_a_score_against_its_level_thresholds_is_flagged_when_it_differs():
    found = flags(_levels(92.5, 5))
    assert [(f.check, f.reported, f.expected, f.page) for f in found] == [("score_vs_performance", "5", "3.5", 2)]


def test_a_score_that_its_level_thresholds_give_is_not_flagged():
    assert flags(_levels(92.5, 3.5)) == [] and flags(_levels(100, 5)) == []


def test_no_level_flag_without_a_result():
    assert flags(_levels(None, 4)) == []
