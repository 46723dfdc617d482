"""What `treatywatch ingest` shows while it runs, on stderr.

- On a terminal: a Rich progress bar with the documents done out of the total, the rate
  and the time left, when the total is known (`expected_documents`); a count and the
  rate otherwise.
- Piped or redirected: a plain line every `every` seconds ("Ingested 120/500 documents
  (24%), 3.2 docs/s, about 2m 00s left"), so a log shows a long run advancing.
- `quiet`: nothing but the errors.

The total is known when every input can be counted without reading it through: single
files (one document each) and uncompressed JSON Lines (one per non-blank line).
Compressed archives, WARC files and stdin leave it unknown.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Callable, Iterable, TextIO

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeRemainingColumn)

from treatywatch.ingest.reader import (GZIP_JSONL_SUFFIXES, JSONL_SUFFIXES, STDIN, WARC_SUFFIXES,
                                       _suffix, _walk)
from treatywatch.parallel.tally import IngestTally

DEFAULT_EVERY_SECONDS = 10.0
_CHUNK = 1 << 20


def expected_documents(paths: Iterable[str]) -> int | None:
    """How many documents `paths` hold, or None when it cannot be known in advance."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        files = list(_walk(path)) if os.path.isdir(path) else [path]
        for file_path in files:
            count = _documents_in(file_path)
            if count is None:
                return None
            total += count
    return total


def _documents_in(path: str) -> int | None:
    suffix = _suffix(path)
    if suffix in GZIP_JSONL_SUFFIXES or suffix in WARC_SUFFIXES or suffix == ".gz":
        return None
    if suffix not in JSONL_SUFFIXES:
        return 1  # one document; a missing file is one failure
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def plain_line(tally: IngestTally, total: int | None) -> str:
    """One progress line for a log."""
    done, rate = tally.documents, tally.rate
    if total:
        left = max(total - done, 0)
        eta = f", about {_duration(left / rate)} left" if rate > 0 and left else ""
        return (f"Ingested {done}/{total} documents ({100 * done // total}%), "
                f"{rate:,.1f} docs/s{eta}")
    return f"Ingested {done} documents, {rate:,.1f} docs/s"


class IngestProgress:
    """Use as a context manager; call `update(tally, description)` as documents are
    done and `error(text)` for a line that must always show."""

    def __init__(self, total: int | None, *, quiet: bool = False,
                 every: float = DEFAULT_EVERY_SECONDS, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic, terminal: bool | None = None):
        self.total, self.quiet, self.every, self.clock = total, quiet, every, clock
        self.stream = stream or sys.stderr
        self.console = Console(file=self.stream, soft_wrap=True, highlight=False,
                               force_terminal=terminal)
        self.live = not quiet and self.console.is_terminal and not self.console.is_dumb_terminal  # TERM=dumb: plain lines
        self._last_line = clock()
        self._progress: Progress | None = None
        self._task = None

    def __enter__(self) -> "IngestProgress":
        if self.live:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(), console=self.console, transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("Ingesting", total=self.total, rate="")
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def update(self, tally: IngestTally, description: str | None = None) -> None:
        if self.quiet:
            return
        if self._progress is not None:
            fields = {"completed": tally.documents, "rate": f"{tally.rate:,.1f} docs/s"}
            if description:
                fields["description"] = description
            self._progress.update(self._task, **fields)
            return
        now = self.clock()
        if now - self._last_line >= self.every:
            self._last_line = now
            print(plain_line(tally, self.total), file=self.stream, flush=True)

    def stage(self, description: str) -> None:
        """A step with no count (starting workers, rebuilding cases)."""
        if self._progress is not None:
            self._progress.update(self._task, description=description)
        elif not self.quiet:
            print(description + "…", file=self.stream, flush=True)

    def error(self, text: str) -> None:
        if self._progress is not None:
            self._progress.console.print(text, markup=False)
        else:
            print(text, file=self.stream, flush=True)
