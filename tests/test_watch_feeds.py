"""`watch`: RSS feeds and article pages served by a local HTTP server that the test
starts on 127.0.0.1. New articles are stored and reported within one poll, an unchanged
feed answered 304 fetches nothing, a failing feed backs off, a restart re-reports
nothing, and the webhook receives a signed POST."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from treatywatch.store import open_store
from treatywatch.store.models import DocumentRow
from treatywatch.watch import Fetcher, Reporter, WatchState, Watcher
from treatywatch.watch.fetch import BACKOFF_BASE, backoff_delay
from treatywatch.watch.report import SIGNATURE_HEADER

SECRET = "shared-secret-for-tests"
PAGE = ("<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>{title}</h1>{paragraphs}</article><footer>© Local Desk</footer></body></html>")
APPEAL = ("Armenia asks the CSTO for help",
          ["The government of Armenia formally asked the Collective Security Treaty "
           "Organization for military assistance on Thursday, the foreign ministry in "
           "Yerevan said in a statement.",
           "Officials said shelling near the border had gone on for three nights."])
DECISION = ("CSTO agrees to send troops to Armenia",
            ["The Collective Security Council of the CSTO decided on Saturday to send a "
             "peacekeeping force to Armenia, the organization's secretariat said.",
             "The first units are expected within days."])
FAIR = ("Spring fair opens in the old quarter",
        ["The spring fair opened on Sunday with two hundred stalls and a brass band.",
         "Organisers expect more visitors than last year."])


class Site:
    """What the server serves, and every request it was sent."""

    def __init__(self):
        self.items: list[tuple[str, str]] = []  # (path, title) in the feed
        self.pages: dict[str, bytes] = {}
        self.conditional = True
        self.broken: set[str] = set()
        self.hook_failures = 0
        self.requests: list[dict] = []
        self.hooks: list[tuple[dict, bytes]] = []
        self.lock = threading.Lock()

    def publish(self, path: str, story: tuple[str, list[str]], date: str) -> None:
        title, paragraphs = story
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        self.pages[path] = PAGE.format(title=title, paragraphs=body).encode()
        self.items.insert(0, (path, title, date))

    def feed(self, base: str) -> bytes:
        items = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
                        f"<pubDate>{d}</pubDate></item>" for p, t, d in self.items)
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Local Desk</title><link>{base}/</link><description>World news</description>"
                f"{items}</channel></rss>").encode()

    def fetched(self, path: str) -> int:
        return sum(1 for r in self.requests if r["path"] == path and r["status"] == 200)


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _answer(self, status: int, body: bytes = b"", headers: dict | None = None):
            with site.lock:
                site.requests.append({"path": self.path, "status": status, "at": time.monotonic(),
                                      "headers": dict(self.headers)})
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path in site.broken:
                return self._answer(500, b"server error")
            if self.path == "/feed.xml":
                body = site.feed(base)
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if site.conditional and self.headers.get("If-None-Match") == etag:
                    return self._answer(304, headers={"ETag": etag})
                return self._answer(200, body, {"Content-Type": "application/rss+xml", "ETag": etag,
                                                "Last-Modified": formatdate(usegmt=True)})
            if self.path in site.pages:
                return self._answer(200, site.pages[self.path], {"Content-Type": "text/html; charset=utf-8"})
            return self._answer(404, b"not found")

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if site.hook_failures > 0:
                site.hook_failures -= 1
                return self._answer(503, b"try later")
            site.hooks.append((dict(self.headers), body))
            return self._answer(200, b"ok")

    return Handler


@pytest.fixture
def site():
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.feed_url = site.base + "/feed.xml"
    yield site
    server.shutdown()
    server.server_close()


class Clock:
    def __init__(self):
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def watch(tmp_path, extractor):
    """Makes watchers on one store and one state file, as restarts of one watcher."""
    made = []

    def start(webhook: str | None = None, max_bytes: int = 1_000_000, clock=time.time,
              per_host_delay: float = 0.0):
        store = open_store(str(tmp_path / "record.sqlite"))
        state = WatchState(tmp_path / "record.watch.sqlite")
        out = io.StringIO()
        warn = io.StringIO()
        reporter = Reporter(out, tmp_path / "reports.jsonl", webhook, SECRET if webhook else None,
                            warn=warn)
        fetcher = Fetcher(max_bytes, per_host_delay)
        watcher = Watcher(store, extractor, state, fetcher, reporter, warn=warn, clock=clock)
        watcher.out, watcher.warnings = out, warn
        made.append((store, state, fetcher, reporter))
        return watcher

    yield start
    for store, state, fetcher, reporter in made:
        fetcher.close(), reporter.close(), state.close(), store.close()


def documents(watcher) -> int:
    with watcher.store.session() as session:
        return session.scalar(select(func.count()).select_from(DocumentRow))


def log_lines(tmp_path) -> list[dict]:
    path = tmp_path / "reports.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_watch_a_new_article_is_stored_and_reported_within_one_poll(site, watch, tmp_path):
    site.publish("/a/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:00:00 GMT")
    site.publish("/a/fair.html", FAIR, "Fri, 15 Mar 2024 10:00:00 GMT")
    watcher = watch()
    first = watcher.poll([site.feed_url])
    assert sorted(first.stored) == [site.base + "/a/appeal.html", site.base + "/a/fair.html"]
    assert documents(watcher) == 2
    [change] = first.changes
    assert change.kind == "new_case" and change.verdict["requester"] == "ARM"
    assert change.verdict["addressee"] == "CSTO" and change.verdict["appeal"] == "made"
    assert change.articles == [site.base + "/a/appeal.html"]
    assert watcher.out.getvalue().startswith("NEW CASE ARM-CSTO")
    [logged] = log_lines(tmp_path)
    assert logged["kind"] == "new_case" and logged["case"] == change.verdict["case"]

    site.publish("/a/decision.html", DECISION, "Sat, 16 Mar 2024 09:00:00 GMT")
    second = watcher.poll([site.feed_url])
    assert second.fetched == [site.base + "/a/decision.html"]  # the others are not fetched again
    assert [c.kind for c in second.changes] == ["verdict_changed"]
    assert second.changes[0].verdict["decision"] != change.verdict["decision"]
    assert "CHANGED ARM-CSTO" in watcher.out.getvalue()
    assert site.fetched("/a/appeal.html") == 1 and site.fetched("/a/fair.html") == 1


def test_watch_an_unchanged_feed_answered_304_fetches_nothing(site, watch):
    site.publish("/a/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:00:00 GMT")
    watcher = watch()
    watcher.poll([site.feed_url])
    before = len(site.requests)
    again = watcher.poll([site.feed_url])
    assert again.unchanged == [site.feed_url] and again.fetched == [] and again.changes == []
    [request] = site.requests[before:]
    assert request["status"] == 304 and request["headers"].get("If-None-Match")
    assert request["headers"].get("If-Modified-Since")


def test_watch_a_failing_feed_backs_off_with_growing_jittered_pauses(site, watch):
    site.broken.add("/feed.xml")
    clock = Clock()
    watcher = watch(clock=clock)
    first = watcher.poll([site.feed_url])
    assert first.failed == [site.feed_url]
    pause = watcher.state.feed(site.feed_url).retry_at - clock.now
    assert BACKOFF_BASE / 2 <= pause <= BACKOFF_BASE
    assert "HTTP 500" in watcher.warnings.getvalue()

    asked = len(site.requests)
    assert watcher.poll([site.feed_url]).backing_off == [site.feed_url]
    assert len(site.requests) == asked  # not asked while backing off

    clock.now += pause + 1
    assert watcher.poll([site.feed_url]).failed == [site.feed_url]
    state = watcher.state.feed(site.feed_url)
    assert state.failures == 2 and BACKOFF_BASE <= state.retry_at - clock.now <= 2 * BACKOFF_BASE

    site.broken.clear()
    site.publish("/a/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:00:00 GMT")
    clock.now += 2 * BACKOFF_BASE + 1
    recovered = watcher.poll([site.feed_url])
    assert recovered.stored == [site.base + "/a/appeal.html"]
    assert watcher.state.feed(site.feed_url).failures == 0


def test_watch_backoff_delays_double_are_jittered_and_capped():
    import random

    rng = random.Random(7)
    delays = [backoff_delay(n, base=10, cap=100, rng=rng) for n in (1, 2, 3, 4, 5, 9)]
    for delay, full in zip(delays, (10, 20, 40, 80, 100, 100)):
        assert full / 2 <= delay <= full
    assert len({round(d, 6) for d in delays}) == len(delays)  # jittered


def test_watch_a_restart_resumes_and_reports_nothing_again(site, watch, tmp_path):
    site.publish("/a/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:00:00 GMT")
    assert len(watch().poll([site.feed_url]).changes) == 1

    site.conditional = False  # the feed is sent in full: the watcher must know its articles
    restarted = watch()
    again = restarted.poll([site.feed_url])
    assert again.fetched == [] and again.changes == []
    assert restarted.out.getvalue() == "" and len(log_lines(tmp_path)) == 1
    assert site.fetched("/a/appeal.html") == 1

    site.publish("/a/decision.html", DECISION, "Sat, 16 Mar 2024 09:00:00 GMT")
    third = watch().poll([site.feed_url])
    assert third.fetched == [site.base + "/a/decision.html"]
    assert [c.kind for c in third.changes] == ["verdict_changed"]


def test_watch_the_webhook_receives_a_signed_post_retried_after_a_failure(site, watch):
    site.publish("/a/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:00:00 GMT")
    site.hook_failures = 1
    watcher = watch(webhook=site.base + "/hook")
    watcher.poll([site.feed_url])
    [(headers, body)] = site.hooks
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER] == expected
    assert headers["Content-Type"] == "application/json"
    report = json.loads(body)
    assert report["kind"] == "new_case" and report["requester"] == "ARM"
    assert sum(1 for r in site.requests if r["path"] == "/hook") == 2  # one 503, then taken
    forged = "sha256=" + hmac.new(b"another secret", body, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER] != forged


def test_watch_pages_over_the_size_limit_are_not_read_and_hosts_get_a_pause(site, watch):
    site.publish("/a/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:00:00 GMT")
    site.publish("/a/fair.html", FAIR, "Fri, 15 Mar 2024 10:00:00 GMT")
    site.pages["/a/fair.html"] += b"<!--" + b"x" * 5000 + b"-->"
    watcher = watch(max_bytes=3000, per_host_delay=0.3)
    result = watcher.poll([site.feed_url])
    assert result.stored == [site.base + "/a/appeal.html"]
    assert "over the limit of 3,000" in watcher.warnings.getvalue()
    times = [r["at"] for r in site.requests]
    assert len(times) == 3 and all(b - a >= 0.28 for a, b in zip(times, times[1:]))


def test_watch_once_from_the_command_line(site, tmp_path, monkeypatch, extractor):
    import treatywatch.extract

    from treatywatch.cli import app

    monkeypatch.setattr(treatywatch.extract, "Extractor", lambda: extractor)
    site.publish("/a/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:00:00 GMT")
    args = ["watch", site.feed_url, "--once", "--db", str(tmp_path / "r.sqlite"),
            "--log", str(tmp_path / "reports.jsonl"), "--per-host-delay", "0"]
    runner = CliRunner()
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("NEW CASE ARM-CSTO")
    assert (tmp_path / "r.watch.sqlite").exists()
    second = runner.invoke(app, args)
    assert second.exit_code == 0 and second.stdout == ""
    assert "1 unchanged" in second.stderr
    bad = runner.invoke(app, ["watch", site.feed_url, "--every", "soon"])
    assert bad.exit_code == 2 and "not a duration" in bad.output
    unsigned = runner.invoke(app, ["watch", site.feed_url, "--once", "--webhook", site.base + "/hook",
                                   "--db", str(tmp_path / "r.sqlite")],
                             env={"TREATYWATCH_WEBHOOK_SECRET": ""})
    assert unsigned.exit_code == 2 and "shared secret" in unsigned.output


def test_watch_the_same_article_under_two_urls_is_stored_once(site, watch):
    site.publish("/a/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:00:00 GMT")
    site.publish("/mirror/appeal.html", APPEAL, "Fri, 15 Mar 2024 09:05:00 GMT")
    watcher = watch()
    result = watcher.poll([site.feed_url])
    assert sorted(result.fetched) == [site.base + "/a/appeal.html", site.base + "/mirror/appeal.html"]
    assert len(result.stored) == 1 and documents(watcher) == 1
    assert len(result.changes) == 1
