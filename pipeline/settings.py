"""Settings of a run, as validated frozen dataclasses: Settings, and the PDF reader's
tolerances in ReaderSettings (Settings.reader)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

OCR_MODES = ("auto", "off", "force")


@dataclass(frozen=True)
class ReaderSettings:
    """The PDF reader's tolerances: where it draws the line between one thing on a page and
    another. Distances are in PDF points (1/72 inch); shares are fractions of 1. The defaults
    are the values every sample and the real corpus are pinned with (tests/test_snapshots.py):
    changing one changes what the reader reads."""

    line_tolerance: float = 3
    """Points: words outside tables whose tops differ by less than this share a text line."""
    indent: float = 8
    """Points: a line (or a line of a table cell) starting this far right of the text's left
    edge opens a paragraph."""
    word_x_tolerance: float = 1.5
    """Points: outside tables, chars closer than this along a line are one word (a wider gap
    is a space)."""
    cell_x_tolerance: float = 3
    """Points: in a table cell, chars closer than this along a line are one word
    (pdfplumber's default)."""
    cell_y_tolerance: float = 3
    """Points: in a table cell, chars whose tops differ by at most this are on one line
    (pdfplumber's default)."""
    rule_min_width: float = 20
    """Points: a horizontal stroke at least this wide is a rule (a row's start in a table ruled
    between rows); a shorter one is a dash or a box's side."""
    inside_slack: float = 1.0
    """Points an object may stick out of a box (a table, a checkbox) and still be inside it."""
    checkbox_min_side: float = 4
    """Points: the smallest side of a square read as a checkbox."""
    checkbox_max_side: float = 16
    """Points: the largest side of a square read as a checkbox."""
    checkbox_squareness: float = 1.5
    """Points: a checkbox's width and height differ by less than this."""
    checkbox_mark_share: float = 0.8
    """A stroke inside a checkbox smaller than this share of its side is a tick or a cross
    (the box is checked); a larger one is a border drawn just inside."""
    mark_reach: float = 3
    """Points: a Thai combining mark this close to the letter before it (in top, and past
    either of its edges) sits on that letter."""
    zero_width: float = 0.3
    """Points: a space narrower than this between two Thai letters is a lost glyph, not a
    space."""
    duplicate_tolerance: float = 1.0
    """Points: the same glyph drawn again closer than this (across and down) is fake bold,
    and read once."""
    scan_coverage: float = 0.9
    """Share of the page: an image covering at least this much makes the page a scan."""
    stray_chars: int = 50
    """Chars: a scanned page with fewer than this has no text layer to speak of."""
    ocr_min_chars: int = 40
    """Chars: a scanned page's text layer this long or longer is judged for its Thai share."""
    ocr_min_thai_share: float = 0.2
    """Share of letters: a scanned page's text layer with less Thai than this is OCR that read
    Thai as Latin (a garbled page)."""
    table_snap_tolerance: float = 3
    """Points: parallel rules closer than this are snapped to one (pdfplumber's
    snap_tolerance)."""
    table_join_tolerance: float = 3
    """Points: rules on one line with a gap smaller than this are joined (pdfplumber's
    join_tolerance)."""
    table_edge_min_length: float = 3
    """Points: shorter rules are left out of table finding (pdfplumber's edge_min_length)."""
    table_intersection_tolerance: float = 3
    """Points: a horizontal and a vertical rule this close cross (pdfplumber's
    intersection_tolerance)."""

    annotation_inset: float = 2
    """Points: text typed as a FreeText annotation (a filled-in form) starts this far inside
    the annotation's box, as Acrobat's typewriter tool sets it."""
    annotation_advance: float = 0.5
    """Share of the font size: the widest a letter of a FreeText annotation is laid out (its
    text has no glyph widths; letters share the box's width up to this)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"ReaderSettings.{f.name} must be a positive number, not {value!r}")
        if self.checkbox_min_side >= self.checkbox_max_side:
            raise ValueError("ReaderSettings.checkbox_min_side must be smaller than checkbox_max_side")
        for name in ("scan_coverage", "ocr_min_thai_share", "checkbox_mark_share"):
            if getattr(self, name) > 1:
                raise ValueError(f"ReaderSettings.{name} is a share: at most 1")

    def table_settings(self) -> dict:
        """The tolerances above as pdfplumber's table settings."""
        return {"snap_tolerance": self.table_snap_tolerance, "join_tolerance": self.table_join_tolerance,
                "edge_min_length": self.table_edge_min_length,
                "intersection_tolerance": self.table_intersection_tolerance}


@dataclass(frozen=True)
class Settings:
    # The score for a result short of the level-1 threshold: 0 by default; some agencies write 1.
    below_level1_score: float = 0.0
    # Evidence dates are plausible from this many years before the fiscal year starts ...
    date_years_before: int = 2
    # ... to this many years after it ends.
    date_years_after: int = 1
    # Larger files are refused with error kind "too_large" instead of exhausting memory.
    max_file_bytes: int = 200 * 1024 * 1024
    # The PDF reader's tolerances.
    reader: ReaderSettings = field(default_factory=ReaderSettings)
    # OCR (pipeline/readers/ocr.py): auto reads the pages that need it (scans, text layers
    # beyond repair), off never, force every page.
    ocr: Literal["auto", "off", "force"] = "auto"
    ocr_dpi: int = 300
    ocr_language: str = "tha+eng"  # Tesseract's language packs, as its -l option names them
    tesseract_cmd: str = "tesseract"  # the Tesseract binary: a name on PATH or a path

    def __post_init__(self) -> None:
        if self.below_level1_score not in (0.0, 1.0):
            raise ValueError("below_level1_score must be 0 or 1")
        if self.date_years_before < 0 or self.date_years_after < 0:
            raise ValueError("date spans must not be negative")
        if self.max_file_bytes <= 0:
            raise ValueError("max_file_bytes must be positive")
        if not isinstance(self.reader, ReaderSettings):
            raise ValueError("reader must be a ReaderSettings")
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}")
        if not 72 <= self.ocr_dpi <= 600:
            raise ValueError("ocr_dpi must be between 72 and 600")
