"""The fast layer's char columns (pipeline/readers/pdfium_chars.py, pdfium_columns.py): the steps that replaced a
Python loop a char give what the loop gave. The whole reading is held to the old reader's by
tests/test_snapshots.py and to pdfminer's by tests/test_pdf_layers.py; these hold the two steps
whose vector form is not the loop's shape: the float32 snap (a sequence solved as a fixed point)
and the first char of each group (whose pdfium answers the group takes)."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st

from thaikpi.pipeline.readers.pdfium_columns import SAME_POINT, _sequential_ends, first_rows, snap

# Gaps as a float32 page makes them: most glyphs start exactly at the end before them, many a
# trifle off it (float32 against double), some far (a word's space, a new line).
_GAPS = st.one_of(st.just(0.0), st.floats(-SAME_POINT * 0.99, SAME_POINT * 0.99),
                  st.floats(-300, 300), st.sampled_from([SAME_POINT, -SAME_POINT, 1e-9, -1e-9]))
_WIDTHS = st.one_of(st.just(0.0), st.floats(0, 30), st.sampled_from([0.1, 1 / 3, 7.001]))


def _glyphs(gaps: list[float], widths: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """Left and right ends of glyphs laid one after another, each `gap` after the last's end."""
    x0, x1, end = [], [], 100.0
    for gap, width in zip(gaps, widths):
        start = np.float32(end + gap).item()  # pdfium's float32 reading of the position
        x0.append(start)
        x1.append(start + width)
        end = start + width
    return np.array(x0), np.array(x1)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_GAPS, _WIDTHS, st.booleans()), min_size=1, max_size=60))
def test_the_snap_moves_glyphs_as_the_sequence_does(glyphs):
    x0, x1 = _glyphs([g for g, _, _ in glyphs], [w for _, w, _ in glyphs])
    unturned = np.array([not turned for _, _, turned in glyphs])
    ends, moved = _sequential_ends(x0, x1, unturned)
    expected_x0 = x0.copy()
    expected_x0[1:][moved] = ends[:-1][moved]
    snapped_x0, snapped_x1 = x0.copy(), x1.copy()
    snap(snapped_x0, snapped_x1, unturned)
    assert snapped_x0.tobytes() == expected_x0.tobytes()  # the same doubles, bit for bit
    assert snapped_x1.tobytes() == ends.tobytes()


def test_bug_a_chain_of_glyphs_each_at_the_last_ones_end_moves_whole():
    # glyph 2 starts a trifle off glyph 1's end and moves; glyphs 3 and 4 start exactly at the
    # unmoved ends before them, so they move only because the glyph before them moved
    x0 = np.array([10.0, 15.0002, 20.0002, 25.0002])
    x1 = np.array([15.0, 20.0002, 25.0002, 30.0002])
    snap(x0, x1, np.ones(4, dtype=bool))
    assert x0.tolist() == [10.0, 15.0, 15.0 + (20.0002 - 15.0002), 15.0 + (20.0002 - 15.0002) + (25.0002 - 20.0002)]
    assert x1[-1] == x0[-1] + (30.0002 - 25.0002)


def test_a_turned_glyph_is_not_moved_and_breaks_the_chain():
    x0 = np.array([10.0, 15.0002, 20.0002])
    x1 = np.array([15.0, 20.0002, 25.0002])
    snap(x0, x1, np.array([True, False, True]))
    assert x0.tolist() == [10.0, 15.0002, 20.0002]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5), st.integers(-2, 2)), min_size=1, max_size=40))
def test_firsts_are_each_groups_first_row(rows):
    columns = [np.array(column, dtype=np.int64) for column in zip(*rows)]
    firsts, which = first_rows(*columns)
    seen: dict[tuple, int] = {}
    for i, row in enumerate(rows):
        seen.setdefault(row, i)
    assert sorted(firsts.tolist()) == sorted(seen.values())
    assert [firsts[w] for w in which.tolist()] == [seen[row] for row in rows]
