"""The workers' per-file time limit measures the file, not the worker's start; Ctrl-C stops a run."""
import pytest

from conftest import SAMPLES
from thaikpi.pipeline.run.inputs import Task
from thaikpi.pipeline.run.pool import Helper, run_local
from thaikpi.pipeline.settings import Settings

SMALL = SAMPLES / "framework_2550_provincial.rl.pdf"  # about 0.2 s to read, once a worker is warm
LIMIT = 1.5  # seconds: less than a worker's start (imports, pythainlp's dictionary: 2-3 s)


def _task() -> Task:
    return Task(source=str(SMALL), path=str(SMALL))


def test_bug_a_dask_helper_s_start_counted_against_its_first_file():
    helper = Helper(Settings(), None)
    try:
        result, reusable = helper.run(_task(), LIMIT)
    finally:
        helper.stop()
    assert (result.document.status, result.document.kind, reusable) == ("ok", "framework", True)


def test_a_local_worker_s_first_file_is_timed_from_a_warm_start():
    results = []
    run_local([_task()], results.append, jobs=1, settings=Settings(), time_limit=LIMIT, memory_limit=None)
    assert [(r.document.status, r.document.kind) for r in results] == [("ok", "framework")]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the dropped exception itself
def test_a_ctrl_c_python_drops_inside_a_finalizer_is_still_noted():
    """Python prints and drops an exception raised while a __del__ runs: a Ctrl-C landing
    there would let a run go on (an ingest ran on for a minute after SIGINT, once, in CI).
    run_local's loop raises it again from the note."""
    import os
    import signal
    from thaikpi.pipeline.run.pool import _ctrl_c_noted

    class SignalledWhileFinalized:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)  # the handler runs here, inside the finalizer

    before = signal.getsignal(signal.SIGINT)
    with _ctrl_c_noted() as interrupted:
        SignalledWhileFinalized()  # dropped at once: its __del__ runs, the KeyboardInterrupt is lost
        assert interrupted == [signal.SIGINT]
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(1000):  # the handler runs between bytecodes
                pass
    assert signal.getsignal(signal.SIGINT) is before


def test_idle_slots_lend_their_cores_to_the_busy_workers_ocr_once_nothing_waits():
    from thaikpi.pipeline.run.capacity import idle_share
    assert idle_share(slots=4, busy=1, queued=0) == 3   # a long scan left alone: four pages at once
    assert idle_share(slots=4, busy=2, queued=0) == 1
    assert idle_share(slots=4, busy=3, queued=0) == 0   # one idle core for three: none lent
    assert idle_share(slots=4, busy=1, queued=5) == 0   # a queued file takes the idle slot
    assert idle_share(slots=2, busy=0, queued=0) == 0


def test_what_warm_up_loads_is_frozen_for_the_run_and_the_caller_s_heap_is_collected_after_it():
    # during the run (on_result is called in the parent) warm-up's modules and word lists are
    # out of the cyclic collector's passes; once run_local returns nothing of ours stays
    # frozen, and garbage the caller made before the run is collected as ever
    import gc
    import weakref

    class Node:
        pass

    cycle = Node()
    cycle.self = cycle
    gone = weakref.ref(cycle)
    assert gc.get_freeze_count() == 0
    frozen_during = []
    run_local([_task()], lambda result: frozen_during.append(gc.get_freeze_count()), jobs=1,
              settings=Settings(), time_limit=None, memory_limit=None)
    assert len(frozen_during) == 1 and frozen_during[0] > 50_000
    assert gc.get_freeze_count() == 0
    del cycle
    gc.collect()
    assert gone() is None
