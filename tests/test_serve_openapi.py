"""The OpenAPI schema against the API's real answers: every operation lists a model
for its answer and exactly the statuses it sends; a request for each documented
status gets it, with the documented top-level keys (and `ok` on every body)."""

from __future__ import annotations

import json
from typing import Any, Callable

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, TOKEN, open_test_answers
from treatywatch.errors import StoreError
from treatywatch.model import Event
from treatywatch.serve import api_models
from treatywatch.serve.app import ServeSettings, create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
NDJSON = {**AUTH, "Content-Type": "application/x-ndjson"}


class BrokenStore:
    """Answers whose store is down: every query raises StoreError."""

    def __getattr__(self, name: str) -> Any:
        raise StoreError(f"the store at /secret/path cannot be reached ({name})")


@pytest.fixture(scope="module")
def apps(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("openapi"))
    for annotated in (KAZAKHSTAN, TAJIKISTAN):
        answers.ingest_record(annotated.record)
    made = {
        "main": create_app(settings=ServeSettings(token=TOKEN, max_body_bytes=32 * 1024,
                                                  max_documents=3), answers=answers),
        "read_only": create_app(settings=ServeSettings(token=None), answers=answers),
        "broken": create_app(settings=ServeSettings(token=TOKEN), answers=BrokenStore()),
        "locked": create_app(settings=ServeSettings(token=TOKEN), answers=answers),
    }
    clients = {name: TestClient(app, raise_server_exceptions=False) for name, app in made.items()}
    for _ in range(10):  # the failure limit: the locked app then answers 429
        clients["locked"].post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer no"})
    yield clients
    answers.close()


Request = Callable[[dict[str, TestClient]], Any]


def get(path: str, app: str = "main", **headers: str) -> Request:
    return lambda clients: clients[app].get(path, headers=headers)


def revalidated(path: str) -> Request:
    def call(clients):
        etag = clients["main"].get(path).headers["etag"]
        return clients["main"].get(path, headers={"If-None-Match": etag})
    return call


def post(content: str | bytes, headers: dict[str, str], app: str = "main",
         path: str = "/api/documents") -> Request:
    body = content.encode() if isinstance(content, str) else content
    return lambda clients: clients[app].post(path, content=body, headers=headers)


def claim_checked(clients):
    import treatywatch.serve.api as api

    claimed = Event(type="appeal", actor="TJK", target="CSTO", when="2025-11")
    original, api.read_claim = api.read_claim, lambda sentence: [claimed]
    try:
        return clients["main"].get("/api/check", params={"claim": "Tajikistan asked the CSTO"})
    finally:
        api.read_claim = original


KAZ_CASE = "/api/cases/KAZ-CSTO-2022-01"
JSON = {**AUTH, "Content-Type": "application/json"}
RECORD = json.dumps(ARMENIA.record)

# For each operation, a request for each status it documents; some statuses have more.
EXAMPLES: dict[tuple[str, str], dict[int, list[Request]]] = {
    ("get", "/api/cases"): {
        200: [get("/api/cases?limit=2"), get("/api/cases?verdict=denied&sort=-start")],
        304: [revalidated("/api/cases?limit=1")],
        400: [get("/api/cases?from=2022-13"), get("/api/cases?actor=CSTO"), get("/api/cases?org=%00")],
        404: [get("/api/cases?actor=Atlantis")],
        422: [get("/api/cases?limit=0"), get("/api/cases?verdict=maybe")],
        503: [get("/api/cases", "broken")],
    },
    ("get", "/api/cases/{case_id}"): {
        200: [get(KAZ_CASE), get("/api/cases/kaz-csto-2022-01")],
        400: [get(KAZ_CASE + "%00")],
        404: [get("/api/cases/NO-SUCH-CASE")],
        503: [get(KAZ_CASE, "broken")],
    },
    ("get", "/api/events"): {
        200: [get("/api/events?type=appeal&limit=1"), get("/api/events?offset=100")],
        304: [revalidated("/api/events")],
        400: [get("/api/events?to=2022-02-30"), get("/api/events?type=%00")],
        404: [get("/api/events?org=Atlantis")],
        422: [get("/api/events?modality=sure"), get("/api/events?sort=text")],
        503: [get("/api/events", "broken")],
    },
    ("get", "/api/documents"): {
        200: [get("/api/documents?language=en&sort=-events")],
        304: [revalidated("/api/documents?limit=1")],
        400: [get("/api/documents?from=2022-00"), get("/api/documents?outlet=%00")],
        422: [get("/api/documents?language=de"), get("/api/documents?offset=-2")],
        503: [get("/api/documents", "broken")],
    },
    ("get", "/api/documents/{doc_id}"): {
        200: [get("/api/documents/kaz-2022.txt")],
        400: [get("/api/documents/kaz%00")],
        404: [get("/api/documents/0000000000000000")],
        503: [get("/api/documents/kaz-2022.txt", "broken")],
    },
    ("get", "/api/search"): {
        200: [get("/api/search?q=peacekeeping"), get("/api/search?q=nothing-of-the-sort")],
        400: [get("/api/search?q=%00")],
        422: [get("/api/search"), get("/api/search?q=" + "x" * 501)],
        503: [get("/api/search?q=x", "broken")],
    },
    ("get", "/api/check"): {
        200: [get("/api/check?state=KAZ&org=CSTO&when=2022-01"), get("/api/check?claim=hello"),
              claim_checked, get("/api/check?state=KAZ&org=CSTO&when=2015")],
        400: [get("/api/check?state=KAZ&org=KAZ"), get("/api/check?state=KAZ&org=CSTO&when=2999"),
              get("/api/check?state=CSTO&org=CSTO")],
        404: [get("/api/check?state=Atlantis&org=CSTO")],
        422: [get("/api/check"), get("/api/check?state=KAZ&org=CSTO&when=January")],
        503: [get("/api/check?state=KAZ&org=CSTO", "broken")],
    },
    ("post", "/api/documents"): {
        201: [post(RECORD, JSON), post(RECORD + "\n" + json.dumps(KAZAKHSTAN.record), NDJSON)],
        400: [post(RECORD, JSON, path="/api/documents?x=%00")],
        401: [post(RECORD, {"Content-Type": "application/json"}),
              post(RECORD, {**JSON, "Authorization": "Bearer wrong"})],
        403: [post(RECORD, JSON, "read_only"), post(RECORD, {**JSON, "Origin": "https://elsewhere.example"})],
        413: [post(json.dumps({"text": "word " * 10_000}), JSON),
              post("\n".join([RECORD] * 4), NDJSON)],
        415: [post(RECORD, {**AUTH, "Content-Type": "application/x-www-form-urlencoded"})],
        422: [post('{"text": 1}', JSON), post("", JSON), post(b"\xff\xfe", JSON)],
        429: [post(RECORD, JSON, "locked")],
        503: [post(RECORD, JSON, "broken")],
    },
}


@pytest.fixture(scope="module")
def spec(apps):
    response = apps["main"].get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(spec: dict) -> dict[tuple[str, str], dict]:
    return {(method, path): op for path, ops in spec["paths"].items() for method, op in ops.items()}


def resolve(spec: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def alternatives(spec: dict, schema: dict) -> list[tuple[str, dict]]:
    """(model name, object schema) of each shape a response may take."""
    if "anyOf" in schema:
        return [alt for option in schema["anyOf"] for alt in alternatives(spec, option)]
    return [(schema.get("$ref", "").rsplit("/", 1)[-1], resolve(spec, schema))]


def test_openapi_documents_every_api_route_and_no_page(spec):
    assert set(operations(spec)) == set(EXAMPLES)
    assert all(path.startswith("/api/") for _, path in operations(spec))
    assert "HTTPValidationError" not in json.dumps(spec)  # FastAPI's default 422 shape is not ours


@pytest.mark.parametrize("operation", sorted(EXAMPLES), ids=lambda op: f"{op[0]} {op[1]}")
def test_openapi_lists_exactly_the_statuses_the_route_sends(spec, operation):
    documented = operations(spec)[operation]["responses"]
    assert {int(code) for code in documented} == set(EXAMPLES[operation])
    for code, answer in documented.items():
        if code == "304":
            assert "content" not in answer
            continue
        schema = answer["content"]["application/json"]["schema"]
        for name, shape in alternatives(spec, schema):
            assert shape["type"] == "object" and "ok" in shape["required"], (operation, code, name)
            assert (name == "ErrorBody") == (int(code) >= 400), (operation, code, name)


CASES = [(op, status, n) for op, statuses in sorted(EXAMPLES.items())
         for status, requests in sorted(statuses.items()) for n in range(len(requests))]


@pytest.mark.parametrize("operation, status, n", CASES,
                         ids=[f"{op[0]} {op[1]} {status} #{n}" for op, status, n in CASES])
def test_openapi_matches_the_real_response(apps, spec, operation, status, n):
    response = EXAMPLES[operation][status][n](apps)
    assert response.status_code == status, response.text
    if status == 304:
        assert response.content == b""
        return
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    schema = operations(spec)[operation]["responses"][str(status)]["content"]["application/json"]["schema"]
    fits = []
    for name, shape in alternatives(spec, schema):
        keys = set(body)
        if set(shape["required"]) <= keys <= set(shape["properties"]):
            getattr(api_models, name).model_validate(body)  # the values have the documented types
            fits.append(name)
    assert fits, f"{sorted(body)} fits none of {[n for n, _ in alternatives(spec, schema)]}"
    assert body["ok"] is (status < 400)
    if status >= 400:
        assert body["status"] == status and body["error"]
        assert "/secret/path" not in body["error"] and "Traceback" not in body["error"]
