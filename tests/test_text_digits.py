"""Thai digits and numbers as documents write them (pipeline/text/digits.py)."""
import pytest

from thaikpi.pipeline import text as tt


def test_thai_digits_become_arabic():
    assert tt.to_arabic_digits("๐.๓๕๐๐ ๔.๔ ๒๕๕๕") == "0.3500 4.4 2555"


@pytest.mark.parametrize("text,value,decimals", [
    ("๐.๓๕๐๐", 0.35, 4), ("ร้อยละ 92.5", 92.5, 1), ("798,390 บาท", 798390.0, 0), ("-", None, 0),
    ("ขั้นตอนที่ ๕", 5.0, 0),
])
def test_numbers(text, value, decimals):
    assert tt.parse_number(text) == value
    assert tt.decimals_written(text) == decimals


@pytest.mark.parametrize("text,baht", [
    ("798,390 บาท", 798390.0), ("1.5 ล้านบาท", 1_500_000.0), ("๒๐ ล้านบาท", 20_000_000.0),
    ("วงเงิน 5,000 ล้านบาท", 5_000_000_000.0), ("3 แสนบาท", 300_000.0), ("-", None),
])
def test_amounts_in_baht_scale_by_their_unit_word(text, baht):
    assert tt.parse_baht(text) == baht
