"""An M&E report's budget: the amount received (งบประมาณที่ได้รับ, ได้รับจัดสรร) and the amount
disbursed (เบิกจ่าย), in baht (ล้านบาท multiplied out), wherever the report puts them: after
their label in a sentence, in the next cell of a table row, on the line after the label, or
in the row under a row of labels (issue 23). Labels are data (labels.BUDGET_LABELS)."""
from __future__ import annotations

import re
from typing import Optional

from thaikpi.extractors import labels
from thaikpi.pipeline.text import parse_baht, to_arabic_digits

Paragraph = tuple[str, int]  # (text, page)

_NUMBER = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_AMOUNT = re.compile(_NUMBER + r"\s*(ล้านบาท|บาท)(?![\u0e01-\u0e4e])")
# A label that gives the unit of the number after it: "งบประมาณที่ได้รับ (ล้านบาท)" | "2.5".
_UNIT_IN_LABEL = re.compile(r"\(\s*(ล้านบาท|บาท)\s*\)")
_BARE = re.compile(_NUMBER + r"(?!\s*[\u0e01-\u0e4e%])")


def _labels_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of each budget label in the text, the first of each field, in order."""
    found: dict[str, tuple[int, int]] = {}
    for field, words in labels.BUDGET_LABELS.items():
        for word in words:
            at = text.find(word)
            if at >= 0 and (field not in found or at < found[field][0]):
                found[field] = (at, at + len(word))
    spans = sorted((start, end, field) for field, (start, end) in found.items())
    # "งบประมาณที่ได้รับจัดสรร" holds two words of one field; a span inside another is dropped
    return [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in spans)]


def _amount(segment: str) -> Optional[float]:
    m = _AMOUNT.search(segment)
    if m:
        return parse_baht(m.group(0))
    unit = _UNIT_IN_LABEL.search(segment)
    if unit and (bare := _BARE.search(segment, unit.end())):
        return parse_baht(f"{bare.group(1)} {unit.group(1)}")
    return None


def _amounts(text: str, units: list[Optional[str]]) -> list[Optional[float]]:
    """The amounts of a paragraph that holds no label (a row of values, a line of its own), in
    order: written with their unit, or bare under labels that give each its unit."""
    found = [parse_baht(m.group(0)) for m in _AMOUNT.finditer(text)]
    if found:
        return found
    return [parse_baht(f"{m.group(1)} {unit}") if unit else None
            for m, unit in zip(_BARE.finditer(text), units)]


def budget(paras: list[Paragraph]) -> dict[str, Optional[float]]:
    """{"received": baht or None, "disbursed": baht or None}: the first amount given for each."""
    out: dict[str, Optional[float]] = {field: None for field in labels.BUDGET_LABELS}
    for i, (text, _) in enumerate(paras):
        arabic = to_arabic_digits(text)
        spans = _labels_in(arabic)
        pending: list[tuple[str, Optional[str]]] = []
        for k, (start, _end, field) in enumerate(spans):
            segment = arabic[start:spans[k + 1][0] if k + 1 < len(spans) else len(arabic)]
            amount = _amount(segment)
            if amount is not None:
                out[field] = out[field] if out[field] is not None else amount
            else:
                unit = _UNIT_IN_LABEL.search(segment)
                pending.append((field, unit.group(1) if unit else None))
        if pending and i + 1 < len(paras):
            following = to_arabic_digits(paras[i + 1][0])
            if not _labels_in(following):
                values = _amounts(following, [unit for _, unit in pending])
                for (field, _), value in zip(pending, values):
                    out[field] = out[field] if out[field] is not None else value
    return out
