"""The per-indicator KPI report (รายงานผลการปฏิบัติราชการตามคำรับรองฯ รายตัวชี้วัด).

parse: ParsedDocument -> KpiReport, in named stages, each in a module of its own:
    clean_lines -> drop_repeated_rows -> split_header_and_sections (kpi_sections) ->
    header_fields, round_boxes (kpi_header) / parse_steps, parse_criteria (kpi_steps) /
    parse_score_rows (kpi_score_table) / parse_list_section, parse_evidence (kpi_lists)
    -> Indicator.
Pure functions: no I/O, no scoring (the scorer recomputes later), text kept as read
(the normaliser turns digits and spacing into their clean form).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from thaikpi.extractors import aligned, labels
from thaikpi.extractors.kpi_header import code_and_name, header_fields, round_boxes, split_people, split_phones
from thaikpi.extractors.kpi_lists import parse_evidence, parse_list_section
from thaikpi.extractors.kpi_score_table import parse_score_rows, score_headers, unruled_table
from thaikpi.extractors.kpi_sections import (
    Section, drop_repeated_rows, paragraphs, split_header_and_sections,
)
from thaikpi.extractors.kpi_steps import is_steps_header, level_cell, parse_criteria, parse_steps
from thaikpi.extractors.lines import clean_lines, fiscal_year
from thaikpi.pipeline.text import match_key
from thaikpi.schemas.document import Indicator
from thaikpi.schemas.extraction import Extraction
from thaikpi.schemas.flags import Flag, Locator, RoundAmbiguous, TableUnreadable
from thaikpi.schemas.parsed import ParsedDocument


@dataclass
class KpiReport:
    fiscal_year_be: Optional[int] = None
    round_months: Optional[int] = None
    indicators: list[Indicator] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def is_kpi_report(parsed: ParsedDocument) -> bool:
    keys = [match_key(line.text) for line in parsed.lines[:60]]
    return any(title in key for key in keys for title in labels.KPI_REPORT_TITLES)


def unreadable_tables(sections: dict[str, Section], indicator: Indicator, index: int = 0) -> list[Flag]:
    """Tables that are there but were not read: flagged, so that an empty field is never
    taken for an empty table. `index`: the indicator's place in the document's indicators;
    the locator names the indicator's field the table's rows were for."""
    flags = []

    def flag(name: str, table: str, reason: str) -> None:
        page = next((line.page for line in sections[name].lines), None)
        where = Locator(page=page, indicator_code=indicator.code, indicator=index, table=name)
        flags.append(TableUnreadable.make(locator=where, table=table, reason=reason))

    score = sections.get("score_rows")
    if score is not None and score.lines and not indicator.score_rows:
        found = score_headers(score.lines) or unruled_table(score.lines)
        flag("score_rows", "score", "no rows of numbers under its header" if found else
             "no header naming its weight and weighted-score columns")
    steps = sections.get("steps")
    if steps is not None and not indicator.steps and any(is_steps_header(line) for line in steps.lines):
        flag("steps", "milestone", "a header, but no numbered steps under it")
    criteria = sections.get("criteria")
    if criteria is not None and criteria.lines:
        levels = {lvl for line in criteria.lines for c in line.cells if (lvl := level_cell(c))}
        levels |= {lvl for line in criteria.lines for _, _, w in aligned.pieces(line.words) if (lvl := level_cell(w))}
        if len(levels) >= 2 and len(indicator.criteria) < len(levels):
            flag("criteria", "criteria", f"{len(levels)} levels, {len(indicator.criteria)} thresholds read")
    return flags


def round_flag(boxes: list[tuple[int, bool, int]], checked: list[int], first_page: Optional[int]) -> Flag:
    """More than one round checked: the flag says which boxes there were."""
    page = boxes[0][2] if boxes else first_page
    return RoundAmbiguous.make(
        page=page, checked=len(checked),
        rounds=", ".join(f"{'☑' if c else '☐'} {m}" for m, c, _ in boxes) or "no round boxes found")


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
    elif len(checked) > 1:
        # No mark read is no round, not a contradiction: only two marks are ambiguous.
        report.flags.append(round_flag(boxes, checked, lines[0].page if lines else None))

    code = name = indicator_page = None
    if fields.get("indicator"):
        value, indicator_page = fields["indicator"][0]
        code, name = code_and_name(value)

    criteria, criteria_kind = parse_criteria(sections.get("criteria"))
    indicator = Indicator(
        code=code, name=name, name_raw=name,
        supervisors=[p for v, _ in fields.get("supervisors", [])[:1] for p in split_people(v)],
        data_collectors=[p for v, _ in fields.get("data_collectors", [])[:1] for p in split_people(v)],
        phones=[p for v, _ in fields.get("phones", []) for p in split_phones(v)],
        description=paragraphs(sections.get("description")),
        steps=parse_steps(sections.get("steps")),
        criteria=criteria, criteria_kind=criteria_kind,
        score_rows=parse_score_rows(sections.get("score_rows")),
        measures=[t for t, _ in parse_list_section(sections.get("measures"))],
        support_factors=[t for t, _ in parse_list_section(sections.get("support_factors"))],
        obstacles=[t for t, _ in parse_list_section(sections.get("obstacles"))],
        suggestions=[t for t, _ in parse_list_section(sections.get("suggestions"))],
        evidence=parse_evidence(sections.get("evidence")),
        note=paragraphs(sections.get("note")),
        conditions=paragraphs(sections.get("conditions")),
        page=indicator_page,
    )
    report.flags += unreadable_tables(sections, indicator, index=len(report.indicators))
    report.indicators.append(indicator)
    return report


# --- the extractor contract (extractors/registry.py) ------------------------------------------

KIND = "kpi_report"


def detect(parsed: ParsedDocument) -> float:
    return 1.0 if is_kpi_report(parsed) else 0.0


def extract(parsed: ParsedDocument) -> Extraction:
    report = parse(parsed)
    return Extraction(fiscal_year_be=report.fiscal_year_be, round_months=report.round_months,
                      indicators=report.indicators, flags=report.flags)
