"""The pages in a real Chromium (Debian's `chromium`, driven by Playwright) against a
real server on loopback: list, filter, open a case, follow evidence, check a claim,
switch language, and see an uploaded document reach its case page.

Screenshots go to test-artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest

from serve_fixtures import (ARM_MISSION, ARMENIA, KAZ_APPEAL, KAZAKHSTAN, TAJIKISTAN, TOKEN,
                            open_test_answers)
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.live import serving

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                       "(apt-get install -y chromium); never run `playwright install`"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("browser"))
    for annotated in (KAZAKHSTAN, TAJIKISTAN):
        answers.ingest_record(annotated.record)
    app = create_app(settings=ServeSettings(token=TOKEN), answers=answers)
    with serving(app) as url:
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
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_browser_list_filter_case_evidence(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("table.cases tbody tr").count() == 2
    shot(page, "01-case-list")

    page.fill("input[name=actor]", "Kazakhstan")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*actor=Kazakhstan*")
    rows = page.locator("table.cases tbody tr")
    assert rows.count() == 1
    assert "Kazakhstan" in rows.first.inner_text()
    shot(page, "02-case-list-filtered")

    rows.first.locator("a").first.click()
    page.wait_for_url("**/cases/KAZ-CSTO-2022-01")
    assert page.locator("ol.timeline > li").count() == 3
    assert page.locator("#appeal-verdict, dl.verdict .v-made").count() >= 1
    shot(page, "03-case")

    appeal = page.locator("ol.timeline > li", has_text=KAZ_APPEAL)
    assert "Appeal" in appeal.inner_text()
    evidence = appeal.locator("a.evidence-link")
    assert not evidence.is_visible()  # folded under the row
    appeal.locator("details.sources > summary").click()
    evidence.click()
    page.wait_for_url("**/documents/*#ev-*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"#{anchor} + mark.ev")
    assert target.is_visible()
    assert target.inner_text() == KAZ_APPEAL
    # the targeted sentence is drawn differently from the other marked ones
    colours = page.eval_on_selector_all("mark.ev", "ms => ms.map(m => getComputedStyle(m).backgroundColor)")
    assert len(set(colours)) == 2
    shot(page, "04-evidence")


def test_browser_check_forms(page, base_url):
    page.goto(base_url + "/check")
    form = page.locator("#check-parties")
    form.locator("input[name=state]").fill("Таджикистан")
    form.locator("input[name=org]").fill("CSTO")
    form.locator("input[name=when]").fill("2025-11")
    form.locator("button").click()
    page.wait_for_url("**/check?*state=*")
    verdict = page.locator("#appeal-verdict .badge")
    assert "v-denied" in verdict.get_attribute("class")
    assert page.locator("section.check-result blockquote.cite").count() >= 1
    shot(page, "05-check-by-parties")

    claim = page.locator("#check-claim")
    claim.locator("textarea[name=claim]").fill("Таджикистан попросил ОДКБ ввести войска")
    claim.locator("input[name=when]").fill("2025-11")
    claim.locator("button").click()
    page.wait_for_url("**/check?*claim=*")
    judgement = page.locator("#judgement")
    assert judgement.is_visible()
    assert judgement.get_attribute("class").split()[-1] in ("v-contradicts", "v-cannot_judge")
    shot(page, "06-check-claim")


def test_browser_language_switch(page, base_url):
    page.goto(base_url + "/")
    page.click("a[hreflang=ru]")
    page.wait_for_url("**lang=ru*")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("header nav a").first.inner_text() == "Случаи"
    page.locator("table.cases tbody tr a").first.click()
    assert page.locator("html").get_attribute("lang") == "ru"  # the choice follows links
    shot(page, "07-case-ru")


def test_browser_uploaded_document_reaches_its_case_page(page, base_url):
    response = httpx.post(base_url + "/api/documents", json=ARMENIA.record,
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert response.status_code == 201, response.text
    [case_id] = response.json()["cases"]
    page.goto(base_url + "/?actor=ARM")
    page.locator(f'a[href="/cases/{case_id}"]').click()
    page.wait_for_url(f"**/cases/{case_id}")
    mission = page.locator("ol.timeline > li", has_text="send a mission")
    mission.locator("details.sources > summary").click()
    assert ARM_MISSION in mission.inner_text()
    shot(page, "08-uploaded-case")


def test_browser_kaz_case_of_the_samples_is_one_screen_of_merged_events(browser, tmp_path):
    """The KAZ 2022 case built by the extractor from our samples: one row per event,
    the evidence folded, the timeline within about one screen."""
    from treatywatch.extract import Extractor
    from treatywatch.ingest import read_documents
    from treatywatch.model import Doc
    from treatywatch.serve.answers import Answers
    from treatywatch.store import open_store

    samples = Path(__file__).resolve().parents[1] / "samples"
    answers = Answers(open_store(f"sqlite:///{tmp_path / 'samples.sqlite'}"))
    extract = Extractor()
    for doc in read_documents([str(samples)]):
        if isinstance(doc, Doc):
            answers.store.ingest(doc, extract)
    answers.store.refresh_cases()
    with serving(create_app(settings=ServeSettings(), answers=answers)) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page = context.new_page()
        page.goto(url + "/cases/KAZ-CSTO-2022-01")
        rows = page.locator("ol.timeline > li")
        assert 3 <= rows.count() <= 14
        assert page.locator("details.sources[open]").count() == 0
        timeline = page.locator("ol.timeline").bounding_box()
        assert timeline["height"] <= 900
        shot(page, "09-kaz-samples-case")
        context.close()
    answers.close()
