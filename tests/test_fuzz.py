"""A short run of bench/fuzz.py (issue 26): mutated samples and hostile inputs through the real
ingest give no traceback and no `internal` outcome. `bench/fuzz.py --n 2000` is the long run."""
import subprocess
import sys

from conftest import ROOT


def test_a_short_fuzz_run_has_no_traceback_and_no_internal_outcome():
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "fuzz.py"), "--n", "24", "--seed", "26",
                           "--scale", "0.05", "--jobs", "2"], capture_output=True, text=True, timeout=600)
    lines = dict(line.split(None, 1) for line in proc.stdout.splitlines() if line and not line.startswith(" "))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    assert lines["files"].startswith("24 of 24")
    assert (lines["tracebacks"], lines["internal"]) == ("0", "0")
    assert lines["unescaped"].startswith("0 ")
