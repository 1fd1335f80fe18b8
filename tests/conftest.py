import os
from pathlib import Path

import pytest

# pythainlp must never try the network (CI reaches only package registries).
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "gold"
BAD = ROOT / "tests" / "data" / "bad"
REAL_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
