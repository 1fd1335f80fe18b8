"""A KPI report's header: its labelled fields (indicator, supervisors, data collectors,
phones) and its round boxes ("☑ รอบ 12 เดือน")."""
from __future__ import annotations

import re
from typing import Optional

from thaikpi.extractors import labels
from thaikpi.extractors.kpi_sections import cell_text, label_pattern
from thaikpi.pipeline.text import (
    is_list_marker_start, join_lines, match_key, split_inline_numbered, to_arabic_digits,
)
from thaikpi.schemas.parsed import Line

_HEADER_PATTERNS = {name: label_pattern(words, need_colon=True)
                    for name, words in labels.KPI_HEADER_FIELDS.items()}
_ROUND = re.compile(rf"([{labels.CHECKED_MARKS}{labels.UNCHECKED_MARKS}])\s*รอบ\s*(\d{{1,2}})\s*เดือน")
_CODE_AND_NAME = re.compile(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,2}){0,4})\s*\.?\s+(.+)$", re.DOTALL)


_PHONE = re.compile(r"\d[\d\-]{5,}\d(?:\s*ต่อ\s*\d+)?")


def header_fields(header: list[Line]) -> dict[str, list[tuple[str, int]]]:
    """Header cells -> {field: [(value text, page)]}. One cell may hold several labels; a
    text line with no label continues the field before it (a wrapped indicator name)."""
    found: dict[str, list[tuple[str, int]]] = {}
    last: Optional[tuple[str, int]] = None  # (field, index in found[field])
    for line in header:
        for cell in line.cells:
            hits = sorted(((m.start(), m.end(), name) for name, pat in _HEADER_PATTERNS.items()
                           for m in pat.finditer(cell)), key=lambda h: h[0])
            # Keep the leftmost of overlapping hits ("ชื่อตัวชี้วัดที่" also contains "ตัวชี้วัดที่").
            kept = []
            for hit in hits:
                if not kept or hit[0] >= kept[-1][1]:
                    kept.append(hit)
            if not kept:
                if (last and line.table is None and not _is_title_line(cell)):
                    name, index = last
                    value, page = found[name][index]
                    found[name][index] = (value + "\n" + cell, page)
                continue
            for i, (start, end, name) in enumerate(kept):
                stop = kept[i + 1][0] if i + 1 < len(kept) else len(cell)
                found.setdefault(name, []).append((cell[end:stop].strip(), line.page))
                last = (name, len(found[name]) - 1)
    return found


def _is_title_line(text: str) -> bool:
    key = match_key(text)
    return (bool(_ROUND.search(text)) or any(t in key for t in labels.KPI_REPORT_TITLES)
            or any(ch in text for ch in labels.CHECKED_MARKS + labels.UNCHECKED_MARKS))


def round_boxes(lines: list[Line]) -> list[tuple[int, bool, int]]:
    """Every "☐/☑ รอบ N เดือน": (months, checked, page). A line's cells are read as one text:
    a form may set each box in a cell of its own and its label in the next."""
    boxes = []
    for line in lines:
        text = " ".join(c for c in line.cells if c.strip())
        for m in _ROUND.finditer(to_arabic_digits(text)):
            boxes.append((int(m.group(2)), m.group(1) in labels.CHECKED_MARKS, line.page))
    return boxes


def split_people(text: str) -> list[str]:
    """A numbered list ("1. นาย ก 2. นาง ข") or names run together ("นาง ก น.ส. ข")."""
    text = " ".join(join_lines(text.split("\n")).split())
    if not text or text in labels.NONE_WORDS:
        return []
    if is_list_marker_start(text):
        return split_inline_numbered(text)
    titles = "|".join(re.escape(t) for t in labels.PERSON_TITLES)
    parts = re.split(rf"\s+(?=(?:{titles}))", text)
    return [p.strip() for p in parts if p.strip()]


def split_phones(text: str) -> list[str]:
    """The phone numbers in a cell, its wrapped lines joined first ("0-2222-" / "4103")."""
    return [re.sub(r"\s+", " ", p) for p in _PHONE.findall(to_arabic_digits(cell_text(text)))]


def code_and_name(value: str) -> tuple[Optional[str], Optional[str]]:
    """The indicator field "3.1.4 ร้อยละของ..." -> ("3.1.4", "ร้อยละของ..."); without a code,
    the whole text is the name."""
    value = join_lines(value.split("\n"))
    m = _CODE_AND_NAME.match(value)
    if m:
        return re.sub(r"\s+", "", m.group(1)), m.group(2).strip()
    return None, value or None
