"""The auditor's view of an ingested set: flags by rule, by fiscal year and by document, and
every flag with the value reported, the value recomputed, the rule, the file and the page.

It is read from OUT's documents.csv and flags.csv (which ingest rebuilds from the ledger, so
they agree with it), streaming and twice: the first pass tallies, the second writes each
flag into report.html. Memory holds the tallies, never the flags, however large the archive.
"""
from __future__ import annotations

import csv
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Iterator, Optional, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from thaikpi.pipeline.text import be_to_ce
from thaikpi.version import __version__
from thaikpi.pipeline.outputs.tables import atomic_write
from thaikpi.schemas.flags import FLAG_TYPES

REPORT_NAME = "report.html"
TEMPLATE_NAME = "report.html.j2"  # in templates/, shipped in the package
NEEDED = {"documents": ("doc_id", "source", "kind", "status", "fiscal_year_be", "error_kind", "error_message",
                        "indicators", "pages"),
          "flags": ("doc_id", "source", "fiscal_year_be", "check", "severity", "indicator_code", "reported",
                    "expected", "message", "page", "evidence")}

# The report's headings, in English and Thai (label data, not code).
HEADINGS = {
    "title": ("Audit report", "รายงานผลการตรวจสอบ"),
    "summary": ("Summary", "สรุป"),
    "by_check": ("Flags by rule", "ข้อสังเกตจำแนกตามกฎ"),
    "by_year": ("Flags by fiscal year", "ข้อสังเกตจำแนกตามปีงบประมาณ"),
    "by_document": ("Flags by document", "ข้อสังเกตจำแนกตามเอกสาร"),
    "failed": ("Files that could not be read", "ไฟล์ที่อ่านไม่ได้"),
    "every_flag": ("Every flag, with its evidence", "ข้อสังเกตทั้งหมดพร้อมหลักฐาน"),
}
NO_YEAR = "no year"


class AuditInputError(Exception):
    """OUT holds no ingest outputs that audit can read: a message for the user."""


@dataclass
class DocumentTally:
    source: str
    kind: str
    status: str
    year: str
    flags: Counter = field(default_factory=Counter)


@dataclass
class Audit:
    """The tallies of an ingested set (the first pass)."""
    out: Path
    documents: int = 0
    status: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    indicators: int = 0
    pages: int = 0
    flags: int = 0
    by_check: Counter = field(default_factory=Counter)
    severity: dict[str, str] = field(default_factory=dict)
    docs_by_check: Counter = field(default_factory=Counter)
    by_year: dict[str, Counter] = field(default_factory=dict)
    by_document: dict[str, DocumentTally] = field(default_factory=dict)  # flagged documents only
    failed: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def report_path(self) -> Path:
        return self.out / REPORT_NAME

    def most_flagged(self, n: Optional[int] = None) -> list[DocumentTally]:
        ranked = sorted(self.by_document.values(), key=lambda d: (-sum(d.flags.values()), d.source))
        return ranked if n is None else ranked[:n]

    def checks(self) -> list[tuple[str, int]]:
        """(rule, flags) by most flags first."""
        return sorted(self.by_check.items(), key=lambda kv: (-kv[1], kv[0]))

    def years(self) -> list[str]:
        return sorted(self.by_year, key=lambda y: (y == NO_YEAR, y))


@contextmanager
def _opened(out: Path) -> Iterator[dict[str, TextIO]]:
    """documents.csv and flags.csv, open. The flags are read twice from one open file: an
    ingest that replaces the outputs meanwhile cannot give the second pass other flags."""
    with ExitStack() as stack:
        files = {}
        for name in NEEDED:
            try:  # utf-8-sig: --excel writes a BOM
                files[name] = stack.enter_context(open(out / f"{name}.csv", encoding="utf-8-sig", newline=""))
            except FileNotFoundError:
                raise AuditInputError(f"no {name}.csv in {out}: run thaikpi ingest ... --out {out} first")
        yield files


def _rows(fh: TextIO, name: str) -> Iterator[dict]:
    fh.seek(0)
    reader = csv.DictReader(fh)
    missing = [c for c in NEEDED[name] if c not in (reader.fieldnames or [])]
    if missing:
        raise AuditInputError(f"{fh.name} lacks the columns {', '.join(missing)}: it was not written by "
                              f"thaikpi ingest {__version__}; re-run ingest with its --out")
    yield from reader


def _year(value: str) -> str:
    return value or NO_YEAR


def tally(out: Path) -> Audit:
    """Count OUT's documents and flags by rule, year and document."""
    with _opened(out) as files:
        return _tally(out, files)


def _tally(out: Path, files: dict[str, TextIO]) -> Audit:
    """The first pass."""
    audit = Audit(out=out)
    documents: dict[str, tuple[str, str, str]] = {}
    for row in _rows(files["documents"], "documents"):
        audit.documents += 1
        audit.status[row["status"]] += 1
        audit.indicators += int(row["indicators"] or 0)
        audit.pages += int(row["pages"] or 0)
        if row["status"] == "error":
            audit.failed.append((row["source"], row["error_kind"], row["error_message"]))
        elif row["status"] != "skipped":
            audit.kinds[row["kind"]] += 1
        documents[row["source"]] = (row["kind"], row["status"], _year(row["fiscal_year_be"]))
    for row in _rows(files["flags"], "flags"):
        check, source = row["check"], row["source"]
        audit.flags += 1
        audit.by_check[check] += 1
        audit.severity.setdefault(check, row["severity"])
        audit.by_year.setdefault(_year(row["fiscal_year_be"]), Counter())[check] += 1
        doc = audit.by_document.get(source)
        if doc is None:
            kind, status, year = documents.get(source, ("", "", _year(row["fiscal_year_be"])))
            doc = audit.by_document[source] = DocumentTally(source, kind, status, year)
        if not doc.flags[check]:
            audit.docs_by_check[check] += 1
        doc.flags[check] += 1
    return audit


def summary_lines(audit: Audit, top: int = 10) -> list[str]:
    """The audit in a screen of text (what `thaikpi audit` prints)."""
    status = audit.status
    lines = [f"documents    {audit.documents}  (ok {status['ok']}, partial {status['partial']}, "
             f"error {status['error']}" + (f", skipped {status['skipped']}" if status["skipped"] else "")
             + f"); {len(audit.by_document)} with flags",
             f"flags        {audit.flags}"]
    if audit.by_check:
        lines.append("by rule")
        lines += [f"  {check:<26} {n:>6}  in {_documents(audit.docs_by_check[check])} ({audit.severity[check]})"
                  for check, n in audit.checks()]
        lines.append("by fiscal year")
        lines += [f"  {_year_label(year):<26} {sum(audit.by_year[year].values()):>6}" for year in audit.years()]
        lines.append(f"most flagged documents (of {len(audit.by_document)})")
        lines += [f"  {sum(d.flags.values()):>4}  {d.source}" for d in audit.most_flagged(top)]
    if audit.failed:
        lines.append(f"failed files {len(audit.failed)} (listed in the report)")
    lines.append(f"report       {audit.report_path}")
    return lines


def _documents(n: int) -> str:
    return f"{n} document" if n == 1 else f"{n} documents"


def _year_label(year: str) -> str:
    return f"{year} ({be_to_ce(int(year))})" if year.isdigit() else year


# --- report.html ---

STYLE = """
body{font-family:Sarabun,'TH Sarabun New',Tahoma,'Noto Sans Thai',sans-serif;margin:2em auto;max-width:80em;padding:0 1em;color:#222}
h1,h2,h3{font-weight:600} h2{border-bottom:2px solid #ccc;margin-top:2em} h3{font-size:1em;margin:1.5em 0 .3em}
table{border-collapse:collapse;margin:.5em 0 1em} th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3} td.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#a00} .warning{color:#a60} .info{color:#067}
table.flags{width:100%;table-layout:fixed;overflow-wrap:anywhere} .evidence{font-size:.9em;color:#444} .muted{color:#777} svg text{font-size:12px}
"""


@dataclass
class Chart:
    """Horizontal bars, laid out here and drawn as inline SVG by the template."""
    title: str
    bars: list[dict]
    label_width: int = 220
    bar_width: int = 420
    row: int = 20

    @property
    def width(self) -> int:
        return self.label_width + self.bar_width + 60

    @property
    def height(self) -> int:
        return self.row * len(self.bars) + 10

    @property
    def bar_height(self) -> int:
        return self.row - 6


def bar_chart(items: list[tuple[str, int]], title: str) -> Chart:
    top = max((value for _, value in items), default=0) or 1
    return Chart(title, [{"label": label, "value": value, "y": 5 + i * Chart.row,
                          "width": max(1, round(Chart.bar_width * value / top))}
                         for i, (label, value) in enumerate(items)])


def _anchor(index: int) -> str:
    return f"doc-{index}"


FLAG_HEADER = ["rule", "severity", "indicator", "reported", "recomputed / expected", "page", "message", "evidence (source text)"]
FLAG_WIDTHS = (14, 6, 6, 7, 8, 4, 30, 25)


@dataclass
class FlagGroup:
    """One document's flags, as flags.csv holds them together; `rows` is read lazily."""
    source: str
    anchor: str
    kind: str
    year: str
    rows: Iterator[tuple[dict, bool]]


def _flag_groups(audit: Audit, anchors: dict[str, str], flags: TextIO) -> Iterator[FlagGroup]:
    """The second pass: every flag, grouped by document, each with whether it is its rule's
    first (the by-rule table links to each rule's first flag)."""
    first_of_check: set[str] = set()

    def marked(rows: Iterator[dict]) -> Iterator[tuple[dict, bool]]:
        for row in rows:
            first = row["check"] not in first_of_check
            first_of_check.add(row["check"])
            yield row, first

    for source, rows in groupby(_rows(flags, "flags"), key=lambda row: row["source"]):
        doc = audit.by_document[source]
        yield FlagGroup(source, anchors[source], doc.kind, doc.year, marked(rows))


def _context(audit: Audit, flags: TextIO) -> dict:
    """What the template shows: the tallies, and the flags as an iterator (read as written)."""
    status, checks, years = audit.status, audit.checks(), audit.years()
    ranked = audit.most_flagged()
    anchors = {d.source: _anchor(i) for i, d in enumerate(ranked)}
    return {
        "audit": audit, "headings": HEADINGS, "style": Markup(STYLE), "version": __version__,
        "made": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "summary": [
            ["documents", "เอกสาร", f"{audit.documents} (ok {status['ok']}, partial {status['partial']}, "
                                    f"error {status['error']})"],
            ["kinds", "ประเภท", ", ".join(f"{k} {n}" for k, n in sorted(audit.kinds.items())) or "-"],
            ["pages", "หน้า", audit.pages],
            ["indicators", "ตัวชี้วัด", audit.indicators],
            ["flags", "ข้อสังเกต", f"{audit.flags} in {_documents(len(audit.by_document))}"],
        ],
        "checks": checks,
        "descriptions": {check: FLAG_TYPES[check].description for check, _ in checks if check in FLAG_TYPES},
        "check_chart": bar_chart(checks, "flags by rule"),
        "years": years,
        "year_chart": bar_chart([(_year_label(y), sum(audit.by_year[y].values())) for y in years],
                                "flags by fiscal year"),
        "year_rows": [[check, *(audit.by_year[y][check] or "" for y in years), n] for check, n in checks],
        "ranked": ranked, "anchors": anchors, "year_label": _year_label,
        "by_rule": lambda d: ", ".join(f"{c} {n}" for c, n in sorted(d.flags.items())),
        "flag_header": FLAG_HEADER, "flag_widths": FLAG_WIDTHS,
        "flag_groups": _flag_groups(audit, anchors, flags),
    }


@lru_cache(maxsize=1)
def _template() -> Template:
    env = Environment(loader=PackageLoader("thaikpi.pipeline.outputs", "templates"), autoescape=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    return env.get_template(TEMPLATE_NAME)


def write_report(audit: Audit, flags: TextIO) -> Path:
    """OUT/report.html, streamed from the template, written beside and renamed into place
    when complete."""
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(_template().generate(_context(audit, flags)))

    atomic_write(audit.report_path, write)
    return audit.report_path


def audit(out: Path) -> Audit:
    """Tally OUT's outputs and write OUT/report.html."""
    with _opened(out) as files:
        result = _tally(out, files)
        write_report(result, files["flags"])
    return result
