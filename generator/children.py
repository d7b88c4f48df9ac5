"""Child processes (MkDocs, render workers) die with the generator that started them."""
from __future__ import annotations

import os
import signal

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a child process (subprocess preexec_fn, or a worker's initializer): ask Linux to kill it
    with SIGKILL when its parent dies, so nothing outlives a killed generator. Elsewhere: nothing."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def worker_start(parent: int) -> None:
    """A render worker's first step: die with the parent, and stop now if it is already gone."""
    die_with_parent()
    if os.getppid() != parent:
        os._exit(1)
