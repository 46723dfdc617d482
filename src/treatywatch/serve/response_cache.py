"""A small in-process cache of rendered answers: whole GET responses (every page and
read of the API, `ResponseCacheMiddleware`) and pieces routes keep (`get_or_make`).

Entries are filed under the store's write generation (store/generation.py), read
*before* the answer is made: a write that commits, by this app or by any other
process on the same store, moves the generation on, and from then on no request is
answered from an entry made before it. Entries also expire after `ttl` seconds and
the oldest go beyond `max_entries`, which bounds memory; an upload through this app
clears the cache at once as well.

Without a `generation` callable (tests, a store that cannot say) entries live for
`ttl` only, as before.

Cached responses carry an ETag naming the generation (with the page language and
the day, which answers also depend on); a client that sends it back in
`If-None-Match` gets 304 without the answer being made again, while the record has
not changed.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from treatywatch.errors import TreatywatchError

DEFAULT_TTL_SECONDS = 5.0
DEFAULT_MAX_ENTRIES = 1024
DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # all entries together
MAX_RESPONSE_BYTES = 1024 * 1024  # a larger answer (a download) is never kept


class ResponseCache:
    def __init__(self, ttl: float = DEFAULT_TTL_SECONDS, max_entries: int = DEFAULT_MAX_ENTRIES,
                 generation: Callable[[], int] | None = None, max_bytes: int = DEFAULT_MAX_BYTES):
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._generation = generation
        # key -> (expires at, generation it was made at, value)
        self._entries: OrderedDict[Hashable, tuple[float, int | None, Any]] = OrderedDict()
        self._sizes: dict[Hashable, int] = {}
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.ttl > 0

    def generation(self) -> int | None:
        """The store's write generation now (None without one)."""
        return self._generation() if self._generation is not None else None

    def lookup(self, key: Hashable, generation: int | None) -> Any:
        """The value filed under `key` at `generation` and still fresh, else None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] > time.monotonic() and entry[1] == generation:
                self._entries.move_to_end(key)
                return entry[2]
        return None

    def store(self, key: Hashable, generation: int | None, value: Any, size: int,
              made_at: float | None = None) -> None:
        """File `value` (about `size` bytes) under `key`, made from the record at
        `generation`; an entry of a newer generation is kept instead."""
        if self.ttl <= 0 or size > self.max_bytes:
            return
        now = time.monotonic() if made_at is None else made_at
        with self._lock:
            current = self._entries.get(key)
            # a slower request made at an older generation never replaces a newer entry
            if current is not None and generation is not None and current[1] is not None \
                    and current[1] > generation:
                return
            self._bytes += size - self._sizes.get(key, 0)
            self._sizes[key] = size
            self._entries[key] = (now + self.ttl, generation, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                old, _ = self._entries.popitem(last=False)
                self._bytes -= self._sizes.pop(old)

    def get_or_make(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The cached bytes for `key`, or `make()`'s (not cached if it raises)."""
        if self.ttl <= 0:
            return make()
        now = time.monotonic()
        generation = self.generation()  # before the answer is made from the record
        value = self.lookup(key, generation)
        if value is None:
            value = make()
            self.store(key, generation, value, len(value), made_at=now)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._sizes.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)


class ResponseCacheMiddleware:
    """Answers a GET from the cache when the same URL, in the same page language, was
    answered at the store's current generation; otherwise passes it on and keeps a
    200 answer of JSON or HTML up to MAX_RESPONSE_BYTES. `language(scope)` gives the
    page language a request is answered in."""

    CACHED_TYPES = (b"application/json", b"text/html")

    def __init__(self, app: ASGIApp, cache: ResponseCache, language: Callable[[Scope], str]):
        self.app = app
        self.cache = cache
        self.language = language

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not self.cache.enabled \
                or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        lang = self.language(scope)
        today = dt.date.today().toordinal()  # "the future" in answers is relative to today
        key = ("response", scope["path"], scope.get("query_string", b""), lang, today)
        started = time.monotonic()
        try:
            generation = self.cache.generation()  # before the answer is made from the record
        except TreatywatchError:  # the store cannot say: the app answers (and explains)
            await self.app(scope, receive, send)
            return
        etag = f'W/"{generation}.{lang}.{today}"'.encode() if generation is not None else None
        conditional = any(name in (b"if-none-match", b"if-modified-since") for name, _ in scope.get("headers", []))
        hit = self.cache.lookup(key, generation)
        if hit is not None and conditional and _has_etag(hit[1]) and not _has_etag(hit[1], etag):
            hit = None  # the page keeps validators of its own (lists: ETag, Last-Modified): it answers
        if hit is not None:
            status, headers, body = hit
            if etag is not None and etag in _if_none_match(scope):
                await _send_not_modified(send, headers)
                return
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return

        start: dict[str, Any] = {}
        chunks: list[bytes] = []
        size = 0

        async def keeping_send(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                if etag is not None and message["status"] == 200 and not _has_etag(message.get("headers", [])):
                    message["headers"] = [*message.get("headers", []), (b"etag", etag)]
                start.update(message)
            elif message["type"] == "http.response.body" and size <= MAX_RESPONSE_BYTES:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        await self.app(scope, receive, keeping_send)
        if start.get("status") == 200 and size <= MAX_RESPONSE_BYTES and \
                _content_type(start.get("headers", [])).startswith(self.CACHED_TYPES):
            self.cache.store(key, generation, (200, list(start["headers"]), b"".join(chunks)),
                             size, made_at=started)


def _has_etag(headers: list[tuple[bytes, bytes]], value: bytes | None = None) -> bool:
    """Whether the answer carries an ETag (that one, when `value` is given)."""
    return any(name.lower() == b"etag" and (value is None or tag == value) for name, tag in headers)


def _content_type(headers: list[tuple[bytes, bytes]]) -> bytes:
    return next((value for name, value in headers if name.lower() == b"content-type"), b"")


def _if_none_match(scope: Scope) -> list[bytes]:
    for name, value in scope.get("headers", []):
        if name == b"if-none-match":
            return [tag.strip() for tag in value.split(b",")]
    return []


async def _send_not_modified(send: Send, headers: list[tuple[bytes, bytes]]) -> None:
    kept = [(name, value) for name, value in headers
            if name.lower() in (b"etag", b"content-language", b"vary", b"cache-control")]
    await send({"type": "http.response.start", "status": 304, "headers": kept})
    await send({"type": "http.response.body", "body": b""})
