"""Ruled tables of a page: pdfplumber's TableFinder (its default settings but for the
reader's tolerances), its stages in its order, on edges held as tuples (pdf_edges), and its
intersections_to_cells in linear time.

pdfplumber's intersections_to_cells looks, for every intersection of rules, through every
later one for those below and to the right, and turns each one's edges into a set of boxes
again at every comparison: on a page with a large table, most of the time table finding
takes. This one groups the intersections by column and by row and makes each set once; the
cells are the same (tests/test_pdf_tables.py compares them with pdfplumber's).
"""
from __future__ import annotations

from typing import Optional

from pdfplumber.table import Table, TableSettings, cells_to_tables
from pdfplumber.utils import obj_to_bbox

from thaikpi.pipeline.readers.pdf_edges import intersections, page_edges, table_edges

T_point = tuple[float, float]
T_bbox = tuple[float, float, float, float]


def intersections_to_cells(intersections: dict[T_point, dict[str, list[dict]]]) -> list[T_bbox]:
    """pdfplumber's intersections_to_cells, for its intersections (edge dicts by point)."""
    return points_to_cells({p: (set(map(obj_to_bbox, edges["v"])), set(map(obj_to_bbox, edges["h"])))
                            for p, edges in intersections.items()})


def points_to_cells(intersections: dict[T_point, tuple[set[T_bbox], set[T_bbox]]]) -> list[T_bbox]:
    """pdfplumber's intersections_to_cells: for each intersection (in sorted order), the
    smallest cell it is the top left corner of. The points below it and to its right are
    tried nearest first; two points are joined where they share a rule (an edge's box, of
    the (vertical, horizontal) ones through each point)."""
    points = sorted(intersections)
    vertical = {p: intersections[p][0] for p in points}
    horizontal = {p: intersections[p][1] for p in points}

    def connects(p1: T_point, p2: T_point) -> bool:
        return ((p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]))
                or (p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])))

    # The points of a column, and of a row, in sorted order: those after a point in its
    # column are below it, those after it in its row are to its right.
    columns: dict[float, list[T_point]] = {}
    rows: dict[float, list[T_point]] = {}
    for p in points:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    place_in_column = {p: i for column in columns.values() for i, p in enumerate(column)}
    place_in_row = {p: i for row in rows.values() for i, p in enumerate(row)}

    def smallest_cell(pt: T_point) -> Optional[T_bbox]:
        below = columns[pt[0]][place_in_column[pt] + 1:]
        right = rows[pt[1]][place_in_row[pt] + 1:]
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if (bottom_right in intersections and connects(bottom_right, right_pt)
                        and connects(bottom_right, below_pt)):
                    return (pt[0], pt[1], bottom_right[0], bottom_right[1])
        return None

    return [cell for cell in map(smallest_cell, points) if cell]


def find_tables(page, settings: Optional[dict] = None, edges: Optional[tuple[list, list]] = None) -> list[Table]:
    """page.find_tables(settings) with the "lines" strategies (the reader's): pdfplumber's
    defaults where `settings` (pdfplumber's table settings) leave them out. `edges` are the
    page's pdf_edges.page_edges where the caller has them."""
    resolved = TableSettings.resolve(settings)
    if resolved.vertical_strategy != "lines" or resolved.horizontal_strategy != "lines" or \
            resolved.explicit_vertical_lines or resolved.explicit_horizontal_lines:
        raise ValueError("only the lines strategies without explicit lines are supported")
    horizontal, vertical = table_edges(
        *(edges or page_edges(page.lines, page.rects, page.curves)), resolved.snap_x_tolerance, resolved.snap_y_tolerance,
        resolved.join_x_tolerance, resolved.join_y_tolerance, resolved.edge_min_length,
        resolved.edge_min_length_prefilter)
    points = intersections(horizontal, vertical, resolved.intersection_x_tolerance,
                           resolved.intersection_y_tolerance)
    return [Table(page, cell_group) for cell_group in cells_to_tables(points_to_cells(points))]
