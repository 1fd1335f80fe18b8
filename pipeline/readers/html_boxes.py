"""Checkboxes a web page draws with CSS and no text: an empty inline box of a set small size
with a border (☐) or filled with a colour (☑), as e-reporting systems style their own round
boxes. Read from the element's inline style, so the HTML says what its print shows."""
from __future__ import annotations

import re
from typing import Optional

from bs4 import NavigableString, Tag

from thaikpi.pipeline.readers.pdf_checkboxes import CHECKED_BOX, EMPTY_BOX

# A side this small or smaller is a box, not a layout block (px; pt and em converted).
MAX_SIDE_PX = 24
_UNIT_PX = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, "mm": 96 / 25.4}
_DECLARATION = re.compile(r"([a-z\-]+)\s*:\s*([^;]+)", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem|mm)\s*$", re.IGNORECASE)
_CLEAR = {"", "none", "transparent", "white", "#fff", "#ffffff", "inherit", "initial"}


def _style(tag: Tag) -> dict[str, str]:
    return {k.lower(): v.strip().lower() for k, v in _DECLARATION.findall(str(tag.get("style", "")))}


def _px(value: Optional[str]) -> Optional[float]:
    m = _LENGTH.match(value or "")
    return float(m.group(1)) * _UNIT_PX[m.group(2).lower()] if m else None


def _has_text(tag: Tag) -> bool:
    return bool(tag.get_text().replace("\xa0", " ").strip())


def drawn_box(tag: Tag) -> Optional[str]:
    """"☑ " for a small box with no text, filled with a colour or holding a drawn mark (an
    element: a tick drawn with rotated borders), "☐ " for an empty one with only a border;
    None for anything else (text, no set size, a large block)."""
    if _has_text(tag):
        return None
    style = _style(tag)
    sides = [_px(style.get("width")), _px(style.get("height"))]
    if any(s is None or s <= 0 or s > MAX_SIDE_PX for s in sides):
        return None
    fill = style.get("background-color", style.get("background", "")).split()
    if fill and fill[0] not in _CLEAR or any(isinstance(c, Tag) for c in tag.contents):
        return CHECKED_BOX + " "
    border = style.get("border", style.get("border-style", ""))
    if border and not border.startswith(("none", "hidden", "0 ", "0px")) and border != "0":
        return EMPTY_BOX + " "
    return None
