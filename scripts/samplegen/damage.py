"""Damage some producers do to a PDF's text layer, and the fonts (copies of Sarabun made with
fontTools) that plant it: legacy PUA marks, a lost NIKHAHIT, runs split inside words, and
consonants garbled to other consonants' code points."""
from __future__ import annotations

import re
from pathlib import Path

from pythainlp.tokenize import word_tokenize


# Legacy Thai fonts (TH SarabunPSK, Angsana) put upper vowels and tone marks at Windows PUA
# code points; a PDF made with one extracts them as PUA characters.
LEGACY_PUA = {"\u0e34": "\uf701", "\u0e35": "\uf702", "\u0e36": "\uf703", "\u0e37": "\uf704",
              "\u0e48": "\uf70a", "\u0e49": "\uf70b", "\u0e4a": "\uf70c", "\u0e4b": "\uf70d",
              "\u0e4c": "\uf70e"}


def legacy_text(text: str) -> str:
    return text.translate(str.maketrans(LEGACY_PUA))


def lost_nikhahit_text(text: str) -> str:
    """How a font that maps its NIKHAHIT glyph to a space writes Thai: ำ as <space>า (a tone
    in between if there is one), real spaces as another space character (U+2008: fpdf2 turns
    NBSP back into a plain space in table cells)."""
    text = text.replace(" ", "\u2008")
    text = re.sub("([\u0e48-\u0e4b])\u0e33", " \\1\u0e32", text)
    return text.replace("\u0e33", " \u0e32")


def unicode_cmaps(font) -> list[dict]:
    """A font's Unicode cmaps, each once: fontTools hands subtables that share their data in
    the file (Sarabun's (0,3) and (3,1)) one dict, and a remapping done once per subtable
    would be done twice on it (a permutation applied twice draws other letters again)."""
    cmaps = {id(table.cmap): table.cmap for table in font["cmap"].tables if table.isUnicode()}
    return list(cmaps.values())


def lost_nikhahit_font(source: Path, target: Path) -> Path:
    """A copy of a Sarabun face whose space draws the NIKHAHIT glyph (zero advance) and whose
    U+2008 draws the space: the page shows คำนำ, its text layer says 'ค าน า'."""
    from fontTools.ttLib import TTFont as FontFile
    font = FontFile(str(source))
    for cmap in unicode_cmaps(font):
        space, nikhahit = cmap[0x20], cmap[0x0E4D]
        cmap[0x2008] = space
        cmap[0x20] = nikhahit
    font.save(str(target))
    return target


def legacy_font(source: Path, target: Path) -> Path:
    """A copy of a Sarabun face whose cmap also maps the PUA code points to the marks' glyphs."""
    from fontTools.ttLib import TTFont as FontFile
    font = FontFile(str(source))
    for cmap in unicode_cmaps(font):
        for real, pua in LEGACY_PUA.items():
            if ord(real) in cmap:
                cmap[ord(pua)] = cmap[ord(real)]
    font["name"].setName("SarabunLegacyPUA", 1, 3, 1, 0x409)
    font.save(str(target))
    return target


# A producer that breaks a line's glyph run inside words (justification, kerning, an editor's
# style runs) leaves a gap there: the text layer reads a space inside the word.
SPLIT_GAP = 3.0  # points between the pieces of a split run
SPLIT_EVERY = 3  # one known word in this many (of 4+ letters) is split
_LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"


def split_runs(line: str) -> list[str]:
    """The pieces a line is drawn in: some known words of four letters or more split between
    two clusters, where the next cluster starts with a consonant (as "สถิ ติภั ยคุ กคาม" in the
    Royal Gazette's layer). Names and other words in no word list are never split: no rule
    could tell them from two words, and the gold is what the page shows."""
    from pythainlp.corpus import thai_words
    known = thai_words()
    pieces, current, count = [], "", 0
    for word in word_tokenize(line, engine="newmm", keep_whitespace=True):
        letters = sum(1 for ch in word if "\u0e01" <= ch <= "\u0e2e")
        cut = None
        if word in known and letters >= 4:
            count += 1
            if count % SPLIT_EVERY == 0:
                # the first legal cut past the word's middle
                for i in range(len(word) // 2, len(word) - 1):
                    if "\u0e01" <= word[i] <= "\u0e2e" and word[i - 1] not in _LEADING_VOWELS:
                        cut = i
                        break
        if cut is None:
            current += word
        else:
            pieces.append(current + word[:cut])
            current = word[cut:]
    pieces.append(current)
    return [piece for piece in pieces if piece]


# A font whose cmap sends each consonant's code point to another consonant's glyph, so the
# page shows Thai and its text layer says other letters: the non-words of a broken legacy
# encoding (the Royal Gazette's layer is of this kind). Not repairable: the page is flagged.
_CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
GARBLE_SHIFT = 7


def garbled_text(text: str) -> str:
    n = len(_CONSONANTS)
    return text.translate({ord(c): _CONSONANTS[(i + GARBLE_SHIFT) % n] for i, c in enumerate(_CONSONANTS)})


def garbled_font(source: Path, target: Path) -> Path:
    """A copy of a Sarabun face where the code point garbled_text writes for a consonant
    draws that consonant."""
    from fontTools.ttLib import TTFont as FontFile
    font = FontFile(str(source))
    for cmap in unicode_cmaps(font):
        glyphs = {c: cmap.get(ord(c)) for c in _CONSONANTS}
        for c in _CONSONANTS:
            if glyphs[c]:
                cmap[ord(garbled_text(c))] = glyphs[c]
    font.save(str(target))
    return target

