"""thaikpi as a library: what the command line does, as functions that return values.

    >>> import thaikpi
    >>> doc = thaikpi.extract("report.pdf")          # a Document (thaikpi.schemas.document)
    >>> doc.kind, doc.fiscal_year_be, len(doc.indicators)
    >>> report = thaikpi.ingest(["archive/"], "out/", jobs=2)

Nothing here raises for a bad input file: it becomes a Document with status "error" and its
reason, exactly as in the CLI's output.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Iterable, Optional, Union

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")  # never reach for the network at run time

from thaikpi.pipeline.settings import Settings  # noqa: E402
from thaikpi.schemas.document import Document  # noqa: E402

PathLike = Union[str, os.PathLike]


def extract(path_or_bytes: Union[PathLike, bytes], *, name: Optional[str] = None,
            settings: Optional[Settings] = None) -> Document:
    """Read one PDF or HTML file (a path, or its bytes) into a Document: its kind, fiscal year,
    indicators, recomputed scores and flags. `name` is the source name the document carries
    (default: the path as given; for bytes, "<bytes>")."""
    from thaikpi.pipeline.run.process import process_bytes, process_file
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        return process_bytes(bytes(path_or_bytes), name or "<bytes>", settings)
    doc = process_file(Path(path_or_bytes), settings)
    return doc.model_copy(update={"source": name}) if name else doc


def ingest(inputs: Union[PathLike, Iterable[PathLike]], out: PathLike = "out", *,
           settings: Optional[Settings] = None, progress: bool = False, **options):
    """Ingest folders, files and zip archives into `out` (the ledger, the CSV/JSONL tables and
    report.html), resuming from what the ledger already holds. Options are those of
    `thaikpi ingest` (IngestOptions): jobs, engine, scheduler, time_limit (s), memory_limit
    (bytes), retry_failed, excel, wait. Returns an IngestReport (planned, processed, skipped,
    failed, totals). Raises FileNotFoundError when a named input does not exist."""
    from thaikpi.pipeline.run.ingest import IngestOptions, ingest as run_ingest
    from thaikpi.pipeline.run.inputs import collect_inputs
    from thaikpi.pipeline.run.progress import Progress
    paths = [Path(inputs)] if isinstance(inputs, (str, os.PathLike)) else [Path(p) for p in inputs]
    out = Path(out)
    found = collect_inputs(paths, [], outputs=out)
    if found.missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(found.missing)}")
    opts = IngestOptions(settings=settings or Settings(), **options)
    quiet = None if progress else Progress(len(found.tasks), stream=io.StringIO())
    return run_ingest(found, out, opts, progress=quiet)
