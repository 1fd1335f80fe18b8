"""Problems as values: one class per check, with a stable code and a message template.

A check yields flags; nothing here is raised at the user. The codes are the catalogue of
../shared/CONTRACT.md and keep their meaning.
"""
from __future__ import annotations

from typing import ClassVar, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
Number = Union[int, float]


class Flag(BaseModel):
    model_config = ConfigDict(extra="forbid")

    check: str
    severity: Severity = "error"
    indicator_code: Optional[str] = None
    reported: Optional[Union[Number, str]] = None
    expected: Optional[Union[Number, str]] = None
    message: str = ""
    page: Optional[int] = None
    evidence: Optional[str] = None


class FlagType:
    """A kind of flag: its code, severity and message template."""

    code: ClassVar[str]
    severity: ClassVar[Severity] = "error"
    template: ClassVar[str]
    description: ClassVar[str]

    @classmethod
    def make(cls, *, indicator_code=None, reported=None, expected=None, page=None,
             evidence=None, **details) -> Flag:
        message = cls.template.format(reported=reported, expected=expected, page=page, **details)
        return Flag(check=cls.code, severity=cls.severity, indicator_code=indicator_code,
                    reported=reported, expected=expected, message=message, page=page,
                    evidence=evidence)


class WeightedScoreMismatch(FlagType):
    code = "weighted_score_mismatch"
    description = "reported weighted score differs from weight x score / 100"
    template = ("weighted score {reported} reported, but weight {weight} x score {score} / 100 "
                "= {expected}")


class ScoreVsPerformance(FlagType):
    code = "score_vs_performance"
    description = "reported score differs from the score the criteria give for the performance"
    template = ("score {reported} reported, but performance {performance} under the "
                "{criteria_kind} criteria ({criteria}) gives {expected}")


class ScoreOutOfRange(FlagType):
    code = "score_out_of_range"
    description = "a score outside 0-5 or a weight outside 0-100"
    template = "{field} {reported} is outside {low}-{high}"


class TotalMismatch(FlagType):
    code = "total_mismatch"
    description = "a total row, or a stated total, differs from the sum of its parts"
    template = "{field} total {reported} reported, but {parts} add up to {expected}"


class WeightSumMismatch(FlagType):
    code = "weight_sum_mismatch"
    description = "weights of parts differ from the weight of their whole"
    template = "weight {reported} stated for {whole}, but {parts} add up to {expected}"


class CountMismatch(FlagType):
    code = "count_mismatch"
    description = "'N things' differs from the number of things listed"
    template = "{reported} {unit} stated, but {expected} listed: {listed}"


class RoundAmbiguous(FlagType):
    code = "round_ambiguous"
    severity = "warning"
    description = "no round, or more than one round, is checked"
    template = "{checked} round boxes checked (expected exactly one): {rounds}"


class DateOutOfRange(FlagType):
    code = "date_out_of_range"
    severity = "warning"
    description = "a date outside the plausible span of the report"
    template = "date {reported} is outside {low} .. {high} for fiscal year {fiscal_year_be}"


class MissingField(FlagType):
    code = "missing_field"
    description = "a field the document kind requires was not found"
    template = "required field '{field}' not found"


class TextLayerMissing(FlagType):
    code = "text_layer_missing"
    description = "a page has no text layer (a scan) and could not be read"
    template = "page {page} has no text layer{hint}"


class TextLayerGarbled(FlagType):
    code = "text_layer_garbled"
    description = "a page's text layer is untrustworthy (broken glyph mapping)"
    template = "page {page} text layer looks garbled: {reason}{hint}"


class TextLayerRepaired(FlagType):
    code = "text_layer_repaired"
    severity = "info"
    description = "glyphs lost from a page's text layer were filled in by word frequency"
    template = "page {page}: {count} lost glyphs filled in by word frequency (e.g. 'ค าน า' -> 'คำนำ'); values from this page carry that guess"


class PageContentDamaged(FlagType):
    code = "page_content_damaged"
    description = "a page's content stream is damaged: the text after the damage is lost"
    template = "page {page}: {reason}; the text after the damage is lost, so values from this page may be missing"


class TableUnreadable(FlagType):
    code = "table_unreadable"
    severity = "warning"
    description = "a table was found but could not be read with confidence: its values are left out, not guessed"
    template = "the {table} table on page {page} could not be read: {reason}"


FLAG_TYPES: dict[str, type[FlagType]] = {
    t.code: t for t in (
        WeightedScoreMismatch, ScoreVsPerformance, ScoreOutOfRange, TotalMismatch,
        WeightSumMismatch, CountMismatch, RoundAmbiguous, DateOutOfRange, MissingField,
        TextLayerMissing, TextLayerGarbled, TextLayerRepaired, PageContentDamaged, TableUnreadable,
    )
}


class PageOcr(FlagType):
    code = "page_ocr"
    severity = "info"
    description = "a page was read by OCR (a scan, or a text layer beyond repair): its values carry OCR's errors"
    template = "page {page} was read by OCR (mean word confidence {confidence}%); values from this page carry OCR's errors"


FLAG_TYPES[PageOcr.code] = PageOcr
