"""The behaviour pins: every sample's and every real-corpus PDF's document JSON, as committed
in tests/snapshots/ (scripts/update_snapshots.py writes them). A refactor must leave them
byte-identical; a change of output made on purpose re-writes them, and the diff shows it."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from thaikpi.pipeline.run.process import process_file
from thaikpi.pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = ROOT / "tests" / "snapshots"
SAMPLES = ROOT / "samples"
REAL_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
# Fields that say which run made the document, not what it read.
RUN_FIELDS = ("pipeline_version", "source")


def snapshot_inputs() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if not p.name.startswith(".")) + sorted(REAL_CORPUS.glob("*.pdf"))


@lru_cache(maxsize=None)
def processed(path: Path):
    """One document per file per test session: several test files read the same samples.
    Without OCR: OCR of the corpus's scans would take minutes; tests/test_ocr.py covers it."""
    return process_file(path, Settings(ocr="off"))


def snapshot_json(path: Path) -> str:
    data = processed(path).model_dump(mode="json")
    for name in RUN_FIELDS:
        data.pop(name, None)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
