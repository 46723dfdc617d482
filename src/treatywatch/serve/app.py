"""The FastAPI application: pages, JSON API, static files, errors, limits, auth.

    create_app(db_url=None)    an app over the store at `db_url` (default: as the CLI)

Settings are read once here (`TREATYWATCH_TOKEN` for writes,
`TREATYWATCH_CACHE_SECONDS` for the response cache); routes find them on
`app.state.settings` and the store's answers on `app.state.answers`.

`app_from_env()` is the same app for `treatywatch serve --workers N`, whose worker
processes each build their own (the store's URL in `TREATYWATCH_DB`). Each serves at
most SERVE_THREADS requests at once on its thread pool (one store connection each).

Middleware, outermost first: security headers and the refusal of cross-site writes
(security.py), then the request-body size guard (body_limit.py), then the response
cache (response_cache.py: GETs answered at the store's current write generation). Uploads are limited
to `max_body_bytes` per request and `max_documents` per batch; failed tokens are
rate-limited per client (auth.py).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl

from contextlib import asynccontextmanager
from typing import AsyncIterator

import anyio.to_thread
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from treatywatch import __version__
from treatywatch.errors import ConfigError, TreatywatchError
from treatywatch.serve.auth import FailureLimiter
from treatywatch.serve.body_limit import BodyLimitMiddleware
from treatywatch.serve.conditional import FirstServed
from treatywatch.serve.error_shape import install_error_handlers
from treatywatch.serve.i18n import choose_language
from treatywatch.serve.response_cache import (
    DEFAULT_TTL_SECONDS,
    ResponseCache,
    ResponseCacheMiddleware,
)
from treatywatch.serve.security import SecurityMiddleware

DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_DOCUMENTS = 1000  # per upload request
DOCS_ASSETS = "/docs-assets"  # Swagger UI and ReDoc, as the fastapi-offline package ships them
# Requests run at once in one process. The work holds the GIL most of the time, so
# more threads only queue inside the process (and on the store's connection pool,
# db.POOL_SIZE); anyio's default is 40.
SERVE_THREADS = 16


@dataclass(frozen=True)
class ServeSettings:
    db_url: str | None = None
    token: str | None = None  # None: read-only
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_documents: int = DEFAULT_MAX_DOCUMENTS
    cache_seconds: float = DEFAULT_TTL_SECONDS  # 0: no cache


def settings_from_env(db_url: str | None = None, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> ServeSettings:
    """`TREATYWATCH_TOKEN` (uploads), `TREATYWATCH_CACHE_SECONDS` (0 turns the cache off)."""
    token = os.environ.get("TREATYWATCH_TOKEN") or None
    raw = os.environ.get("TREATYWATCH_CACHE_SECONDS", "").strip()
    try:
        cache_seconds = float(raw) if raw else DEFAULT_TTL_SECONDS
    except ValueError:
        raise ConfigError(f"TREATYWATCH_CACHE_SECONDS={raw!r} is not a number of seconds; "
                          "give e.g. 5, or 0 to turn the cache off") from None
    return ServeSettings(db_url=db_url, token=token, max_body_bytes=max_body_bytes,
                         cache_seconds=max(0.0, cache_seconds))


def docs_assets_dir() -> Any:
    """The folder of Swagger UI and ReDoc bundles inside the installed fastapi-offline."""
    return resources.files("fastapi_offline") / "static"


def _document_real_errors(app: FastAPI) -> None:
    from treatywatch.serve.api_models import without_default_validation_errors

    make = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = without_default_validation_errors(make())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(db_url: str | None = None, *, settings: ServeSettings | None = None,
               answers: Any = None) -> FastAPI:
    """The web app over one store. `settings` overrides what the environment says;
    `answers` (the store's query layer) is opened from `settings.db_url` unless given."""
    from treatywatch.serve import api, web

    settings = settings or settings_from_env(db_url)
    if answers is None:
        from treatywatch.serve.answers import open_answers

        answers = open_answers(settings.db_url)
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = SERVE_THREADS
        yield

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # our own /docs and /redoc below: no inline script, no CDN
        redoc_url=None,
        title="treatywatch",
        version=__version__,
        description="An evidence-cited record of collective-security appeals, decisions "
                    "and deployments (CSTO, NATO, EU). Errors answer "
                    '`{"ok": false, "error": ..., "status": ...}`.',
    )
    app.state.settings = settings
    app.state.answers = answers
    app.state.write_lock = threading.Lock()  # the store's writer is not thread-safe
    app.state.cache = ResponseCache(ttl=settings.cache_seconds, generation=_generation_of(answers))
    app.add_middleware(ResponseCacheMiddleware, cache=app.state.cache, language=page_language)
    app.state.first_served = FirstServed()
    app.state.auth_failures = FailureLimiter()
    install_error_handlers(app)
    _document_real_errors(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityMiddleware)
    static = resources.files("treatywatch.serve") / "static"
    docs_page = (static / "docs.html").read_text(encoding="utf-8")
    redoc_page = (static / "redoc.html").read_text(encoding="utf-8")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(docs_page)

    @app.get("/redoc", include_in_schema=False)
    def api_redoc() -> HTMLResponse:
        return HTMLResponse(redoc_page)

    app.mount(DOCS_ASSETS, StaticFiles(directory=str(docs_assets_dir())), name="docs-assets")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(web.router)
    return app


def page_language(scope: Any) -> str:
    """The interface language a request is answered in (as rendering.request_language)."""
    query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
    accept = next((value.decode("latin-1") for name, value in scope.get("headers", [])
                   if name == b"accept-language"), None)
    return choose_language(query.get("lang"), accept)


def app_from_env() -> FastAPI:
    """The app over the store named by `TREATYWATCH_DB` (uvicorn's factory for worker
    processes)."""
    return create_app(None)


def _generation_of(answers: Any) -> Any:
    """The store's write-generation reader, or None when the store cannot be reached at
    start-up (each request then answers 503 and explains; nothing is cached by generation)."""
    try:
        return getattr(answers, "generation", None)
    except TreatywatchError:
        return None
