"""Settings of a run, as a validated dataclass."""
from __future__ import annotations

from dataclasses import dataclass


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

    def __post_init__(self) -> None:
        if self.below_level1_score not in (0.0, 1.0):
            raise ValueError("below_level1_score must be 0 or 1")
        if self.date_years_before < 0 or self.date_years_after < 0:
            raise ValueError("date spans must not be negative")
        if self.max_file_bytes <= 0:
            raise ValueError("max_file_bytes must be positive")
