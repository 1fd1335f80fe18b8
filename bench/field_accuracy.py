"""Field accuracy and flag precision/recall over every generated sample (issue 23).

Fields: every value the gold holds. For tests/gold/ (KPI reports, frameworks, M&E reports,
documents nothing can be read from) a field is a leaf of the gold JSON, flags left out, read
at the same place in the document's JSON (list items by position: a list read with one item
too many puts every item after it wrong, as a user would find it). For tests/gold_genres/ (the
real corpus's format) the fields are the year, title and agency the gold names, the indicator
count and every value of every gold row (a row not found has all its values wrong).

Flags: the gold's flags against the document's, as a multiset of (check, indicator code) for
tests/gold/ and of (check, page) for the genre samples, whose planted flags name no indicator
(their info flags are left out, as tests/test_genre_samples.py does). Precision: the share of
raised flags the gold has; recall: the share of the gold's flags raised.

    .venv/bin/python bench/field_accuracy.py [name-substring ...]
"""
from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from gold_score import score_document  # noqa: E402
from thaikpi.pipeline.run.process import process_file  # noqa: E402
from thaikpi.pipeline.settings import Settings  # noqa: E402

SAMPLES = ROOT / "samples"
GOLD_DIRS = (ROOT / "tests" / "gold", ROOT / "tests" / "gold_genres")
NO_OCR = Settings(ocr="off")  # the gold says what the text layers give


def leaf_fields(expected, actual) -> tuple[int, int]:
    """(right, total) over the leaves of `expected`, read at the same place in `actual`."""
    if isinstance(expected, dict):
        actual = actual if isinstance(actual, dict) else {}
        counts = [leaf_fields(v, actual.get(k, "<missing>")) for k, v in expected.items()]
    elif isinstance(expected, list):
        actual = actual if isinstance(actual, list) else []
        if not expected:
            return int(actual == []), 1  # an empty list is a field: nothing may be read into it
        padded = actual + ["<missing>"] * (len(expected) - len(actual))
        counts = [leaf_fields(e, a) for e, a in zip(expected, padded)]
        if len(actual) > len(expected):
            counts.append((0, 1))  # items read that the document does not have
    else:
        same = (math.isclose(expected, actual, abs_tol=1e-9)
                if isinstance(expected, (int, float)) and not isinstance(expected, bool)
                and isinstance(actual, (int, float)) and not isinstance(actual, bool) else expected == actual)
        return int(same), 1
    return sum(r for r, _ in counts), sum(t for _, t in counts)


def genre_fields(doc: dict, gold: dict) -> tuple[int, int]:
    score = score_document(doc, gold)
    checks = [c for c in (score.year_ok, score.title_ok, score.agency_ok, score.count_ok) if c is not None]
    right, total = sum(checks), len(checks)
    for row in score.rows:
        values = [n for n in ("code", "unit", "target_value", "result_value", "score", "weight", "achieved")
                  if n in row.gold]
        total += len(values) + 1  # the row itself: found or not
        right += (row.record is not None) + len(row.right)
    return right, total


def flag_counts(gold: Counter, raised: Counter) -> tuple[int, int, int]:
    """(found, raised, gold): found is the multiset intersection."""
    return sum((gold & raised).values()), sum(raised.values()), sum(gold.values())


def score_sample(gold_path: Path) -> tuple[str, int, int, tuple[int, int, int]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    name = gold_path.name.removesuffix(".json")
    doc = json.loads(process_file(SAMPLES / name, NO_OCR).model_dump_json())
    if gold_path.parent.name == "gold_genres":
        right, total = genre_fields(doc, gold)
        wanted = Counter((p["check"], p["page"]) for p in gold["planted"])
        raised = Counter((f["check"], f["page"]) for f in doc["flags"] if f["severity"] != "info")
    else:
        right, total = leaf_fields({k: v for k, v in gold.items() if k != "flags"}, doc)
        wanted = Counter((f["check"], f["indicator_code"]) for f in gold["flags"])
        raised = Counter((f["check"], f["indicator_code"]) for f in doc["flags"])
    return name, right, total, flag_counts(wanted, raised)


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main(argv: list[str]) -> None:
    golds = sorted(p for d in GOLD_DIRS for p in d.glob("*.json"))
    golds = [p for p in golds if not argv or any(a in p.name for a in argv)]
    print(f"{'sample':<66} {'fields':>6} {'right':>6} {'share':>7} {'flags':>5} {'raised':>6} {'found':>5} {'P':>5} {'R':>5}")
    right_all = total_all = found_all = raised_all = gold_all = 0
    for path in golds:
        name, right, total, (found, raised, wanted) = score_sample(path)
        right_all, total_all = right_all + right, total_all + total
        found_all, raised_all, gold_all = found_all + found, raised_all + raised, gold_all + wanted
        print(f"{name:<66} {total:>6} {right:>6} {ratio(right, total):>7.1%} {wanted:>5} {raised:>6} {found:>5} "
              f"{ratio(found, raised):>5.2f} {ratio(found, wanted):>5.2f}")
    print(f"{'all ' + str(len(golds)) + ' samples':<66} {total_all:>6} {right_all:>6} {ratio(right_all, total_all):>7.1%} "
          f"{gold_all:>5} {raised_all:>6} {found_all:>5} {ratio(found_all, raised_all):>5.2f} {ratio(found_all, gold_all):>5.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
