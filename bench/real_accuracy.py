"""How well thaikpi reads the real corpus, against gold read by hand (tests/real_gold/).

    .venv/bin/python bench/real_accuracy.py            # every gold file
    .venv/bin/python bench/real_accuracy.py -v         # and every gold row missed or wrong

Prints, per document and per genre: the kind given, whether the year and title/agency were
read, the gold rows found, and the values right among the rows found. The issue's goal for a
document with indicators: kind not unknown, its year, >= 90% of rows found, >= 90% of values
right.
"""
from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from gold_score import gold_files, load_gold, score_document  # noqa: E402

from thaikpi.pipeline.run.process import process_file  # noqa: E402

REAL = ROOT.parent / "shared" / "corpus" / "real"


def _mark(value) -> str:
    return {True: "yes", False: "NO", None: "-"}[value]


def _share(a: int, b: int) -> str:
    return f"{a}/{b} {100 * a / b:.0f}%" if b else "-"


def main(verbose: bool) -> None:
    by_genre: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    print(f"{'document':58} {'kind':16} {'year':4} {'title':5} {'agency':6} {'rows found':>13} {'values right':>14}")
    met = total_docs = 0
    for path in gold_files():
        gold = load_gold(path)
        pdf = REAL / gold["file"]
        if not pdf.exists():
            continue
        doc = process_file(pdf).model_dump(mode="json")
        s = score_document(doc, gold)
        right, values = s.values
        print(f"{s.name[:58]:58} {s.kind[:16]:16} {_mark(s.year_ok):4} {_mark(s.title_ok):5} {_mark(s.agency_ok):6} "
              f"{_share(s.found, len(s.rows)):>13} {_share(right, values):>14}")
        g = by_genre[s.genre]
        g[0] += 1
        g[1] += s.kind_ok
        g[2] += s.found
        g[3] += len(s.rows)
        g[4] += right
        g[5] += values
        if s.has_indicators:
            total_docs += 1
            met += (s.kind_ok and s.year_ok is not False and s.found >= 0.9 * len(s.rows)
                    and (not values or right >= 0.9 * values))
        if verbose:
            for row in s.rows:
                if row.record is None:
                    print(f"    missed p.{row.gold.get('page')} {row.gold.get('year_be')} {row.gold['name'][:50]}")
                for name, want, got in row.wrong:
                    print(f"    wrong  p.{row.gold.get('page')} {row.gold['name'][:40]}: {name} {want!r} != {got!r}")
    print()
    print(f"{'genre':16} {'docs':>4} {'kind ok':>7} {'rows found':>16} {'values right':>16}")
    for genre, (docs, kind_ok, found, rows, right, values) in sorted(by_genre.items()):
        print(f"{genre:16} {docs:>4} {kind_ok:>7} {_share(found, rows):>16} {_share(right, values):>16}")
    print(f"\ndocuments with indicators meeting the goal (kind, year, >=90% rows, >=90% values): {met}/{total_docs}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
