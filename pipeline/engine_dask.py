"""Run tasks on an existing Dask cluster (dask.distributed), for archives that outgrow one
machine. Workers must see the input paths (a shared filesystem) and have thaikpi installed.
Results come back to this process, which alone writes the ledger: it stays the one source of
truth, and a killed run resumes exactly as a local one does."""
from __future__ import annotations

import time
from typing import Callable

from pipeline.inputs import Task
from pipeline.pool import Result, failed_document, run_task
from pipeline.settings import Settings
from schemas.document import Document


def run_dask(tasks: list[Task], on_result: Callable[[Result], None], *, scheduler: str,
             settings: Settings, connect_timeout: float = 30) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:  # an optional engine: say how to get it
        raise RuntimeError("the dask engine needs dask.distributed: pip install 'thaikpi[dask]'") from exc
    if not tasks:
        return
    with Client(scheduler, timeout=connect_timeout, set_as_default=False) as client:
        started = time.monotonic()
        futures = {client.submit(run_task, task, settings, pure=False, key=f"thaikpi-{i}"): task
                   for i, task in enumerate(tasks)}
        for future in as_completed(futures, loop=client.loop):
            task = futures[future]
            try:
                document, seconds = future.result()
                result = Result(task, Document.model_validate_json(document), seconds)
            except Exception as exc:  # the worker died or the task was lost
                result = Result(task, failed_document(task, "crashed", f"the Dask task failed: {exc}"),
                                time.monotonic() - started)
            on_result(result)
            future.release()
