"""The pictures in a real Chromium (Debian's `chromium`, driven by Playwright) over the
record our samples build: the KAZ 2022 case's timeline with its items linked to their
evidence, the case as one screen of merged events, the overview's charts and the maps.

Screenshots go to test-artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.i18n import translator
from treatywatch.serve.live import serving
from treatywatch.serve.pictures.world import ROLE_COLOURS

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
KAZ = "/cases/KAZ-CSTO-2022-01"
VIEWPORT = {"width": 1280, "height": 900}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                       "(apt-get install -y chromium); never run `playwright install`"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """A server over the store the extractor builds from samples/."""
    from treatywatch.extract import Extractor
    from treatywatch.ingest import read_documents
    from treatywatch.model import Doc
    from treatywatch.serve.answers import Answers
    from treatywatch.store import open_store

    path = tmp_path_factory.mktemp("pictures") / "samples.sqlite"
    answers = Answers(open_store(f"sqlite:///{path}"))
    extract = Extractor()
    for doc in read_documents([str(SAMPLES)]):
        if isinstance(doc, Doc):
            answers.store.ingest(doc, extract)
    answers.store.refresh_cases()
    with serving(create_app(settings=ServeSettings(), answers=answers)) as url:
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
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def shot(page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def hex_of(rgb: str) -> str:
    r, g, b = (int(n) for n in re.findall(r"\d+", rgb)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def test_browser_kaz_timeline_items_link_to_their_evidence(page, base_url):
    page.goto(base_url + KAZ)
    picture = page.locator("figure#timeline-picture svg.timeline-svg")
    assert picture.is_visible()
    box = picture.bounding_box()
    assert box["width"] > 900 and 120 <= box["height"] <= 320  # compact at 1280 px
    links = picture.locator("a.tl-link")
    rows = page.locator("ol.timeline > li, ul.timeline.undated > li")
    assert links.count() == rows.count() >= 3
    # every item links to the folded sources of a row of this page, one item a row
    targets = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    sources = rows.evaluate_all("ls => ls.map(l => '#' + l.querySelector('details.sources > .sources-body').id)")
    assert sorted(targets) == sorted(sources)
    # labels stand left to right in date order within a lane: the two appeals
    appeals = picture.locator("a.tl-link[aria-label*='Appeal']")
    assert appeals.count() == 2
    whens = appeals.evaluate_all("as => as.map(a => a.dataset.when)")
    xs = [appeals.nth(i).bounding_box()["x"] for i in range(appeals.count())]
    assert [x for _, x in sorted(zip(whens, xs))] == sorted(xs)
    assert page.locator("details.sources[open]").count() == 0
    shot(page, "pictures-01-kaz-timeline")

    first_appeal = appeals.nth(whens.index(min(whens)))
    href = first_appeal.get_attribute("href")
    first_appeal.click()
    page.wait_for_url("**" + KAZ + href)
    row = page.locator("ol.timeline > li", has=page.locator(href))
    assert "Appeal" in row.locator(".event-head").inner_text()
    # the browser unfolded this row's evidence, and only this row's
    assert page.locator("details.sources[open]").count() == 1
    quote = row.locator("blockquote.cite").first
    assert quote.is_visible()
    box = quote.bounding_box()
    assert 0 <= box["y"] < VIEWPORT["height"]  # scrolled to it, with the row's head in view
    assert row.locator(".when").bounding_box()["y"] >= 0
    shot(page, "pictures-02-evidence-unfolded", full_page=False)
    sentence = quote.inner_text()
    row.locator("a.evidence-link").first.click()
    page.wait_for_url("**/documents/*#ev-*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"#{anchor} + mark.ev")
    assert target.is_visible() and target.inner_text() == sentence
    shot(page, "pictures-03-evidence-in-document")


def test_browser_kaz_case_is_one_screen_of_merged_events(page, base_url):
    """Issue 8: the KAZ 2022 case on the samples is one screen of merged events with
    their evidence folded; the picture above it does not change that."""
    page.goto(base_url + KAZ)
    block = page.locator("ol.timeline")
    rows = block.locator(":scope > li")
    assert 3 <= rows.count() <= 14
    summaries = [rows.nth(i).inner_text().split("\n")[0] for i in range(rows.count())]
    assert len(set(summaries)) == len(summaries)  # one row per event: no row repeated
    assert page.locator("details.sources").count() == rows.count()
    assert page.locator("details.sources[open]").count() == 0
    evidence = block.locator("blockquote.cite").first
    assert not evidence.is_visible()  # folded
    block.evaluate("b => b.scrollIntoView({block: 'start'})")
    box = block.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT["height"], box
    shot(page, "pictures-04-kaz-one-screen", full_page=False)


def test_browser_case_map_colours_the_parties(page, base_url):
    page.goto(base_url + KAZ)
    figure = page.locator("figure#case-map")
    figure.scroll_into_view_if_needed()
    kaz = figure.locator("g.map-state[data-state=KAZ]")
    assert kaz.get_attribute("data-role") == "asked"
    assert hex_of(kaz.evaluate("g => getComputedStyle(g).fill")) == ROLE_COLOURS["asked"]
    sent = figure.locator("g.map-state[data-role=sent]").evaluate_all("gs => gs.map(g => g.dataset.state)")
    sent_names = figure.locator("g.map-state[data-role=sent] > title").evaluate_all(
        "ts => ts.map(t => t.textContent.split(':')[0])")
    contributors = page.locator("dl.verdict dd ul.plain").first.locator("li > strong").all_inner_texts()
    assert "RUS" in sent and "Russia" in sent_names  # the list names the states as the map's titles do
    assert set(sent_names) <= set(contributors)
    # the states are drawn where the base map has them, within the cropped view
    svg_box = figure.locator("svg.map-svg").bounding_box()
    kaz_box = kaz.bounding_box()
    assert svg_box["x"] <= kaz_box["x"] and kaz_box["x"] + kaz_box["width"] <= svg_box["x"] + svg_box["width"]
    base = page.request.get(base_url + "/pictures/world.svg")
    assert base.status == 200 and base.headers["content-type"].startswith("image/svg+xml")
    assert b'id="kz"' in base.body()
    figure.screenshot(path=str(ARTIFACTS / "pictures-05-kaz-map.png"))


def test_browser_overview_charts_map_and_tables_agree(page, base_url):
    page.goto(base_url + "/")
    page.locator("header nav a", has_text="Overview").click()
    page.wait_for_url("**/overview")
    cases = int(re.search(r"(\d+) case", page.locator("p.lead").inner_text())[1])
    columns = page.locator("#by-year svg g.chart-column")
    chart_total = sum(int(n) for n in columns.evaluate_all("gs => gs.map(g => g.dataset.total)"))
    table_total = sum(int(n) for n in page.locator("#by-year-table tbody tr td:last-child").all_inner_texts())
    assert chart_total == table_total == cases > 0
    bars = page.locator("#verdicts svg g.chart-row")
    made = page.locator("#verdicts svg g.chart-row[data-key=made]")
    assert int(made.get_attribute("data-value")) == int(
        page.locator("#verdicts-table tr", has_text="made").first.locator("td").inner_text())
    assert bars.count() == page.locator("#verdicts-table tbody tr").count()

    world = page.locator("figure#record-map")
    drawn = world.locator("g.map-state").evaluate_all("gs => gs.map(g => g.dataset.state)")
    listed = page.locator("#states-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.state)")
    assert {"KAZ", "RUS", "ARM", "TUR", "FRA"} <= set(drawn) <= set(listed)
    assert world.locator("g.map-state[data-state=ARM]").get_attribute("data-role") == "asked_sent"
    shot(page, "pictures-06-overview")


def test_browser_verdict_bar_opens_its_cases(page, base_url):
    page.goto(base_url + "/overview")
    made = page.locator("#verdicts svg g.chart-row[data-key=made]")
    expected = int(made.get_attribute("data-value"))
    made.click()
    page.wait_for_url("**/?verdict=made")
    assert page.locator("table.cases tbody tr").count() == expected


def test_browser_pictures_in_russian_and_at_375px(browser, base_url):
    t = translator("ru")
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="ru-RU")
    page = context.new_page()
    page.goto(base_url + "/overview?lang=ru")
    assert page.locator("h1").inner_text() == t("overview.title")
    names = page.locator("#states-table tbody th").all_inner_texts()
    assert "Казахстан" in names and "Kazakhstan" not in names
    kaz = page.locator("figure#record-map g.map-state[data-state=KAZ] > title")
    assert kaz.text_content().startswith("Казахстан")
    for selector in ("#by-year svg", "#verdicts svg", "figure#record-map svg.map-svg"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (selector, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "pictures-07-overview-ru-375")
    page.goto(base_url + KAZ + "?lang=ru")
    lanes = page.locator("svg.timeline-svg text.tl-lane").all_text_contents()
    assert t("pictures.lane.appeal") in lanes and "Appeals" not in lanes
    box = page.locator("svg.timeline-svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    shot(page, "pictures-08-case-ru-375")
    context.close()
