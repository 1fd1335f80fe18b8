"""A KPI report typeset by reportlab (platypus): drawn checkboxes, lines broken by wrap() and
drawn as they are; and lines_flowable, which the other kinds use too."""
from __future__ import annotations

from pathlib import Path

from thaikpi.pipeline.text import is_list_marker_start

from samplegen.fonts import FONT_SIZE, INDENT_PT, LINE_HEIGHT, SARABUN, SARABUN_BOLD
from samplegen.layout import (LIST_SECTIONS, criteria_rows, header_cells, list_paragraphs, score_header,
                              tab_lines)
from samplegen.text import num, wrap


def lines_flowable(lines: list[str], font: str, indent: float, *, size: float = FONT_SIZE,
          leading: float = LINE_HEIGHT, overprint: bool = False, tag=None):
    """A reportlab flowable of lines already broken by wrap(), drawn as they are (Paragraph
    would re-break them); the first line indented. A line may also be a list of (x, text)
    pieces (tab-separated cells). `tag` tells afterFlowable where it fell."""
    from reportlab.platypus import Flowable

    class _Lines(Flowable):
        def wrap(self, avail_width, avail_height):
            return avail_width, leading * len(lines) + 2

        def draw(self):
            self.canv.setFont(font, size)
            y = leading * len(lines) - size + 2
            for i, line in enumerate(lines):
                pieces = [(indent if i == 0 else 0, line)] if isinstance(line, str) else line
                for x, text in pieces:
                    self.canv.drawString(x, y, text)
                    if overprint:
                        self.canv.drawString(x + 0.3, y, text)
                y -= leading

    flowable = _Lines()
    flowable.thaikpi_tag = tag
    return flowable


def make_reportlab(spec: dict, path: Path) -> tuple[int, int]:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Flowable, KeepTogether, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

    damage = spec.get("damage", {})
    pdfmetrics.registerFont(TTFont("Sarabun", str(SARABUN)))
    pdfmetrics.registerFont(TTFont("Sarabun-Bold", str(SARABUN_BOLD)))
    fake_bold = damage.get("headings") == "fake_bold"
    margin = 56
    frame_width = A4[0] - 2 * margin

    def measure(font, size=FONT_SIZE):
        return lambda s: pdfmetrics.stringWidth(s, font, size)

    bold = None

    def paragraphs(texts: list[str], width: float, style=None, font="Sarabun") -> list:
        out = []
        for i, text in enumerate(texts):
            indent = 0 if is_list_marker_start(text) or i == 0 else INDENT_PT
            lines = wrap(text, width - 6, measure(font), first_width=width - 6 - indent)
            if font != "Sarabun":
                out.append(Spacer(1, 4))
            # Fake bold, as some word processors print headings: every line drawn twice.
            out.append(lines_flowable(lines, font, indent, overprint=fake_bold and font != "Sarabun"))
        return out

    class Checkboxes(Flowable):
        """"☐ รอบ 9 เดือน ☑ รอบ 12 เดือน", the boxes drawn as rectangles (a cross when checked)."""

        def __init__(self, rounds):
            super().__init__()
            self.rounds = rounds

        def wrap(self, *args):
            return frame_width, LINE_HEIGHT + 4

        def draw(self):
            c = self.canv
            x = 0
            for months, checked in self.rounds:
                if spec.get("checkboxes") == "symbol_font":
                    # reportlab's own form boxes: ZapfDingbats, not embedded, whose codes
                    # are Latin letters ("4" is ✔, "q" is ❑)
                    c.setFont("ZapfDingbats", FONT_SIZE)
                    c.drawString(x, 3, "✔" if checked else "❑")
                else:
                    c.setLineWidth(0.8)
                    c.rect(x, 2, 9, 9, stroke=1, fill=0)
                    if checked:
                        c.line(x + 1.5, 3.5, x + 7.5, 9.5)
                        c.line(x + 1.5, 9.5, x + 7.5, 3.5)
                c.setFont("Sarabun", FONT_SIZE)
                label = f"รอบ {num(spec, months)} เดือน"
                c.drawString(x + 14, 3, label)
                x += 14 + pdfmetrics.stringWidth(label, "Sarabun", FONT_SIZE) + 30

    cells = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), "Sarabun")]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), *cells])
    # A table carried over to a new page drawn open at the top, as Excel prints one: the grid
    # but for the rule over its first row, drawn only over the first column
    # (rbru_arit_action_conclusion_kpi_fy2553 p.2).
    open_top = TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.black),
                           ("LINEBEFORE", (0, 0), (-1, -1), 0.6, colors.black),
                           ("LINEAFTER", (-1, 0), (-1, -1), 0.6, colors.black),
                           ("LINEABOVE", (0, 0), (0, 0), 0.6, colors.black), *cells])

    def table(rows: list[list[list]], widths: list[float], spans=(), repeat=1, ruled=True, opened=False):
        t = Table(rows, colWidths=widths, repeatRows=repeat)
        style = TableStyle(open_top.getCommands() if opened else
                           grid.getCommands() if ruled else [("VALIGN", (0, 0), (-1, -1), "TOP")])
        for span in spans:
            style.add("SPAN", *span)
        t.setStyle(style)
        return t

    story: list = []
    for title in spec["titles"]:
        story += paragraphs([title], frame_width, bold, "Sarabun-Bold")
    story.append(Checkboxes(spec["rounds"]))
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    half = frame_width / 2
    story.append(table([
        [paragraphs([name], frame_width - 12), ""],
        [paragraphs(supervisors, half - 12), paragraphs(collectors, half - 12)],
        [paragraphs([phone1], half - 12), paragraphs([phone2], half - 12)],
    ], [half, half], spans=[((0, 0), (1, 0))], repeat=0))
    story += paragraphs(["คำอธิบาย :"], frame_width, bold, "Sarabun-Bold")
    story += paragraphs(spec["description"], frame_width)
    story += paragraphs(["ข้อมูลผลการดำเนินงาน :"], frame_width, bold, "Sarabun-Bold")
    # Many reports align their tables in columns with no rules at all; some flatten them to
    # tab-separated lines.
    ruled = spec.get("tables") not in ("unruled", "tab_flattened")
    flattened = spec.get("tables") == "tab_flattened"

    def flat(rows: list[list[str]], size=10):
        """Tab-separated lines, in the smaller type reports set their tables in."""
        return lines_flowable(tab_lines(rows, measure("Sarabun", size), frame_width - 6), "Sarabun", 0,
                              size=size, leading=size + 4)

    first, second = 70, frame_width - 70
    if flattened:
        story.append(flat([list(spec["steps_header"])] + [[num(spec, s[0]), " ".join(s[1])] for s in spec["steps"]]))
    else:
        rows = [[paragraphs([spec["steps_header"][0]], first - 12), paragraphs([spec["steps_header"][1]], second - 12)]]
        for step in spec["steps"]:
            rows.append([paragraphs([num(spec, step[0])], first - 12), paragraphs(step[1], second - 12)])
            if len(step) > 2:
                rows.append(["", paragraphs(step[2], second - 12)])
        story.append(table(rows, [first, second], ruled=ruled))
    if spec.get("conditions"):
        story += paragraphs(["เงื่อนไข : " + spec["conditions"]], frame_width)
    if spec.get("criteria"):
        story += paragraphs(["เกณฑ์การให้คะแนน :"], frame_width, bold, "Sarabun-Bold")
        w = frame_width / 5
        story.append(flat(criteria_rows(spec)) if flattened else
                     table([[paragraphs([c], w - 12) for c in row] for row in criteria_rows(spec)], [w] * 5, ruled=ruled))
    widths = [frame_width - 4 * 92, 92, 92, 92, 92]
    heading = paragraphs(["การคำนวณคะแนนจากผลการดำเนินงาน :" + spec.get("score_label_suffix", "")],
                         frame_width, bold, "Sarabun-Bold")
    if flattened:
        score_table = flat([list(score_header(spec))] + [list(r["cells"]) for r in spec["score_rows"]])
        score_table.thaikpi_tag = "score"
        story.append(KeepTogether(heading + [score_table]))
    else:
        score_rows = [[paragraphs([h], w - 12) for h, w in zip(score_header(spec), widths)]]
        score_rows += [[paragraphs([c], w - 12) if c else "" for c, w in zip(r["cells"], widths)] for r in spec["score_rows"]]
        # A table broken across pages with no header repeated: its rows go on under the next page's top.
        split = 1 + spec.get("score_break_after", len(score_rows))  # the header row comes first
        head, rest = score_rows[:split], score_rows[split:]
        score_table = table(head, widths, ruled=ruled)
        score_table.thaikpi_tag = "score"
        story.append(KeepTogether(heading + [score_table]))
        if rest:
            story += [PageBreak(), table(rest, widths, repeat=0, ruled=ruled, opened=spec.get("open_top", False))]
    for key, label in LIST_SECTIONS:
        inline = spec.get(key + "_inline")
        if inline:
            story += paragraphs([f"{label} {inline}"], frame_width)
        elif spec.get(key):
            story += paragraphs([label], frame_width, bold, "Sarabun-Bold")
            story += paragraphs(list_paragraphs(spec, key), frame_width)
    if spec.get("note"):
        story += paragraphs(["หมายเหตุ : " + spec["note"]], frame_width)
    story.append(Spacer(1, 6))

    pages = {}

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            if getattr(flowable, "thaikpi_tag", None):
                pages.setdefault(flowable.thaikpi_tag, self.page)

    doc = Doc(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
              bottomMargin=margin, invariant=1, title=spec["slug"], author="thaikpi samples",
              creator="thaikpi make_samples (reportlab)", encrypt=owner_lock(spec))
    doc.build(story)
    return doc.page, pages["score"]


def owner_lock(spec: dict):
    """An owner password forbidding copying and editing, and no user password, as agencies lock
    the PDFs they publish: every reader opens the file, its streams encrypted (RC4, 128 bits)."""
    if not spec.get("owner_locked"):
        return None
    from reportlab.lib.pdfencrypt import StandardEncryption
    return StandardEncryption("", ownerPassword="thaikpi-owner", canPrint=1, canModify=0, canCopy=0,
                              canAnnotate=0, strength=128)


