"""One record per file, whatever names it (issue 26): the ledger keys a file by its resolved
path, so relative, absolute, `./` and symlinked names of one archive give one row each."""
import shutil

from conftest import SAMPLES, csv_rows, run_cli

SAMPLE = SAMPLES / "kpi_2557_1-2_subindicators_planted.utf8.html"  # small, and flagged


def test_one_archive_ingested_under_four_names_is_one_row_per_file(tmp_path):
    arch = tmp_path / "arch"
    arch.mkdir()
    shutil.copy(SAMPLE, arch / SAMPLE.name)
    (tmp_path / "link").symlink_to(arch)
    for name in ("arch", str(arch), "./arch", "link", "arch/" + SAMPLE.name):
        proc = run_cli("ingest", name, "--out", "o", "--jobs", "1", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        documents = csv_rows(tmp_path / "o" / "documents.csv")
        assert [r["source"] for r in documents] == [f"arch/{SAMPLE.name}"], name
    assert "processed 0 (failed 0), skipped unchanged 1" in proc.stdout  # found as the same file
    flags = csv_rows(tmp_path / "o" / "flags.csv")
    assert len(flags) == int(documents[0]["flags"]) > 0  # no doubled flags
    assert len({(f["check"], f["message"]) for f in flags}) == len(flags)
    # changed bytes under another name: the one row is replaced, under the new name
    (arch / SAMPLE.name).write_bytes(SAMPLE.read_bytes().replace(b"</body>", b"<p>.</p></body>"))
    assert run_cli("ingest", str(arch), "--out", "o", "--jobs", "1", cwd=tmp_path).returncode == 0
    assert [r["source"] for r in csv_rows(tmp_path / "o" / "documents.csv")] == [f"{arch}/{SAMPLE.name}"]
