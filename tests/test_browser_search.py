"""Search in a real Chromium (Debian's, through Playwright) against a real server: an
inflected form finds the same documents as its lemma, with the matched forms marked,
and the filters narrow the list. Screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest

from search_fixtures import DOCS, ingest_search_docs
from test_browser_pages import CHROMIUM, CHROMIUM_ARGS, shot
from treatywatch.serve.answers import Answers
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.live import serving
from treatywatch.store import open_store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                       "(apt-get install -y chromium); never run `playwright install`"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("browser-search") / "record.sqlite"))
    ingest_search_docs(store)
    answers = Answers(store)
    with serving(create_app(settings=ServeSettings(), answers=answers)) as url:
        yield url
    answers.close()


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
        yield context.new_page()
        browser.close()


def _search(page, base_url: str, words: str) -> tuple[list[str], list[str]]:
    page.goto(base_url + "/search")
    page.fill("input[name=q]", words)
    page.click("form[role=search] button[type=submit]")
    page.wait_for_selector("ol.results, p.empty")
    titles = page.locator("ol.results > li > a").all_inner_texts()
    marks = page.locator("ol.results .snippet mark").all_inner_texts()
    return titles, marks


def test_browser_search_inflected_form_finds_what_the_lemma_finds(page, base_url):
    lemma_titles, lemma_marks = _search(page, base_url, "Таджикистан")
    shot(page, "search-lemma")
    form_titles, form_marks = _search(page, base_url, "Таджикистану")
    shot(page, "search-inflected")
    assert sorted(form_titles) == sorted(lemma_titles)
    assert len(lemma_titles) == 5 and DOCS["uk-peace"][0] in lemma_titles
    # the text's own forms are marked, whatever form was typed
    assert sorted(form_marks) == sorted(lemma_marks)
    assert {"Таджикистана", "Таджикистану", "Таджикистан"} <= set(lemma_marks)


def test_browser_search_filters_by_language(page, base_url):
    page.goto(base_url + "/search")
    page.fill("input[name=q]", "Таджикистана")
    page.select_option("select[name=language]", "uk")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url("**/search?*language=uk*")
    titles = page.locator("ol.results > li > a").all_inner_texts()
    assert sorted(titles) == sorted([DOCS["uk-gov"][0], DOCS["uk-peace"][0]])
    assert page.locator("select[name=language]").input_value() == "uk"
    shot(page, "search-filtered")
