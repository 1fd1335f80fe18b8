"""Run tasks on a Dask cluster (dask.distributed): a scheduler's (`--scheduler`), for archives
that outgrow one machine, or without one a LocalCluster of worker processes started here (as
many as --jobs). Workers must see the input paths (a shared filesystem) and have thaikpi
installed; each path is made absolute here before it is sent, as a worker's working folder is
not ours. Results come back to this process, which alone writes the ledger: it stays the one
source of truth, and a killed run resumes exactly as a local one does."""
from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from dataclasses import replace
from typing import Callable, Iterator, Optional

from thaikpi.pipeline.errors import one_line
from thaikpi.pipeline.run.inputs import Task
from thaikpi.pipeline.run.orphans import die_with_parent
from thaikpi.pipeline.run.pool import Helper, Result
from thaikpi.pipeline.run.process import error_document
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Document

# Tests only: the Dask worker that is given the file of this name dies as it starts it.
KILL_WORKER = "THAIKPI_TEST_KILL_WORKER"
_KILLED = ("the Dask task failed: each worker that read this file died while reading it (killed, or out of "
           "memory), as many times as the scheduler allows (distributed.scheduler.allowed-failures)")
# On a Dask worker: helper processes kept between tasks, one per task running at a time.
_IDLE: list[Helper] = []
_IDLE_LOCK = threading.Lock()


def run_limited(task: Task, settings: Settings, time_limit: Optional[float],
                memory_limit: Optional[int]) -> tuple[str, float]:
    """A Dask task: the file processed in a helper process under the local engine's per-file
    time and memory limits, so that a runaway file costs a failed entry, not a Dask worker."""
    if (doomed := os.environ.get(KILL_WORKER)) and os.path.basename(task.path) == doomed:
        # tests only: a worker lost mid-task, as to the OOM killer. A moment's read first: a kill
        # at the very start could beat the worker's message that its previous file is done, and
        # Dask would count that file as lost with this worker too (a failure it did not cause)
        time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGKILL)
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


try:  # an optional engine: run_dask says how to install it
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover
    WorkerPlugin = object


class DieWithParent(WorkerPlugin):
    """A Dask worker plugin: a local cluster's workers die with the ingest that started them,
    even when it is killed by SIGKILL (run/orphans.py); their helpers die with them."""
    name = "thaikpi-die-with-parent"

    def setup(self, worker) -> None:
        die_with_parent()


@contextlib.contextmanager
def _client(scheduler: Optional[str], jobs: int, connect_timeout: float) -> Iterator:
    from dask.distributed import Client, LocalCluster
    if scheduler:
        with Client(scheduler, timeout=connect_timeout, set_as_default=False) as client:
            yield client
        return
    # processes, one thread each: the files run in helpers, one per thread; no dashboard, and
    # no Dask memory limit (each helper has the per-file one)
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, memory_limit=0, silence_logs=logging.ERROR) as cluster, \
            Client(cluster, set_as_default=False) as client:
        client.register_plugin(DieWithParent())
        yield client


def run_dask(tasks: list[Task], on_result: Callable[[Result], None], *, scheduler: Optional[str] = None,
             settings: Settings, jobs: int = 1, time_limit: Optional[float] = None,
             memory_limit: Optional[int] = None, connect_timeout: float = 30) -> None:
    try:
        import dask.distributed  # noqa: F401
    except ImportError as exc:  # an optional engine: say how to get it
        raise RuntimeError("the dask engine needs dask.distributed: pip install 'thaikpi[dask]'") from exc
    if not tasks:
        return
    from dask.distributed import as_completed
    from distributed import KilledWorker
    with _client(scheduler, jobs, connect_timeout) as client:
        started = time.monotonic()
        futures = {client.submit(run_limited, replace(task, path=os.path.abspath(task.path)), settings, time_limit,
                                 memory_limit, pure=False, key=f"thaikpi-{i}"): task
                   for i, task in enumerate(tasks)}
        for future in as_completed(futures, loop=client.loop):
            task = futures[future]
            try:
                document, seconds = future.result()
                result = Result(task, Document.model_validate_json(document), seconds)
            except KilledWorker:  # every worker that tried it died (killed, out of memory): Dask retried it
                result = Result(task, error_document(task.source, "crashed", _KILLED), time.monotonic() - started)
            except Exception as exc:  # the task was lost otherwise
                result = Result(task, error_document(task.source, "crashed", f"the Dask task failed: {one_line(exc)}"),
                                time.monotonic() - started)
            on_result(result)
            future.release()
