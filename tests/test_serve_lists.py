"""The lists (cases, events, documents) in the API, on the pages and as downloads:
paging with a total, the CLI's filters, sorting, conditional GETs, and downloads that
hold exactly the rows a page shows."""

from __future__ import annotations

import csv
import io
import json
import re

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, TJK_DENIAL, TOKEN, open_test_answers
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.listing import (CASE_COLUMNS, CASE_SORTS, DOCUMENT_COLUMNS, DOCUMENT_SORTS,
                                       EVENT_COLUMNS, EVENT_SORTS)

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ALL_EVENTS = 7  # KAZAKHSTAN 3, TAJIKISTAN 2, ARMENIA 2 (serve_fixtures)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("lists"))
    for annotated in (KAZAKHSTAN, TAJIKISTAN, ARMENIA):
        answers.ingest_record(annotated.record)
    app = create_app(settings=ServeSettings(token=TOKEN), answers=answers)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    answers.close()


def rows_of(client, table: str, **params) -> list[dict]:
    response = client.get(f"/api/{table}", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True and body["count"] == len(body[table])
    return body[table]


# --- paging -------------------------------------------------------------------------

def test_api_cases_limit_gives_that_many_and_the_total(client):
    body = client.get("/api/cases?limit=2").json()
    assert body["count"] == 2 and len(body["cases"]) == 2 and body["total"] == 3
    assert [c["requester"] for c in body["cases"]] == ["KAZ", "ARM"]  # oldest first
    rest = client.get("/api/cases?limit=2&offset=2").json()
    assert [c["requester"] for c in rest["cases"]] == ["TJK"] and rest["offset"] == 2


@pytest.mark.parametrize("table, total", [("cases", 3), ("events", ALL_EVENTS), ("documents", 3)])
def test_lists_page_through_every_row_once(client, table, total):
    whole = rows_of(client, table)
    assert len(whole) == total
    first = client.get(f"/api/{table}", params={"limit": 2}).json()
    assert first["total"] == total and first["count"] == 2 and first["limit"] == 2
    pages = [r["id"] for offset in range(0, total, 2)
             for r in rows_of(client, table, limit=2, offset=offset)]
    assert pages == [r["id"] for r in whole]
    assert rows_of(client, table, limit=2, offset=total) == []


@pytest.mark.parametrize("query", ["limit=0", "limit=1001", "offset=-1", "limit=two",
                                   "sort=colour", "sort=--when", "sort=text"])
def test_lists_refuse_bad_paging_and_sort_with_422(client, query):
    for table in ("cases", "events", "documents"):
        response = client.get(f"/api/{table}?{query}")
        assert response.status_code == 422, (table, query, response.text)
        assert response.json()["ok"] is False


# --- sorting ------------------------------------------------------------------------

def sort_value(row: dict, key: str):
    named = {"requester": "requester_name", "addressee": "addressee_name"}
    if key == "when":
        return row["when"] or row["published"]
    if key in named and "requester_name" in row:
        return row[named[key]] or row[key]
    return row[key]


@pytest.mark.parametrize("table, keys", [("cases", CASE_SORTS), ("events", EVENT_SORTS),
                                         ("documents", DOCUMENT_SORTS)])
def test_lists_sort_each_column_both_ways_with_missing_values_last(client, table, keys):
    for key in keys:
        for descending in (False, True):
            sort = ("-" if descending else "") + key
            body = client.get(f"/api/{table}", params={"sort": sort}).json()
            assert body["sort"] == sort
            values = [sort_value(r, key) for r in body[table]]
            present = [v for v in values if v is not None]
            assert values == present + [None] * (len(values) - len(present)), (sort, values)
            if key == "when":  # months and days compare by their first day
                present = [v[:7] for v in present]
            assert present == sorted(present, reverse=descending), (sort, values)


def test_lists_sort_ties_by_id_so_pages_are_stable(client):
    rows = rows_of(client, "events", sort="type")
    for a, b in zip(rows, rows[1:]):
        if a["type"] == b["type"]:
            assert a["id"] < b["id"]


# --- filters ------------------------------------------------------------------------

@pytest.mark.parametrize("params, check", [
    ({"type": "appeal"}, lambda r: r["type"] == "appeal"),
    ({"polarity": "negative"}, lambda r: r["polarity"] == "negative"),
    ({"modality": "uncertain"}, lambda r: r["modality"] == "uncertain"),
    ({"actor": "Таджикистан"}, lambda r: r["requester"] == "TJK"),
    ({"actor": "Kazakhstan", "type": "deployment"}, lambda r: r["actor"] == "RUS"),
    ({"org": "ОДКБ", "from": "2022-09", "to": "2022-09"}, lambda r: r["requester"] == "ARM"),
    ({"from": 2025}, lambda r: r["requester"] == "TJK"),
])
def test_api_events_filters_match_the_cli_options(client, params, check):
    rows = rows_of(client, "events", **params)
    assert rows, params
    assert all(check(r) for r in rows), rows
    others = [r for r in rows_of(client, "events") if r["id"] not in {x["id"] for x in rows}]
    assert not any(check(r) for r in others) or len(params) > 1


def test_api_events_carry_document_case_and_evidence(client):
    denial = rows_of(client, "events", polarity="negative")
    assert len(denial) == 1
    row = denial[0]
    assert list(row) == list(EVENT_COLUMNS)
    assert row["sentence"] == TJK_DENIAL
    assert row["case"] == client.get("/api/cases", params={"actor": "TJK"}).json()["cases"][0]["id"]
    assert row["title"] == TAJIKISTAN.record["title"] and row["lang"] == "ru"


@pytest.mark.parametrize("params, names", [
    ({"language": "ru"}, {"tjk-2025.txt"}),
    ({"language": "en"}, {"kaz-2022.txt", "arm-2022.txt"}),
    ({"outlet": "NEWS.EX"}, {"kaz-2022.txt"}),  # any part, any letter case
    ({"outlet": "%"}, set()),  # a LIKE wildcard is a character, not a pattern
    ({"from": "2022-09", "to": 2022}, {"arm-2022.txt"}),
    ({"to": "2022-01-07"}, {"kaz-2022.txt"}),
])
def test_api_documents_filters(client, params, names):
    assert {d["name"] for d in rows_of(client, "documents", **params)} == names


def test_api_documents_count_their_events_and_leave_out_the_text(client):
    rows = {d["name"]: d for d in rows_of(client, "documents", sort="-events")}
    assert rows["kaz-2022.txt"]["events"] == 3 and rows["tjk-2025.txt"]["events"] == 2
    assert all(list(d) == list(DOCUMENT_COLUMNS) and "text" not in d for d in rows.values())


@pytest.mark.parametrize("path, status", [
    ("/api/events?actor=Atlantis", 404),
    ("/api/events?actor=CSTO", 400),  # an organization is not the state in need
    ("/api/events?from=2022-13", 400),
    ("/api/documents?to=2022-02-30", 400),
    ("/api/documents?language=fr", 422),
    ("/api/events?polarity=maybe", 422),
])
def test_lists_bad_filters_name_the_problem(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["ok"] is False and response.json()["error"]


# --- conditional GETs -----------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/cases?limit=2", "/api/events?type=appeal",
                                  "/api/documents?sort=-published", "/events.csv"])
def test_lists_answer_304_to_a_current_copy(client, path):
    first = client.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('"') and first.headers["cache-control"] == "no-cache"
    for headers in ({"If-None-Match": etag}, {"If-None-Match": f'"x", W/{etag}'},
                    {"If-None-Match": "*"}, {"If-Modified-Since": modified}):
        again = client.get(path, headers=headers)
        assert again.status_code == 304, headers
        assert again.content == b"" and again.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get(path, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
                      ).status_code == 200
    assert client.get(path, headers={"If-Modified-Since": "yesterday"}).status_code == 200
    # If-None-Match wins: a stale tag is answered in full whatever the date says
    assert client.get(path, headers={"If-None-Match": '"other"',
                                     "If-Modified-Since": modified}).status_code == 200


@pytest.fixture
def own_client(tmp_path):
    """A store of its own, for a test that writes to it."""
    answers = open_test_answers(tmp_path)
    for annotated in (KAZAKHSTAN, TAJIKISTAN, ARMENIA):
        answers.ingest_record(annotated.record)
    with TestClient(create_app(settings=ServeSettings(token=TOKEN), answers=answers)) as client:
        yield client
    answers.close()


def test_lists_etag_differs_by_query_and_changes_when_the_record_does(own_client):
    client = own_client
    one = client.get("/api/documents", params={"limit": 1}).headers["etag"]
    two = client.get("/api/documents", params={"limit": 2}).headers["etag"]
    assert one != two
    before = client.get("/api/documents").headers["etag"]
    stored = client.post("/api/documents", headers=AUTH, json={
        "id": "lists-note.txt", "published": "2023-03-03",
        "text": "A short note written for the list tests about border talks."})
    assert stored.status_code == 201, stored.text
    after = client.get("/api/documents", headers={"If-None-Match": before})
    assert after.status_code == 200 and after.headers["etag"] != before
    assert after.json()["total"] == 4


# --- pages and downloads ------------------------------------------------------------

PAGE_OF = {"cases": "/", "events": "/events", "documents": "/documents"}
COLUMNS_OF = {"cases": CASE_COLUMNS, "events": EVENT_COLUMNS, "documents": DOCUMENT_COLUMNS}


def shown_ids(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return re.findall(r'<tr data-id="([^"]+)"', body)


def download_links(html: str) -> dict[str, str]:
    return {fmt: href.replace("&amp;", "&") for fmt, href in
            re.findall(r'class="download" data-format="(\w+)" href="([^"]+)"', html)}


def read_file(content: bytes, fmt: str) -> list[dict]:
    if fmt == "json":
        return json.loads(content)
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    return pq.read_table(io.BytesIO(content)).to_pylist()


@pytest.mark.parametrize("table, query", [
    ("cases", ""), ("cases", "?sort=-requester&limit=2"), ("cases", "?org=CSTO&offset=1"),
    ("events", "?sort=-when&limit=3&offset=2"), ("events", "?type=appeal&polarity=positive"),
    ("events", "?actor=Kazakhstan&sort=size&lang=ru"),
    ("documents", "?language=en&sort=title"), ("documents", "?limit=1&offset=1&sort=-events"),
])
def test_download_links_return_exactly_the_rows_shown(client, table, query):
    page = client.get(PAGE_OF[table] + query)
    assert page.status_code == 200, page.text
    ids = shown_ids(page.text)
    assert ids, "the page shows rows"
    links = download_links(page.text)
    assert set(links) == {"csv", "json", "parquet"}
    api_query = query.replace("&lang=ru", "")
    assert [r["id"] for r in rows_of(client, table, **dict(
        p.split("=") for p in api_query.lstrip("?").split("&") if p))] == ids
    for fmt, href in links.items():
        download = client.get(href)
        assert download.status_code == 200, (href, download.text)
        assert f'filename="{table}.{fmt}"' in download.headers["content-disposition"]
        rows = read_file(download.content, fmt)
        assert [r["id"] for r in rows] == ids, (fmt, href)
        assert list(rows[0]) == list(COLUMNS_OF[table])


def test_download_json_has_the_api_rows_and_csv_writes_empty_for_missing(client):
    api = rows_of(client, "events", sort="when")
    assert json.loads(client.get("/events.json?sort=when").content) == api
    rows = read_file(client.get("/events.csv?sort=when").content, "csv")
    assert [r["size"] for r in rows] == ["" if r["size"] is None else str(r["size"]) for r in api]
    parquet = read_file(client.get("/events.parquet?sort=when").content, "parquet")
    assert [r["size"] for r in parquet] == [r["size"] for r in api]


@pytest.mark.parametrize("path, status", [("/events.xlsx", 404), ("/cases.csv?limit=0", 422),
                                          ("/documents.json?from=2022-13", 400)])
def test_download_errors(client, path, status):
    assert client.get(path).status_code == status


def test_pages_sort_links_toggle_and_mark_the_sorted_column(client):
    page = client.get("/events?type=appeal").text
    assert 'aria-sort="ascending" data-sort="when"' in page
    assert 'href="/events?type=appeal&amp;sort=-when"' in page  # the sorted column flips
    assert 'href="/events?type=appeal&amp;sort=size"' in page  # another starts ascending
    flipped = client.get("/events?type=appeal&sort=-when").text
    assert 'aria-sort="descending" data-sort="when"' in flipped
    down = rows_of(client, "events", type="appeal", sort="-when")
    assert shown_ids(flipped) == [r["id"] for r in down]
    assert [r["requester"] for r in down][0] == "TJK" and down[-1]["requester"] == "KAZ"


def test_pages_pager_keeps_filters_and_sort(client):
    page = client.get("/events?limit=3&sort=-when&polarity=positive").text
    total = len(rows_of(client, "events", polarity="positive"))
    assert f"of {total}" in page
    nxt = re.search(r'rel="next" href="([^"]+)"', page)[1].replace("&amp;", "&")
    assert nxt == "/events?polarity=positive&sort=-when&limit=3&offset=3"
    second = client.get(nxt).text
    assert 'rel="prev"' in second
    assert shown_ids(second) == [r["id"] for r in rows_of(
        client, "events", polarity="positive", sort="-when", limit=3, offset=3)]


def test_pages_lists_in_russian_keep_the_interface_language(client):
    page = client.get("/documents?lang=ru&language=ru").text
    assert "Документы" in page and shown_ids(page)
    assert len(shown_ids(page)) == 1  # `language` filters documents, `lang` picks the interface
    links = download_links(page)
    assert "lang=ru" not in links["csv"] and "language=ru" in links["csv"]
    assert "lang=ru" in re.search(r'data-sort="title"><a class="sort" href="([^"]+)"', page)[1]


# --- backends -----------------------------------------------------------------------

BACKEND_QUERIES = [
    ("cases", {"sort": "-documents"}), ("events", {}), ("events", {"sort": "-case"}),
    ("events", {"sort": "outlet", "limit": 4, "offset": 1}), ("events", {"sort": "-size"}),
    ("events", {"org": "CSTO", "from": "2022-01", "to": "2022-12", "type": "decision"}),
    ("documents", {"sort": "-events"}), ("documents", {"outlet": "news", "sort": "title"}),
    ("documents", {"from": 2022, "to": "2022-12", "language": "en", "sort": "-published"}),
]


def test_lists_answer_alike_on_sqlite_and_postgresql(db_url, client):
    """The same documents give the same rows, totals and order on every backend."""
    from serve_fixtures import HandAnnotated
    from treatywatch.serve.answers import Answers
    from treatywatch.store import open_store

    answers = Answers(open_store(db_url), extractor=HandAnnotated())
    try:
        for annotated in (KAZAKHSTAN, TAJIKISTAN, ARMENIA):
            answers.ingest_record(annotated.record)
        with TestClient(create_app(settings=ServeSettings(), answers=answers)) as here:
            for table, params in BACKEND_QUERIES:
                mine = here.get(f"/api/{table}", params=params).json()
                reference = client.get(f"/api/{table}", params=params).json()
                assert mine == reference, (table, params)
    finally:
        answers.close()
