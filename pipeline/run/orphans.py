"""Workers die with their parent: a worker asks Linux to send it SIGKILL when the process that
started it dies (prctl PR_SET_PDEATHSIG), so that `kill -9` of an ingest, which gives it no
chance to stop its workers, leaves none behind (each held some 165 MB, for ever). Elsewhere
the call does nothing: the workers end when their pipe to the parent closes, at their next file."""
from __future__ import annotations

import ctypes
import os
import signal
import sys
from typing import Optional

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent_pid: Optional[int] = None) -> bool:
    """Be killed when the parent dies; True where the system does it. `parent_pid`: the
    parent's pid as the parent saw it, to catch a parent that died before this call (the
    process would have been adopted, and the signal would never come): then exit at once."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)
    return True
