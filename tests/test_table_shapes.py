"""Issue 4: every table shape of the archive reads every cell in its samples (PDF and HTML),
and no table is read twice. The cells are counted as bench/table_accuracy.py reports them."""
from __future__ import annotations

import json

import pytest

from thaikpi.pipeline.run.process import process_file
from thaikpi.pipeline.settings import Settings
from table_shapes import SAMPLES, SCORE, SHAPES, STEPS, cells_read, gold_indicator, shape_accuracy

# The gold says what the text layers give; tests/test_ocr.py covers OCR.
NO_OCR = Settings(ocr="off")


@pytest.fixture(scope="module")
def documents() -> dict[str, dict]:
    names = {s for shape in SHAPES for s in shape.samples}
    return {name: json.loads(process_file(SAMPLES / name, NO_OCR).model_dump_json()) for name in sorted(names)}


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_shape_reads_every_cell(shape, documents):
    total, right = shape_accuracy(shape, documents)
    assert total >= 5
    assert right == total, f"{shape.name}: {right} of {total} cells read"


def test_shapes_are_shown_in_every_format_they_occur_in():
    for shape in SHAPES:
        assert all((SAMPLES / s).is_file() for s in shape.samples), shape.name
        assert {s.rsplit(".", 1)[1] for s in shape.samples} == set(shape.formats), shape.name


def test_a_row_read_twice_costs_cells():
    gold = gold_indicator("kpi_2557_1-2_subindicators_planted.rl.pdf")
    doubled = dict(gold, score_rows=gold[SCORE][:1] + gold[SCORE])
    total, right = cells_read(gold, doubled, SCORE)
    assert total == 4 * 6 and right < total
    missing = dict(gold, steps=gold[STEPS][1:])
    total, right = cells_read(gold, missing, STEPS)
    assert total == 5 * 2 and right == 0
