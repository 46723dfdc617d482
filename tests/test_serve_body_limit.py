"""The body-size guard refuses oversized bodies with 413 before the app reads them all."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from treatywatch.serve.body_limit import BodyLimitMiddleware
from treatywatch.serve.error_shape import install_error_handlers

LIMIT = 1000


def make_app(read_log: list[int]) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=LIMIT)

    @app.post("/api/echo")
    async def echo(request: Request) -> dict[str, int]:
        read_log.append(-1)  # the handler started
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            read_log.append(size)
        return {"size": size}

    return app


def test_body_limit_refuses_a_declared_length_without_calling_the_app():
    log: list[int] = []
    client = TestClient(make_app(log))
    response = client.post("/api/echo", content=b"x" * (LIMIT + 1))
    assert response.status_code == 413
    assert response.json() == {"ok": False, "status": 413, "error": response.json()["error"]}
    assert f"{LIMIT} bytes" in response.json()["error"]
    assert log == []


def test_body_limit_stops_a_chunked_body_once_it_passes_the_limit():
    log: list[int] = []
    client = TestClient(make_app(log))

    def chunks():
        for _ in range(50):
            yield b"y" * 100  # 5000 bytes in all, no Content-Length

    response = client.post("/api/echo", content=chunks())
    assert response.status_code == 413
    assert response.json()["ok"] is False
    assert log and max(log) <= LIMIT  # the app never saw more than the limit


def test_body_limit_lets_a_body_at_the_limit_through():
    log: list[int] = []
    client = TestClient(make_app(log))
    response = client.post("/api/echo", content=b"z" * LIMIT)
    assert response.status_code == 200
    assert response.json() == {"size": LIMIT}
