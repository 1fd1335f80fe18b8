"""A KPI report as HTML in four shapes (plain, one layout table, nested tables, tables printed
twice), in UTF-8 or windows-874, and as Internet Explorer's single-file web archive (.mht)."""
from __future__ import annotations

import html
import quopri
import re
from pathlib import Path

from samplegen.layout import (LIST_SECTIONS, MERGED_SCORE_HEADER, MERGED_SCORE_SPANS, criteria_rows, header_cells,
                              list_paragraphs, score_header)
from samplegen.text import num


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{esc(p)}</p>" for p in paragraphs)


CSS_SQUARE = ("display:inline-block;width:9pt;height:9pt;border:1px solid #000;line-height:9pt;"
              "text-align:center;vertical-align:middle;")

CSS_TICK = ('<span style="display:inline-block;width:3pt;height:6pt;border-right:1.5px solid #000;'
            'border-bottom:1.5px solid #000;transform:rotate(45deg)"></span>')


def checkbox_html(spec: dict) -> str:
    style = spec.get("checkboxes")
    if style == "unicode":
        box = lambda checked: "☑" if checked else "☐"
    elif style == "symbol_font":
        # Word's "Save as Web Page": a Wingdings letter in a span naming the symbol font
        # (its "þ" is ☑, "¨" is ☐)
        box = lambda checked: ("<span style='font-family:Wingdings;mso-ascii-font-family:\"TH SarabunPSK\";"
                               "mso-char-type:symbol;mso-symbol-font-family:Wingdings'>"
                               f"{'þ' if checked else '¨'}</span>")
    elif style == "glyph_square":
        box = lambda checked: "▣" if checked else "□"
    elif style == "css_square":
        # An e-reporting system's own boxes: a bordered span, a tick glyph in the checked one only.
        box = lambda checked: f'<span style="{CSS_SQUARE}">{"✓" if checked else "&nbsp;"}</span>'
    elif style == "filled_square":
        # ... or a bordered span filled black when checked, no glyph in either.
        box = lambda checked: f'<span style="{CSS_SQUARE}{"background:#000;" if checked else ""}">&nbsp;</span>'
    elif style == "css_tick":
        # ... or a tick drawn by CSS (two borders of a rotated span): vector paths in print.
        box = lambda checked: f'<span style="{CSS_SQUARE}">{CSS_TICK if checked else ""}</span>'
    else:
        box = lambda checked: f'<input type="checkbox"{" checked" if checked else ""}>'
    layout = spec.get("round_layout")
    if layout == "table":
        # each box in a cell of its own, its label in the next cell
        cells = "".join(f"<td>{box(c)}</td><td>รอบ {num(spec, m)} เดือน</td>" for m, c in spec["rounds"])
        return f'<table border="0" cellspacing="0" cellpadding="2"><tr>{cells}</tr></table>'
    sep = "&nbsp;&nbsp;&nbsp;&nbsp;" if layout == "line" else "<br>"
    return sep.join(f"{box(c)} รอบ {num(spec, m)} เดือน" for m, c in spec["rounds"])


def data_table(rows: list[list[str]], header=True, spans=None, header_rows=1, border=1) -> str:
    """spans: {(row, column): {"rowspan"/"colspan": n}}; cells under a span are left out."""
    out = [f'<table border="{border}" cellspacing="0" cellpadding="3">']
    covered = set()
    for (i, j), span in (spans or {}).items():
        covered |= {(i + di, j + dj) for di in range(span.get("rowspan", 1))
                    for dj in range(span.get("colspan", 1))} - {(i, j)}
    for i, row in enumerate(rows):
        tag = "th" if header and i < header_rows else "td"
        cells = []
        for j, c in enumerate(row):
            if (i, j) not in covered:
                attrs = "".join(f' {k}="{v}"' for k, v in (spans or {}).get((i, j), {}).items())
                cells.append(f"<{tag}{attrs}>{c}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def flattened_table(rows: list[list[str]]) -> str:
    """A table as tab-separated lines of its cells' text, in a <pre>."""
    flat = "\n".join("\t".join(" ".join(re.sub("<[^>]+>", " ", c).split()) for c in r) for r in rows)
    return f"<pre>{flat}</pre>"


def spec_table(spec: dict, rows: list[list[str]]) -> str:
    """A data table as the spec draws it: a table, or lines of tab-separated cells."""
    if spec.get("tables") == "tab_flattened":
        return flattened_table(rows)
    return data_table(rows, border=0 if spec.get("tables") == "unruled" else 1)


def steps_rows(spec: dict) -> list[list[str]]:
    rows = [[esc(spec["steps_header"][0]), esc(spec["steps_header"][1])]]
    for step in spec["steps"]:
        rows.append([num(spec, step[0]), ps(step[1])])
        if len(step) > 2:
            rows.append(["", ps(step[2])])
    return rows


def tail_html(spec: dict) -> str:
    """Score table and list sections, as plain blocks after the report's header."""
    out = [f"<p><b>การคำนวณคะแนนจากผลการดำเนินงาน :{esc(spec.get('score_label_suffix', ''))}</b></p>"]
    body = [[esc(c) for c in r["cells"]] for r in spec["score_rows"]]
    if spec.get("merged_score_header"):
        out.append(data_table([[esc(h) for h in row] for row in MERGED_SCORE_HEADER] + body,
                              spans=MERGED_SCORE_SPANS, header_rows=2))
    else:
        out.append(spec_table(spec, [[esc(h) for h in score_header(spec)]] + body))
    for key, label in LIST_SECTIONS:
        inline = spec.get(key + "_inline")
        if inline:
            out.append(f"<p><b>{esc(label)}</b> {esc(inline)}</p>")
        elif spec.get(key):
            out.append(f"<p><b>{esc(label)}</b></p>" + ps(list_paragraphs(spec, key)))
    if spec.get("note"):
        out.append(f"<p>หมายเหตุ : {esc(spec['note'])}</p>")
    return "\n".join(out)


def html_plain(spec: dict) -> str:
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    parts = [f"<h2>{esc(t)}</h2>" for t in spec["titles"]]
    parts.append(f"<p>{checkbox_html(spec)}</p>")
    parts.append(data_table([[f'<span class="label">{esc(name.split(" : ")[0])}</span> : <b>{esc(name.split(" : ", 1)[1])}</b>', ""],
                             [ps(supervisors), ps(collectors)], [esc(phone1), esc(phone2)]], header=False))
    parts.append("<p><b>คำอธิบาย :</b></p>" + ps(spec["description"]))
    parts.append("<p><b>ข้อมูลผลการดำเนินงาน :</b></p>" + spec_table(spec, steps_rows(spec)))
    if spec.get("conditions"):
        parts.append(f"<p>เงื่อนไข : {esc(spec['conditions'])}</p>")
    if spec.get("criteria"):
        parts.append("<p><b>เกณฑ์การให้คะแนน :</b></p>" + spec_table(spec, [[esc(c) for c in r] for r in criteria_rows(spec)]))
    parts.append(tail_html(spec))
    return "\n".join(parts)


def html_flat(spec: dict) -> str:
    """Seed 002's shape: the whole report one three-column table, the score table after it."""
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    rows = [[esc(" ".join(spec["titles"])), "", checkbox_html(spec)], [esc(name), "", ""],
            [esc(" ".join(supervisors)), esc(" ".join(collectors)), ""], [esc(phone1), esc(phone2), ""],
            ["คำอธิบาย : " + ps(spec["description"]), "", ""], ["ข้อมูลผลการดำเนินงาน :", "", ""]]
    html_rows = ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows]
    html_rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in steps_rows(spec)[0]) + "<td></td></tr>")
    for step in spec["steps"]:
        # A step whose text runs on in a second row: its number cell spans both (rowspan).
        span = ' rowspan="2"' if len(step) > 2 else ""
        html_rows.append(f"<tr><td{span}>{num(spec, step[0])}</td><td>{ps(step[1])}</td><td></td></tr>")
        if len(step) > 2:
            html_rows.append(f"<tr><td>{ps(step[2])}</td><td></td></tr>")
    rows = []
    if spec.get("conditions"):
        rows.append([f"<p>เงื่อนไข : {esc(spec['conditions'])}</p>", "", ""])
    if spec.get("criteria"):
        rows.append(["เกณฑ์การให้คะแนน :", "", ""])
    html_rows += ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows]
    out = ['<table width="100%" border="1">', *html_rows, "</table>"]
    if spec.get("criteria"):
        out.append(data_table([[esc(c) for c in r] for r in criteria_rows(spec)]))
    out.append(tail_html(spec))
    return "\n".join(out)


def html_nested(spec: dict) -> str:
    """Seed 003's shape: a layout table whose cells hold the data tables."""
    name, supervisors, collectors, phone1, phone2 = header_cells(spec)
    cells = [
        f"<td colspan=2>{ps(spec['titles'])}</td><td>{checkbox_html(spec)}</td>",
        f"<td colspan=3>{esc(name)}</td>",
        f"<td colspan=2>{esc(' '.join(supervisors))}</td><td>{esc(' '.join(collectors))}</td>",
        f"<td colspan=2>{esc(phone1)}</td><td>{esc(phone2)}</td>",
        f"<td colspan=3><p>คำอธิบาย :</p>{ps(spec['description'])}</td>",
        "<td colspan=3>ข้อมูลผลการดำเนินงาน :</td>",
        f"<td colspan=3>{data_table(steps_rows(spec))}</td>",
    ]
    if spec.get("conditions"):
        cells.append(f"<td colspan=3><p>เงื่อนไข : {esc(spec['conditions'])}</p></td>")
    if spec.get("criteria"):
        cells += ["<td colspan=3>เกณฑ์การให้คะแนน :</td>",
                  f"<td colspan=3>{data_table([[esc(c) for c in r] for r in criteria_rows(spec)])}</td>"]
    return '<table width="100%">' + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>\n" + tail_html(spec)


def html_nested_twice(spec: dict) -> str:
    """Seed 003 as its dump shows it: each data table, then the same table again, flattened to
    tab-separated lines (as some e-reporting systems print a table's text under it)."""
    page = html_nested(spec)
    for rows in (steps_rows(spec), [[esc(c) for c in r] for r in criteria_rows(spec)] if spec.get("criteria") else []):
        if not rows:
            continue
        table = data_table(rows)
        page = page.replace(table, table + flattened_table(rows), 1)
    return page


def make_html(spec: dict, path: Path, producer: str) -> tuple[int, int]:
    body = {"html-utf8": html_plain, "html-utf8-flat": html_flat, "html-cp874-declared": html_nested,
            "html-cp874-undeclared": html_plain, "html-utf8-twice": html_nested_twice,
            "html-mht": html_nested}[producer](spec)
    if producer == "html-mht":
        return make_mht(spec, body, path)
    if producer.startswith("html-cp874"):
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-874">' if "declared" in producer and "undeclared" not in producer else ""
        encoding = "cp874"
    else:
        meta, encoding = '<meta charset="utf-8">', "utf-8"
    # Site chrome around the report, as e-reporting systems print it.
    page = (f"<!DOCTYPE html>\n<html lang=\"th\"><head>{meta}<title>{esc(spec['slug'])}</title>"
            f"<style>td{{vertical-align:top}}</style><script>var x = 1;</script></head>\n<body>\n{body}\n</body></html>\n")
    path.write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))
    return 1, 1


MHT_BOUNDARY = "----=_NextPart_000_0000_01C9A1B2.3C4D5E60"
GIF_1PX = "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="


def make_mht(spec: dict, body: str, path: Path) -> tuple[int, int]:
    """The report as Internet Explorer saved a page as a "Web Archive, single file" (.mht):
    mail headers, the page in windows-874 as quoted-printable (soft breaks every 76
    characters, inside words), then the site's logo as a base64 part."""
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-874">'
            f"<title>{esc(spec['slug'])}</title></head>\r\n<body>\r\n{body}\r\n</body></html>\r\n")
    encoded = quopri.encodestring(page.encode("cp874", errors="xmlcharrefreplace").replace(b"\n", b"\r\n"))
    where = f"http://www.example.go.th/kpi/{spec['slug']}"
    head = (f"From: <Saved by Windows Internet Explorer 8>\r\nSubject: {spec['slug']}\r\n"
            "Date: Tue, 15 Sep 2009 10:12:00 +0700\r\nMIME-Version: 1.0\r\n"
            f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{MHT_BOUNDARY}"\r\n'
            "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.5579\r\n\r\n"
            "This is a multi-part message in MIME format.\r\n\r\n"
            f"--{MHT_BOUNDARY}\r\n"
            'Content-Type: text/html;\r\n\tcharset="windows-874"\r\n'
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {where}.html\r\n\r\n")
    tail = (f"\r\n\r\n--{MHT_BOUNDARY}\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: {where}/logo.gif\r\n\r\n{GIF_1PX}\r\n\r\n--{MHT_BOUNDARY}--\r\n")
    path.write_bytes(head.encode("ascii") + encoded + tail.encode("ascii"))
    return 1, 1


