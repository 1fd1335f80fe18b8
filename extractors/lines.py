"""What every extractor does first with a document's lines (cleaned once, right after reading,
by text.clean_parsed): keep those with text, drop a web page's site chrome, join wrapped
lines into paragraphs, find the fiscal year. Pure functions."""
from __future__ import annotations

from typing import Optional

from thaikpi.extractors import labels
from thaikpi.pipeline.text import (
    find_fiscal_year, join_lines, join_paragraphs, match_key,
)
from thaikpi.schemas.parsed import Line, ParsedDocument


def clean_lines(parsed: ParsedDocument) -> list[Line]:
    """The lines that hold text. They are clean already: process.py cleans a document's lines
    once, right after reading (text.clean_parsed); Thai digits stay (the normaliser maps them)."""
    return [line for line in parsed.lines if any(line.cells)]


def drop_site_chrome(lines: list[Line]) -> list[Line]:
    """A web page's own text around the report ("งานนำเสนอกำลังจะดาวน์โหลด โปรดรอ",
    "Ads by Google") is not the report: a line that is only chrome is dropped."""
    keys = [match_key(c) for c in labels.SITE_CHROME]
    out = []
    for line in lines:
        text = match_key(line.text)
        for key in keys:
            text = text.replace(key, "")
        if text.strip(" \t—-:\"'“”"):
            out.append(line)
    return out


def fiscal_year(lines: list[Line]) -> Optional[int]:
    """The first "ปีงบประมาณ (พ.ศ.) 25xx" in the lines, Buddhist Era, read in paragraphs (a
    label wrapped before its year), not a budget act's year (text.find_fiscal_year)."""
    return next((year for text, _ in paragraphs(lines) if (year := find_fiscal_year(text))), None)


def paragraphs(lines: list[Line]) -> list[tuple[str, int]]:
    """Lines -> (paragraph, page of its first line). A paragraph starts where the reader knew
    one starts (HTML block, indented PDF line), at an item marker, or at a table row (its
    cells joined by spaces); any other line is a wrap of the one before."""
    pieces: list[tuple[str, int]] = []
    for line in lines:
        if line.paragraph_start or line.table is not None:
            pieces.append(("", line.page))  # a known break, as join_paragraphs reads it
        pieces.append((cells_text(line), line.page))
    return join_paragraphs(pieces)


def cells_text(line: Line) -> str:
    """A line's cells as one text: each cell's wraps joined by the Thai rule, its paragraphs
    and the cells themselves separated by spaces."""
    return " ".join(join_lines(c.split("\n")).replace("\n", " ") for c in line.cells if c.strip()).strip()
