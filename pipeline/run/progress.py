"""Progress on stderr: a bar when stderr is a terminal, plain periodic lines otherwise (logs)."""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO


class Progress:
    def __init__(self, total: int, stream: TextIO = sys.stderr, every: float = 5.0):
        self.total, self.stream, self.every = total, stream, every
        self.files = self.pages = self.failures = 0
        self.started = time.monotonic()
        self.last_line = 0.0
        self.bar = None
        if total and stream.isatty():
            from rich.progress import BarColumn, Progress as Bar, TextColumn, TimeRemainingColumn
            from rich.console import Console
            self.bar = Bar(TextColumn("ingest"), BarColumn(), TextColumn("{task.completed}/{task.total} files"),
                           TextColumn("{task.fields[stats]}"), TimeRemainingColumn(),
                           console=Console(file=stream), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=total, stats="")

    def _rates(self) -> tuple[float, float]:
        """(files per second, pages per second) so far."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return self.files / elapsed, self.pages / elapsed

    def _stats(self) -> str:
        files_rate, pages_rate = self._rates()
        eta = (self.total - self.files) / files_rate if files_rate else 0
        return (f"{self.files}/{self.total} files, {self.pages} pages, {files_rate:.1f} files/s, "
                f"{pages_rate:.1f} pages/s, ETA {eta:.0f}s, failures {self.failures}")

    def update(self, pages: Optional[int], failed: bool) -> None:
        self.files += 1
        self.pages += pages or 0
        self.failures += failed
        if self.bar is not None:
            files_rate, pages_rate = self._rates()
            self.bar.update(self.task, advance=1, stats=f"{self.pages} pages, {files_rate:.1f} files/s, "
                                                        f"{pages_rate:.1f} pages/s, {self.failures} failed")
        elif time.monotonic() - self.last_line >= self.every or self.files == self.total:
            self.last_line = time.monotonic()
            print(f"[thaikpi] {self._stats()}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
