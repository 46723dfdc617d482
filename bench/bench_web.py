"""Latency of the web app under load: the case page and /api/check on a store of
10,000 documents, 20 concurrent clients (threads, one keep-alive connection each) on loopback. Prints p50/p95 (target: p95 < 100 ms).

    python bench/bench_web.py [--db PATH] [--docs 10000] [--clients 20] [--requests 2000] [--no-cache]

The store is built once by bench_check's builder (reused when the file exists); the
server runs as `treatywatch serve` in a subprocess on a free loopback port, so client
and server do not share an interpreter. Bounded: --requests per target and a
--deadline in seconds.
"""

from __future__ import annotations

import argparse
import http.client
import datetime as dt
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from treatywatch.serve.live import LOOPBACK, free_port  # noqa: E402

DEFAULT_DB = Path(__file__).resolve().parent / ".cache" / "bench-10k.sqlite"


def build_store(db_path: Path, docs: int) -> None:
    """The 10,000-document store of bench_check when it offers a builder (one store for
    both benchmarks); else `build_web_store` below."""
    try:
        from bench_check import build_store as build_check_store
    except ImportError:
        build_web_store(db_path, docs)
    else:
        build_check_store(db_path, docs)


STATES = ("KAZ", "TJK", "KGZ", "ARM", "BLR", "RUS")
EPISODES = 60
FILLER = (
    "The regional council discussed the budget for road repairs and school heating.",
    "Farmers expect a good harvest after a mild and rainy spring in the valley.",
    "The national football team lost a friendly match on Saturday evening.",
    "Prices of fuel rose slightly in the capital over the past week.",
    "A new railway timetable comes into force at the start of next month.",
    "Museums will stay open late on the night of the city festival.",
)

# made-up words, so that filler documents are not near-duplicates of each other
SYLLABLES = tuple(c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ar", "en", "ol"))


def build_web_store(db_path: Path, docs: int, seed: int = 0) -> None:
    """`docs` documents written here (no corpus text): one in five reports an appeal,
    a denial, a decision or a deployment in one of EPISODES episodes (a state of STATES
    and the CSTO, in a month of 2012-2025; about 30 reports each), with its evidence
    span; the rest is off-topic filler. Events are given, not extracted."""
    import random

    from treatywatch.model import Doc, Event, Evidence
    from treatywatch.store import open_store

    rng = random.Random(seed)
    months = sorted(rng.sample(range(2012 * 12, 2026 * 12), EPISODES))
    episodes = [(STATES[i % len(STATES)], f"{m // 12}-{m % 12 + 1:02d}") for i, m in enumerate(months)]
    db_path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(str(db_path))
    started = time.monotonic()
    for n in range(docs):
        words = " ".join(rng.choice(SYLLABLES) + rng.choice(SYLLABLES) for _ in range(60))
        body = " ".join(rng.sample(FILLER, 2)) + f" Notes {n}: {words}."
        events: list[tuple[dict, str]] = []
        if n % 5 == 0:
            state, when = episodes[rng.randrange(len(episodes))]
            kind = rng.choice(("appeal", "appeal", "denial", "decision", "deployment"))
            if kind == "appeal":
                sentence = f"Officials of {state} asked the CSTO for military help in {when}."
                fields = {"type": "appeal", "actor": state, "target": "CSTO", "source": state}
            elif kind == "denial":
                sentence = f"The CSTO secretariat said {state} made no request for help in {when}."
                fields = {"type": "appeal", "actor": state, "target": "CSTO", "polarity": "negative",
                          "source": "CSTO"}
            elif kind == "decision":
                sentence = f"The CSTO council decided in {when} to send peacekeepers to {state}."
                fields = {"type": "decision", "actor": "CSTO", "target": state, "source": "CSTO",
                          "outcome": "deploy", "basis": "CST-4"}
            else:
                size = rng.choice((100, 200, 500, 1000))
                sentence = f"A contingent of {size} troops from RUS arrived in {state} in {when}."
                fields = {"type": "deployment", "actor": "RUS", "target": state, "via": "CSTO",
                          "size": size}
            body = body + " " + sentence
            events.append(({**fields, "when": when}, sentence))
        doc = Doc(id=f"bench-{n:05d}.txt", text=body, lang="en",
                  published=dt.date(2015 + n % 11, 1 + n % 12, 1 + n % 28))
        for fields, sentence in events:
            start = body.index(sentence)
            doc.events.append(Event(**fields, evidence=[Evidence(doc.id, start, start + len(sentence), sentence)]))
        store.ingest(doc)
        if n and n % 1000 == 0:
            print(f"  {n} documents ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    store.refresh_cases(everything=True)
    store.close()


def start_server(db_url: str, port: int, cache_seconds: float) -> subprocess.Popen:
    env = dict(os.environ, TREATYWATCH_TOKEN="", TREATYWATCH_CACHE_SECONDS=str(cache_seconds))
    command = [sys.executable, "-c", "from treatywatch.cli import main; main()", "serve",
               "--host", LOOPBACK, "--port", str(port), "--db", db_url]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until_up(base_url: str, server: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode(errors='replace')}")
        try:
            response = httpx.get(base_url + "/api/cases", timeout=30)
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        if response.status_code == 200:
            return
        raise SystemExit(f"the server answers {response.status_code}: {response.text}")
    raise SystemExit(f"server did not answer at {base_url} within {timeout} s")


def hammer(base_url: str, paths: list[str], clients: int, requests: int,
           deadline: float) -> tuple[list[float], int]:
    """`requests` GETs spread over `clients` threads, each with its own keep-alive
    connection (http.client: light, so the clients take little of the CPU the server
    needs), cycling `paths`; the latencies in ms of the 200 answers, and the count of
    other outcomes."""
    host, port = base_url.removeprefix("http://").split(":")
    work = iter([paths[i % len(paths)] for i in range(requests)])
    lock = threading.Lock()
    latencies: list[float] = []
    failures = 0
    stop_at = time.monotonic() + deadline

    def one_client() -> None:
        nonlocal failures
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        try:
            while time.monotonic() < stop_at:
                with lock:
                    path = next(work, None)
                if path is None:
                    return
                started = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    connection.close()
                    connection = http.client.HTTPConnection(host, int(port), timeout=30)
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        failures += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=one_client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def targets(base_url: str) -> dict[str, list[str]]:
    """Case pages of the store's cases, and /api/check for their parties and months."""
    cases = httpx.get(base_url + "/api/cases", timeout=30).json()["cases"]
    if not cases:
        raise SystemExit("the store holds no case: nothing to benchmark")
    case_paths = [f"/cases/{c['id']}" for c in cases]
    check_paths = [f"/api/check?state={c['requester']}&org={c['addressee']}&when={str(c['start'] or '')[:7]}"
                   for c in cases]
    return {"case page": case_paths, "/api/check": check_paths}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="per target")
    parser.add_argument("--deadline", type=float, default=120.0, help="seconds per target")
    parser.add_argument("--cache-seconds", type=float, default=5.0,
                        help="the server's response cache lifetime (as TREATYWATCH_CACHE_SECONDS)")
    parser.add_argument("--no-cache", action="store_true", help="measure with the cache off")
    args = parser.parse_args()

    if not args.db.exists():
        print(f"building a {args.docs}-document store at {args.db} ...", file=sys.stderr)
        build_store(args.db, args.docs)
    port = free_port()
    base_url = f"http://{LOOPBACK}:{port}"
    server = start_server(str(args.db), port, 0 if args.no_cache else args.cache_seconds)
    try:
        wait_until_up(base_url, server)
        cache = "off" if args.no_cache else f"{args.cache_seconds:g} s"
        print(f"store: {args.db} · {args.clients} concurrent clients · loopback · response cache {cache}")
        for name, paths in targets(base_url).items():
            hammer(base_url, paths, args.clients, min(100, args.requests), 30)  # warm up
            started = time.monotonic()
            latencies, failures = hammer(base_url, paths, args.clients, args.requests, args.deadline)
            elapsed = time.monotonic() - started
            if not latencies:
                raise SystemExit(f"{name}: no successful request ({failures} failed)")
            p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
            verdict = "ok" if p95 < 100 else "OVER TARGET"
            print(f"{name:12} n={len(latencies):5} failed={failures:3} "
                  f"p50={p50:6.1f} ms  p95={p95:6.1f} ms  max={max(latencies):6.1f} ms  "
                  f"{len(latencies) / elapsed:6.0f} req/s  [{verdict}: p95 < 100 ms]")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
