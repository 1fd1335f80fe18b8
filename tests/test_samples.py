"""Every sample document against its gold answer, field by field (tests/gold/*.json, written
by scripts/make_samples.py from what the document says, not from the pipeline)."""
from __future__ import annotations

import hashlib
import json

import pytest

from compare import differences
from conftest import GOLD, SAMPLES
from thaikpi.pipeline.run.process import process_file
from thaikpi.pipeline.settings import Settings

# The gold says what the text layers give; tests/test_ocr.py covers OCR.
NO_OCR = Settings(ocr="off")

# The genre samples (genre_*) have gold of another format, in tests/gold_genres/ (the real
# corpus's: indicator rows and planted errors), read by the genre extractors' tests.
GENRE_GOLD = GOLD.parent / "gold_genres"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith("genre_"))
GENRE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.name.startswith("genre_"))


def test_every_sample_has_a_gold_file_and_back():
    assert len(SAMPLE_FILES) >= 8
    assert {p.name + ".json" for p in SAMPLE_FILES} == {g.name for g in GOLD.glob("*.json")}


def test_every_genre_sample_has_a_genre_gold_file_and_back():
    assert len(GENRE_FILES) >= 5
    assert {p.name + ".json" for p in GENRE_FILES} == {g.name for g in GENRE_GOLD.glob("*.json")}


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_matches_gold(sample):
    gold = json.loads((GOLD / (sample.name + ".json")).read_text(encoding="utf-8"))
    doc = json.loads(process_file(sample, NO_OCR).model_dump_json())
    assert doc["doc_id"] == "sha256:" + hashlib.sha256(sample.read_bytes()).hexdigest()
    # Flags are compared as a set of (check, code, reported, expected, page): order is not meaning.
    key = lambda f: (f["check"], f["indicator_code"] or "", str(f["reported"]), str(f["expected"]), f["page"] or 0)
    gold_flags = sorted(gold.pop("flags"), key=key)
    actual_flags = sorted(({k: f[k] for k in ("check", "indicator_code", "reported", "expected", "page")}
                           for f in doc["flags"]), key=key)
    problems = differences(gold, doc) + differences(gold_flags, actual_flags, "flags")
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems)


def test_bug_a_flag_message_keeps_the_damage_it_quotes():
    # The normaliser ran the Thai rules over flag messages too: the example of a lost
    # NIKHAHIT, 'ค าน า', read 'คานา', which is no longer the damage it names.
    doc = process_file(SAMPLES / "kpi_2556_2-3_disbursement_lost_nikhahit.fpdf.pdf")
    repaired = [f.message for f in doc.flags if f.check == "text_layer_repaired"]
    assert repaired and all("(e.g. 'ค าน า' -> 'คำนำ')" in m for m in repaired)
