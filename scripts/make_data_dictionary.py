"""Write docs/data_dictionary.md from schemas/columns.py (a test checks it is current)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas.columns import TABLES  # noqa: E402
from schemas.flags import FLAG_TYPES  # noqa: E402


def render() -> str:
    out = ["# Data dictionary", "",
           "Every column of the CSV files `thaikpi ingest` writes, in file order. Generated from",
           "`schemas/columns.py` by `python scripts/make_data_dictionary.py`; the same text is in",
           "`OUT/datapackage.json` (Frictionless Data Package). Lists inside a cell are separated by",
           "` | `. Numbers are as reported unless the column says *recomputed*.", ""]
    for name, columns in TABLES.items():
        out += [f"## {name}.csv", "", "| column | type | meaning | ความหมาย |", "|---|---|---|---|"]
        out += [f"| `{c.name}` | {c.type} | {c.description} | {c.description_th} |" for c in columns]
        out.append("")
    out += ["## Flag checks (`flags.csv` → `check`)", "", "| check | severity | when |", "|---|---|---|"]
    out += [f"| `{t.code}` | {t.severity} | {t.description} |" for t in FLAG_TYPES.values()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "data_dictionary.md").write_text(render(), encoding="utf-8")
    print("docs/data_dictionary.md")
