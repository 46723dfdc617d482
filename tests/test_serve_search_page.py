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
    return re.findall(r'<li><a href="/documents/[0-9a-f]+"[^>]*>([^<]*)</a>', html)


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
    assert client.get("/search", params=params).status_code == 400


@pytest.mark.parametrize("params, field, kept", [
    ({"q": "Таджикистан", "from": "last year"}, "from", 'name="from" value="last year"'),
    ({"q": "Таджикистан", "to": "2025-13"}, "to", 'name="to" value="2025-13"'),
    ({"q": "Таджикистан", "language": "fr"}, "language", 'name="q" value="Таджикистан"'),
    ({"q": "Таджикистан", "outlet": "x" * 201}, "outlet", 'value="' + "x" * 201 + '" selected'),
    ({"q": "   ", "language": "uk"}, "q", '<option value="uk" selected>'),
])
def test_search_page_bad_field_is_its_own_error_beside_it_and_the_form_keeps_what_was_typed(
        client, params, field, kept):
    response = client.get("/search", params=params)
    assert response.status_code == 400
    html = response.text
    assert kept in html
    bad = re.findall(r'<label>[^<]*<(?:input|select) name="(\w+)"[^>]*aria-invalid="true"', html) + \
        re.findall(r'<label class="wide">[^<]*<input type="search" name="(\w+)"[^>]*aria-invalid="true"', html)
    assert bad == [field]
    assert html.count('class="field-error"') == 1 and _hits(html) == []


def test_search_page_error_says_it_in_the_interface_language(client):
    ru = client.get("/search", params={"q": "Таджикистан", "from": "вчера", "lang": "ru"})
    uk = client.get("/search", params={"q": "Таджикистан", "from": "вчора", "lang": "uk"})
    assert ru.status_code == uk.status_code == 400
    assert "Это не дата" in ru.text and "Це не дата" not in ru.text
    assert ru.text != uk.text and 'value="вчора"' in uk.text


def test_a_bad_search_is_not_kept_by_the_response_cache(client):
    """The 400 page is made again each time; a good search after it is answered."""
    params = {"q": "Таджикистан", "from": "2025-99"}
    for _ in range(2):
        assert client.get("/search", params=params).status_code == 400
    cache = client.app.state.cache
    assert not any(key[0] == "response" and key[1] == "/search" and b"2025-99" in key[2]
                   for key in list(cache._entries))
    good = client.get("/search", params={"q": "Таджикистан", "from": "2025"})
    assert good.status_code == 200 and _hits(good.text)
    assert any(key[0] == "response" and key[1] == "/search" for key in list(cache._entries))
