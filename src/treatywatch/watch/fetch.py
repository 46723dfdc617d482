"""HTTP for the watcher (httpx): conditional GET, a limit on the size of what is read,
a pause between two requests to one host, and back-off with jitter for feeds that fail."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from treatywatch import __version__

USER_AGENT = f"treatywatch/{__version__} (feed watcher)"
BACKOFF_BASE = 60.0  # seconds after a first failure
BACKOFF_CAP = 6 * 3600.0


class FetchError(Exception):
    """A page or feed could not be fetched: the message says why."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes


def backoff_delay(failures: int, base: float = BACKOFF_BASE, cap: float = BACKOFF_CAP,
                  rng: random.Random | None = None) -> float:
    """Seconds to wait after `failures` failures in a row: doubling from `base` up to
    `cap`, then a random share of it kept ("equal jitter"), so that many watchers
    failing together do not come back together."""
    delay = min(cap, base * 2 ** max(0, failures - 1))
    return delay / 2 + (rng or random).uniform(0, delay / 2)


class Fetcher:
    def __init__(self, max_bytes: int, per_host_delay: float = 1.0, timeout: float = 20.0,
                 transport: httpx.BaseTransport | None = None):
        self.max_bytes = max_bytes
        self.per_host_delay = per_host_delay
        self._client = httpx.Client(follow_redirects=True, timeout=timeout, transport=transport,
                                    headers={"User-Agent": USER_AGENT})
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET `url`; raises FetchError on a network error, a status of 400 or more,
        or a body over the size limit (read no further than the limit)."""
        self._wait_for_host(url)
        try:
            with self._client.stream("GET", url, headers=headers or {}) as response:
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code}", _retry_after(response))
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"{int(declared):,} bytes, over the limit of {self.max_bytes:,}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(f"over the limit of {self.max_bytes:,} bytes")
                return Response(str(response.url), response.status_code, response.headers, bytes(body))
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__) from None
        finally:
            with self._lock:
                self._last_request[_host(url)] = time.monotonic()

    def _wait_for_host(self, url: str) -> None:
        with self._lock:
            last = self._last_request.get(_host(url))
        if last is not None:
            pause = last + self.per_host_delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None
