"""A KPI report's score table: columns found by the meaning of their header words
(labels.SCORE_COLUMNS), not their position; a header of two rows with merged cells read
stacked; a table drawn without rules read from alignment."""
from __future__ import annotations

import re
from typing import Optional

from thaikpi.extractors import aligned, labels
from thaikpi.extractors.kpi_sections import Section, cell_text
from thaikpi.extractors.kpi_steps import steps_or_number
from thaikpi.pipeline.text import join_wrapped, match_key, parse_number, to_arabic_digits
from thaikpi.schemas.document import ScoreRow
from thaikpi.schemas.parsed import Line

_NUMBER_CELL = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")  # a cell that is a number and nothing else


def _score_header(cells: tuple[str, ...]) -> Optional[dict[str, int]]:
    columns: dict[str, int] = {}
    for j, cell in enumerate(cells):
        key = match_key(cell)
        for meaning, words in labels.SCORE_COLUMNS:
            if meaning not in columns and any(w in key for w in words):
                columns[meaning] = j
                break
    if {"weight", "weighted_score"} <= columns.keys() and len(columns) >= 3:
        return columns
    return None


def stacked_header(top: tuple[str, ...], bottom: tuple[str, ...]) -> tuple[str, ...]:
    """A header of two rows with merged cells -> one row: each column's top text over its
    bottom text. A cell spanning two rows leaves the bottom empty; a cell spanning columns
    leaves the top of the columns after its first empty, and they take its text
    ("ค่าคะแนน" over "ที่ได้" | "ถ่วงน้ำหนัก")."""
    out, spanning = [], ""
    for j in range(max(len(top), len(bottom))):
        upper = top[j].strip() if j < len(top) else ""
        lower = bottom[j].strip() if j < len(bottom) else ""
        if upper:
            spanning = upper
        elif lower:
            upper = spanning
        out.append(" ".join(t for t in (upper, lower) if t))
    return tuple(out)


def _is_total(label: str) -> bool:
    key = match_key(label)
    return any(key == t or (key.startswith(t) and len(key) <= len(t) + 8) for t in labels.TOTAL_ROW_LABELS)


def _has_score_words(line: Line) -> bool:
    key = match_key(line.text)
    return any(w in key for _, words in labels.SCORE_COLUMNS for w in words)


def unruled_table(lines: list[Line]) -> list[Line]:
    """Text lines of a score table drawn without rules between columns -> rows of cells, from
    the alignment under its header. The header may wrap onto several lines, its cells
    centred at different heights: it runs from the first line with a header word to a rule
    or a line with a cell that is a number ("(๑-๕)" in a header is not)."""
    start = next((i for i, l in enumerate(lines) if l.table is None and l.words and _has_score_words(l)), None)
    if start is None:
        return []
    header = [lines[start]]
    for line in lines[start + 1:]:
        if line.table is not None or not line.words or line.rule_above or any(
                _NUMBER_CELL.fullmatch(to_arabic_digits(text)) for _, _, text in aligned.pieces(line.words)):
            break
        header.append(line)
    columns = aligned.header_columns(header)
    meanings = _score_header(tuple(c.header for c in columns))
    if meanings is None:
        return []
    body = []
    for line in lines[start + len(header):]:
        if line.table is not None or not line.words:
            break
        body.append(line)
    label = meanings.get("label", 0)
    rows = aligned.rows_by_alignment(
        body, columns, starts_row=lambda cells: any(c for j, c in enumerate(cells) if j != label))
    return [Line(cells=tuple(c.header for c in columns), page=header[0].page, table=-1), *rows]


def score_headers(lines: list[Line]) -> dict[int, tuple[dict[str, int], int]]:
    """Where a score table's header rows are: line index -> (columns by meaning, rows it
    takes). A header of two table rows with merged cells is read stacked."""
    found = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        header, rows = _score_header(line.cells), 1
        if header is None and i + 1 < len(lines) and lines[i + 1].table == line.table is not None:
            header, rows = _score_header(stacked_header(line.cells, lines[i + 1].cells)), 2
        if header:
            found[i] = (header, rows)
            i += rows
        else:
            i += 1
    return found


def parse_score_rows(section: Optional[Section]) -> list[ScoreRow]:
    """The score table, columns found by the meaning of their header, not their position.
    A ruled table arrives as rows of cells; one drawn without rules is read from alignment."""
    if section is None:
        return []
    lines = section.lines
    headers = score_headers(lines)
    if not headers:
        lines = unruled_table(lines)
        headers = score_headers(lines)
    columns: Optional[dict[str, int]] = None
    rows: list[ScoreRow] = []

    def cell(cells: tuple[str, ...], meaning: str) -> str:
        j = columns.get(meaning) if columns else None
        return cell_text(cells[j]) if j is not None and j < len(cells) else ""

    skip = 0
    for i, line in enumerate(lines):
        if i in headers:
            # A header repeated after a page break is read again, harmlessly.
            columns, skip = headers[i][0], headers[i][1]
        if skip:
            skip -= 1
            continue
        if columns is None or len(line.cells) < 2:
            continue
        label = re.sub(r"^\s*[-•●▪–]\s*", "", cell(line.cells, "label"))
        numbers = [cell(line.cells, m) for m in ("weight", "performance", "score", "weighted_score")]
        if not any(numbers):
            if rows and label:  # a label wrapped onto a row of its own
                rows[-1].label = join_wrapped(rows[-1].label, label)
                rows[-1].cells = [rows[-1].label, *rows[-1].cells[1:]]
            continue
        weight, performance, score, weighted = numbers
        rows.append(ScoreRow(
            label=label, is_total=_is_total(label), weight=parse_number(weight),
            performance_text=performance or None, performance_value=steps_or_number(performance),
            score=parse_number(score), weighted_score=parse_number(weighted), page=line.page,
            cells=[label, weight, performance, score, weighted],
        ))
    return rows
