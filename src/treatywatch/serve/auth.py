"""Write access: the API is read-only unless the operator sets a token.

With `TREATYWATCH_TOKEN` set (read once by `create_app`), a write needs the header
`Authorization: Bearer <token>`, compared in constant time and never logged. A client
(by address) that sends a wrong or missing token `max_failures` times within `window`
seconds is refused with 429 until the window has passed, right token or not; the
table of clients is bounded (the least recently failing are forgotten first).
"""

from __future__ import annotations

import hmac
import math
import threading
import time
from collections import OrderedDict, deque
from typing import Callable

from fastapi import HTTPException, Request

MAX_FAILURES = 10
WINDOW_SECONDS = 60.0
MAX_CLIENTS = 10_000


class FailureLimiter:
    """Counts authentication failures per client in a sliding window. Thread-safe."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_SECONDS,
                 max_clients: int = MAX_CLIENTS, clock: Callable[[], float] = time.monotonic):
        self.max_failures, self.window, self.max_clients = max_failures, window, max_clients
        self._clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> int:
        """Seconds until `client` may try again; 0 when it may try now."""
        now = self._clock()
        with self._lock:
            times = self._failures.get(client)
            if times is None:
                return 0
            self._forget_old(times, now)
            if not times:
                del self._failures[client]
                return 0
            if len(times) < self.max_failures:
                return 0
            return max(1, math.ceil(times[0] + self.window - now))

    def failed(self, client: str) -> None:
        now = self._clock()
        with self._lock:
            times = self._failures.pop(client, None) or deque(maxlen=self.max_failures)
            self._forget_old(times, now)
            times.append(now)
            self._failures[client] = times  # most recent last
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)

    def clients(self) -> int:
        with self._lock:
            return len(self._failures)

    def _forget_old(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()


def client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def require_token(request: Request) -> None:
    """FastAPI dependency for every route that writes to the store."""
    expected: str | None = request.app.state.settings.token
    if not expected:
        raise HTTPException(403, "this server is read-only: the operator must set "
                                 "TREATYWATCH_TOKEN to allow uploads")
    limiter: FailureLimiter = request.app.state.auth_failures
    client = client_key(request)
    wait = limiter.retry_after(client)
    if wait:
        raise HTTPException(429, f"too many failed attempts: try again in {wait} s",
                            headers={"Retry-After": str(wait)})
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        limiter.failed(client)
        raise HTTPException(401, "missing token: send the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        limiter.failed(client)
        raise HTTPException(401, "wrong token", headers={"WWW-Authenticate": "Bearer"})
