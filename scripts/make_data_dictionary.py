"""Write docs/data_dictionary.md from thaikpi.schemas/columns.py (a test checks it is current)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from thaikpi.schemas.columns import data_dictionary  # noqa: E402

INTRO = """Every column of the CSV files `thaikpi ingest` writes, in file order. Generated from
`schemas/columns.py` by `python scripts/make_data_dictionary.py`; the same text is in
`OUT/datapackage.json` (Frictionless Data Package). Lists inside a cell are separated by
` | `. Numbers are as reported unless the column says *recomputed*."""


def render() -> str:
    return data_dictionary("csv", INTRO)


if __name__ == "__main__":
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "data_dictionary.md").write_text(render(), encoding="utf-8")
    print("docs/data_dictionary.md")
