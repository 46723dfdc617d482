"""What a watcher remembers between polls and restarts, in a SQLite file of its own:
each feed's validators (ETag, Last-Modified) and back-off, each article fetched (by URL,
with its content hash), and the verdict last reported for each case.

A feed's validators are saved only after all its new articles are stored, so a crash in
between makes the next poll read the feed again rather than miss articles.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,
    failures INTEGER NOT NULL DEFAULT 0, retry_at REAL, last_error TEXT);
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY, content_hash TEXT, doc_id TEXT, status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, fetched_at REAL);
CREATE INDEX IF NOT EXISTS ix_articles_hash ON articles (content_hash);
CREATE TABLE IF NOT EXISTS reported (
    case_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, summary TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
MAX_ARTICLE_ATTEMPTS = 3


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    retry_at: float | None = None
    last_error: str | None = None


class WatchState:
    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "WatchState":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # --- feeds --------------------------------------------------------------------

    def feed(self, url: str) -> FeedState:
        row = self._db.execute("SELECT url, etag, last_modified, failures, retry_at, last_error "
                               "FROM feeds WHERE url = ?", (url,)).fetchone()
        return FeedState(*row) if row else FeedState(url)

    def feed_read(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """The feed was read (or was unchanged) and its new articles are stored."""
        self._db.execute(
            "INSERT INTO feeds (url, etag, last_modified, failures, retry_at, last_error) "
            "VALUES (?, ?, ?, 0, NULL, NULL) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, failures = 0, retry_at = NULL, last_error = NULL",
            (url, etag, last_modified))

    def feed_failed(self, url: str, error: str, retry_at: float) -> int:
        """Count a failure; the number of failures in a row."""
        failures = self.feed(url).failures + 1
        self._db.execute(
            "INSERT INTO feeds (url, failures, retry_at, last_error) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET failures = excluded.failures, "
            "retry_at = excluded.retry_at, last_error = excluded.last_error",
            (url, failures, retry_at, error))
        return failures

    # --- articles -----------------------------------------------------------------

    def should_fetch(self, url: str) -> bool:
        """Not fetched yet, or failed fewer than MAX_ARTICLE_ATTEMPTS times."""
        row = self._db.execute("SELECT status, attempts FROM articles WHERE url = ?", (url,)).fetchone()
        return row is None or (row[0] == "failed" and row[1] < MAX_ARTICLE_ATTEMPTS)

    def known_content(self, content_hash: str) -> str | None:
        """The URL an article with this content was first fetched from."""
        row = self._db.execute("SELECT url FROM articles WHERE content_hash = ? AND status = 'stored' "
                               "ORDER BY fetched_at LIMIT 1", (content_hash,)).fetchone()
        return row[0] if row else None

    def article_stored(self, url: str, content_hash: str, doc_id: str) -> None:
        self._db.execute(
            "INSERT INTO articles (url, content_hash, doc_id, status, attempts, fetched_at) "
            "VALUES (?, ?, ?, 'stored', 1, ?) ON CONFLICT(url) DO UPDATE SET "
            "content_hash = excluded.content_hash, doc_id = excluded.doc_id, status = 'stored', "
            "attempts = articles.attempts + 1, fetched_at = excluded.fetched_at",
            (url, content_hash, doc_id, time.time()))

    def article_failed(self, url: str) -> None:
        self._db.execute(
            "INSERT INTO articles (url, status, attempts, fetched_at) VALUES (?, 'failed', 1, ?) "
            "ON CONFLICT(url) DO UPDATE SET status = 'failed', attempts = articles.attempts + 1, "
            "fetched_at = excluded.fetched_at", (url, time.time()))

    # --- reports ------------------------------------------------------------------

    def reported(self) -> dict[str, tuple[str, str]]:
        """case id -> (fingerprint, summary) of the verdict last reported."""
        return {case: (fp, summary) for case, fp, summary in
                self._db.execute("SELECT case_id, fingerprint, summary FROM reported")}

    def mark_reported(self, case_id: str, fingerprint: str, summary: str) -> None:
        self._db.execute(
            "INSERT INTO reported (case_id, fingerprint, summary) VALUES (?, ?, ?) "
            "ON CONFLICT(case_id) DO UPDATE SET fingerprint = excluded.fingerprint, "
            "summary = excluded.summary", (case_id, fingerprint, summary))

    def has_baseline(self) -> bool:
        return self._db.execute("SELECT 1 FROM meta WHERE key = 'baseline'").fetchone() is not None

    def mark_baseline(self) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('baseline', ?)",
                         (str(time.time()),))
