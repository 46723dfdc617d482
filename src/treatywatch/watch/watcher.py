"""One poll of the watched feeds:

    each feed (unless backing off) -> conditional GET -> 304: nothing to do
        -> feedparser -> each entry's link not fetched before -> page (size limit,
           per-host pause) -> trafilatura (ingest.doc_from_text) -> store.ingest
    -> cases rebuilt -> new cases and changed verdicts reported -> remembered

A failing feed is retried after a back-off with jitter; an article is fetched once
(keyed by URL; the same content under another URL is stored once, as a duplicate).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, TextIO

from sqlalchemy import select

from treatywatch.errors import InputError
from treatywatch.ingest.decode import decode_bytes
from treatywatch.ingest.document import doc_from_text
from treatywatch.store.identity import document_id
from treatywatch.store.models import CaseRow, EventRow
from treatywatch.watch.fetch import Fetcher, FetchError, backoff_delay
from treatywatch.watch.report import Change, Reporter, fingerprint, verdict_of
from treatywatch.watch.state import WatchState

@dataclass
class PollResult:
    fetched: list[str] = field(default_factory=list)  # article URLs fetched
    stored: list[str] = field(default_factory=list)  # ... and stored as new documents
    unchanged: list[str] = field(default_factory=list)  # feeds answered 304
    failed: list[str] = field(default_factory=list)  # feeds that failed now
    backing_off: list[str] = field(default_factory=list)  # feeds not asked this time
    changes: list[Change] = field(default_factory=list)


class Watcher:
    def __init__(self, store: Any, extractor: Callable, state: WatchState, fetcher: Fetcher,
                 reporter: Reporter, warn: TextIO | None = None,
                 clock: Callable[[], float] = time.time):
        self.store, self.extractor, self.state = store, extractor, state
        self.fetcher, self.reporter = fetcher, reporter
        self.warn = warn or sys.stderr
        self.clock = clock
        if not state.has_baseline():
            self._take_baseline()

    def poll(self, feeds: list[str]) -> PollResult:
        result = PollResult()
        articles: dict[str, str] = {}  # doc id -> URL of the articles stored now
        for feed in feeds:
            articles.update(self._poll_feed(feed, result))
        self.store.refresh_cases()
        # every case against what was reported, so a poll cut short by a crash is
        # reported by the next one
        result.changes = self._report(articles)
        return result

    # --- feeds --------------------------------------------------------------------

    def _poll_feed(self, url: str, result: PollResult) -> dict[str, str]:
        feed = self.state.feed(url)
        now = self.clock()
        if feed.retry_at and feed.retry_at > now:
            result.backing_off.append(url)
            return {}
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            response = self.fetcher.get(url, headers)
            if response.status == 304:
                result.unchanged.append(url)
                self.state.feed_read(url, feed.etag, feed.last_modified)
                return {}
            entries = self._entries(url, response)
        except FetchError as exc:
            self._feed_failed(url, str(exc), exc.retry_after, result)
            return {}
        stored = {}
        for entry in entries:
            link = entry.get("link")
            if link and self.state.should_fetch(link):
                doc_id = self._article(link, entry, result)
                if doc_id:
                    stored[doc_id] = link
        # saved last: a crash before this reads the feed again instead of missing articles
        self.state.feed_read(url, response.headers.get("ETag"), response.headers.get("Last-Modified"))
        return stored

    def _entries(self, url: str, response) -> list[Any]:
        import feedparser

        parsed = feedparser.parse(response.body, response_headers={
            "content-location": response.url,
            "content-type": response.headers.get("Content-Type", "application/xml")})
        if parsed.bozo and not parsed.entries and not parsed.feed:
            raise FetchError(f"not an RSS or Atom feed ({parsed.get('bozo_exception')})")
        return list(parsed.entries)

    def _feed_failed(self, url: str, problem: str, retry_after: float | None,
                     result: PollResult) -> None:
        failures = self.state.feed(url).failures + 1
        delay = max(backoff_delay(failures), retry_after or 0)
        self.state.feed_failed(url, problem, self.clock() + delay)
        result.failed.append(url)
        print(f"Warning: feed {url}: {problem}; failure {failures} in a row, "
              f"next try in {delay:.0f} s", file=self.warn, flush=True)

    # --- articles -----------------------------------------------------------------

    def _article(self, link: str, entry: Any, result: PollResult) -> str | None:
        """The id of the document stored from the article, None if none was."""
        try:
            response = self.fetcher.get(link)
            result.fetched.append(link)
            text = decode_bytes(response.body, link).text
            fmt = "html" if "html" in response.headers.get("Content-Type", "html") else "txt"
            doc = doc_from_text(link, text, fmt=fmt, url=response.url, title=entry.get("title"),
                                published=_entry_date(entry))
        except (FetchError, InputError) as exc:
            self.state.article_failed(link)
            problem = exc.problem if isinstance(exc, InputError) else str(exc)
            print(f"Warning: article {link}: {problem}", file=self.warn, flush=True)
            return None
        content = document_id(doc.text)
        if self.state.known_content(content):  # the same text under another URL
            self.state.article_stored(link, content, content)
            return None
        stored = self.store.ingest(doc, self.extractor)
        self.state.article_stored(link, content, stored.doc_id)
        if stored.status == "duplicate":  # the same text under another URL, or a re-run
            return None
        result.stored.append(link)
        return stored.doc_id

    # --- reports ------------------------------------------------------------------

    def _take_baseline(self) -> None:
        """Cases already in the store when watching starts are not news."""
        with self.store.session() as session:
            for case in session.scalars(select(CaseRow)):
                verdict = verdict_of(case)
                self.state.mark_reported(case.id, fingerprint(verdict), _summary(verdict))
        self.state.mark_baseline()

    def _report(self, articles: dict[str, str]) -> list[Change]:
        reported = self.state.reported()
        changes = []
        with self.store.session() as session:
            cases = session.scalars(select(CaseRow).order_by(CaseRow.id)).all()
            sources = session.execute(select(EventRow.requester, EventRow.doc_id).where(
                EventRow.doc_id.in_(list(articles)))).all()
        for case in cases:
            new_articles = sorted({articles[doc] for requester, doc in sources
                                   if requester == case.requester})
            verdict = verdict_of(case)
            mark = fingerprint(verdict)
            before = reported.get(case.id)
            if before and before[0] == mark:
                continue
            previous = _parse_summary(before[1]) if before else None
            change = Change("verdict_changed" if before else "new_case", verdict, previous,
                            new_articles)
            self.reporter.report(change)
            self.state.mark_reported(case.id, mark, _summary(verdict))
            changes.append(change)
        return changes


def _summary(verdict: dict[str, Any]) -> str:
    return json.dumps(verdict, sort_keys=True)


def _parse_summary(text: str) -> dict[str, Any]:
    return json.loads(text)


def _entry_date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc).date()
