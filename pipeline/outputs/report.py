"""report.html: the audit (pipeline/outputs/audit.py's tallies) as a page a person reads,
rendered from templates/report.html.j2 with autoescape on, streamed: the summary, charts,
tables by rule, year and document, then each document's flags with the indicator's name, the
page image around the evidence and a link that opens the PDF at that page."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from itertools import groupby, islice
from pathlib import Path
from typing import Iterator, TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from thaikpi.pipeline.outputs.audit import (HEADINGS, MAX_FLAG_ROWS, MAX_ROWS_PER_DOCUMENT, Audit, DocumentTally,
                                            _documents, _rows, _year_label)
from thaikpi.pipeline.outputs.report_media import (CROP_WIDTH, Crops, font_face_css, parse_bbox, pdf_link, wrap_thai,
                                                   wrap_words)
from thaikpi.pipeline.outputs.tables import atomic_write
from thaikpi.schemas.flags import FLAG_TYPES
from thaikpi.version import __version__

TEMPLATE_NAME = "report.html.j2"  # in templates/, shipped in the package


STYLE = """
body{font-family:Sarabun,'TH Sarabun New',Tahoma,'Noto Sans Thai',sans-serif;margin:2em auto;max-width:80em;padding:0 1em;color:#222}
h1,h2,h3{font-weight:600} h2{border-bottom:2px solid #ccc;margin-top:2em} h3{font-size:1em;margin:1.5em 0 .3em}
table{border-collapse:collapse;margin:.5em 0 1em} th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3} td.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#a00} .warning{color:#a60} .info{color:#067}
table.flags{width:100%;table-layout:fixed;overflow-wrap:anywhere} .evidence{font-size:.9em;color:#444} .muted{color:#777} svg text{font-size:12px}
table.flags th{overflow-wrap:normal} .name{display:block;font-size:.9em;color:#444}
img.crop{display:block;max-width:100%;height:auto;border:1px solid #ddd} tr.page-image td{border-top:none;padding-bottom:.8em} .more{color:#777;font-style:italic}
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


FLAG_HEADER = ["rule", "severity", "indicator", "reported", "recomputed / expected", "page", "message",
               "evidence (source text)"]
FLAG_WIDTHS = (13, 6, 12, 7, 8, 4, 27, 23)


@dataclass
class FlagGroup:
    """One document's flags, as flags.csv holds them together; `rows` is read lazily and
    holds the first `shown` of them, `hidden` are only counted."""
    doc: DocumentTally
    anchor: str
    link: str | None
    rows: Iterator[tuple[dict, bool]]
    shown: int
    hidden: int


def _flag_groups(audit: Audit, anchors: dict[str, str], flags: TextIO, crops: Crops) -> Iterator[FlagGroup]:
    """The second pass: the flags, grouped by document, each with whether it is its rule's
    first shown (the by-rule table links to it), its indicator's name, its page image and link."""
    first_of_check: set[str] = set()
    budget = MAX_FLAG_ROWS

    def marked(rows: Iterator[dict]) -> Iterator[tuple[dict, bool]]:
        for row in rows:
            first = row["check"] not in first_of_check
            first_of_check.add(row["check"])
            page = int(row["page"]) if row["page"] else None
            row["name"] = audit.names.get(row["indicator_id"], "")
            row["link"] = pdf_link(row["source"], page, audit.out) if page else None
            row["crop"] = crops.crop(row["source"], page, parse_bbox(row["bbox"]), row["evidence"],
                                     row["doc_id"]) if page else None
            yield row, first

    for source, rows in groupby(_rows(flags, "flags"), key=lambda row: row["source"]):
        doc = audit.by_document[source]
        total = sum(doc.flags.values())
        shown = min(total, MAX_ROWS_PER_DOCUMENT, budget)
        budget -= shown
        yield FlagGroup(doc, anchors[source], pdf_link(source, None, audit.out), marked(islice(rows, shown)),
                        shown, total - shown)


MAX_CROSS_ROWS = 500


def _cross_rows(out: Path) -> tuple[list[dict], int]:
    """The first MAX_CROSS_ROWS rows of OUT/cross_flags.csv, each with links to both pages,
    and how many there are (none: an ingest older than the file)."""
    shown, total = [], 0
    try:
        with open(out / "cross_flags.csv", encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                total += 1
                if total <= MAX_CROSS_ROWS:
                    for side in ("earlier", "later"):
                        page = int(row[f"{side}_page"]) if row[f"{side}_page"] else None
                        row[f"{side}_link"] = pdf_link(row[f"{side}_source"], page, out)
                    shown.append(row)
    except FileNotFoundError:
        pass
    return shown, total


def _wrapped_headings() -> dict:
    return {key: (en, Markup(wrap_words(th))) for key, (en, th) in HEADINGS.items()}


def _context(audit: Audit, flags: TextIO, crops: Crops) -> dict:
    """What the template shows: the tallies, and the flags as an iterator (read as written)."""
    status, checks, years = audit.status, audit.checks(), audit.years()
    ranked = audit.ranked()
    anchors = {d.source: _anchor(i) for i, d in enumerate(ranked)}
    return {
        "audit": audit, "headings": _wrapped_headings(), "style": Markup(font_face_css() + STYLE),
        "version": __version__, "made": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "summary": [
            ["documents", "เอกสาร", f"{audit.documents} (ok {status['ok']}, partial {status['partial']}, "
                                    f"error {status['error']})"],
            ["kinds", "ประเภท", ", ".join(f"{k} {n}" for k, n in sorted(audit.kinds.items())) or "-"],
            ["pages", "หน้า", audit.pages],
            ["indicators", "ตัวชี้วัด", audit.indicators],
            ["flags", "ข้อสังเกต", f"{audit.flags} in {_documents(len(audit.by_document))}; "
                                  f"{len(audit.most_flagged())} with errors or warnings"],
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
        "flag_groups": _flag_groups(audit, anchors, flags, crops),
        "max_rows": (MAX_ROWS_PER_DOCUMENT, MAX_FLAG_ROWS), "crop_width": CROP_WIDTH,
        "cross": _cross_rows(audit.out),
    }


@lru_cache(maxsize=1)
def _template() -> Template:
    env = Environment(loader=PackageLoader("thaikpi.pipeline.outputs", "templates"), autoescape=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    env.filters["wrap_thai"] = wrap_thai  # headers wrap between Thai words
    return env.get_template(TEMPLATE_NAME)


def write_report(audit: Audit, flags: TextIO) -> Path:
    """OUT/report.html, streamed from the template, written beside and renamed into place
    when complete."""
    crops = Crops(audit.out)

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(_template().generate(_context(audit, flags, crops)))

    try:
        atomic_write(audit.report_path, write)
    finally:
        crops.close()
    crops.prune()  # the images only an earlier report showed, once this one is in place
    return audit.report_path


