"""A KPI template book: one ruled sheet per indicator, its labels down the first column
("ตัวชี้วัด | 1. อัตราส่วนการตายมารดา", "เกณฑ์เป้าหมาย | ไม่เกิน 15 ต่อการเกิดมีชีพแสนคน",
"หน่วยวัด" over the baseline's unit) -> one record per sheet."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from thaikpi.extractors import labels_indicators as L
from thaikpi.extractors.indicator_header import loose_key
from thaikpi.extractors.indicator_rows import split_code, tidy
from thaikpi.extractors.indicator_values import parse_value
from thaikpi.schemas.document import Indicator

_NUMBERED = re.compile(r"^\s*([0-9]{1,3})\.\s*(\S.*)$")
_KEYS = {role: tuple(loose_key(w) for w in words) for role, words in L.SHEET_LABELS.items()}


def sheet_label(cell: str) -> Optional[str]:
    k = loose_key(cell)
    if not k:
        return None
    if k in _KEYS["name"] or (len(k) <= 30 and any(k.startswith(w) for w in _KEYS["name"])):
        return "name"
    if any(k.startswith(w) for w in _KEYS["target"]):
        return "target"
    return None


def _rest(cells: Sequence[str]) -> str:
    return next((c for c in cells[1:] if c.strip()), "")


def _unit_below(rows: Sequence[tuple[Sequence[str], int]], i: int) -> Optional[str]:
    """The unit under a "หน่วยวัด" label, a few rows below it in the same column."""
    for k in range(i, min(i + 12, len(rows))):
        cells = rows[k][0]
        for j, c in enumerate(cells):
            if loose_key(c) in _KEYS["unit"]:
                for below, _ in rows[k + 1:k + 4]:
                    if j < len(below) and below[j].strip() and not loose_key(below[j]).isdigit():
                        return tidy(below[j])
    return None


def read_sheets(rows: Sequence[tuple[Sequence[str], int, Optional[int], int]], year: Optional[int]) -> list[Indicator]:
    """Rows of one document's tables -> one record per sheet that names an indicator and its
    target."""
    out: list[Indicator] = []
    plain = [(r[0], r[1]) for r in rows]
    for i, (cells, page, table, number) in enumerate(rows):
        if not cells or sheet_label(cells[0]) != "name" or not _rest(cells).strip():
            continue
        name_raw = tidy(_rest(cells))
        target_cell, target_page = None, page
        for later, later_page, _, _ in rows[i + 1:i + 20]:
            if later and sheet_label(later[0]) == "name":
                break
            if later and sheet_label(later[0]) == "target":
                target_cell, target_page = tidy(_rest(later)), later_page
                break
        if target_cell is None:
            continue
        m = _NUMBERED.match(name_raw)
        code, name = (m.group(1), m.group(2)) if m else split_code(name_raw)
        target = parse_value(target_cell)
        unit = target.unit or _unit_below(plain, i)
        out.append(Indicator(code=code, name=name, name_raw=name_raw, page=target_page, table=table, row=number,
                             unit=unit, target_text=target.text, target_value=target.value,
                             target_comparator=target.comparator, year_be=year))
    return out
