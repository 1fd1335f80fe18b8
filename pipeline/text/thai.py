"""Thai text rules, in one place, each a small pure function with its own test.

Order matters (../shared/THAI_TEXT.md): PUA marks are mapped before SARA AM is composed,
and SARA AM is composed before spaces before marks are removed. Never NFKC/NFKD: they
decompose SARA AM; NFC is safe.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Callable, Iterable, Optional, TypeVar

T = TypeVar("T")

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
# Marks that sit above or below a base letter and never follow a space.
COMBINING_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"

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
_SPACE_BEFORE_MARK = re.compile(f"[ \u00a0]+([{COMBINING_MARKS}{SARA_AM}])")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")


def is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e5b"


def is_thai_letter(ch: str) -> bool:
    """Thai letters, vowels and marks; not Thai digits (a wrap beside a digit stands for a space)."""
    return "\u0e01" <= ch <= "\u0e4f"


def thai_share(text: str) -> float:
    """Share of Thai characters among the letters of text."""
    letters = [c for c in text if c.isalpha() or is_thai(c)]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_thai(c)) / len(letters)


_HAS_THAI_DIGIT = re.compile(f"[{THAI_DIGITS}]")
_HAS_PUA = re.compile("[\uf700-\uf8ff]")


# str.translate builds a new string char by char; most text has nothing to translate.
def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC) if _HAS_THAI_DIGIT.search(text) else text


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
_THAI_LETTERS = re.compile("[\u0e01-\u0e4e]+")


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
        right = _THAI_LETTERS.match(text, m.end())
        if begin < start and right:
            a, b = text[begin:start], right.group(0)[:SPLIT_WORD_WINDOW]
            # the word test first: it segments only the joined text, and fails at most spaces
            if (_known_word_across(a, b)
                    and _reading_score(a + b) - _reading_score(a) - _reading_score(b) >= SPLIT_WORD_GAIN):
                out.append(text[last:m.start()])
                last = m.end()
    out.append(text[last:])
    return "".join(out)


def _known_word_across(left: str, right: str) -> bool:
    """Does the joined text segment into a known word that spans the join? (Names are not
    in the word lists: "ชัชวาลย์ ฉายะบุตร" keeps its space.)"""
    at = 0
    for token in _words(left + right):
        if at < len(left) < at + len(token):
            return _is_known_word(token)
        at += len(token)
    return False


def tidy_whitespace(text: str) -> str:
    """Fold runs of spaces within each line and trim lines; a run of blank lines (a known
    paragraph break) becomes one blank line.

    Only existing spaces are folded: no space is added or removed between Thai letters.
    """
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n ")


def clean_text(text: Optional[str], *, arabic_digits: bool = True) -> Optional[str]:
    """The normaliser's rule for every text field, in the order the repairs must run."""
    if text is None:
        return None
    return _clean_text(text, arabic_digits)


# One document cleans the same line many times (each extractor's recognition, then its
# parse, then the normaliser); forget_document() empties this between documents.
@functools.lru_cache(maxsize=8192)
def _clean_text(text: str, arabic_digits: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    text = map_pua(text)
    text = undouble_overprint(text)
    text = compose_sara_am(text)
    text = remove_space_before_marks(text)
    text = join_letter_spacing(text)
    text = join_split_words(text)
    if arabic_digits:
        text = to_arabic_digits(text)
    return tidy_whitespace(text)


def forget_document() -> None:
    """Empty the memos of text work, which hold for one document: a run over an archive of
    copies would otherwise be timed on work done once."""
    _clean_text.cache_clear()
    _reading_score.cache_clear()
    _words.cache_clear()


def match_key(text: str) -> str:
    """A form for matching labels: clean, Arabic digits, no spaces at all."""
    return re.sub(r"\s+", "", clean_text(text) or "")


_PAGE_NUMBER = re.compile(
    r"^[\s\-–—(\[]*(?:หน้าที่|หน้า|page)?\s*[0-9๐-๙]{1,3}\s*(?:(?:/|จาก|of)\s*[0-9๐-๙]{1,4})?[\s\-–—)\]]*$",
    re.IGNORECASE)


def is_page_number(line: str) -> bool:
    """A page's number as documents print it: "- 2 -", "(๒)", "หน้า 2", "2/5", "หน้า 2 จาก 5".
    Four digits alone are a year (2552), not a page."""
    return bool(line.strip()) and bool(_PAGE_NUMBER.match(line))


# --- Wrapped lines -----------------------------------------------------------------------

# "-", "•", "1.", "1.1", "1)", "(1)": a bare number followed by a space is not a marker (it is
# far more often a wrapped "ครั้งที่ 1 ถึง ..." than an item).
_LIST_MARKER = re.compile(
    r"^\s*(?:[-•●○▪■◦*–]\s*|\(?[0-9๐-๙]{1,3}\)\s*|[0-9๐-๙]{1,3}\.(?:[0-9๐-๙]{1,3}\.?)*\s*)"
)


def is_list_marker_start(line: str) -> bool:
    """Does this line open a new item (bullet, "1.", "1.1", "(1)")?"""
    return bool(_LIST_MARKER.match(line))


def join_wrapped(first: str, second: str) -> str:
    """Join two pieces of one paragraph broken by a line wrap.

    Thai writes no spaces between words, so a Thai-Thai break joins with nothing, and so does
    a break after a hyphen between digits (office suites break "0-2222-4103" and "2555-2556"
    there); any other break stands for a space.
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


# --- Numbers -----------------------------------------------------------------------------

_NUMBER = re.compile(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?|[-−]?\.\d+")


def find_number(text: Optional[str]) -> Optional[str]:
    """The first number written in text (Thai or Arabic digits), as written, or None."""
    if not text:
        return None
    m = _NUMBER.search(to_arabic_digits(text))
    return m.group(0) if m else None


def parse_number(text: Optional[str]) -> Optional[float]:
    """"๐.๓๕๐๐" -> 0.35; "ร้อยละ 92.5" -> 92.5; "798,390 บาท" -> 798390; "-" -> None."""
    written = find_number(text)
    if written is None:
        return None
    return float(written.replace(",", "").replace("−", "-"))


_MULTIPLIERS = (("ล้านล้าน", 1e12), ("ล้าน", 1e6), ("แสน", 1e5), ("หมื่น", 1e4), ("พัน", 1e3))


def parse_baht(text: Optional[str]) -> Optional[float]:
    """An amount of money in baht: "798,390 บาท" -> 798390; "1.5 ล้านบาท" -> 1500000;
    "๒๐ ล้านบาท" -> 20000000. The unit word right after the number scales it."""
    written = find_number(text)
    if written is None:
        return None
    value = float(written.replace(",", "").replace("−", "-"))
    arabic = to_arabic_digits(text or "")
    after = re.sub(r"\s+", "", arabic[arabic.index(written) + len(written):])
    for word, factor in _MULTIPLIERS:
        if after.startswith(word):
            return value * factor
    return value


def decimals_written(text: Optional[str]) -> int:
    """How many decimals the number in text was written with ("0.2000" -> 4)."""
    written = find_number(text)
    if not written or "." not in written:
        return 0
    return len(written.split(".", 1)[1])


# --- Dates -------------------------------------------------------------------------------

THAI_MONTHS = {
    "มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6,
    "กรกฎาคม": 7, "สิงหาคม": 8, "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11, "ธันวาคม": 12,
}
THAI_MONTH_ABBREVIATIONS = {
    "ม.ค.": 1, "ก.พ.": 2, "มี.ค.": 3, "เม.ย.": 4, "พ.ค.": 5, "มิ.ย.": 6,
    "ก.ค.": 7, "ส.ค.": 8, "ก.ย.": 9, "ต.ค.": 10, "พ.ย.": 11, "ธ.ค.": 12,
}

_MONTH_ALT = "|".join(
    sorted((re.escape(m) for m in [*THAI_MONTHS, *THAI_MONTH_ABBREVIATIONS]), key=len, reverse=True)
)
# An abbreviation must be followed by a space and a year or end; "ก.พ.ร." (an agency) is not
# February, hence the look-behind on the preceding character and the look-ahead after.
_DATE = re.compile(
    rf"(?<![\u0e01-\u0e4e.\d])(?:(?P<day>\d{{1,2}})\s*)?(?P<month>{_MONTH_ALT})(?![\u0e01-\u0e4e.])"
    rf"(?:\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(?P<year>\d{{4}}|\d{{2}})(?!\d))?"
)


def year_to_ce(year: int) -> Optional[int]:
    """A year as written -> Common Era. Two digits are BE 25xx; four digits over 2400 are BE."""
    if year < 100:
        year += 2500
    if 2400 <= year <= 2700:
        return year - 543
    if 1900 <= year <= 2200:
        return year
    return None


def be_to_ce(year_be: int) -> int:
    return year_be - 543


def _month_number(name: str) -> int:
    return THAI_MONTHS.get(name) or THAI_MONTH_ABBREVIATIONS[name]


def parse_thai_date(text: str) -> Optional[dt.date]:
    """"13 พฤศจิกายน 2551" -> 2008-11-13; "๒ พฤษภาคม ๒๕๕๕" -> 2012-05-02. Whole dates only."""
    for found in find_dates(text):
        return dt.date.fromisoformat(found)
    return None


def parse_thai_month(text: str) -> Optional[tuple[int, int]]:
    """"ต.ค. 49" -> (2006, 10): a month and year, Common Era."""
    m = _DATE.search(to_arabic_digits(text))
    if not m or not m.group("year"):
        return None
    year = year_to_ce(int(m.group("year")))
    return (year, _month_number(m.group("month"))) if year else None


def find_dates(text: str) -> list[str]:
    """Every whole date (day, month, year) in text, ISO, Common Era, in order.

    In a range "13 มิถุนายน - 24 กรกฎาคม 2555" the first date takes the year of the second.
    """
    text = to_arabic_digits(text)
    matches = list(_DATE.finditer(text))
    found: list[str] = []
    for i, m in enumerate(matches):
        if not m.group("day"):
            continue
        year_text = m.group("year")
        if not year_text and i + 1 < len(matches):
            between = text[m.end():matches[i + 1].start()]
            if re.fullmatch(r"\s*[-–ถึง]+\s*", between):
                year_text = matches[i + 1].group("year")
        if not year_text:
            continue
        year = year_to_ce(int(year_text))
        if year is None:
            continue
        try:
            day = dt.date(year, _month_number(m.group("month")), int(m.group("day")))
        except ValueError:
            continue
        found.append(day.isoformat())
    return found


# --- Can this page's text be trusted? ------------------------------------------------------

_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]")
_CID = re.compile(r"\(cid:\d+\)")
_UNMAPPED_PUA = re.compile("[\ue000-\uf8ff]")
_MOJIBAKE = re.compile("[àÃ][\u0080-\u00bf¸¹º]")
# "ค าน า", "ส านัก", "จ านวน": a consonant, a space, then SARA AA: a NIKHAHIT lost to a space.
_LOST_NIKHAHIT = re.compile("[\u0e01-\u0e2e][\u0e48-\u0e4b]? \u0e32")
_ORPHAN_MARK = re.compile(f"(?:^|[^\u0e01-\u0e2e\u0e30-\u0e4e])[{COMBINING_MARKS}]", re.MULTILINE)


def text_layer_problem(text: str) -> Optional[str]:
    """Why a page's extracted text cannot be trusted, or None. Signals from
    ../shared/THAI_TEXT.md: glyphs with no Unicode (control characters, (cid:N), unmapped
    private-use code points), mojibake, a NIKHAHIT lost to a space, orphan marks, a page of
    Thai prose in which SARA AM and MAI EK never occur (glyphs lost silently), and a page
    whose Thai is too often not words."""
    stripped = re.sub(r"\s+", "", text)
    if len(stripped) < 40:
        return None
    n = len(stripped)
    thai = sum(1 for c in stripped if "\u0e01" <= c <= "\u0e5b")
    checks = [
        (len(_CONTROL.findall(text)) / n > 0.01, "control characters where glyphs should be"),
        (len(_CID.findall(text)) >= 5, f"{len(_CID.findall(text))} glyphs without Unicode ((cid:N))"),
        (len(_UNMAPPED_PUA.findall(map_pua(text))) / n > 0.01, "private-use glyphs with no Unicode mapping"),
        (len(_MOJIBAKE.findall(text)) >= 5, "Thai decoded as Latin-1 (mojibake)"),
        (len(_LOST_NIKHAHIT.findall(text)) >= 3,
         f"SARA AM lost to a space {len(_LOST_NIKHAHIT.findall(text))} times (e.g. 'ค าน า')"),
        (thai >= 30 and len(_ORPHAN_MARK.findall(text)) / thai > 0.02, "vowel and tone marks with no base letter"),
        (thai >= 1500 and "\u0e33" not in text and "\u0e48" not in text,
         f"no SARA AM or MAI EK in {thai} Thai characters: glyphs lost"),
    ]
    if thai >= NON_WORD_MIN_THAI and not any(failed for failed, _ in checks):
        share = dictionary_share(text)
        if share is not None and share < NON_WORD_SHARE:
            checks.append((True, f"only {share:.0%} of its Thai reads as words: letters or marks dropped or scrambled"))
    reasons = [reason for failed, reason in checks if failed]
    if not reasons and thai < 0.2 * n and n >= 200 and _latin_gibberish(text):
        reasons.append("letters that form no words (a garbage text layer)")
    return "; ".join(reasons) or None


NON_WORD_MIN_THAI = 200  # Thai characters a page needs before its share of words is judged
NON_WORD_SHARE = 0.75  # clean and repaired pages read 0.85-1.0; marks lost in the file, 0.65
NON_WORD_SAMPLE = 800  # Thai characters tokenised to estimate the share (tokenising costs time)


def dictionary_share(text: str) -> Optional[float]:
    """The share of a text's Thai (by characters, over its first NON_WORD_SAMPLE) that
    pythainlp's newmm segments into known words (its dictionary or the TNC list, offline)."""
    total = known = 0
    for run in _THAI_LETTERS.findall(text):
        for token in _words(run):
            total += len(token)
            known += len(token) if _is_known_word(token) else 0
        if total >= NON_WORD_SAMPLE:
            break
    return known / total if total else None


def _latin_gibberish(text: str) -> bool:
    """A text layer of Latin letters that are mostly not words: scanner OCR that read Thai as
    Latin, or glyphs mapped to the wrong letters."""
    words = re.findall(r"[A-Za-z#@>!?0-9]+", text)
    if len(words) < 30:
        return False
    vowelless = sum(1 for w in words if len(w) >= 3 and not re.search(r"[aeiouyAEIOUY]", w))
    symbols = sum(1 for w in words if re.search(r"[#@>!?]", w))
    return (vowelless + symbols) / len(words) > 0.3


# --- Lost glyphs ----------------------------------------------------------------------------

# What a reader puts where the text layer has a glyph with no text: a zero-width space, U+FFFD
# or (cid:N) between Thai letters ("ค าน า", "ส�านัก"). It is never left in a record.
LOST_GLYPH = "\ufffc"
_LOST_FILLERS = ("\u0e33", "\u0e48", "\u0e49", "\u0e4a", "\u0e4b", "\u0e34", "\u0e35", "\u0e36",
                 "\u0e37", "\u0e31", "\u0e47", "\u0e4c", "")
# Log-odds in favour of a filler before the words speak: the glyph fonts most often map to a
# space is NIKHAHIT (the "ค าน า" signature), so between two equally good readings
# ("ค่ารับรอง" / "คำรับรอง") SARA AM wins; a clearly better reading still wins ("ล้านบาท").
LOST_GLYPH_PRIOR = {"\u0e33": 3.0}
LOST_GLYPH_WINDOW = 12  # characters of the run on each side of a gap that decide its filler
_THAI_RUN = re.compile(f"[\u0e01-\u0e4e{LOST_GLYPH}]+")


@functools.lru_cache(maxsize=1)
def _word_lists() -> tuple[dict[str, int], frozenset]:
    """The TNC word frequencies and pythainlp's word list, both bundled (offline), loaded once."""
    from pythainlp.corpus import thai_words, tnc
    return dict(tnc.word_freqs()), frozenset(thai_words())


def _is_known_word(word: str) -> bool:
    freqs, words = _word_lists()
    return word in freqs or word in words


@functools.lru_cache(maxsize=1)
def _word_log_probability() -> Callable[[str], float]:
    """log P(word) from the TNC word frequencies pythainlp bundles (offline)."""
    import math
    freqs, words = _word_lists()
    total = float(sum(freqs.values()))
    rare = math.log(0.5 / total)  # in the tokenizer's dictionary, not in TNC (compounds)

    def logp(word: str) -> float:
        if word in freqs:
            return math.log(freqs[word] / total)
        # a chunk in neither word list is no word: it costs more the longer it is
        return rare if word in words else rare - 2 * len(word)

    return logp


# A document segments the same runs of Thai again and again (its headings, its table labels,
# each repair's window); forget_document() empties this between documents.
@functools.lru_cache(maxsize=65536)
def _words(run: str) -> tuple[str, ...]:
    """pythainlp's newmm segmentation of a run of Thai letters (no whitespace in it):
    word_tokenize(run, engine="newmm", keep_whitespace=False). Thai letters alone are
    segmented by newmm directly: word_tokenize's steps after it (stripping whitespace,
    rejoining numbers split at separators) change nothing there and took a third of the time."""
    if _THAI_LETTERS.fullmatch(run):
        from pythainlp.tokenize.newmm import segment
        return tuple(segment(run))
    from pythainlp.tokenize import word_tokenize
    return tuple(word_tokenize(run, engine="newmm", keep_whitespace=False))


@functools.lru_cache(maxsize=65536)
def _reading_score(run: str) -> float:
    """How probable a run of Thai is as words: the best segmentation's log probability."""
    logp = _word_log_probability()
    return sum(logp(t) for t in _words(run))


def repair_lost_glyphs(text: str) -> tuple[str, int]:
    """Fill each LOST_GLYPH by word frequency: "ค<lost>าน<lost>า" -> "คำนำ", "ล<lost>านบาท" ->
    "ล้านบาท", "ค<lost>าใช้จ่าย" -> "ค่าใช้จ่าย". Returns the text and how many were filled.

    Run by run, left to right; each choice scores its run with the later gaps left out. A lost
    glyph outside Thai letters is dropped.
    """
    if LOST_GLYPH not in text:
        return text, 0
    count = 0
    out, last = [], 0
    for m in _THAI_RUN.finditer(text):
        out.append(text[last:m.start()])
        run = m.group(0)
        while LOST_GLYPH in run:
            at = run.index(LOST_GLYPH)
            before, rest = run[:at], run[at + 1:]
            # Words around the gap decide: a window of the run, not all of it (long runs are
            # slow to segment, and far-off words score the same whatever fills the gap).
            left, right = before[-LOST_GLYPH_WINDOW:], rest.replace(LOST_GLYPH, "")[:LOST_GLYPH_WINDOW]
            best = max(_LOST_FILLERS, key=lambda f: _reading_score(_filled(left, f, right))
                       + LOST_GLYPH_PRIOR.get(f, 0.0))
            run = _filled(before, best, rest)
            count += 1
        out.append(run)
        last = m.end()
    out.append(text[last:])
    return "".join(out).replace(LOST_GLYPH, ""), count


def _filled(before: str, filler: str, after: str) -> str:
    if filler == "\u0e33" and after.startswith("\u0e32"):
        return before + "\u0e33" + after[1:]   # NIKHAHIT lost: "<lost>า" was ำ
    if filler == "\u0e33" and after[:1] in TONE_MARKS and after[1:2] == "\u0e32":
        return before + after[0] + "\u0e33" + after[2:]   # "น<lost>้า" was น้ำ
    return before + filler + after
