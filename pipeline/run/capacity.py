"""How many pages of one file a worker may OCR at once: one, and its share of the run's idle
worker slots. At a local run's end the queue is empty and some workers wait while a long scan
keeps another busy; their cores read its pages. The parent (pool) publishes the share through
a shared int that its workers inherit, and the run never reads more pages at once than it has
worker slots (--jobs); `extract`, one file at a time, lends every core; under Dask a file's
pages are read one at a time. The OCR caps it (pipeline/readers/ocr.py, MAX_PAGES_AT_ONCE)."""
from __future__ import annotations

import os
from types import SimpleNamespace
from typing import Optional

_share: Optional[object] = None  # multiprocessing.Value("i"): idle slots per busy worker


def lend(share) -> None:
    """In a local worker: the parent's shared share of idle slots."""
    global _share
    _share = share


def lend_every_core() -> None:
    """One file and nothing else (`thaikpi extract`): every core may read its pages (as many
    as the OCR's cap allows)."""
    lend(SimpleNamespace(value=(os.cpu_count() or 1) - 1))


def idle_share(slots: int, busy: int, queued: int) -> int:
    """Idle slots per busy worker, where nothing waits in the queue (a queued file takes an
    idle slot at once)."""
    return (slots - busy) // busy if busy and not queued else 0


def ocr_pages_at_once() -> int:
    return 1 + max(0, _share.value) if _share is not None else 1
