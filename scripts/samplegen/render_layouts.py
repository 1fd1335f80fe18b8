"""Issue 23's layouts (specs_layouts.py): HTML with hanging-indent lists and justified Thai,
printed by headless Chromium on A4, so list items wrap over two or three lines; a DOCX in Thai
distributed justification (python-docx) exported by LibreOffice; and the gold of each,
written from its spec."""
from __future__ import annotations

import tempfile
from pathlib import Path

from samplegen.fonts import SARABUN
from samplegen.gold import gold_for
from samplegen.other_kinds import me_gold
from samplegen.poppler import first_page_with, pdf_pages
from samplegen.render_browser import print_page
from samplegen.render_html import esc, html_plain
from samplegen.render_office import convert_libreoffice
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
    print_page(CSS, body, path)
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
    if producer == "libreoffice-docx":
        with tempfile.TemporaryDirectory(prefix="thaikpi-docx-") as tmp:
            docx = Path(tmp) / f"{path.stem}.docx"
            me_docx(spec, docx)
            pages = export_libreoffice(docx, path)
        gold = me_gold(spec, "pdf", pages, {})
        gold["project"]["budget_received_baht"] = spec["budget_received"]
        return gold
    if spec.get("kind") == "me_report":
        pages = print_chromium(me_page(spec), path)
        gold = me_gold(spec, "pdf", pages, {})
        gold["project"]["budget_received_baht"] = spec["budget_received"]
        return gold
    pages = print_chromium(kpi_page(spec), path)
    return gold_for(kpi_gold_spec(spec), "pdf", pages, first_page_with(path, pages, "การคำนวณคะแนน"))


# --- Word's format (DOCX, python-docx) exported by LibreOffice Writer ---------------------------

DOCX_HANG_PT = 28  # a hanging indent: the marker, a tab, the text under which the lines wrap


def me_docx(spec: dict, path: Path) -> None:
    """The M&E report as a Word user types it: paragraphs in Thai distributed justification
    (w:jc thaiDistribute), numbered items and details as hanging indents (marker, tab, text),
    the project's name in a table cell after its label, the budget a table of labels over
    amounts."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Sarabun", Pt(14)
    style.element.rPr.rFonts.set(qn("w:cs"), "Sarabun")
    # Thai is complex script: its font and size are w:rFonts/@w:cs and w:szCs, set apart
    rpr = style.element.get_or_add_rPr()
    size_cs = rpr.makeelement(qn("w:szCs"), {qn("w:val"): "28"})
    rpr.append(size_cs)

    def para(text: str, bold=False, hang=False, indent=0.0):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.THAI_JUSTIFY
        p.paragraph_format.space_after = Pt(2)
        if hang:
            p.paragraph_format.left_indent = Pt(indent + DOCX_HANG_PT)
            p.paragraph_format.first_line_indent = Pt(-DOCX_HANG_PT)
            p.paragraph_format.tab_stops.add_tab_stop(Pt(indent + DOCX_HANG_PT))
        elif indent:
            p.paragraph_format.left_indent = Pt(indent)
        run = p.add_run(text)
        run.bold = bold
        run.font.cs_bold = bold
        return p

    def table(rows):
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
        return t

    para(spec["title"], bold=True)
    table([(spec["project_label"], spec["project"])])
    para(spec["subtitle"], bold=True)
    for name, heading, content in spec["sections"]:
        para(heading, bold=True)
        if name == "budget":
            table(spec["budget_table"])
        for entry in content:
            if isinstance(entry, tuple):
                number, text, details = entry
                para(f"{number}.\t{text}", hang=True)
                for d in details:
                    marker, _, rest = d.partition(" ")
                    if marker.rstrip(".)").isdigit():
                        para(f"{marker}\t{rest}", hang=True, indent=DOCX_HANG_PT)
                    else:
                        para(d, indent=DOCX_HANG_PT)
            else:
                marker, _, rest = entry.partition(" ")
                para(f"{marker}\t{rest}", hang=True) if marker == "-" else para(entry)
    doc.save(str(path))


def export_libreoffice(docx: Path, path: Path) -> int:
    """The DOCX exported to PDF by LibreOffice Writer (render_office.convert_libreoffice)."""
    convert_libreoffice(docx.read_bytes(), ".docx", "pdf:writer_pdf_Export", path)
    return pdf_pages(path)
