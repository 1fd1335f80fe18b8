"""Samples of real genres in their own layouts (issue 22): a budget book's KPI table, an action
plan's results with ✓ / ✗, a self-assessment report's indicator summary, a performance
agreement as slides; from specs_genres.py. Their gold (tests/gold_genres/, in the format of
tests/real_gold/README.md) is written from the spec, as the page is: the same cells, the
page each row was laid out on, and the errors the spec plants.
"""
from __future__ import annotations

import re
from pathlib import Path

from samplegen.poppler import poppler_page_text
from samplegen.render_tables import Mark, Row, Table, Text, build_pdf, write_html
from samplegen.text import arabic

CHECK = {True: "✓", False: "✗"}
DINGBAT_CHECK = "✔"  # reportlab draws it as ZapfDingbats' code "4": the text layer says "4"


def value(written: str):
    """The number a cell prints ("( 856,030 )", "ร้อยละ 86.40", "๔๕,๐๐๐"), or None."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", arabic(written))
    if not m:
        return None
    number = float(m.group(0).replace(",", ""))
    return int(number) if number.is_integer() and "." not in m.group(0) else number


def unit(written: str):
    """What a target cell says besides its number: "300 คน" -> คน, "ร้อยละ 80" -> ร้อยละ."""
    rest = re.sub(r"[\d๐-๙][\d๐-๙,.]*", "", written).strip()
    return rest or None


def paginate(items: list, first_page: int, break_after: int) -> list[tuple[int, list]]:
    """(page, items) chunks of a table broken after `break_after` rows."""
    return [(first_page, items[:break_after]), (first_page + 1, items[break_after:])]


def group_row(text: str, columns: int) -> Row:
    return Row([text] + [""] * (columns - 1), span=(0, columns - 1), bold=True)


# --- (a) budget book ------------------------------------------------------------------------------

def budget_book(spec: dict) -> tuple[list[list], list[dict], list[dict]]:
    years = spec["years"]
    if spec["header_rows"] == 2:
        header = [["ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย", "", ""], ["", ""] + [f"ปี {y}" for y in years]]
        spans = [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (4, 0))]
    else:
        header = [["ตัวชี้วัด", "หน่วยนับ", f"ค่าเป้าหมาย ปี {years[0]}"] + [f"ปี {y}" for y in years[1:]]]
        spans = []
    widths = [215, 52, 76, 76, 76]
    pages: list[list] = [[Text(t, 14, bold=True, align="C") for t in spec["titles"]]
                         + [Text(spec["intro"], bold=True, space_after=8)]]
    rows = []
    for page, items in paginate(spec["rows"], 1, spec["page_break_after"]):
        body = []
        for item in items:
            if isinstance(item, str):
                body.append(group_row(item, len(widths)))
                continue
            t = item["targets"]
            # The past year: its plan, and on the line below the result in brackets.
            body.append(Row([item["name"], item["unit"], [t[0], f"( {item['result']} )"], t[1], t[2]]))
            for i, year in enumerate(years):
                row = {"page": page, "name": item["name"], "unit": item["unit"], "year_be": year,
                       "target_value": value(t[i])}
                if i == 0:
                    row["result_value"] = value(item["result"])
                rows.append(row)
        table = Table(header, body, widths, "LCCCC", spans)
        if page == len(pages):
            pages[-1].append(table)
        else:
            pages.append([table])
    return pages, rows, []


# --- (b) action plan results ----------------------------------------------------------------------

def action_results(spec: dict) -> tuple[list[list], list[dict], list[dict]]:
    header = [["ลำดับ", "โครงการ/ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน", "งบประมาณที่ได้รับ", "งบประมาณที่ใช้ไป", "บรรลุ"]]
    widths = [40, 262, 90, 100, 95, 95, 80]
    pages: list[list] = [[Text(t, 14, bold=True, align="C") for t in spec["titles"]]]
    rows, planted, number = [], [], 0
    chunks = paginate(spec["rows"], 1, spec["page_break_after"])
    for page, items in chunks:
        body = []
        for item in items:
            if isinstance(item, str):
                body.append(group_row(item, len(widths)))
                continue
            number += 1
            mark = Mark(DINGBAT_CHECK, "ZapfDingbats") if item.get("mark") == "dingbat" else Mark(CHECK[item["achieved"]])
            body.append(Row([str(number), item["name"], item["target"], item["result"], item["budget"],
                             item["spent"], mark]))
            rows.append({"page": page, "name": item["name"], "unit": unit(item["target"]),
                         "year_be": spec["metadata"]["fiscal_year_be"], "target_value": value(item["target"]),
                         "result_value": value(item["result"]), "achieved": item["achieved"]})
            if item.get("planted"):
                planted.append({"check": item["planted"][0], "page": page, "note": item["planted"][1]})
        if page == chunks[-1][0]:
            items = [i for i in spec["rows"] if isinstance(i, dict)]
            received = sum(value(i["budget"]) or 0 for i in items)
            spent = sum(value(i["spent"]) or 0 for i in items)
            body.append(Row([spec["total_label"], "", "", "", f"{received:,}", f"{spent:,}", ""], span=(0, 3), bold=True))
        table = Table(header, body, [float(w) for w in widths], "CLCCCCC")
        if page == len(pages):
            pages[-1].append(table)
        else:
            pages.append([table])
    return pages, rows, planted


# --- (c) self-assessment report ---------------------------------------------------------------

def sar(spec: dict) -> tuple[list[list], list[dict], list[dict]]:
    header = [["ตัวบ่งชี้", "เป้าหมาย", "ผลการดำเนินงาน", "คะแนนการประเมินตนเอง", "บรรลุ"]]
    widths = [205, 65, 90, 80, 55]
    pages: list[list] = [[Text(t, 14, bold=True, align="C") for t in spec["titles"]]
                         + [Text(spec["summary_heading"], bold=True, space_after=8)]
                         + [Text(p, space_after=8) for p in spec["summary"]]]
    rows = []
    chunks = paginate(spec["rows"], 2, spec["page_break_after"])
    for page, items in chunks:
        body = []
        for item in items:
            if isinstance(item, str):
                body.append(group_row(item, len(widths)))
                continue
            body.append(Row([f"ตัวบ่งชี้ที่ {item['code']} {item['name']}", item["target"], item["result"],
                             item["score"], "บรรลุ" if item["achieved"] else "ไม่บรรลุ"]))
            rows.append({"page": page, "code": item["code"], "name": item["name"], "unit": unit(item["target"]),
                         "year_be": spec["metadata"]["academic_year_be"], "target_value": value(item["target"]),
                         "result_value": value(item["result"]), "score": value(item["score"]),
                         "achieved": item["achieved"]})
        if page == chunks[-1][0]:
            body.append(Row([spec["average_label"], "", "", spec["average_written"], ""], span=(0, 2), bold=True))
        blocks = [Table(header, body, [float(w) for w in widths], "LCCCC")]
        pages.append([Text(spec["table_heading"], bold=True, align="C", space_after=8)] + blocks
                     if page == chunks[0][0] else blocks)
    scores = [r["score"] for r in rows]
    mean = round(sum(scores) / len(scores), 2)
    planted = []
    if value(spec["average_written"]) != mean:
        planted.append({"check": "total_mismatch", "page": chunks[-1][0],
                        "note": f"{spec['average_label']} prints {spec['average_written']}; the {len(scores)} "
                                f"scores add up to {sum(scores):.2f}, a mean of {mean:.2f}"})
    return pages, rows, planted


# --- (d) performance agreement slides -----------------------------------------------------------

def performance_agreement(spec: dict) -> tuple[list[list], list[dict], list[dict]]:
    header = [["ตัวชี้วัด", "", "น้ำหนัก (ร้อยละ)", "เกณฑ์การให้คะแนน", "", "", "", ""],
              ["", "", "", "1", "2", "3", "4", "5"]]
    spans = [((0, 0), (1, 1)), ((2, 0), (2, 1)), ((3, 0), (7, 0))]
    widths = [45.0, 337.0, 80.0] + [60.0] * 5
    pages: list[list] = [[Text("", 20, space_after=120)]
                         + [Text(t, 24 if i == 0 else 18, bold=i == 0, align="C", space_after=10)
                            for i, t in enumerate(spec["titles"])]]
    rows = []
    fiscal = spec["metadata"]["fiscal_year_be"]
    for page, (title, indicators) in enumerate(spec["dimensions"], 2):
        body = [Row([code, name, weight, *levels]) for code, name, weight, levels in indicators]
        for code, name, weight, levels in indicators:
            rows.append({"page": page, "code": code, "name": name, "year_be": fiscal,
                         "target_value": value(levels[2]), "weight": value(weight),
                         "note": "target = level 3 of the levels 1-5: " + " / ".join(levels)})
        if page == len(spec["dimensions"]) + 1:
            body.append(Row([spec["total_label"], "", spec["total_written"], "", "", "", "", ""], span=(0, 1), bold=True))
        pages.append([Text(title, 20, bold=True, space_after=12), Table(header, body, widths, "LLCCCCCC", spans, size=14)])
    weights = sum(r["weight"] for r in rows)
    planted = []
    if weights != value(spec["total_written"]):
        planted.append({"check": "weight_sum_mismatch", "page": len(pages),
                        "note": f"the total row prints {spec['total_written']}; the {len(rows)} weights add up to {weights:g}"})
    return pages, rows, planted


LAYOUTS = {"budget_book": (budget_book, False), "action_results": (action_results, True),
           "sar": (sar, False), "kpi_template": (performance_agreement, True)}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def make(spec: dict, producer: str, path: Path) -> dict:
    """Typeset one genre sample; return its gold."""
    build, landscape = LAYOUTS[spec["genre"]]
    pages, rows, planted = build(spec)
    if producer == "reportlab":
        build_pdf(pages, path, landscape=landscape, slug=spec["slug"], margin=40 if landscape else 50,
                  slides=spec["genre"] == "kpi_template")
        # Each row's name is on the page the gold gives (poppler reads reportlab's text exactly).
        for row in rows:
            assert squeeze(row["name"])[:10] in squeeze(poppler_page_text(path, row["page"])), (path.name, row)
    else:
        write_html(pages, path, spec["slug"])
        rows = [dict(r, page=1) for r in rows]
        planted = [dict(p, page=1) for p in planted]
    return {"file": path.name, "genre": spec["genre"], "has_indicators": True, "metadata": spec["metadata"],
            "indicator_count": {"min": len({r["name"] for r in rows}), "max": len({r["name"] for r in rows})},
            "rows": rows, "planted": planted}
