"""Thai words, by pythainlp (offline: its word list and the TNC frequencies it bundles):
newmm segmentation of a run of Thai letters, whether a token is a known word, how probable
a run is as words, and the share of a text's Thai that reads as words."""
from __future__ import annotations

import contextlib
import functools
from bisect import bisect_left
import math
import os
import re
import tempfile
from contextvars import ContextVar
from itertools import accumulate
from typing import Callable, Iterator, NamedTuple, Optional

THAI_LETTERS = re.compile("[\u0e01-\u0e4e]+")
NON_WORD_SAMPLE = 800  # Thai characters tokenised to estimate the share (tokenising costs time)


@functools.lru_cache(maxsize=1)
def _word_lists() -> tuple[dict[str, int], frozenset]:
    """The TNC word frequencies and pythainlp's word list, both bundled (offline), loaded once."""
    from pythainlp.corpus import thai_words, tnc
    return dict(tnc.word_freqs()), frozenset(thai_words())


def is_known_word(word: str) -> bool:
    freqs, known = _word_lists()
    return word in freqs or word in known


class SortedWords:
    """A word list sorted, asked as pythainlp's Trie is asked (`prefixes`): the words that begin
    with a piece of text follow each other from where the piece would be inserted, so a piece
    is grown only while some word begins with it, each step a binary search."""

    def __init__(self, words) -> None:
        self.ordered = sorted(words)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """Trie.prefixes: the words that begin at `start` in text, shortest first."""
        return list(self.words_at(text, start))

    def words_at(self, text: str, start: int, shortest: int = 1) -> Iterator[str]:
        """The words that begin at `start` in text, of `shortest` letters or more, shortest
        first, found as they are asked for."""
        ordered, at = self.ordered, 0
        end = len(ordered)
        for stop in range(start + shortest, len(text) + 1):
            piece = text[start:stop]
            at = bisect_left(ordered, piece, at)
            if at == end or not ordered[at].startswith(piece):
                return  # no word begins with this piece, nor with any longer one
            if ordered[at] == piece:
                yield piece


@functools.lru_cache(maxsize=1)
def _known_words() -> SortedWords:
    """Every known word (both lists), sorted."""
    freqs, known = _word_lists()
    return SortedWords(known.union(freqs))


def known_word_spans(left: str, right: str) -> bool:
    """Is some known word a piece of left + right that spans the join (an end of `left`
    followed by a start of `right`)? Whatever token a segmentation finds across the join is
    such a piece, so where none is known no segmentation need run: most spaces between Thai
    letters are between words. A piece is grown into `right` only while some known word
    begins with it, so the test costs a few binary searches (a fiftieth of a segmentation)."""
    known, text = _known_words(), left + right
    return any(next(known.words_at(text, start, shortest=len(left) - start + 1), None) is not None
               for start in range(len(left)))


@functools.lru_cache(maxsize=1)
def _word_log_probability() -> Callable[[str], float]:
    """log P(word) from the TNC word frequencies pythainlp bundles (offline)."""
    freqs, known = _word_lists()
    total = float(sum(freqs.values()))
    rare = math.log(0.5 / total)  # in the tokenizer's dictionary, not in TNC (compounds)

    def logp(word: str) -> float:
        if word in freqs:
            return math.log(freqs[word] / total)
        # a chunk in neither word list is no word: it costs more the longer it is
        return rare if word in known else rare - 2 * len(word)

    return logp


def _segment(run: str) -> tuple[str, ...]:
    """pythainlp's newmm segmentation of a run of Thai letters (no whitespace in it):
    word_tokenize(run, engine="newmm", keep_whitespace=False). Thai letters alone are
    segmented by newmm directly: word_tokenize's steps after it (stripping whitespace,
    rejoining numbers split at separators) change nothing there and took a third of the time."""
    if THAI_LETTERS.fullmatch(run):
        return _newmm(run)
    from pythainlp.tokenize import word_tokenize
    return tuple(word_tokenize(run, engine="newmm", keep_whitespace=False))


NLPO3_DICTIONARY = "thaikpi-pythainlp-words"


def _newmm(run: str) -> tuple[str, ...]:
    """pythainlp's newmm.segment(run) of Thai letters, through nlpo3 where it gives the same.

    nlpo3 is pythainlp's own newmm in Rust, five times faster, given pythainlp's word list
    here. Its Thai character clusters (TCC) are not always newmm's: it splits a run at places
    where newmm's clusters allow no cut ("เป/ลี/ย" where newmm keeps "เปลีย" whole, a word whose
    tone mark was lost). Its answer is taken where every token ends at a boundary of newmm's
    clusters; anything else is asked of newmm. Taken so, nlpo3 gave newmm's answer on all of
    the 43,053 runs the samples and the real corpus segment and on 430,000 made ones (words
    strung together and damaged, random letters); tests/test_text_words.py holds it so."""
    fast = _nlpo3_segment()
    if fast is not None:
        try:
            tokens = fast(run, NLPO3_DICTIONARY)
        except Exception:  # whatever nlpo3 cannot take, newmm answers
            tokens = None
        if tokens is not None and _on_newmm_clusters(run, tokens):
            return tuple(tokens)
    from pythainlp.tokenize.newmm import segment
    return tuple(segment(run, _newmm_words()))


@functools.lru_cache(maxsize=1)
def _newmm_words() -> SortedWords:
    """newmm's default word list as its Trie holds it (pythainlp's word_dict_trie is a Trie of
    thai_words(), each stripped). pythainlp builds that Trie of 62,000 words in 0.35 s, a
    worker's first use of newmm; sorting them takes a tenth of that, and newmm is asked only
    where nlpo3's answer is not taken (one run in a thousand)."""
    from pythainlp.corpus import thai_words
    return SortedWords({word.strip() for word in thai_words()} - {""})


def _on_newmm_clusters(run: str, tokens: list[str]) -> bool:
    """Are `tokens` the run cut where newmm's character clusters allow a cut?"""
    if "".join(tokens) != run or not all(tokens):
        return False
    return set(accumulate(map(len, tokens))) <= cluster_ends(run)


def cluster_ends(text: str) -> set[int]:
    """Where each of newmm's Thai character clusters ends in `text` (pythainlp's tcc_pos).

    pythainlp matches its cluster pattern at each place in a Python loop, trying its 29
    alternatives in turn; that loop was four times the segmentation it checked. The same
    pattern is asked here in one finditer (_cluster_pattern), so the result is the same."""
    pattern = _cluster_pattern()
    if pattern is None:
        from pythainlp.tokenize.tcc_p import tcc_pos
        return tcc_pos(text)
    return {m.end() for m in pattern.finditer(text)}


_FIRST_ELEMENT = re.compile(r"\[[^\]]*\]|.")  # an alternative's first letter or class


@functools.lru_cache(maxsize=1)
def _cluster_pattern() -> Optional[re.Pattern]:
    """pythainlp's TCC pattern as one regex of every cluster then any single char, or None
    (tcc_pos answers) where pythainlp no longer lists its alternatives as here or the regex
    made of them does not cut a probe text as tcc_pos does.

    pythainlp takes the first of its alternatives that matches at a place, else one char.
    Here the alternatives are grouped by the letters they can begin with, each group behind a
    lookahead for its letters and in pythainlp's order: at a place, only the group of the
    letter there can match, and it tries that letter's alternatives in pythainlp's order.
    tests/test_text_words.py compares the ends with tcc_pos."""
    try:
        from pythainlp.tokenize.tcc_p import _PAT_TCC, _RE_TCC as alternatives, tcc_pos
    except ImportError:
        return None
    if _PAT_TCC.flags & ~re.UNICODE:
        return None  # pythainlp matches with flags of its own: its alternatives mean otherwise here
    firsts = [_FIRST_ELEMENT.match(alternative) for alternative in alternatives]
    if any(first.group(0) in ".(\\^$|" or alternative[first.end():first.end() + 1] in ("?", "*", "+", "{")
           for first, alternative in zip(firsts, alternatives)):
        return None  # an alternative that may begin otherwise than with its first element
    groups: dict[tuple[int, ...], list[str]] = {}
    for code in range(0x0E00, 0x0E80):
        letter = chr(code)
        starting = tuple(i for i, first in enumerate(firsts) if re.fullmatch(first.group(0), letter))
        if starting:
            groups.setdefault(starting, []).append(letter)
    parts = [f"(?=[{''.join(letters)}])(?:{'|'.join(alternatives[i] for i in starting)})"
             for starting, letters in groups.items()]
    pattern = re.compile("|".join(parts + ["."]), re.DOTALL)
    # a newer pythainlp may write its rules so that grouping changes them: checked once
    probe = "การปรับเปลียนครุภัณฑ์ เกาะ แข็ง ก็ อึ หึ กรรม์ เลี้ยว เปลี่ยนแปลง ไม่ได้ โครงการ\n"
    return pattern if {m.end() for m in pattern.finditer(probe)} == tcc_pos(probe) else None


@functools.lru_cache(maxsize=1)
def _nlpo3_segment() -> Optional[Callable[[str, str], list[str]]]:
    """nlpo3's segment with pythainlp's word list loaded (NLPO3_DICTIONARY), or None where
    nlpo3 is not installed (it has wheels for the common platforms only: newmm is used)."""
    try:
        import nlpo3
    except ImportError:
        return None
    _, known = _word_lists()
    try:  # nlpo3 loads a word list from a file only
        with tempfile.TemporaryDirectory(prefix="thaikpi-words-") as folder:
            path = os.path.join(folder, "words.txt")
            with open(path, "w", encoding="utf-8") as words_file:
                words_file.write("\n".join(sorted(known)))
            _, loaded = nlpo3.load_dict(path, NLPO3_DICTIONARY)
    except Exception:  # no writable temporary folder, a broken install: newmm gives the same words
        return None
    return nlpo3.segment if loaded else None


def _score(run: str) -> float:
    logp = _word_log_probability()
    return sum(logp(t) for t in words(run))


class _Memo(NamedTuple):
    words: Callable[[str], tuple[str, ...]]
    reading_score: Callable[[str], float]


MEMO_SIZE = 65536  # runs remembered per document, of each kind
_DOCUMENT_MEMO: ContextVar[Optional[_Memo]] = ContextVar("thaikpi_document_memo", default=None)


@contextlib.contextmanager
def document_memo() -> Iterator[None]:
    """Within it, segmentations and reading scores are remembered: one document segments the
    same runs again and again (its headings, its table labels, each repair's window). The
    memo is the block's own (a context variable: threads that read documents side by side
    each have theirs) and ends with it, so no document's work is carried to the next (a run
    over an archive of copies is timed on the work each copy takes). A decorator as well."""
    token = _DOCUMENT_MEMO.set(_Memo(functools.lru_cache(maxsize=MEMO_SIZE)(_segment),
                                     functools.lru_cache(maxsize=MEMO_SIZE)(_score)))
    try:
        yield
    finally:
        _DOCUMENT_MEMO.reset(token)


def words(run: str) -> tuple[str, ...]:
    """pythainlp's newmm segmentation of a run of Thai letters (see _segment); remembered
    within a document_memo."""
    memo = _DOCUMENT_MEMO.get()
    return memo.words(run) if memo else _segment(run)


def reading_score(run: str) -> float:
    """How probable a run of Thai is as words: the best segmentation's log probability;
    remembered within a document_memo."""
    memo = _DOCUMENT_MEMO.get()
    return memo.reading_score(run) if memo else _score(run)


def dictionary_share(text: str, enough: Optional[float] = None) -> Optional[float]:
    """The share of a text's Thai (by characters, over its first NON_WORD_SAMPLE) that
    pythainlp's newmm segments into known words (its dictionary or the TNC list, offline).

    The sample's size is known before any segmenting (the words of a run cover it). With
    `enough`, segmenting stops once the share is sure to reach it, the known words so far
    over the whole sample (the rest can only add), and that bound is returned: a page of
    clean prose is settled in four fifths of its sample."""
    runs, total = [], 0
    for run in THAI_LETTERS.findall(text):
        runs.append(run)
        total += len(run)
        if total >= NON_WORD_SAMPLE:
            break
    if not total:
        return None
    known = 0
    for run in runs:
        known += sum(len(token) for token in words(run) if is_known_word(token))
        if enough is not None and known / total >= enough:
            break
    return known / total
