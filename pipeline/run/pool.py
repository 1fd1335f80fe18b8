"""Run tasks in parallel processes, with a time and a memory limit per file.

Workers are long-lived processes, each fed one task at a time over a pipe. The parent keeps
each task's deadline: a worker past it is killed and replaced, and the file is recorded as
failed ("timeout"). A worker's address space is capped (RLIMIT_AS), so a runaway file raises
MemoryError inside it ("memory"); a worker that dies anyway is reported as "crashed". One bad
file can neither stop nor hang the run.

Why not a library. concurrent.futures cannot stop a task past its time (the worker runs on),
and one dead worker breaks the whole pool (BrokenProcessPool: every pending file fails).
pebble's ProcessPool does kill a task past its timeout and reports a dead worker for its task
only; run_local on it passed tests/test_ingest.py. It still does not fit: it cannot retire the
one worker that hit its memory cap (only every worker after N tasks; max_tasks=1 forks a
process per file), so a worker whose allocations failed half-way would take the next file;
it does not say when a task started, so a crashed file's seconds would be guessed; and the
Dask engine needs this worker loop anyway (Helper, serve), since a Dask worker is a daemonic
process that multiprocessing, and so pebble, refuses children. A dependency for the ~60 lines
of run_local and _Slot would not pay.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterator, Optional

from thaikpi.pipeline.run import capacity
from thaikpi.pipeline.run.inputs import Task
from thaikpi.pipeline.run.orphans import die_with_parent
from thaikpi.pipeline.run.process import error_document, process_bytes, process_task
from thaikpi.pipeline.settings import Settings
from thaikpi.schemas.document import Document


@dataclass
class Result:
    task: Task
    document: Document
    seconds: float


# A page of Thai prose: reading it loads pythainlp's dictionary and word lists (some 2 s, once
# a process), which must not count against the first file's time limit.
WARM_UP = ("<html><body><p>" + "การประเมินผลการปฏิบัติราชการของส่วนราชการ " * 8 + "</p></body></html>").encode()
READY = "ready"


def warm_up(settings: Settings) -> None:
    process_bytes(WARM_UP, "warm-up", settings)


def freeze_heap() -> bool:
    """Leave what this process holds now (after warm_up: modules, word lists) out of the cyclic
    collector's passes (gc.freeze): it lives as long as the run, and every full pass walked it
    all. A worker forked afterwards also keeps its parent's pages shared (a pass writes to each
    object it walks). False, and nothing frozen, where something already is (not ours to undo)."""
    if gc.get_freeze_count():
        return False
    gc.collect()  # what warm-up left as garbage is freed, not frozen
    gc.freeze()
    return True


@contextmanager
def frozen_heap() -> Iterator[None]:
    """freeze_heap for a block: thaikpi's run may be one step of a longer program (thaikpi.ingest
    in a notebook), whose objects are collected as ever once the run ends."""
    froze = freeze_heap()
    try:
        yield
    finally:
        if froze:
            gc.unfreeze()


def run_task(task: Task, settings: Settings) -> tuple[str, float]:
    """Process one task; returns (document JSON, seconds). Never raises for a bad file."""
    start = time.perf_counter()
    doc = process_task(task, settings)
    return doc.model_dump_json(), time.perf_counter() - start


def _worker(conn: Connection, settings: Settings, memory_limit: Optional[int], outbox: Optional[Connection] = None,
            parent_pid: Optional[int] = None, share=None) -> None:
    die_with_parent(parent_pid)  # a parent killed by SIGKILL takes its workers with it
    if share is not None:
        capacity.lend(share)  # idle slots' cores, for a long scan's OCR (capacity)
    # Ctrl-C reaches every process of the terminal's group: the parent stops the run and says
    # so; a worker's own KeyboardInterrupt would only print its traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    if memory_limit:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    outbox = outbox or conn
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        outbox.send(run_task(task, settings))


def serve() -> None:
    """A worker started by subprocess (`python -c "from thaikpi.pipeline.run.pool import serve; serve()"
    IN OUT PARENT`): tasks come on pipe IN, documents go out on OUT; it dies with process
    PARENT. The first message is (settings, memory limit)."""
    die_with_parent(int(sys.argv[3]))
    inbox, outbox = Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False)
    settings, memory_limit = inbox.recv()
    warm_up(settings)
    freeze_heap()  # a process of its own: frozen for its life
    outbox.send(READY)
    _worker(inbox, settings, memory_limit, outbox, int(sys.argv[3]))


# The helper's command: it asks to die with its parent first, before the imports (a second or
# more), so that a parent killed meanwhile cannot leave it behind (serve checks the parent).
SERVE = ("import ctypes, os, sys\nif sys.platform.startswith('linux'):\n    ctypes.CDLL(None).prctl(1, 9, 0, 0, 0)\n"
         "    if os.getppid() != int(sys.argv[3]):\n        os._exit(1)\n"
         "from thaikpi.pipeline.run.pool import serve; serve()")


class Helper:
    """One worker process with the local engine's limits, for a process that may not fork
    workers of its own: a Dask worker is a daemonic process, and multiprocessing refuses
    children there. Started with subprocess, fed over two pipes; kept for the next file."""

    def __init__(self, settings: Settings, memory_limit: Optional[int]):
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(task_read), str(result_write), str(os.getpid())],
            pass_fds=(task_read, result_write), stdin=subprocess.DEVNULL)
        os.close(task_read)
        os.close(result_write)
        self.outbox = Connection(task_write, readable=False)
        self.inbox = Connection(result_read, writable=False)
        self.config = (settings, memory_limit)
        self.outbox.send(self.config)
        self.ready = False

    def run(self, task: Task, time_limit: Optional[float]) -> tuple[Result, bool]:
        """(the result, whether this helper can take another file)."""
        started = time.monotonic()
        if not self.ready:  # its start (imports, warm-up) is not the file's time
            try:
                self.ready = self.inbox.recv() == READY
            except (EOFError, OSError):
                self.stop()
                return _crashed(task, self.process.returncode, self.config[1], started), False
            started = time.monotonic()
        self.outbox.send(task)
        if not self.inbox.poll(time_limit):
            self.stop()
            return _timed_out(task, time_limit), False
        try:
            document, seconds = self.inbox.recv()
        except (EOFError, OSError):
            self.stop()
            return _crashed(task, self.process.returncode, self.config[1], started), False
        result = Result(task, Document.model_validate_json(document), seconds)
        return result, _trusted_after(result)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.inbox.close()
        self.outbox.close()


def _timed_out(task: Task, time_limit: float) -> Result:
    return Result(task, error_document(task.source, "timeout", f"stopped after the per-file limit of {time_limit:g} s"),
                  time_limit)


def _crashed(task: Task, exitcode: Optional[int], memory_limit: Optional[int], started: float) -> Result:
    return Result(task, error_document(task.source, "crashed", _death(exitcode, memory_limit)), time.monotonic() - started)


def _trusted_after(result: Result) -> bool:
    """A worker that hit its memory cap is not trusted with another file."""
    return not (result.document.error and result.document.error.kind == "memory")


def _death(exitcode: Optional[int], memory_limit: Optional[int]) -> str:
    how = f"exit code {exitcode}"
    if exitcode is not None and exitcode < 0:
        try:
            how = f"signal {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"signal {-exitcode}"
    hint = f", most likely past the per-file memory limit of {memory_limit >> 20} MiB" if memory_limit else ""
    return f"the worker processing this file died ({how}){hint}"


class _Slot:
    def __init__(self, ctx, settings: Settings, memory_limit: Optional[int], share=None):
        parent, child = ctx.Pipe()
        self.conn = parent
        self.process = ctx.Process(target=_worker, args=(child, settings, memory_limit, None, os.getpid(), share),
                                   daemon=True)
        self.process.start()
        child.close()
        self.task: Optional[Task] = None
        self.started = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


@contextmanager
def _ctrl_c_noted() -> Iterator[list]:
    """Ctrl-C raises KeyboardInterrupt as ever, and is also noted in the list given: Python
    drops an exception raised while a finalizer runs (a __del__, a generator closed by the
    garbage collector), so a Ctrl-C that lands there would let the run go on (seen once in
    CI, under load); the run's loop raises it again between results. Main thread only."""
    noted: list = []
    if threading.current_thread() is not threading.main_thread():
        yield noted
        return

    def note(signum, frame):
        noted.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield noted
    finally:
        signal.signal(signal.SIGINT, previous)


def run_local(tasks: list[Task], on_result: Callable[[Result], None], *, jobs: int, settings: Settings,
              time_limit: Optional[float], memory_limit: Optional[int]) -> None:
    """Process every task; on_result is called in this process, in completion order."""
    if not tasks:
        return
    with _ctrl_c_noted() as interrupted:
        warm_up(settings)  # here, once: the workers forked from this process share what it loaded
        with frozen_heap():
            _run_local(tasks, on_result, jobs, settings, time_limit, memory_limit, interrupted)


def _run_local(tasks: list[Task], on_result: Callable[[Result], None], jobs: int, settings: Settings,
               time_limit: Optional[float], memory_limit: Optional[int], interrupted: list) -> None:
    ctx = mp.get_context("fork")
    queue = deque(tasks)
    share = ctx.Value("i", 0, lock=False)  # idle slots per busy worker (capacity)
    slots = [_Slot(ctx, settings, memory_limit, share) for _ in range(max(1, min(jobs, len(tasks))))]
    try:
        while queue or any(s.task for s in slots):
            if interrupted:
                raise KeyboardInterrupt
            for i, slot in enumerate(slots):
                if slot.task is None and queue:
                    if not slot.process.is_alive():
                        slot.stop(kill=True)
                        slots[i] = slot = _Slot(ctx, settings, memory_limit, share)
                    slot.task, slot.started = queue.popleft(), time.monotonic()
                    slot.conn.send(slot.task)
            busy = [s for s in slots if s.task]
            share.value = capacity.idle_share(len(slots), len(busy), len(queue))
            timeout = None
            if time_limit:
                timeout = max(0.0, min(s.started + time_limit for s in busy) - time.monotonic())
            ready = wait([s.conn for s in busy], timeout=timeout)
            for i, slot in enumerate(slots):
                if slot.task is None:
                    continue
                task = slot.task
                if slot.conn in ready:
                    try:
                        document, seconds = slot.conn.recv()
                        result = Result(task, Document.model_validate_json(document), seconds)
                    except (EOFError, OSError):
                        slot.process.join(timeout=5)
                        result = _crashed(task, slot.process.exitcode, memory_limit, slot.started)
                    slot.task = None
                    on_result(result)
                    if not _trusted_after(result):
                        slot.stop(kill=True)
                        slots[i] = _Slot(ctx, settings, memory_limit, share) if queue else slot
                elif time_limit and time.monotonic() - slot.started >= time_limit:
                    slot.stop(kill=True)
                    slots[i] = _Slot(ctx, settings, memory_limit, share) if queue else slot
                    slot.task = None
                    on_result(_timed_out(task, time_limit))
    finally:
        for slot in slots:
            if slot.process.is_alive() or slot.process.exitcode is None:
                slot.stop(kill=slot.task is not None)
