"""A framework whose indicators are lists, not a table (issue 23, class 5): a department's
slides as an e-reporting system serves them (HTML, one <section> a slide, <ul> lists) and as
Chromium prints them (a page a slide, the bullets drawn, not written). Specs in
specs_rounds.py; the gold is written from them here.

A slide item is (code or None, name, weight text or None, children): children are a nested
list. Weights are written "(น้ำหนักร้อยละ N)" after the name.
"""
from __future__ import annotations

from pathlib import Path

from samplegen.fonts import SARABUN
from samplegen.poppler import first_page_with, pdf_pages
from samplegen.render_browser import print_page
from samplegen.render_html import esc


def _weight(text):
    return f" (น้ำหนักร้อยละ {text})" if text else ""


def _items_html(items) -> str:
    out = []
    for code, name, weight, children in items:
        label = f"{code} {name}" if code else name
        nested = _items_html(children) if children else ""
        out.append(f"<li>{esc(label + _weight(weight))}{nested}</li>")
    return "<ul>" + "".join(out) + "</ul>"


def dimension_heading(dim: dict) -> str:
    return f"มิติที่ {dim['number']} : {dim['name']}{_weight(dim['weight'])}"


def slides_html(spec: dict) -> str:
    body = [f"<section><h1>{esc(spec['title'])}</h1></section>"]
    for kind, title, content in spec["slides"]:
        body.append(f"<section><h2>{esc(title)}</h2>")
        if kind == "text":
            body.append(f"<p>{esc(content)}</p>")
        elif kind == "example":
            body.append(_items_html(content))
        else:
            body.append(f"<p><b>{esc(dimension_heading(content))}</b></p>" + _items_html(content["items"]))
        body.append("</section>")
    return "\n".join(body)


def make_html(spec: dict, path: Path) -> int:
    page = (f'<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8"><title>{esc(spec["slug"])}</title></head>\n'
            f"<body>\n{slides_html(spec)}\n</body></html>\n")
    path.write_text(page, encoding="utf-8")
    return 1


def make_chromium(spec: dict, path: Path) -> int:
    """The slides printed: A4 landscape, a page each."""
    css = (f"@font-face{{font-family:Sarabun;src:url({SARABUN.as_uri()})}}"
           "@page{size:A4 landscape;margin:15mm} body{font-family:Sarabun;font-size:16pt}"
           "section{break-after:page}")
    print_page(css, slides_html(spec), path)
    return pdf_pages(path)


def _value(text):
    return float(text) if text else None


def framework_lists_gold(spec: dict, fmt: str, path: Path, pages: int) -> dict:
    dimensions, indicators = [], []

    def add(items, number):
        for code, name, weight, children in items:
            indicators.append({"code": code.rstrip(".") if code else None, "name": name, "weight": _value(weight),
                               "dimension": number, "weight_total_stated": None, "criteria": [],
                               "criteria_kind": None})
            add(children, number)

    for kind, _, content in spec["slides"]:
        if kind == "dimension":
            dimensions.append({"number": content["number"], "name": content["name"],
                               "weight": _value(content["weight"])})
            add(content["items"], content["number"])
    flags = []
    for f in spec["flags"]:
        page = 1 if fmt == "html" else first_page_with(path, pages, f"มิติที่ {f['dimension']}")
        flags.append({"check": f["check"], "indicator_code": f["indicator_code"], "reported": f["reported"],
                      "expected": f["expected"], "page": page})
    return {"format": fmt, "kind": "framework", "status": "ok", "error": None, "pages": pages,
            "fiscal_year_be": spec["fiscal_year_be"], "fiscal_year": spec["fiscal_year_be"] - 543,
            "round_months": None, "project": None, "dimensions": dimensions, "indicators": indicators,
            "flags": flags}


def make(spec: dict, producer: str, path: Path) -> dict:
    """Typeset one sample; return its gold."""
    if producer == "chromium":
        return framework_lists_gold(spec, "pdf", path, make_chromium(spec, path))
    return framework_lists_gold(spec, "html", path, make_html(spec, path))
