"""Table reading accuracy by shape (issue 4): for each table shape of the archive, the cells of
the milestone, criteria and score tables in its samples' gold answers, and how many the
pipeline read exactly. The shapes and their samples are in tests/table_shapes.py.

    .venv/bin/python bench/table_accuracy.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from thaikpi.pipeline.run.process import process_file  # noqa: E402
from table_shapes import SAMPLES, SHAPES, shape_accuracy  # noqa: E402


def main() -> None:
    names = sorted({s for shape in SHAPES for s in shape.samples})
    documents = {name: json.loads(process_file(SAMPLES / name).model_dump_json()) for name in names}
    print(f"{'shape':<74} {'samples':>7} {'tables':<24} {'cells':>6} {'read':>6} {'share':>7}")
    all_total = all_right = 0
    for shape in SHAPES:
        total, right = shape_accuracy(shape, documents)
        all_total, all_right = all_total + total, all_right + right
        formats = "+".join(shape.formats)
        print(f"{shape.name + ' (' + formats + ')':<74} {len(shape.samples):>7} {', '.join(shape.tables):<24} "
              f"{total:>6} {right:>6} {right / total:>7.1%}")
    print(f"{'all shapes':<74} {len(names):>7} {'':<24} {all_total:>6} {all_right:>6} {all_right / all_total:>7.1%}")


if __name__ == "__main__":
    main()
