"""Round boxes that are not one glyph (issue 23, class 2): KPI reports whose checked round
(รอบ 6 / 9 / 12 เดือน) is a CSS-drawn square holding a tick glyph, a square filled black, a
tick drawn by CSS, a browser's own <input type=checkbox>, a ▣ glyph, or nothing marked at
all; in the HTML an e-reporting system serves and as Chromium prints it. The rest of each
report is NUMERIC's (specs_kpi.py), so its gold is NUMERIC's but for the round.

ROUND_SAMPLES: (spec, producer). Where no round is marked the round is empty and nothing is
flagged: an unmarked form is not a contradiction.
"""

from samplegen.specs_kpi import NUMERIC


def _rounds(checked):
    return [(m, m == checked) for m in (6, 9, 12)]


BASE = "kpi_2556_2-3_disbursement_rounds"
CSS_SQUARE = dict(NUMERIC, slug=BASE + "_css_square", checkboxes="css_square", round_layout="line",
                  rounds=_rounds(9))
FILLED_SQUARE = dict(NUMERIC, slug=BASE + "_filled_square", checkboxes="filled_square", rounds=_rounds(12))
CSS_TICK = dict(NUMERIC, slug=BASE + "_css_tick", checkboxes="css_tick", round_layout="line", rounds=_rounds(9))
# each box in a table cell of its own, its label in the next cell
INPUT_CELLS = dict(NUMERIC, slug=BASE + "_input_cells", checkboxes="input", round_layout="table",
                   rounds=_rounds(12))
GLYPH_SQUARE = dict(NUMERIC, slug=BASE + "_glyph_square", checkboxes="glyph_square", rounds=_rounds(6))
UNMARKED = dict(NUMERIC, slug=BASE + "_unmarked", checkboxes="input", round_layout="line", rounds=_rounds(None))

ROUND_SAMPLES = [
    (CSS_SQUARE, "chromium"), (CSS_SQUARE, "html-utf8"),
    (FILLED_SQUARE, "chromium"), (FILLED_SQUARE, "html-utf8"),
    (CSS_TICK, "chromium"), (CSS_TICK, "html-utf8"),
    (INPUT_CELLS, "chromium"), (INPUT_CELLS, "html-utf8"),
    (GLYPH_SQUARE, "chromium"),
    (UNMARKED, "chromium"), (UNMARKED, "html-utf8"),
]
