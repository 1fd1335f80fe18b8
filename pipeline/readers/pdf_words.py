"""Words and lines from chars, as pdfplumber's text functions give them with the settings the
reader uses (its tolerances: ReaderSettings), in a fraction of their time.

pdfplumber's `extract_words`, `extract_text` and `TextMap.extract_text_lines` are general (any
direction, layout, extra attributes) and build a WordExtractor, word dicts of ten keys and a
TextMap of one tuple per letter on every call. The reader calls them once per table cell, and
on a page of tables that was a sixth of a run. These functions follow the same steps for the
default directions (text left to right, lines top to bottom, turned text top to bottom) and
give the same words, texts and lines; tests/test_pdf_words.py compares them with pdfplumber's
on the samples, the real corpus and random pages.
"""
from __future__ import annotations

from itertools import groupby, repeat
from operator import itemgetter
from typing import Optional

from pdfplumber.utils.text import LIGATURES

from thaikpi.pipeline.readers.pdf_geometry import cluster_numbers

# pdfplumber's defaults (DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE)
X_TOLERANCE = 3
Y_TOLERANCE = 3

_UPRIGHT = itemgetter("upright")


_TEXT, _X0, _X1, _TOP, _BOTTOM = (itemgetter(key) for key in ("text", "x0", "x1", "top", "bottom"))
# Any char of a ligature key: a word's joined text without one maps no char (keys are single)
_LIGATURE_CHARS = frozenset("".join(LIGATURES))


def _word(chars: list[dict]) -> dict:
    """pdfplumber's WordExtractor.merge_chars, with the keys the reader reads."""
    if len(chars) == 1:
        c = chars[0]
        text = c["text"] or ""
        return {"text": LIGATURES.get(text, text), "x0": c["x0"], "x1": c["x1"], "top": c["top"],
                "bottom": c["bottom"], "upright": c["upright"]}
    text = "".join(map(_TEXT, chars))
    if not _LIGATURE_CHARS.isdisjoint(text):  # rare: map each char's text as pdfplumber does
        text = "".join(LIGATURES.get(c["text"], c["text"]) for c in chars)
    return {"text": text, "x0": min(map(_X0, chars)), "x1": max(map(_X1, chars)),
            "top": min(map(_TOP, chars)), "bottom": max(map(_BOTTOM, chars)),
            "upright": chars[0]["upright"]}


def word_chars(chars: list[dict], x_tolerance: float = X_TOLERANCE,
               y_tolerance: float = Y_TOLERANCE) -> list[tuple[dict, list[dict]]]:
    """pdfplumber's WordExtractor(x_tolerance, y_tolerance).iter_extract_tuples(chars): each
    word with its chars. Runs of upright chars are clustered into lines by top and read by x0;
    runs of turned chars into columns by x0 and read by top. Blank chars end a word; a char
    of no text is a word of its own (split_at_punctuation's empty set of marks matches it).

    A char joins the word of the char read before it where both are letters (not blank, not
    empty) on one line and it lies in reach of it: a test of each pair of neighbours in
    reading order, made over lists of the chars' values read once (a dict lookup per value
    per step was most of the time)."""
    found: list[list[dict]] = []
    for upright, run in groupby(chars, _UPRIGHT):
        run = list(run)
        # Each char as (line, start, tie, index, end, across), sorted: upright chars by line
        # (top) then x0, turned ones by column (x0) then top then bottom; the index then keeps
        # the order of equals (sorted(run, key=...) is stable), and nothing after it is compared.
        if upright:
            across = list(map(_TOP, run))
            numbers = cluster_numbers(across, y_tolerance)
            places = sorted(zip([numbers[v] for v in across], map(_X0, run), repeat(0), range(len(run)),
                                map(_X1, run), across))
            gap, drift = x_tolerance, y_tolerance
        else:
            across = list(map(_X0, run))
            numbers = cluster_numbers(across, x_tolerance)
            ends = list(map(_BOTTOM, run))
            places = sorted(zip([numbers[v] for v in across], map(_TOP, run), ends, range(len(run)), ends, across))
            gap, drift = y_tolerance, x_tolerance
        ordered = [run[p[3]] for p in places]
        texts = list(map(_TEXT, ordered))
        letters = [not (t == "" or t.isspace()) for t in texts]
        joins = [line == line0 and letter and letter0
                 and not (start < start0 or start > end0 + gap or abs(at - at0) > drift)
                 for (line, start, _, _, _, at), (line0, start0, _, _, end0, at0), letter, letter0
                 in zip(places[1:], places, letters[1:], letters)]
        word: list[dict] = []
        for c, text, letter, join in zip(ordered, texts, letters, [False, *joins]):
            if join:
                word.append(c)
                continue
            if word:
                found.append(word)
            word = [c] if letter else []
            if text == "":
                found.append([c])
        if word:
            found.append(word)
    return [(_word(word), word) for word in found]


def extract_words(chars: list[dict], x_tolerance: float = X_TOLERANCE,
                  y_tolerance: float = Y_TOLERANCE) -> list[dict]:
    """pdfplumber's extract_words(chars, x_tolerance=, y_tolerance=): the words, with text, x0,
    x1, top, bottom and upright."""
    return [w for w, _ in word_chars(chars, x_tolerance, y_tolerance)]


def extract_text(chars: list[dict], x_tolerance: float = X_TOLERANCE, y_tolerance: float = Y_TOLERANCE) -> str:
    """pdfplumber's extract_text(chars, x_tolerance=, y_tolerance=) with its other defaults:
    words clustered into lines by top, lines in order of top, words in a line as read, joined
    by spaces and newlines."""
    words = extract_words(chars, x_tolerance, y_tolerance)
    numbers = cluster_numbers([w["top"] for w in words], y_tolerance)
    words.sort(key=lambda w: numbers[w["top"]])
    return "\n".join(" ".join(w["text"] for w in line) for _, line in groupby(words, lambda w: numbers[w["top"]]))


def text_lines(chars: list[dict], x_tolerance: float = X_TOLERANCE,
               y_tolerance: float = Y_TOLERANCE) -> Optional[list[tuple[str, float]]]:
    """(text, x0) of each line of pdfplumber's chars_to_textmap(chars, x_tolerance=,
    y_tolerance=).extract_text_lines(strip=True): words as extract_words reads them, a line
    for each run of consecutive words in one cluster of tops, its text stripped of spaces,
    its x0 the leftmost of the chars whose letters it shows; lines of no text are left out.
    None where a char's text holds a newline, which splits a line in the TextMap: ask
    pdfplumber."""
    if any("\n" in c["text"] for c in chars if c["text"]):
        return None
    tuples = word_chars(chars, x_tolerance, y_tolerance)
    numbers = cluster_numbers([w["top"] for w, _ in tuples], y_tolerance)
    lines = []
    for _, line in groupby(tuples, lambda t: numbers[t[0]["top"]]):
        line = list(line)
        text = " ".join(w["text"] for w, _ in line).strip(" ")
        if text.strip():
            lines.append((text, min(c["x0"] for _, cs in line for c in cs if LIGATURES.get(c["text"], c["text"]))))
    return lines
