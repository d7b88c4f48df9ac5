"""Progress of a long build, for the person who started it.

On a terminal each stage gets a tqdm bar with its count; elsewhere (CI logs, pipes) one plain
line per finished stage. Library callers (tests, `serve`) pass no Progress and see nothing.
"""
from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from tqdm import tqdm

Advance = Callable[[int], None]
PLAIN_LINE = re.compile(r".+: \d+(/\d+)? .+ \([0-9.]+ s\)")  # what a finished stage prints off a terminal


class Progress:
    def __init__(self, stream: TextIO | None = None, bars: bool | None = None):
        self.stream = stream or sys.stderr
        self.bars = self.stream.isatty() if bars is None else bars

    def _size(self) -> os.terminal_size:
        """The terminal's size; a pseudo-terminal without one says 0 × 0, which would hide every bar."""
        try:
            size = os.get_terminal_size(self.stream.fileno())
        except (OSError, ValueError, AttributeError):
            size = os.terminal_size((0, 0))
        return os.terminal_size((size.columns or 100, size.lines or 24))

    @contextmanager
    def stage(self, label: str, total: int | None = None, unit: str = "") -> Iterator[Advance]:
        """Yields advance(n): n more items of this stage are done."""
        clock = time.perf_counter()
        done = 0
        bar = tqdm(total=total, desc=label, unit=f" {unit}" if unit else "it", file=self.stream, leave=True,
                   ncols=self._size().columns, nrows=self._size().lines, mininterval=0.2) if self.bars else None

        def advance(count: int = 1) -> None:
            nonlocal done
            done += count
            if bar is not None:
                bar.update(count)

        try:
            yield advance
        finally:
            if bar is not None:
                bar.close()
        if bar is None:  # only a finished stage gets its line: a failure prints the problems alone
            counted = f"{done}/{total}" if total is not None else str(done)
            print(f"{label}: {counted} {unit} ({time.perf_counter() - clock:.1f} s)".replace("  ", " "),
                  file=self.stream, flush=True)


class Silent(Progress):
    """No output: what library callers get."""

    def __init__(self) -> None:
        super().__init__(stream=sys.stderr, bars=False)

    @contextmanager
    def stage(self, label: str, total: int | None = None, unit: str = "") -> Iterator[Advance]:
        yield lambda count=1: None
