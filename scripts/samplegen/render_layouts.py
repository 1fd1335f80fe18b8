"""Issue 23's layouts (specs_layouts.py): HTML with hanging-indent lists and justified Thai,
printed by headless Chromium on A4, so list items wrap over two or three lines; and the gold
of each, written from its spec."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from samplegen.fonts import SARABUN
from samplegen.gold import gold_for
from samplegen.other_kinds import me_gold
from samplegen.poppler import first_page_with, pdf_pages
from samplegen.render_browser import CHROMIUM_FLAGS
from samplegen.render_html import esc, html_plain
from samplegen.layout import LIST_SECTIONS

HANG = "2.4em"  # the hanging indent: a marker's column, the text after it lines up past it
CSS = (f"@font-face{{font-family:Sarabun;src:url({SARABUN.as_uri()})}}"
       "@page{size:A4;margin:20mm 18mm} body{font-family:Sarabun;font-size:12pt;line-height:1.45}"
       "p{text-align:justify;margin:0 0 3pt} td{vertical-align:top} h1,h2{font-size:13pt;margin:8pt 0 4pt}"
       f".hang{{padding-left:{HANG};text-indent:-{HANG}}} .detail{{margin-left:{HANG}}}"
       f".m{{display:inline-block;width:{HANG};text-indent:0}} .head{{text-align:center;font-weight:bold}}")


def hanging(marker: str, text: str, cls: str = "hang") -> str:
    """A paragraph with a hanging indent: its marker in the indent (none: a bare paragraph
    whose wrapped lines are indented)."""
    mark = f'<span class="m">{esc(marker)}</span>' if marker else ""
    return f'<p class="{cls}">{mark}{esc(text)}</p>'


def kpi_page(spec: dict) -> str:
    """The KPI report of render_html.html_plain, its list sections as hanging-indent lists."""
    bare = dict(spec, **{key: [] for key, _ in LIST_SECTIONS})
    lists = []
    for key, label in LIST_SECTIONS:
        entries = [e[0] if key == "evidence" else e for e in spec.get(key, [])]
        if entries:
            lists.append(f"<p><b>{esc(label)}</b></p>" + "".join(hanging(m, t) for m, t in entries))
    return html_plain(bare) + "\n" + "\n".join(lists)


def _detail(text: str) -> str:
    marker, _, rest = text.partition(" ")
    if marker in ("-", "•") or marker.rstrip(".)").isdigit():
        return hanging(marker, rest, "hang detail")
    return f'<p class="detail">{esc(text)}</p>'


def me_page(spec: dict) -> str:
    """The M&E report: a centred head, numbered items and their details as hanging-indent
    lists, the budget as a table of label and amount."""
    out = [f"<h1>{esc(spec['title'])}</h1>", f'<p class="head">{esc(spec["project"])}</p>',
           f"<h2>{esc(spec['subtitle'])}</h2>"]
    for name, heading, content in spec["sections"]:
        out.append(f"<h2>{esc(heading)}</h2>")
        if name == "budget":
            out.append('<table border="1" cellspacing="0" cellpadding="4">' + "".join(
                f"<tr><td>{esc(label)}</td><td>{esc(amount)}</td></tr>" for label, amount in spec["budget_table"])
                + "</table>")
        for entry in content:
            if isinstance(entry, tuple):
                number, text, details = entry
                out.append(hanging(f"{number}.", text))
                out += [_detail(d) for d in details]
            else:
                out.append(_detail(entry))
    return "\n".join(out)


def print_chromium(body: str, path: Path) -> int:
    page = f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{CSS}</style></head><body>{body}</body></html>'
    with tempfile.TemporaryDirectory(prefix="thaikpi-chromium-") as tmp:
        source = Path(tmp) / "report.html"
        source.write_text(page, encoding="utf-8")
        subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={path}",
                        source.as_uri()], check=True, capture_output=True, timeout=180)
    return pdf_pages(path)


def kpi_gold_spec(spec: dict) -> dict:
    """The spec as gold_for reads it: list items without their markers."""
    out = dict(spec)
    for key, _ in LIST_SECTIONS:
        if key == "evidence":
            out[key] = [(entry[1], refs, dates) for entry, refs, dates in spec.get(key, [])]
        else:
            out[key] = [text for _, text in spec.get(key, [])]
    return out


def make(spec: dict, producer: str, path: Path) -> dict:
    """Typeset one sample; return its gold."""
    if spec.get("kind") == "me_report":
        pages = print_chromium(me_page(spec), path)
        gold = me_gold(spec, "pdf", pages, {})
        gold["project"]["budget_received_baht"] = spec["budget_received"]
        return gold
    pages = print_chromium(kpi_page(spec), path)
    return gold_for(kpi_gold_spec(spec), "pdf", pages, first_page_with(path, pages, "การคำนวณคะแนน"))
