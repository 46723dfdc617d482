"""Hostile input, tokens, cross-site writes, CSP and upload limits (TestClient, in-process)."""

from __future__ import annotations

import json
import re
from importlib import resources
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, TOKEN, open_test_answers
from treatywatch.errors import StoreError
from treatywatch.serve import auth
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.auth import FailureLimiter

AUTH = {"Authorization": f"Bearer {TOKEN}"}

HOSTILE = [
    "' OR '1'='1' --",
    '"; DROP TABLE documents; --',
    "1; DELETE FROM cases",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "javascript:alert(3)",
    "{{ 7*7 }}{% raw %}",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    'NEAR("a" "b") OR * AND "',
    "Таджикистан TJK تاجيكستان 塔吉克斯坦 \u202egnp.exe \u200b\ufeff",
    "ÿ\u0301\u0300" * 50,
    "A" * 20_000,
    "2025-13-45",
    "%",
    "\r\nSet-Cookie: x=1",
]

# Text of a traceback, a module path, a driver or SQL: never on an answer.
INTERNALS = re.compile(r"Traceback|File \"|site-packages|\.py\b|sqlalchemy|sqlite3|psycopg|"
                       r"OperationalError|IntegrityError|SELECT |/tmp/|/work/")

QUERY_ROUTES = {
    "/": ("actor", "org", "from", "to", "verdict", "lang"),
    "/api/cases": ("actor", "org", "from", "to", "verdict", "sort", "limit", "offset"),
    "/events": ("actor", "org", "from", "to", "type", "polarity", "modality", "sort", "lang"),
    "/api/events": ("actor", "org", "from", "to", "type", "polarity", "modality", "sort", "limit"),
    "/documents": ("language", "outlet", "from", "to", "sort", "offset", "lang"),
    "/api/documents": ("language", "outlet", "from", "to", "sort", "limit", "offset"),
    "/search": ("q", "lang"),
    "/api/search": ("q",),
    "/check": ("state", "org", "when", "claim", "lang"),
    "/api/check": ("state", "org", "when", "claim"),
}
PATH_ROUTES = ("/cases/{}", "/api/cases/{}", "/documents/{}", "/api/documents/{}")


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("security"))
    for annotated in (KAZAKHSTAN, TAJIKISTAN):
        answers.ingest_record(annotated.record)
    yield answers
    answers.close()


@pytest.fixture(scope="module")
def client(answers):
    app = create_app(settings=ServeSettings(token=TOKEN, max_body_bytes=64 * 1024, max_documents=5),
                     answers=answers)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def fresh_client(answers):
    """A client of an app of its own (a limiter with no failures yet)."""
    app = create_app(settings=ServeSettings(token=TOKEN, max_documents=5), answers=answers)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def record_counts(client) -> tuple[int, int]:
    cases = client.get("/api/cases").json()["count"]
    docs = client.get("/api/search", params={"q": "CSTO"}).json()["count"]
    return cases, docs


def assert_no_leak(response) -> None:
    assert response.status_code in (200, 400, 404, 413, 422), (response.status_code, response.text[:300])
    assert not INTERNALS.search(response.text), response.text[:500]
    if "text/html" in response.headers.get("content-type", ""):
        # nothing of the request comes back as markup
        assert "<script" not in response.text and "<img" not in response.text
    else:
        assert isinstance(response.json(), dict)


@pytest.mark.parametrize("route", sorted(QUERY_ROUTES))
def test_hostile_strings_in_every_query_parameter_leak_nothing(client, route):
    before = record_counts(client)
    for name in QUERY_ROUTES[route]:
        for value in HOSTILE:
            response = client.get(route, params={name: value})
            assert_no_leak(response)
    assert record_counts(client) == before


@pytest.mark.parametrize("route", PATH_ROUTES)
def test_hostile_strings_in_every_path_parameter_leak_nothing(client, route):
    before = record_counts(client)
    for value in HOSTILE:
        response = client.get(route.format(quote(value, safe="")))
        assert response.status_code in (404, 422), (value, response.status_code)
        assert not INTERNALS.search(response.text), response.text[:500]
        if route.startswith("/api/"):
            assert response.headers["content-type"] == "application/json"
        else:
            assert "<script" not in response.text and "<img" not in response.text
    assert record_counts(client) == before


@pytest.mark.parametrize("value", ["x\x00y", "\x00", "TJK\x00' OR 1=1"])
def test_a_nul_character_anywhere_is_one_clear_400(client, value):
    for route, params in QUERY_ROUTES.items():
        response = client.get(route, params={params[0]: value})
        assert response.status_code == 400
        assert response.json()["error"].startswith("the request contains a NUL character")
    assert client.get("/cases/KAZ%00").status_code == 400


def test_hostile_strings_in_every_upload_field_are_stored_as_text(client, answers):
    for n, value in enumerate(HOSTILE[:12]):
        record = {"id": f"{value[:40]}-{n}", "title": value, "url": value, "published": None,
                  "text": f"Hostile field test number {n}. {value}"}
        response = client.post("/api/documents", json=record, headers=AUTH)
        assert response.status_code == 201, response.text
        stored = response.json()["id"]
        page = client.get(f"/documents/{stored}")
        assert page.status_code == 200
        assert "<script" not in page.text and "<img" not in page.text
        assert 'href="javascript' not in page.text
        assert client.get(f"/api/documents/{stored}").json()["document"]["title"] == value
    bad_date = client.post("/api/documents", json={"text": "x", "published": HOSTILE[0]}, headers=AUTH)
    assert bad_date.status_code == 422 and not INTERNALS.search(bad_date.text)


def test_a_store_failure_is_answered_without_naming_the_store(answers):
    class Failing:
        def list_cases(self, filters):
            raise StoreError("cannot read the store sqlite:////srv/secret/record.sqlite: disk I/O error")

    app = create_app(settings=ServeSettings(), answers=Failing())
    with TestClient(app, raise_server_exceptions=False) as failing:
        for path in ("/api/cases", "/"):
            response = failing.get(path)
            assert response.status_code == 503
            assert "secret" not in response.text and "sqlite" not in response.text
            assert "try again later" in response.text


# --- the token -----------------------------------------------------------------------

def test_the_token_is_compared_in_constant_time(fresh_client, monkeypatch):
    compared = []
    real = auth.hmac.compare_digest

    def spy(given, expected):
        compared.append((given, expected))
        return real(given, expected)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    fresh_client.post("/api/documents", json=ARMENIA.record, headers={"Authorization": "Bearer nope"})
    assert compared == [(b"nope", TOKEN.encode())]


def test_the_token_is_never_logged_nor_echoed(fresh_client, caplog):
    wrong = "Wr0ng-T0ken-" + "q" * 20
    with caplog.at_level("DEBUG"):
        for headers in ({"Authorization": f"Bearer {wrong}"}, AUTH):
            response = fresh_client.post("/api/documents", json=ARMENIA.record, headers=headers)
            assert wrong not in response.text and TOKEN not in response.text
    assert caplog.records, "expected the app to log something at DEBUG"
    assert wrong not in caplog.text and TOKEN not in caplog.text


def test_failed_tokens_are_rate_limited_per_client(answers):
    app = create_app(settings=ServeSettings(token=TOKEN), answers=answers)
    now = [1000.0]
    app.state.auth_failures = FailureLimiter(max_failures=3, window=60, clock=lambda: now[0])
    wrong = {"Authorization": "Bearer guess"}
    note = {"text": "A routine note on rate limits, written for this test."}
    with TestClient(app, client=("10.0.0.1", 4000)) as attacker, \
            TestClient(app, client=("10.0.0.2", 4000)) as other:
        assert [attacker.post("/api/documents", json=note, headers=wrong).status_code
                for _ in range(3)] == [401, 401, 401]
        blocked = attacker.post("/api/documents", json=note, headers=AUTH)  # even the right one
        assert blocked.status_code == 429
        assert 1 <= int(blocked.headers["retry-after"]) <= 60
        assert "too many failed attempts" in blocked.json()["error"]
        assert other.post("/api/documents", json=note, headers=AUTH).status_code == 201
        now[0] += 61
        assert attacker.post("/api/documents", json=note, headers=AUTH).status_code == 201


def test_the_failure_table_is_bounded():
    limiter = FailureLimiter(max_failures=2, window=60, max_clients=100)
    for n in range(5000):
        limiter.failed(f"10.{n // 256}.{n % 256}.1")
    assert limiter.clients() == 100
    limiter.failed("10.19.135.1")  # one of the most recent: still counted
    assert limiter.retry_after("10.19.135.1") > 0
    assert limiter.retry_after("10.0.0.1") == 0  # forgotten long ago


# --- cross-site writes ---------------------------------------------------------------

@pytest.mark.parametrize("headers, status", [
    ({"Origin": "https://evil.example"}, 403),
    ({"Origin": "null"}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Content-Type": "application/x-www-form-urlencoded"}, 415),
    ({"Content-Type": "multipart/form-data; boundary=x"}, 415),
    ({"Content-Type": "text/plain"}, 415),
])
def test_cross_site_writes_are_refused_before_the_app(fresh_client, headers, status):
    before = record_counts(fresh_client)
    body = json.dumps({"text": "CSTO forged write test: this must never be stored."})
    response = fresh_client.post("/api/documents", content=body,
                                 headers={"Content-Type": "application/json", **AUTH, **headers})
    assert response.status_code == status
    assert response.json()["ok"] is False
    assert record_counts(fresh_client) == before
    assert fresh_client.get("/api/search", params={"q": "forged"}).json()["count"] == 0


def test_a_same_origin_write_goes_through(fresh_client):
    response = fresh_client.post("/api/documents", json={"text": "Same-origin note for the test."},
                                 headers={**AUTH, "Origin": "http://testserver",
                                          "Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 201, response.text


# --- CSP and inline script -----------------------------------------------------------

def test_every_answer_has_a_csp_without_inline_script(client):
    case_id = client.get("/api/cases").json()["cases"][0]["id"]
    for path in ("/", f"/cases/{case_id}", "/search?q=CSTO", "/check", "/api/cases",
                 "/static/style.css", "/no-such-page", "/docs", "/openapi.json"):
        response = client.get(path)
        policy = response.headers["content-security-policy"]
        script_src = re.search(r"script-src ([^;]*)", policy).group(1)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        if not path.startswith("/docs"):
            assert re.search(r"style-src 'self';", policy)


def test_pages_and_templates_hold_no_inline_script_or_style(client):
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style", re.I)
    folder = resources.files("treatywatch.serve")
    files = [*(folder / "templates").iterdir(), *(folder / "static").iterdir()]
    for item in files:
        if item.name.endswith(".html"):
            assert not inline.search(item.read_text(encoding="utf-8")), item.name
    case_id = client.get("/api/cases").json()["cases"][0]["id"]
    for path in ("/", f"/cases/{case_id}", "/search?q=CSTO", "/check?state=TJK&org=CSTO", "/docs"):
        assert not inline.search(client.get(path).text), path


# --- upload limits -------------------------------------------------------------------

def test_a_batch_over_the_document_limit_is_413_and_stores_nothing(client):
    lines = "\n".join(json.dumps({"text": f"Batch limit note {n} for the test."}) for n in range(6))
    response = client.post("/api/documents", content=lines,
                           headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 413
    assert "the limit is 5" in response.json()["error"]
    assert client.get("/api/search", params={"q": "Batch limit"}).json()["count"] == 0
    at_limit = "\n".join(lines.splitlines()[:5])
    ok = client.post("/api/documents", content=at_limit,
                     headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert ok.status_code == 201 and ok.json()["count"] == 5


def test_a_declared_body_over_the_size_limit_is_413_before_auth(client):
    response = client.post("/api/documents", content=b"x" * (64 * 1024 + 1),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "content-security-policy" in response.headers
