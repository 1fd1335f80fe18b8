"""Samples of the other two kinds: evaluation frameworks (slides, slide-share pages, HTML
tables) and M&E progress reports (PDF and HTML), from specs_other.py; and their gold.

Shares the KPI reports' line breaking (Thai words, real font widths), set a size larger.
"""
from __future__ import annotations

import re
from pathlib import Path

from samplegen.fonts import SARABUN, SARABUN_BOLD
from samplegen.render_html import esc
from samplegen.render_reportlab import lines_flowable
from samplegen.text import arabic, wrap

FONT_SIZE = 13
LINE_HEIGHT = 18
INDENT_PT = 24


def _value(text: str):
    text = arabic(text).replace(",", "").strip("() ")
    return float(text) if text else None


def _code(written: str) -> str:
    return arabic(written).rstrip(".")


# --- framework: what is on each slide ----------------------------------------------------------

def framework_slides(spec: dict) -> list[tuple[str, str, object]]:
    """(kind, title, content) in the order the deck has them."""
    texts = spec["text_slides"]
    slides = [("text", t, body) for t, body in texts[:max(1, len(texts) - 1)]]
    slides.append(("dimension", spec["title"], spec["dimensions"][0]))
    if len(texts) > 1:
        slides.append(("text", *texts[-1]))
    slides += [("criteria", "ตัวอย่างตัวชี้วัด", c) for c in spec["criteria"]]
    slides += [("note", spec["title"], n) for n in spec["group_notes"]]
    slides += [("dimension", spec["title"], d) for d in spec["dimensions"][1:]]
    return slides


def _dimension_label(spec: dict, number: int, continued=False) -> str:
    dim = next(d for d in spec["dimensions"] if d["number"] == number)
    digits = str(number) if not re.search("[๐-๙]", spec["title"]) else "๐๑๒๓๔๕๖๗๘๙"[number]
    return f"มิติที่ {digits} : {dim['name']}" + (" (ต่อ)" if continued else "")


def _note_head(note: dict) -> str:
    return f"หมายเหตุ ** ตัวชี้วัด {note['code']} (น้ำหนักรวมร้อยละ {note['total']}) ประกอบด้วย"


def flat_slide_text(spec: dict, kind: str, content) -> str:
    """A slide as a slide-share site transcribes it: one line; a group flattened by column
    lists its codes, then its names, then its weights."""
    if kind == "text":
        return content
    if kind == "criteria":
        return (f"{content['intro']} {content['body']} เกณฑ์การให้คะแนน : "
                + " ".join(f"ระดับ {i}" for i in range(1, 6)) + " " + " ".join(content["levels"]))
    if kind == "note":
        return (f"ประเด็นการประเมินผล น้ำหนัก {_dimension_label(spec, content['dimension'])}(ต่อ) "
                + _note_head(content) + " " + " ".join(f"{c} {n} {w}" for c, n, w in content["items"]))
    parts = [f"ประเด็นการประเมินผล น้ำหนัก {_dimension_label(spec, content['number'])} {content['weight']}"]
    for group in content["groups"]:
        title, items = group[0], group[1]
        parts.append(title)
        if len(group) > 2 and group[2] == "by_column":
            parts += [c for c, _, _ in items] + [n for _, n, _ in items] + [w for _, _, w in items]
        else:
            parts += [f"{c} {n} {w}" for c, n, w in items]
    return " ".join(parts)


def framework_table_rows(spec: dict, kind: str, content) -> tuple[list[list[str]], list[tuple]]:
    """A dimension or note slide's table: rows of (group, indicator, weight) cells, and the
    spans: ("row", r) for a cell across the first two columns, ("group", r0, r1) for a group
    title down its rows, ("all", r) for a note across the table."""
    rows = [["ประเด็นการประเมินผล", "ตัวชี้วัด", "น้ำหนัก"]]
    spans: list[tuple] = []
    if kind == "note":
        rows.append([_dimension_label(spec, content["dimension"], continued=True), "", ""])
        spans.append(("row", 1))
        rows.append([_note_head(content), "", ""])
        spans.append(("all", 2))
        rows += [["", f"{c} {n}", w] for c, n, w in content["items"]]
        return rows, spans
    rows.append([_dimension_label(spec, content["number"]), "", content["weight"]])
    spans.append(("row", 1))
    for group in content["groups"]:
        title, items = group[0], group[1]
        first = len(rows)
        for i, (c, n, w) in enumerate(items):
            rows.append([title if i == 0 else "", f"{c} {n}", w])
        if len(items) > 1:
            spans.append(("group", first, len(rows) - 1))
    return rows, spans


def framework_gold(spec: dict, fmt: str, pages: int, slide_pages: dict) -> dict:
    dimensions, indicators = [], {}
    for dim in spec["dimensions"]:
        dimensions.append({"number": dim["number"], "name": dim["name"], "weight": _value(dim["weight"])})
        for group in dim["groups"]:
            for c, n, w in group[1]:
                indicators[_code(c)] = {"code": _code(c), "name": arabic(n).rstrip("*").strip(),
                                        "weight": _value(w), "dimension": dim["number"],
                                        "weight_total_stated": None, "criteria": [], "criteria_kind": None}
        if dim is spec["dimensions"][0]:
            for note in spec["group_notes"]:
                indicators[note["code"]]["weight_total_stated"] = _value(note["total"])
                for c, n, w in note["items"]:
                    indicators[_code(c)] = {"code": _code(c), "name": arabic(n), "weight": _value(w),
                                            "dimension": note["dimension"], "weight_total_stated": None,
                                            "criteria": [], "criteria_kind": None}
    for crit in spec["criteria"]:
        indicators[crit["code"]]["criteria"] = [
            {"level": i + 1, "text": arabic(t), "value": _value(t.replace("ร้อยละ", ""))}
            for i, t in enumerate(crit["levels"])]
        indicators[crit["code"]]["criteria_kind"] = "numeric"
    flags = []
    for f in spec["flags"]:
        page = 1 if fmt == "html" else slide_pages[f["slide"]]
        flags.append({"check": f["check"], "indicator_code": f["indicator_code"],
                      "reported": f["reported"], "expected": f["expected"], "page": page})
    return {"format": fmt, "kind": "framework", "status": "ok", "error": None, "pages": pages,
            "fiscal_year_be": spec["fiscal_year_be"], "fiscal_year": spec["fiscal_year_be"] - 543,
            "round_months": None, "project": None, "dimensions": dimensions,
            "indicators": list(indicators.values()), "flags": flags}


# --- M&E report: its paragraphs -----------------------------------------------------------------

def me_paragraphs(spec: dict) -> list[tuple[str, str]]:
    """(style, text): title, head (a centred block), heading, item, detail."""
    out = [("title", spec["title"]), ("head", spec["project"]), ("heading", spec["subtitle"])]
    for name, heading, content in spec["sections"]:
        out.append(("heading", heading))
        for entry in content:
            if isinstance(entry, tuple):
                number, text, details = entry
                out.append(("item", f"{number}. {text}"))
                out += [("detail", d) for d in details]
            else:
                out.append(("detail", entry))
    return out


def me_gold(spec: dict, fmt: str, pages: int, flag_pages: dict) -> dict:
    def items(name):
        content = next((c for n, _, c in spec["sections"] if n == name), [])
        return [{"number": arabic(num), "text": arabic(text), "details": [arabic(d) for d in details]}
                for num, text, details in content]

    def plain(name):
        content = next((c for n, _, c in spec["sections"] if n == name), [])
        return [arabic(re.sub(r"^-\s*", "", t)) for t in content if t.strip() != "-"]

    summary = plain("summary")
    project = {
        "name": spec["project"], "fiscal_year_be": spec["fiscal_year_be"], "quarter": spec["quarter"],
        "budget_disbursed_baht": spec["budget"],
        "outputs": items("outputs"), "outcomes": items("outcomes"), "kpis": items("kpis"),
        "activities": items("activities"), "summary": "\n".join(summary) or None,
        "problems": plain("problems"), "suggestions": plain("suggestions"),
        "claims": [{"section": s, "kind": k, "value": v, "unit": u, "listed": listed, "parts": parts}
                   for s, k, v, u, listed, parts in spec["claims"]],
    }
    flags = [{"check": f["check"], "indicator_code": None, "reported": f["reported"],
              "expected": f["expected"], "page": 1 if fmt == "html" else flag_pages[f["where"]]}
             for f in spec["flags"]]
    return {"format": fmt, "kind": "me_report", "status": "ok", "error": None, "pages": pages,
            "fiscal_year_be": spec["fiscal_year_be"], "fiscal_year": spec["fiscal_year_be"] - 543,
            "round_months": None, "indicators": [], "dimensions": [], "project": project, "flags": flags}


# --- HTML ---------------------------------------------------------------------------------------

SLIDE_SHARE_CHROME_TOP = ["งานนำเสนอกำลังจะดาวน์โหลด โปรดรอ", "งานนำเสนอกำลังจะดาวน์โหลด โปรดรอ"]
SLIDE_SHARE_CHROME_BOTTOM = ["งานนำเสนอที่คล้ายกัน", "Ads by Google"]


def framework_html(spec: dict) -> str:
    slides = framework_slides(spec)
    if spec["flat"]:
        deck = spec["text_slides"][0][0]
        body = [f"<div class=\"loading\">{esc(c)}</div>" for c in SLIDE_SHARE_CHROME_TOP]
        body.append(f"<h1>{esc(deck)}</h1><div class=\"related\">งานนำเสนอที่คล้ายกัน</div>")
        body.append(f"<h2>งานนำเสนอเรื่อง: \"{esc(deck)}\"— ใบสำเนางานนำเสนอ:</h2><ol class=\"transcript\">")
        for i, (kind, title, content) in enumerate(slides, 1):
            body.append(f"<li><p><b>{i} {esc(title)}</b></p><p>{esc(flat_slide_text(spec, kind, content))}</p></li>")
        body.append("</ol>")
        body.append(f"<div class=\"download\">ดาวน์โหลด ppt {esc(deck)}</div>")
        body += [f"<div class=\"ads\">{esc(c)}</div>" for c in SLIDE_SHARE_CHROME_BOTTOM]
        return "\n".join(body)
    body = []
    for kind, title, content in slides:
        body.append(f"<section><h2>{esc(title)}</h2>")
        if kind == "text":
            body.append(f"<p>{esc(content)}</p>")
        elif kind == "criteria":
            body.append(f"<p>{esc(content['intro'])}</p><p>{esc(content['body'])}</p><p>เกณฑ์การให้คะแนน :</p>")
            body.append("<table border=\"1\"><tr>" + "".join(f"<th>ระดับ {i}</th>" for i in range(1, 6)) + "</tr><tr>"
                        + "".join(f"<td>{esc(v)}</td>" for v in content["levels"]) + "</tr></table>")
        else:
            rows, spans = framework_table_rows(spec, kind, content)
            body.append(_html_table(rows, spans))
        body.append("</section>")
    return "\n".join(body)


def _html_table(rows: list[list[str]], spans: list[tuple]) -> str:
    covered: set[tuple[int, int]] = set()
    attrs: dict[tuple[int, int], str] = {}
    for span in spans:
        if span[0] == "row":
            attrs[(span[1], 0)] = ' colspan="2"'
            covered.add((span[1], 1))
        elif span[0] == "all":
            attrs[(span[1], 0)] = ' colspan="3"'
            covered |= {(span[1], 1), (span[1], 2)}
        else:
            attrs[(span[1], 0)] = f' rowspan="{span[2] - span[1] + 1}"'
            covered |= {(r, 0) for r in range(span[1] + 1, span[2] + 1)}
    out = ['<table border="1" cellspacing="0" cellpadding="3">']
    for r, row in enumerate(rows):
        tag = "th" if r == 0 else "td"
        cells = "".join(f"<{tag}{attrs.get((r, c), '')}>{esc(text)}</{tag}>"
                        for c, text in enumerate(row) if (r, c) not in covered)
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def me_html(spec: dict) -> str:
    tags = {"title": "h1", "head": "p", "heading": "h2", "item": "p", "detail": "p"}
    return "\n".join(f"<{tags[s]}>{esc(t)}</{tags[s]}>" for s, t in me_paragraphs(spec))


def make_html(spec: dict, path: Path, producer: str) -> int:
    body = framework_html(spec) if spec["kind"] == "framework" else me_html(spec)
    if producer == "html-cp874-undeclared":
        meta, encoding = "", "cp874"
    else:
        meta, encoding = '<meta charset="utf-8">', "utf-8"
    page = (f"<!DOCTYPE html>\n<html lang=\"th\"><head>{meta}<title>{esc(spec['slug'])}</title></head>\n"
            f"<body>\n{body}\n</body></html>\n")
    path.write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))
    return 1


# --- PDF (reportlab) ------------------------------------------------------------------------------

def make_reportlab(spec: dict, path: Path) -> tuple[int, dict]:
    """A framework as slides (landscape, a page each, tables ruled) or an M&E report (A4,
    paragraphs: headings and body paragraphs indented, items at the margin)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("Sarabun", str(SARABUN)))
    pdfmetrics.registerFont(TTFont("Sarabun-Bold", str(SARABUN_BOLD)))
    pagesize = landscape(A4) if spec["kind"] == "framework" else A4
    margin = 48
    frame_width = pagesize[0] - 2 * margin

    def para(text: str, width: float, font="Sarabun", indent=0, tag=None):
        measure = lambda s: pdfmetrics.stringWidth(s, font, FONT_SIZE)  # noqa: E731
        return lines_flowable(wrap(text, width - 8, measure, first_width=width - 8 - indent), font, indent,
                     size=FONT_SIZE, leading=LINE_HEIGHT, tag=tag)

    def table(rows, widths, spans=()):
        cells = [[para(c, w) if c else "" for c, w in zip(row, widths)] for row in rows]
        t = Table(cells, colWidths=widths)
        style = TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        for span in spans:
            if span[0] == "row":
                style.add("SPAN", (0, span[1]), (1, span[1]))
            elif span[0] == "all":
                style.add("SPAN", (0, span[1]), (2, span[1]))
            else:
                style.add("SPAN", (0, span[1]), (0, span[2]))
        t.setStyle(style)
        return t

    story: list = []
    if spec["kind"] == "framework":
        for n, (kind, title, content) in enumerate(framework_slides(spec)):
            if n:
                story.append(PageBreak())
            tag = ("dimension", content["number"]) if kind == "dimension" else None
            story += [para(title, frame_width, "Sarabun-Bold", tag=tag), Spacer(1, 8)]
            if kind == "text":
                story.append(para(content, frame_width, indent=INDENT_PT))
            elif kind == "criteria":
                story += [para(content["intro"], frame_width, indent=INDENT_PT),
                          para(content["body"], frame_width, indent=INDENT_PT),
                          para("เกณฑ์การให้คะแนน :", frame_width, "Sarabun-Bold", indent=INDENT_PT),
                          table([[f"ระดับ {i}" for i in range(1, 6)], content["levels"]], [frame_width / 5] * 5)]
            else:
                rows, spans = framework_table_rows(spec, kind, content)
                story.append(table(rows, [200, frame_width - 280, 80], spans))
    else:
        for style, text in me_paragraphs(spec):
            font = "Sarabun-Bold" if style in ("title", "heading") else "Sarabun"
            at_margin = style == "item" or re.match(r"^[-•]|^[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*[.)]", text)
            tag = next((f["where"] for f in spec["flags"] if text.startswith(f["where"])), None)
            story.append(para(text, frame_width, font, indent=0 if at_margin else INDENT_PT, tag=tag))
            if style in ("title", "heading"):
                story.append(Spacer(1, 4))

    pages: dict = {}

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            tag = getattr(flowable, "thaikpi_tag", None)
            if tag is not None:
                pages.setdefault(tag, self.page)

    doc = Doc(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
              bottomMargin=margin, invariant=1, title=spec["slug"], author="thaikpi samples",
              creator="thaikpi make_samples (reportlab)")
    doc.build(story)
    return doc.page, pages


def make(spec: dict, producer: str, path: Path) -> dict:
    """Typeset one sample; return its gold."""
    if producer == "reportlab":
        pages, where = make_reportlab(spec, path)
        fmt = "pdf"
    else:
        pages, where, fmt = make_html(spec, path, producer), {}, "html"
    if spec["kind"] == "framework":
        return framework_gold(spec, fmt, pages, where)
    return me_gold(spec, fmt, pages, where)
