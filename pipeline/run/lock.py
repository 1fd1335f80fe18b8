"""One writer per output folder: an ingest holds an exclusive lock on OUT/.ingest.lock
(fcntl.flock) from its first ledger write to its last output, so a second ingest into the same
folder refuses with a clear message, or with `wait` waits its turn. The kernel drops the lock
when its holder dies, even by SIGKILL: a killed run never leaves the folder locked."""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK_NAME = ".ingest.lock"  # hidden: a folder ingested with its own output inside passes it over


class FolderBusy(Exception):
    """Another process holds the output folder."""


def _holder(fd: int) -> str:
    try:
        return os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""


@contextmanager
def hold(out: Path, wait: bool = False) -> Iterator[None]:
    """Hold OUT's lock for the block; FolderBusy at once if another process holds it, unless
    `wait`."""
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            pid = _holder(fd)
            raise FolderBusy(f"{out} is being written by another thaikpi ingest"
                             + (f" (process {pid})" if pid else "")
                             + ": wait for it to finish, or run again with --wait to wait for it") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock
