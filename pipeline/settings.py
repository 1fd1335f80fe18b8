"""Settings of a run, as a validated dataclass."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OCR_MODES = ("auto", "off", "force")


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
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}")
        if not 72 <= self.ocr_dpi <= 600:
            raise ValueError("ocr_dpi must be between 72 and 600")
