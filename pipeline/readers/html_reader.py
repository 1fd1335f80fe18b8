"""HTML bytes -> ParsedDocument: decode Thai correctly, then lines of cells in reading order."""
from __future__ import annotations

import codecs
import email
import re
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from thaikpi.pipeline.text import text_layer_problem, thai_share
from thaikpi.pipeline.errors import InputError
from thaikpi.pipeline.readers.html_boxes import drawn_box
from thaikpi.pipeline.readers.symbol_fonts import symbol_char, symbol_font
from thaikpi.schemas.parsed import Line, ParsedDocument

# Names Thai pages declare that Python does not know, or knows by another name.
_CHARSET_ALIASES = {
    "windows-874": "cp874", "x-windows-874": "cp874", "ms874": "cp874", "dos-874": "cp874",
    "tis-620": "cp874", "tis620": "cp874", "iso-8859-11": "cp874", "iso8859-11": "cp874",
    "x-tis-620": "cp874",
}
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "section", "tr", "ul", "caption",
}
SKIP_TAGS = {"script", "style", "noscript", "head", "template", "iframe", "object", "svg", "button", "select"}
CHECKED_BOX, EMPTY_BOX = "☑", "☐"


def _python_codec(name: str) -> Optional[str]:
    name = name.strip().lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> Optional[str]:
    head = data[:4096]
    m = _DECLARED.search(head) or _XML_DECL.search(head)
    return _python_codec(m.group(1).decode("ascii", "ignore")) if m else None


def decode_html(data: bytes, charset: Optional[str] = None) -> tuple[str, str]:
    """Bytes -> (text, codec): decode_page's, without what was repaired."""
    text, codec, _repair = decode_page(data, charset)
    return text, codec


def decode_page(data: bytes, charset: Optional[str] = None) -> tuple[str, str, Optional["Repair"]]:
    """Bytes -> (text, codec, what was repaired: None for a page that decodes whole). Checks that what it decodes is Thai where Thai is possible.

    Generic detectors take windows-874 Thai for Korean or Japanese; a declared charset may be
    wrong or unknown to Python. So: BOM, then the declaration, UTF-8, and cp874, keeping the
    first strict decoding whose letters are Thai; a page that is Thai in no decoding keeps the
    first strict one; a page that decodes strictly in none is salvaged (salvage). `charset` is what the page's container says (an MHTML part's header),
    tried after the page's own declaration.

    Not charset-normalizer, as detector or as fallback: on short Thai windows-874 text it
    answers cp932 or utf_16_le ("ทดสอบ", "<p>ตัวชี้วัด</p>"), and where every candidate here
    fails (a Thai page with a stray byte) it finds nothing either; all it would add is a guess
    at non-Thai legacy pages, which hold no Thai report.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec, None
    candidates: list[str] = []
    for codec in (declared_charset(data), charset and _python_codec(charset), "utf-8", "cp874"):
        if codec and codec not in candidates:
            candidates.append(codec)
    decoded: list[tuple[str, str]] = []
    for codec in candidates:
        try:
            decoded.append((data.decode(codec), codec))
        except UnicodeDecodeError:
            continue
    for text, codec in decoded:
        if thai_share(text) > 0.3:
            return text, codec, None
    if decoded:
        return *decoded[0], None
    return salvage(data, candidates)


@dataclass(frozen=True)
class Repair:
    """Byte sequences no candidate decodes, replaced by U+FFFD: how many, and where the first is."""
    count: int
    first_offset: int
    codec: str


def salvage(data: bytes, candidates: list[str]) -> tuple[str, str, Repair]:
    """A page that decodes strictly in no candidate (a split last character, a flipped byte):
    decoded by the candidate that needs the fewest replacements (the first of equals), each
    undecodable sequence U+FFFD. Refused (`encoding`) only when most of its non-ASCII bytes
    are undecodable: then there is no text to keep."""
    best: Optional[tuple[int, str, str]] = None
    for codec in candidates:
        text = data.decode(codec, errors="replace")
        count = text.count("\ufffd") - (data.count("\ufffd".encode(codec)) if codec.startswith("utf") else 0)
        if best is None or count < best[0]:
            best = (count, text, codec)
    non_ascii = sum(1 for b in data if b >= 0x80)
    if best is None or best[0] * 2 > non_ascii:
        raise InputError("encoding", "the HTML decodes neither as its declared charset, UTF-8 nor windows-874 "
                                     "(most of its bytes are undecodable)")
    count, text, codec = best
    try:
        data.decode(codec)
        first = 0
    except UnicodeDecodeError as exc:
        first = exc.start
    return text, codec, Repair(count, first, codec)


def _inline_text(node, symbol_family: Optional[str] = None) -> str:
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        text = re.sub(r"\s+", " ", str(node))
        if symbol_family:
            text = "".join(symbol_char(symbol_family, ch, False) or ch for ch in text)
        return text
    return ""


# A font-family, or Word's name of the symbol font it draws a char from; the first family
# listed is the one that draws
_FONT_FAMILY = re.compile(r"(?:^|;)\s*(?:font-family|mso-symbol-font-family)\s*:\s*([^;,]+)", re.IGNORECASE)


def _font_family(tag: Tag) -> str:
    """The font a tag sets for its text ("" for one that sets none), by its style or <font face>."""
    if tag.name == "font" and tag.get("face"):
        family = str(tag["face"]).split(",")[0]
    else:
        found = _FONT_FAMILY.findall(str(tag.get("style", "")))
        # Word names the symbol font last (mso-symbol-font-family), after a font-family that
        # may be the text's own
        family = found[-1] if found else ""
    return family.strip(" '\"")


class _Walker:
    """Turns a DOM into Lines. Inline content joins without spaces (a tag inside a Thai word
    must not split it); block elements break lines; data tables become rows of cells."""

    def __init__(self, symbol_family: Optional[str] = None) -> None:
        self.lines: list[Line] = []
        self.next_table = 0
        self._buffer: list[str] = []
        # the symbol font (symbol_fonts) that draws the text being walked, if any: Word's web
        # pages set ticks and boxes as Wingdings letters ("þ" is ☑)
        self.symbol_family = symbol_family

    def flush(self) -> None:
        text = "".join(self._buffer).strip()
        self._buffer = []
        for part in text.split("\n"):
            if part.strip():
                self.lines.append(Line(cells=(part.strip(),), page=1, paragraph_start=True))

    def walk(self, node) -> None:
        """Reads the node's children, in order. Iteratively: a page of unclosed tags nests its
        DOM hundreds of levels deep (lxml puts each row of a table inside the last cell's open
        <font>), past Python's recursion limit. `todo` holds what is left, last first: steps,
        each a function of one item and the list."""
        self._run([(self._push_children, node)])

    @staticmethod
    def _run(todo: list[tuple[Callable, object]]) -> None:
        while todo:
            step, item = todo.pop()
            step(item, todo)

    def _push_children(self, node, todo: list) -> None:
        todo.extend((self._read, child) for child in reversed(node.contents))

    def _read(self, child, todo: list) -> None:
        if isinstance(child, NavigableString):
            self._buffer.append(_inline_text(child, self.symbol_family))
            return
        if not isinstance(child, Tag) or child.name in SKIP_TAGS:
            return
        self._take_font(child, todo)
        self._read_tag(child, todo)

    def _read_cell(self, cell: Tag, todo: list) -> None:
        """A table's cell: a block, in its own symbol font (if it sets one)."""
        self._take_font(cell, todo)
        todo.append((self._flush_step, None))
        todo.append((self._push_children, cell))

    def _take_font(self, tag: Tag, todo: list) -> None:
        """The symbol font a tag sets (or unsets) holds for its text; the outer one is back once
        the steps `todo` holds now, the tag's, are done."""
        family = _font_family(tag)
        if family:
            todo.append((self._set_symbol_family, self.symbol_family))
            self.symbol_family = symbol_font(family)

    def _set_symbol_family(self, family: Optional[str], todo: list) -> None:
        self.symbol_family = family

    def _flush_step(self, _item, todo: list) -> None:
        self.flush()

    def _read_tag(self, child: Tag, todo: list) -> None:
        if child.name == "table":
            self.flush()
            self.table(child, todo)
        elif child.name == "pre":
            # Preformatted text keeps its lines; tab-separated fields are cells (a table
            # flattened to text, as some systems print one under the table itself).
            self.flush()
            for raw in child.get_text().split("\n"):
                cells = tuple(c.strip() for c in raw.split("\t"))
                if any(cells):
                    self.lines.append(Line(cells=cells, page=1, paragraph_start=True))
        elif child.name == "input":
            self._buffer.append(_checkbox(child))
        elif child.name not in BLOCK_TAGS and (box := drawn_box(child)) is not None:
            self._buffer.append(box)
        elif child.name in BLOCK_TAGS:
            self.flush()
            if child.name == "li" and _bulleted(child):
                self._buffer.append("• ")
            todo.append((self._flush_step, None))  # a block ends its line
            todo.append((self._push_children, child))
        else:
            todo.append((self._push_children, child))

    def table(self, table: Tag, todo: list) -> None:
        rows = _rows(table)
        if any(_holds_table(cell) for row in rows for cell in row):
            # A layout table (cells hold tables): its cells are blocks, read in order (by
            # `todo`: such tables nest as deep as a page's unclosed tags)
            todo.extend((self._read_cell, cell) for row in reversed(rows) for cell in reversed(row))
            return
        table_id = self.next_table
        self.next_table += 1
        carried: dict[int, int] = {}  # column -> rows still covered by a rowspan above
        for row in rows:
            cells: list[str] = []
            col = 0
            for cell in row:
                while carried.get(col, 0) > 0:
                    carried[col] -= 1
                    cells.append("")
                    col += 1
                cells.append(cell_text(cell, self.symbol_family))
                span = _int_attr(cell, "colspan")
                cells.extend([""] * (span - 1))
                rowspan = _int_attr(cell, "rowspan")
                for c in range(col, col + span):
                    if rowspan > 1:
                        carried[c] = rowspan - 1
                col += span
            while carried.get(col, 0) > 0:
                carried[col] -= 1
                cells.append("")
                col += 1
            if any(c.strip() for c in cells):
                self.lines.append(Line(cells=tuple(cells), page=1, table=table_id))


def _int_attr(tag: Tag, name: str) -> int:
    try:
        return max(1, int(str(tag.get(name, "1")).strip()))
    except ValueError:
        return 1


def _bulleted(li: Tag) -> bool:
    parent = li.parent
    style = " ".join(str(p.get("style", "")) for p in (li, parent) if isinstance(p, Tag))
    return parent is not None and parent.name == "ul" and "none" not in style.replace(" ", "")


def _checkbox(node: Tag) -> str:
    if str(node.get("type", "")).lower() not in ("checkbox", "radio"):
        return ""
    return (CHECKED_BOX if node.has_attr("checked") else EMPTY_BOX) + " "


# bs4's find and find_all build a matcher on every call, which costs more than walking a
# cell's few nodes: a page of 20,000 rows spent half its reading there.

def _rows(table: Tag) -> list[list[Tag]]:
    return [[c for c in tr.contents if isinstance(c, Tag) and c.name in ("td", "th")] for tr in _own_rows(table)]


def _holds_table(cell: Tag) -> bool:
    return any(isinstance(node, Tag) and node.name == "table" for node in cell.descendants)


def _own_rows(table: Tag) -> Iterator[Tag]:
    for child in table.children:
        if isinstance(child, Tag):
            if child.name == "tr":
                yield child
            elif child.name in ("thead", "tbody", "tfoot"):
                yield from (tr for tr in child.children if isinstance(tr, Tag) and tr.name == "tr")


def cell_text(cell: Tag, symbol_family: Optional[str] = None) -> str:
    """A cell's text; `symbol_family` is the symbol font the cell's text inherits, if any."""
    walker = _Walker(symbol_family)
    walker._run([(walker._read_cell, cell)])
    # Each block of a cell is a paragraph of its own: a blank line says so.
    return "\n\n".join(line.text for line in walker.lines)


def read_html(data: bytes, charset: Optional[str] = None) -> ParsedDocument:
    text, _codec, repair = decode_page(data, charset)
    soup = BeautifulSoup(text, "lxml")
    body = soup.body or soup
    walker = _Walker()
    walker.walk(body)
    walker.flush()
    if not walker.lines:
        raise InputError("empty", "the HTML page has no text")
    doc = ParsedDocument(format="html", pages=1, lines=walker.lines)
    if repair is not None:
        doc.encoding_repairs = (repair.count, repair.first_offset, repair.codec)
    problem = text_layer_problem("\n".join(line.text for line in walker.lines))
    if problem:
        doc.garbled_pages[1] = problem
    return doc


def read_mhtml(data: bytes) -> ParsedDocument:
    """A web page saved as one file (MHTML, .mht: Internet Explorer's and Word's "web archive",
    common in the archive's 2007-2012 years): its first HTML part, undone from its transfer
    encoding (quoted-printable, base64), read as HTML with the part's charset."""
    message = email.message_from_bytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            page = part.get_payload(decode=True)
            if page and page.strip():
                return read_html(page, part.get_content_charset())
    raise InputError("empty", "the saved web page (MHTML) holds no HTML part")
