"""The lists and the API docs in a real Chromium (Debian's, driven by Playwright)
against a real server on loopback: sorting by a column header, a download link that
returns the rows shown, and /docs and /redoc rendering with every other host cut off.

Screenshots go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, TOKEN, open_test_answers
from test_browser_pages import CHROMIUM, CHROMIUM_ARGS, shot
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.live import serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                       "(apt-get install -y chromium); never run `playwright install`"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("browser-tables"))
    for annotated in (KAZAKHSTAN, TAJIKISTAN, ARMENIA):
        answers.ingest_record(annotated.record)
    with serving(create_app(settings=ServeSettings(token=TOKEN), answers=answers)) as url:
        yield url
    answers.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def offline(browser, base_url):
    """A page that can reach this server only: every other request is aborted and kept."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB",
                                  accept_downloads=True)
    blocked: list[str] = []

    def only_here(route):
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_here)
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.blocked, page.refused = blocked, refused
    yield page
    context.close()


def shown(page, table: str) -> list[str]:
    return page.eval_on_selector_all(f"table.{table} tbody tr",
                                     "rows => rows.map(r => r.dataset.id)")


def column(page, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"table.{table} tbody tr", f"rows => rows.map(r => r.cells[{index}].innerText.trim())")


def test_browser_sorts_events_by_a_column_header_both_ways(offline, base_url):
    page = offline
    page.goto(base_url + "/events")
    headers = page.locator("table.events thead th")
    names = headers.all_inner_texts()
    size = next(i for i, name in enumerate(names) if name.strip().lower().startswith("size"))
    headers.nth(size).locator("a").click()
    page.wait_for_url("**/events?sort=size")
    assert headers.nth(size).get_attribute("aria-sort") == "ascending"
    values = column(page, "events", size)
    numbers = [int(v.replace(",", "")) for v in values if v != "—"]
    assert numbers and numbers == sorted(numbers)
    assert values == [str(n) for n in numbers] + ["—"] * (len(values) - len(numbers))
    shot(page, "tables-01-events-by-size")

    headers.nth(size).locator("a").click()
    page.wait_for_url("**/events?sort=-size")
    assert headers.nth(size).get_attribute("aria-sort") == "descending"
    down = column(page, "events", size)
    assert [v for v in down if v != "—"] == [str(n) for n in sorted(numbers, reverse=True)]
    assert down[-1] == "—"  # missing sizes stay last

    when = 0
    headers.nth(when).locator("a").click()
    page.wait_for_url("**/events?sort=when")
    # dates are shown in words of the interface language; <time datetime> keeps them ISO
    dates = page.eval_on_selector_all("table.events tbody tr",
                                      f"rows => rows.map(r => r.cells[{when}].querySelector('time')"
                                      "?.getAttribute('datetime') ?? '')")
    assert [d[:7] for d in dates] == sorted(d[:7] for d in dates) and all(dates)
    shot(page, "tables-02-events-by-date")


def test_browser_sorts_cases_by_requester_and_keeps_the_filter(offline, base_url):
    page = offline
    page.goto(base_url + "/?org=CSTO")
    page.locator("table.cases thead th[data-sort=requester] a").click()
    page.wait_for_url("**/?org=CSTO&sort=requester")
    names = column(page, "cases", 1)
    assert names == sorted(names) and len(names) == 3
    page.locator("table.cases thead th[data-sort=requester] a").click()
    page.wait_for_url("**/?org=CSTO&sort=-requester")
    assert column(page, "cases", 1) == sorted(names, reverse=True)
    assert page.locator("input[name=org]").input_value() == "CSTO"
    shot(page, "tables-03-cases-by-requester")


def read_download(download) -> bytes:
    with open(download.path(), "rb") as file:
        return file.read()


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_browser_download_link_returns_the_rows_shown(offline, base_url, fmt):
    page = offline
    page.goto(base_url + "/events")
    page.select_option("select[name=type]", "appeal")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*type=appeal*")
    page.locator("table.events thead th[data-sort=when] a").click()
    page.wait_for_url("**sort=-when*")
    ids = shown(page, "events")
    assert len(ids) == 4  # appeals of KAZ, ARM and two of TJK (serve_fixtures)
    with page.expect_download() as info:
        page.click(f"a.download[data-format={fmt}]")
    download = info.value
    assert download.suggested_filename == f"events.{fmt}"
    content = read_download(download)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
    elif fmt == "json":
        rows = json.loads(content)
    else:
        rows = pq.read_table(io.BytesIO(content)).to_pylist()
    assert [r["id"] for r in rows] == ids
    assert {r["type"] for r in rows} == {"appeal"}
    shot(page, f"tables-04-download-{fmt}")


def test_browser_documents_list_filters_by_language(offline, base_url):
    page = offline
    page.goto(base_url + "/documents")
    assert len(shown(page, "documents")) == 3
    page.select_option("select[name=language]", "ru")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/documents?*language=ru*")
    assert len(shown(page, "documents")) == 1
    assert page.locator("html").get_attribute("lang") == "en"  # the interface stays English
    shot(page, "tables-05-documents-ru")


def test_browser_swagger_ui_renders_with_no_other_host(offline, base_url):
    page = offline
    page.goto(base_url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    spec = page.evaluate("fetch('/openapi.json').then(r => r.json())")
    operations = sum(len(ops) for ops in spec["paths"].values())
    assert page.locator(".swagger-ui .opblock").count() == operations
    assert "treatywatch" in page.locator(".swagger-ui .info .title").inner_text()
    page.locator(".opblock-summary", has_text="/api/events").first.click()
    page.wait_for_selector(".responses-table .response[data-code='304']")
    assert page.locator(".responses-table .response[data-code='422']").count() >= 1
    assert page.blocked == [] and page.refused == []
    shot(page, "tables-06-docs-offline")


def test_browser_redoc_renders_with_no_other_host(offline, base_url):
    page = offline
    page.goto(base_url + "/redoc")
    page.wait_for_selector("[data-section-id^='operation/']", timeout=20_000)
    assert page.locator("[data-section-id^='operation/']").count() >= 8
    assert page.blocked == []
    shot(page, "tables-07-redoc-offline")
