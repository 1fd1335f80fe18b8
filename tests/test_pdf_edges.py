"""pipeline/readers/pdf_edges.py holds pdfplumber's edges as tuples: the same edges as
Page.edges, and the same tables as page.find_tables, from random lines, rects and curves (off
by fractions of a point, so that snapping and joining move them)."""
import random

import pdfplumber

from conftest import SAMPLES
from thaikpi.pipeline.readers.pdf_edges import page_edges
from thaikpi.pipeline.readers.pdf_page_objects import ObjectsPage
from thaikpi.pipeline.readers.pdf_tables import find_tables
from thaikpi.pipeline.settings import ReaderSettings

HEIGHT = 842.0


def _box(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "y0": HEIGHT - bottom,
            "y1": HEIGHT - top, "width": x1 - x0, "height": bottom - top}


def _shapes(rng: random.Random) -> dict[str, list[dict]]:
    """A grid's rules drawn at random as lines, thin rects, cell rects or a curve's sides,
    some off the grid by up to a point and a half, some short, some slanted."""
    xs = sorted(rng.sample(range(40, 560, 20), rng.randint(2, 7)))
    ys = sorted(rng.sample(range(40, 800, 20), rng.randint(2, 7)))
    jitter = lambda: rng.choice((0, 0, 0.3, 0.75, 1.5, 2.9))  # noqa: E731
    shapes: dict[str, list[dict]] = {"line": [], "rect": [], "curve": []}
    for a, b in zip(xs, xs[1:]):
        for c, d in zip(ys, ys[1:]):
            kind = rng.random()
            if kind < 0.3:
                shapes["rect"].append(dict(_box(a + jitter(), c + jitter(), b, d), object_type="rect"))
            elif kind < 0.6:
                y = c + jitter()
                shapes["line"].append(dict(_box(a, y, b - rng.choice((0, 2.5, 5)), y), object_type="line"))
                shapes["line"].append(dict(_box(a + jitter(), c, a, d), object_type="line"))
                shapes["line"][-1]["x1"] = shapes["line"][-1]["x0"]
            elif kind < 0.8:
                pts = [(a, c), (b, c + rng.choice((0, 0, 4))), (b, d), (a + jitter(), d), (a, c)]
                shapes["curve"].append(dict(_box(min(p[0] for p in pts), c, max(p[0] for p in pts), d),
                                            object_type="curve", pts=pts))
            else:  # a thin rect as a rule
                shapes["rect"].append(dict(_box(a, c, b + jitter(), c + 0.5), object_type="rect"))
    return shapes


def _plumber_edges(page) -> tuple[list, list]:
    key = {"h": "width", "v": "height"}
    edges = {"h": [], "v": []}
    for e in page.edges:
        if e["orientation"] in edges:
            edges[e["orientation"]].append((e["x0"], e["top"], e["x1"], e["bottom"], e[key[e["orientation"]]]))
    return edges["h"], edges["v"]


def test_edges_and_tables_are_pdfplumbers_from_random_shapes():
    rng = random.Random(27)
    settings = ReaderSettings().table_settings()
    found = 0
    with pdfplumber.open(sorted(SAMPLES.glob("*.pdf"))[0]) as pdf:
        parent = pdf.pages[0]
        for drawing in range(150):
            shapes = _shapes(rng)
            page = ObjectsPage(parent, {"char": [], **shapes})
            assert page_edges(page.lines, page.rects, page.curves) == _plumber_edges(page), drawing
            ours, theirs = find_tables(page, settings), page.find_tables(settings)
            assert [t.cells for t in ours] == [t.cells for t in theirs], drawing
            found += sum(len(t.cells) for t in ours)
    assert found > 600
