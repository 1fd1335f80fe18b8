"""Write tests/snapshots/: every sample's and every real-corpus PDF's document JSON, the pins
of tests/test_snapshots.py. Run it only for a change of output made on purpose, and read the
diff (git diff tests/snapshots) before committing it: it is the change users will see.

    python scripts/update_snapshots.py            # all
    python scripts/update_snapshots.py NAME ...   # those files only (by file name)
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from snapshots import SNAPSHOTS, snapshot_inputs, snapshot_json  # noqa: E402


def main(names: list[str]) -> None:
    SNAPSHOTS.mkdir(exist_ok=True)
    for path in snapshot_inputs():
        if names and path.name not in names:
            continue
        (SNAPSHOTS / f"{path.name}.json").write_text(snapshot_json(path), encoding="utf-8")
        print(path.name)


if __name__ == "__main__":
    main(sys.argv[1:])
