"""Pages of titles, paragraphs and ruled tables, typeset by reportlab or written as HTML: what
the genre samples are made of (genres.py builds the pages).

A page is a list of blocks: Text (lines wrapped at Thai word boundaries, aligned), Table.
A table's cells are text (wrapped to the column), a list of lines (broken as given), or a
Mark (one glyph in a font of its own: a checkmark in DejaVu Sans or ZapfDingbats).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from samplegen.fonts import DEJAVU, SARABUN, SARABUN_BOLD
from samplegen.render_html import esc
from samplegen.text import wrap

PAD = 4  # points of cell padding


@dataclass(frozen=True)
class Mark:
    glyph: str
    font: str = "DejaVu"


@dataclass(frozen=True)
class Text:
    text: str
    size: float = 12
    bold: bool = False
    align: str = "L"  # L, C or R
    space_after: float = 4


@dataclass
class Row:
    cells: list
    span: tuple[int, int] | None = None  # columns one cell spans (a group or total row)
    bold: bool = False


@dataclass
class Table:
    header: list[list]  # header rows, repeated on every page the table runs onto
    rows: list[Row]
    widths: list[float]
    align: str  # one letter per column
    header_spans: list[tuple] = field(default_factory=list)  # ((col, row), (col, row)) in the header
    size: float = 12


def _cell_flowable(content, size: float, font: str, align: str):
    """A cell's content as a flowable that wraps its text to the width the table gives it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import Flowable

    leading = size + 5

    class Cell(Flowable):
        def wrap(self, avail_width, avail_height):
            self.width = avail_width
            if isinstance(content, Mark):
                self.lines = [content.glyph]
            elif isinstance(content, list):
                self.lines = content
            else:
                measure = lambda s: pdfmetrics.stringWidth(s, font, size)  # noqa: E731
                self.lines = wrap(content, avail_width - 2, measure) if content else []
            return avail_width, leading * len(self.lines) + 2

        def draw(self):
            face = content.font if isinstance(content, Mark) else font
            self.canv.setFont(face, size)
            y = leading * len(self.lines) - size + 2
            for line in self.lines:
                w = pdfmetrics.stringWidth(line, face, size)
                x = {"L": 0, "C": (self.width - w) / 2, "R": self.width - w}[align]
                self.canv.drawString(x, y, line)
                y -= leading

    return Cell()


def _table_flowable(table: Table):
    from reportlab.lib import colors
    from reportlab.platypus import Table as RLTable, TableStyle

    def font(bold):
        return "Sarabun-Bold" if bold else "Sarabun"

    data = [[_cell_flowable(c, table.size, font(True), "C") for c in row]
            for row in table.header]
    for row in table.rows:
        data.append([_cell_flowable(c, table.size, font(row.bold), "L" if row.span and j == row.span[0] else a)
                     for j, (c, a) in enumerate(zip(row.cells, table.align))])
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("VALIGN", (0, 0), (-1, len(table.header) - 1), "MIDDLE"),
                        ("BACKGROUND", (0, 0), (-1, len(table.header) - 1), colors.Color(0.88, 0.9, 0.95)),
                        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD)])
    for start, end in table.header_spans:
        style.add("SPAN", start, end)
    for i, row in enumerate(table.rows, len(table.header)):
        if row.span:
            style.add("SPAN", (row.span[0], i), (row.span[1], i))
    t = RLTable(data, colWidths=table.widths, repeatRows=len(table.header))
    t.setStyle(style)
    return t


def register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("Sarabun", str(SARABUN)))
    pdfmetrics.registerFont(TTFont("Sarabun-Bold", str(SARABUN_BOLD)))
    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))


def build_pdf(pages: list[list], path: Path, *, landscape: bool, slug: str, margin: float, slides: bool = False) -> int:
    """Typeset the pages, each starting a new page; return the page count. A page that
    overflows would shift every page after it, so the count is checked against the pages."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape as turned
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer

    register_fonts()
    pagesize = turned(A4) if landscape else A4
    story: list = []
    for n, blocks in enumerate(pages):
        if n:
            story.append(PageBreak())
        for block in blocks:
            if isinstance(block, Text):
                font = "Sarabun-Bold" if block.bold else "Sarabun"
                story.append(_cell_flowable(block.text, block.size, font, block.align))
                story.append(Spacer(1, block.space_after))
            else:
                story += [_table_flowable(block), Spacer(1, 8)]

    def decorate(canv, doc):
        # A slide deck's band and slide number, as PowerPoint prints a slide to PDF.
        if not slides:
            return
        canv.saveState()
        canv.setFillColor(colors.Color(0.12, 0.3, 0.55))
        canv.rect(0, pagesize[1] - 18, pagesize[0], 18, stroke=0, fill=1)
        canv.setFont("Sarabun", 10)
        canv.setFillColor(colors.black)
        canv.drawRightString(pagesize[0] - 24, 16, str(doc.page))
        canv.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin, invariant=1, title=slug,
                            author="thaikpi samples", creator="thaikpi make_samples (reportlab)")
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    assert doc.page == len(pages), f"{slug}: {doc.page} pages typeset, {len(pages)} laid out (a page overflows)"
    return doc.page


def _html_cell(content) -> str:
    if isinstance(content, Mark):
        return esc(content.glyph)
    if isinstance(content, list):
        return "<br>".join(esc(line) for line in content)
    return esc(content)


def html_table(table: Table) -> str:
    """The table as HTML: header spans as rowspan/colspan, group and total rows as colspan."""
    covered, attrs = set(), {}
    for (c0, r0), (c1, r1) in table.header_spans:
        attrs[(r0, c0)] = "".join(f' {k}="{v}"' for k, v in (("rowspan", r1 - r0 + 1), ("colspan", c1 - c0 + 1)) if v > 1)
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    out = ['<table border="1" cellspacing="0" cellpadding="4">']
    for r, row in enumerate(table.header):
        out.append("<tr>" + "".join(f"<th{attrs.get((r, c), '')}>{_html_cell(cell)}</th>"
                                    for c, cell in enumerate(row) if (r, c) not in covered) + "</tr>")
    for row in table.rows:
        cells = []
        for c, cell in enumerate(row.cells):
            if row.span and row.span[0] < c <= row.span[1]:
                continue
            span = f' colspan="{row.span[1] - row.span[0] + 1}"' if row.span and c == row.span[0] else ""
            text = f"<b>{_html_cell(cell)}</b>" if row.bold else _html_cell(cell)
            cells.append(f"<td{span}>{text}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def write_html(pages: list[list], path: Path, slug: str) -> int:
    """The pages as one web page (UTF-8), the blocks in order; a table broken across pages is
    one table again (a web page has no pages)."""
    body, last = [], None
    for blocks in pages:
        for block in blocks:
            if isinstance(block, Text):
                tag = "h2" if block.bold else "p"
                body.append(f"<{tag}>{esc(block.text)}</{tag}>")
            elif last is not None and block.header == last.header and body[-1].startswith("<table"):
                last.rows += block.rows
                body[-1] = html_table(last)
            else:
                last = Table(block.header, list(block.rows), block.widths, block.align, block.header_spans)
                body.append(html_table(last))
    page = (f'<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8"><title>{esc(slug)}</title></head>\n'
            "<body>\n" + "\n".join(body) + "\n</body></html>\n")
    path.write_bytes(page.encode("utf-8"))
    return 1
