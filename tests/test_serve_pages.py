"""The HTML pages in-process: content, escaping of hostile text, interface language."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import (HOSTILE_SCRIPT, KAZ_APPEAL, KAZAKHSTAN, TAJIKISTAN, TJK_DENIAL,
                            open_test_answers)
from treatywatch.serve.app import ServeSettings, create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("pages"))
    ids = {a.record["id"]: answers.ingest_record(a.record)["id"] for a in (KAZAKHSTAN, TAJIKISTAN)}
    app = create_app(settings=ServeSettings(), answers=answers)
    with TestClient(app) as client:
        client.doc_ids = ids
        yield client
    answers.close()


def tjk_case(client) -> str:
    return client.get("/api/cases", params={"actor": "TJK"}).json()["cases"][0]["id"]


def test_pages_case_list_links_every_case(client):
    html = client.get("/").text
    for case in client.get("/api/cases").json()["cases"]:
        assert f'href="/cases/{case["id"]}"' in html


def test_pages_case_list_filter_keeps_only_matching_cases(client):
    # as the form sends it: every field, the unused ones empty
    response = client.get("/?actor=Kazakhstan&org=&from=&to=&verdict=")
    assert response.status_code == 200
    html = response.text
    assert "/cases/KAZ-" in html and "/cases/TJK-" not in html
    assert 'name="actor" value="Kazakhstan"' in html


def test_pages_case_shows_timeline_with_links_to_highlighted_evidence(client):
    case = client.get(f"/api/cases/{tjk_case(client)}").json()["case"]
    html = client.get(f"/cases/{case['id']}").text
    doc_id = client.doc_ids["tjk-2025.txt"]
    for event in case["timeline"]:
        assert f'href="/documents/{doc_id}#ev-{event["id"]}"' in html
    document = client.get(f"/documents/{doc_id}").text
    for event in case["timeline"]:
        assert f'id="ev-{event["id"]}"' in document
    denial = next(e for e in case["timeline"] if e["polarity"] == "negative")
    assert (f'<span class="ev-anchor" id="ev-{denial["id"]}"></span><mark class="ev" '
            in document)
    assert re.search(r'<mark class="ev"[^>]*>' + re.escape(TJK_DENIAL) + "</mark>", document)


@pytest.mark.parametrize("path", ["document", "case", "search", "check"])
def test_pages_render_hostile_document_text_inert(client, path):
    doc_id = client.doc_ids["tjk-2025.txt"]
    url = {"document": f"/documents/{doc_id}", "case": f"/cases/{tjk_case(client)}",
           "search": "/search?q=телеграм", "check": "/check?state=TJK&org=CSTO&when=2025-11"}[path]
    response = client.get(url)
    assert response.status_code == 200
    html = response.text
    assert "<script" not in html.lower()  # our pages have no script at all
    assert "<img" not in html.lower() and "<b>попросил" not in html
    assert 'href="javascript:' not in html.lower()
    if path == "document":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(2)&gt;" in html
        assert "&lt;b&gt;попросил&lt;/b&gt;" in html
        assert "&lt;a href=&#34;javascript:alert(4)&#34;&gt;" in html
    if path == "case":
        assert "&lt;b&gt;попросил&lt;/b&gt;" in html


def test_pages_html_record_markup_in_text_stays_text(tmp_path):
    answers = open_test_answers(tmp_path)
    stored = answers.ingest_record({"id": "x.html", "html": (
        "<html><head><title>t</title></head><body><article><h1>Head</h1>"
        "<p>An article that quotes the tag &lt;script&gt;alert(5)&lt;/script&gt; in its text "
        "and says nothing about alliances, for the test of escaping only.</p>"
        "<script>alert(6)</script></article></body></html>")})
    with TestClient(create_app(settings=ServeSettings(), answers=answers)) as client:
        html = client.get(f"/documents/{stored['id']}").text
    answers.close()
    assert "<script" not in html.lower()
    assert "alert(6)" not in html  # the page's own script is dropped at ingestion
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in html


def test_pages_original_link_only_for_http_urls(client):
    kaz = client.get(f"/documents/{client.doc_ids['kaz-2022.txt']}").text
    assert f'href="{KAZAKHSTAN.record["url"]}"' in kaz
    tjk = client.get(f"/documents/{client.doc_ids['tjk-2025.txt']}").text
    assert "alert(3)" not in tjk


def test_pages_search_lists_matching_documents(client):
    html = client.get("/search", params={"q": "peacekeeping"}).text
    assert f'href="/documents/{client.doc_ids["kaz-2022.txt"]}"' in html
    assert client.doc_ids["tjk-2025.txt"] not in html


def test_pages_check_form_by_parties_shows_verdict_and_citations(client):
    html = client.get("/check", params={"state": "Kazakhstan", "org": "ОДКБ", "when": "2022-01"}).text
    assert 'class="badge v-made"' in html
    assert KAZ_APPEAL in html
    assert 'href="/cases/KAZ-CSTO-2022-01' in html


def test_pages_check_claim_that_reads_no_event_says_so(client, monkeypatch):
    monkeypatch.setattr("treatywatch.serve.web.read_claim", lambda sentence: [])
    html = client.get("/check", params={"claim": "Погода в Душанбе солнечная"}).text
    assert 'class="badge v-cannot_judge"' in html
    assert "No appeal, decision or deployment could be read" in html


# --- interface language -------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/search", "/check", "/cases/KAZ-CSTO-2022-01", "/no-such-page"])
def test_pages_language_switch_on_every_page(client, path):
    html = client.get(path).text
    assert 'hreflang="ru"' in html and "lang=ru" in html
    ru = client.get(path, params={"lang": "ru"}).text
    assert '<html lang="ru">' in ru
    assert 'hreflang="en"' in ru and "lang=en" in ru


def test_pages_language_from_query_then_accept_language(client):
    assert ">Случаи</a>" in client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text
    english = client.get("/", params={"lang": "en"}, headers={"Accept-Language": "ru"}).text
    assert ">Cases</a>" in english and '<html lang="en">' in english
    ru = client.get("/", params={"lang": "ru"})
    assert ru.headers["content-language"] == "ru"
    assert "Обращение" in ru.text


def test_pages_chosen_language_carries_over_links_and_filters(client):
    html = client.get("/", params={"lang": "ru", "verdict": "made"}).text
    assert re.search(r'href="/cases/KAZ-CSTO-2022-01\?lang=ru"', html)
    assert '<input type="hidden" name="lang" value="ru">' in html
    switch = re.search(r'<a href="([^"]+)" hreflang="en"', html).group(1)
    assert "verdict=made" in switch and "lang=en" in switch
