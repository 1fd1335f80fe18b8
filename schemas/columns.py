"""The data dictionary: every column of every CSV that ingest writes, in order, with its type
and meaning in English and Thai. The writers take their column order from here and
datapackage.json is made from it, so the documentation cannot drift from the files."""
from __future__ import annotations

from dataclasses import dataclass

from thaikpi.schemas.flags import FLAG_TYPES


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless field type: string, integer, number, boolean
    description: str
    description_th: str


def _c(name, type_, en, th):
    return Column(name, type_, en, th)


DOC_KEYS = [
    _c("doc_id", "string", "sha256 of the file's bytes: stable across runs and renames", "รหัสเอกสาร (sha256 ของไฟล์)"),
    _c("source", "string", "path of the input file", "ที่อยู่ไฟล์ต้นฉบับ"),
]

FISCAL_YEAR_BE = _c("fiscal_year_be", "integer", "fiscal year, Buddhist Era (ปีงบประมาณ พ.ศ.)", "ปีงบประมาณ (พ.ศ.)")
FISCAL_YEAR = _c("fiscal_year", "integer", "fiscal year, Common Era (BE - 543; FY 2554 = Oct 2010 - Sep 2011)", "ปีงบประมาณ (ค.ศ.)")
ROUND_MONTHS = _c("round_months", "integer", "reporting round: 3, 6, 9 or 12 months (the checked box)", "รอบการรายงาน (เดือน)")

TABLES: dict[str, list[Column]] = {
    "documents": DOC_KEYS + [
        _c("format", "string", "pdf or html, sniffed from the bytes", "รูปแบบไฟล์"),
        _c("kind", "string", "kpi_report, framework, me_report or unknown", "ประเภทเอกสาร"),
        _c("status", "string", "ok, partial (some pages untrusted) or error", "สถานะการอ่าน"),
        _c("error_kind", "string", "why the file could not be read: empty, truncated, encrypted, unsupported, damaged, encoding, too_large, unreadable, timeout, memory, crashed, internal", "ประเภทข้อผิดพลาด"),
        _c("error_message", "string", "the reason, in words", "รายละเอียดข้อผิดพลาด"),
        _c("pages", "integer", "pages in the file (1 for HTML)", "จำนวนหน้า"),
        FISCAL_YEAR_BE, FISCAL_YEAR, ROUND_MONTHS,
        _c("indicators", "integer", "indicators extracted", "จำนวนตัวชี้วัด"),
        _c("flags", "integer", "flags raised", "จำนวนข้อสังเกต"),
        _c("project_name", "string", "M&E reports: the project (โครงการ ...)", "ชื่อโครงการ (รายงานติดตามและประเมินผล)"),
        _c("quarter", "integer", "M&E reports: the quarter reported, 1-4 (ไตรมาสที่)", "ไตรมาส"),
        _c("budget_received_baht", "number", "M&E reports: budget received (allocated), baht (ล้านบาท multiplied out)", "งบประมาณที่ได้รับ (บาท)"),
        _c("budget_disbursed_baht", "number", "M&E reports: budget disbursed, baht (ล้านบาท multiplied out)", "งบประมาณที่เบิกจ่าย (บาท)"),
        _c("pages_ocr", "integer", "pages read by OCR (scans, text layers beyond repair); their values carry OCR's errors", "จำนวนหน้าที่อ่านด้วย OCR"),
        _c("ocr_confidence_mean", "number", "OCR'd pages: mean word confidence, 0-100 (Tesseract's)", "ความเชื่อมั่นเฉลี่ยของ OCR"),
        _c("pipeline_version", "string", "thaikpi version that produced the row", "รุ่นของโปรแกรม"),
    ],
    "indicators": [
        _c("indicator_id", "string", "stable id: first 12 hex digits of doc_id, '-', position in the document", "รหัสตัวชี้วัดในชุดข้อมูล"),
    ] + DOC_KEYS + [
        FISCAL_YEAR_BE, FISCAL_YEAR, ROUND_MONTHS,
        _c("code", "string", "indicator code, Arabic digits, no trailing dot (e.g. 3.1.4)", "รหัสตัวชี้วัด"),
        _c("name", "string", "indicator name, clean Unicode, Arabic digits", "ชื่อตัวชี้วัด"),
        _c("name_raw", "string", "indicator name as written (Thai digits kept)", "ชื่อตัวชี้วัดตามต้นฉบับ"),
        _c("supervisors", "string", "supervisors (ผู้กำกับดูแลตัวชี้วัด), separated by ' | '", "ผู้กำกับดูแลตัวชี้วัด"),
        _c("data_collectors", "string", "data collectors (ผู้จัดเก็บข้อมูล), separated by ' | '", "ผู้จัดเก็บข้อมูล"),
        _c("phones", "string", "telephone numbers, separated by ' | '", "โทรศัพท์"),
        _c("description", "string", "description (คำอธิบาย); paragraphs separated by newlines", "คำอธิบาย"),
        _c("criteria_kind", "string", "step (levels reached by steps done) or numeric (thresholds, interpolated)", "ประเภทเกณฑ์การให้คะแนน"),
        _c("criteria", "string", "levels 1-5 and their thresholds, 'level: text' separated by ' | '", "เกณฑ์การให้คะแนน"),
        _c("steps", "integer", "milestones (steps) reported", "จำนวนขั้นตอนที่รายงาน"),
        _c("score_rows", "integer", "rows of the score table", "จำนวนแถวตารางคะแนน"),
        _c("measures", "string", "measures taken (มาตรการ), separated by ' | '", "มาตรการที่ได้ดำเนินการ"),
        _c("support_factors", "string", "support factors, separated by ' | '", "ปัจจัยสนับสนุน"),
        _c("obstacles", "string", "obstacles ('-' in the report means none: empty here)", "อุปสรรค"),
        _c("suggestions", "string", "suggestions for next year", "ข้อเสนอแนะ"),
        _c("evidence", "integer", "evidence items (หลักฐานอ้างอิง)", "จำนวนหลักฐานอ้างอิง"),
        _c("evidence_doc_refs", "string", "letter numbers cited in the evidence, normalised ('มท 0220/ว 3629'), ' | '", "เลขที่หนังสืออ้างอิง"),
        _c("evidence_dates", "string", "dates cited in the evidence, ISO, Common Era, ' | '", "วันที่ในหลักฐานอ้างอิง"),
        _c("note", "string", "note (หมายเหตุ)", "หมายเหตุ"),
        _c("page", "integer", "page where the indicator's name is", "หน้า"),
        _c("weight", "number", "framework items: the indicator's weight (percent)", "น้ำหนัก (กรอบการประเมิน)"),
        _c("dimension", "integer", "framework items: the dimension (มิติ) number", "มิติ"),
        _c("weight_total_stated", "number", "framework items: the total a note states for this indicator's sub-indicators (น้ำหนักรวม)", "น้ำหนักรวมของตัวชี้วัดย่อยที่ระบุไว้"),
    ],
    "dimensions": DOC_KEYS + [
        FISCAL_YEAR_BE, FISCAL_YEAR,
        _c("number", "integer", "the dimension's number (มิติที่ N)", "มิติที่"),
        _c("name", "string", "the dimension's name (มิติด้าน ...)", "ชื่อมิติ"),
        _c("weight", "number", "the dimension's weight, percent of the whole evaluation", "น้ำหนัก (ร้อยละ)"),
        _c("indicators", "integer", "indicators of the framework in this dimension", "จำนวนตัวชี้วัดในมิติ"),
        _c("page", "integer", "page where the dimension is first named", "หน้า"),
    ],
    "score_rows": [
        _c("indicator_id", "string", "the indicator this row belongs to", "รหัสตัวชี้วัดในชุดข้อมูล"),
    ] + DOC_KEYS + [
        FISCAL_YEAR_BE,
        _c("indicator_code", "string", "indicator code", "รหัสตัวชี้วัด"),
        _c("row", "integer", "position of the row in the score table, from 0", "ลำดับแถว"),
        _c("label", "string", "row label (ตัวชี้วัด/ข้อมูลพื้นฐาน)", "รายการ"),
        _c("is_total", "boolean", "a total row (รวม)", "เป็นแถวรวม"),
        _c("weight", "number", "weight, percent (น้ำหนัก ร้อยละ), as reported", "น้ำหนัก (ร้อยละ)"),
        _c("performance_text", "string", "performance as written (ผลการดำเนินงาน)", "ผลการดำเนินงาน (ตามต้นฉบับ)"),
        _c("performance_value", "number", "performance as a number (steps done, percent, days ...)", "ผลการดำเนินงาน (ตัวเลข)"),
        _c("score", "number", "score 0-5 as reported (ค่าคะแนนที่ได้)", "ค่าคะแนนที่ได้ (ที่รายงาน)"),
        _c("score_recomputed", "number", "score the criteria give for the performance; a total row: its parts' weighted scores x 100 / their weight", "ค่าคะแนนที่คำนวณใหม่"),
        _c("weighted_score", "number", "weighted score as reported (ค่าคะแนนถ่วงน้ำหนัก)", "ค่าคะแนนถ่วงน้ำหนัก (ที่รายงาน)"),
        _c("weighted_score_recomputed", "number", "weight x reported score / 100; a total row: the sum of its parts' reported weighted scores", "ค่าคะแนนถ่วงน้ำหนักที่คำนวณใหม่"),
        _c("flags", "string", "checks this row failed, separated by ' | '", "ข้อสังเกตของแถวนี้"),
        _c("page", "integer", "page of the row in the source", "หน้า"),
    ],
    "me_claims": DOC_KEYS + [
        FISCAL_YEAR_BE, FISCAL_YEAR,
        _c("quarter", "integer", "the quarter reported, 1-4", "ไตรมาส"),
        _c("project_name", "string", "the project", "ชื่อโครงการ"),
        _c("claim", "integer", "position of the claim in the document, from 0", "ลำดับ"),
        _c("section", "string", "where it is stated: header, outputs, outcomes, kpis, activities, budget or summary", "ส่วนของรายงาน"),
        _c("kind", "string", "count (a number of things), total (a stated sum, after รวม) or amount (money)", "ประเภทตัวเลข"),
        _c("value", "number", "the number as stated (baht for money)", "ตัวเลขที่ระบุ"),
        _c("unit", "string", "its unit as written (คน, จังหวัด, ครั้ง, บาท, ล้านบาท ...)", "หน่วยนับ"),
        _c("listed", "integer", "counts: how many things the text names after the number (empty: it names none)", "จำนวนที่แจกแจงไว้"),
        _c("listed_items", "string", "counts: the things named, separated by ' | '", "รายการที่แจกแจง"),
        _c("parts", "string", "totals: the numbers it adds up, separated by ' | '", "ตัวเลขที่นำมารวม"),
        _c("parts_sum", "number", "totals: the sum of the parts, to compare with value", "ผลรวมที่คำนวณได้"),
        _c("flags", "string", "checks this claim failed (count_mismatch, total_mismatch)", "ข้อสังเกต"),
        _c("text", "string", "the paragraph the number is stated in", "ข้อความต้นฉบับ"),
        _c("page", "integer", "page in the source", "หน้า"),
    ],
    "flags": DOC_KEYS + [
        _c("flag", "integer", "position of the flag in the document's flags, from 0", "ลำดับข้อสังเกต"),
        FISCAL_YEAR_BE,
        _c("check", "string", "the rule that failed (catalogue in README)", "กฎที่ตรวจพบ"),
        _c("severity", "string", "error, warning or info", "ระดับความรุนแรง"),
        _c("indicator_id", "string", "the indicator concerned, where the flag points at one (indicators.indicator_id)", "รหัสตัวชี้วัดในชุดข้อมูล"),
        _c("indicator_code", "string", "indicator concerned", "รหัสตัวชี้วัด"),
        _c("reported", "number", "the value the report gives, where it is a number", "ค่าที่รายงาน (ตัวเลข)"),
        _c("reported_text", "string", "the value the report gives, where it is not a number (e.g. บรรลุ)", "ค่าที่รายงาน (ข้อความ)"),
        _c("expected", "number", "the value recomputed from the rest of the report, where it is a number", "ค่าที่คำนวณได้ (ตัวเลข)"),
        _c("expected_text", "string", "the value expected, where it is not a number", "ค่าที่คำนวณได้ (ข้อความ)"),
        _c("message", "string", "what disagrees, in words, with the rule", "คำอธิบาย"),
        _c("page", "integer", "page in the source", "หน้า"),
        _c("bbox", "string", "where on the page, where known: x0 top x1 bottom, points from the page's top-left", "ตำแหน่งบนหน้า"),
        _c("evidence", "string", "the source text the flag is about (e.g. the score row's cells)", "ข้อความต้นฉบับ"),
    ],
    "indicator_series": [
        _c("indicator_id", "string", "the indicator in this document (indicators.indicator_id)", "รหัสตัวชี้วัดในชุดข้อมูล"),
        _c("row", "integer", "the score row (score_rows.row); 0 for an indicator without score rows", "ลำดับแถว"),
        _c("series", "string", "what makes rows one series across documents: agency, code (or name when there is no code; the name too when the agency is unknown) and row label, separated by ' | '", "รหัสอนุกรม"),
        _c("agency", "string", "the agency, where the document names it", "หน่วยงาน"),
        _c("indicator_code", "string", "indicator code", "รหัสตัวชี้วัด"),
        _c("indicator_name", "string", "indicator name", "ชื่อตัวชี้วัด"),
        _c("row_label", "string", "the score row's label (a sub-indicator, or รวม)", "รายการ"),
        _c("is_total", "boolean", "a total row", "เป็นแถวรวม"),
        FISCAL_YEAR_BE, FISCAL_YEAR, ROUND_MONTHS,
        _c("period", "string", "fiscal year BE / round months (2559/06), or the year alone", "ช่วงเวลา"),
        _c("weight", "number", "weight, percent, as reported", "น้ำหนัก (ร้อยละ)"),
        _c("criteria_kind", "string", "step (cumulative: steps done so far) or numeric", "ประเภทเกณฑ์การให้คะแนน"),
        _c("target", "string", "the target: the criteria's thresholds for levels 1-5 (' | '), or the target as printed", "ค่าเป้าหมาย"),
        _c("result", "number", "the result as a number (steps done, percent ...)", "ผลการดำเนินงาน (ตัวเลข)"),
        _c("result_text", "string", "the result as written", "ผลการดำเนินงาน (ตามต้นฉบับ)"),
        _c("score", "number", "score as reported", "ค่าคะแนนที่ได้ (ที่รายงาน)"),
        _c("score_recomputed", "number", "score recomputed from the criteria", "ค่าคะแนนที่คำนวณใหม่"),
        _c("weighted_score", "number", "weighted score as reported", "ค่าคะแนนถ่วงน้ำหนัก (ที่รายงาน)"),
    ] + DOC_KEYS + [
        _c("page", "integer", "page of the row in the source", "หน้า"),
    ],
    "cross_flags": [
        _c("flag", "integer", "position of the flag among the cross-document flags, from 0", "ลำดับข้อสังเกต"),
        _c("check", "string", "the rule that failed (cross_*; catalogue below)", "กฎที่ตรวจพบ"),
        _c("severity", "string", "error, warning or info", "ระดับความรุนแรง"),
        _c("series", "string", "the series compared (indicator_series.series)", "รหัสอนุกรม"),
        _c("indicator_code", "string", "indicator code", "รหัสตัวชี้วัด"),
        _c("indicator_name", "string", "indicator name", "ชื่อตัวชี้วัด"),
        _c("row_label", "string", "the score row compared", "รายการ"),
        FISCAL_YEAR_BE,
        _c("earlier_round_months", "integer", "the earlier round", "รอบก่อนหน้า (เดือน)"),
        _c("earlier_value", "string", "the value in the earlier round's document", "ค่าในรอบก่อนหน้า"),
        _c("earlier_source", "string", "the earlier round's document", "เอกสารรอบก่อนหน้า"),
        _c("earlier_page", "integer", "its page", "หน้า (รอบก่อนหน้า)"),
        _c("earlier_indicator_id", "string", "its indicator", "รหัสตัวชี้วัด (รอบก่อนหน้า)"),
        _c("later_round_months", "integer", "the later round", "รอบถัดมา (เดือน)"),
        _c("later_value", "string", "the value in the later round's document", "ค่าในรอบถัดมา"),
        _c("later_source", "string", "the later round's document", "เอกสารรอบถัดมา"),
        _c("later_page", "integer", "its page", "หน้า (รอบถัดมา)"),
        _c("later_indicator_id", "string", "its indicator", "รหัสตัวชี้วัด (รอบถัดมา)"),
        _c("message", "string", "what changed, in words, naming both documents and pages", "คำอธิบาย"),
    ],
}
# Tables made from all the documents together (the others are made one document at a time).
CROSS_TABLES = ("indicator_series", "cross_flags")


# Each table's primary key, and its foreign keys: (columns, referenced table, its columns).
# A document is its file (`source`: the ledger holds one row per path; two paths may hold the
# same bytes, so doc_id repeats); an indicator id names one document's indicator.
PRIMARY_KEYS: dict[str, list[str]] = {
    "documents": ["source"],
    "indicators": ["indicator_id"],
    "dimensions": ["source", "number"],
    "score_rows": ["indicator_id", "row"],
    "me_claims": ["source", "claim"],
    "flags": ["source", "flag"],
    "indicator_series": ["indicator_id", "row"],
    "cross_flags": ["flag"],
}
FOREIGN_KEYS: dict[str, list[tuple[list[str], str, list[str]]]] = {
    "documents": [],
    "indicators": [(["source"], "documents", ["source"])],
    "dimensions": [(["source"], "documents", ["source"])],
    "score_rows": [(["indicator_id"], "indicators", ["indicator_id"]), (["source"], "documents", ["source"])],
    "me_claims": [(["source"], "documents", ["source"])],
    "flags": [(["source"], "documents", ["source"]), (["indicator_id"], "indicators", ["indicator_id"])],
    "indicator_series": [(["indicator_id"], "indicators", ["indicator_id"]), (["source"], "documents", ["source"])],
    "cross_flags": [(["earlier_source"], "documents", ["source"]), (["later_source"], "documents", ["source"]),
                    (["earlier_indicator_id"], "indicators", ["indicator_id"]),
                    (["later_indicator_id"], "indicators", ["indicator_id"])],
}


DATASET_INTRO = """Every column of this dataset's tables, in file order, as `thaikpi export` wrote them;
`datapackage.json` beside them says the same (a Frictionless Data Package). Lists inside a
cell are text separated by ` | `. Numbers are as reported unless the column says *recomputed*."""


def data_dictionary(fmt: str = "csv", intro: str = DATASET_INTRO) -> str:
    """The data dictionary as Markdown: each table's columns (type, meaning in English and
    Thai), then the flag checks."""
    out = ["# Data dictionary", "", intro, ""]
    for name, columns in TABLES.items():
        out += [f"## {name}.{fmt}" if fmt != "sqlite" else f"## {name} (table of thaikpi.sqlite)", "", "| column | type | meaning | ความหมาย |", "|---|---|---|---|"]
        out += [f"| `{c.name}` | {c.type} | {c.description} | {c.description_th} |" for c in columns]
        keys = [f"primary key: {', '.join(f'`{k}`' for k in PRIMARY_KEYS[name])}"]
        keys += [f"`{', '.join(cols)}` → {table}.`{', '.join(ref)}`" for cols, table, ref in FOREIGN_KEYS[name]]
        out += ["", "Keys: " + "; ".join(keys) + ".", ""]
    out += [f"## Flag checks (`flags.{fmt}` → `check`)", "", "| check | severity | when |", "|---|---|---|"]
    out += [f"| `{t.code}` | {t.severity} | {t.description} |" for t in FLAG_TYPES.values()]
    return "\n".join(out) + "\n"
