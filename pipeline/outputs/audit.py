"""The auditor's view of an ingested set: flags by rule, by fiscal year and by document, and
every flag with the value reported, the value recomputed, the rule, the file and the page.

It is read from OUT's documents.csv and flags.csv (which ingest rebuilds from the ledger, so
they agree with it), streaming and twice: the first pass tallies, the second writes each
flag into report.html. Memory holds the tallies, never the flags, however large the archive.
"""
from __future__ import annotations

import csv
import html
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Optional, TextIO

from thaikpi.pipeline.text import be_to_ce
from thaikpi.version import __version__
from thaikpi.pipeline.outputs.tables import atomic_write
from thaikpi.schemas.flags import FLAG_TYPES

REPORT_NAME = "report.html"
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
        else:
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
             f"error {status['error']}); {len(audit.by_document)} with flags",
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


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _heading(level: int, key: str) -> str:
    en, th = HEADINGS[key]
    return f"<h{level}>{_e(en)} · {_e(th)}</h{level}>\n"


def _table(header: Optional[list[str]], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """Rows of cells already escaped (they may hold links)."""
    head = "".join(f"<th>{_e(h)}</th>" for h in header or [])
    body = "".join("<tr>" + "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
                                    for i, c in enumerate(row)) + "</tr>\n" for row in rows)
    head = f"<thead><tr>{head}</tr></thead>" if head else ""
    return f"<table>{head}<tbody>\n{body}</tbody></table>\n"


def bar_chart(items: list[tuple[str, int]], title: str) -> str:
    """Horizontal bars as inline SVG: the report is one file that opens offline, with no script."""
    if not items:
        return ""
    label_width, bar_width, row = 220, 420, 20
    top = max(value for _, value in items) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_width + bar_width + 60}" '
             f'height="{row * len(items) + 10}"><title>{_e(title)}</title>']
    for i, (label, value) in enumerate(items):
        y = 5 + i * row
        width = max(1, round(bar_width * value / top))
        parts.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{_e(label)}</text>'
                     f'<rect x="{label_width}" y="{y + 2}" width="{width}" height="{row - 6}" fill="#4a78b5"/>'
                     f'<text x="{label_width + width + 4}" y="{y + 14}">{value}</text>')
    parts.append("</svg>\n")
    return "".join(parts)


def _anchor(index: int) -> str:
    return f"doc-{index}"


def _write_head(fh: TextIO, audit: Audit) -> dict[str, str]:
    """Everything above the list of every flag; returns each flagged document's anchor."""
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    en, th = HEADINGS["title"]
    fh.write(f'<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8">\n'
             f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
             f"<title>thaikpi · {_e(en)} · {_e(audit.out)}</title>\n<style>{STYLE}</style></head><body>\n"
             f"<h1>{_e(en)} · {_e(th)}</h1>\n"
             f'<p class="muted">{_e(audit.out)} · thaikpi {_e(__version__)} · {made}</p>\n')
    status, kinds = audit.status, audit.kinds
    fh.write(_heading(2, "summary"))
    fh.write(_table(None, [
        ["documents", "เอกสาร", f"{audit.documents} (ok {status['ok']}, partial {status['partial']}, error {status['error']})"],
        ["kinds", "ประเภท", _e(", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "-")],
        ["pages", "หน้า", str(audit.pages)],
        ["indicators", "ตัวชี้วัด", str(audit.indicators)],
        ["flags", "ข้อสังเกต", f"{audit.flags} in {_documents(len(audit.by_document))}"],
    ]))

    fh.write(_heading(2, "by_check"))
    checks = audit.checks()
    fh.write(bar_chart(checks, "flags by rule"))
    fh.write(_table(["rule (check)", "severity", "what it means", "flags", "documents"], [
        [f'<a href="#check-{_e(check)}">{_e(check)}</a>', f'<span class="{_e(audit.severity[check])}">'
         f"{_e(audit.severity[check])}</span>", _e(FLAG_TYPES[check].description if check in FLAG_TYPES else ""),
         str(n), str(audit.docs_by_check[check])] for check, n in checks], numeric=frozenset({3, 4})))

    fh.write(_heading(2, "by_year"))
    years = audit.years()
    fh.write(bar_chart([(_year_label(y), sum(audit.by_year[y].values())) for y in years], "flags by fiscal year"))
    # a rule a row and a year a column: an archive spans more years than there are rules
    fh.write(_table(["rule (check) · fiscal year BE", *years, "all"], [
        [_e(check), *(str(audit.by_year[y][check] or "") for y in years), str(n)] for check, n in checks],
        numeric=frozenset(range(1, len(years) + 2))))

    fh.write(_heading(2, "by_document"))
    ranked = audit.most_flagged()
    anchors = {d.source: _anchor(i) for i, d in enumerate(ranked)}
    fh.write(_table(["document", "kind", "fiscal year", "status", "flags", "by rule"], [
        [f'<a href="#{anchors[d.source]}">{_e(d.source)}</a>', _e(d.kind), _e(_year_label(d.year)), _e(d.status),
         str(sum(d.flags.values())), _e(", ".join(f"{c} {n}" for c, n in sorted(d.flags.items())))]
        for d in ranked], numeric=frozenset({4})))

    if audit.failed:
        fh.write(_heading(2, "failed"))
        fh.write(_table(["file", "error", "reason"], [[_e(s), _e(k), _e(m)] for s, k, m in audit.failed]))
    return anchors


FLAG_HEADER = ["rule", "severity", "indicator", "reported", "recomputed / expected", "page", "message", "evidence (source text)"]
FLAG_WIDTHS = "".join(f'<col style="width:{w}%">' for w in (14, 6, 6, 7, 8, 4, 30, 25))


def _write_flags(fh: TextIO, audit: Audit, anchors: dict[str, str], flags: TextIO) -> None:
    """The second pass: every flag, grouped by document as flags.csv holds them."""
    fh.write(_heading(2, "every_flag"))
    first_of_check = set()
    source = None
    for row in _rows(flags, "flags"):
        if row["source"] != source:
            if source is not None:
                fh.write("</tbody></table>\n")
            source = row["source"]
            doc = audit.by_document[source]
            fh.write(f'<h3 id="{anchors[source]}">{_e(source)} <span class="muted">· {_e(doc.kind)} · '
                     f"{_e(_year_label(doc.year))}</span></h3>\n<table class=\"flags\">{FLAG_WIDTHS}<thead><tr>"
                     + "".join(f"<th>{_e(h)}</th>" for h in FLAG_HEADER) + "</tr></thead><tbody>\n")
        check = row["check"]
        anchor = ""
        if check not in first_of_check:  # the by-rule table links to each rule's first flag
            first_of_check.add(check)
            anchor = f' id="check-{_e(check)}"'
        fh.write(f"<tr{anchor}><td>{_e(check)}</td><td class=\"{_e(row['severity'])}\">{_e(row['severity'])}</td>"
                 f"<td>{_e(row['indicator_code'])}</td><td class=\"n\">{_e(row['reported'])}</td>"
                 f"<td class=\"n\">{_e(row['expected'])}</td><td class=\"n\">{_e(row['page'])}</td>"
                 f"<td>{_e(row['message'])}</td><td class=\"evidence\">{_e(row['evidence'])}</td></tr>\n")
    if source is not None:
        fh.write("</tbody></table>\n")
    else:
        fh.write("<p>No flags.</p>\n")


def write_report(audit: Audit, flags: TextIO) -> Path:
    """OUT/report.html, written beside and renamed into place when complete."""
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            anchors = _write_head(fh, audit)
            _write_flags(fh, audit, anchors, flags)
            fh.write("</body></html>\n")

    atomic_write(audit.report_path, write)
    return audit.report_path


def audit(out: Path) -> Audit:
    """Tally OUT's outputs and write OUT/report.html."""
    with _opened(out) as files:
        result = _tally(out, files)
        write_report(result, files["flags"])
    return result
