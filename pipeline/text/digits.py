"""Thai digits and numbers as documents write them: Thai digits to Arabic, the first number
in a text, amounts in baht scaled by their unit word, decimals as written."""
from __future__ import annotations

import re
from typing import Optional

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_HAS_THAI_DIGIT = re.compile(f"[{THAI_DIGITS}]")


def to_arabic_digits(text: str) -> str:
    """"ปี ๒๕๕๕" -> "ปี 2555": pythainlp's thai_digit_to_arabic_digit (a str.translate of the ten
    digits). Most text has no Thai digit: it is returned as it is, and pythainlp (slow to
    import) is imported only when one is met."""
    if not _HAS_THAI_DIGIT.search(text):
        return text
    from pythainlp.util import thai_digit_to_arabic_digit
    return thai_digit_to_arabic_digit(text)


_NUMBER = re.compile(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?|[-−]?\.\d+")


def find_number(text: Optional[str]) -> Optional[str]:
    """The first number written in text (Thai or Arabic digits), as written, or None."""
    if not text:
        return None
    m = _NUMBER.search(to_arabic_digits(text))
    return m.group(0) if m else None


def parse_number(text: Optional[str]) -> Optional[float]:
    """"๐.๓๕๐๐" -> 0.35; "ร้อยละ 92.5" -> 92.5; "798,390 บาท" -> 798390; "-" -> None."""
    written = find_number(text)
    if written is None:
        return None
    return float(written.replace(",", "").replace("−", "-"))


_MULTIPLIERS = (("ล้านล้าน", 1e12), ("ล้าน", 1e6), ("แสน", 1e5), ("หมื่น", 1e4), ("พัน", 1e3))


def parse_baht(text: Optional[str]) -> Optional[float]:
    """An amount of money in baht: "798,390 บาท" -> 798390; "1.5 ล้านบาท" -> 1500000;
    "๒๐ ล้านบาท" -> 20000000. The unit word right after the number scales it."""
    written = find_number(text)
    if written is None:
        return None
    value = float(written.replace(",", "").replace("−", "-"))
    arabic = to_arabic_digits(text or "")
    after = re.sub(r"\s+", "", arabic[arabic.index(written) + len(written):])
    for word, factor in _MULTIPLIERS:
        if after.startswith(word):
            return value * factor
    return value


def decimals_written(text: Optional[str]) -> int:
    """How many decimals the number in text was written with ("0.2000" -> 4)."""
    written = find_number(text)
    if not written or "." not in written:
        return 0
    return len(written.split(".", 1)[1])


def tolerance(written: Optional[str]) -> float:
    """Half a unit in the last decimal place written ("0.2000" -> 0.00005): how far a
    recomputed value may be from a printed one and still agree with it."""
    return 0.5 * 10 ** -decimals_written(written) + 1e-9
