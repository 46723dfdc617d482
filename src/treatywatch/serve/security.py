"""Browser-facing protections, as one pure ASGI middleware around the whole app.

- A NUL character in the path or query string is refused with one clear 400.
- Every answer carries a Content-Security-Policy that allows scripts and styles only
  from this server (no inline script, no inline handler, no inline style), refuses
  framing, plugins and foreign form targets. The API docs load Swagger UI and ReDoc
  from this server as well (no CDN) and run no inline script; only ReDoc's page may
  set inline styles and start a blob worker.
- Writes (POST, PUT, PATCH, DELETE) are refused before the app sees them when they
  come from another site (`Origin` naming another host, or `Sec-Fetch-Site:
  cross-site`) or carry a body type an HTML form can send across sites without a
  CORS preflight (urlencoded, multipart, text/plain). With the bearer token that
  makes cross-site request forgery impossible even for a future form that writes.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
               "frame-ancestors 'none'; object-src 'none'")
# The API docs load their bundles from this server too (no CDN). Swagger UI (/docs)
# runs under the pages' policy; ReDoc (/redoc) injects its styles at run time and
# parses the schema in a worker started from a blob, and may do only that beside it.
REDOC_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src blob:; "
                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")
POLICIES = {"/redoc": REDOC_POLICY}

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# What a cross-site <form> can send without a preflight (the CORS "simple" types).
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")

COMMON_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def policy_for(path: str) -> str:
    return POLICIES.get(path, PAGE_POLICY)


class SecurityMiddleware:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [*COMMON_HEADERS, (b"content-security-policy", policy_for(scope["path"]).encode())]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in extra if h[0] not in have)]
            await send(message)

        refusal = refuse_nul(scope)
        if refusal is None and scope["method"] in WRITE_METHODS:
            refusal = refuse_write(scope)
        if refusal is not None:
            status, message = refusal
            await _answer(send_with_headers, status, message)
            return
        await self.app(scope, receive, send_with_headers)


def refuse_nul(scope: Scope) -> tuple[int, str] | None:
    """A NUL character in the path or query is never meaningful (and PostgreSQL refuses
    it in text): one clear 400 instead of an error deep in the store."""
    if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b"").lower():
        return 400, "the request contains a NUL character (%00): remove it"
    return None


def refuse_write(scope: Scope) -> tuple[int, str] | None:
    """(status, message) when a write must not reach the app, else None."""
    headers = {name.decode("latin-1").lower(): value.decode("latin-1")
               for name, value in scope.get("headers", [])}
    if headers.get("sec-fetch-site", "").lower() == "cross-site":
        return 403, "cross-site write refused: send writes from this site or a non-browser client"
    origin = headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc.lower() != headers.get("host", "").lower():
        return 403, "cross-site write refused: the request's Origin is not this server"
    if origin == "null":
        return 403, "cross-site write refused: the request comes from an opaque origin"
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in FORM_TYPES:
        return 415, (f"content type {content_type} is not accepted for writes: send "
                     "application/json or application/x-ndjson")
    return None


async def _answer(send: Send, status: int, message: str) -> None:
    body = json.dumps({"ok": False, "error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
