"""The per-indicator KPI report (รายงานผลการปฏิบัติราชการตามคำรับรองฯ รายตัวชี้วัด).

parse: ParsedDocument -> KpiReport, in named stages:
    clean_lines -> drop_repeated_rows -> split_header_and_sections -> header_fields / parse_steps / parse_criteria /
    parse_score_rows / parse_list_section -> Indicator.
Pure functions: no I/O, no scoring (the scorer recomputes later), text kept as read
(the normaliser turns digits and spacing into their clean form).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from thaikpi.extractors import aligned, labels
from thaikpi.extractors.lines import clean_lines, fiscal_year
from thaikpi.pipeline.text import (
    find_dates, join_lines, join_paragraphs, join_wrapped, is_list_marker_start, match_key, parse_number, split_inline_numbered,
    split_items, to_arabic_digits,
)
from thaikpi.schemas.document import Criterion, Evidence, Indicator, ScoreRow, Step
from thaikpi.schemas.flags import Flag, RoundAmbiguous, TableUnreadable
from thaikpi.schemas.extraction import Extraction
from thaikpi.schemas.parsed import Line, ParsedDocument


@dataclass
class KpiReport:
    fiscal_year_be: Optional[int] = None
    round_months: Optional[int] = None
    indicators: list[Indicator] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def _label_pattern(words: Iterable[str], need_colon: bool) -> re.Pattern:
    """A label written with any spacing, then a colon (or, for sections, the end of the cell)."""
    alts = "|".join(r"\s*".join(re.escape(ch) for ch in w if not ch.isspace())
                    for w in sorted(words, key=len, reverse=True))
    end = r"\s*[:：]\s*" if need_colon else r"\s*(?:[:：]\s*|$)"
    return re.compile(rf"(?:{alts}){end}")


_SECTION_PATTERNS = {name: re.compile(r"^\s*" + _label_pattern(words, need_colon=False).pattern)
                     for name, words in labels.KPI_SECTIONS.items()}
_HEADER_PATTERNS = {name: _label_pattern(words, need_colon=True)
                    for name, words in labels.KPI_HEADER_FIELDS.items()}
_ROUND = re.compile(rf"([{labels.CHECKED_MARKS}{labels.UNCHECKED_MARKS}])\s*รอบ\s*(\d{{1,2}})\s*เดือน")
_CODE_AND_NAME = re.compile(r"^\s*(\d{1,2}(?:\s*\.\s*\d{1,2}){0,4})\s*\.?\s+(.+)$", re.DOTALL)
_DOC_REF = re.compile(
    r"(?<![ก-ฮ])([ก-ฮ]{2,3})\s*(\d{3,5}(?:\.\d{1,3})*)\s*/\s*((?:ว\s*)?(?:\([^)]{1,15}\)\s*)?\d{1,6})"
)
_DOC_REF_MORE = re.compile(r"^\s*(?:,|และ)\s*(ว\s*)?(\d{1,6})(?![\d/])")
_ORDER_NUMBER = re.compile(r"ที่\s*(\d{1,5}/\d{4})(?!\d)")
_NUMBER_CELL = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")  # a cell that is a number and nothing else
_PHONE = re.compile(r"\d[\d\-]{5,}\d(?:\s*ต่อ\s*\d+)?")


# --- stage 1: lines as text -----------------------------------------------------------------

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


def is_kpi_report(parsed: ParsedDocument) -> bool:
    keys = [match_key(line.text) for line in parsed.lines[:60]]
    return any(title in key for key in keys for title in labels.KPI_REPORT_TITLES)


# --- stage 2: header and sections -----------------------------------------------------------

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
    """Every "☐/☑ รอบ N เดือน": (months, checked, page)."""
    boxes = []
    for line in lines:
        for cell in line.cells:
            for m in _ROUND.finditer(to_arabic_digits(cell)):
                boxes.append((int(m.group(2)), m.group(1) in labels.CHECKED_MARKS, line.page))
    return boxes


# --- stage 3: the parts of a report ---------------------------------------------------------

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
    return [re.sub(r"\s+", " ", p) for p in _PHONE.findall(to_arabic_digits(_cell_text(text)))]


def _cell_text(cell: str) -> str:
    return join_lines(cell.split("\n"))


def _number_cell(cell: str) -> Optional[int]:
    text = to_arabic_digits(cell).strip()
    for word in (*labels.STEP_WORDS, *labels.LEVEL_WORDS):
        if text.startswith(word):
            text = text[len(word):].strip()
            break
    return int(text) if re.fullmatch(r"\d{1,2}", text) else None


def _is_steps_header(line: Line) -> bool:
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
    start = next((i for i, line in enumerate(lines) if line.table is None and _is_steps_header(line)), None)
    if start is None:
        return []
    # The header ends at the first rule or step number (a number centred in its row comes
    # after the row's first line, under the rule).
    first_step = next((i for i in range(start + 1, len(lines)) if lines[i].rule_above or (
        lines[i].words and _number_cell(aligned.pieces(lines[i].words)[0][2]) is not None)), None)
    if first_step is None:
        return []
    body = [line for line in lines[first_step:] if line.table is None and line.words]
    columns = aligned.header_columns(lines[start:first_step])
    rows = aligned.rows_by_alignment(body, columns, starts_row=lambda cells: _number_cell(cells[0]) is not None)
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
            number = _number_cell(cells[0])
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


def _level_cell(cell: str) -> Optional[int]:
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
        _level_cell(text) is not None for _, _, text in aligned.pieces(line.words)) >= 2), None)
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
        levels = {j: lvl for j, c in enumerate(line.cells) if (lvl := _level_cell(c))}
        if len(levels) >= 2 and i + 1 < len(rows):
            values = rows[i + 1].cells
            for j, lvl in levels.items():
                if j < len(values) and values[j].strip():
                    found[lvl] = (_cell_text(values[j]), rows[i + 1].page)
            break
        if len(levels) == 1 and len(line.cells) >= 2 and 0 in levels and line.cells[1].strip():
            found[levels[0]] = (_cell_text(line.cells[1]), line.page)
    criteria = [Criterion(level=lvl, text=text, value=steps_or_number(text), page=page)
                for lvl, (text, page) in sorted(found.items())]
    if not criteria:
        return [], None
    stepwise = any(any(w in c.text for w in labels.STEP_WORDS) for c in criteria) or all(
        c.value == c.level for c in criteria)
    return criteria, ("step" if stepwise else "numeric")


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
        return _cell_text(cells[j]) if j is not None and j < len(cells) else ""

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


def _words_after(words: tuple, chars: int) -> tuple:
    """The words of a line after its first `chars` characters (a label opening a section)."""
    out, seen = [], 0
    for x0, x1, w in words:
        if seen >= chars:
            out.append((x0, x1, w))
        seen += len(w) + 1
    return tuple(out)


def _section_text(section: Optional[Section]) -> list[tuple[str, int]]:
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


def parse_list_section(section: Optional[Section]) -> list[tuple[str, int]]:
    """A numbered or bulleted list -> (item, page of its first line). "-" alone means none."""
    items: list[tuple[str, int]] = []
    for paragraph, page in join_paragraphs(_section_text(section)):
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


def _paragraphs(section: Optional[Section]) -> Optional[str]:
    text = join_lines(t for t, _ in _section_text(section))
    return text or None


def unreadable_tables(sections: dict[str, Section], indicator: Indicator) -> list[Flag]:
    """Tables that are there but were not read: flagged, so that an empty field is never
    taken for an empty table."""
    flags = []

    def flag(name: str, table: str, reason: str) -> None:
        page = next((line.page for line in sections[name].lines), None)
        flags.append(TableUnreadable.make(indicator_code=indicator.code, page=page, table=table, reason=reason))

    score = sections.get("score_rows")
    if score is not None and score.lines and not indicator.score_rows:
        found = score_headers(score.lines) or unruled_table(score.lines)
        flag("score_rows", "score", "no rows of numbers under its header" if found else
             "no header naming its weight and weighted-score columns")
    steps = sections.get("steps")
    if steps is not None and not indicator.steps and any(_is_steps_header(line) for line in steps.lines):
        flag("steps", "milestone", "a header, but no numbered steps under it")
    criteria = sections.get("criteria")
    if criteria is not None and criteria.lines:
        levels = {lvl for line in criteria.lines for c in line.cells if (lvl := _level_cell(c))}
        levels |= {lvl for line in criteria.lines for _, _, w in aligned.pieces(line.words) if (lvl := _level_cell(w))}
        if len(levels) >= 2 and len(indicator.criteria) < len(levels):
            flag("criteria", "criteria", f"{len(levels)} levels, {len(indicator.criteria)} thresholds read")
    return flags


# --- wiring ---------------------------------------------------------------------------------

def parse(parsed: ParsedDocument) -> KpiReport:
    lines = drop_repeated_rows(clean_lines(parsed))
    header, sections = split_header_and_sections(lines)
    fields = header_fields(header)
    report = KpiReport(fiscal_year_be=fiscal_year(header) or fiscal_year(lines))

    boxes = round_boxes(header) or round_boxes(lines)
    checked = sorted({months for months, is_checked, _ in boxes if is_checked})
    if len(checked) == 1:
        report.round_months = checked[0]
    else:
        page = boxes[0][2] if boxes else (lines[0].page if lines else None)
        report.flags.append(RoundAmbiguous.make(
            page=page, checked=len(checked),
            rounds=", ".join(f"{'☑' if c else '☐'} {m}" for m, c, _ in boxes) or "no round boxes found"))

    code = name = None
    indicator_page = None
    if fields.get("indicator"):
        value, indicator_page = fields["indicator"][0]
        value = join_lines(value.split("\n"))
        m = _CODE_AND_NAME.match(value)
        if m:
            code, name = re.sub(r"\s+", "", m.group(1)), m.group(2).strip()
        else:
            name = value or None

    criteria, criteria_kind = parse_criteria(sections.get("criteria"))
    indicator = Indicator(
        code=code, name=name, name_raw=name,
        supervisors=[p for v, _ in fields.get("supervisors", [])[:1] for p in split_people(v)],
        data_collectors=[p for v, _ in fields.get("data_collectors", [])[:1] for p in split_people(v)],
        phones=[p for v, _ in fields.get("phones", []) for p in split_phones(v)],
        description=_paragraphs(sections.get("description")),
        steps=parse_steps(sections.get("steps")),
        criteria=criteria, criteria_kind=criteria_kind,
        score_rows=parse_score_rows(sections.get("score_rows")),
        measures=[t for t, _ in parse_list_section(sections.get("measures"))],
        support_factors=[t for t, _ in parse_list_section(sections.get("support_factors"))],
        obstacles=[t for t, _ in parse_list_section(sections.get("obstacles"))],
        suggestions=[t for t, _ in parse_list_section(sections.get("suggestions"))],
        evidence=parse_evidence(sections.get("evidence")),
        note=_paragraphs(sections.get("note")),
        conditions=_paragraphs(sections.get("conditions")),
        page=indicator_page,
    )
    report.indicators.append(indicator)
    report.flags += unreadable_tables(sections, indicator)
    return report


# --- the extractor contract (extractors/registry.py) ------------------------------------------

KIND = "kpi_report"


def detect(parsed: ParsedDocument) -> float:
    return 1.0 if is_kpi_report(parsed) else 0.0


def extract(parsed: ParsedDocument) -> Extraction:
    report = parse(parsed)
    return Extraction(fiscal_year_be=report.fiscal_year_be, round_months=report.round_months,
                      indicators=report.indicators, flags=report.flags)
