"""A KPI report's list sections (measures, factors, obstacles, suggestions, evidence) and the
letter numbers an evidence item cites."""
from __future__ import annotations

import re
from typing import Optional

from thaikpi.extractors import labels
from thaikpi.extractors.kpi_sections import Section, section_text
from thaikpi.pipeline.text import find_dates, join_paragraphs, split_items, to_arabic_digits
from thaikpi.schemas.document import Evidence

_DOC_REF = re.compile(
    r"(?<![ก-ฮ])([ก-ฮ]{2,3})\s*(\d{3,5}(?:\.\d{1,3})*)\s*/\s*((?:ว\s*)?(?:\([^)]{1,15}\)\s*)?\d{1,6})"
)
_DOC_REF_MORE = re.compile(r"^\s*(?:,|และ)\s*(ว\s*)?(\d{1,6})(?![\d/])")
_ORDER_NUMBER = re.compile(r"ที่\s*(\d{1,5}/\d{4})(?!\d)")


def parse_list_section(section: Optional[Section]) -> list[tuple[str, int]]:
    """A numbered or bulleted list -> (item, page of its first line). "-" alone means none."""
    items: list[tuple[str, int]] = []
    for paragraph, page in join_paragraphs(section_text(section)):
        for item in split_items(paragraph):
            if item not in labels.NONE_WORDS:
                items.append((item, page))
    return items


def find_doc_refs(text: str) -> list[str]:
    """Letter numbers: "ที่ มท0220/ว3892" -> "มท 0220/ว 3892"; "ว 1520, ว 1521 และ 4288" expand."""
    arabic = to_arabic_digits(text)
    refs: list[str] = []
    for m in _DOC_REF.finditer(arabic):
        prefix, number, tail = m.group(1), m.group(2), m.group(3)
        tail = re.sub(r"^ว\s*", "ว ", re.sub(r"\s+", " ", tail.strip()))
        refs.append(f"{prefix} {number}/{tail}")
        rest = arabic[m.end():]
        while (more := _DOC_REF_MORE.match(rest)):
            refs.append(f"{prefix} {number}/{'ว ' if more.group(1) else ''}{more.group(2)}")
            rest = rest[more.end():]
    for m in _ORDER_NUMBER.finditer(arabic):
        if not any(m.group(1) in r for r in refs):
            refs.append(m.group(1))
    return refs


def parse_evidence(section: Optional[Section]) -> list[Evidence]:
    return [Evidence(text=item, doc_refs=find_doc_refs(item), dates=find_dates(item), page=page)
            for item, page in parse_list_section(section)]
