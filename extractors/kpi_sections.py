"""A KPI report's lines into its header and its sections (extractors/kpi_report.py, stages 1-2),
and a section back into text. Section and header labels are matched with any spacing
(labels.KPI_SECTIONS, labels.KPI_HEADER_FIELDS)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from thaikpi.extractors import labels
from thaikpi.pipeline.text import join_lines, match_key
from thaikpi.schemas.parsed import Line


def label_pattern(words: Iterable[str], need_colon: bool) -> re.Pattern:
    """A label written with any spacing, then a colon (or, for sections, the end of the cell)."""
    alts = "|".join(r"\s*".join(re.escape(ch) for ch in w if not ch.isspace())
                    for w in sorted(words, key=len, reverse=True))
    end = r"\s*[:：]\s*" if need_colon else r"\s*(?:[:：]\s*|$)"
    return re.compile(rf"(?:{alts}){end}")


_SECTION_PATTERNS = {name: re.compile(r"^\s*" + label_pattern(words, need_colon=False).pattern)
                     for name, words in labels.KPI_SECTIONS.items()}


def drop_repeated_rows(lines: list[Line]) -> list[Line]:
    """A table printed again as text lines under itself (seed 003: once as a table, once
    flattened to tab-separated lines) is read once: a text line that repeats a table row
    already read, spacing and digits aside, is dropped."""
    seen: set[str] = set()
    out = []
    for line in lines:
        key = match_key("".join(line.cells))
        if line.table is not None:
            seen.add(key)
        elif key in seen:
            continue
        out.append(line)
    return out


@dataclass
class Section:
    name: str
    lines: list[Line] = field(default_factory=list)


def split_header_and_sections(lines: list[Line]) -> tuple[list[Line], dict[str, Section]]:
    """Lines before the first section label are the header; then each label opens a section.

    The rest of a label's cell (after the colon) is the section's first line. A section
    named twice keeps both parts, in order.
    """
    header: list[Line] = []
    sections: dict[str, Section] = {}
    current: Optional[Section] = None
    for line in lines:
        first_index = next((i for i, c in enumerate(line.cells) if c.strip()), 0)
        first = line.cells[first_index]
        opened = None
        for name, pattern in _SECTION_PATTERNS.items():
            m = pattern.match(first)
            if m:
                opened = name
                rest = first[m.end():].strip()
                break
        if opened:
            current = sections.setdefault(opened, Section(opened))
            remaining = ((rest,) if rest else ()) + tuple(line.cells[first_index + 1:])
            if any(c.strip() for c in remaining):
                current.lines.append(replace(line, cells=remaining, paragraph_start=True,
                                             words=_words_after(line.words, m.end())))
        elif current is None:
            header.append(line)
        else:
            current.lines.append(line)
    return header, sections


def _words_after(words: tuple, chars: int) -> tuple:
    """The words of a line after its first `chars` characters (a label opening a section)."""
    out, seen = [], 0
    for x0, x1, w in words:
        if seen >= chars:
            out.append((x0, x1, w))
        seen += len(w) + 1
    return tuple(out)


def cell_text(cell: str) -> str:
    """A cell's wrapped lines joined into one text."""
    return join_lines(cell.split("\n"))


def section_text(section: Optional[Section]) -> list[tuple[str, int]]:
    """A section's lines as (text, page); table rows become their non-empty cells."""
    if section is None:
        return []
    out = []
    for line in section.lines:
        if line.paragraph_start or line.table is not None:
            out.append(("", line.page))
        for c in line.cells:
            out.extend((part, line.page) for part in c.split("\n"))
    return out


def paragraphs(section: Optional[Section]) -> Optional[str]:
    text = join_lines(t for t, _ in section_text(section))
    return text or None
