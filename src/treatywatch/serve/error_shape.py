"""One error shape for the whole API, friendly pages for the HTML routes.

Every error under /api answers `{"ok": false, "error": <message>, "status": <code>}`;
an HTML route answers the same message on a page in the interface language. Clients
never see a traceback: an unexpected exception is logged here and answered 500, and
a store failure (503) is logged with its detail but answered without it.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from treatywatch.errors import ConfigError, InputError, NotFoundError, StoreError, TreatywatchError

log = logging.getLogger("treatywatch.serve")

API_PREFIX = "/api"

# Library errors and the status they answer; anything else deliberate is a bad request.
STATUS_OF_ERROR: dict[type[TreatywatchError], int] = {
    NotFoundError: 404,
    InputError: 422,
    ConfigError: 400,
    StoreError: 503,
}


STORE_UNAVAILABLE = "the record's store cannot answer just now: try again later"


def error_body(status: int, message: str) -> dict[str, object]:
    return {"ok": False, "error": message, "status": status}


def error_response(request: Request, status: int, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """The JSON shape under /api (and for clients that ask only for JSON), else a page."""
    if _wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status, headers=headers)
    from treatywatch.serve.rendering import render  # templates import this module's users

    page = render(request, "error.html", {"status": status, "message": message},
                  status_code=status)
    if headers:
        page.headers.update(headers)
    return page


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(TreatywatchError, _library_error)
    app.add_exception_handler(Exception, _unexpected_error)


def _wants_json(request: Request) -> bool:
    if request.url.path == API_PREFIX or request.url.path.startswith(API_PREFIX + "/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"not found: {request.url.path}"
    elif exc.status_code == 405 and message == "Method Not Allowed":
        message = f"method {request.method} not allowed on {request.url.path}"
    return error_response(request, exc.status_code, message, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg")))
    return error_response(request, 422, "; ".join(parts) or "invalid request")


async def _library_error(request: Request, exc: TreatywatchError) -> Response:
    status = next((code for cls, code in STATUS_OF_ERROR.items() if isinstance(exc, cls)), 400)
    if status >= 500:  # names the store's file or server: for the log, not the client
        log.error("store error on %s %s: %s", request.method, request.url.path, exc)
        return error_response(request, status, STORE_UNAVAILABLE)
    return error_response(request, status, str(exc))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(request, 500, "internal error: the server could not answer this request")

