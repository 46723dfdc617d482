"""The search page: lemma search with the matched forms marked, filters kept in the
form, titles from the first line."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from search_fixtures import DOCS, ingest_search_docs
from treatywatch.serve.answers import Answers
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.store import open_store


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("search") / "record.sqlite"))
    ingest_search_docs(store)
    answers = Answers(store)
    with TestClient(create_app(settings=ServeSettings(), answers=answers)) as client:
        yield client
    answers.close()


def _hits(html: str) -> list[str]:
    return re.findall(r'<li><a href="/documents/[0-9a-f]+">([^<]*)</a>', html)


def test_search_page_inflected_form_and_lemma_list_the_same_documents(client):
    pages = {form: client.get("/search", params={"q": form}).text
             for form in ("Таджикистан", "Таджикистана", "Таджикистану")}
    titles = {form: sorted(_hits(html)) for form, html in pages.items()}
    assert titles["Таджикистан"] == titles["Таджикистана"] == titles["Таджикистану"]
    assert len(titles["Таджикистан"]) == 5
    assert DOCS["ru-aid"][0] in titles["Таджикистан"]  # titled by its first line
    assert "<mark>Таджикистану</mark>" in pages["Таджикистан"]
    assert "<mark>Таджикистана</mark>" in pages["Таджикистану"]


def test_search_page_filters_and_keeps_them_in_the_form(client):
    html = client.get("/search", params={"q": "Таджикистан", "language": "uk", "from": "2025-03",
                                         "to": "2025", "outlet": "Вісник"}).text
    assert _hits(html) == [DOCS["uk-gov"][0]]
    assert '<option value="uk" selected>' in html
    assert 'name="from" value="2025-03"' in html
    assert '<option value="Вісник" selected>' in html


def test_search_page_escapes_the_query_and_the_text(client):
    html = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("params", [{"q": "x", "from": "last year"}, {"q": "x", "language": "fr"}])
def test_search_page_bad_filter_is_a_client_error(client, params):
    assert client.get("/search", params=params).status_code in (400, 422)
