"""Problems as values: one class per check, with a stable code and a message template.

A check yields flags; nothing here is raised at the user. The codes are the catalogue of
../shared/CONTRACT.md and keep their meaning.
"""
from __future__ import annotations

from typing import ClassVar, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

Severity = Literal["error", "warning", "info"]
Number = Union[int, float]


# A box on a page: x0, top, x1, bottom, in PDF points from the page's top-left corner.
Bbox = tuple[float, float, float, float]


class Locator(BaseModel):
    """Where a flag points, as values: a flag links to its record (a score row, a claim) by
    these, never by comparing text.

    `table` names the record's list the flagged row is in, as the record names it
    ("score_rows", "steps", "criteria", "evidence", "claims", "dimensions"); `row` is the
    row's index in that list. For a row of an indicator, `indicator` is the indicator's index
    in the document's indicators (its code may be missing or repeated)."""
    model_config = ConfigDict(extra="forbid")

    page: Optional[int] = None
    bbox: Optional[Bbox] = None  # where known (no reader gives a row's box yet)
    indicator_code: Optional[str] = None
    indicator: Optional[int] = None
    table: Optional[str] = None
    row: Optional[int] = None


class Flag(BaseModel):
    model_config = ConfigDict(extra="forbid")

    check: str
    severity: Severity = "error"
    indicator_code: Optional[str] = None
    reported: Optional[Union[Number, str]] = None
    expected: Optional[Union[Number, str]] = None
    message: str = ""
    # The page, kept at the top for the JSON contract; the locator repeats it beside the rest.
    page: Optional[int] = None
    locator: Locator = Field(default_factory=Locator)
    evidence: Optional[str] = None

    @model_validator(mode="after")
    def _one_page_and_code(self) -> "Flag":
        """The top-level page and indicator code and the locator's are one fact: each fills
        the other where missing, and two different values are a bug."""
        for name in ("page", "indicator_code"):
            top, located = getattr(self, name), getattr(self.locator, name)
            if top is not None and located is not None and top != located:
                raise ValueError(f"flag {name} {top!r} differs from its locator's {located!r}")
            if top is None:
                setattr(self, name, located)
            elif located is None:  # a copy: a locator may be shared by flags
                self.locator = self.locator.model_copy(update={name: top})
        return self


class FlagType:
    """A kind of flag: its code, severity and message template."""

    code: ClassVar[str]
    severity: ClassVar[Severity] = "error"
    template: ClassVar[str]
    description: ClassVar[str]

    @classmethod
    def make(cls, *, indicator_code=None, reported=None, expected=None, page=None,
             evidence=None, locator: Optional[Locator] = None, **details) -> Flag:
        """The flag, its message filled from the template; `locator` says where it points
        beyond the page and indicator code."""
        locator = locator if locator is not None else Locator()
        if page is None:
            page = locator.page
        message = cls.template.format(reported=reported, expected=expected, page=page, **details)
        return Flag(check=cls.code, severity=cls.severity, indicator_code=indicator_code,
                    reported=reported, expected=expected, message=message, page=page,
                    locator=locator, evidence=evidence)


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
    description = "more than one round is checked"
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


class EncodingRepaired(FlagType):
    code = "encoding_repaired"
    severity = "warning"
    description = ("an HTML page with bytes its encoding cannot decode (a character split by a cut, a flipped "
                   "byte): read with each undecodable sequence as U+FFFD, the rest of its text kept")
    template = ("{reported} undecodable byte sequence(s) in the page's {codec}, replaced by U+FFFD; the first at "
                "byte {offset}: a character there may be missing")


class TableUnreadable(FlagType):
    code = "table_unreadable"
    severity = "warning"
    description = "a table was found but could not be read with confidence: its values are left out, not guessed"
    template = "the {table} table on page {page} could not be read: {reason}"


class AchievementMismatch(FlagType):
    code = "achievement_mismatch"
    description = "an indicator reported achieved (or not) although its result misses (or meets) its target"
    template = "{reported} reported, but result {result} against target {comparator} {target} is {expected}"


class PercentageMismatch(FlagType):
    code = "percentage_mismatch"
    description = "a percentage result differs from the numerator / denominator x 100 it is given with"
    template = "result {reported} per cent reported, but {numerator} / {denominator} x 100 = {expected}"


FLAG_TYPES: dict[str, type[FlagType]] = {
    t.code: t for t in (
        WeightedScoreMismatch, ScoreVsPerformance, ScoreOutOfRange, TotalMismatch,
        WeightSumMismatch, CountMismatch, RoundAmbiguous, DateOutOfRange, MissingField,
        TextLayerMissing, TextLayerGarbled, TextLayerRepaired, PageContentDamaged, EncodingRepaired, TableUnreadable,
        AchievementMismatch, PercentageMismatch,
    )
}


class PageOcr(FlagType):
    code = "page_ocr"
    severity = "info"
    description = "a page was read by OCR (a scan, or a text layer beyond repair): its values carry OCR's errors"
    template = "page {page} was read by OCR (mean word confidence {confidence}%); values from this page carry OCR's errors"


FLAG_TYPES[PageOcr.code] = PageOcr


# Cross-document checks (pipeline/checks/cross_documents.py): one indicator's rows in the
# documents of successive rounds (6, 9, 12 months) of one fiscal year. `reported` is the later
# round's value, `expected` the earlier's; the message names both documents and pages.
_ROUNDS = " from {earlier} at {earlier_round} months ({earlier_source} p.{earlier_page}) to {later} at {later_round} months ({later_source} p.{later_page})"


class CrossResultDecreased(FlagType):
    code = "cross_result_decreased"
    severity = "warning"
    description = "a cumulative result (steps done so far) is lower in a later round's report than in an earlier one's"
    template = "{what}: cumulative result fell" + _ROUNDS


class CrossScoreDecreased(FlagType):
    code = "cross_score_decreased"
    severity = "warning"
    description = "the reported score of a cumulative indicator is lower in a later round's report than in an earlier one's"
    template = "{what}: reported score fell" + _ROUNDS


class CrossWeightChanged(FlagType):
    code = "cross_weight_changed"
    severity = "warning"
    description = "an indicator's weight differs between the rounds of one fiscal year"
    template = "{what}: weight changed" + _ROUNDS


class CrossTargetChanged(FlagType):
    code = "cross_target_changed"
    severity = "warning"
    description = "an indicator's target or criteria differ between the rounds of one fiscal year"
    template = "{what}: target changed" + _ROUNDS


CROSS_FLAG_TYPES = (CrossResultDecreased, CrossScoreDecreased, CrossWeightChanged, CrossTargetChanged)
FLAG_TYPES.update({t.code: t for t in CROSS_FLAG_TYPES})
