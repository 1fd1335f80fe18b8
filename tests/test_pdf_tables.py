"""pipeline/pdf_tables.py finds the tables pdfplumber finds: the same cells from random rules,
and the same tables on every page of the PDF samples."""
import random

import pdfplumber
import pytest
from pdfplumber.table import edges_to_intersections
from pdfplumber.table import intersections_to_cells as plumber_intersections_to_cells

from conftest import SAMPLES
from thaikpi.pipeline.readers.pdf_tables import find_tables, intersections_to_cells


def edge(orientation, x0, top, x1, bottom):
    return {"orientation": orientation, "x0": x0, "top": top, "x1": x1, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top, "object_type": "line"}


def random_rules(rng: random.Random) -> list[dict]:
    """Rules of a grid with some missing, some cut short, some drawn twice, split in pieces
    or just off the grid: merged cells, broken tables, cells that do not close."""
    xs = sorted(rng.sample(range(0, 400, 10), rng.randint(2, 8)))
    ys = sorted(rng.sample(range(0, 400, 10), rng.randint(2, 8)))
    edges = []
    for y in ys:
        for a, b in zip(xs, xs[1:]):
            if rng.random() < 0.85:
                edges.append(edge("h", a, y, b, y))
    for x in xs:
        for a, b in zip(ys, ys[1:]):
            if rng.random() < 0.85:
                edges.append(edge("v", x, a, x, b))
    if rng.random() < 0.5:
        x, y = rng.choice(xs) + rng.choice((0, 0.5)), rng.choice(ys)
        edges.append(edge("v", x, y, x, y + rng.choice((5, 10, 30))))
    if rng.random() < 0.3 and edges:
        edges.append(dict(rng.choice(edges)))
    return edges


def test_cells_are_pdfplumbers_from_random_rules():
    rng = random.Random(4)
    found = 0
    for grid in range(300):
        intersections = edges_to_intersections(random_rules(rng), 1, 1)
        cells = intersections_to_cells(intersections)
        assert cells == plumber_intersections_to_cells(intersections), grid
        found += len(cells)
    assert found > 1000


def test_no_rules_no_cells():
    assert intersections_to_cells({}) == []


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_tables_are_pdfplumbers_on_the_samples(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            ours, theirs = find_tables(page), page.find_tables()
            assert [t.bbox for t in ours] == [t.bbox for t in theirs], page.page_number
            assert [t.cells for t in ours] == [t.cells for t in theirs], page.page_number
