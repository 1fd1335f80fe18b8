"""The JSON a document becomes (../shared/CONTRACT.md), as typed models."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from thaikpi.schemas.flags import Flag

Format = Literal["pdf", "html"]
# kpi_report, framework, me_report: the three seed templates, read field by field.
# indicator_table: any other document with an indicator table (budget books, action-plan
# results, SAR and QA reports, ITA, KPI templates, assessment forms), read by its header
# words; Document.genre names the finer genre.
Kind = Literal["kpi_report", "framework", "me_report", "indicator_table", "unknown"]
Comparator = Literal[">=", "<=", "=", ">", "<"]
# skipped: a file that is no report (a README, an image, an Office file); its `error` says what it is
Status = Literal["ok", "partial", "error", "skipped"]
ErrorKind = Literal[
    "empty", "truncated", "encrypted", "unsupported", "damaged", "encoding", "too_large",
    "unreadable", "timeout", "memory", "crashed", "internal",
]


class Model(BaseModel):
    # Reject typos in field names: a record either fits the contract or fails loudly in tests.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class DocumentError(Model):
    kind: ErrorKind
    message: str


class Step(Model):
    step: int
    text: str
    page: Optional[int] = None


class Criterion(Model):
    level: int = Field(ge=1, le=5)
    text: str
    # The threshold: a number for numeric criteria, the count of steps for step criteria.
    value: Optional[float] = None
    page: Optional[int] = None


class ScoreRow(Model):
    label: str
    is_total: bool = False
    weight: Optional[float] = None
    performance_text: Optional[str] = None
    performance_value: Optional[float] = None
    score: Optional[float] = None
    weighted_score: Optional[float] = None
    # Recomputed beside reported; reported values are never overwritten.
    score_recomputed: Optional[float] = None
    weighted_score_recomputed: Optional[float] = None
    page: Optional[int] = None
    # The cells as read, for the auditor: label, weight, performance, score, weighted score.
    cells: list[str] = Field(default_factory=list)


class Evidence(Model):
    text: str
    doc_refs: list[str] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)  # ISO YYYY-MM-DD, Common Era
    page: Optional[int] = None


class Indicator(Model):
    code: Optional[str] = None
    name: Optional[str] = None
    name_raw: Optional[str] = None
    supervisors: list[str] = Field(default_factory=list)
    data_collectors: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    description: Optional[str] = None
    steps: list[Step] = Field(default_factory=list)
    criteria: list[Criterion] = Field(default_factory=list)
    criteria_kind: Optional[Literal["step", "numeric"]] = None
    score_rows: list[ScoreRow] = Field(default_factory=list)
    measures: list[str] = Field(default_factory=list)
    support_factors: list[str] = Field(default_factory=list)
    obstacles: list[str] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    note: Optional[str] = None
    # เงื่อนไข: conditions attached to the milestones or criteria.
    conditions: Optional[str] = None
    page: Optional[int] = None
    # Framework items: their weight and dimension number.
    weight: Optional[float] = None
    dimension: Optional[int] = None
    # Framework items: the total a note states for this indicator's sub-indicators
    # ("ตัวชี้วัด 2.2 (น้ำหนักรวมร้อยละ 18) ประกอบด้วย ...").
    weight_total_stated: Optional[float] = None
    # The general indicator record (kind indicator_table; issue 22): what a row of an indicator
    # table says. Values as printed beside their numbers; nothing here is recomputed.
    group: Optional[str] = None          # the dimension, output, component or strategy it sits under
    unit: Optional[str] = None           # หน่วยนับ, or the unit inside the value ("ร้อยละ 80")
    target_text: Optional[str] = None
    target_value: Optional[float] = None
    target_comparator: Optional[Comparator] = None
    result_text: Optional[str] = None
    result_value: Optional[float] = None
    score: Optional[float] = None        # the score the document reports for this indicator
    achieved: Optional[bool] = None      # achievement as reported (บรรลุ / ไม่บรรลุ, ✓ / ✗)
    year_be: Optional[int] = None        # the fiscal or academic year of these values (a year column)
    table: Optional[int] = None          # where it was found: the reader's table number and the
    row: Optional[int] = None            # row in that table (0 = the first row after the header)


class Dimension(Model):
    number: int
    name: str
    weight: Optional[float] = None
    page: Optional[int] = None


class ProjectItem(Model):
    """One numbered target or activity of an M&E report, with the text under it."""
    number: Optional[str] = None  # "1", "1.2", as numbered in the report
    text: str
    details: list[str] = Field(default_factory=list)
    page: Optional[int] = None


ClaimKind = Literal["count", "total", "amount"]


class Claim(Model):
    """A number the report states in prose ("จำนวน 7 จังหวัด", "รวม 4,625 คน", "798,390 บาท"),
    with what the text around it lists or adds up, so that a check can compare the two."""
    section: str                  # outputs | outcomes | kpis | activities | budget | summary | header
    kind: ClaimKind               # count of things, a stated total, or an amount (money, percent)
    value: float
    unit: str
    text: str                     # the paragraph it was read from
    listed: Optional[int] = None  # count: how many things the text names after it
    listed_items: list[str] = Field(default_factory=list)
    parts: list[float] = Field(default_factory=list)  # total: the numbers it adds up
    page: Optional[int] = None


class Project(Model):
    """An M&E progress report's project (รายงานระบบติดตามและประเมินผลแห่งชาติ)."""
    name: Optional[str] = None
    fiscal_year_be: Optional[int] = None
    quarter: Optional[int] = Field(default=None, ge=1, le=4)
    budget_received_baht: Optional[float] = None   # งบประมาณที่ได้รับ / ได้รับจัดสรร, baht
    budget_disbursed_baht: Optional[float] = None  # เบิกจ่าย, baht (ล้านบาท multiplied out)
    outputs: list[ProjectItem] = Field(default_factory=list)     # เป้าหมายเชิงผลผลิต
    outcomes: list[ProjectItem] = Field(default_factory=list)    # เป้าหมายเชิงผลลัพธ์
    kpis: list[ProjectItem] = Field(default_factory=list)        # ดัชนีชี้วัดความสำเร็จ
    activities: list[ProjectItem] = Field(default_factory=list)  # ความก้าวหน้าของกิจกรรม
    summary: Optional[str] = None                                # สรุปผลการดำเนินงาน
    problems: list[str] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


TextSourceKind = Literal["text_layer", "repaired", "ocr", "blank"]


class TextSource(Model):
    """How one page's text was read, for pages not read from a sound text layer (the rest are)."""
    page: int
    source: TextSourceKind
    ocr_confidence: Optional[float] = None  # OCR'd pages: mean word confidence, 0-100


class Document(Model):
    source: str
    doc_id: str
    format: Optional[Format] = None
    kind: Kind = "unknown"
    status: Status = "ok"
    error: Optional[DocumentError] = None
    pages: Optional[int] = None
    fiscal_year_be: Optional[int] = None
    fiscal_year: Optional[int] = None
    round_months: Optional[Literal[3, 6, 9, 12]] = None
    # Metadata of any kind of document (cover, running heads, body).
    genre: Optional[str] = None          # indicator_table: budget_book, action_results, sar, ...
    title: Optional[str] = None
    agency: Optional[str] = None
    academic_year_be: Optional[int] = None  # ปีการศึกษา, beside (not instead of) the fiscal year
    academic_year: Optional[int] = None
    indicators: list[Indicator] = Field(default_factory=list)
    dimensions: list[Dimension] = Field(default_factory=list)
    project: Optional[Project] = None
    flags: list[Flag] = Field(default_factory=list)
    # Pages read other than from a sound text layer: repaired, OCR'd or blank (in page order).
    text_sources: list[TextSource] = Field(default_factory=list)
    pipeline_version: Optional[str] = None


def document_json_schema() -> dict:
    return Document.model_json_schema()
