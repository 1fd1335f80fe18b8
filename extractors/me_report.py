"""The national M&E progress report (รายงานระบบติดตามและประเมินผลแห่งชาติ): one project's
quarter: its outputs, outcomes, success indicators, activities, budget disbursed, problems and
suggestions, and the numbers its prose states.

parse: ParsedDocument -> MeReport, in named stages:
    clean_lines -> drop_site_chrome -> paragraphs -> split_sections -> numbered_items /
    list_items / budget (me_budget.py) / find_claims
Pure functions. The checks on the claims (count_mismatch, total_mismatch) run later, in
pipeline/checks/sums.py: this module only reads what the text states and what it lists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from thaikpi.extractors import labels
from thaikpi.extractors.me_budget import budget
from thaikpi.extractors.lines import clean_lines, drop_site_chrome, fiscal_year, paragraphs
from thaikpi.pipeline.text import match_key, parse_baht, parse_number, split_items, to_arabic_digits
from thaikpi.schemas.document import Claim, Project, ProjectItem
from thaikpi.schemas.extraction import Extraction
from thaikpi.schemas.parsed import ParsedDocument

Paragraph = tuple[str, int]  # (text, page)


@dataclass
class MeReport:
    fiscal_year_be: Optional[int] = None
    project: Project = field(default_factory=Project)


_TITLE_KEYS = tuple(match_key(t) for t in labels.ME_REPORT_TITLES)
_MARKER_KEYS = tuple(match_key(t) for t in labels.ME_REPORT_MARKERS)
_SECTION_KEYS = {name: tuple(match_key(w) for w in words) for name, words in labels.ME_SECTIONS.items()}
_QUARTER = re.compile(labels.QUARTER_WORD + r"\s*([1-4])(?!\d)")
_UNITS = "|".join(re.escape(u) for u in sorted(labels.AMOUNT_UNITS + labels.COUNT_UNITS, key=len, reverse=True))
# A number and its unit; the unit must end there ("7 จังหวัด", not "7 จังหวัดสุราษฎร์ธานี").
_CLAIM = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(" + _UNITS + r")"
                    r"(?:(?=" + "|".join(labels.AFTER_UNIT_WORDS) + r")|(?![\u0e01-\u0e4e]))")
_TOP_MARKER = re.compile(r"^\s*(\d{1,2})\.(?!\d)\s*")
HEADING_MAX_CHARS = 90  # a section label opens a section only as a heading


def is_me_report(parsed: ParsedDocument) -> bool:
    keys = [match_key(line.text) for line in parsed.lines[:60]]
    if any(t in key for key in keys for t in _TITLE_KEYS):
        return True
    whole = "".join(keys)
    return all(m in whole for m in _MARKER_KEYS)


# --- stage 1: sections ------------------------------------------------------------------------

def section_of(paragraph: str) -> Optional[str]:
    """The section a heading opens: the label, then nothing, a bracketed note or a colon, or
    a short tail ("การเบิกจ่ายงบประมาณประจำปีไตรมาสที่ 4 ...")."""
    key = match_key(paragraph)
    for name, keys in _SECTION_KEYS.items():
        for k in keys:
            if key.startswith(k):
                rest = key[len(k):]
                if not rest or rest[0] in "(:：" or len(paragraph) <= HEADING_MAX_CHARS:
                    return name
    return None


def split_sections(paras: list[Paragraph]) -> tuple[list[Paragraph], dict[str, list[Paragraph]]]:
    """Paragraphs before the first heading are the header; each heading opens its section (a
    section named twice keeps both parts, in order)."""
    header: list[Paragraph] = []
    sections: dict[str, list[Paragraph]] = {}
    current: Optional[list[Paragraph]] = None
    for text, page in paras:
        name = section_of(text)
        if name:
            current = sections.setdefault(name, [])
        elif current is None:
            header.append((text, page))
        else:
            current.append((text, page))
    return header, sections


def project_name(header: list[Paragraph]) -> Optional[str]:
    """The project's name: the header paragraph that starts with โครงการ, or the text after
    its label (ชื่อโครงการ :) in a line or in the next cell of a table row."""
    for text, _ in header:
        for label in labels.PROJECT_LABELS:
            if text.startswith(label):
                rest = text[len(label):].lstrip(" :：\t")
                if rest:
                    return rest
        if any(text.startswith(w) for w in labels.PROJECT_WORDS):
            return text
    return None


# --- stage 2: items ---------------------------------------------------------------------------

def numbered_items(paras: list[Paragraph]) -> list[ProjectItem]:
    """Top-level items "1.", "2.", ... with the paragraphs under each as details.

    A list nested inside an item may be numbered "1.", "2." too (seed 004 lists three events
    that way under output 2): a "1." that does not continue the top-level count starts a
    nested list, and numbers that continue the nested list stay in it.
    """
    items: list[ProjectItem] = []
    nested_next: Optional[int] = None
    for text, page in paras:
        m = _TOP_MARKER.match(text)
        number = int(m.group(1)) if m else None
        top_next = len(items) + 1
        if number is not None and number == nested_next:
            nested_next += 1
            items[-1].details.append(text)
        elif number is not None and number == top_next:
            items.append(ProjectItem(number=str(number), text=text[m.end():].strip(), page=page))
            nested_next = None
        elif number == 1 and items:
            nested_next = 2
            items[-1].details.append(text)
        elif items:
            items[-1].details.append(text)
        else:  # text before the first item: an item of its own, unnumbered
            items.append(ProjectItem(number=None, text=text, page=page))
    return items


def list_items(paras: list[Paragraph]) -> list[str]:
    """A problems or suggestions section -> its items; "-" alone means none."""
    out: list[str] = []
    for text, _ in paras:
        for item in split_items(text):
            if item not in labels.NONE_WORDS:
                out.append(item)
    return out


# --- stage 3: claims --------------------------------------------------------------------------

def find_claims(section: str, paras: list[Paragraph]) -> list[Claim]:
    """Every "number unit" in a section's prose, with what the text lists after a count."""
    claims: list[Claim] = []
    for index, (text, page) in enumerate(paras):
        arabic = to_arabic_digits(text)
        for m in _CLAIM.finditer(arabic):
            unit = m.group(2)
            value = parse_number(m.group(1))
            before = arabic[max(0, m.start() - 20):m.start()]
            if unit in labels.AMOUNT_UNITS:
                kind, value = "amount", parse_baht(m.group(0))
            elif any(w in (before.split() or [""])[-1] for w in labels.TOTAL_WORDS):
                kind = "total"
            else:
                kind = "count"
            claim = Claim(section=section, kind=kind, value=value, unit=unit, text=text, page=page)
            if kind == "count":
                listed = inline_list(arabic[m.end():], unit)
                if not listed and ends_paragraph(arabic[m.end():]):
                    listed = following_list(paras[index + 1:])
                if listed:
                    claim = claim.model_copy(update={"listed": len(listed), "listed_items": listed})
            claims.append(claim)
    return claims


def inline_list(rest: str, unit: str) -> list[str]:
    """"จำนวน 7 จังหวัด จังหวัดขอนแก่น จังหวัดชัยภูมิ ... และจังหวัดภูเก็ต" -> the names after the
    count: a run of words that start with the unit."""
    item = re.compile(r"\s*(?:,|และ)?\s*(" + re.escape(unit) + r"(?=[\u0e01-\u0e2e\u0e40-\u0e44])(?:(?!และ)[^\s,])+)")
    found = []
    at = 0
    while (m := item.match(rest, at)):
        found.append(m.group(1))
        at = m.end()
    return found


def ends_paragraph(rest: str) -> bool:
    """Nothing but "ดังนี้" / "คือ" / ":" after the count: a list follows in the next paragraphs."""
    rest = rest.strip()
    for word in labels.LIST_FOLLOWS_WORDS:
        rest = rest.replace(word, "")
    return not rest.strip(" .:：")


def following_list(paras: list[Paragraph]) -> list[str]:
    """The numbered list that starts in the next paragraph ("1. ...", "1) ...", "กิจกรรมที่ 1 ..."):
    its items numbered 1, 2, 3 ... in the same style, with other paragraphs between them."""
    if not paras:
        return []
    style = _numbering_style(paras[0][0])
    if style is None or style[1] != 1:
        return []
    found: list[str] = []
    for text, _ in paras:
        numbered = _numbering_style(text)
        if numbered is None or numbered[0] != style[0]:
            continue
        if numbered[1] != len(found) + 1:
            break
        found.append(text)
    return found


def _numbering_style(text: str) -> Optional[tuple[str, int]]:
    """"3. ..." -> ("N.", 3); "2) ..." -> ("N)", 2); "กิจกรรมที่ 1 ..." -> ("กิจกรรมที่", 1)."""
    arabic = to_arabic_digits(text).lstrip("-• ")
    m = re.match(r"(\d{1,2})([.)])(?!\d)", arabic)
    if m:
        return "N" + m.group(2), int(m.group(1))
    m = re.match(r"([\u0e01-\u0e4e]{2,20}ที่)\s*(\d{1,2})(?!\d)", arabic)
    if m:
        return m.group(1), int(m.group(2))
    return None


def link_totals(claims: list[Claim]) -> list[Claim]:
    """A stated total ("รวมมีผู้เข้าร่วม 4,625 คน") takes as its parts the nearest list before it
    whose every item states one number in the total's unit (three events: 1,550, 1,341, 1,734 คน)."""
    out: list[Claim] = []
    for i, claim in enumerate(claims):
        if claim.kind == "total":
            for earlier in reversed(claims[:i]):
                parts = _unit_values(earlier.listed_items, claim.unit)
                if parts:
                    claim = claim.model_copy(update={"parts": parts})
                    break
        out.append(claim)
    return out


def _unit_values(items: list[str], unit: str) -> list[float]:
    values = []
    for item in items:
        found = [m for m in _CLAIM.finditer(to_arabic_digits(item)) if m.group(2) == unit]
        if len(found) != 1:
            return []
        values.append(parse_number(found[0].group(1)))
    return values if len(values) >= 2 else []


# --- wiring -----------------------------------------------------------------------------------

def parse(parsed: ParsedDocument) -> MeReport:
    lines = drop_site_chrome(clean_lines(parsed))
    paras = paragraphs(lines)
    header, sections = split_sections(paras)
    whole = " ".join(to_arabic_digits(t) for t, _ in paras)
    quarter = _QUARTER.search(whole)
    name = project_name(header)
    claims: list[Claim] = find_claims("header", header)
    for section in ("outputs", "outcomes", "kpis", "activities", "budget", "summary"):
        claims += find_claims(section, sections.get(section, []))
    summary = "\n".join(t for t, _ in sections.get("summary", [])) or None
    year = fiscal_year(lines)
    money = budget(sections.get("budget", []) or paras)
    if money["received"] is None:  # often in the header, before the sections
        money["received"] = budget(header)["received"]
    project = Project(
        name=name, fiscal_year_be=year, quarter=int(quarter.group(1)) if quarter else None,
        budget_received_baht=money["received"], budget_disbursed_baht=money["disbursed"],
        outputs=numbered_items(sections.get("outputs", [])),
        outcomes=numbered_items(sections.get("outcomes", [])),
        kpis=numbered_items(sections.get("kpis", [])),
        activities=numbered_items(sections.get("activities", [])),
        summary=summary,
        problems=list_items(sections.get("problems", [])),
        suggestions=list_items(sections.get("suggestions", [])),
        claims=link_totals(claims),
    )
    return MeReport(fiscal_year_be=year, project=project)


# --- the extractor contract (extractors/registry.py) ------------------------------------------

KIND = "me_report"


def detect(parsed: ParsedDocument) -> float:
    return 1.0 if is_me_report(parsed) else 0.0


def extract(parsed: ParsedDocument) -> Extraction:
    found = parse(parsed)
    return Extraction(fiscal_year_be=found.fiscal_year_be, project=found.project)
