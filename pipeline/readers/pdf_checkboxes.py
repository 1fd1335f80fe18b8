"""Checkboxes drawn on a page (small squares: rectangles, or curves with rounded corners as
browsers draw form controls) as pseudo-words "☑"/"☐", so that extractors see one form
whatever drew them; and table finding that leaves the boxes' squares out."""
from __future__ import annotations

import math

from thaikpi.pipeline.readers.pdf_geometry import by_x0, inside
from thaikpi.pipeline.readers.pdf_tables import find_tables
from thaikpi.pipeline.settings import ReaderSettings

CHECKED_BOX, EMPTY_BOX = "☑", "☐"
ROUND_SLACK = 0.15  # share of the radius a round bullet's points may stray from its circle


def is_white(color) -> bool:
    if color is None:
        return True
    values = list(color) if isinstance(color, (list, tuple)) else [color]
    return all(isinstance(v, (int, float)) and v >= 0.95 for v in values)


def is_round(shape: dict) -> bool:
    """A curve whose points all lie on the circle its box holds: a list's bullet (a browser
    draws • and ◦ as circles), not a box, however round a box's corners are."""
    points = shape.get("pts") or []
    if shape.get("object_type") != "curve" or len(points) < 4:
        return False
    cx, cy = (shape["x0"] + shape["x1"]) / 2, (shape["top"] + shape["bottom"]) / 2
    radius = (shape["width"] + shape["height"]) / 4
    return all(abs(math.hypot(x - cx, y - cy) - radius) <= ROUND_SLACK * radius for x, y in points)


def checkboxes(page, settings: ReaderSettings) -> list[dict]:
    """Small squares drawn on the page, as pseudo-words "☑"/"☐".

    A box is checked when it is filled with a colour, or when a mark clearly smaller than the
    box (a tick, a cross) is drawn inside it; a border drawn just inside is not a mark.
    Nested squares are one box: the outermost is kept.
    """
    shapes = page.rects + page.curves
    low, high = settings.checkbox_min_side, settings.checkbox_max_side
    squareness, slack = settings.checkbox_squareness, settings.inside_slack
    squares = [s for s in shapes if low <= s["width"] <= high and abs(s["width"] - s["height"]) < squareness
               and not is_round(s)]
    # Shapes by x0, so that each box tests only the shapes near it: a chart of 14,400 small
    # squares took two minutes with every square tested against every other.
    squares_by_x0 = by_x0(squares)
    outer = [b for b in squares if not any(
        o is not b and o["width"] > b["width"] and inside(b, (o["x0"], o["top"], o["x1"], o["bottom"]), 0.5)
        for o in squares_by_x0.between(b["x1"] - high - 0.5, b["x0"] + 0.5, end_included=True))]
    marks_by_x0 = by_x0(page.lines + page.curves + page.rects)
    boxes = []
    for box in outer:
        bbox = (box["x0"], box["top"], box["x1"], box["bottom"])
        within = [s for s in squares_by_x0.between(bbox[0] - 0.5, bbox[2] + 0.5, end_included=True)
                  if s is not box and inside(s, bbox, 0.5)]
        filled = any(bool(s.get("fill")) and not is_white(s.get("non_stroking_color")) for s in [box, *within])
        ticked = any(m is not box and inside(m, bbox, slack)
                     and max(m["width"], m["height"]) < settings.checkbox_mark_share * box["width"]
                     for m in marks_by_x0.between(bbox[0] - slack, bbox[2] + slack, end_included=True))
        boxes.append({"text": CHECKED_BOX if (filled or ticked) else EMPTY_BOX,
                      "x0": box["x0"], "x1": box["x1"], "top": box["top"], "bottom": box["bottom"]})
    return boxes


def tables_beside_checkboxes(page, boxes: list[dict], settings: ReaderSettings, edges: tuple[list, list]) -> list:
    """Ruled tables, found without the checkboxes' squares: a box drawn just above a table
    would snap to its top rule and pull the line of round boxes into its first cell, to be
    read twice (once as that line, once in the cell). `edges` are the page's
    (pdf_edges.page_edges): with no horizontal or no vertical one, no rules cross."""
    if not edges[0] or not edges[1]:
        return []
    table_settings = settings.table_settings()
    if not boxes:
        return find_tables(page, table_settings, edges)
    sorted_boxes = by_x0(boxes)
    # a box holding an object starts at most this far left of its right edge
    reach = settings.checkbox_max_side + 0.5
    return find_tables(page.filter(lambda obj: obj.get("object_type") not in ("rect", "curve", "line") or not any(
        inside(obj, (b["x0"], b["top"], b["x1"], b["bottom"]), 0.5)
        for b in sorted_boxes.between(obj["x1"] - reach, obj["x0"] + 0.5, end_included=True))), table_settings)
