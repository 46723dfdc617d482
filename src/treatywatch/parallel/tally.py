"""What an ingest has done so far: outcomes, on-topic documents, rate, time per stage and
the peak memory of each worker. The single-process and the parallel ingest keep the
same tally, so the command reports them alike."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from treatywatch.store.write import IngestResult

STAGES = ("read", "filter", "extract", "store")


@dataclass
class IngestTally:
    started: float = field(default_factory=time.perf_counter)
    counts: dict[str, int] = field(default_factory=lambda: {
        "new": 0, "duplicate": 0, "near_duplicate": 0, "failed": 0})
    events: int = 0
    on_topic: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    peak_rss: dict[str, int] = field(default_factory=dict)  # worker -> bytes
    extractors: set[str] = field(default_factory=set)  # extractor instances that read
    batches: int = 0
    writer_seconds: float = 0.0  # the one writer's time in Store.write_rows
    writer_cpu: float = 0.0  # its CPU time there
    worker_cpu: dict[str, float] = field(default_factory=dict)  # worker -> CPU s in batches
    extractor_seconds: float = 0.0  # making the extractors, all workers

    @property
    def documents(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.documents / elapsed if elapsed > 0 else 0.0

    def stored(self, result: IngestResult) -> None:
        self.counts[result.status] += 1
        self.events += result.events

    def failed(self) -> None:
        self.counts["failed"] += 1

    def add_seconds(self, stage: str, seconds: float) -> None:
        self.seconds[stage] += seconds

    def summary(self) -> str:
        c = self.counts
        return (f"{self.documents} document(s): {c['new']} new, {c['duplicate']} duplicate, "
                f"{c['near_duplicate']} near-duplicate, {c['failed']} failed; "
                f"{self.events} event(s) stored")

    def progress_text(self) -> str:
        return f"{self.documents} docs, {self.rate:,.1f} docs/s, {self.on_topic} on topic"
