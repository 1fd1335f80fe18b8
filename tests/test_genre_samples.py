"""The generated genre samples (samples/genre_*) against the gold written from their specs
(tests/gold_genres): every row found, every value right, every planted flag found on its page
and no other error or warning."""
import json
from pathlib import Path

import pytest

from gold_score import score_document
from snapshots import processed

GOLD = Path(__file__).parent / "gold_genres"
SAMPLES = Path(__file__).parent.parent / "samples"
GOLDS = sorted(GOLD.glob("*.json"))


def _scored(gold_path: Path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = processed(SAMPLES / gold["file"]).model_dump(mode="json")
    return gold, doc, score_document(doc, gold)


def _where(row: dict) -> str:
    return f"p.{row['page']} {row.get('code') or ''} {row['name'][:50]}"


def test_every_genre_sample_has_its_gold():
    assert sorted(g.name.removesuffix(".json") for g in GOLDS) == sorted(
        p.name for p in SAMPLES.glob("genre_*"))


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_genre_sample_reads_as_its_genre(gold_path):
    gold, doc, score = _scored(gold_path)
    assert doc["kind"] == "indicator_table", f"read as {doc['kind']}"
    assert doc["genre"] == gold["genre"]
    assert score.year_ok is not False, (doc["fiscal_year_be"], doc["academic_year_be"], gold["metadata"])
    assert score.title_ok is not False, (doc["title"], gold["metadata"]["title_contains"])
    assert score.agency_ok is not False, (doc["agency"], gold["metadata"]["agency_contains"])
    assert score.count_ok, f"{score.indicators} records, gold {gold['indicator_count']}"


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_genre_sample_finds_every_row(gold_path):
    _, _, score = _scored(gold_path)
    missed = [_where(r.gold) for r in score.rows if r.record is None]
    assert not missed, "rows not found:\n" + "\n".join(missed)


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_genre_sample_reads_every_value_right(gold_path):
    _, _, score = _scored(gold_path)
    wrong = [f"{_where(r.gold)}: {name} is {actual!r}, gold {expected!r}"
             for r in score.rows for name, expected, actual in r.wrong]
    assert not wrong, "values wrong:\n" + "\n".join(wrong)


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_genre_sample_flags_what_was_planted_and_nothing_else(gold_path):
    gold, doc, _ = _scored(gold_path)
    planted = sorted((p["check"], p["page"]) for p in gold["planted"])
    raised = sorted((f["check"], f["page"]) for f in doc["flags"] if f["severity"] != "info")
    assert raised == planted, "\n".join(
        [f"planted, not raised: {p}" for p in planted if p not in raised]
        + [f"raised, not planted: {f}" for f in raised if f not in planted])
