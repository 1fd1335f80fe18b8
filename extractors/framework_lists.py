"""Framework indicators set as lists rather than a table (issue 23): which units of a slide deck
are list items, which are examples, and the items a list gives with neither code nor weight
("• ร้อยละของระดับความพึงพอใจของผู้รับบริการ"), one a line.

Lines of a unit reach here joined by "\\n" (framework.slides), so that a list's items stay
apart where nothing else (a code, a weight) separates them.
"""
from __future__ import annotations

import re

from thaikpi.extractors import labels
from thaikpi.pipeline.text import match_key

_OPENER_KEYS = tuple(match_key(o) for o in labels.INDICATOR_NAME_OPENERS)
_EXAMPLE = re.compile(r"^\s*(?:\d{1,3}\s+)?(?:" + "|".join(labels.EXAMPLE_WORDS) + ")")
_BULLET = re.compile(rf"^\s*[{re.escape(labels.LIST_BULLETS)}]+\s*")
_CODE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+")


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text)


def opens_name(text: str) -> bool:
    return match_key(text).startswith(_OPENER_KEYS)


def is_example(text: str) -> bool:
    """A slide or heading that opens with "ตัวอย่าง" (after a slide number, if any)."""
    return bool(_EXAMPLE.match(text))


def is_list_item(text: str) -> bool:
    """A bulleted or numbered line that names an indicator: "• 1. ระดับ...", "ร้อยละ..."."""
    return opens_name(_CODE.sub("", strip_bullet(text), count=1))


def codeless_items(text: str) -> list[str]:
    """A text of one or more lines, each item a line opening with an indicator name (after its
    bullet); a line that opens otherwise continues the item before it (a wrapped name). Empty
    where the first line is not an item (a group title)."""
    items: list[str] = []
    for line in text.split("\n"):
        line = strip_bullet(line).strip()
        if not line:
            continue
        if opens_name(line):
            items.append(line)
        elif items:
            items[-1] += " " + line
        else:
            return []
    return items
