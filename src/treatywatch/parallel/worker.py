"""What a Dask worker does with a batch of raw documents: parse, reject off-topic text
cheaply, extract the rest, sign each for near-duplicate search, and make each into the
rows to insert (`store.write.document_rows`). Everything costly happens here; the
writer links near-duplicates and inserts.

The extractor is made once per worker process (the first batch pays for it) and shared
by the batches that follow; it keeps no per-call state, so threads may share it too.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import resource
import threading
import time
from dataclasses import dataclass
from typing import Any

from treatywatch.errors import InputError, TreatywatchError
from treatywatch.ingest.reader import DEFAULT_MAX_BYTES, parse_raw_document
from treatywatch.ingest.streams import RawDocument
from treatywatch.model import Doc
from treatywatch.parallel.tally import STAGES
from treatywatch.store.identity import document_id
from treatywatch.store.write import DocumentRows, document_rows

DEFAULT_EXTRACTOR = "treatywatch.extract:Extractor"

_extractors: dict[str, Any] = {}
_extractors_lock = threading.Lock()


@dataclass(frozen=True)
class BatchOptions:
    default_date: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    extractor: str = DEFAULT_EXTRACTOR  # "module:callable" making the extractor
    store_url: str | None = None  # where workers can see it: stored texts are not extracted again


@dataclass
class BatchResult:
    items: list[DocumentRows | InputError]  # in the order of the batch
    on_topic: int
    seconds: dict[str, float]  # time per stage spent on this batch
    worker: str  # "pid:extractor id": which extractor instance read it
    peak_rss: int  # bytes: the worker process's peak resident memory so far
    cpu_seconds: float = 0.0  # CPU time of this batch (the thread that read it), less the extractor's making
    extractor_seconds: float = 0.0  # > 0 only on the batch that made the extractor


def worker_extractor(spec: str) -> tuple[Any, float]:
    """The worker's extractor for `spec`, made on first use; the seconds it took now."""
    with _extractors_lock:
        if spec in _extractors:
            return _extractors[spec], 0.0
        started = time.perf_counter()
        module, _, name = spec.partition(":")
        extractor = getattr(importlib.import_module(module), name)()
        if hasattr(extractor, "warm_up"):
            extractor.warm_up()
        _extractors[spec] = extractor
        return extractor, time.perf_counter() - started


def read_batch(raws: list[RawDocument], options: BatchOptions) -> BatchResult:
    extractor, made_in = worker_extractor(options.extractor)
    cpu_started = time.thread_time()  # the extractor's making is counted apart
    topic = getattr(extractor, "topic", None)
    seconds = dict.fromkeys(STAGES, 0.0)
    items: list[DocumentRows | InputError] = []
    on_topic = 0
    started = time.perf_counter()
    parsed_items = [parse_raw_document(raw, options.default_date, options.max_bytes) for raw in raws]
    stored = _already_stored(options.store_url, parsed_items)
    seconds["read"] += time.perf_counter() - started
    for item in parsed_items:
        parsed = time.perf_counter()
        if isinstance(item, InputError):
            items.append(item)
            continue
        # the extractor's own first look, taken here so that off-topic text costs no more
        relevant = bool(item.text) and (topic is None or topic(item.text))
        filtered = time.perf_counter()
        seconds["filter"] += filtered - parsed
        if relevant:
            on_topic += 1
        known = document_id(item.text) in stored
        if relevant and not known:
            item = extractor(item)
        else:
            item.events = []  # off topic, or stored already: the writer counts a duplicate
        extracted = time.perf_counter()
        seconds["extract"] += extracted - filtered
        # signed for the store's near-duplicate search; the writer signs a stored one if need be
        items.append(document_rows(item, b"" if known else None,
                                   _knowledge() if any(e.size for e in item.events) else None))
        seconds["store"] += time.perf_counter() - extracted
    return BatchResult(items, on_topic, seconds, f"{os.getpid()}:{id(extractor)}", _peak_rss(),
                       time.thread_time() - cpu_started, made_in)


def _knowledge() -> Any:
    from treatywatch.knowledge import load_knowledge

    return load_knowledge()  # read once per process


_engines: dict[str, Any] = {}


def _already_stored(url: str | None, items: list[Doc | InputError]) -> set[str]:
    """Ids of the batch's texts already in the store (a re-run), when this worker can
    read the store; else none, and the writer finds the duplicates instead."""
    ids = [document_id(item.text) for item in items if isinstance(item, Doc)]
    if not url or not ids:
        return set()
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    from treatywatch.store.db import create_store_engine
    from treatywatch.store.models import DocumentRow

    if url.startswith("sqlite:///") and not os.path.exists(url.removeprefix("sqlite:///")):
        return set()
    try:
        with _extractors_lock:
            engine = _engines.get(url) or _engines.setdefault(url, create_store_engine(url))
        with engine.connect() as conn:
            return set(conn.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(ids))))
    except (SQLAlchemyError, TreatywatchError):
        return set()


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
