"""Run tasks on an existing Dask cluster (dask.distributed), for archives that outgrow one
machine. Workers must see the input paths (a shared filesystem) and have thaikpi installed.
Results come back to this process, which alone writes the ledger: it stays the one source of
truth, and a killed run resumes exactly as a local one does."""
from __future__ import annotations

import threading
import time
from typing import Callable, Optional

from thaikpi.pipeline.run.inputs import Task
from thaikpi.pipeline.run.pool import Helper, Result
from thaikpi.pipeline.run.process import error_document
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Document

# On a Dask worker: helper processes kept between tasks, one per task running at a time.
_IDLE: list[Helper] = []
_IDLE_LOCK = threading.Lock()


def run_limited(task: Task, settings: Settings, time_limit: Optional[float],
                memory_limit: Optional[int]) -> tuple[str, float]:
    """A Dask task: the file processed in a helper process under the local engine's per-file
    time and memory limits, so that a runaway file costs a failed entry, not a Dask worker."""
    with _IDLE_LOCK:
        helper = next((h for h in _IDLE if h.config == (settings, memory_limit)), None)
        if helper is not None:
            _IDLE.remove(helper)
    if helper is None or helper.process.poll() is not None:
        helper = Helper(settings, memory_limit)
    result, reusable = helper.run(task, time_limit)
    if reusable:
        with _IDLE_LOCK:
            _IDLE.append(helper)
    return result.document.model_dump_json(), result.seconds


def run_dask(tasks: list[Task], on_result: Callable[[Result], None], *, scheduler: str,
             settings: Settings, time_limit: Optional[float] = None, memory_limit: Optional[int] = None,
             connect_timeout: float = 30) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:  # an optional engine: say how to get it
        raise RuntimeError("the dask engine needs dask.distributed: pip install 'thaikpi[dask]'") from exc
    if not tasks:
        return
    with Client(scheduler, timeout=connect_timeout, set_as_default=False) as client:
        started = time.monotonic()
        futures = {client.submit(run_limited, task, settings, time_limit, memory_limit, pure=False,
                                 key=f"thaikpi-{i}"): task
                   for i, task in enumerate(tasks)}
        for future in as_completed(futures, loop=client.loop):
            task = futures[future]
            try:
                document, seconds = future.result()
                result = Result(task, Document.model_validate_json(document), seconds)
            except Exception as exc:  # the worker died or the task was lost
                result = Result(task, error_document(task.source, "crashed", f"the Dask task failed: {exc}"),
                                time.monotonic() - started)
            on_result(result)
            future.release()
