"""The faces and sizes the samples are set in: Sarabun, the government's standard face (from
fontpkg-sarabun), and DejaVu Sans for checkbox glyphs (Debian's fonts-dejavu-core)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import fontpkg_sarabun

FONT_DIR = Path(fontpkg_sarabun.__file__).parent / "files"
SARABUN = FONT_DIR / "Sarabun-Regular.ttf"
SARABUN_BOLD = FONT_DIR / "Sarabun-Bold.ttf"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # fpdf2's creation date, so files are stable

INDENT_PT = 24
FONT_SIZE = 12
LINE_HEIGHT = 17
