"""The response cache under ingest: while clients read cached case pages, case JSON
and checks through a real server, another handle on the store (as the CLI in another
process) ingests reports of that case one by one. No read that starts after a write
has committed may answer from before it, although entries live for a minute."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from test_store_generation import report
from treatywatch.serve.answers import Answers
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.live import serving
from treatywatch.serve.response_cache import ResponseCache
from treatywatch.store import open_store

READERS = 6
WRITES = 8


def test_cache_serves_nothing_older_than_a_committed_write(tmp_path):
    url = f"sqlite:///{tmp_path / 'cached.sqlite'}"
    with open_store(url) as setup:
        setup.ingest(report(0))
        setup.refresh_cases()
    answers = Answers(open_store(url))
    case_id = answers.list_cases()[0]["id"]
    app = create_app(settings=ServeSettings(cache_seconds=60), answers=answers)
    writer = open_store(url)
    committed: list[tuple[float, int]] = []  # (when, reports the case holds from then on)
    seen: list[tuple[float, str, int]] = []  # (request started, what, reports it showed)
    lock = threading.Lock()
    done = threading.Event()

    def read(base_url: str) -> None:
        with httpx.Client(base_url=base_url, timeout=60) as client:
            while not done.is_set():
                started = time.monotonic()
                case = client.get(f"/api/cases/{case_id}").json()["case"]
                check = client.get("/api/check", params={"state": "KGZ", "org": "CSTO",
                                                         "when": "2021-04"}).json()
                page = client.get(f"/cases/{case_id}").text
                shown = max((n for n in range(WRITES + 1) if f"(report {n})" in page), default=-1)
                with lock:
                    seen.extend([(started, "api case", case["documents"]),
                                 (started, "api check", check["documents"]),
                                 (started, "case page", shown + 1)])

    try:
        with serving(app) as base_url:
            readers = [threading.Thread(target=read, args=(base_url,)) for _ in range(READERS)]
            for thread in readers:
                thread.start()
            time.sleep(0.3)
            for number in range(1, WRITES + 1):
                writer.ingest(report(number))
                writer.refresh_cases()
                committed.append((time.monotonic(), number + 1))
                time.sleep(0.15)  # let the readers fill the cache at this state
            time.sleep(0.3)
            done.set()
            for thread in readers:
                thread.join(timeout=60)
    finally:
        done.set()
        writer.close()
        answers.close()

    stale = [(what, shown, expected) for started, what, shown in seen
             for at, expected in committed if started > at and shown < expected]
    assert stale == []
    # the cache did answer from entries (else this would test nothing) and caught up
    assert max(shown for _, what, shown in seen if what == "api case") == WRITES + 1
    assert len(seen) > 3 * READERS * 4


def test_cache_entry_made_before_a_write_is_not_served_after_it():
    generation = [1]
    cache = ResponseCache(ttl=60, generation=lambda: generation[0])
    values = iter([b"before", b"after", b"unused"])
    assert cache.get_or_make("k", lambda: next(values)) == b"before"
    assert cache.get_or_make("k", lambda: next(values)) == b"before"  # same generation: cached
    generation[0] = 2
    assert cache.get_or_make("k", lambda: next(values)) == b"after"
    assert cache.get_or_make("k", lambda: next(values)) == b"after"


def test_a_slow_answer_from_an_older_generation_never_replaces_a_newer_one():
    generation = [1]
    cache = ResponseCache(ttl=60, generation=lambda: generation[0])
    started, release = threading.Event(), threading.Event()

    def slow() -> bytes:
        started.set()
        release.wait(10)
        return b"old"

    slow_reader = threading.Thread(target=cache.get_or_make, args=("k", slow))
    slow_reader.start()
    started.wait(10)
    generation[0] = 2
    assert cache.get_or_make("k", lambda: b"new") == b"new"
    release.set()
    slow_reader.join(10)
    assert cache.get_or_make("k", lambda: pytest.fail("must be cached")) == b"new"


@pytest.mark.slow
def test_serve_with_workers_answers_and_follows_writes_from_outside(tmp_path):
    """`treatywatch serve --workers 2` answers, each worker with its own cache (on, 60
    s), and a write committed by another process shows in every answer after it."""
    import os
    import subprocess
    import sys

    from treatywatch.serve.live import LOOPBACK, free_port

    url = f"sqlite:///{tmp_path / 'workers.sqlite'}"
    with open_store(url) as setup:
        setup.ingest(report(0))
        setup.refresh_cases()
    port = free_port()
    env = dict(os.environ, TREATYWATCH_TOKEN="", TREATYWATCH_CACHE_SECONDS="60",
               PYTHONPATH=os.pathsep.join(sys.path))
    server = subprocess.Popen(
        [sys.executable, "-c", "from treatywatch.cli import main; main()", "serve", "--host",
         LOOPBACK, "--port", str(port), "--db", url, "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base_url = f"http://{LOOPBACK}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read().decode(errors="replace")
            try:
                if httpx.get(base_url + "/api/cases", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)

        def documents_seen(requests: int = 40) -> set[int]:
            # a new connection each: whichever worker accepts it answers
            return {httpx.get(base_url + "/api/check", params={"state": "KGZ", "org": "CSTO"},
                              timeout=30).json()["documents"] for _ in range(requests)}

        assert documents_seen() == {1}
        with open_store(url) as writer:
            writer.ingest(report(1))
            writer.refresh_cases()
        assert documents_seen() == {2}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
