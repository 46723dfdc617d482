"""Every page in Russian and Ukrainian says no state or organization in English: the
names come from the knowledge files in the interface language. What the documents say
(quotes, titles, the text, marked with their own `lang`) is left as written."""

from __future__ import annotations

import re

import lxml.html
import pytest
from fastapi.testclient import TestClient

from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, open_test_answers
from treatywatch.knowledge import load_knowledge
from treatywatch.serve.app import ServeSettings, create_app

INTERFACE_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


def english_names() -> set[str]:
    """The English names of every state, organization, group and body in the data files."""
    knowledge = load_knowledge()
    names = set()
    for record in (*knowledge.parties(), *knowledge.groups(), *knowledge.bodies()):
        names |= {n.text for n in record.names_in("en") if not n.ambiguous and "{" not in n.text}
    return names


ENGLISH = english_names()
ENGLISH_NAME = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, ENGLISH), key=len, reverse=True))
                          + r")(?![\w])")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("pages-i18n"))
    ids = {a.record["id"]: answers.ingest_record(a.record)["id"] for a in (KAZAKHSTAN, TAJIKISTAN, ARMENIA)}
    with TestClient(create_app(settings=ServeSettings(), answers=answers)) as client:
        client.doc_ids = ids
        client.case_ids = [c["id"] for c in client.get("/api/cases").json()["cases"]]
        yield client
    answers.close()


def page_urls(client) -> list[str]:
    docs = client.doc_ids
    return ["/", "/?actor=KAZ", "/?sort=-requester&limit=2", "/events", "/events?sort=actor",
            "/events?type=appeal&sort=-when&limit=3&offset=3", "/events?actor=Казахстан",
            "/events?actor=ОДКБ&polarity=maybe", "/documents", "/documents?sort=-events",
            "/documents?language=fr&from=2022-13", "/events.csv?actor=Атлантида",
            *[f"/cases/{c}" for c in client.case_ids],
            *[f"/documents/{d}" for d in docs.values()],
            "/search?q=peacekeepers", "/search?q=ОДКБ", "/search", "/search?q=",
            "/search?q=Казахстан&language=ru&from=2022&to=2022-12",
            "/search?q=ОДКБ&language=fr&from=2022-13&to=вчера", "/overview",
            "/check", "/check?state=Kazakhstan&org=CSTO&when=2022-01",
            "/check?state=TJK&org=ОДКБ&when=2025-11", "/check?state=ARM&org=CSTO",
            "/check?claim=Казахстан+попросил+ОДКБ+о+помощи&when=2022-01",
            "/check?state=Атлантида&org=ОДКБ&when=2022-13", "/?actor=Атлантида&from=вчера",
            "/cases/NO-SUCH-CASE", "/documents/no-such-document", "/no-such-page"]


def with_lang(url: str, lang: str) -> str:
    return url + ("&" if "?" in url else "?") + "lang=" + lang


def interface_text(html: str, lang: str) -> str:
    """The page's own words: its body without the parts in another language (quotes,
    documents, titles) and the interface attributes (placeholders, labels)."""
    root = lxml.html.fromstring(html)
    assert root.get("lang") == lang
    for element in root.xpath("//head | //*[@lang and @lang != $lang]", lang=lang):
        element.drop_tree()
    words = [root.text_content()]
    words += [value for attribute in INTERFACE_ATTRIBUTES for value in root.xpath(f"//@{attribute}")]
    return "\n".join(words)


def test_english_names_list_is_the_knowledge_files():
    assert {"Kazakhstan", "Tajikistan", "Armenia", "Russia", "CSTO", "NATO", "European Union"} <= ENGLISH
    assert ENGLISH_NAME.search("sent by Russia.") and not ENGLISH_NAME.search("Russian-speaking")


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_every_page_in_ru_and_uk_names_no_state_or_organization_in_english(client, lang):
    pages = page_urls(client)
    assert len(pages) >= 20
    for url in pages:
        response = client.get(with_lang(url, lang))
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        text = interface_text(response.text, lang)
        found = sorted(set(ENGLISH_NAME.findall(text)))
        assert not found, f"{url} in {lang} says {found}"


def test_the_english_pages_do_name_them_so_the_check_can_fail(client):
    text = interface_text(client.get("/cases/KAZ-CSTO-2022-01", params={"lang": "en"}).text, "en")
    assert {"Kazakhstan", "CSTO", "Russia"} <= set(ENGLISH_NAME.findall(text))


@pytest.mark.parametrize("lang, names, month", [
    ("ru", ["Казахстан", "ОДКБ", "Россия", "Договор о коллективной безопасности, ст. 4"], "января 2022"),
    ("uk", ["Казахстан", "ОДКБ", "Росія", "Договір про колективну безпеку, ст. 4"], "січня 2022"),
])
def test_case_page_names_parties_treaty_and_dates_in_the_language(client, lang, names, month):
    text = interface_text(client.get("/cases/KAZ-CSTO-2022-01", params={"lang": lang}).text, lang)
    for name in names:
        assert name in text, name
    assert month in text
    assert "2022-01-05" not in text  # dates in words; the ISO form stays in <time datetime>


@pytest.mark.parametrize("lang, says", [
    ("ru", ["События", "Кто", "Кому", "Скачать эти строки", "Казахстан", "ОДКБ", "января 2022"]),
    ("uk", ["Події", "Хто", "Кому", "Завантажити ці рядки", "Казахстан", "ОДКБ", "січня 2022"]),
])
def test_events_list_in_ru_and_uk_says_parties_headers_and_dates_in_the_language(client, lang, says):
    text = interface_text(client.get("/events", params={"lang": lang}).text, lang)
    for words in says:
        assert words in text, words
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)  # dates in words, not ISO


@pytest.mark.parametrize("lang, says", [
    ("ru", ["Документы", "Издание", "русский", "английский", "Строки 1–3 из 3"]),
    ("uk", ["Документи", "Видання", "російська", "англійська", "Рядки 1–3 з 3"]),
])
def test_documents_list_in_ru_and_uk(client, lang, says):
    text = interface_text(client.get("/documents", params={"lang": lang}).text, lang)
    for words in says:
        assert words in text, words


def test_language_switch_on_every_page_offers_all_three_and_keeps_the_query(client):
    for url in page_urls(client):
        root = lxml.html.fromstring(client.get(with_lang(url, "uk")).text)
        links = {a.get("hreflang"): a.get("href") for a in root.xpath("//*[@class='langs']//a")}
        assert set(links) == {"en", "ru"}, url
        current = root.xpath("//*[@class='langs']//strong[@aria-current]")[0].text_content()
        assert current == "Українська"
        path, _, query = url.partition("?")
        for href in links.values():
            assert href.split("?")[0] == path, (url, href)
            for pair in filter(None, query.split("&")):
                key = pair.split("=")[0]
                assert key + "=" in href, (url, href)


@pytest.mark.parametrize("lang, says", [
    ("ru", ["Обзор записи", "Казахстан", "Армения", "ОДКБ", "Россия", "Карта записи"]),
    ("uk", ["Огляд запису", "Казахстан", "Вірменія", "ОДКБ", "Росія", "Мапа запису"]),
])
def test_overview_in_ru_and_uk_names_the_states_of_its_charts_and_map_in_the_language(client, lang, says):
    """The charts' and the map's labels (SVG titles and texts) too: t.name, not the codes' English."""
    page = client.get("/overview", params={"lang": lang})
    assert page.status_code == 200 and page.headers["content-language"] == lang
    text = interface_text(page.text, lang)
    for word in says:
        assert word in text, word
    english = interface_text(client.get("/overview", params={"lang": "en"}).text, "en")
    assert {"Kazakhstan", "CSTO"} <= set(ENGLISH_NAME.findall(english))  # so the check can fail


@pytest.mark.parametrize("lang, actor, tick", [("ru", "Казахстан → ОДКБ", "янв."), ("uk", "Казахстан → ОДКБ", "січ.")])
def test_case_timeline_says_parties_and_dates_in_the_language(client, lang, actor, tick):
    root = lxml.html.fromstring(client.get("/cases/KAZ-CSTO-2022-01", params={"lang": lang}).text)
    labels = root.xpath("//svg[contains(@class, 'timeline-svg')]//a/@aria-label")
    ticks = [t.text_content() for t in root.xpath("//svg[contains(@class, 'timeline-svg')]//*[contains(@class, 'tl-tick-label')]")]
    assert labels and any(actor in label for label in labels), labels
    assert not any(re.search(r"\d{4}-\d{2}", label) for label in labels), labels
    assert ticks and all(not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", tick_) for tick_ in ticks), ticks
    assert any(tick in tick_ for tick_ in ticks), ticks
