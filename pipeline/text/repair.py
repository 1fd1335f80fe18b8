"""Repairs of text damaged in extraction, each one rule: PUA marks of legacy fonts mapped,
SARA AM composed, spaces before marks removed, fake bold undoubled, letter spacing joined,
spaces inside words removed, whitespace tidied. clean.py runs them in their order."""
from __future__ import annotations

import re
from typing import Callable, Optional

from thaikpi.pipeline.text.letters import COMBINING_MARKS, NIKHAHIT, SARA_AA, SARA_AM, TONE_MARKS
from thaikpi.pipeline.text.words import THAI_LETTERS, is_known_word, known_word_spans, reading_score, words

# Legacy fonts (Windows TH SarabunPSK, Angsana; TLWG) put displaced marks in the Private Use
# Area. Table from ../shared/THAI_TEXT.md (HarfBuzz's Thai shaper tables).
PUA_TO_THAI = {
    0xF700: "\u0e10", 0xF701: "\u0e34", 0xF702: "\u0e35", 0xF703: "\u0e36", 0xF704: "\u0e37",
    0xF705: "\u0e48", 0xF706: "\u0e49", 0xF707: "\u0e4a", 0xF708: "\u0e4b", 0xF709: "\u0e4c",
    0xF70A: "\u0e48", 0xF70B: "\u0e49", 0xF70C: "\u0e4a", 0xF70D: "\u0e4b", 0xF70E: "\u0e4c",
    0xF70F: "\u0e0d", 0xF710: "\u0e31", 0xF711: "\u0e4d", 0xF712: "\u0e47",
    0xF713: "\u0e48", 0xF714: "\u0e49", 0xF715: "\u0e4a", 0xF716: "\u0e4b", 0xF717: "\u0e4c",
    0xF718: "\u0e38", 0xF719: "\u0e39", 0xF71A: "\u0e3a", 0xF71E: "\u0e4d", 0xF71F: "\u0e47",
    # Mac
    0xF884: "\u0e31", 0xF885: "\u0e34", 0xF886: "\u0e35", 0xF887: "\u0e36", 0xF888: "\u0e37",
    0xF889: "\u0e47",
    0xF88A: "\u0e48", 0xF88B: "\u0e48", 0xF88C: "\u0e48", 0xF88D: "\u0e49", 0xF88E: "\u0e49",
    0xF88F: "\u0e49", 0xF890: "\u0e4a", 0xF891: "\u0e4a", 0xF892: "\u0e4a", 0xF893: "\u0e4b",
    0xF894: "\u0e4b", 0xF895: "\u0e4b", 0xF896: "\u0e4c", 0xF897: "\u0e4c", 0xF898: "\u0e4c",
    0xF899: "\u0e4d", 0xF89A: "\u0e0d", 0xF89B: "\u0e38", 0xF89C: "\u0e39", 0xF89D: "\u0e3a",
    0xF89E: "\u0e10",
}

_SARA_AM_SPLIT = re.compile(f"{NIKHAHIT}([{TONE_MARKS}]?)\\s?{SARA_AA}")
_TONE_BEFORE_AM = re.compile(f"{SARA_AM}([{TONE_MARKS}])")
# Any space tidy_whitespace folds (a tab too): a space it would fold to " " and leave before a
# mark would be removed by a second cleaning, and cleaning must give the same text twice
_SPACE_BEFORE_MARK = re.compile(f"[ \t\u00a0\u2000-\u200a\u3000]+([{COMBINING_MARKS}{SARA_AM}])")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")

_HAS_PUA = re.compile("[\uf700-\uf8ff]")


def map_pua(text: str) -> str:
    return text.translate(PUA_TO_THAI) if _HAS_PUA.search(text) else text


def compose_sara_am(text: str) -> str:
    """NIKHAHIT [tone] SARA AA -> [tone] SARA AM; a tone typed after SARA AM moves before it."""
    text = _SARA_AM_SPLIT.sub(lambda m: m.group(1) + SARA_AM, text)
    return _TONE_BEFORE_AM.sub(lambda m: m.group(1) + SARA_AM, text)


def remove_space_before_marks(text: str) -> str:
    """A Thai combining mark never follows a space: such a space is an extraction artefact."""
    return _SPACE_BEFORE_MARK.sub(r"\1", text)


_TOKEN = re.compile(r"\S+")
_THAI_CHAR = re.compile("[\u0e01-\u0e4e]")


def _line_by_line(text: str, applies: Callable[[str], bool], repair: Callable[[str], str]) -> str:
    """`repair` each line of `text` that `applies` to (rules judged per printed line)."""
    return "\n".join(repair(line) if applies(line) else line for line in text.split("\n"))


# A letter with its marks (SARA AM has an advance of its own: fake bold doubles it apart).
_CLUSTER = re.compile(f"[^{COMBINING_MARKS}][{COMBINING_MARKS}]*|.")


# Three clusters, each twice in a row: how a token of six or more doubled clusters begins.
_THREE_DOUBLED_CLUSTERS = re.compile(
    "".join(f"(\\S[{COMBINING_MARKS}]*)\\{n}" for n in (1, 2, 3)))


def _doubled(token: str) -> Optional[list[str]]:
    """A token made of pairs of identical clusters (a letter with its marks): the clusters."""
    clusters = _CLUSTER.findall(token)
    pairs = len(clusters) >= 2 and len(clusters) % 2 == 0 and clusters[0::2] == clusters[1::2]
    return clusters if pairs else None


def undouble_overprint(text: str) -> str:
    """Fake bold read with no geometry to dedupe it (every glyph drawn twice, the copies read
    in turn): "ข้ข้ออมูมูลล" -> "ข้อมูล". A line is undoubled when it has a Thai token of three
    pairs or more; then every doubled token on it is ("9922..5500" -> "92.50"). A real word is
    never all pairs at that length."""
    def has_doubled_thai(line: str) -> bool:
        return any((c := _doubled(t)) and len(c) >= 6 and _THAI_CHAR.search(t) for t in _TOKEN.findall(line))

    def undouble(line: str) -> str:
        return _TOKEN.sub(lambda m: "".join(c[0::2]) if (c := _doubled(m.group(0))) else m.group(0), line)

    if not _THREE_DOUBLED_CLUSTERS.search(text):
        return text  # no three doubled clusters in a row, so no line to undouble (the common case)
    return _line_by_line(text, has_doubled_thai, undouble)


# One Thai letter (or leading vowel) with its marks, standing alone between single spaces.
_SPACED_CLUSTER = "[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
_LETTER_SPACED = re.compile(f"(?<![^\\s]){_SPACED_CLUSTER}(?: {_SPACED_CLUSTER}){{3,}}(?![^\\s])")
_LETTERS_SPACED = re.compile(f"(?<![^\\s]){_SPACED_CLUSTER}(?: {_SPACED_CLUSTER})+(?![^\\s])")


def join_letter_spacing(text: str) -> str:
    """A letter-spaced line (Thai distributed justification) read as letters between spaces:
    "ร า ย ง า น  ผ ล" -> "รายงาน  ผล". A line is letter-spaced when it has four or more lone
    letters in a row; then every run of lone letters on it is joined, and a wider gap (two
    spaces or more) stays a space."""
    return _line_by_line(text, lambda line: bool(_LETTER_SPACED.search(line)),
                         lambda line: _LETTERS_SPACED.sub(lambda m: m.group(0).replace(" ", ""), line))


_SPLIT_SPACE = re.compile("(?<=[\u0e01-\u0e4e]) (?=[\u0e01-\u0e4e])")
# Log-probability a join must win by. A phrase boundary wins nothing (0.0); over the sample
# texts' 491 real spaces and the real corpus's first pages, no real space with a known word
# across it wins more than 1.5; a compound split in two ("ติด ตาม") wins 4.4.
SPLIT_WORD_GAIN = 3.0
SPLIT_WORD_WINDOW = 12  # Thai characters on each side of the space that decide


def join_split_words(text: str) -> str:
    """A space inside a word, where a glyph run was split ("ประสิทธิ ภาพ", "มหาวิทยา ลัย"), is
    removed when the words on both sides read far better joined (pythainlp's newmm over the
    TNC frequencies). A space between two phrases ("ส่วนราชการ ได้จัดทำ") segments the same
    either way, so it stays: real phrases are never joined."""
    if " " not in text:
        return text
    out, last = [], 0
    for m in _SPLIT_SPACE.finditer(text):
        # The Thai letters before the space, back to the window's width (scanned by hand: a
        # regex anchored at the end would retry from every letter of a long run).
        start = m.start()
        begin = start
        while begin > max(last, start - SPLIT_WORD_WINDOW) and "\u0e01" <= text[begin - 1] <= "\u0e4e":
            begin -= 1
        right = THAI_LETTERS.match(text, m.end())
        if begin < start and right:
            a, b = text[begin:start], right.group(0)[:SPLIT_WORD_WINDOW]
            # the word test first: it segments only the joined text, and fails at most spaces
            if (_known_word_across(a, b)
                    and reading_score(a + b) - reading_score(a) - reading_score(b) >= SPLIT_WORD_GAIN):
                out.append(text[last:m.start()])
                last = m.end()
    out.append(text[last:])
    return "".join(out)


def _known_word_across(left: str, right: str) -> bool:
    """Does the joined text segment into a known word that spans the join? (Names are not
    in the word lists: "ชัชวาลย์ ฉายะบุตร" keeps its space.)"""
    if not known_word_spans(left, right):
        return False  # no token across the join can be a known word: no need to segment
    at = 0
    for token in words(left + right):
        if at < len(left) < at + len(token):
            return is_known_word(token)
        at += len(token)


def tidy_whitespace(text: str) -> str:
    """Fold runs of spaces within each line and trim lines; a run of blank lines (a known
    paragraph break) becomes one blank line.

    Only existing spaces are folded: no space is added or removed between Thai letters.
    """
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n ")
