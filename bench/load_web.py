"""Sustained load on the web app: many concurrent clients on the case page, the check
page, search and the JSON API, for a bounded time, with the response cache on and off.
Prints p50/p95/p99 per kind of request, the error rate, the CPU time the server and
the clients spent per request, the machine's load, and the server's memory over the
run (bounded: its peak in the second half is compared with the first half's).

    python bench/load_web.py [--db PATH] [--docs 10000] [--clients 50] [--seconds 300]
                             [--cache on,off] [--clients-uncached 20] [--workers 1]
                             [--client-processes 2] [--server-cpus 0] [--client-cpus 1]
                             [--profile DIR]

Everything runs on loopback. The store is built when missing (bench_web.py's builder:
--docs documents written by us, about 60 cases of 30 reports). The server is
`treatywatch serve [--workers N]` in a subprocess; the clients are threads, one
keep-alive connection each, spread over --client-processes processes (so that the
clients' own GIL does not add to what they measure), drawing requests at random from
the mix below. --server-cpus / --client-cpus pin either side to cores (taskset's
list syntax: 0 or 0-1 or 0,2). --profile records each phase's server with py-spy
(sampling only threads that hold the GIL, i.e. CPU) into DIR as collapsed stacks.
On a machine shared with other work the figures are upper bounds: the load average
is printed with each phase.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_web import DEFAULT_DB, build_store, percentile, wait_until_up  # noqa: E402
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
    """Samples the resident memory of the server and its worker processes every half
    second."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        started = time.monotonic()
        while not self.stop.is_set():
            try:
                rss = sum(p.memory_info().rss for p in server_processes(self.process))
            except psutil.Error:
                return
            self.samples.append((time.monotonic() - started, rss))
            self.stop.wait(0.5)


def server_processes(process: psutil.Process) -> list[psutil.Process]:
    """The server and its workers (not uvicorn's resource tracker, which is idle)."""
    return [process, *process.children(recursive=True)]


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def parse_cpus(text: str | None) -> set[int] | None:
    """taskset's list syntax: `0`, `0-1`, `0,2-3`."""
    if not text:
        return None
    cpus: set[int] = set()
    for part in text.split(","):
        low, _, high = part.partition("-")
        cpus.update(range(int(low), int(high or low) + 1))
    return cpus


def start_server(db: Path, port: int, cache_seconds: float, workers: int,
                 cpus: set[int] | None) -> subprocess.Popen:
    env = dict(os.environ, TREATYWATCH_TOKEN="", TREATYWATCH_CACHE_SECONDS=str(cache_seconds))
    command = [sys.executable, "-c", "from treatywatch.cli import main; main()", "serve",
               "--host", LOOPBACK, "--port", str(port), "--db", str(db),
               *(["--workers", str(workers)] if workers > 1 else [])]
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=pin)


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


def _load_in_process(args: tuple) -> tuple[dict[str, list[float]], dict[str, int], float, float]:
    base_url, mix, clients, seconds, seed, cpus = args
    if cpus:
        os.sched_setaffinity(0, cpus)
    before = time.process_time()
    latencies, errors, elapsed = load(base_url, mix, clients, seconds, seed)
    return dict(latencies), dict(errors), elapsed, time.process_time() - before


def load_from_processes(base_url: str, mix: dict[str, list[str]], clients: int, seconds: float,
                        seed: int, processes: int, cpus: set[int] | None
                        ) -> tuple[dict[str, list[float]], dict[str, int], float, float]:
    """`load` with the clients spread over `processes` processes; also the CPU seconds
    the clients spent."""
    shares = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    jobs = [(base_url, mix, share, seconds, seed * 100 + i, cpus)
            for i, share in enumerate(shares) if share]
    with multiprocessing.get_context("fork").Pool(len(jobs)) as pool:
        results = pool.map(_load_in_process, jobs)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    for lat, err, _elapsed, _cpu in results:
        for kind, values in lat.items():
            latencies[kind].extend(values)
        for kind, count in err.items():
            errors[kind] += count
    return latencies, errors, max(r[2] for r in results), sum(r[3] for r in results)


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
              label: str, targets: tuple[str, float] | None, options: argparse.Namespace) -> bool:
    port = free_port()
    base_url = f"http://{LOOPBACK}:{port}"
    server = start_server(db, port, cache_seconds, options.workers, parse_cpus(options.server_cpus))
    client_cpus = parse_cpus(options.client_cpus)
    try:
        wait_until_up(base_url, server)
        mix = request_mix(base_url)
        load_from_processes(base_url, mix, clients, min(5.0, seconds / 4), seed + 99,
                            options.client_processes, client_cpus)  # warm up
        profiler = start_profiler(server.pid, seconds, options.profile, label)
        tree = server_processes(psutil.Process(server.pid))
        memory = Memory(server.pid)
        memory.start()
        load_before = os.getloadavg()
        server_before = cpu_seconds(tree)
        latencies, errors, elapsed, client_cpu = load_from_processes(
            base_url, mix, clients, seconds, seed, options.client_processes, client_cpus)
        server_cpu = cpu_seconds(tree) - server_before
        load_after = os.getloadavg()
        memory.stop.set()
        memory.join()
        if profiler is not None:
            profiler.wait()
        held = report(label, latencies, errors, elapsed, memory, targets)
        count = sum(len(v) for v in latencies.values()) + sum(errors.values())
        print(f"  CPU per request: server {1000 * server_cpu / max(count, 1):.2f} ms "
              f"({options.workers} worker{'s' if options.workers > 1 else ''}), clients "
              f"{1000 * client_cpu / max(count, 1):.2f} ms ({options.client_processes} "
              f"process{'es' if options.client_processes > 1 else ''}); load average "
              f"{load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end "
              f"({os.cpu_count()} cores)")
        return held
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except Exception:  # noqa: BLE001 - make sure it is gone
            server.kill()


def start_profiler(pid: int, seconds: float, folder: Path | None, label: str) -> subprocess.Popen | None:
    if folder is None:
        return None
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        raise SystemExit("--profile needs py-spy (pip install py-spy)")
    folder.mkdir(parents=True, exist_ok=True)
    name = "".join(c if c.isalnum() else "-" for c in label).strip("-") + ".txt"
    return subprocess.Popen([spy, "record", "--pid", str(pid), "--subprocesses", "--gil",
                             "--duration", str(max(1, int(seconds) - 1)), "--rate", "200",
                             "--format", "raw", "--output", str(folder / name)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


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
    parser.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    parser.add_argument("--client-processes", type=int, default=2,
                        help="processes the client threads are spread over")
    parser.add_argument("--server-cpus", help="pin the server to these cores (e.g. 0 or 0-1)")
    parser.add_argument("--client-cpus", help="pin the clients to these cores (e.g. 1)")
    parser.add_argument("--profile", type=Path, help="record each phase's server with py-spy here")
    args = parser.parse_args()
    if args.seconds <= 0 or args.clients < 1 or args.workers < 1 or args.client_processes < 1:
        raise SystemExit("--seconds, --clients, --workers and --client-processes must be positive")

    if not args.db.exists():
        print(f"building a {args.docs}-document store at {args.db} ...", file=sys.stderr)
        build_store(args.db, args.docs)
    print(f"store: {args.db} · loopback · {args.seconds:g} s a phase · "
          f"mix: case/check/search pages, API case/check/cases/search · "
          f"{args.workers} server worker(s), clients in {args.client_processes} process(es) · "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    held = []
    for phase in [p for p in args.cache.split(",") if p]:
        on = phase == "on"
        label = (f"{args.clients} clients, response cache {args.cache_seconds:g} s" if on
                 else f"{args.clients} clients, no response cache")
        held.append(run_phase(args.db, args.cache_seconds if on else 0, args.clients, args.seconds,
                              args.seed, label, ("p99", 250.0) if on else None, args))
    if args.clients_uncached:
        held.append(run_phase(args.db, 0, args.clients_uncached, args.seconds, args.seed + 1,
                              f"{args.clients_uncached} clients, no response cache",
                              ("p95", 100.0), args))
    print("\ntargets: " + ("all held" if all(held) else "not all held"))


if __name__ == "__main__":
    main()
