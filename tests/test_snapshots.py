"""Behaviour stays: each sample's and real PDF's document JSON equals its committed pin
(tests/snapshots/, written by scripts/update_snapshots.py), field for field."""
import json

import pytest

from snapshots import REAL_CORPUS, SNAPSHOTS, snapshot_inputs, snapshot_json
from conftest import needs_shared

INPUTS = snapshot_inputs()


@needs_shared
def test_every_input_has_a_pin_and_every_pin_an_input():
    pinned = {p.name.removesuffix(".json") for p in SNAPSHOTS.glob("*.json")}
    names = {p.name for p in INPUTS}
    if not REAL_CORPUS.exists():
        pinned = {n for n in pinned if n in names}
    assert names == pinned


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_document_json_is_unchanged(path):
    expected = json.loads((SNAPSHOTS / f"{path.name}.json").read_text(encoding="utf-8"))
    actual = json.loads(snapshot_json(path))
    # Field by field first, so a failure names what moved, not a 90 KB string.
    for key in sorted(expected.keys() | actual.keys()):
        assert actual.get(key) == expected.get(key), f"{path.name}: {key} changed"
