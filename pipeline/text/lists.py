"""Lines as documents print them: a page's own number; list markers ("-", "1.", "1.1", "(1)")
and the items of a list, a numbered list run into one line; wrapped lines (a Thai-Thai wrap
and one at a slash join with nothing, any other with a space; an item marker or a known break starts a new
paragraph)."""
from __future__ import annotations

import re
from typing import Iterable, TypeVar

from thaikpi.pipeline.text.digits import to_arabic_digits
from thaikpi.pipeline.text.letters import is_thai_letter

T = TypeVar("T")

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—(\[]*(?:หน้าที่|หน้า|page)?\s*[0-9๐-๙]{1,3}\s*(?:(?:/|จาก|of)\s*[0-9๐-๙]{1,4})?[\s\-–—)\]]*$",
    re.IGNORECASE)


def is_page_number(line: str) -> bool:
    """A page's number as documents print it: "- 2 -", "(๒)", "หน้า 2", "2/5", "หน้า 2 จาก 5".
    Four digits alone are a year (2552), not a page."""
    return bool(line.strip()) and bool(_PAGE_NUMBER.match(line))


# "-", "•", "๏", "1.", "1.1", "1)", "(1)", "ก." (one of the first ten Thai letters and a full
# stop, then a space: not "ก.พ.ร.", nor "ภ. และ" wrapped from "กคภ."): a bare number followed
# by a space is not a marker (it is far more often a wrapped "ครั้งที่ 1 ถึง ..." than an item).
_LIST_MARKER = re.compile(
    r"^\s*(?:[-•●○▪■◦*–๏]\s*|\(?[0-9๐-๙]{1,3}\)\s*|[0-9๐-๙]{1,3}\.(?:[0-9๐-๙]{1,3}\.?)*\s*"
    r"|[ก-ช]\.(?:\s+|$))"
)


def is_list_marker_start(line: str) -> bool:
    """Does this line open a new item (bullet, "1.", "1.1", "(1)", "ก.")?"""
    return bool(_LIST_MARKER.match(line))


def is_list_marker(word: str) -> bool:
    """Is this word a list marker and nothing else ("1)", "(2)", "๑.", "ก.", "•")?"""
    m = _LIST_MARKER.match(word)
    return bool(m) and m.end() >= len(word.strip())


def join_wrapped(first: str, second: str) -> str:
    """Join two pieces of one paragraph broken by a line wrap.

    Thai writes no spaces between words, so a Thai-Thai break joins with nothing, and so does
    a break after a hyphen between digits (office suites break "0-2222-4103" and "2555-2556"
    there) and a break at a slash that touches the text on its side (a unit wrapped in a
    narrow cell: "เครื่อง/วัน/" over "คน"; "และ/" over "หรือ"); any other break stands for a space.
    """
    first, second = first.rstrip(), second.lstrip()
    if not first:
        return second
    if not second:
        return first
    if is_thai_letter(first[-1]) and is_thai_letter(second[0]):
        return first + second
    if _DIGIT_HYPHEN_END.search(first) and second[0] in _DIGITS:
        return first + second
    if (first[-1] == "/" and len(first) > 1 and not first[-2].isspace()) or (
            second[0] == "/" and len(second) > 1 and not second[1].isspace()):
        return first + second
    return first + " " + second


_DIGITS = "0123456789๐๑๒๓๔๕๖๗๘๙"
_DIGIT_HYPHEN_END = re.compile("[0-9๐-๙]-$")


def join_paragraphs(lines: Iterable[tuple[str, T]]) -> list[tuple[str, T]]:
    """(line, tag) pairs -> (paragraph, tag of its first line).

    An item marker starts a new paragraph, and so does a line after an empty one (a break the
    reader knew of); any other line continues the one before (a wrap).
    """
    paragraphs: list[list] = []
    known_break = False
    for line, tag in lines:
        line = line.strip()
        if not line:
            known_break = True
            continue
        if paragraphs and not known_break and not is_list_marker_start(line):
            paragraphs[-1][0] = join_wrapped(paragraphs[-1][0], line)
        else:
            paragraphs.append([line, tag])
        known_break = False
    return [(text, tag) for text, tag in paragraphs]


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one cell or section -> paragraphs separated by newlines."""
    return "\n".join(text for text, _ in join_paragraphs((line, None) for line in lines))


def split_items(text: str) -> list[str]:
    """A numbered or bulleted list -> its items, markers removed."""
    items: list[str] = []
    for paragraph in join_lines(text.split("\n")).split("\n"):
        item = _LIST_MARKER.sub("", paragraph, count=1).strip()
        if item:
            items.append(item)
    return items


_INLINE_NUMBERED = re.compile(r"(?:(?<=\s)|^)([0-9๐-๙]{1,2})\.\s*(?=\S)")


def split_inline_numbered(text: str) -> list[str]:
    """"1. นาย ก 2. นาง ข" (a numbered list run into one line) -> ["นาย ก", "นาง ข"].

    Only numbers that count up from 1 split, so "น.วค.1" or a year stays inside its item.
    """
    cuts: list[tuple[int, int]] = []
    expected = 1
    for m in _INLINE_NUMBERED.finditer(text):
        if int(to_arabic_digits(m.group(1))) == expected:
            cuts.append((m.start(1), m.end()))
            expected += 1
    if not cuts:
        return [text.strip()] if text.strip() else []
    items = []
    for i, (_, end) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        item = text[end:stop].strip()
        if item:
            items.append(item)
    return items
