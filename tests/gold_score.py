"""Score a document against its hand-read gold (tests/real_gold/README.md), field by field.

The judge shares no code with what it judges: names are compared by their consonant skeleton
(Thai consonants, digits and Latin letters, every mark and vowel dropped), which is what
survives the damage real text layers do (lost tone marks, ำ split or spaced, PUA marks).
A gold row is found when a record on its page (±1) and of its year has a name whose skeleton
is close enough, or the same code; its values are then compared one by one.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Optional

GOLD_DIR = Path(__file__).resolve().parent / "real_gold"
VALUE_FIELDS = ("code", "unit", "target_value", "result_value", "score", "weight", "achieved")
NAME_SIMILARITY = 0.72  # on the first 40 skeleton characters
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_CONSONANT_OR_ALNUM = re.compile(r"[\u0e01-\u0e2e0-9A-Za-z]")
_CODE = re.compile(r"[A-Za-z]?\d+(?:\.\d+)*")


def skeleton(text: Optional[str]) -> str:
    """Thai consonants, digits and Latin letters only: the part of a name damage leaves alone."""
    text = unicodedata.normalize("NFC", text or "").translate(_THAI_DIGITS)
    return "".join(_CONSONANT_OR_ALNUM.findall(text)).lower()


def _code(value) -> Optional[str]:
    found = _CODE.search(str(value or "").translate(_THAI_DIGITS))
    return found.group(0).lower() if found else None


def same_value(name: str, gold, actual) -> bool:
    if name == "code":
        return _code(gold) == _code(actual)
    if name == "unit":
        return skeleton(gold) == skeleton(actual)
    if name == "achieved":
        return gold is actual or gold == actual
    if gold is None or actual is None:
        return gold is None and actual is None
    return abs(float(gold) - float(actual)) <= 1e-6 * max(1.0, abs(float(gold)))


def name_similarity(gold: str, actual: Optional[str]) -> float:
    a, b = skeleton(gold)[:40], skeleton(actual)[:40]
    if not a or not b:
        return 0.0
    if b.startswith(a) or a.startswith(b) and len(b) >= 12:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class RowScore:
    gold: dict
    record: Optional[dict] = None
    right: list[str] = field(default_factory=list)
    wrong: list[tuple[str, object, object]] = field(default_factory=list)  # (field, gold, actual)


@dataclass
class DocumentScore:
    name: str
    genre: str
    has_indicators: bool
    kind: str
    kind_ok: bool
    year_ok: Optional[bool]           # None: the gold prints no year
    title_ok: Optional[bool]
    agency_ok: Optional[bool]
    indicators: int
    count_ok: Optional[bool]
    rows: list[RowScore] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(r.record is not None for r in self.rows)

    @property
    def values(self) -> tuple[int, int]:
        right = sum(len(r.right) for r in self.rows if r.record is not None)
        total = right + sum(len(r.wrong) for r in self.rows if r.record is not None)
        return right, total


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


def _candidates(gold_row: dict, records: list[dict]) -> list[tuple[float, int]]:
    page, year = gold_row.get("page"), gold_row.get("year_be")
    found = []
    for i, rec in enumerate(records):
        if page is not None and rec.get("page") is not None and abs(rec["page"] - page) > 1:
            continue
        if year is not None and rec.get("year_be") is not None and rec["year_be"] != year:
            continue
        similarity = name_similarity(gold_row["name"], rec.get("name"))
        if gold_row.get("code") and _code(gold_row["code"]) == _code(rec.get("code")):
            # the code read from the page settles a tie of names (the ITA form's i4 and i5
            # begin with the same 40 characters)
            similarity = max(similarity, 0.8) + 0.05
        if similarity >= NAME_SIMILARITY:
            found.append((similarity - 0.01 * abs((rec.get("page") or page or 0) - (page or 0)), i))
    return sorted(found, reverse=True)


def score_document(doc: dict, gold: dict) -> DocumentScore:
    """doc: the pipeline's JSON document (model_dump(mode="json")); gold: a gold file."""
    meta = gold.get("metadata", {})
    years = [(meta.get("fiscal_year_be"), doc.get("fiscal_year_be")),
             (meta.get("academic_year_be"), doc.get("academic_year_be"))]
    wanted = [(g, a) for g, a in years if g is not None]
    year_ok = any(g == a for g, a in wanted) if wanted else None

    def contains(key: str, value: Optional[str]) -> Optional[bool]:
        if not meta.get(key):
            return None
        return skeleton(meta[key]) in skeleton(value)

    records = [r for r in doc.get("indicators", [])]
    count = gold.get("indicator_count") or {"min": 0, "max": 0}
    has = bool(gold.get("has_indicators"))
    score = DocumentScore(
        name=gold["file"], genre=gold.get("genre", ""), has_indicators=has, kind=doc.get("kind", "unknown"),
        kind_ok=(doc.get("kind") != "unknown") if has else doc.get("kind") == "unknown",
        year_ok=year_ok, title_ok=contains("title_contains", doc.get("title")),
        agency_ok=contains("agency_contains", doc.get("agency")), indicators=len(records),
        count_ok=count["min"] <= len({(r.get("page"), r.get("name")) for r in records}) <= count["max"] if has else None,
    )
    used: set[int] = set()
    for gold_row in gold.get("rows", []):
        row = RowScore(gold=gold_row)
        for _, i in _candidates(gold_row, records):
            if i not in used:
                used.add(i)
                row.record = records[i]
                break
        if row.record is not None:
            for name in VALUE_FIELDS:
                if name not in gold_row:
                    continue
                actual = row.record.get(name)
                if same_value(name, gold_row[name], actual):
                    row.right.append(name)
                else:
                    row.wrong.append((name, gold_row[name], actual))
        score.rows.append(row)
    return score
