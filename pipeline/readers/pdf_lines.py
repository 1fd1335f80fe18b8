"""A page's items in reading order: text lines made of words, and table rows (each an Item
at its top), with the rules and page numbers that mark or leave them out."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from thaikpi.pipeline.text import is_page_number
from thaikpi.schemas.parsed import Line


@dataclass
class Item:
    """A line or table row of a page, with where it lies (points, top measured down)."""
    top: float
    x0: float
    line: Optional[Line] = None
    bottom: float = 0.0


def mark_rules(text_items: list[Item], rules: list[tuple[float, float, float]]) -> None:
    """A text line with a horizontal rule (top, x0, x1) between it and the text line above
    gets rule_above: in a table ruled between rows only, the rule is where a row begins."""
    previous_bottom = 0.0
    for it in sorted(text_items, key=lambda i: i.top):
        x0, x1 = it.line.words[0][0], it.line.words[-1][1]
        if any(previous_bottom - 1 <= top <= it.top + 1 and rx0 < x1 and rx1 > x0 for top, rx0, rx1 in rules):
            it.line = replace(it.line, rule_above=True)
        previous_bottom = max(previous_bottom, it.bottom)


def drop_page_numbers(items: list[Item]) -> list[Item]:
    """A page's number printed above or below everything else on it ("- 2 -", "หน้า 2") is
    not the report's text: inside a table broken across pages it would join a cell."""
    if not items:
        return items
    ends = {id(min(items, key=lambda i: i.top)), id(max(items, key=lambda i: i.top))}
    return [it for it in items if not (id(it) in ends and it.line.table is None and is_page_number(it.line.text))]



def words_to_lines(words: list[dict], page_number: int, line_tolerance: float, indent: float) -> list[Item]:
    """Words outside tables as text lines: words whose tops differ by less than
    `line_tolerance` share a line; a line starting more than `indent` right of the left
    margin opens a paragraph."""
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    groups: list[list[dict]] = []
    for word in words:
        if groups and abs(word["top"] - groups[-1][0]["top"]) < line_tolerance:
            groups[-1].append(word)
        else:
            groups.append([word])
    starts = [round(min(w["x0"] for w in g)) for g in groups]
    # The left margin is the leftmost start that several lines share (in a page of short
    # paragraphs most lines are indented first lines); an indented line opens a paragraph.
    shared = [s for s in set(starts) if starts.count(s) >= 2]
    margin = min(shared) if shared else (min(starts) if starts else 0)
    items = []
    for group, start in zip(groups, starts):
        group.sort(key=lambda w: w["x0"])
        text = " ".join(w["text"] for w in group)
        items.append(Item(top=group[0]["top"], x0=group[0]["x0"], bottom=max(w["bottom"] for w in group),
                           line=Line(cells=(text,), page=page_number,
                                     paragraph_start=start > margin + indent,
                                     words=tuple((w["x0"], w["x1"], w["text"]) for w in group),
                                     top=_common_top(group))))
    return items


def _common_top(group: list[dict]) -> float:
    """A line's top: its words' most common top (a word with a mark set higher reads higher)."""
    tops = [round(w["top"], 1) for w in group]
    return max(dict.fromkeys(tops), key=tops.count)
