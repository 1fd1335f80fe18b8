"""A KPI report typeset by fpdf2: checkbox glyphs from DejaVu Sans, tables by fpdf2's table(),
and the text-layer damage a spec plants (legacy fonts, shaping, split runs)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from thaikpi.pipeline.text import is_list_marker_start

from samplegen.damage import (SPLIT_GAP, garbled_font, garbled_text, legacy_font, legacy_text, lost_nikhahit_font,
                              lost_nikhahit_text, split_runs)
from samplegen.fonts import DEJAVU, FIXED_DATE, FONT_SIZE, INDENT_PT, LINE_HEIGHT, SARABUN, SARABUN_BOLD
from samplegen.layout import (LIST_SECTIONS, MERGED_SCORE_HEADER, MERGED_SCORE_SPANS, criteria_rows, header_cells,
                              list_paragraphs, score_header)
from samplegen.text import num, wrap


def make_fpdf2(spec: dict, path: Path) -> tuple[int, int]:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class Report(FPDF):
        def header(self):
            # Page numbers at the top from page 2 on ("- 2 -"), as Thai government documents
            # print them: a line inside whatever table runs across the break.
            if spec.get("page_numbers") and self.page_no() > 1:
                self.set_font("Sarabun", "", FONT_SIZE)
                self.set_y(24)
                self.cell(0, LINE_HEIGHT, written(f"- {num(spec, self.page_no())} -"), align="C")
                self.set_y(self.t_margin)

    pdf = Report(unit="pt", format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_creator("thaikpi make_samples (fpdf2)")
    pdf.set_margins(56, 56, 56)
    pdf.set_auto_page_break(True, 56)
    # A legacy-encoded font (PUA tone marks) if the spec plants one: fpdf2 maps each glyph to
    # the character drawn, so the PDF's text layer carries the PUA code points, as TH
    # SarabunPSK documents do.
    damage = spec.get("damage", {}).get("text")
    regular, bold = SARABUN, SARABUN_BOLD
    written = lambda t: t  # noqa: E731
    if damage in ("legacy_pua", "lost_nikhahit", "garbled_font"):
        tmp = Path(tempfile.mkdtemp(prefix="thaikpi-fonts-"))
        make_font, written = {"legacy_pua": (legacy_font, legacy_text),
                              "lost_nikhahit": (lost_nikhahit_font, lost_nikhahit_text),
                              "garbled_font": (garbled_font, garbled_text)}[damage]
        regular, bold = make_font(SARABUN, tmp / "regular.ttf"), make_font(SARABUN_BOLD, tmp / "bold.ttf")
    pdf.add_font("Sarabun", "", str(regular))
    pdf.add_font("Sarabun", "B", str(bold))
    if damage == "shaped":
        # HarfBuzz shaping (uharfbuzz), as Word does: marks are positioned glyphs whose x can
        # fall past the next letter's, and SARA AM splits into glyphs, one with no Unicode.
        pdf.set_text_shaping(True)
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.add_page()
    pdf.set_font("Sarabun", size=FONT_SIZE)
    width = pdf.epw

    def measure(style=""):
        # the width of what is drawn: a damaged font draws the written code points, and the
        # text's own may be other glyphs (a garbled font's consonants) or none
        def m(s):
            pdf.set_font("Sarabun", style, FONT_SIZE)
            return pdf.get_string_width(written(s))
        return m

    def text(paragraphs: list[str], style=""):
        for i, para in enumerate(paragraphs):
            indent = 0 if is_list_marker_start(para) or i == 0 else INDENT_PT
            lines = wrap(para, width - 4, measure(style), first_width=width - 4 - indent)
            pdf.set_font("Sarabun", style, FONT_SIZE)
            for j, line in enumerate(lines):
                pdf.set_x(pdf.l_margin + (indent if j == 0 else 0))
                if damage != "split_runs":
                    pdf.cell(0, LINE_HEIGHT, written(line), new_x="LMARGIN", new_y="NEXT")
                    continue
                for piece in split_runs(line):
                    x, piece_width = pdf.get_x(), measure(style)(piece)
                    pdf.cell(piece_width, LINE_HEIGHT, piece)
                    pdf.set_x(x + piece_width + SPLIT_GAP)
                pdf.ln(LINE_HEIGHT)

    def cell_text(paragraphs: list[str], w: float) -> str:
        out = []
        for i, para in enumerate(paragraphs):
            indent = "\u00a0" * 8 if not is_list_marker_start(para) and i > 0 else ""
            lines = wrap(para, w - 24, measure(), first_width=w - 24 - measure()(indent))
            lines[0] = indent + lines[0]
            out.extend(lines)
        return written("\n".join(out))

    # How the data tables are ruled: all rules, rules between rows only, or none.
    borders = {"horizontal_rules": "HORIZONTAL_LINES", "unruled": "NONE"}.get(spec.get("tables"), "ALL")
    repeat = 0 if spec.get("header_repeated") is False else 1

    def table(rows: list[list[str]], widths: list[float], headings=1, borders="ALL", spans=None):
        """spans: {(row, column): {"rowspan": n} or {"colspan": n}}; a cell under a span is None."""
        pdf.set_font("Sarabun", "", FONT_SIZE)
        with pdf.table(col_widths=widths, width=sum(widths), align="LEFT", text_align="LEFT",
                       line_height=LINE_HEIGHT, first_row_as_headings=headings > 0, num_heading_rows=max(headings, 1),
                       repeat_headings=repeat if headings else 0, borders_layout=borders,
                       headings_style=FontFace(emphasis=None), padding=4) as t:
            for i, row in enumerate(rows):
                r = t.row()
                for j, value in enumerate(row):
                    if value is not None:
                        r.cell(value, **(spans or {}).get((i, j), {}))

    for title in spec["titles"]:
        text([title], "B")
    # Checkbox glyphs from DejaVu Sans (Sarabun has none), labels in Sarabun.
    pdf.set_x(pdf.l_margin)
    for months, checked in spec["rounds"]:
        pdf.set_font("DejaVu", "", FONT_SIZE)
        pdf.cell(pdf.get_string_width("☑ "), LINE_HEIGHT, ("☑" if checked else "☐") + " ")
        pdf.set_font("Sarabun", "", FONT_SIZE)
        label = f"รอบ {num(spec, months)} เดือน"
        pdf.cell(measure()(label) + 30, LINE_HEIGHT, written(label))
    pdf.ln(LINE_HEIGHT + 4)
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    half = width / 2
    table([[cell_text([name], width)]], [width], headings=0)
    table([[cell_text(supervisors, half), cell_text(collectors, half)],
           [cell_text([phone1], half), cell_text([phone2], half)]], [half, half], headings=0)
    text(["คำอธิบาย :"], "B")
    text(spec["description"])
    text(["ข้อมูลผลการดำเนินงาน :"], "B")
    first, second = 70, width - 70
    rows = [[written(spec["steps_header"][0]), cell_text([spec["steps_header"][1]], second)]]
    for step in spec["steps"]:
        rows.append([num(spec, step[0]), cell_text(step[1], second)])
        if len(step) > 2:
            rows.append(["", cell_text(step[2], second)])
    table(rows, [first, second], borders=borders)
    if spec.get("conditions"):
        text(["เงื่อนไข : " + spec["conditions"]])
    if spec.get("criteria"):
        text(["เกณฑ์การให้คะแนน :"], "B")
        table([[cell_text([c], width / 5) for c in row] for row in criteria_rows(spec)], [width / 5] * 5, borders=borders)
    if pdf.get_y() > pdf.h - 250:  # keep the score table on one page, with its heading
        pdf.add_page()
    text(["การคำนวณคะแนนจากผลการดำเนินงาน :" + spec.get("score_label_suffix", "")], "B")
    score_page = pdf.page_no()
    widths = [width - 4 * 92, 92, 92, 92, 92]
    if spec.get("merged_score_header"):
        rows = [[cell_text([h], w) if h else None for h, w in zip(row, widths)] for row in MERGED_SCORE_HEADER]
        spans = MERGED_SCORE_SPANS
    else:
        rows, spans = [[cell_text([h], w) for h, w in zip(score_header(spec), widths)]], None
    rows += [[cell_text([c], w) if c else "" for c, w in zip(r["cells"], widths)] for r in spec["score_rows"]]
    table(rows, widths, headings=len(rows) - len(spec["score_rows"]), borders=borders, spans=spans)
    for key, label in LIST_SECTIONS:
        inline = spec.get(key + "_inline")
        if inline:
            text([f"{label} {inline}"])
        elif spec.get(key):
            text([label], "B")
            text(list_paragraphs(spec, key))
    if spec.get("note"):
        text(["หมายเหตุ : " + spec["note"]])
    pdf.output(str(path))
    return pdf.pages_count, score_page


