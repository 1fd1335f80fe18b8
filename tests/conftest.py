import csv
import json
import os
import shutil
import subprocess
import sys
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
SHARED = ROOT.parent / "shared"
# The tests that read ../shared (the real corpus, the seeds) skip, saying why, in a checkout
# without it beside; CI clones it there, and test_real_corpus checks that it did.
needs_shared = pytest.mark.skipif(not (REAL_CORPUS.is_dir() and SEEDS.is_dir()),
                                  reason=f"needs ../shared (the real corpus and the seeds) beside the checkout: "
                                         f"{SHARED} is absent")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def run_cli(*args, **kw) -> subprocess.CompletedProcess:
    """thaikpi as a user runs it: a process of its own, its output as text."""
    return subprocess.run([sys.executable, "-m", "thaikpi", *map(str, args)], capture_output=True,
                          text=True, **kw)


def csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def gold_samples() -> list[Path]:
    """The samples with a gold answer in tests/gold/: all but the genre samples (genre_*), whose
    gold is of the real corpus's format (tests/gold_genres/)."""
    return sorted(p for p in SAMPLES.iterdir() if (GOLD / (p.name + ".json")).exists())


@pytest.fixture(scope="session")
def samples_ingest(tmp_path_factory):
    """One ingest of the gold samples for the tests that read its outputs (audit, export, the
    CSVs), whose counts and flags are the gold's: (the output folder, the finished process)."""
    folder = tmp_path_factory.mktemp("samples_ingest") / "samples"
    folder.mkdir()
    for sample in gold_samples():
        shutil.copy(sample, folder / sample.name)
    out = folder.parent / "out"
    # without OCR, as the snapshots: the samples' gold says what the text layers give
    return out, run_cli("ingest", str(folder), "--out", str(out), "--ocr", "off")


def gold_documents() -> dict[str, dict]:
    """Each sample's gold answer, by the sample's file name."""
    return {g.name.removesuffix(".json"): json.loads(g.read_text(encoding="utf-8")) for g in sorted(GOLD.glob("*.json"))}
