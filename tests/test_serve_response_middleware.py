"""Whole GET answers from the response cache: made once per write generation, in
each page language, with an ETag that a client can send back for a 304; errors and
writes are never kept."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import TOKEN
from test_store_generation import report
from treatywatch.serve.answers import Answers
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.store import open_store


class CountingAnswers(Answers):
    """Counts the answers actually made (not served from a cache)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.made: list[str] = []

    def list_cases(self, filters=None):
        self.made.append("list")
        return super().list_cases(filters)

    def get_case(self, case_id):
        self.made.append("case")
        return super().get_case(case_id)


@pytest.fixture
def store_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'mw.sqlite'}"
    with open_store(url) as store:
        store.ingest(report(0))
        store.refresh_cases()
    return url


def client_for(url: str, cache_seconds: float = 60) -> tuple[TestClient, CountingAnswers]:
    answers = CountingAnswers(open_store(url))
    app = create_app(settings=ServeSettings(cache_seconds=cache_seconds, token=TOKEN),
                     answers=answers)
    return TestClient(app), answers


def test_a_get_is_made_once_per_generation(store_url):
    client, answers = client_for(store_url)
    first = client.get("/api/cases")
    second = client.get("/api/cases?org=CSTO")  # another query string is another answer
    again = client.get("/api/cases")
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert answers.made == ["list", "list"]
    assert second.json() == first.json()
    with open_store(store_url) as writer:  # another process writes
        writer.ingest(report(1))
        writer.refresh_cases()
    after = client.get("/api/cases")
    assert answers.made == ["list", "list", "list"]
    assert after.json()["cases"][0]["documents"] == first.json()["cases"][0]["documents"] + 1
    assert after.headers["etag"] != first.headers["etag"]
    answers.close()


def test_etag_gives_304_until_the_record_changes(store_url):
    client, answers = client_for(store_url)
    case_id = client.get("/api/cases").json()["cases"][0]["id"]
    page = client.get(f"/cases/{case_id}")
    etag = page.headers["etag"]
    unchanged = client.get(f"/cases/{case_id}", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag
    assert "content-security-policy" in unchanged.headers  # the outer middleware still adds it
    with open_store(store_url) as writer:
        writer.ingest(report(2))
        writer.refresh_cases()
    changed = client.get(f"/cases/{case_id}", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "(report 2)" in changed.text
    assert changed.headers["etag"] != etag
    answers.close()


def test_each_page_language_is_its_own_answer(store_url):
    client, answers = client_for(store_url)
    case_id = client.get("/api/cases").json()["cases"][0]["id"]
    english = client.get(f"/cases/{case_id}", headers={"Accept-Language": "en"})
    russian = client.get(f"/cases/{case_id}", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    asked = client.get(f"/cases/{case_id}?lang=ru", headers={"Accept-Language": "en"})
    assert english.headers["content-language"] == "en"
    assert russian.headers["content-language"] == asked.headers["content-language"] == "ru"
    assert english.text != russian.text
    assert english.headers["etag"] != russian.headers["etag"]
    answers.close()


def test_errors_and_writes_are_not_kept(store_url):
    client, answers = client_for(store_url)
    for _ in range(2):
        assert client.get("/api/cases/NO-SUCH-CASE").status_code == 404
    assert answers.made == ["case", "case"]
    record = {"id": "posted.txt", "text": "A quiet day in the capital; nothing happened."}
    for expected in ("new", "duplicate"):
        answer = client.post("/api/documents", json=record,
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 201 and answer.json()["status"] == expected
    answers.close()


def test_no_cache_no_etag(store_url):
    client, answers = client_for(store_url, cache_seconds=0)
    for _ in range(2):
        response = client.get("/api/cases")
        # no generation tag of the cache's (the list's own content tag may be there)
        assert not response.headers.get("etag", "").startswith('W/"')
    assert answers.made == ["list", "list"]
    answers.close()


def test_a_list_keeps_its_own_validators_through_the_cache(store_url):
    """A cached list answers 304 to its own ETag, to `*` and to If-Modified-Since,
    and carries one ETag, not two."""
    client, answers = client_for(store_url)
    first = client.get("/api/cases")
    assert len(first.headers.get_list("etag")) == 1
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    for headers in ({"If-None-Match": etag}, {"If-None-Match": "*"}, {"If-Modified-Since": modified}):
        assert client.get("/api/cases", headers=headers).status_code == 304, headers
    assert client.get("/api/cases", headers={"If-None-Match": '"other"'}).status_code == 200
    answers.close()
