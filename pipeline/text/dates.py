"""Thai dates: month names and abbreviations, Buddhist-Era years (two or four digits) to
Common Era, whole dates and month-years found in text, a date range lending its year, the
fiscal year a text names."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from thaikpi.pipeline.text.digits import to_arabic_digits

THAI_MONTHS = {
    "มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6,
    "กรกฎาคม": 7, "สิงหาคม": 8, "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11, "ธันวาคม": 12,
}
THAI_MONTH_ABBREVIATIONS = {
    "ม.ค.": 1, "ก.พ.": 2, "มี.ค.": 3, "เม.ย.": 4, "พ.ค.": 5, "มิ.ย.": 6,
    "ก.ค.": 7, "ส.ค.": 8, "ก.ย.": 9, "ต.ค.": 10, "พ.ย.": 11, "ธ.ค.": 12,
}

_MONTH_ALT = "|".join(
    sorted((re.escape(m) for m in [*THAI_MONTHS, *THAI_MONTH_ABBREVIATIONS]), key=len, reverse=True)
)
# An abbreviation must be followed by a space and a year or end; "ก.พ.ร." (an agency) is not
# February, hence the look-behind on the preceding character and the look-ahead after. A day
# follows no letter but ที่ ("ลงวันที่15 ตุลาคม 2555": typed, or OCR lost the space).
_DATE = re.compile(
    rf"(?:(?<=ที่)|(?<![\u0e01-\u0e4e.\d]))(?:(?P<day>\d{{1,2}})\s*)?(?P<month>{_MONTH_ALT})(?![\u0e01-\u0e4e.])"
    rf"(?:\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<year>\d{{4}}|\d{{2}})(?!\d))?"
)


def year_to_ce(year: int) -> Optional[int]:
    """A year as written -> Common Era. Two digits are BE 25xx; four digits over 2400 are BE."""
    if year < 100:
        year += 2500
    if 2400 <= year <= 2700:
        return year - 543
    if 1900 <= year <= 2200:
        return year
    return None


def be_to_ce(year_be: int) -> int:
    return year_be - 543


def _month_number(name: str) -> int:
    return THAI_MONTHS.get(name) or THAI_MONTH_ABBREVIATIONS[name]


def parse_thai_date(text: str) -> Optional[dt.date]:
    """"13 พฤศจิกายน 2551" -> 2008-11-13; "๒ พฤษภาคม ๒๕๕๕" -> 2012-05-02. Whole dates only."""
    for found in find_dates(text):
        return dt.date.fromisoformat(found)
    return None


def parse_thai_month(text: str) -> Optional[tuple[int, int]]:
    """"ต.ค. 49" -> (2006, 10): a month and year, Common Era."""
    m = _DATE.search(to_arabic_digits(text))
    if not m or not m.group("year"):
        return None
    year = year_to_ce(int(m.group("year")))
    return (year, _month_number(m.group("month"))) if year else None


def find_dates(text: str) -> list[str]:
    """Every whole date (day, month, year) in text, ISO, Common Era, in order.

    In a range "13 มิถุนายน - 24 กรกฎาคม 2555" the first date takes the year of the second.
    """
    text = to_arabic_digits(text)
    matches = list(_DATE.finditer(text))
    found: list[str] = []
    for i, m in enumerate(matches):
        if not m.group("day"):
            continue
        year_text = m.group("year")
        if not year_text and i + 1 < len(matches):
            between = text[m.end():matches[i + 1].start()]
            if re.fullmatch(r"\s*[-–ถึง]+\s*", between):
                year_text = matches[i + 1].group("year")
        if not year_text:
            continue
        year = year_to_ce(int(year_text))
        if year is None:
            continue
        try:
            day = dt.date(year, _month_number(m.group("month")), int(m.group("day")))
        except ValueError:
            continue
        found.append(day.isoformat())
    return found


_FISCAL_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\s*\.\s*ศ\s*\.)?\s*(\d{4})")


# A budget's year is not the document's: "พระราชบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2552"
# names a budget act (a law) whose year the text speaks of.
BUDGET_OF_YEAR = "รายจ่าย"
_BUDGET_OF_YEAR_REACH = 12  # characters before the label
# After a year: another year (a table's year columns) or a range ("2563 - 2565").
_MORE_YEARS = re.compile(r"\s*(?:[-–—,]|ถึง)\s*(?:พ\s*\.\s*ศ\s*\.)?\s*\d{4}")


def find_fiscal_year(text: str) -> Optional[int]:
    """"ปีงบประมาณ พ.ศ. ๒๕๕๒" -> 2552: the first fiscal year the text names, Buddhist Era, or
    None (a year outside 2400-2700 is no Buddhist-Era year). A budget act's year and a list
    or range of years are not a document's fiscal year."""
    arabic = to_arabic_digits(text)
    for m in _FISCAL_YEAR.finditer(arabic):
        year = int(m.group(1))
        if not 2400 <= year <= 2700 or _MORE_YEARS.match(arabic, m.end()):
            continue
        if BUDGET_OF_YEAR in arabic[max(0, m.start() - _BUDGET_OF_YEAR_REACH):m.start()]:
            continue
        return year
    return None
