"""Conditional GETs for the lists: ETag and Last-Modified, 304 Not Modified.

The ETag is a digest of the body, so it changes exactly when the answer does. The
store keeps no time of writing (its rows are the same whatever the time of
ingestion), so Last-Modified is the time this server first gave that body: a client
that saw it then has it still. `If-None-Match` wins over `If-Modified-Since`
(RFC 9110 §13.2.2). Answers carry `Cache-Control: no-cache`: clients keep them but
ask again, and a 304 costs no body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import Request
from fastapi.responses import Response

MAX_REMEMBERED = 4096


class FirstServed:
    """When each ETag was first answered (bounded, oldest forgotten first). Thread-safe."""

    def __init__(self, max_entries: int = MAX_REMEMBERED):
        self.max_entries = max_entries
        self._times: OrderedDict[str, dt.datetime] = OrderedDict()
        self._lock = threading.Lock()

    def time_of(self, etag: str) -> dt.datetime:
        with self._lock:
            when = self._times.get(etag)
            if when is None:
                when = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
                self._times[etag] = when
                while len(self._times) > self.max_entries:
                    self._times.popitem(last=False)
            return when


def etag_of(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def conditional_response(request: Request, body: bytes, media_type: str,
                         headers: dict[str, str] | None = None) -> Response:
    """`body` with its validators, or an empty 304 when the client has it already."""
    etag = etag_of(body)
    modified = request.app.state.first_served.time_of(etag)
    validators = {"ETag": etag, "Last-Modified": format_datetime(modified, usegmt=True),
                  "Cache-Control": "no-cache"}
    if _not_modified(request, etag, modified):
        return Response(status_code=304, headers=validators)
    return Response(body, media_type=media_type, headers={**(headers or {}), **validators})


def _not_modified(request: Request, etag: str, modified: dt.datetime) -> bool:
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if since:
        try:
            asked = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False  # an unreadable date is ignored (RFC 9110 §13.1.3)
        if asked.tzinfo is None:
            asked = asked.replace(tzinfo=dt.timezone.utc)
        return modified <= asked
    return False
