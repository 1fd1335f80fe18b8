"""An indicator table's header: which rows are the header, and what each column holds.

A header row names the indicators (ตัวชี้วัด, ตัวบ่งชี้, ประเด็นการประเมิน, ...) and at least one
value (target, result, score, unit); its words are read in any order, damaged or not. Rows
below it with only short labels or years (two-row headers: "ค่าเป้าหมาย" over "ปี 2564 | ปี
2565") are part of it. A column's role is its lowest label's (the most specific); a column under
a merged label with none of its own takes the merged label's. Years in the header make year
columns: with two or more years the table is read one record per indicator and year.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from typing import Optional, Sequence

from thaikpi.extractors import labels_indicators as L
from thaikpi.pipeline.text import to_arabic_digits

# Combining marks (tone marks, upper and lower vowels, thanthakhat): dropped or misplaced by
# damaged text layers, so a loose key leaves them out; SARA AM is read as SARA AA.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf700-\uf71f]")  # with the PUA marks
_SPACE = re.compile("[\\s\u200b-\u200d\ufeff]+")
_YEAR = re.compile(r"(?<!\d)(25[0-9]{2})(?!\d)")
_HEADER_CELL_MAX = 70  # characters of a header label (a data cell is longer)
_MAX_HEADER_ROWS = 4
_SAME_LABEL = 0.7  # similarity of a label printed again to the first page's (OCR noise in it)


def fast_key(text: str) -> str:
    """text.match_key without its NFC and SARA AM passes: spaces removed, Arabic digits. Header
    words are tested on every table row of every document (has_header reads rows as the
    reader gave them), where those two passes would add up; the words matched need neither."""
    return _SPACE.sub("", to_arabic_digits(text or ""))


def loose_key(text: str) -> str:
    return _MARKS.sub("", fast_key(text).replace("\u0e33", "\u0e32"))


_ROLE_KEYS = tuple((role, tuple((loose_key(w), w in L.EXACT_WORDS) for w in words)) for role, words in L.ROLE_WORDS)
_NAME_KEYS = dict(_ROLE_KEYS)["name"]


def _strip(k: str) -> str:
    return k.strip(".:*/()-")


def cell_role(text: str) -> Optional[str]:
    """The role a header label names, or None."""
    k = loose_key(text)
    if not k or len(k) > _HEADER_CELL_MAX:
        return None
    for role, keys in _ROLE_KEYS:
        for word, exact in keys:
            if (exact and _strip(k) == word) or (not exact and word in k):
                return role
    return None


def names_indicators(text: str) -> bool:
    k = loose_key(text)
    return any((exact and _strip(k) == w) or (not exact and w in k) for w, exact in _NAME_KEYS)


def years_in(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(fast_key(text))]


@dataclass
class Header:
    roles: list[Optional[str]]           # per column
    years: list[Optional[int]]           # per column: the year its label names
    rows: int = 1                        # how many table rows the header takes
    labels: list[str] = field(default_factory=list)
    block: list[list[str]] = field(default_factory=list)  # its rows as printed
    levels: dict[int, int] = field(default_factory=dict)  # column -> the scoring level (1-5) it gives

    @property
    def width(self) -> int:
        return len(self.roles)

    def columns(self, role: str) -> list[int]:
        return [j for j, r in enumerate(self.roles) if r == role]

    @property
    def year_columns(self) -> list[int]:
        """Columns of a table with one column per year (two or more distinct years)."""
        cols = [j for j, y in enumerate(self.years) if y and self.roles[j] in ("target", "result", None, "money")]
        return cols if len({self.years[j] for j in cols}) >= 2 else []

    @property
    def single_year(self) -> Optional[int]:
        found = {y for y in self.years if y}
        return found.pop() if len(found) == 1 else None


def has_number(text: str) -> bool:
    """A cell with a number other than a year: a value, so not a header label."""
    return bool(re.search(r"\d", _YEAR.sub("", to_arabic_digits(text or ""))))


_ROUND_LABEL = re.compile(r"รอบ\s*\d{1,2}\s*เดือน")


def is_data_number(text: str) -> bool:
    """A number that makes a cell a value, not a label. A header label may carry a digit of
    its own: a round ("รอบ 6 เดือน"), or one lone digit among its words (a legend's marker,
    "๑ เกินเป้า" under สรุปสถานะ, as a scan's OCR reads a tick)."""
    if not has_number(text):
        return False
    if _ROUND_LABEL.search(to_arabic_digits(text)):
        return False
    digits = re.findall(r"\d", _YEAR.sub("", to_arabic_digits(text)))
    letters = re.findall(r"[\u0e01-\u0e2e]", text)
    return len(digits) > 1 or len(letters) < 4


def is_header_row(cells: Sequence[str]) -> bool:
    """A row that names the indicators and a value column, in labels only."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(is_data_number(c) for c in filled):
        return False
    roles = [cell_role(c) for c in filled]
    named = any(r == "name" for r in roles) or any(names_indicators(c) and len(loose_key(c)) <= _HEADER_CELL_MAX
                                                    for c in filled)
    valued = any(r in L.VALUE_ROLES for r in roles)
    labelled = sum(r is not None for r in roles)
    return named and valued and labelled >= max(2, (len(filled) + 1) // 2)


def is_value_header_row(cells: Sequence[str]) -> bool:
    """A header of values without a name column (a SAR's "เป้าหมาย | ผลการดำเนินงาน | คะแนน")."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(has_number(c) for c in filled):
        return False
    roles = [cell_role(c) for c in filled]
    return all(r in L.VALUE_ROLES for r in roles) and len({*roles}) >= 2


def is_label_row_above(cells: Sequence[str]) -> bool:
    """The top row of a two-row header whose name label is in the row below (a scanned
    action-plan table: "เป้าหมาย | ผลการดำเนินงาน | งบประมาณ… | สรุปสถานะ" over "…ตัวชี้วัด |
    ปี 2562 | รอบ 6 เดือน | …"): labels only, at least one naming a value."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(is_data_number(c) for c in filled):
        return False
    roles = [cell_role(c) for c in filled]
    return all(r is not None for r in roles) and any(r in L.VALUE_ROLES for r in roles)


def is_split_header(top: Sequence[str], bottom: Sequence[str]) -> bool:
    """A two-row header whose value labels are in the top row and whose name label is in the
    row below it."""
    filled = [c for c in bottom if c.strip()]
    if not is_label_row_above(top) or len(filled) < 2 or any(is_data_number(c) for c in filled):
        return False
    return any(cell_role(c) == "name" or (names_indicators(c) and len(loose_key(c)) <= _HEADER_CELL_MAX)
               for c in filled)


def is_level_row(cells: Sequence[str]) -> bool:
    """A header row numbering the scoring levels 1-5 under "เกณฑ์การให้คะแนน"."""
    return tuple(to_arabic_digits(c).strip() for c in cells if c.strip()) == L.LEVELS


def _continues_header(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    if not filled:
        return False
    if is_level_row(cells):
        return True
    for c in filled:
        k = loose_key(c)
        if len(k) > 40:
            return False
        digits = re.sub(r"25\d\d", "", to_arabic_digits(k))
        if re.search(r"\d", digits) and cell_role(c) is None:
            return False
    return True


def read_header(rows: Sequence[Sequence[str]], start: int, named: bool = True, above: bool = False) -> Header:
    """The header that starts at rows[start], with the label rows under it (and, `above`, the
    header row after it: rows[start] is then a label row over it)."""
    width = max(len(r) for r in rows[start:start + _MAX_HEADER_ROWS])
    block = [list(rows[start])] + ([list(rows[start + 1])] if above else [])
    for r in rows[start + len(block):start + _MAX_HEADER_ROWS]:
        if not _continues_header(r) or is_header_row(r):
            break
        block.append(list(r))
    block = [b + [""] * (width - len(b)) for b in block]
    roles: list[Optional[str]] = [None] * width
    years: list[Optional[int]] = [None] * width
    labels = [" ".join(b[j] for b in block if b[j].strip()) for j in range(width)]
    for level, row in enumerate(block):
        merged: Optional[str] = None
        for j, text in enumerate(row):
            role = cell_role(text) if text.strip() else None
            found = years_in(text)
            if text.strip():
                merged = role if level == 0 else None
            if role is not None:
                roles[j] = role
            elif not text.strip() and merged is not None and roles[j] is None:
                roles[j] = merged  # under a merged label of the row above
            if found:
                years[j] = found[-1]
    levels: dict[int, int] = {}
    for row in block[1:]:
        if is_level_row(row):  # the levels' columns: the target level's is the target
            for j, text in enumerate(row):
                if text.strip():
                    roles[j] = "target" if to_arabic_digits(text).strip() == L.TARGET_LEVEL else None
                    levels[j] = int(to_arabic_digits(text).strip())
    if named and "name" not in roles:
        for j, label in enumerate(labels):
            if names_indicators(label):
                roles[j] = "name"
                break
    return Header(roles=roles, years=years, rows=len(block), labels=labels, block=block, levels=levels)


def _same_label(printed: str, seen: str) -> bool:
    """One cell of a header printed again: empty in both, the same words, the same role or the
    same year (OCR reads a repeated label a little differently each page)."""
    if not printed.strip() or not seen.strip():
        return not printed.strip() and not seen.strip()
    a, b = loose_key(printed), loose_key(seen)
    if a == b or _similar(a, b):
        return True
    role = cell_role(printed)
    return (role is not None and role == cell_role(seen)) or (bool(years_in(seen)) and years_in(printed) == years_in(seen))


def _similar(a: str, b: str) -> bool:
    """SequenceMatcher's ratio reaches _SAME_LABEL. Its two quick ratios are upper bounds of it,
    and most pairs (a data row against a header) fail on them, before the slow one."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (matcher.real_quick_ratio() >= _SAME_LABEL and matcher.quick_ratio() >= _SAME_LABEL
            and matcher.ratio() >= _SAME_LABEL)


def _repeats_row(cells: Sequence[str], seen: Sequence[str]) -> bool:
    """A header row printed again: as wide, every label the same but at most one (damaged).
    A second miss settles it: the labels after it are not compared (every data row of a
    table is asked whether it repeats the header)."""
    if len(cells) != len(seen):
        return False
    misses = 0
    for cell, label in zip(cells, seen):
        if not _same_label(cell, label):
            misses += 1
            if misses > 1:
                return False
    return sum(bool(c.strip()) for c in seen) - misses >= 2


def repeated_rows(rows: Sequence[Sequence[str]], start: int, header: Header) -> int:
    """How many rows from rows[start] repeat `header` (a header printed again on the next page,
    one label damaged by OCR: "5 po)" for ตัวชี้วัด): 0 unless its top row does; then as many
    of its rows as repeat in turn (a lower row OCR merged with the first data row is data)."""
    if not header.block or not _repeats_row(rows[start], header.block[0]):
        return 0
    n = 1
    while n < len(header.block) and start + n < len(rows) and _repeats_row(rows[start + n], header.block[n]):
        n += 1
    return n
