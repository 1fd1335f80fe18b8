"""A page's chars as columns (pdfium_chars reads them so): the frames of their text objects as
arrays, the first char of each group (through which pdfium is asked once for the group), the
float32 snap of glyph positions, and Python's min and max of pairs, each a vector operation
giving what pdfium_chars' old loop gave char by char, bit for bit
(tests/test_pdfium_chars.py)."""
from __future__ import annotations

from typing import Callable

import numpy as np

from thaikpi.pipeline.readers.pdfium_frames import IDENTITY

SAME_POINT = 0.001  # points: two float32 readings of one position differ by less (at most 1e-4 on a page)


def pair_min(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """min(a, b) of each pair, as Python's min chooses (a, unless b is less)."""
    return np.where(b < a, b, a)


def pair_max(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """max(a, b) of each pair, as Python's max chooses (a, unless b is greater)."""
    return np.where(b > a, b, a)


def first_rows(*columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows where each distinct combination of the columns' values first comes, and for
    every row, its combination's place among those firsts."""
    n = len(columns[0])
    if not n:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    order = np.lexsort(columns[::-1])  # a stable sort: equal rows keep their order
    new = np.zeros(n, dtype=bool)
    new[0] = True
    for column in columns:
        ordered = column[order]
        new[1:] |= ordered[1:] != ordered[:-1]
    which = np.empty(n, dtype=np.int64)
    which[order] = np.cumsum(new) - 1
    return order[new], which


def snap(x0: np.ndarray, x1: np.ndarray, unturned: np.ndarray) -> None:
    """pdfium places each glyph in float32, pdfminer in doubles: a glyph starting where the one
    before it ends starts there exactly, or a mark of no width and the letter after it tie in
    one and not in the other, and sorting by x0 puts them in another order ("สำ่า" / "ส้ำา").
    A glyph (not turned) within SAME_POINT of the last one's end is moved there, whole; in
    place.

    In sequence, a glyph moved moves the end the next one is measured from: a third of a
    float32 page's glyphs move, in runs of up to a hundred. The moves are found by a fixed
    point: guess which glyphs move (those near the unmoved end before them), place the runs
    they make (each run's ends, summed in order as the sequence sums them), and check the
    guess against the ends placed; a guess that holds everywhere is the sequence's answer,
    which is the only one that holds. Each round settles at least the first glyph it
    guessed wrong."""
    if len(x0) < 2:
        return
    width = x1 - x0
    start_x0 = x0.copy()
    ends = x1.copy()
    moved = _first_guess(start_x0[1:] - ends[:-1], unturned[1:])
    for _ in range(_SNAP_ROUNDS):
        if not moved.any():
            return
        ends = _run_ends(x1, width, moved)
        again = _near(start_x0[1:] - ends[:-1], unturned[1:])
        if np.array_equal(again, moved):
            break
        moved = again
    else:
        ends, moved = _sequential_ends(start_x0, x1, unturned)
    x0[1:][moved] = ends[:-1][moved]
    x1[:] = ends


_SNAP_ROUNDS = 64  # past this many guesses (never seen), the glyphs are moved one by one


def _near(gap: np.ndarray, unturned: np.ndarray) -> np.ndarray:
    return (gap != 0) & (np.abs(gap) < SAME_POINT) & unturned


def _first_guess(gap: np.ndarray, unturned: np.ndarray) -> np.ndarray:
    """The glyphs near the unmoved end before them, and those after one of them that start
    exactly at the unmoved end before them (a glyph moved moves that end by a trifle)."""
    near = _near(gap, unturned)
    chained = near | ((gap == 0) & unturned)
    near_so_far = np.cumsum(near)
    breaks = np.flatnonzero(~chained)
    # near glyphs counted since the last glyph that breaks a chain
    before_chain = np.zeros(gap.size, dtype=np.int64)
    before_chain[breaks] = near_so_far[breaks]
    before_chain = np.maximum.accumulate(before_chain)
    return chained & (near_so_far > before_chain)


def _run_ends(x1: np.ndarray, width: np.ndarray, moved: np.ndarray) -> np.ndarray:
    """Each glyph's right end where the glyphs `moved` (from the second on) start at the end
    before them: in a run of moved glyphs the ends are the end before the run plus the
    widths, summed in order (np.add.accumulate along a row adds in sequence)."""
    ends = x1.copy()
    at = np.flatnonzero(moved) + 1  # the moved glyphs' places
    first = np.ones(at.size, dtype=bool)
    first[1:] = at[1:] != at[:-1] + 1
    run = np.cumsum(first) - 1
    starts = at[first]
    offset = at - starts[run]
    table = np.zeros((starts.size, int(offset.max()) + 2))
    table[:, 0] = x1[starts - 1]
    table[run, offset + 1] = width[at]
    ends[at] = np.add.accumulate(table, axis=1)[run, offset + 1]
    return ends


def _sequential_ends(x0: np.ndarray, x1: np.ndarray, unturned: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """snap's ends and moves, glyph by glyph."""
    ends, moved = x1.tolist(), [False] * (len(x0) - 1)
    for p in range(1, len(ends)):
        gap = float(x0[p]) - ends[p - 1]
        if gap and -SAME_POINT < gap < SAME_POINT and unturned[p]:
            ends[p] = ends[p - 1] + (float(x1[p]) - float(x0[p]))
            moved[p - 1] = True
    return np.array(ends), np.array(moved, dtype=bool)


class FrameColumns:
    """The frames of a page's chars as columns, a row a char: numbers as arrays; fonts, standard
    widths and matrices kept once a kind of text object (_frames) and asked by row."""

    @classmethod
    def reader(cls, frames: dict[int, int], kinds: list[tuple], order: dict) -> Callable[[np.ndarray], "FrameColumns"]:
        """A function from the text objects of chars (an array) to the chars' frames."""
        def read(key: np.ndarray) -> "FrameColumns":
            objects, inverse = np.unique(key, return_inverse=True)
            objects = objects.tolist()
            kind = np.array([frames[k] for k in objects], dtype=np.int64)[inverse]
            stream_order = np.array([order.get(k, len(order)) for k in objects], dtype=np.int64)[inverse]
            return cls(kinds, _kind_columns(kinds), kind, stream_order)
        return read

    def __init__(self, kinds: list[tuple], columns: tuple, kind: np.ndarray, stream_order: np.ndarray):
        self._kinds, self._columns, self._kind, self.stream_order = kinds, columns, kind, stream_order
        (font_groups, advance_groups, numbers, names, any_standard, framed, turned) = columns
        self.font_group, self.advance_group = font_groups[kind], advance_groups[kind]
        self.descent, self.x_scale, self.y_scale, self.tf_size = (column[kind] for column in numbers[:4])
        self.upright = numbers[4].astype(bool)[kind]
        self.font_name = names[kind].tolist()
        self.any_standard_widths = any_standard
        self.has_standard_widths = numbers[5].astype(bool)[kind]
        self.framed = framed[0][kind]
        self.to_frame = tuple(column[kind] for column in framed[1]) if framed[1] is not None else None
        self.turned = turned[0][kind]
        self.turn = tuple(column[kind] for column in turned[1]) if turned[1] is not None else None

    def of(self, rows: np.ndarray) -> "FrameColumns":
        """The columns of the rows chosen by a mask."""
        return FrameColumns(self._kinds, self._columns, self._kind[rows], self.stream_order[rows])

    def font_of(self, row: int):
        return self._kinds[self._kind[row]][0]

    def standard_widths_of(self, row: int) -> dict:
        return self._kinds[self._kind[row]][3]


def _kind_columns(kinds: list[tuple]) -> tuple:
    """Columns of the kinds of text objects (_frames): a group a font, a group a font, size
    and x scale (a glyph's advance is theirs), the numbers, the fonts' names, whether any
    font is a standard one, and the matrices to the text's frame and back (None where no
    text object needs one)."""
    fonts, advances = {}, {}
    font_groups = np.array([fonts.setdefault(k[1], len(fonts)) for k in kinds], dtype=np.int64)
    advance_groups = np.array([advances.setdefault((k[1], k[10], k[5]), len(advances)) for k in kinds], dtype=np.int64)
    numbers = np.array([(k[2], k[5], k[6], k[10], k[9], k[3] is not None) for k in kinds], dtype=np.float64).T
    names = np.array([k[4] for k in kinds], dtype=object)
    return (font_groups, advance_groups, numbers, names, any(k[3] is not None for k in kinds),
            _matrices([k[7] for k in kinds]), _matrices([k[8] for k in kinds]))


def _matrices(matrices: list) -> tuple:
    """(whether each row has a matrix, and the six columns of the matrices, identity where
    none; None for the columns where no row has one)."""
    present = np.array([m is not None for m in matrices], dtype=bool)
    if not present.any():
        return present, None
    return present, tuple(np.array(column, dtype=np.float64)
                          for column in zip(*(m if m is not None else IDENTITY for m in matrices)))
