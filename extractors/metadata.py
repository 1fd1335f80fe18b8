"""A document's metadata, whatever its kind: title, agency, fiscal and academic year, round.
Pure functions of the reader's lines; the words are data (labels_metadata.py).

Where each is read:
- the period (ปีงบประมาณ, ปีการศึกษา, รอบ N เดือน) from the front pages (the cover and the two
  pages after it), then from running heads (a line printed alike at the top or foot of three
  pages or more); a round only from a line that names one (not a row of round columns, not
  an unchecked box), never from ไตรมาส (a quarter); a fiscal
  year also from the body when the front names no period at all: the year the body names most
  often. A year is taken only right after its label and within DOCUMENT_YEARS, so a law's
  year ("พ.ศ. ๒๕๔๐") or a date is never one; a list or range of years (a table's year
  columns) is no document's year, nor is the year of a budget the text speaks of
  ("งบประมาณรายจ่ายประจำปีงบประมาณ 2567").
- the title: the first line of the first two pages that starts with a word of what the
  document is (รายงาน…, แผน…, แบบประเมิน…), with the lines that go on with it.
- the agency: a labelled name ("หน่วยงาน …"), else the body the title says it is of
  ("… ของเทศบาลนคร…", "การประชุมสภาเทศบาล…"), else the first cover line that is a unit's name
  (สำนัก…, กรม…, เทศบาล…), else a parent's (มหาวิทยาลัย…, กระทรวง…).
Pages whose text layer is missing or garbled are not read: no metadata beats a wrong one.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Iterator, Optional

from thaikpi.extractors import labels_metadata as words
from thaikpi.extractors.lines import clean_lines
from thaikpi.pipeline.text import match_key
from thaikpi.schemas.parsed import ParsedDocument

FRONT_PAGES = 3         # the cover and the pages after it, where a document states its period
TITLE_PAGES = 2         # where its title and agency are printed
RUNNING_HEAD_PAGES = 3  # a line printed on this many pages is a running head
HEAD_LINES = 3          # ... among the first or last lines of each
PROSE_LINE = 60         # a line this long before a name: the name is a wrap of prose
MAX_TITLE_KEY = 150     # longer lines are prose, not headings
MAX_AGENCY_CHARS = 80
CONTINUATION_LINES = 3
# A document's own fiscal or academic year: Thai performance reporting began in the 2540s
# (1997-), and a plan looks a few years ahead; a year outside is a misread (OCR reads ๒๕๖๕
# as ๒๕๐๕) or a law's or a history's, never the document's
DOCUMENT_YEARS = range(2540, 2601)
BEFORE = 12             # characters before a year's label that may say whose year it is

_FISCAL = re.compile(words.FISCAL_YEAR_LABEL + words.ERA + r"(\d{4})")
_ACADEMIC = re.compile(words.ACADEMIC_YEAR_LABEL + words.ERA + r"(\d{4})")
_ROUND = re.compile(f"([{words.UNCHECKED_BOXES}]?)" + words.ROUND)
# After a year: another year (a list of year columns) or a range ("2563 - 2565").
_MORE_YEARS = re.compile(r"(?:[-–—,]|ถึง)?(?:พ\.?ศ\.?)?\d{4}")
_WORDS = re.compile("[\u0e01-\u0e2eA-Za-z]")
_LEADERS = re.compile(r"\.{4,}|…{2,}")
_TITLE_KEYS = tuple(match_key(w) for w in words.TITLE_WORDS)
_CONTINUATION_KEYS = tuple(match_key(w) for w in words.TITLE_CONTINUATIONS)
_UNIT_KEYS = tuple(match_key(w) for w in words.AGENCY_UNITS)
_PARENT_KEYS = tuple(match_key(w) for w in words.AGENCY_PARENTS)
_PREFIX_KEYS = tuple(match_key(w) for w in words.AGENCY_PREFIXES)
_AGENCY_WORD = "|".join(words.AGENCY_UNITS + words.AGENCY_PARENTS)
_LABELLED = re.compile(rf"(?:{'|'.join(words.AGENCY_LABELS)})[\s.:…]*((?:{_AGENCY_WORD})[^\s.…]+)")
# In a title, the body it belongs to: "… ของเทศบาลนคร…", "รายงานการประชุมสภาเทศบาล…".
_OWNER_IN_TITLE = re.compile(rf"(?:{'|'.join(words.AGENCY_OWNER_WORDS)})\s*((?:{_AGENCY_WORD})[^\s.…]+)")
_TRAILING_NOISE = re.compile(r"[\s☑☐\d๐-๙().\-]+$")


@dataclass(frozen=True)
class Piece:
    """One printed line as these rules read it: a PDF text line, or one line of a table cell."""
    page: int
    text: str
    key: str
    group: tuple     # pieces of one group may continue each other (lines of a page, of a cell)
    line: int        # the reader's line it belongs to (a table row's cells share one)
    table: Optional[int] = None
    first_row: bool = False


@dataclass
class Pieces:
    """What these rules read of a document: every line of its front pages; past them, each
    page's first and last lines (running heads), and, only when asked, the lines about a
    fiscal year (the body). Cleaning a budget book's every line would cost more than reading
    it. Pages are those the reader found text on, readable or not: a garbled cover is still
    the cover, and gives nothing."""
    parsed: ParsedDocument
    pages: list[int]
    front: list[Piece]
    heads: list[Piece]  # past the front: edge lines printed alike on several pages

    @classmethod
    def of(cls, parsed: ParsedDocument) -> "Pieces":
        pages = sorted({line.page for line in parsed.lines if any(c.strip() for c in line.cells)})
        front = set(pages[:max(FRONT_PAGES, TITLE_PAGES)])
        by_page: dict[int, list[int]] = defaultdict(list)
        for n, line in enumerate(parsed.lines):
            if line.table is None and line.page not in front:
                by_page[line.page].append(n)
        edges = [n for indices in by_page.values()
                 for n in dict.fromkeys(indices[:HEAD_LINES] + indices[-HEAD_LINES:])]
        compact = {n: re.sub(r"\s+", "", parsed.lines[n].text) for n in edges}
        printed_on = defaultdict(set)
        for n in edges:
            printed_on[compact[n]].add(parsed.lines[n].page)
        heads = [n for n in edges if len(printed_on[compact[n]]) >= RUNNING_HEAD_PAGES]
        return cls(parsed, pages, _read(parsed, [n for n, line in enumerate(parsed.lines) if line.page in front]),
                   _read(parsed, sorted(heads)))

    def first_pages(self, count: int) -> set[int]:
        return set(self.pages[:count])

    def on(self, pages: set[int]) -> list[Piece]:
        return [p for p in self.front if p.page in pages]

    def body(self) -> list[Piece]:
        """Past the front pages, the lines with a fiscal year's label (and the line before each,
        whose end may hold the label)."""
        front = set(self.pages[:max(FRONT_PAGES, TITLE_PAGES)])
        compact = [re.sub(r"\s+", "", line.text) for line in self.parsed.lines]
        return _read(self.parsed, [n for n, line in enumerate(self.parsed.lines) if line.page not in front
                                   and any(words.FISCAL_STEM in text for text in compact[n:n + 2])])


def _read(parsed: ParsedDocument, indices: list[int]) -> list[Piece]:
    """The pieces of these lines (by index) of pages with a trustworthy text layer."""
    unread = set(parsed.pages_without_text) | set(parsed.garbled_pages)
    seen_tables: set[int] = set()
    out = []
    for n in indices:
        raw = parsed.lines[n]
        if raw.page in unread:
            continue
        for line in clean_lines(replace(parsed, lines=[raw])):
            first_row = line.table is not None and line.table not in seen_tables
            if line.table is not None:
                seen_tables.add(line.table)
            for c, cell in enumerate(line.cells):
                group = ("page", line.page) if line.table is None else ("cell", n, c)
                for text in cell.split("\n"):
                    text = text.strip()
                    if text:
                        out.append(Piece(line.page, text, match_key(text), group, n, line.table, first_row))
    return out


def year_mentions(pieces: list[Piece], pattern: re.Pattern, line_end: bool = False) -> Iterator[int]:
    """The years a label names, in reading order. A label at a line's end finds its year on
    the next line of the same page or cell ("…ประจำปี" / "งบประมาณ พ.ศ. 2567"). With line_end,
    only a year that ends its line (a heading's "… ปีงบประมาณ 2552", not prose that goes on)."""
    for i, piece in enumerate(pieces):
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        joined = following is not None and following.group == piece.group and following.line - piece.line <= 1
        after = following.key if joined else ""
        text = piece.key + after
        for m in pattern.finditer(text):
            if m.start() >= len(piece.key):
                break
            year = int(m.group(1))
            if year not in DOCUMENT_YEARS or _MORE_YEARS.match(text, m.end()):
                continue
            if words.BUDGET_OF_YEAR in text[max(0, m.start() - BEFORE):m.start()]:
                continue
            end = len(piece.key) if m.end() <= len(piece.key) else len(text)
            if line_end and text[m.end():end].strip(").,"):
                continue
            yield year


def _first(years: Iterable[int]) -> Optional[int]:
    return next(iter(years), None)


def _most_named(years: Iterable[int]) -> Optional[int]:
    """The year named most often; on a tie, the one named first."""
    order = list(years)
    if not order:
        return None
    counts = Counter(order)
    return max(dict.fromkeys(order), key=lambda y: counts[y])


def _round(pieces: list[Piece]) -> Optional[int]:
    """รอบ N เดือน on a line that names one round (a row of round columns names several)."""
    lines: dict[int, set[int]] = defaultdict(set)
    for piece in pieces:
        lines[piece.line].update(int(n) for box, n in _ROUND.findall(piece.key) if not box)
    for rounds in lines.values():
        if len(rounds) == 1 and (n := rounds.pop()) in words.ROUNDS:
            return n
    return None


def _running_heads(edges: list[Piece]) -> list[Piece]:
    """The lines at the top or foot of a page (outside tables) printed so on several pages."""
    pages = defaultdict(set)
    for piece in edges:
        pages[piece.key].add(piece.page)
    return [p for p in dict.fromkeys(edges) if len(pages[p.key]) >= RUNNING_HEAD_PAGES]


def period(doc: Pieces) -> dict:
    # A year OCR read is trusted last: Thai OCR confuses digits (๒๕๖๗ read as ๒๕๒๓), so a
    # text layer's year wins wherever the document has one; a scan has only OCR's.
    ocr = {page for page, source in doc.parsed.text_sources.items() if source == "ocr"}
    front_all = doc.on(doc.first_pages(FRONT_PAGES))
    front = [p for p in front_all if p.page not in ocr]
    by_ocr = [p for p in front_all if p.page in ocr]
    heads = _running_heads(doc.heads)
    academic = _first(year_mentions(front, _ACADEMIC)) or _first(year_mentions(heads, _ACADEMIC))
    fiscal = _first(year_mentions(front, _FISCAL)) or _first(year_mentions(heads, _FISCAL))
    if fiscal is None and academic is None:
        body = doc.body()
        fiscal = _most_named(year_mentions([p for p in body if p.page not in ocr], _FISCAL, line_end=True))
        if fiscal is None:
            academic = _first(year_mentions(by_ocr, _ACADEMIC))
            fiscal = _first(year_mentions(by_ocr, _FISCAL)) or _most_named(year_mentions(body, _FISCAL, line_end=True))
    return {"fiscal_year_be": fiscal, "academic_year_be": academic,
            "round_months": _round(front) or _round(heads) or _round(by_ocr)}


def cover(doc: Pieces) -> list[Piece]:
    """The first pages' lines; of a table, only the first row of the first page's tables (a
    cover laid out as a table), not the rows of a table of data."""
    pages = doc.first_pages(TITLE_PAGES)
    first = min(pages, default=None)
    return [p for p in doc.on(pages) if p.table is None or (p.first_row and p.page == first)]


def _is_heading(piece: Piece) -> bool:
    return len(piece.key) <= MAX_TITLE_KEY and not piece.key.endswith(":") and not _LEADERS.search(piece.text)


def title(lines: list[Piece]) -> Optional[str]:
    for i, piece in enumerate(lines):
        if piece.key.startswith(_TITLE_KEYS) and _is_heading(piece):
            parts = [piece.text]
            for more in lines[i + 1:i + 1 + CONTINUATION_LINES]:
                if more.page != piece.page or more.key == piece.key or not more.key.startswith(_CONTINUATION_KEYS) \
                        or not _WORDS.search(more.text):
                    break
                parts.append(more.text)
            return " ".join(parts)
    return None


def _agency_line(piece: Piece, before: Optional[Piece]) -> Optional[str]:
    """The agency a cover line names, when the line is a name: not prose (nor a wrap of the
    long line before it), not a form's blank."""
    text, key = piece.text, piece.key
    for prefix in _PREFIX_KEYS:
        if key.startswith(prefix) and key[len(prefix):].startswith(_UNIT_KEYS + _PARENT_KEYS):
            text, key = text[len(prefix):].lstrip(), key[len(prefix):]
    if not key.startswith(_UNIT_KEYS + _PARENT_KEYS) or len(text) > MAX_AGENCY_CHARS:
        return None
    if _LEADERS.search(text) or key.endswith((":", "ดังนี้")):
        return None
    if before is not None and before.group == piece.group and len(before.text) > PROSE_LINE \
            and not before.key.startswith(_TITLE_KEYS):
        return None
    return _TRAILING_NOISE.sub("", text) or None


def _rank(name: str) -> int:
    return 0 if match_key(name).startswith(_UNIT_KEYS) else 1


def _cover_names(lines: list[Piece]) -> list[str]:
    """The names cover lines print, a name printed over two lines joined."""
    names: list[str] = []
    previous = None
    for i, piece in enumerate(lines):
        name = _agency_line(piece, lines[i - 1] if i else None)
        if name and previous is not None and previous == i - 1 and lines[previous].page == piece.page:
            names[-1] = f"{names[-1]} {name}"
        elif name:
            names.append(name)
        previous = i if name else previous
    return names


def agency(lines: list[Piece], title_text: Optional[str]) -> Optional[str]:
    for piece in lines:
        m = _LABELLED.search(piece.text)
        if m:
            return m.group(1)
    owner = _OWNER_IN_TITLE.search(title_text or "")
    if owner:
        return owner.group(1)
    names = _cover_names(lines)
    for rank in (0, 1):
        for name in names:
            if _rank(name) == rank:
                return name
    return None


def document_metadata(parsed: ParsedDocument) -> dict:
    """title, agency, fiscal_year_be, academic_year_be, round_months: None where not printed."""
    pieces = Pieces.of(parsed)
    front = cover(pieces)
    title_text = title(front)
    return {"title": title_text, "agency": agency(front, title_text), **period(pieces)}
