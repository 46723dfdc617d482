"""Latency of the lists (API, pages, downloads) on a store of many documents: one
client in-process, the response cache off, each query asked `--repeat` times. Prints
p50/p95 per query and the rows counted (target: p95 < 100 ms for a page of 100 rows).

    python bench/bench_lists.py [--db PATH] [--docs 10000] [--repeat 30]

The store is bench_web's (built by its builder when the file is missing): one document
in five reports an event, so 10,000 documents hold about 2,000 events.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import DEFAULT_DB, build_store  # noqa: E402

QUERIES = (
    "/api/cases?limit=100",
    "/api/events?limit=100",
    "/api/events?limit=100&sort=-confidence&offset=1500",
    "/api/events?type=appeal&polarity=negative&from=2015&to=2020",
    "/api/events?actor=KAZ&sort=-case",
    "/api/documents?limit=100",
    "/api/documents?sort=-events&offset=5000",
    "/api/documents?outlet=bench&from=2018&to=2019-06",
    "/events?sort=-when",
    "/documents?sort=title",
    "/events.csv?limit=1000",
    "/events.parquet?limit=1000",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"building a {args.docs}-document store at {args.db} ...", file=sys.stderr)
        build_store(args.db, args.docs)

    from fastapi.testclient import TestClient

    from treatywatch.serve.app import ServeSettings, create_app

    app = create_app(settings=ServeSettings(db_url=str(args.db), cache_seconds=0))
    with TestClient(app) as client:
        total = client.get("/api/documents?limit=1").json()["total"]
        events = client.get("/api/events?limit=1").json()["total"]
        print(f"store: {args.db} · {total} documents · {events} events · cache off · "
              f"{args.repeat} requests per query")
        for query in QUERIES:
            client.get(query)  # warm up
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                response = client.get(query)
                times.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{query}: {response.status_code} {response.text[:200]}")
            p50 = statistics.median(times)
            p95 = statistics.quantiles(times, n=20, method="inclusive")[-1]
            verdict = "ok" if p95 < 100 else "OVER TARGET"
            print(f"{query:56} p50={p50:6.1f} ms  p95={p95:6.1f} ms  "
                  f"{len(response.content):8} bytes  [{verdict}]")


if __name__ == "__main__":
    main()
