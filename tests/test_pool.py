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


def test_what_warm_up_loads_is_frozen_out_of_the_collectors_full_passes():
    # in a process of its own (freezing pytest's would outlive the test): after warm_up the
    # word lists and the modules' objects are in the permanent generation, which the cyclic
    # collector's passes (and gc.get_objects) leave out; a list made after it is collected as ever
    import subprocess
    import sys
    code = ("import gc\n"
            "from thaikpi.pipeline.run.pool import warm_up\n"
            "from thaikpi.pipeline.settings import Settings\n"
            "from thaikpi.pipeline.text import words\n"
            "warm_up(Settings(ocr='off'))\n"
            "freqs, known = words._word_lists()\n"
            "tracked = {id(o) for o in gc.get_objects()}\n"
            "later = [[1], [2]]\n"
            "print(gc.get_freeze_count(), id(freqs) in tracked, id(later) in {id(o) for o in gc.get_objects()})\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    frozen, freqs_tracked, later_tracked = done.stdout.split()
    assert int(frozen) > 50_000 and freqs_tracked == "False" and later_tracked == "True", done.stderr[-500:]
