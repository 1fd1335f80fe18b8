"""One cell of an indicator table -> its value, unit, comparator and achievement, as printed.

"ร้อยละ 80" -> (80, ร้อยละ); "200 คน" -> (200, คน); "ไม่เกิน 15 ต่อการเกิดมีชีพแสนคน" ->
(15, ต่อการเกิดมีชีพแสนคน, "<="); "80\\n( 856,030 )" -> 80 and, in brackets on the next line,
the result 856030; "ไม่ผ่านได้ร้อยละ 77.27" -> 77.27, not achieved. Pure functions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from thaikpi.extractors import labels_indicators as L
from thaikpi.extractors.indicator_header import fast_key
from thaikpi.pipeline.text import to_arabic_digits

_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")
_BRACKETED = re.compile(r"^\s*\(\s*([^()]*?)\s*\)\s*\*?\s*$")
_EMPTY = {"", "-", "–", "—", "n/a", "N/A"}
# A rate's unit ("ต่อ..."), up to a bracket or a following "ใน ..." (ในปีงบประมาณ 2559).
_RATE = re.compile(r"ต่อ(?=[\u0e01-\u0e2e])[^()\[\];]*?(?=\s+ใน|\s*[()\[\];]|$)")
_UNIT_STOP = re.compile(r"[()\[\]:;,]|\s{2,}")


@dataclass(frozen=True)
class Value:
    text: Optional[str] = None
    value: Optional[float] = None
    unit: Optional[str] = None
    comparator: Optional[str] = None


def key(text: str) -> str:
    return fast_key(text or "")


def _norm(text: str) -> str:
    return re.sub(r"[ \t]+", " ", to_arabic_digits(text or "")).strip()


def split_bracketed(cell: str) -> tuple[str, Optional[str]]:
    """A budget book's value and, on a later line in brackets, its result: "80\\n( 80 )"."""
    lines = [l for l in (cell or "").split("\n") if l.strip()]
    main, bracketed = [], None
    for line in lines:
        m = _BRACKETED.match(line)
        if m and main:
            bracketed = m.group(1)
        else:
            main.append(line)
    return " ".join(main), bracketed


def achieved_in(text: str) -> Optional[bool]:
    k = key(text)
    for word, flag in L.ACHIEVED_WORDS:
        if fast_key(word) in k:
            return flag
    return None


def comparator_in(text: str) -> Optional[str]:
    k = key(text)
    for word, op in L.COMPARATOR_WORDS:
        if fast_key(word) in k:
            return op
    return None


def parse_number(text: str) -> Optional[float]:
    m = _NUMBER.search(to_arabic_digits(text or ""))
    return float(m.group(0).replace(",", "")) if m else None


def parse_value(cell: Optional[str]) -> Value:
    """A cell's first number with its unit (before it for ร้อยละ/ระดับ, else the words after
    it) and the comparator printed before it."""
    text = _norm((cell or "").replace("\n", " "))
    if text in _EMPTY:
        return Value(text=text or None)
    m = _NUMBER.search(text)
    if not m:
        return Value(text=text)
    value = float(m.group(0).replace(",", ""))
    before, after = text[:m.start()], text[m.end():]
    unit = None
    for word in L.UNITS_BEFORE:
        if key(before).endswith(fast_key(word)):
            unit = word
            break
    if unit is None:
        unit = _unit_after(after)
    return Value(text=text, value=value, unit=unit, comparator=comparator_in(before))


def _unit_after(after: str) -> Optional[str]:
    """The words after a number, up to punctuation or another number: "คน", "ต่อประชากรแสนคน"."""
    rate = _RATE.match(after.strip())
    if rate:  # "ต่อประชากรหญิงอายุ 15-19 ปี 1,000 คน": a rate's unit runs on, numbers and all
        return re.sub(r"\s+", " ", rate.group(0)).strip()
    words = _UNIT_STOP.split(after.strip(), maxsplit=1)[0].strip()
    words = _NUMBER.split(words)[0].strip().split(" ")[0]
    if not words or len(words) > 40 or not re.search(r"[\u0e01-\u0e2e A-Za-z/%]", words):
        return None
    if words.startswith("%"):
        return "ร้อยละ"
    return words


def first_with_unit(text: str, unit: Optional[str]) -> Optional[float]:
    """In prose ("อบรมแล้ว ... จำนวน 91 คน"), the first number printed with this unit."""
    if not text or not unit:
        return None
    plain = _norm(text.replace("\n", " "))
    for m in _NUMBER.finditer(plain):
        after = plain[m.end():].lstrip()
        before = plain[:m.start()].rstrip()
        if after.startswith(unit) or (unit in L.UNITS_BEFORE and before.endswith(unit)):
            return float(m.group(0).replace(",", ""))
    return None
