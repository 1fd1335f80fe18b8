"""A KPI report's milestone table (steps done) and its criteria table (levels 1-5 and their
thresholds), ruled or drawn without rules (read from alignment, extractors/aligned.py)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from thaikpi.extractors import aligned, labels
from thaikpi.extractors.kpi_sections import Section, cell_text
from thaikpi.pipeline.text import join_lines, match_key, parse_number, to_arabic_digits
from thaikpi.schemas.document import Criterion, Step
from thaikpi.schemas.parsed import Line


def number_cell(cell: str) -> Optional[int]:
    text = to_arabic_digits(cell).strip()
    for word in (*labels.STEP_WORDS, *labels.LEVEL_WORDS):
        if text.startswith(word):
            text = text[len(word):].strip()
            break
    return int(text) if re.fullmatch(r"\d{1,2}", text) else None


def is_steps_header(line: Line) -> bool:
    """A milestone table's header row: a table row, or a text line of two pieces or more,
    whose first cell is a step-table header ("ขั้นตอนที่", "ระดับคะแนน")."""
    if line.table is not None:
        first = line.cells[0]
    else:
        found = aligned.pieces(line.words)
        if len(found) < 2:
            return False
        first = found[0][2]
    return any(match_key(first).startswith(h) for h in labels.STEP_TABLE_HEADERS)


def unruled_steps(lines: list[Line]) -> list[Line]:
    """A milestone table drawn without rules between columns (or flattened to tab-separated
    lines) -> rows (step number, text), from the alignment under its header. A row starts at
    a step number in the first column; the first column holds nothing else, so other text
    there is a line of the step's text wrapped back to the margin."""
    start = next((i for i, line in enumerate(lines) if line.table is None and is_steps_header(line)), None)
    if start is None:
        return []
    # The header ends at the first rule or step number (a number centred in its row comes
    # after the row's first line, under the rule).
    first_step = next((i for i in range(start + 1, len(lines)) if lines[i].rule_above or (
        lines[i].words and number_cell(aligned.pieces(lines[i].words)[0][2]) is not None)), None)
    if first_step is None:
        return []
    body = [line for line in lines[first_step:] if line.table is None and line.words]
    columns = aligned.header_columns(lines[start:first_step])
    rows = aligned.rows_by_alignment(body, columns, starts_row=lambda cells: number_cell(cells[0]) is not None)
    out = []
    for row in rows:
        number, *rest = row.cells[0].split("\n")
        spilled = [t for t in rest if t.strip()]
        text = "\n".join(c for c in row.cells[1:] if c)
        out.append(replace(row, cells=(number, "\n".join([text, *spilled]) if spilled else text)))
    return out


def parse_steps(section: Optional[Section]) -> list[Step]:
    """The milestone table: step (or level) number -> what was done. A row with an empty first
    cell continues the step above (a row broken across pages). A table drawn without rules
    is read from its alignment."""
    if section is None:
        return []
    lines = section.lines
    if all(line.table is None for line in lines):
        lines = unruled_steps(lines) or lines
    steps: list[tuple[int, list[str], int]] = []
    for line in lines:
        cells = list(line.cells)
        if len(cells) >= 2:
            number = number_cell(cells[0])
            body = [c for c in cells[1:] if c.strip()]
            if number is not None:
                steps.append((number, body, line.page))
            elif not cells[0].strip() and steps:
                steps[-1][1].extend(body)
            continue
        # A flattened row "3 รายละเอียด": a new step only if it counts on from the last one.
        m = re.match(r"^\s*([0-9๐-๙]{1,2})\s+(\S.*)$", cells[0], re.DOTALL)
        number = int(to_arabic_digits(m.group(1))) if m else None
        if number is not None and number == (steps[-1][0] + 1 if steps else number):
            steps.append((number, [m.group(2)], line.page))
        elif steps:
            steps[-1][1].append(cells[0])
    return [Step(step=n, text=join_lines("\n".join(body).split("\n")), page=page)
            for n, body, page in steps]


def steps_or_number(text: Optional[str]) -> Optional[float]:
    """A criterion's threshold or a reported performance: "ขั้นตอนที่ ๑+๒+๓" -> 3 (steps done);
    "ร้อยละ 80" -> 80; "5" -> 5."""
    if not text:
        return None
    arabic = to_arabic_digits(text)
    if any(w in arabic for w in labels.STEP_WORDS):
        numbers = [int(n) for n in re.findall(r"\d+", arabic)]
        return float(max(numbers)) if numbers else None
    return parse_number(arabic)


def level_cell(cell: str) -> Optional[int]:
    text = to_arabic_digits(cell).strip()
    for word in labels.LEVEL_WORDS:
        if text.startswith(word):
            rest = text[len(word):].strip()
            return int(rest) if re.fullmatch(r"[1-5]", rest) else None
    return None


def unruled_criteria(lines: list[Line]) -> list[Line]:
    """A criteria table drawn without rules: a line of "ระดับ N" headers, the thresholds
    aligned under them (or in the same order, when flattened to tab-separated lines)."""
    start = next((i for i, line in enumerate(lines) if line.words and sum(
        level_cell(text) is not None for _, _, text in aligned.pieces(line.words)) >= 2), None)
    if start is None:
        return []
    columns = aligned.header_columns([lines[start]])
    body = [line for line in lines[start + 1:] if line.table is None and line.words]
    header = Line(cells=tuple(c.header for c in columns), page=lines[start].page, table=-1)
    return [header, *aligned.rows_by_alignment(body, columns, starts_row=lambda cells: False)]


def parse_criteria(section: Optional[Section]) -> tuple[list[Criterion], Optional[str]]:
    """Levels 1-5 and their thresholds, from a row of "ระดับ N" headers over a row of values,
    or from rows "ระดับ N | threshold"."""
    if section is None:
        return [], None
    rows = section.lines
    if all(line.table is None for line in rows):
        rows = unruled_criteria(rows) or rows
    found: dict[int, tuple[str, int]] = {}
    for i, line in enumerate(rows):
        levels = {j: lvl for j, c in enumerate(line.cells) if (lvl := level_cell(c))}
        if len(levels) >= 2 and i + 1 < len(rows):
            values = rows[i + 1].cells
            for j, lvl in levels.items():
                if j < len(values) and values[j].strip():
                    found[lvl] = (cell_text(values[j]), rows[i + 1].page)
            break
        if len(levels) == 1 and len(line.cells) >= 2 and 0 in levels and line.cells[1].strip():
            found[levels[0]] = (cell_text(line.cells[1]), line.page)
    criteria = [Criterion(level=lvl, text=text, value=steps_or_number(text), page=page)
                for lvl, (text, page) in sorted(found.items())]
    if not criteria:
        return [], None
    stepwise = any(any(w in c.text for w in labels.STEP_WORDS) for c in criteria) or all(
        c.value == c.level for c in criteria)
    return criteria, ("step" if stepwise else "numeric")
