"""The evaluation framework of a year (กรอบการประเมินผลการปฏิบัติราชการ): dimensions (มิติ) with
weights, every indicator with its code, name, weight and dimension, and scoring levels where a
slide gives them.

parse: ParsedDocument -> Framework, in named stages:
    clean_lines -> drop_site_chrome -> slides -> framework_tokens -> read_items
                                             -> group_totals, scoring_levels
Pure functions. The checks on the weights (weight_sum_mismatch) run later, in pipeline/checks/sums.py.

A framework table reaches us drawn as a table (PDF slides, HTML) or flattened into one line of
text by a slide-share site: "มิติที่ 2 : มิติด้านคุณภาพการให้บริการ 15 ความพึงพอใจของผู้รับบริการ
3.1 ร้อยละ... 5 3.2 ระดับ... 4". Both become the same stream of tokens (a table row is its cells
in order), read by one grammar: a dimension, then indicator codes, names and weights. Whether a
bare number is a code or a weight is decided by what follows it: an indicator's name starts
with one of labels.INDICATOR_NAME_OPENERS ("ระดับความสำเร็จ", "ร้อยละ", ...), a group title does
not. Codes listed before their names ("5.1 5.2 ระดับ... ระดับ... 1 2", a table flattened by
column) are matched to names and weights in order.

A framework may also be lists (framework_lists): a dimension's heading, then its items a line
each ("1. ระดับ... (น้ำหนักร้อยละ 30)", "• ร้อยละ..." with neither code nor weight), read by the
same grammar; in HTML the list's paragraphs after the heading. A slide that opens with
ตัวอย่าง illustrates (how to write an indicator) and is not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from thaikpi.extractors import labels
from thaikpi.extractors.framework_lists import codeless_items, is_example, is_list_item
from thaikpi.extractors.indicator_table import has_level_table
from thaikpi.extractors.lines import cells_text, clean_lines, drop_site_chrome, fiscal_year
from thaikpi.pipeline.text import match_key, to_arabic_digits
from thaikpi.schemas.document import Criterion, Dimension, Indicator
from thaikpi.schemas.extraction import Extraction
from thaikpi.schemas.parsed import Line, ParsedDocument


@dataclass
class Framework:
    fiscal_year_be: Optional[int] = None
    dimensions: list[Dimension] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


LEVEL_TABLE_CONFIDENCE = 0.4
_TITLE_KEYS = tuple(match_key(t) for t in labels.FRAMEWORK_TITLES)
_DIMENSION = re.compile(labels.DIMENSION_WORD + r"\s*(\d{1,2})")
_GROUP_TOTAL = re.compile(
    r"(?:" + "|".join(labels.INDICATOR_WORDS) + r")\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*\(\s*(?:"
    + "|".join(r"\s*".join(w) for w in labels.GROUP_TOTAL_WORDS) + r")\s*(\d{1,3}(?:\.\d{1,2})?)\s*%?\s*\)"
)
_TOKEN = re.compile(
    r"(?P<dim>" + labels.DIMENSION_WORD + r"\s*(?P<dim_no>\d{1,2})\s*[:：]?)"
    r"|(?P<paren>\(\s*(?:(?:" + "|".join(labels.WEIGHT_WORDS) + r")\s*)?(?P<paren_no>\d{1,3}(?:\.\d{1,2})?)\s*%?\s*\))"
    # a code or a weight: "4.", "2.2.1", "1.5", "50%"; never part of a date, range or word
    r"|(?P<num>(?<![0-9A-Za-z.\-/])\d{1,3}(?:\.\d{1,2}){0,3}\.?(?:\s*%)?(?![0-9A-Za-z\-/]|\.\d))"
)
_INDICATOR_CODE = re.compile(r"(?:" + "|".join(labels.INDICATOR_WORDS) + r")\s*(\d{1,2}(?:\.\d{1,2}){0,3})")
_LEVEL = re.compile(r"ระดับ(?:ที่)?\s*([1-5])(?!\d)")
_PERCENT = re.compile(labels.PERCENT_WORD + r"\s*(\d{1,3}(?:\.\d+)?)")
_OPENER_KEYS = tuple(match_key(o) for o in labels.INDICATOR_NAME_OPENERS)


def is_framework(parsed: ParsedDocument) -> bool:
    """A framework's title near the start, and a dimension (มิติที่ N) somewhere."""
    head = [match_key(line.text) for line in parsed.lines[:80]]
    if not any(t in key for key in head for t in _TITLE_KEYS):
        return False
    return any(_DIMENSION.search(to_arabic_digits(line.text)) for line in parsed.lines)


# --- stage 1: slides --------------------------------------------------------------------------

def slides(lines: list[Line], fmt: str) -> list[tuple[str, int]]:
    """The units a framework is laid out in, as (text, page): a PDF page is a slide; in HTML a
    table is one unit and so is every paragraph. Table cells are joined in reading order, a
    unit's lines by "\n" (a list's items are lines)."""
    units: list[list] = []
    last_key = None
    for n, line in enumerate(lines):
        text = cells_text(line)
        if fmt == "pdf":
            key = ("page", line.page)
        elif line.table is not None:
            key = ("table", line.table)
        else:
            key = ("line", n)
        if units and key == last_key:
            units[-1][0] += "\n" + text
        else:
            units.append([text, line.page])
        last_key = key
    return [(to_arabic_digits(t), p) for t, p in units]


# --- stage 2: tokens --------------------------------------------------------------------------

@dataclass
class Token:
    kind: str  # dim | num | text
    text: str
    value: Optional[float] = None  # num: the number; dim: its number
    trailing_dot: bool = False     # "4." is a code, never a weight
    paren: bool = False            # "(6)", "(น้ำหนักร้อยละ 30)": a weight, never a code
    page: int = 0


def group_totals(text: str) -> tuple[str, list[tuple[str, float]]]:
    """"ตัวชี้วัด 2.2 (น้ำหนักรวมร้อยละ 18)" -> ("2.2", 18), removed from the text so that its
    numbers are not read as a code and a weight."""
    found = [(m.group(1), float(m.group(2))) for m in _GROUP_TOTAL.finditer(text)]
    return _GROUP_TOTAL.sub(" ", text), found


def framework_tokens(text: str, page: int) -> list[Token]:
    """The text of a framework unit from its first dimension on -> tokens."""
    tokens: list[Token] = []
    at = 0
    for m in _TOKEN.finditer(text):
        _add_text(tokens, text[at:m.start()], page)
        at = m.end()
        if m.group("dim"):
            tokens.append(Token("dim", m.group(0), value=float(m.group("dim_no")), page=page))
        elif m.group("paren"):
            tokens.append(Token("num", m.group(0), value=float(m.group("paren_no")), paren=True, page=page))
        else:
            raw = m.group("num").replace("%", "").strip()
            dot = raw.endswith(".")
            number = raw.rstrip(".")
            value = float(number) if number.count(".") <= 1 else None
            tokens.append(Token("num", number, value=value, trailing_dot=dot, page=page))
    _add_text(tokens, text[at:], page)
    return tokens


def _add_text(tokens: list[Token], text: str, page: int) -> None:
    text = text.strip(" \t\n*:：,;" + labels.LIST_BULLETS)
    if text:
        tokens.append(Token("text", text, page=page))


def _starts_name(token: Token) -> bool:
    return token.kind == "text" and match_key(token.text).startswith(_OPENER_KEYS)


def split_names(text: str, count: int) -> list[Optional[str]]:
    """Names listed one after another ("ระดับ... ระดับ...") -> `count` names, split where a
    phrase opens with an indicator-name opener. None where the split is not certain."""
    if count == 1:
        return [text]
    starts = [0] + [m.start() + 1 for m in re.finditer(r"\s(?=" + "|".join(
        re.escape(o) for o in labels.INDICATOR_NAME_OPENERS) + ")", text)]
    starts = sorted(set(starts))
    if len(starts) != count:
        return [text] + [None] * (count - 1)
    bounds = starts + [len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]


# --- stage 3: the grammar ---------------------------------------------------------------------

@dataclass
class _State:
    dimensions: dict[int, Dimension] = field(default_factory=dict)
    items: dict[str, Indicator] = field(default_factory=dict)
    dimension: Optional[int] = None
    dimension_wants: str = ""  # "name", "weight" or "" after a dimension label
    pending: list[str] = field(default_factory=list)  # codes waiting for a weight
    unnamed: list[str] = field(default_factory=list)  # codes waiting for a name


def read_items(tokens: list[Token], state: _State) -> None:
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "dim":
            _open_dimension(state, tokens, i)
            i += 1
            continue
        if tok.kind == "text":
            _read_text(state, tok)
            i += 1
            continue
        # a run of numbers: the weights of items (or of the dimension) waiting for one, then,
        # if a name follows, the codes of the items it names (a name always has a code)
        j = i
        while j < len(tokens) and tokens[j].kind == "num":
            j += 1
        run = tokens[i:j]
        wanting = [] if state.unnamed else [c for c in state.pending if state.items[c].weight is None]
        n_codes = 0
        if j < len(tokens) and _starts_name(tokens[j]):
            n_codes = max(1, len(run) - len(wanting) - (state.dimension_wants == "weight"))
        dotted = next((n for n, t in enumerate(run) if t.trailing_dot or t.value is None), None)
        if dotted is not None:
            n_codes = max(n_codes, len(run) - dotted)
        # a weight in parentheses ends the codes: the name after it has none (a list's bullet)
        n_codes = min(n_codes, next((n for n, t in enumerate(reversed(run)) if t.paren), len(run)))
        weights, codes = run[:len(run) - n_codes], run[len(run) - n_codes:]
        for num in weights:
            if state.dimension_wants == "weight":
                state.dimensions[state.dimension].weight = num.value
                state.dimension_wants = ""
            elif wanting:
                state.items[wanting.pop(0)].weight = num.value
        for num in codes:
            _open_item(state, num)
        i = j


def _open_dimension(state: _State, tokens: list[Token], i: int) -> None:
    number = int(tokens[i].value)
    state.pending, state.unnamed = [], []
    state.dimension = number
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    continued = following is not None and following.kind == "text" and labels.CONTINUED_WORD in following.text
    if number in state.dimensions or continued:
        state.dimensions.setdefault(number, Dimension(number=number, name="", page=tokens[i].page))
        state.dimension_wants = "skip_name" if continued else ""
        return
    state.dimensions[number] = Dimension(number=number, name="", page=tokens[i].page)
    state.dimension_wants = "name"


def _read_text(state: _State, tok: Token) -> None:
    text = " ".join(tok.text.split("\n"))
    if state.dimension_wants == "skip_name":
        state.dimension_wants = ""
        return
    if state.dimension_wants == "name":
        state.dimensions[state.dimension].name = text.replace(labels.CONTINUED_WORD, "").strip()
        state.dimension_wants = "weight"
        return
    if state.unnamed:
        for code, name in zip(state.unnamed, split_names(text, len(state.unnamed))):
            if name and not state.items[code].name:
                state.items[code].name = name
        state.unnamed = []
        return
    # Names, a line each, with no code: a list's items, indicators without code or weight.
    # Their weights, if any, follow them.
    if state.dimension is not None and (names := codeless_items(tok.text)):
        state.pending = []
        for name in names:
            key = f"#{len(state.items)}"
            state.items[key] = Indicator(name=name, dimension=state.dimension, page=tok.page)
            state.pending.append(key)
        state.dimension_wants = ""
        return
    # A group title ("การมีส่วนร่วมของประชาชน") or a note: the items before it are done.
    state.pending = []
    state.dimension_wants = ""


def _open_item(state: _State, tok: Token) -> None:
    code = tok.text
    if code not in state.items:
        state.items[code] = Indicator(code=code, dimension=state.dimension, page=tok.page)
    state.dimension_wants = ""
    state.pending.append(code)
    state.unnamed.append(code)


# --- stage 4: scoring levels ------------------------------------------------------------------

def scoring_levels(text: str) -> Optional[tuple[Optional[str], list[Criterion]]]:
    """"เกณฑ์การให้คะแนน : ระดับ 1 ... ระดับ 5 ร้อยละ 80 ... ร้อยละ 100" -> (the indicator code the
    slide names, or None; five criteria). Levels must run 1..5 and the values rise or fall."""
    label = next((m for m in (re.search(r"\s*".join(w), text) for w in labels.CRITERIA_LABELS) if m), None)
    if label is None:
        return None
    after = text[label.end():]
    levels = [int(m.group(1)) for m in _LEVEL.finditer(after)][:5]
    values = [(m.group(0), float(m.group(1))) for m in _PERCENT.finditer(after)][:5]
    if levels != [1, 2, 3, 4, 5] or len(values) != 5:
        return None
    numbers = [v for _, v in values]
    if not (numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)):
        return None
    before = list(_INDICATOR_CODE.finditer(text[:label.start()]))
    code = before[-1] if before else _INDICATOR_CODE.search(text, label.end())
    criteria = [Criterion(level=lv, text=t, value=v) for lv, (t, v) in zip(levels, values)]
    return (code.group(1) if code else None), criteria


def _has_criteria_label(text: str) -> bool:
    key = match_key(text)
    return any(match_key(w) in key for w in labels.CRITERIA_LABELS)


# --- wiring -----------------------------------------------------------------------------------

def parse(parsed: ParsedDocument) -> Framework:
    lines = drop_site_chrome(clean_lines(parsed))
    state = _State()
    totals: list[tuple[str, float, int]] = []
    levels: list[tuple[Optional[str], list[Criterion], int]] = []
    units = slides(lines, parsed.format)
    in_list = False  # HTML: the paragraphs after a dimension's heading are its list's items
    for index, (text, page) in enumerate(units):
        text, found = group_totals(text)
        totals += [(code, total, page) for code, total in found]
        start = _DIMENSION.search(text)
        if is_example(text):
            in_list = False  # a slide that illustrates: its items are not the framework's
        elif start:
            read_items(framework_tokens(text[start.start():], page), state)
            in_list = parsed.format != "pdf"
        elif found:  # a note that lists a group's sub-indicators under the current dimension
            state.pending, state.unnamed, state.dimension_wants = [], [], ""
            read_items(framework_tokens(text, page), state)
        elif in_list and is_list_item(text):
            read_items(framework_tokens(text, page), state)
        else:
            in_list = False
        # A slide's intro, label and levels may be separate paragraphs and a table in HTML.
        window = text if parsed.format == "pdf" else " ".join(t for t, _ in units[max(0, index - 2):index + 3])
        scored = scoring_levels(window) if _has_criteria_label(text) else None
        if scored:
            levels.append((scored[0], scored[1], page))
    for code, total, page in totals:
        item = state.items.setdefault(code, Indicator(code=code, dimension=state.dimension, page=page))
        item.weight_total_stated = total
    for code, criteria, page in levels:
        if code is None:
            continue  # an example slide that names no indicator: nothing to attach it to
        item = state.items.setdefault(code, Indicator(code=code, page=page))
        item.criteria = [c.model_copy(update={"page": page}) for c in criteria]
        item.criteria_kind = "numeric"
    return Framework(
        fiscal_year_be=fiscal_year(lines),
        dimensions=sorted(state.dimensions.values(), key=lambda d: d.number),
        indicators=list(state.items.values()),
    )


# --- the extractor contract (extractors/registry.py) ------------------------------------------

KIND = "framework"


def detect(parsed: ParsedDocument) -> float:
    """Certain for a framework's slides; below the indicator-table reader (0.5) where its
    indicators sit in a KPI table of weights and levels, one row each."""
    if not is_framework(parsed):
        return 0.0
    return LEVEL_TABLE_CONFIDENCE if has_level_table(parsed) else 1.0


def extract(parsed: ParsedDocument) -> Extraction:
    found = parse(parsed)
    return Extraction(fiscal_year_be=found.fiscal_year_be, indicators=found.indicators,
                      dimensions=found.dimensions)
