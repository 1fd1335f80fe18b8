"""Any document with an indicator table (kind indicator_table): budget books, action-plan
results, SAR and QA reports, ITA, KPI template books, assessment forms.

Tables are found by their header words (indicator_header), read row by row (indicator_rows)
or, for one sheet per indicator, label by label (indicator_sheet). A table without a header of
its own that follows an indicator table on the next page continues it (a header printed on the
first page only). The year of a row is its year column's, else the period printed last before
its table (ปีงบประมาณ / ปีการศึกษา 25xx), else the document's.
"""
from __future__ import annotations

import re
from typing import Optional

from thaikpi.extractors import labels_indicators as L
from thaikpi.extractors.indicator_header import (
    Header, has_number, is_header_row, is_level_row, is_split_header, is_value_header_row, loose_key,
    read_header, repeated_rows,
)
from thaikpi.extractors.indicator_rows import is_group, is_total, read_rows, split_code, tidy
from thaikpi.extractors.indicator_sheet import read_sheets, sheet_label
from thaikpi.extractors.indicator_stray import stray_rows
from thaikpi.extractors.indicator_totals import stated_total_flags
from thaikpi.extractors.lines import clean_lines
from thaikpi.pipeline.text import to_arabic_digits
from thaikpi.schemas.document import Indicator
from thaikpi.schemas.extraction import Extraction
from thaikpi.schemas.flags import Flag
from thaikpi.schemas.parsed import Line, ParsedDocument

KIND = "indicator_table"
# Below the seed kinds' 1.0: a KPI report, framework or M&E report that also holds an
# indicator table is read by its own extractor.
CONFIDENCE = 0.5
_GENRE_PAGES = 3


def _period_re(words: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(loose_key(w)) for w in words)
    return re.compile(rf"(?:{alternatives})(?:พ\.?ศ\.?)?(25\d\d)(?!\d)")


_FISCAL = _period_re(L.FISCAL_YEAR_WORDS)
_ACADEMIC = _period_re(L.ACADEMIC_YEAR_WORDS)
_ROUND = re.compile(rf"(?:{'|'.join(loose_key(w) for w in L.ROUND_WORDS)})(3|6|9|12)เดอน")
_NUMBERING = re.compile(r"^\s*[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s*")
_CODE_HEADING = re.compile(r"^\s*(?:ตัวบ่งชี้ที่|ตัวชี้วัดที่)\s*[0-9]")


def _cell_keys(line: Line) -> list[str]:
    return [to_arabic_digits(loose_key(c)) for c in line.cells]


def _year_in(line: Line, pattern: re.Pattern) -> Optional[int]:
    for k in _cell_keys(line):
        m = pattern.search(k)
        if m:
            return int(m.group(1))
    return None


def _across(line: Line, after: Line) -> Optional[int]:
    """A period broken over two lines of text ("ประจำปี" / "งบประมาณ พ.ศ. 2567")."""
    if line.table is not None or after.table is not None or after.page != line.page or after is line:
        return None
    m = _FISCAL.search(to_arabic_digits(loose_key(line.text) + loose_key(after.text)))
    return int(m.group(1)) if m else None


def periods(lines: list[Line]) -> tuple[Optional[int], Optional[int], Optional[int]]:
    """The document's fiscal year, academic year and round (months), as first printed. A
    document dated by its academic year (a SAR, a QA report) has no fiscal year of its own:
    the fiscal years in its body are its evidence's."""
    fiscal = next((y for y in (_year_in(l, _FISCAL) or _across(l, n) for l, n in zip(lines, lines[1:] + lines[-1:]))
                   if y), None)
    academic = next((y for y in (_year_in(l, _ACADEMIC) for l in lines if l.page <= _GENRE_PAGES) if y), None)
    if academic:
        fiscal = None
    months = None
    for line in lines:
        if line.page <= 2 and line.table is None:
            m = _ROUND.search(loose_key(line.text))
            if m:
                months = int(m.group(1))
                break
    return fiscal, academic, months


def genre(lines: list[Line]) -> Optional[str]:
    text = "".join(loose_key(l.text) for l in lines if l.page <= _GENRE_PAGES)
    for name, cues in L.GENRE_CUES:
        if any(loose_key(c) in text for c in cues):
            return name
    return None


def _blocks(lines: list[Line]) -> list[tuple[int, list[Line]]]:
    """Table rows grouped by table, each with the index of its first line, in order."""
    tables: dict[int, tuple[int, list[Line]]] = {}
    for i, line in enumerate(lines):
        if line.table is not None:
            tables.setdefault(line.table, (i, []))[1].append(line)
    return sorted(tables.values(), key=lambda t: t[0])


def _depth(text: str) -> int:
    """How deep a heading's numbering goes: "7.2.1 ..." 3, "3. ..." 1, none 0."""
    m = _NUMBERING.match(to_arabic_digits(text))
    return len(re.findall(r"[0-9]+", m.group(0))) if m else 0


def _contexts(lines: list[Line]) -> list[tuple[Optional[int], Optional[str], Optional[str], int]]:
    """Per line: the fiscal year, the indicator heading and the group heading ("7.2.1 ผลผลิตที่
    1 : ...", "องค์ประกอบที่ 2 ...") printed last before it, and how many times headings opened or
    closed a group before it. A numbered group heading ends at the next heading numbered as high
    ("7.3 ...", "5. ...")."""
    out, year, heading, group, group_depth, epoch = [], None, None, None, 0, 0
    for line in lines:
        out.append((year, heading, group, epoch))
        if line.table is None:
            depth = _depth(line.text)
            if _CODE_HEADING.match(to_arabic_digits(line.text)):
                heading = tidy(line.text)
            elif is_group(line.text, L.HEADING_GROUP_WORDS):
                group, group_depth, epoch = tidy(_NUMBERING.sub("", line.text)), depth, epoch + 1
            elif (group and group_depth and depth and depth <= group_depth) \
                    or is_group(line.text, L.HEADING_RESET_WORDS):
                group, epoch = None, epoch + 1
        year = _year_in(line, _FISCAL) or year
    return out


def _has_values(line: Line) -> bool:
    """A table's first row with a number in it: data continuing a table, not a header of
    another table (a money table's "แผนงาน | งบรายจ่าย")."""
    return any(has_number(c) for c in line.cells[1:])


def _fit(cells: tuple[str, ...], width: int) -> tuple[str, ...]:
    """A continuation table's row under the first page's header: merged leading columns are
    missing, so it is aligned on the right."""
    return ("",) * (width - len(cells)) + cells if len(cells) < width else cells


def _read_table(rows: list[Line], header: Optional[Header], year: Optional[int],
                heading: Optional[str], group: Optional[str] = None, previous: Optional[Header] = None
                ) -> tuple[list[Indicator], Optional[Header], Optional[str]]:
    """A table's rows -> records, the header they were read under and the group left open.
    `previous`: the header of the table on the page before, which this one may print again."""
    out: list[Indicator] = []
    cells = [r.cells for r in rows]
    i, data_start, pending = 0, 0, []
    while i < len(rows):
        split = i + 1 < len(rows) and is_split_header(cells[i], cells[i + 1])
        if split or is_header_row(cells[i]):
            found, group = _flush(pending, header, group, year, heading)
            out += found
            header, pending = read_header(cells, i, above=split), []
            i += header.rows
            data_start = i
            continue
        repeat = repeated_rows(cells, i, header or previous) if (header or previous) is not None else 0
        if repeat:
            found, group = _flush(pending, header, group, year, heading)
            out += found
            header, pending = header or previous, []
            i += repeat
            data_start = i
            continue
        if heading and header is None and is_value_header_row(cells[i]):
            header = read_header(cells, i, named=False)
            header.roles.append("name")
            header.years.append(None)
            header.labels.append("")
            i += header.rows
            data_start = i
            continue
        if header is not None:
            pending.append((_fit(cells[i], header.width), rows[i].page, rows[i].table, i - data_start))
        i += 1
    found, group = _flush(pending, header, group, year, heading)
    return out + found, header, group


def _shift(pending, header: Header) -> int:
    """How far the data rows sit left (+1) or right (-1) of their labels: merged header cells
    make a reader split the header one column off its data. Shifted only where most filled
    cells are under no label as read and under one when shifted."""
    labelled = {j for j, label in enumerate(header.labels) if label.strip()}
    filled = sum(1 for cells, *_ in pending for c in cells if c.strip())

    def hits(s: int) -> int:
        return sum(1 for cells, *_ in pending for j, c in enumerate(cells) if c.strip() and j + s in labelled)
    if hits(0) > filled / 2:
        return 0
    return next((s for s in (1, -1) if hits(s) >= 0.8 * filled), 0)


def _shifted(cells: tuple[str, ...], s: int) -> tuple[str, ...]:
    return ("",) * s + tuple(cells) if s >= 0 else tuple(cells)[-s:]


def _flush(pending, header: Optional[Header], group, year, heading) -> tuple[list[Indicator], Optional[str]]:
    """Rows under a header -> records, and the group the last of them left open."""
    if header is None or not pending:
        return [], group
    s = _shift(pending, header)
    if s:
        pending = [(_shifted(c, s), p, t, n) for c, p, t, n in pending]
    if header.roles[-1] == "name" and not header.labels[-1]:  # values under a section's heading
        return _under_heading(pending, header, group, year, heading), group
    return read_rows(pending, header, group, year)


def _under_heading(pending, header: Header, group, year, heading) -> list[Indicator]:
    """A section's small table of values ("เป้าหมาย | ผลการดำเนินงาน | คะแนน") under its
    indicator's heading: one record, its values read in the header's order (merged cells
    shift them off their labels' columns)."""
    roles = [r for k, r in enumerate(header.roles[:-1]) if r and (k == 0 or header.roles[k - 1] != r)]
    code, name = split_code(heading or "")
    for cells, page, table, number in pending:
        values = [c for c in cells if c.strip()]
        if len(values) != len(roles):
            continue
        flat = Header(roles=roles + ["name"], years=[None] * (len(roles) + 1), labels=roles + [""])
        found, _ = read_rows([(tuple(values) + (heading or "",), page, table, number)], flat, group, year)
        return [f.model_copy(update={"code": code, "name": name}) for f in found[:1]]
    return []


def indicators(parsed: ParsedDocument) -> tuple[list[Indicator], list[Flag], list[Line]]:
    """The records of the document's indicator tables, the flags of their total rows (which
    are not records) and the cleaned lines."""
    lines = clean_lines(parsed)
    fiscal, academic, _ = periods(lines)
    out: list[Indicator] = []
    carried: Optional[Header] = None
    open_group: Optional[str] = None
    open_epoch = 0
    last_page = -10
    contexts = _contexts(lines)
    previous_end = 0
    runs: list[list[Indicator]] = []  # the rows of each table, continued over pages, totals in
    run_labels, run_page = None, -10
    for first, rows in _blocks(lines):
        year, heading, group, epoch = contexts[first]
        if group is None and rows[0].page <= last_page + 1 and epoch == open_epoch:
            group = open_group  # a group row on the page before still holds
        year = academic or year or fiscal
        start = rows[0].page
        header = carried if carried is not None and start <= last_page + 1 \
            and len(rows[0].cells) >= carried.width - 2 and _has_values(rows[0]) else None
        if header is not None:
            rows = stray_rows(lines[previous_end:first], header, rows[0]) + rows
        previous_end = first + 1
        previous = carried if carried is not None and start <= last_page + 1 else None
        found, used, open_group = _read_table(rows, header, year, heading, group, previous)
        open_epoch = epoch
        if used is not None and used.labels == run_labels and start <= run_page + 1 and runs:
            runs[-1] += found
        else:
            runs.append(list(found))
        if used is not None:
            run_labels, run_page = used.labels, rows[-1].page
        found = [f for f in found if not is_total(f.name_raw)]
        if found and used is not None and not (used.roles[-1] == "name" and not used.labels[-1]):
            carried, last_page = used, rows[-1].page
        else:
            carried = None
        out += found
    flags = [f for run in runs for f in stated_total_flags([(r, is_total(r.name_raw)) for r in run])]
    out = _named_by_code(out)
    if not out:
        out = read_sheets([(l.cells, l.page, l.table, i) for i, l in enumerate(lines) if l.table is not None],
                          fiscal)
    return out, flags, lines


def _named_by_code(found: list[Indicator]) -> list[Indicator]:
    """A record named only by its code ("i1" in a table of codes and scores) takes the name an
    earlier record of the document gave that code."""
    names: dict[str, str] = {}
    out = []
    for r in found:
        if r.code and r.name and r.name != r.code:
            names.setdefault(r.code, r.name)
        elif r.code and r.name == r.code and r.code in names:
            r = r.model_copy(update={"name": names[r.code]})
        out.append(r)
    return out


def has_header(parsed: ParsedDocument) -> bool:
    """A quick look, on the rows as read (no cleaning), for an indicator table's header or a
    KPI sheet's name label: most documents have neither and are not read further."""
    for line, after in zip(parsed.lines, parsed.lines[1:] + [None]):
        if line.table is not None and (is_header_row(line.cells) or is_value_header_row(line.cells)
                                       or sheet_label(line.cells[0]) == "name"):
            return True
        if line.table is not None and after is not None and after.table == line.table \
                and is_split_header(line.cells, after.cells):
            return True
    return False


def has_level_table(parsed: ParsedDocument) -> bool:
    """A KPI table with a weight column over scoring levels 1-5 ("ตัวชี้วัด | น้ำหนัก |
    เกณฑ์การให้คะแนน 1..5"): one row per indicator, read here, not as a framework's slides."""
    rows = [line.cells for line in parsed.lines if line.table is not None]
    return any(is_header_row(r) and "weight" in read_header(rows, i).roles and is_level_row(rows[i + 1])
               for i, r in enumerate(rows[:-1]))


def _read(parsed: ParsedDocument) -> tuple[list[Indicator], list[Line]]:
    """The document read once: detect() reads it, extract() takes what it read (kept on the
    document itself, not in a global)."""
    if KIND not in parsed.derived:
        parsed.derived[KIND] = indicators(parsed)
    return parsed.derived[KIND]


def detect(parsed: ParsedDocument) -> float:
    if not has_header(parsed):
        return 0.0
    found, _, _ = _read(parsed)
    return CONFIDENCE if found else 0.0


def extract(parsed: ParsedDocument) -> Extraction:
    found, flags, lines = _read(parsed)
    fiscal, academic, months = periods(lines)
    fields: dict = {"indicators": found, "genre": genre(lines), "flags": flags}
    if fiscal:
        fields["fiscal_year_be"] = fiscal
    if academic:
        fields["academic_year_be"] = academic
    if months:
        fields["round_months"] = months
    return Extraction(**fields)
