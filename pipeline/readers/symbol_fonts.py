"""What a symbol font's glyphs mean, as Unicode.

Word sets ticks, crosses, checkboxes and bullets in Wingdings, whose codes are Latin letters
(Wingdings' "þ" is ☑), and a PDF carries such a glyph as that letter, as a private-use code
point (Word's U+F0FE for "þ"), or with no Unicode at all: pdfminer's "(cid:N)", where in a
Type0 font N is the glyph's index in the font. A report's "achieved" column (✓ / ✗) and its
round checkboxes are read from these, so they must come out as the symbols they are.

Only glyphs that carry meaning in reports are named (marks, boxes, bullets); any other glyph
of a symbol font is left as the PDF gives it. Tables hold the font's code (a byte) and the
character a reader sees; a few Unicode 7 pictographs are given as their older, common forms
(Wingdings 2's "P" is U+1F5F8 LIGHT CHECK MARK, given as ✓)."""
from typing import Optional

SYMBOL_GLYPHS: dict[str, dict[int, str]] = {
    "wingdings": {
        0x6C: "●", 0x6E: "■", 0x6F: "□", 0x70: "□", 0x71: "❑", 0x72: "❒", 0x75: "◆", 0x76: "❖",
        0x78: "☒", 0x9F: "•", 0xA7: "▪", 0xA8: "☐", 0xD8: "➢", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒",
        0xFE: "☑",
    },
    "wingdings2": {
        0x4F: "✗", 0x50: "✓", 0x51: "☒", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0x98: "●", 0x99: "○",
        0xA2: "■", 0xA3: "□",
    },
    # Adobe's Symbol (a standard font): criteria's "≥ 80" and Greek, which pdfminer reads as
    # the codes' letters (">" is "³", α is "a"); digits and ASCII punctuation are themselves
    "symbol": {
        **dict(zip(b"abcdefghijklmnopqrstuvwxyz", "αβχδεφγηιϕκλμνοπθρστυϖωξψζ")),
        **dict(zip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")),
        0xA3: "≤", 0xB3: "≥", 0xB9: "≠", 0xBB: "≈", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xB0: "°",
        0xB7: "•", 0xBC: "…", 0xA5: "∞", 0xD6: "√", 0xE5: "∑", 0xAC: "←", 0xAD: "↑", 0xAE: "→",
        0xAF: "↓", 0xDC: "⇐", 0xDE: "⇒", 0xA2: "′", 0xB2: "″",
    },
    # Adobe's ZapfDingbats (a standard font, often not embedded): pdfminer gives its codes
    "zapfdingbats": {
        0x33: "✓", 0x34: "✔", 0x35: "✕", 0x36: "✖", 0x37: "✗", 0x38: "✘", 0x6C: "●", 0x6E: "■",
        0x6F: "❏", 0x70: "❐", 0x71: "❑", 0x72: "❒", 0x75: "◆", 0x76: "❖",
    },
}

# Microsoft's symbol fonts keep their glyphs in code order after three (.notdef, .null, CR):
# code 0x20 is glyph 3. Word's PDFs keep those indexes in a subset, and map glyph 3 to a space.
GLYPH_INDEX_OFFSET = {"wingdings": 29, "wingdings2": 29}

# Word writes a symbol font's code as U+F000 + code
_SYMBOL_PUA = 0xF000


def symbol_font(fontname: str) -> Optional[str]:
    """The SYMBOL_GLYPHS key of a font's name ("JGDNEP+Wingdings2", "Wingdings-Regular",
    "Wingdings 2"), or None for any other font."""
    name = fontname.rpartition("+")[2].lower().replace(" ", "").replace("-", "").replace(",", "")
    if name in ("symbol", "symbolmt"):  # not "Symbola", a font of real Unicode letters
        return "symbol"
    for family in ("wingdings2", "wingdings", "zapfdingbats"):
        if name.startswith(family) and not (family == "wingdings" and name[9:10].isdigit()):
            return family
    return None


def symbol_char(family: str, text: str, cid_is_glyph_index: bool) -> Optional[str]:
    """The meaning of a glyph of a symbol font that the PDF gives as `text`, or None where it
    is not one the table names or is already given as a symbol. `cid_is_glyph_index`: the
    font is a Type0 font, whose "(cid:N)" names glyph N (a simple font's names code N)."""
    if text.startswith("(cid:") and text.endswith(")"):
        code = int(text[5:-1])
        if cid_is_glyph_index:
            offset = GLYPH_INDEX_OFFSET.get(family)
            if offset is None:
                return None
            code += offset
    elif len(text) == 1:
        code = ord(text)
        if _SYMBOL_PUA + 0x20 <= code <= _SYMBOL_PUA + 0xFF:
            code -= _SYMBOL_PUA
    else:
        return None
    return SYMBOL_GLYPHS[family].get(code)
