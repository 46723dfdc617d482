"""How the cost of ingest grows: generated mixed streams (bench/mixed_stream.py) ingested
by one process and by Dask LocalClusters of 1 and 2 workers; docs/s, peak memory per
worker, and the share of time per stage (read, filter, extract, store). Each run is a
fresh process with a fresh SQLite store. Prints figures; asserts nothing.

    python bench/bench_ingest.py --sizes 1000 10000 --workers 1 2 [--keep DIR]

`read` is parsing (decode, trafilatura, blocks, language) plus streaming the archive;
`filter` the topic filter; `extract` the extractor on on-topic text; `store` the
MinHash signature and the writes. Worker stages add up across workers, so with 2
workers their sum exceeds the wall time. Extractor start-up (once per worker) is inside
the wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

STAGES = ("read", "filter", "extract", "store")


def run_single(stream: str, db: str) -> dict:
    from treatywatch.errors import InputError
    from treatywatch.extract import Extractor
    from treatywatch.ingest.reader import parse_raw_document, read_raw_documents
    from treatywatch.parallel.tally import IngestTally
    from treatywatch.store import open_store

    started = time.perf_counter()
    tally = IngestTally()
    extractor = Extractor().warm_up()
    with open_store(db) as store:
        raws = read_raw_documents([stream])
        while True:
            t0 = time.perf_counter()
            raw = next(raws, None)
            if raw is None:
                break
            doc = raw if isinstance(raw, InputError) else parse_raw_document(raw)
            t1 = time.perf_counter()
            tally.add_seconds("read", t1 - t0)
            if isinstance(doc, InputError):
                tally.failed()
                continue
            relevant = extractor.topic(doc.text)
            t2 = time.perf_counter()
            tally.add_seconds("filter", t2 - t1)
            if relevant:
                tally.on_topic += 1
                extractor(doc)
            t3 = time.perf_counter()
            tally.add_seconds("extract", t3 - t2)
            tally.stored(store.ingest(doc))  # events already extracted
            tally.add_seconds("store", time.perf_counter() - t3)
        store.refresh_cases()
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return _figures(tally, wall, {"main": peak})


def run_parallel(stream: str, db: str, workers: int) -> dict:
    from treatywatch.parallel import BatchOptions, dask_client, ingest_in_parallel
    from treatywatch.store import open_store

    started = time.perf_counter()
    with open_store(db) as store, dask_client(workers=workers) as client:
        tally = ingest_in_parallel([stream], store, client, BatchOptions())
        store.refresh_cases()
    wall = time.perf_counter() - started
    peaks = dict(tally.peak_rss)
    peaks["writer"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    figures = _figures(tally, wall, peaks)
    figures["writer_busy"] = round(tally.writer_seconds / wall, 3)
    return figures


def _figures(tally, wall: float, peaks: dict) -> dict:
    total = sum(tally.seconds.values()) or 1.0
    return {"docs": tally.documents, "on_topic": tally.on_topic, "events": tally.events,
            "wall_s": round(wall, 2), "docs_per_s": round(tally.documents / wall, 1),
            "share": {s: round(tally.seconds[s] / total, 3) for s in STAGES},
            "peak_rss_mb": {k: round(v / 2**20) for k, v in sorted(peaks.items())}}


def child(args) -> None:
    if args.mode == "single":
        figures = run_single(args.stream, args.db)
    else:
        figures = run_parallel(args.stream, args.db, args.workers[0])
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-single", action="store_true", help="skip the one-process run")
    parser.add_argument("--keep", help="keep streams and stores in this folder")
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--stream", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        child(args)
        return
    import mixed_stream

    folder = Path(args.keep or tempfile.mkdtemp(prefix="tw-bench-ingest-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} at the start")
    print(f"{'docs':>7} {'run':>9} {'wall s':>8} {'docs/s':>7} {'on topic':>8} "
          f"{'read':>5} {'filter':>6} {'extract':>7} {'store':>5}  peak MB per process")
    for size in args.sizes:
        stream = folder / f"mixed{size}.jsonl.gz"
        if not stream.exists():
            mixed_stream.write(size, str(stream))
        runs = ([("single", None)] if not args.no_single else []) + [("workers", w) for w in args.workers]
        for mode, workers in runs:
            db = folder / f"store-{size}-{mode}{workers or ''}.sqlite"
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            command = [sys.executable, __file__, "--mode", mode, "--stream", str(stream),
                       "--db", str(db)] + (["--workers", str(workers)] if workers else [])
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{size:>7} {mode:>9}: failed\n{done.stderr[-2000:]}")
                continue
            f = json.loads(done.stdout.strip().splitlines()[-1])
            label = "1 proc" if mode == "single" else f"{workers} wkr"
            share = f["share"]
            print(f"{size:>7} {label:>9} {f['wall_s']:>8.1f} {f['docs_per_s']:>7.1f} {f['on_topic']:>8} "
                  f"{share['read']:>5.0%} {share['filter']:>6.0%} {share['extract']:>7.0%} "
                  f"{share['store']:>5.0%}  {f['peak_rss_mb']}"
                  + (f"  writer busy {f['writer_busy']:.0%} of the wall time" if "writer_busy" in f else ""),
                  flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
