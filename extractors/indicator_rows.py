"""An indicator table's rows -> indicator records (schemas.document.Indicator).

One record per indicator row, or per indicator and year where the header has a column per year
(long format: year_be set, the year's plan the target, a bracketed "( 856,030 )" under it the
result). A row without values that opens a group (องค์ประกอบที่ 1, ผลผลิตที่ 1 :) sets the group
of the rows under it; totals and averages (รวม, เฉลี่ย) and money lines are not indicators. A
cell listing several indicators ("- ตัวชี้วัด : ..." twice, values one a line) is split.
"""
from __future__ import annotations

import functools
import re
from typing import Optional, Sequence

from thaikpi.extractors import labels_indicators as L
from thaikpi.extractors.indicator_header import Header, fast_key, loose_key
from thaikpi.extractors.indicator_values import (
    Value, achieved_in, first_with_unit, parse_number, parse_value, split_bracketed,
)
from thaikpi.pipeline.text import join_lines, to_arabic_digits
from thaikpi.schemas.document import Criterion, Indicator

_CODE = re.compile(r"^\s*(?:(?P<label>ตัวบ่งชี้ที่|ตัวบ่งชี้|ตัวชี้วัดที่|ตัวชี้วัด)\s*)?"
                   r"(?P<code>[0-9]{1,2}(?:\.[0-9]{1,2}){0,4}|[a-zA-Z][0-9]{1,2})(?![0-9])\.?\s*")
_ITEM_CODE = re.compile(r"^[a-zA-Z][0-9]{1,2}$")
_LEAD = re.compile(r"^[\s\-–•●*]+")
_TOTAL_KEYS = tuple(loose_key(w) for w in L.TOTAL_WORDS)
_NOT_TOTAL_KEYS = tuple(loose_key(w) for w in L.NOT_TOTAL_WORDS)
_GROUP_KEYS = tuple(loose_key(w) for w in L.GROUP_WORDS)
_PREFIX_KEYS = tuple(fast_key(w) for w in L.NAME_PREFIXES)
_MARKER_KEYS = tuple(loose_key(w) for w in L.ITEM_MARKERS)
_PROJECT_KEYS = tuple(loose_key(w) for w in L.PROJECT_WORDS)
_SARA_AM_DOUBLED = re.compile("\u0e4d?\u0e33\\s?\u0e32")
_PROSE = 40  # characters: a longer value cell is prose, its number read beside its unit


def tidy(text: str) -> str:
    """A cell's lines joined by the Thai wrap rule; a doubled SARA AM ("ดํำ าเนิน") mended."""
    joined = join_lines([l for l in (text or "").split("\n") if l.strip()])
    return re.sub(r"\s+", " ", _SARA_AM_DOUBLED.sub("\u0e33", joined)).strip()


def strip_prefix(name: str) -> str:
    """Without its leading "-", "ตัวชี้วัด :", "เชิงปริมาณ :" labels."""
    text = _LEAD.sub("", name)
    for _ in range(2):
        k = fast_key(text)
        for prefix in _PREFIX_KEYS:
            if k.startswith(prefix) and re.match(r"^[^:]{0,25}:", text):
                text = _LEAD.sub("", text.split(":", 1)[1])
                break
    return text.strip()


def split_code(name: str) -> tuple[Optional[str], str]:
    """"ตัวบ่งชี้ที่ 1.1 กระบวนการ..." -> ("1.1", "กระบวนการ..."); "i1 เจ้าหน้าที่..." -> ("i1", ...).
    A name that is only its code keeps it whole ("ตัวบ่งชี้ 1.2")."""
    m = _CODE.match(to_arabic_digits(name))
    if not m or (not m.group("label") and not _ITEM_CODE.match(m.group("code"))):
        return None, name
    rest = name[m.end():].strip()
    return m.group("code"), rest or name.strip()


def is_total(name: str) -> bool:
    k = loose_key(_LEAD.sub("", name or ""))
    return any(k.startswith(t) for t in _TOTAL_KEYS) and not any(k.startswith(t) for t in _NOT_TOTAL_KEYS)


def is_group(name: str, words: Sequence[str] = ()) -> bool:
    """A row (or, given its words, a heading) that opens a group: "องค์ประกอบที่ 1 ...",
    "7.2.1 ผลผลิตที่ 1 : ..."."""
    k = loose_key(_LEAD.sub("", name))
    k = re.sub(r"^[0-9.]+|^[^:]{1,20}:", "", k)  # "7.2.1 ...", "มหาวิทยาลัย : ยุทธศาสตร์ที่ 1"
    keys = _word_keys(tuple(words)) if words else _GROUP_KEYS
    return any(k.startswith(g) for g in keys)


@functools.lru_cache(maxsize=64)
def _word_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a label table's words (asked on every heading of every document)."""
    return tuple(loose_key(w) for w in words)


def _first(cells: Sequence[str], cols: Sequence[int]) -> str:
    for j in cols:
        if j < len(cells) and cells[j].strip():
            return cells[j]
    return ""


def _split_items(name_cell: str) -> list[str]:
    """A cell that lists several "- ตัวชี้วัด :" items -> the items (text before the first is
    the group they answer)."""
    lines = (name_cell or "").split("\n")
    items: list[list[str]] = []
    for line in lines:
        k = loose_key(line)
        if any(k.startswith(m) for m in _MARKER_KEYS):
            items.append([line])
        elif items:
            items[-1].append(line)
    return ["\n".join(i) for i in items]


def _value_lines(cell: str) -> list[str]:
    return [l for l in (cell or "").split("\n") if l.strip()]


def _result(cell: str, unit: Optional[str]) -> Value:
    text = tidy(cell)
    if len(text) > _PROSE:
        return Value(text=text, value=first_with_unit(text, unit), unit=unit)
    return parse_value(text)


def records_of_row(cells: Sequence[str], header: Header, *, page: int, table: Optional[int], row: int,
                   group: Optional[str], year: Optional[int]) -> list[Indicator]:
    """The records one data row holds (none for a group or an empty row). A total row is read
    as a record named as printed (is_total() tells it apart), for the check of its sum."""
    name_cell = _first(cells, header.columns("name"))
    items = _split_items(name_cell)
    if len(items) >= 2 or (items and not name_cell.lstrip().startswith(items[0].lstrip())):
        out = []
        for i, item in enumerate(items):
            sub = [(_value_lines(c)[i] if i < len(_value_lines(c)) else "") if j not in header.columns("name") else item
                   for j, c in enumerate(cells)]
            out += records_of_row(sub, header, page=page, table=table, row=row, group=group, year=year)
        return out
    name_raw = tidy(name_cell)
    if not name_raw:
        return []
    code_cell = tidy(_first(cells, header.columns("code")))
    name_cols = header.columns("name")
    if len(name_cols) >= 2 and _is_code(name_raw) and tidy(_first(cells, name_cols[1:])):
        # "ตัวชี้วัด" merged over a code column and a name column
        code_cell, name_raw = name_raw, tidy(_first(cells, name_cols[1:]))
    code, name = (None, name_raw) if is_total(name_raw) else split_code(strip_prefix(name_raw))
    if code is None and code_cell and _is_code(code_cell) and not is_total(name_raw):
        code = to_arabic_digits(code_cell).strip(".")
    base = dict(code=code, name=name, name_raw=name_raw, group=group, page=page, table=table, row=row)
    unit_cell = tidy(_first(cells, header.columns("unit"))).strip(" -–")
    years = header.year_columns
    if years:
        return _by_year(cells, header, years, base, unit_cell or None)
    return [_one(cells, header, base, unit_cell or None, year)]


def _is_code(text: str) -> bool:
    return bool(re.fullmatch(r"[0-9a-zA-Z.]{1,8}", to_arabic_digits(text)))


def _by_year(cells, header: Header, years: list[int], base: dict, unit: Optional[str]) -> list[Indicator]:
    out = []
    for j in years:
        cell = cells[j] if j < len(cells) else ""
        main, bracketed = split_bracketed(cell)
        label = loose_key(header.labels[j])
        result_only = header.roles[j] == "result" and not any(loose_key(w) in label for w in ("แผน", "เป้าหมาย"))
        value = parse_value(main)
        target = Value() if result_only else value
        result = value if result_only else parse_value(bracketed) if bracketed is not None else Value()
        out.append(Indicator(**base, unit=unit or target.unit or result.unit, year_be=header.years[j],
                             target_text=target.text, target_value=target.value,
                             target_comparator=target.comparator,
                             result_text=result.text, result_value=result.value))
    return out


def _one(cells, header: Header, base: dict, unit: Optional[str], year: Optional[int]) -> Indicator:
    raw_target = _first(cells, header.columns("target"))
    target_cell = tidy(raw_target)
    target = parse_value(target_cell) if len(target_cell) <= _PROSE else _prose_target(raw_target)
    unit = unit or target.unit
    result = _result(_first(cells, header.columns("result")), unit)
    unit = unit or result.unit
    score_cell = tidy(_first(cells, header.columns("score")))
    score = parse_number(score_cell) if len(score_cell) <= _PROSE else None
    status = _first(cells, header.columns("achieved"))
    achieved = achieved_in(status) if status.strip() else None
    if achieved is None and result.text and len(result.text) <= _PROSE:
        achieved = achieved_in(result.text) if "ผ่าน" in result.text else None
    if unit in L.SCORE_UNITS and target.unit != unit:  # a score's unit, unless the target is in scores
        unit = None
    weight_cell = tidy(_first(cells, header.columns("weight")))
    weight = parse_number(weight_cell) if len(weight_cell) <= _PROSE else None
    criteria = [Criterion(level=level, text=tidy(cells[j]), value=parse_value(tidy(cells[j])).value)
                for j, level in sorted(header.levels.items(), key=lambda item: item[1])
                if j < len(cells) and cells[j].strip()]
    numeric = len(criteria) == 5 and all(c.value is not None for c in criteria)
    return Indicator(**base, unit=unit, year_be=header.single_year or year, weight=weight,
                     target_text=target.text, target_value=target.value, target_comparator=target.comparator,
                     result_text=result.text, result_value=result.value, score=score, achieved=achieved,
                     criteria=criteria, criteria_kind="numeric" if numeric else None)


def _prose_target(text: str) -> Value:
    """A target written as prose ("เชิงปริมาณ นักศึกษาได้รับการอบรม จำนวน 60 คน เชิงคุณภาพ ..."):
    its first number from the quantity clause on, with the word after it as the unit."""
    lines = text.split("\n")
    quantity = next((k for k, l in enumerate(lines) if fast_key(L.QUANTITY_WORD) in fast_key(l)), 0)
    order = list(range(quantity, len(lines))) + list(range(quantity))
    k = next((k for k in order if parse_value(lines[k]).value is not None), None)
    if k is None:
        return Value(text=tidy(text))
    value = parse_value(lines[k])
    if value.unit is None and k + 1 < len(lines):  # the unit wrapped to the next line
        value = parse_value(lines[k] + " " + lines[k + 1])
    return Value(text=tidy(text), value=value.value, unit=value.unit, comparator=value.comparator)


def has_values(cells: Sequence[str], header: Header) -> bool:
    value_cols = [j for j, r in enumerate(header.roles) if r in L.VALUE_ROLES or r == "weight"] + header.year_columns
    return any(j < len(cells) and cells[j].strip() and cells[j].strip() not in ("-",) for j in value_cols)


def named_by_project(cells: Sequence[str], header: Header) -> Sequence[str]:
    """A row whose indicator cell is empty (merged over the rows under its first) but which has
    values of its own is a record of its own, named by its project cell; else as printed."""
    names = header.columns("name")
    projects = [j for j, label in enumerate(header.labels)
                if j not in names and any(k in loose_key(label) for k in _PROJECT_KEYS)]
    if not names or not projects or _first(cells, names).strip() or not has_values(cells, header):
        return cells
    project = _first(cells, projects)
    return tuple(project if j == names[0] else c for j, c in enumerate(cells)) if project.strip() else cells


def read_rows(rows: Sequence[tuple[Sequence[str], int, Optional[int], int]], header: Header,
              group: Optional[str], year: Optional[int]) -> tuple[list[Indicator], Optional[str]]:
    """(cells, page, table, row number) rows under a header -> records, and the group the last
    row left open. A row without values is a group when it names one; else an indicator only
    where a code column numbers it (a blank form)."""
    out: list[Indicator] = []
    codes = header.columns("code")
    for cells, page, table, number in rows:
        cells = named_by_project(cells, header)
        name = tidy(_first(cells, header.columns("name")))
        if not name:
            first = tidy(next((c for c in cells if c.strip()), ""))
            group = first if first and is_group(first) else group  # a strategy across the row
            continue
        if not has_values(cells, header) and len(_split_items(_first(cells, header.columns("name")))) < 2:
            if is_group(name):
                group = name
                continue
            if not (codes and _first(cells, codes).strip()):
                continue
        out += records_of_row(cells, header, page=page, table=table, row=number, group=group, year=year)
    return out, group
