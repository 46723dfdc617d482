"""Sustained load on the web app: many concurrent clients on the case page, the check
page, search and the JSON API, for a bounded time, with the response cache on and off.
Prints p50/p95/p99 per kind of request, the error rate, and the server's memory over
the run (bounded: its peak in the second half is compared with the first half's).

    python bench/load_web.py [--db PATH] [--docs 10000] [--clients 50] [--seconds 300]
                             [--cache on,off] [--clients-uncached 20]

Everything runs on loopback. The server is `treatywatch serve` in a subprocess (as in
bench_web.py, whose store builder it uses: --docs synthetic documents, about 60 cases);
the clients are threads of this process, one keep-alive connection each, drawing
requests at random from the mix below. On a shared 2-core machine the client threads
take CPU from the server: the figures are upper bounds and noisy.
"""

from __future__ import annotations

import argparse
import http.client
import random
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import DEFAULT_DB, build_store, percentile, start_server, wait_until_up  # noqa: E402
from treatywatch.serve.live import LOOPBACK, free_port  # noqa: E402

SEARCHES = ("CSTO", "peacekeepers", "troops arrived", "council decided", "harvest", "ОДКБ",
            "military help", "railway timetable", "secretariat")


def request_mix(base_url: str) -> dict[str, list[str]]:
    cases = httpx.get(base_url + "/api/cases", timeout=60).json()["cases"]
    if not cases:
        raise SystemExit("the store holds no case: nothing to load")
    months = [(c["requester"], c["addressee"], str(c["start"] or "")[:7]) for c in cases]
    return {
        "case page": [f"/cases/{c['id']}" for c in cases],
        "check page": [f"/check?state={s}&org={o}&when={w}" for s, o, w in months],
        "search page": [f"/search?q={quote(q)}" for q in SEARCHES],
        "api case": [f"/api/cases/{c['id']}" for c in cases],
        "api check": [f"/api/check?state={s}&org={o}&when={w}" for s, o, w in months],
        "api cases": ["/api/cases", "/api/cases?org=CSTO", "/api/cases?verdict=made",
                      "/api/cases?from=2015&to=2020"],
        "api search": [f"/api/search?q={quote(q)}" for q in SEARCHES],
    }


class Memory(threading.Thread):
    """Samples the server's resident memory every half second."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        started = time.monotonic()
        while not self.stop.is_set():
            try:
                self.samples.append((time.monotonic() - started, self.process.memory_info().rss))
            except psutil.Error:
                return
            self.stop.wait(0.5)


def load(base_url: str, mix: dict[str, list[str]], clients: int, seconds: float,
         seed: int) -> tuple[dict[str, list[float]], dict[str, int], float]:
    host, port = base_url.removeprefix("http://").split(":")
    kinds = sorted(mix)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        mine: dict[str, list[float]] = defaultdict(list)
        failed: dict[str, int] = defaultdict(int)
        while time.monotonic() < stop_at:
            kind = rng.choice(kinds)
            path = rng.choice(mix[kind])
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
            if ok:
                mine[kind].append((time.perf_counter() - started) * 1000)
            else:
                failed[kind] += 1
        connection.close()
        with lock:
            for kind, values in mine.items():
                latencies[kind].extend(values)
            for kind, count in failed.items():
                errors[kind] += count

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.monotonic() - started


def report(label: str, latencies: dict[str, list[float]], errors: dict[str, int], elapsed: float,
           memory: Memory, targets: tuple[str, float] | None) -> bool:
    print(f"\n{label}")
    everything = [v for values in latencies.values() for v in values]
    failed = sum(errors.values())
    total = len(everything) + failed
    for kind in sorted(set(latencies) | set(errors)):
        values = latencies.get(kind, [])
        if values:
            print(f"  {kind:12} n={len(values):6} p50={percentile(values, 50):7.1f} ms  "
                  f"p95={percentile(values, 95):7.1f} ms  p99={percentile(values, 99):7.1f} ms  "
                  f"errors={errors.get(kind, 0)}")
        else:
            print(f"  {kind:12} no successful request, errors={errors.get(kind, 0)}")
    held = True
    if everything:
        p95, p99 = percentile(everything, 95), percentile(everything, 99)
        print(f"  {'all':12} n={len(everything):6} p50={percentile(everything, 50):7.1f} ms  "
              f"p95={p95:7.1f} ms  p99={p99:7.1f} ms  {len(everything) / elapsed:.0f} req/s  "
              f"error rate {failed / max(total, 1):.4%} ({failed}/{total})")
        if targets:
            name, limit = targets
            value = {"p95": p95, "p99": p99}[name]
            held = value < limit and failed == 0
            print(f"  target {name} < {limit:g} ms with 0 errors: {'held' if held else 'NOT HELD'} "
                  f"({name} {value:.1f} ms, {failed} errors)")
    if memory.samples:
        half = memory.samples[-1][0] / 2
        first = max((rss for t, rss in memory.samples if t <= half), default=0)
        second = max((rss for t, rss in memory.samples if t > half), default=0)
        mb = 1024 * 1024
        bounded = second <= first * 1.10 + 20 * mb
        print(f"  server memory: start {memory.samples[0][1] / mb:.0f} MB, peak first half "
              f"{first / mb:.0f} MB, peak second half {second / mb:.0f} MB: "
              f"{'bounded' if bounded else 'STILL GROWING'}")
        held = held and bounded
    return held


def run_phase(db: Path, cache_seconds: float, clients: int, seconds: float, seed: int,
              label: str, targets: tuple[str, float] | None) -> bool:
    port = free_port()
    base_url = f"http://{LOOPBACK}:{port}"
    server = start_server(str(db), port, cache_seconds)
    try:
        wait_until_up(base_url, server)
        mix = request_mix(base_url)
        load(base_url, mix, clients, min(5.0, seconds / 4), seed + 99)  # warm up
        memory = Memory(server.pid)
        memory.start()
        latencies, errors, elapsed = load(base_url, mix, clients, seconds, seed)
        memory.stop.set()
        memory.join()
        return report(label, latencies, errors, elapsed, memory, targets)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except Exception:  # noqa: BLE001 - make sure it is gone
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--clients-uncached", type=int, default=20,
                        help="clients of the extra uncached phase (the p95 target's); 0: none")
    parser.add_argument("--seconds", type=float, default=300.0, help="per phase")
    parser.add_argument("--cache", default="on,off", help="phases at --clients: on, off or both")
    parser.add_argument("--cache-seconds", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    if not args.db.exists():
        print(f"building a {args.docs}-document store at {args.db} ...", file=sys.stderr)
        build_store(args.db, args.docs)
    print(f"store: {args.db} · loopback · {args.seconds:g} s a phase · "
          f"mix: case/check/search pages, API case/check/cases/search")
    held = []
    for phase in [p for p in args.cache.split(",") if p]:
        on = phase == "on"
        label = (f"{args.clients} clients, response cache {args.cache_seconds:g} s" if on
                 else f"{args.clients} clients, no response cache")
        held.append(run_phase(args.db, args.cache_seconds if on else 0, args.clients, args.seconds,
                              args.seed, label, ("p99", 250.0) if on else None))
    if args.clients_uncached:
        held.append(run_phase(args.db, 0, args.clients_uncached, args.seconds, args.seed + 1,
                              f"{args.clients_uncached} clients, no response cache",
                              ("p95", 100.0)))
    print("\ntargets: " + ("all held" if all(held) else "not all held"))


if __name__ == "__main__":
    main()
