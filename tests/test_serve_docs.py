"""/docs and /redoc load everything they need from this server: no CDN, no inline
script, a policy that names no other host (rendering is checked in Chromium in
tests/test_browser_tables.py)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from treatywatch.serve.app import ServeSettings, create_app


@pytest.fixture(scope="module")
def client():
    class NoStore:  # the docs need no store
        pass

    with TestClient(create_app(settings=ServeSettings(), answers=NoStore())) as client:
        yield client


def references(html: str) -> list[str]:
    return re.findall(r'(?:src|href|spec-url)="([^"]+)"', html)


@pytest.mark.parametrize("path, bundle", [("/docs", "swagger-ui-bundle.js"),
                                          ("/redoc", "redoc.standalone.js")])
def test_docs_pages_load_their_assets_from_this_server(client, path, bundle):
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    refs = references(page.text)
    assert any(ref.endswith(bundle) for ref in refs)
    assert "<script>" not in page.text and "http" not in " ".join(refs)
    for ref in refs:
        assert ref.startswith("/"), ref
        asset = client.get(ref)
        assert asset.status_code == 200, ref
        if ref.endswith(".js"):
            assert "javascript" in asset.headers["content-type"] and len(asset.content) > 100_000 \
                or ref.startswith("/static/")
        if ref.endswith(".css"):
            assert asset.headers["content-type"].startswith("text/css") and b"swagger-ui" in asset.content
    assert client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/static/style.css"])
def test_docs_policy_allows_this_server_only(client, path):
    policy = client.get(path).headers["content-security-policy"]
    assert "http" not in policy and "cdn" not in policy
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"  # no inline script, no other host
    assert directives["default-src"] == "'none'"
    if path != "/redoc":  # ReDoc alone injects its styles (see serve/security.py)
        assert directives["style-src"] == "'self'"


def test_docs_start_script_points_at_this_servers_schema(client):
    script = client.get("/static/docs.js").text
    assert 'url: "/openapi.json"' in script
