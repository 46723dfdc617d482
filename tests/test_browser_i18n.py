"""The Russian and Ukrainian interfaces, the 375 px phone layout and the forms, in a
real Chromium (Debian's `chromium`, driven by Playwright) against a real server.

- every page in ru and uk shows no English state or organization name (the knowledge
  files' English names), outside what the documents themselves say;
- at 375 px no page scrolls sideways (`scrollWidth <= 375`): tables scroll inside their
  own box, long words and URLs wrap;
- a form with a bad value comes back with the value typed and the error beside it.

Screenshots go to test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, open_test_answers
from test_serve_pages_i18n import ENGLISH_NAME
from treatywatch.serve.app import ServeSettings, create_app
from treatywatch.serve.live import serving

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
PHONE = {"width": 375, "height": 740}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                       "(apt-get install -y chromium); never run `playwright install`"),
]

# The page's own words: its body without the parts in another language (quotes, the
# documents' titles and text), plus the interface attributes.
INTERFACE_TEXT = """lang => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('[lang]').forEach(e => { if (e.getAttribute('lang') !== lang) e.remove(); });
  const attributes = [...body.querySelectorAll('[placeholder], [title], [aria-label]')]
    .flatMap(e => ['placeholder', 'title', 'aria-label'].map(a => e.getAttribute(a) || ''));
  return body.innerText + '\\n' + attributes.join('\\n');
}"""

WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
               && !e.closest('.table-scroll'))
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("browser-i18n"))
    docs = [answers.ingest_record(a.record)["id"] for a in (KAZAKHSTAN, TAJIKISTAN, ARMENIA)]
    # a document with a long URL and an unbroken long word, to test wrapping at 375 px
    docs.append(answers.ingest_record({
        "id": "long-words.txt", "url": "https://news.example/" + "very-long-path-segment-" * 8,
        "title": "Antidisestablishmentarianism" * 3,
        "text": "A note with an unbroken word " + "x" * 120 + " and a link https://news.example/"
                + "a" * 150 + " that says nothing about alliances.\n"})["id"])
    with serving(create_app(settings=ServeSettings(), answers=answers)) as url:
        cases = [c["id"] for c in answers.list_cases({})]
        yield url, cases, docs
    answers.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Words in table cells that are broken across lines.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('table td, table th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def pages(cases: list[str], docs: list[str]) -> list[str]:
    return ["/", "/?sort=-requester", "/events", "/events?sort=-size&type=appeal", "/documents",
            "/documents?sort=-events&limit=2", "/events?actor=Атлантида&from=2022-13",
            *[f"/cases/{c}" for c in cases], *[f"/documents/{d}" for d in docs],
            "/search?q=peacekeepers", "/check", "/check?state=Kazakhstan&org=CSTO&when=2022-01",
            "/check?claim=Казахстан+попросил+ОДКБ+о+помощи&when=2022-01",
            "/check?state=Атлантида&org=ОДКБ&when=2022-13", "/search?q=", "/no-such-page",
            "/overview", "/search?q=ОДКБ&language=ru&from=2022&to=2022-12",
            "/search?q=ОДКБ&language=fr&from=2022-13"]


def with_lang(path: str, lang: str) -> str:
    return path + ("&" if "?" in path else "?") + "lang=" + lang


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_browser_ru_and_uk_interfaces_name_no_state_in_english(browser, site, lang):
    url, cases, docs = site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{lang}-{lang.upper()}")
    page = context.new_page()
    for n, path in enumerate(pages(cases, docs)):
        page.goto(url + with_lang(path, lang))
        assert page.locator("html").get_attribute("lang") == lang
        text = page.evaluate(INTERFACE_TEXT, lang)
        found = sorted(set(ENGLISH_NAME.findall(text)))
        assert not found, f"{path} in {lang} shows {found}"
        if path.startswith("/cases/KAZ"):
            assert "Казахстан → ОДКБ" in text
            shot(page, f"i18n-{lang}-case-kaz")
    # the switch keeps the page and its query
    page.goto(url + with_lang("/check?state=Kazakhstan&org=CSTO&when=2022-01", lang))
    page.click("a[hreflang=en]")
    page.wait_for_url("**lang=en*")
    assert "state=Kazakhstan" in page.url and page.locator("html").get_attribute("lang") == "en"
    assert "Kazakhstan" in page.evaluate(INTERFACE_TEXT, "en")  # and English says it in English
    context.close()


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_browser_375px_layout_has_no_horizontal_scroll(browser, site, lang):
    url, cases, docs = site
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    widths = {}
    for path in pages(cases, docs):
        page.goto(url + with_lang(path, lang))
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
        assert widths[path] <= PHONE["width"], (path, widths[path], page.evaluate(WIDEST))
    # the list tables keep their columns and scroll inside their own box
    for path, name in (("/", "cases"), ("/events", "events"), ("/documents", "documents")):
        page.goto(url + with_lang(path, lang))
        box = page.locator(".table-scroll").first
        assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"
        assert box.locator(f"table.{name}").count() == 1
        shot(page, f"i18n-375-{lang}-{name}")
    # the pictures (the case timeline and map, the overview's charts and map) fit the screen
    kaz = next(c for c in cases if c.startswith("KAZ"))
    for path, name, figures in ((f"/cases/{kaz}", "case", 1), ("/overview", "overview", 3)):
        page.goto(url + with_lang(path, lang))
        drawn = page.locator("svg.picture").all()
        assert len(drawn) >= figures, (path, len(drawn))
        for svg in drawn:
            box = svg.bounding_box()
            assert box and box["width"] > 100 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (path, box)
        assert page.evaluate(BROKEN_WORDS) == [], path  # table cells keep words whole; the box scrolls
        shot(page, f"i18n-375-{lang}-{name}")
    page.goto(url + with_lang(f"/documents/{docs[-1]}", lang))
    shot(page, f"i18n-375-{lang}-long-words")
    context.close()


def test_browser_error_kept_beside_its_field_with_the_input(browser, site):
    url, _, _ = site
    context = browser.new_context(viewport=PHONE, locale="ru-RU")
    page = context.new_page()
    page.goto(url + "/check?lang=ru")
    form = page.locator("#check-parties")
    form.locator("input[name=state]").fill("Атлантида")
    form.locator("input[name=org]").fill("ОДКБ")
    form.locator("input[name=when]").fill("2022-01")
    form.locator("button").click()
    page.wait_for_url("**/check?*state=*")
    state = form.locator("input[name=state]")
    assert state.input_value() == "Атлантида"
    assert form.locator("input[name=org]").input_value() == "ОДКБ"
    assert state.get_attribute("aria-invalid") == "true"
    error = page.locator("#" + state.get_attribute("aria-describedby"))
    assert error.is_visible() and "«Атлантида» неизвестно" in error.inner_text()
    # beside its field: just below it, in the same column
    field_box, error_box = state.bounding_box(), error.bounding_box()
    assert 0 <= error_box["y"] - (field_box["y"] + field_box["height"]) < 40
    assert abs(error_box["x"] - field_box["x"]) < 40
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(page, "i18n-form-error-ru")

    # the browser's own check lets a malformed date through only without JS patterns:
    # the server's answer is the same page, with the date kept beside its error
    response = page.goto(url + "/check?state=Kazakhstan&org=CSTO&when=2022-13&lang=uk")
    assert response.status == 400
    when = page.locator("#check-parties input[name=when]")
    assert when.input_value() == "2022-13"
    assert "Це не дата" in page.locator("#" + when.get_attribute("aria-describedby")).inner_text()
    shot(page, "i18n-form-error-uk")
    context.close()
