"""The workers' per-file time limit measures the file, not the worker's start."""
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
