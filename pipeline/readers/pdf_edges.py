"""A page's rules as pdfplumber's table finder sees them, as tuples instead of dicts: the edges
of its lines, rects and curves (Page.edges), snapped and joined as TableFinder.get_edges does,
and where they cross (edges_to_intersections).

pdfplumber copies every rect into four edge dicts and every curve into one per segment, then
copies each again to snap it and to join it: on the bench corpus two thirds of table finding.
Here an edge is (x0, top, x1, bottom, length), where length is the width (a horizontal edge)
or height (a vertical one) pdfplumber's dict would hold: its filters read that key, not
x1 - x0. Every number is computed by pdfplumber's own arithmetic, in its order, so that the
cells are the same to the last bit (tests/test_pdf_tables.py compares them)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import groupby
from operator import itemgetter

from thaikpi.pipeline.readers.pdf_geometry import cluster_numbers

Edge = tuple[float, float, float, float, float]
Point = tuple[float, float]
Bbox = tuple[float, float, float, float]


def page_edges(lines: list[dict], rects: list[dict], curves: list[dict]) -> tuple[list[Edge], list[Edge]]:
    """(horizontal, vertical) edges of Page.edges, each in its order: lines, then rects' top,
    bottom, left and right sides, then curves' segments (a slanted segment is neither)."""
    horizontal: list[Edge] = []
    vertical: list[Edge] = []
    for line in lines:
        if line["top"] == line["bottom"]:
            horizontal.append((line["x0"], line["top"], line["x1"], line["bottom"], line["width"]))
        else:
            vertical.append((line["x0"], line["top"], line["x1"], line["bottom"], line["height"]))
    for r in rects:
        x0, top, x1, bottom, width, height = r["x0"], r["top"], r["x1"], r["bottom"], r["width"], r["height"]
        horizontal.append((x0, top, x1, top, width))
        horizontal.append((x0, top + height, x1, bottom, width))
        vertical.append((x0, top, x0, bottom, height))
        vertical.append((x1, top, x1, bottom, height))
    for curve in curves:
        pts = curve["pts"]
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            if ax == bx:
                vertical.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), abs(ay - by)))
            elif ay == by:
                horizontal.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), abs(ax - bx)))
    return horizontal, vertical


def _snapped(edges: list[Edge], at: int, tolerance: float) -> list[Edge]:
    """utils.snap_objects: edges whose coordinate `at` (0: x0 of vertical ones, 1: top of
    horizontal ones) lies within `tolerance` of the next (chained) move to their cluster's
    mean, both ends by the same step; clusters in order, each in the edges' order."""
    if not edges:
        return []
    cluster_of = cluster_numbers([e[at] for e in edges], tolerance)
    clusters: list[list[Edge]] = [[] for _ in range(max(cluster_of.values()) + 1)]
    for e in edges:
        clusters[cluster_of[e[at]]].append(e)
    snapped = []
    for members in clusters:
        mean = sum(e[at] for e in members) / len(members)
        for x0, top, x1, bottom, length in members:
            if at == 0:
                step = mean - x0
                snapped.append((x0 + step, top, x1 + step, bottom, length))
            else:
                step = mean - top
                snapped.append((x0, top + step, x1, bottom + step, length))
    return snapped


def _joined(edges: list[Edge], at: int, tolerance: float) -> list[Edge]:
    """table.join_edge_group for edges on one line: sorted by their start (x0 or top, `at`
    0 or 1), each one starting within `tolerance` of the last one's end extends it."""
    end = at + 2
    ordered = sorted(edges, key=itemgetter(at))
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[at] <= last[end] + tolerance:
            if e[end] > last[end]:
                x0, top, x1, bottom, length = last
                if at == 0:  # resize_object(last, "x1", ...): width from the new end
                    joined[-1] = (x0, top, e[2], bottom, e[2] - x0)
                else:  # resize_object(last, "bottom", ...): height grown by the difference
                    joined[-1] = (x0, top, x1, e[3], length + (e[3] - bottom))
        else:
            joined.append(e)
    return joined


def table_edges(horizontal: list[Edge], vertical: list[Edge], snap_x: float, snap_y: float, join_x: float,
                join_y: float, min_length: float, prefilter: float = 1) -> tuple[list[Edge], list[Edge]]:
    """(horizontal, vertical) rules of TableFinder.get_edges with the "lines" strategies:
    edges at least `prefilter` long, snapped, joined, then at least `min_length` long."""
    horizontal = [e for e in horizontal if e[4] >= prefilter]
    vertical = [e for e in vertical if e[4] >= prefilter]
    if snap_x > 0 or snap_y > 0:
        vertical, horizontal = _snapped(vertical, 0, snap_x), _snapped(horizontal, 1, snap_y)
    # merge_edges groups by (orientation, position) with a stable sort: the order of edges
    # on one line is the snapped order
    merged_h = [e for _, group in groupby(sorted(horizontal, key=itemgetter(1)), key=itemgetter(1))
                for e in _joined(list(group), 0, join_x)]
    merged_v = [e for _, group in groupby(sorted(vertical, key=itemgetter(0)), key=itemgetter(0))
                for e in _joined(list(group), 1, join_y)]
    return [e for e in merged_h if e[4] >= min_length], [e for e in merged_v if e[4] >= min_length]


def intersections(horizontal: list[Edge], vertical: list[Edge], x_tolerance: float,
                  y_tolerance: float) -> dict[Point, tuple[set[Bbox], set[Bbox]]]:
    """table.edges_to_intersections: for each point where a vertical edge meets a
    horizontal one (within the tolerances), the boxes of the (vertical, horizontal) edges
    through it. The horizontal edges near each vertical one are taken by their tops (the
    span a point wider than the test, which then decides as pdfplumber's does)."""
    points: dict[Point, tuple[set[Bbox], set[Bbox]]] = {}
    if not horizontal or not vertical:
        return points
    by_top = sorted(horizontal, key=itemgetter(1))
    tops = [h[1] for h in by_top]
    for v in vertical:
        vx, vtop, _, vbottom, _ = v
        start = bisect_left(tops, vtop - y_tolerance - 1)
        stop = bisect_right(tops, vbottom + y_tolerance + 1)
        for h in by_top[start:stop]:
            hx0, htop, hx1, hbottom, _ = h
            if vtop <= htop + y_tolerance and vbottom >= htop - y_tolerance and \
                    hx0 - x_tolerance <= vx <= hx1 + x_tolerance:
                at = points.get((vx, htop))
                if at is None:
                    at = points[(vx, htop)] = (set(), set())
                at[0].add(v[:4])
                at[1].add((hx0, htop, hx1, hbottom))
    return points
