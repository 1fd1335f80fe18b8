"""Ingest: inputs -> ledger -> outputs. Resumable and idempotent.

Each input is fingerprinted (sha256 of its bytes). A file whose bytes and pipeline version
match its ledger row is skipped as unchanged; anything else is processed, by a local process
pool or a Dask cluster, and committed to the ledger as soon as it is done. The outputs are
then rebuilt from the whole ledger, so they always agree with it and hold each source once;
a run that changed no file's row, over outputs last written whole from the same rows with the
same options, leaves them as they are (a re-run of an unchanged archive rewrites nothing).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from thaikpi.version import __version__
from thaikpi.pipeline.outputs.report_media import CROPS_DIR
from thaikpi.pipeline.run.inputs import Inputs, Task, fingerprint
from thaikpi.pipeline.run.ledger import LEDGER_NAME, Ledger
from thaikpi.pipeline.run.lock import hold
from thaikpi.pipeline.outputs.tables import Totals, write_outputs
from thaikpi.pipeline.run.progress import Progress
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.columns import TABLES

if TYPE_CHECKING:
    from thaikpi.pipeline.run.pool import Result

# what ingest writes beside the ledger (a re-run finds them all, or writes them again)
OUTPUT_FILES = (*(f"{name}.csv" for name in TABLES), "records.jsonl", "datapackage.json", "report.html")


@dataclass(frozen=True)
class IngestOptions:
    settings: Settings = field(default_factory=Settings)
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    engine: str = "local"                 # local | dask
    scheduler: Optional[str] = None       # tcp://HOST:PORT for the dask engine; none: a local cluster
    time_limit: Optional[float] = 300.0   # seconds per file
    memory_limit: Optional[int] = 4 << 30  # bytes of address space per worker process
    retry_failed: bool = False            # re-do unchanged files that failed before
    excel: bool = False
    wait: bool = False                    # wait for another ingest into the same folder to finish

    def __post_init__(self) -> None:
        if self.engine not in ("local", "dask"):
            raise ValueError(f"unknown engine {self.engine!r}: use local or dask")
        if self.scheduler and self.engine != "dask":
            raise ValueError("--scheduler is for the dask engine: add --engine dask")
        if self.jobs < 1:
            raise ValueError("--jobs must be at least 1")
        if self.time_limit is not None and self.time_limit <= 0:
            raise ValueError("the time limit must be positive")


@dataclass
class IngestReport:
    planned: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    hidden: int = 0
    totals: Totals = field(default_factory=Totals)
    outputs_kept: bool = False  # no row changed: the outputs written whole before are left as they are


def plan(inputs: Inputs, ledger: Ledger, retry_failed: bool) -> tuple[list[tuple[Task, Optional[int], Optional[str]]], list[str]]:
    """Split the inputs into (to process, with size and hash) and (the keys of the unchanged, to
    skip). A file is found by its key, whatever name it has this time."""
    entries = ledger.entries()
    todo, unchanged = [], []
    for task in inputs.tasks:
        size, sha256 = fingerprint(task)
        entry = entries.get(task.key)
        same = (entry is not None and sha256 is not None and entry.sha256 == sha256
                and entry.pipeline_version == __version__)
        if same and not (retry_failed and entry.status == "failed"):
            unchanged.append(task.key)
        else:
            todo.append((task, size, sha256))
    return todo, unchanged


def ingest(inputs: Inputs, out: Path, options: IngestOptions = IngestOptions(),
           progress: Optional[Progress] = None) -> IngestReport:
    """Raises lock.FolderBusy when another ingest writes into `out` (unless options.wait)."""
    with hold(out, options.wait):
        return _ingest(inputs, out, options, progress)


def _ingest(inputs: Inputs, out: Path, options: IngestOptions, progress: Optional[Progress]) -> IngestReport:
    report = IngestReport(planned=len(inputs.tasks), hidden=len(inputs.skipped))
    with Ledger(out / LEDGER_NAME) as ledger:
        todo, unchanged = plan(inputs, ledger, options.retry_failed)
        run = ledger.start_run([t.source for t in inputs.tasks][:1000], options.engine, len(inputs.tasks))
        ledger.mark_skipped(unchanged, run)
        report.skipped = len(unchanged)
        fingerprints = {task.source: (task.key, size, sha256) for task, size, sha256 in todo}
        progress = progress or Progress(len(todo))

        def on_result(result: Result) -> None:
            key, size, sha256 = fingerprints[result.task.source]
            doc = result.document
            if not doc.doc_id and sha256:
                doc = doc.model_copy(update={"doc_id": f"sha256:{sha256}"})
            ledger.record(doc, key=key, size=size, sha256=sha256, seconds=result.seconds, run=run)
            report.processed += 1
            report.failed += doc.status == "error"
            progress.update(doc.pages, doc.status == "error")

        # Largest first: a long file started last keeps one worker busy while the others
        # wait (the real PDFs sort after the samples); sizes stand in for the work. The
        # outputs are written from the ledger in its own order, whatever the order of work.
        tasks = [task for task, _, _ in sorted(todo, key=lambda t: -(t[1] or 0))]
        try:
            if options.engine == "dask":
                from thaikpi.pipeline.run.engine_dask import run_dask
                run_dask(tasks, on_result, scheduler=options.scheduler, settings=options.settings, jobs=options.jobs,
                         time_limit=options.time_limit, memory_limit=options.memory_limit)
            elif tasks:
                # the reader and its libraries, imported only where there is a file to read (a
                # re-run over an unchanged archive took a third of its time importing them)
                from thaikpi.pipeline.run.pool import run_local
                run_local(tasks, on_result, jobs=options.jobs, settings=options.settings,
                          time_limit=options.time_limit, memory_limit=options.memory_limit)
        finally:
            progress.close()
        ledger.finish_run(run)
        state = ledger.files_state(f"{__version__}|excel={options.excel}")
        written = ledger.outputs_written()
        if written is not None and written[0] == state and _outputs_present(out):
            report.totals, report.outputs_kept = Totals.from_json(written[1]), True
            return report
        ledger.set_outputs_written(None)  # until they are whole again
        report.totals = write_outputs(ledger.documents(), out, excel=options.excel)
        from thaikpi.pipeline.outputs.audit import audit
        audit(out)  # report.html, from the outputs just written
        ledger.set_outputs_written(state, report.totals.to_json())
    return report


def _outputs_present(out: Path) -> bool:
    """Every output file is there, and every page image report.html shows."""
    if not all((out / name).is_file() for name in OUTPUT_FILES):
        return False
    report = (out / "report.html").read_text(encoding="utf-8", errors="replace")
    return all((out / CROPS_DIR / name).is_file() for name in set(_IMAGE.findall(report)))


# the page images a report shows: JPEG, or WebP in a report an earlier main wrote
_IMAGE = re.compile(re.escape(CROPS_DIR) + r"/([0-9a-f]{16}\.(?:jpg|webp))")


def status(out: Path) -> dict:
    path = out / LEDGER_NAME
    if not path.exists():
        raise FileNotFoundError(f"no ledger in {out} (run thaikpi ingest ... --out {out} first)")
    with Ledger(path) as ledger:
        return ledger.status()
