"""The parallel ingest: this process streams raw documents in batches to the workers,
and is the one writer. Each batch the workers return is written in one transaction
(`Store.write_rows`), so the store holds whole batches only; a re-run skips what is
stored, as the single-process ingest does. A few batches are in flight at a time, so
memory does not grow with the input.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from treatywatch.errors import InputError, TreatywatchError
from treatywatch.ingest.reader import read_raw_documents
from treatywatch.ingest.streams import RawDocument
from treatywatch.parallel.tally import IngestTally
from treatywatch.parallel.worker import BatchOptions, BatchResult, read_batch
from treatywatch.store import Store
from treatywatch.store.write import DocumentRows

BATCH_SIZE = 32
IN_FLIGHT_PER_WORKER = 2


class WorkerError(TreatywatchError):
    """A batch could not be read on the cluster (a worker died too often, or a bug)."""


def ingest_in_parallel(paths: Iterable[str], store: Store, client, options: BatchOptions,
                       *, batch_size: int = BATCH_SIZE,
                       on_error: Callable[[InputError], None] = lambda error: None,
                       on_progress: Callable[[IngestTally], None] = lambda tally: None,
                       tally: IngestTally | None = None) -> IngestTally:
    from distributed import as_completed

    from treatywatch.parallel.cluster import worker_count

    tally = tally or IngestTally()
    tally.started = time.perf_counter()  # the rate counts from the first batch, not the cluster's start
    limit = IN_FLIGHT_PER_WORKER * worker_count(client) + 1
    pending = as_completed()
    timed = _timed(read_raw_documents(paths, options.max_bytes), tally)
    for batch in _batches(timed, batch_size, tally, on_error):
        pending.add(client.submit(read_batch, batch, options, pure=False))
        while pending.count() >= limit:
            _write(next(pending), store, tally, on_error)
            on_progress(tally)
    for future in pending:
        _write(future, store, tally, on_error)
        on_progress(tally)
    return tally


def _timed(items: Iterator, tally: IngestTally) -> Iterator:
    """The stream, with the time spent reading it counted as `read`."""
    while True:
        started = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            return
        finally:
            tally.add_seconds("read", time.perf_counter() - started)
        yield item


def _batches(items: Iterable[RawDocument | InputError], size: int, tally: IngestTally,
             on_error: Callable[[InputError], None]) -> Iterator[list[RawDocument]]:
    batch: list[RawDocument] = []
    for item in items:
        if isinstance(item, InputError):
            tally.failed()
            on_error(item)
            continue
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(future, store: Store, tally: IngestTally,
           on_error: Callable[[InputError], None]) -> None:
    try:
        result: BatchResult = future.result()
    except TreatywatchError:
        raise
    except Exception as exc:  # KilledWorker, or a bug shown with its type
        raise WorkerError(f"a batch of documents failed on the cluster: {type(exc).__name__}: "
                          f"{exc}; what was stored before stays, and a re-run goes on "
                          "from there") from exc
    finally:
        future.release()
    rows = [item for item in result.items if isinstance(item, DocumentRows)]
    for item in result.items:
        if isinstance(item, InputError):
            tally.failed()
            on_error(item)
    started, cpu_started = time.perf_counter(), time.thread_time()
    for stored in store.write_rows(rows):
        tally.stored(stored)
    writing = time.perf_counter() - started
    tally.add_seconds("store", writing)
    tally.writer_seconds += writing
    tally.writer_cpu += time.thread_time() - cpu_started
    for stage, seconds in result.seconds.items():
        tally.add_seconds(stage, seconds)
    tally.on_topic += result.on_topic
    tally.batches += 1
    tally.extractors.add(result.worker)
    worker = result.worker.split(":")[0]
    tally.peak_rss[worker] = max(tally.peak_rss.get(worker, 0), result.peak_rss)
    tally.worker_cpu[worker] = tally.worker_cpu.get(worker, 0.0) + result.cpu_seconds
    tally.extractor_seconds += result.extractor_seconds
