"""A request-body size guard (pure ASGI, so it sees the body before the app reads it).

A declared Content-Length over the limit is refused with 413 before a byte of the body
is read. A body without one (chunked) is counted as it streams and refused the moment
it passes the limit, so an oversized upload is never read to its end.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(HTTPException):
    """Raised from `receive` while the app reads the body; an HTTPException so that
    FastAPI's body parsing passes it on and the error handlers answer 413."""

    def __init__(self, max_bytes: int):
        super().__init__(413, _message(max_bytes))


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send)
            return

        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:  # the app answered before reading it all; nothing more to say
                return
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({
            "ok": False,
            "error": _message(self.max_bytes),
            "status": 413,
        }).encode()
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _message(max_bytes: int) -> str:
    return (f"request body too large: the limit is {max_bytes} bytes; "
            "send fewer or smaller documents per request")
