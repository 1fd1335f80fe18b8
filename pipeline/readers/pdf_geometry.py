"""Boxes and objects on a page (pdfplumber's dicts, top measured down): coordinates clustered
as pdfplumber clusters them, inside, outside, overlapping, and objects sorted by one
coordinate to take those in a span without testing every one."""
from __future__ import annotations

from bisect import bisect_left, bisect_right


def cluster_numbers(values, tolerance: float) -> dict:
    """pdfplumber's make_cluster_dict: each distinct value -> its cluster's number, values
    sorted and chained while each is within `tolerance` of the one before."""
    numbers: dict = {}
    number, last = -1, None
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            number += 1
        numbers[value] = number
        last = value
    return numbers


def inside(obj: dict, bbox: tuple[float, float, float, float], slack: float) -> bool:
    """The object lies in the box, or sticks out of it by at most `slack` points."""
    x0, top, x1, bottom = bbox
    return (obj["x0"] >= x0 - slack and obj["x1"] <= x1 + slack
            and obj["top"] >= top - slack and obj["bottom"] <= bottom + slack)


def outside(objs: list[dict], boxes: list, slack: float) -> list[dict]:
    """The objects not `inside` any of the boxes (inside's test in a loop of its own: it runs
    for every char of every page with a table)."""
    if not boxes:
        return objs
    boxes = _widened(boxes, slack)
    kept = []
    for obj in objs:
        x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
        for bx0, btop, bx1, bbottom in boxes:
            if x0 >= bx0 and x1 <= bx1 and top >= btop and bottom <= bbottom:
                break
        else:
            kept.append(obj)
    return kept


def outside_boxes(boxes: list[tuple], around: list, slack: float) -> list[tuple]:
    """`outside` for boxes given as tuples that start (x0, top, x1, bottom)."""
    if not around:
        return boxes
    around = _widened(around, slack)
    return [b for b in boxes if not any(b[0] >= bx0 and b[2] <= bx1 and b[1] >= btop and b[3] <= bbottom
                                        for bx0, btop, bx1, bbottom in around)]


def _widened(boxes: list, slack: float) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom) grown by `slack` points each way: what `inside` allows."""
    return [(x0 - slack, top - slack, x1 + slack, bottom + slack) for x0, top, x1, bottom in boxes]


def overlaps(obj: dict, bbox) -> bool:
    return obj["x0"] <= bbox[2] and obj["x1"] >= bbox[0] and obj["top"] <= bbox[3] and obj["bottom"] >= bbox[1]


def overlapping(objs: list[dict], bbox) -> list[dict]:
    """The objects that `overlaps` the box, in their order: its test inline, for it runs for
    every char of a page for each of its tables (2 million calls on the bench corpus)."""
    x0, top, x1, bottom = bbox
    return [o for o in objs if o["x0"] <= x1 and o["x1"] >= x0 and o["top"] <= bottom and o["bottom"] >= top]


class SortedChars:
    """Chars sorted by one number each (`keys`, in the chars' order), to take those whose
    number lies in a span without testing every char."""

    def __init__(self, chars: list[dict], keys: list[float]):
        self.chars = chars
        self.order = sorted(range(len(chars)), key=keys.__getitem__)
        self.keys = [keys[i] for i in self.order]

    def between(self, start: float, end: float, end_included: bool = False) -> list[dict]:
        """The chars whose number is in [start, end) ([start, end] with `end_included`), in
        their order."""
        stop = (bisect_right if end_included else bisect_left)(self.keys, end)
        return [self.chars[i] for i in sorted(self.order[bisect_left(self.keys, start):stop])]


def by_x0(objs: list[dict]) -> SortedChars:
    return SortedChars(objs, [o["x0"] for o in objs])
