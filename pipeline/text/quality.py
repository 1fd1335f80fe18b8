"""Can a page's text be trusted? The share of Thai in a text, and the signals of a garbled
text layer (../shared/THAI_TEXT.md): glyphs with no Unicode, mojibake, lost SARA AM, orphan
marks, lost glyphs, Thai that is mostly not words, Latin gibberish."""
from __future__ import annotations

import re
from typing import Optional

from thaikpi.pipeline.text.letters import COMBINING_MARKS, is_thai
from thaikpi.pipeline.text.repair import map_pua
from thaikpi.pipeline.text.words import dictionary_share

NON_WORD_MIN_THAI = 200  # Thai characters a page needs before its share of words is judged
NON_WORD_SHARE = 0.75  # clean and repaired pages read 0.85-1.0; marks lost in the file, 0.65


def thai_share(text: str) -> float:
    """Share of Thai characters among the letters of text."""
    letters = [c for c in text if c.isalpha() or is_thai(c)]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_thai(c)) / len(letters)


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
        share = dictionary_share(text, enough=NON_WORD_SHARE)  # stops once sure to pass
        if share is not None and share < NON_WORD_SHARE:
            checks.append((True, f"only {share:.0%} of its Thai reads as words: letters or marks dropped or scrambled"))
    reasons = [reason for failed, reason in checks if failed]
    if not reasons and thai < 0.2 * n and n >= 200 and _latin_gibberish(text):
        reasons.append("letters that form no words (a garbage text layer)")
    return "; ".join(reasons) or None


def _latin_gibberish(text: str) -> bool:
    """A text layer of Latin letters that are mostly not words: scanner OCR that read Thai as
    Latin, or glyphs mapped to the wrong letters."""
    words = re.findall(r"[A-Za-z#@>!?0-9]+", text)
    if len(words) < 30:
        return False
    vowelless = sum(1 for w in words if len(w) >= 3 and not re.search(r"[aeiouyAEIOUY]", w))
    symbols = sum(1 for w in words if re.search(r"[#@>!?]", w))
    return (vowelless + symbols) / len(words) > 0.3
