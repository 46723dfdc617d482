"""How the cost of ingest grows: generated mixed streams (bench/mixed_stream.py) ingested
by one process and by Dask LocalClusters of 1 and 2 workers; docs/s, peak memory per
worker, and the share of time per stage (read, filter, extract, store). Each run is a
fresh process with a fresh SQLite store. Prints figures; asserts nothing.

    python bench/bench_ingest.py --sizes 10000 100000 --workers 1 2 --single-sizes 10000 [--keep DIR]

`read` is parsing (decode, trafilatura, blocks, language) plus streaming the archive;
`filter` the topic filter; `extract` the extractor on on-topic text; `store` the
MinHash signature and the writes. Worker stages add up across workers, so with 2
workers their sum exceeds the wall time. Extractor start-up (once per worker) is inside
the wall time; `ingest s` leaves out only the cluster's start, and docs/s is counted over it.

CPU time per document, per process, is printed beside the wall time, so that the scaling
can be argued where the cores are shared: with N workers on N + 1 free cores the ingest
runs at about min(N / workers' ms per doc, 1 / main process's ms per doc).
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


def _process_figures() -> dict:
    """This process's CPU seconds (all threads) and peak memory."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss": usage.ru_maxrss * 1024}


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
    main = _process_figures()
    figures = _figures(tally, wall, {"main": main["peak_rss"]})
    figures["cpu_ms_per_doc"] = {"main": _per_doc(main["cpu_s"], tally)}
    return figures


def run_parallel(stream: str, db: str, workers: int, batch_size: int) -> dict:
    from treatywatch.parallel import BatchOptions, dask_client, ingest_in_parallel
    from treatywatch.store import open_store

    started = time.perf_counter()
    with open_store(db) as store, dask_client(workers=workers) as client:
        ingest_started, ingest_cpu = time.perf_counter(), _process_figures()["cpu_s"]
        tally = ingest_in_parallel([stream], store, client, BatchOptions(), batch_size=batch_size)
        ingest_wall = time.perf_counter() - ingest_started
        ingest_cpu = _process_figures()["cpu_s"] - ingest_cpu
        store.refresh_cases()
        processes = client.run(_process_figures)  # the worker processes, all their threads
    wall = time.perf_counter() - started
    main = _process_figures()  # the writer; also the scheduler, client and reading the stream
    peaks = dict(tally.peak_rss)
    peaks["writer"] = main["peak_rss"]
    figures = _figures(tally, wall, peaks)
    figures["ingest_s"] = round(ingest_wall, 2)
    figures["ingest_docs_per_s"] = round(tally.documents / ingest_wall, 1)
    figures["writer_busy"] = round(tally.writer_seconds / ingest_wall, 3)
    figures["cpu_ms_per_doc"] = {
        "batches": _per_doc(sum(tally.worker_cpu.values()), tally),  # read_batch, all workers
        "worker_procs": _per_doc(sum(p["cpu_s"] for p in processes.values()), tally),
        "write_rows": _per_doc(tally.writer_cpu, tally),
        "main_ingest": _per_doc(ingest_cpu, tally),  # the main process during the ingest only
        "main": _per_doc(main["cpu_s"], tally)}
    figures["extractor_start_s"] = round(tally.extractor_seconds / workers, 1)
    return figures


def _per_doc(seconds: float, tally) -> float:
    return round(1000 * seconds / max(1, tally.documents), 3)


def _figures(tally, wall: float, peaks: dict) -> dict:
    total = sum(tally.seconds.values()) or 1.0
    return {"docs": tally.documents, "on_topic": tally.on_topic, "events": tally.events,
            "near_duplicates": tally.counts["near_duplicate"],
            "wall_s": round(wall, 2), "docs_per_s": round(tally.documents / wall, 1),
            "share": {s: round(tally.seconds[s] / total, 3) for s in STAGES},
            "peak_rss_mb": {k: round(v / 2**20) for k, v in sorted(peaks.items())}}


def child(args) -> None:
    if args.mode == "single":
        figures = run_single(args.stream, args.db)
    else:
        figures = run_parallel(args.stream, args.db, args.workers[0], args.batch_size)
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--single-sizes", type=int, nargs="*", default=None,
                        help="sizes with a one-process run too (default: all; a document "
                             "a transaction is slow at 100k)")
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
    single_sizes = args.sizes if args.single_sizes is None else args.single_sizes
    print(f"cores: {os.cpu_count()}, load average {_load()} at the start; batch size {args.batch_size}")
    print("CPU ms/doc: batches = read_batch on the workers (thread CPU, summed over workers, "
          "less the extractor's making); procs = worker processes whole; write = Store.write_rows; "
          "main in = the main process during the ingest (writer, scheduler, client, reading the "
          "stream); main = the main process whole (with imports, cluster start, cases)")
    print(f"{'docs':>7} {'run':>7} {'wall s':>7} {'ingest s':>8} {'docs/s':>7} {'on topic':>8} "
          f"{'read':>5} {'filter':>6} {'extract':>7} {'store':>5} | CPU ms/doc: {'batches':>7} "
          f"{'procs':>6} {'write':>6} {'main in':>7} {'main':>6} | load (1, 5 min) | peak MB per process")
    rates: dict[tuple[int, int | None], float] = {}
    for size in args.sizes:
        stream = folder / f"mixed{size}.jsonl.gz"
        if not stream.exists():
            mixed_stream.write(size, str(stream))
        runs = ([("single", None)] if size in single_sizes else []) + \
            [("workers", w) for w in args.workers]
        for mode, workers in runs:
            db = folder / f"store-{size}-{mode}{workers or ''}.sqlite"
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            command = [sys.executable, __file__, "--mode", mode, "--stream", str(stream),
                       "--db", str(db), "--batch-size", str(args.batch_size)] + \
                (["--workers", str(workers)] if workers else [])
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{size:>7} {mode:>7}: failed\n{done.stderr[-2000:]}")
                continue
            f = json.loads(done.stdout.strip().splitlines()[-1])
            label = "1 proc" if mode == "single" else f"{workers} wkr"
            share, cpu = f["share"], f["cpu_ms_per_doc"]
            rate = f.get("ingest_docs_per_s", f["docs_per_s"])
            rates[size, workers] = rate
            print(f"{size:>7} {label:>7} {f['wall_s']:>7.1f} {f.get('ingest_s', f['wall_s']):>8.1f} "
                  f"{rate:>7.1f} {f['on_topic']:>8} "
                  f"{share['read']:>5.0%} {share['filter']:>6.0%} {share['extract']:>7.0%} "
                  f"{share['store']:>5.0%} | {'':>11} {cpu.get('batches', 0):>7.2f} "
                  f"{cpu.get('worker_procs', 0):>6.2f} {cpu.get('write_rows', 0):>6.2f} "
                  f"{cpu.get('main_ingest', 0):>7.2f} {cpu['main']:>6.2f} | {_load():>15} | {f['peak_rss_mb']}"
                  + f"  near-dup {f['near_duplicates']}"
                  + (f"  writer busy {f['writer_busy']:.0%}, extractor made in "
                     f"{f['extractor_start_s']} s" if "writer_busy" in f else ""),
                  flush=True)
    for size in args.sizes:
        for workers in args.workers:
            if workers != 1 and (size, 1) in rates and (size, workers) in rates:
                print(f"{size}: {workers} workers / 1 worker = "
                      f"{rates[size, workers] / rates[size, 1]:.2f}x (docs/s of the ingest)")
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        for workers in args.workers:
            if (small, workers) in rates and (large, workers) in rates:
                print(f"{workers} worker(s): time per document at {large} / at {small} = "
                      f"{rates[small, workers] / rates[large, workers]:.2f}")
    print(f"load average {_load()} at the end")


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f}, {five:.1f}"


if __name__ == "__main__":
    main()
