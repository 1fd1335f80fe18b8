"""Thai dates, Buddhist-Era years and fiscal years (pipeline/text/dates.py)."""
import datetime as dt

import pytest

from thaikpi.pipeline import text as tt


@pytest.mark.parametrize("text,iso", [
    ("ลงวันที่ 13 พฤศจิกายน 2551 เรื่อง", "2008-11-13"),
    ("๒ พฤษภาคม ๒๕๕๕", "2012-05-02"),
    ("5 ส.ค. 52", "2009-08-05"),
    ("1 January 2011", None),
])
def test_whole_dates(text, iso):
    assert tt.parse_thai_date(text) == (dt.date.fromisoformat(iso) if iso else None)


def test_abbreviated_month_and_two_digit_year():
    assert tt.parse_thai_month("ต.ค. 49") == (2006, 10)


def test_the_kpr_agency_is_not_february():
    # ก.พ.ร. (the Public Sector Development Commission) is not the month ก.พ.
    assert tt.parse_thai_month("สำนักงาน ก.พ.ร. 52") is None
    assert tt.find_dates("หนังสือสำนักงาน ก.พ.ร. ที่ นร 1203/00435 ลงวันที่ 5 สิงหาคม 2552") == ["2009-08-05"]


def test_a_day_written_against_ordinal_ti_is_a_date():
    # "ลงวันที่15 ตุลาคม 2555": typed so, or OCR lost the space (the garbled-font sample's evidence)
    assert tt.find_dates("หนังสือ ที่ ชม 0017.2/ว 4512 ลงวันที่15 ตุลาคม 2555 เรื่อง") == ["2012-10-15"]
    assert tt.find_dates("คน15 ตุลาคม 2555") == []  # a day glued to another word is not one


def test_a_date_range_lends_its_year_to_its_first_date():
    assert tt.find_dates("เมื่อวันที่ ๑๓ มิถุนายน - ๒๔ กรกฎาคม ๒๕๕๕") == ["2012-06-13", "2012-07-24"]


def test_the_fiscal_year_a_text_names():
    assert tt.find_fiscal_year("ตัวชี้วัด ปีงบประมาณ พ.ศ. ๒๕๕๒") == 2552
    assert tt.find_fiscal_year("ปีงบประมาณ2555") == 2555
    assert tt.find_fiscal_year("ปีงบประมาณ 1999") is None
    assert tt.find_fiscal_year("ปี พ.ศ. 2552") is None


def test_years_be_and_ce():
    assert tt.year_to_ce(2554) == 2011
    assert tt.year_to_ce(49) == 2006
    assert tt.year_to_ce(2011) == 2011
