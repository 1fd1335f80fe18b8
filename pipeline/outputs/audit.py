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
from pathlib import Path
from typing import Iterator, Optional, TextIO

from thaikpi.pipeline.text import be_to_ce
from thaikpi.version import __version__

REPORT_NAME = "report.html"
NEEDED = {"documents": ("doc_id", "source", "format", "kind", "status", "fiscal_year_be", "error_kind",
                        "error_message", "indicators", "pages", "pages_ocr", "ocr_confidence_mean"),
          "flags": ("doc_id", "source", "fiscal_year_be", "check", "severity", "indicator_id", "indicator_code",
                    "reported", "reported_text", "expected", "expected_text", "message", "page", "bbox", "evidence")}
# Past these, a document's further flags are counted, not shown (flags.csv holds them all):
# the report of an archive with 10,000 flags stays a page a browser opens at once.
MAX_ROWS_PER_DOCUMENT = 100
MAX_FLAG_ROWS = 2000
SERIOUS = ("error", "warning")  # what ranks a document; info flags (an OCR'd page) do not

# The report's headings, in English and Thai (label data, not code); the Thai as its words
# (newmm's, kept so: tests/test_report_html.py), between which a narrow header may wrap, so
# that writing a report needs no word segmentation (its dictionary took 0.4 s to load).
HEADINGS = {
    "title": ("Audit report", ("รายงาน", "ผล", "การ", "ตรวจสอบ")),
    "summary": ("Summary", ("สรุป",)),
    "by_check": ("Flags by rule", ("ข้อสังเกต", "จำแนก", "ตาม", "กฎ")),
    "by_year": ("Flags by fiscal year", ("ข้อสังเกต", "จำแนก", "ตาม", "ปีงบประมาณ")),
    "by_document": ("Flags by document", ("ข้อสังเกต", "จำแนก", "ตาม", "เอกสาร")),
    "failed": ("Files that could not be read", ("ไฟล์", "ที่", "อ่าน", "ไม่", "ได้")),
    "across": ("Across documents: the rounds of one year",
               ("ข้อสังเกต", "ระหว่าง", "เอกสาร", "รอบ", "ต่าง ๆ", " ", "ของ", "ปี", "เดียวกัน")),
    "every_flag": ("Every flag, with its evidence", ("ข้อสังเกต", "ทั้งหมด", "พร้อม", "หลักฐาน")),
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
    severities: Counter = field(default_factory=Counter)
    format: str = ""
    pages_ocr: int = 0
    ocr_confidence: str = ""

    @property
    def serious(self) -> int:
        """Errors and warnings: what ranks the document."""
        return sum(self.severities[s] for s in SERIOUS)

    @property
    def text_sources(self) -> str:
        if not self.pages_ocr:
            return "text layer"
        return f"{self.pages_ocr} pages OCR'd" + (f", mean confidence {self.ocr_confidence}%" if self.ocr_confidence else "")


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
    documents_seen: dict[str, tuple] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # indicator_id -> name, of flagged indicators
    cross: Counter = field(default_factory=Counter)  # the cross-document flags (cross_flags.csv), by rule

    @property
    def report_path(self) -> Path:
        return self.out / REPORT_NAME

    def ranked(self) -> list[DocumentTally]:
        """Every flagged document, most errors and warnings first; info-only ones last."""
        return sorted(self.by_document.values(),
                      key=lambda d: (-d.serious, -d.severities["error"], -sum(d.flags.values()), d.source))

    def most_flagged(self, n: Optional[int] = None) -> list[DocumentTally]:
        """The documents with errors or warnings, most first (an info flag ranks nothing)."""
        ranked = [d for d in self.ranked() if d.serious]
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
        documents[row["source"]] = (row["kind"], row["status"], _year(row["fiscal_year_be"]), row["format"],
                                    int(row["pages_ocr"] or 0), row["ocr_confidence_mean"])
    for row in _rows(files["flags"], "flags"):
        check, source = row["check"], row["source"]
        audit.flags += 1
        audit.by_check[check] += 1
        audit.severity.setdefault(check, row["severity"])
        audit.by_year.setdefault(_year(row["fiscal_year_be"]), Counter())[check] += 1
        doc = audit.by_document.get(source)
        if doc is None:
            kind, status, year, fmt, ocr, confidence = documents.get(
                source, ("", "", _year(row["fiscal_year_be"]), "", 0, ""))
            doc = audit.by_document[source] = DocumentTally(source, kind, status, year, format=fmt,
                                                            pages_ocr=ocr, ocr_confidence=confidence)
        if not doc.flags[check]:
            audit.docs_by_check[check] += 1
        doc.flags[check] += 1
        doc.severities[row["severity"]] += 1
        if row["indicator_id"]:
            audit.names[row["indicator_id"]] = ""
    audit.names = _indicator_names(out, set(audit.names))
    audit.cross = _cross_checks(out)
    return audit


def _cross_checks(out: Path) -> Counter:
    """The cross-document flags by rule (an output folder of 0.3.0 has none)."""
    try:
        with open(out / "cross_flags.csv", encoding="utf-8-sig", newline="") as fh:
            return Counter(row["check"] for row in csv.DictReader(fh))
    except FileNotFoundError:
        return Counter()


def _indicator_names(out: Path, wanted: set[str]) -> dict[str, str]:
    """The names of the flagged indicators, from indicators.csv (only those kept in memory)."""
    names: dict[str, str] = {}
    try:
        with open(out / "indicators.csv", encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("indicator_id") in wanted:
                    names[row["indicator_id"]] = row.get("name") or ""
    except FileNotFoundError:
        pass  # names are a help to the reader; the flags stand without them
    return names


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
        lines.append(f"most flagged documents, by errors and warnings (of {len(audit.most_flagged())})")
        lines += [f"  {d.serious:>4}  {d.source}" for d in audit.most_flagged(top)]
    if audit.cross:
        lines.append(f"across documents {sum(audit.cross.values())} flags (cross_flags.csv)")
        lines += [f"  {check:<26} {n:>6}" for check, n in sorted(audit.cross.items(), key=lambda kv: (-kv[1], kv[0]))]
    if audit.failed:
        lines.append(f"failed files {len(audit.failed)} (listed in the report)")
    lines.append(f"report       {audit.report_path}")
    return lines


def _documents(n: int) -> str:
    return f"{n} document" if n == 1 else f"{n} documents"


def _year_label(year: str) -> str:
    return f"{year} ({be_to_ce(int(year))})" if year.isdigit() else year


def audit(out: Path) -> Audit:
    """Tally OUT's outputs and write OUT/report.html."""
    from thaikpi.pipeline.outputs.report import write_report  # it renders what this module tallies

    with _opened(out) as files:
        result = _tally(out, files)
        write_report(result, files["flags"])
    return result
