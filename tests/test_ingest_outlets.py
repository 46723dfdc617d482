"""Who published a document: page metadata, then a source line or wire credit in
the text, then the record's `outlet`, then the URL's host; never the headline."""

from __future__ import annotations

import pytest

from treatywatch.ingest import doc_from_text
from treatywatch.ingest.credits import credited_outlet
from treatywatch.ingest.webpage import site_name

BODY = "<p>The alliance met on Tuesday to discuss the request of one of its members at length.</p>"


def page(head: str, body: str = BODY) -> str:
    return f"<html><head>{head}</head><body><article><h1>Allies meet</h1>{body}</article></body></html>"


@pytest.mark.parametrize("head, expected", [
    ('<meta property="og:site_name" content="Baltic Courier"><title>Allies meet | BC</title>',
     "Baltic Courier"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
     '{"@type": "NewsArticle", "headline": "Allies meet", "publisher": {"@type": '
     '"Organization", "name": "Steppe Herald"}}]}</script>', "Steppe Herald"),
    ("<title>Allies meet — Caspian Review</title>", "Caspian Review"),
    ("<title>Caspian Review | Allies meet</title>", "Caspian Review"),
    ("<title>Allies meet</title>", None),  # the headline is never the outlet
])
def test_site_name_from_page_metadata(head, expected):
    assert site_name(page(head), "Allies meet") == expected


@pytest.mark.parametrize("text, expected", [
    ("Текст новости о встрече.\n\nИсточник: Вечерний Бишкек\n\nЧитайте также: …", "Вечерний Бишкек"),
    ("Текст новини.\nДжерело: Урядовий кур'єр", "Урядовий кур'єр"),
    ("Story text.\nSource: Baltic Courier.", "Baltic Courier"),
    # a source line that names a person, not an outlet
    ("Джерело: командувач контингенту генерал-полковник, слова якого наводить агентство", None),
    ("MOSCOW (Reuters) - The Kremlin said on Monday", "Reuters"),
    ("МОСКВА, 5 января. /ТАСС/. Кремль заявил", "ТАСС"),
    ("ЕРЕВАН, 14 сентября — Арменпресс. Армения обратилась", "Арменпресс"),
    ("БИШКЕК, 3 янв - Вечерний Бишкек. Парламент одобрил", "Вечерний Бишкек"),
    ("VILNIUS, Lithuania (Amber Wire) — Lithuania asked", "Amber Wire"),
    ("Фото: військові на навчаннях (Reuters)\nТекст новини", None),  # a photo credit
    ("14 июня 2010, 12:26 [ «Кабар-Пресс» ]\nТекст", "Кабар-Пресс"),
    ("steppe-news.example\nНовости\nТекст", "steppe-news.example"),
    ("АЛМАТЫ, 6 января 2022.\n\nПрезидент - глава государства. Текст", None),
    # any name in slashes right after a dateline; a path of rubrics is not a credit
    ("TALLINN, March 3. /Amber Wire/. Estonia asked", "Amber Wire"),
    ("ДУШАНБЕ, 4 декабря /Памир-Инфо/ Правительство заявило", "Памир-Инфо"),
    ("Главная / Новости / Политика\nТекст новости", None),
    # an agency relayed by the lead, in the present tense
    ("Заголовок\n\nПарламент одобрил отправку военных, передает агентство «Степь-Инфо». Далее",
     "Степь-Инфо"),
    ("Заголовок\n\nОб этом сообщает информационное агентство «Памир-Пресс» со ссылкой на МИД.",
     "Памир-Пресс"),
    ("Заголовок\n\nПро це пише білоруське агентство “Вісті Полісся”.\n\nДалі", "Вісті Полісся"),
    ("Заголовок\n\nСлова міністра передає державна агенція «Дніпро-Прес».", "Дніпро-Прес"),
    ("Заголовок\n\nОб этом сообщает Интерфакс со ссылкой на источник.", "Интерфакс"),
    # an earlier report (past tense), an interview (dative), a press office: not this page's
    ("Заголовок\n\nРанее агентство «Степь-Инфо» сообщало о переговорах.", None),
    ("Заголовок\n\nКак рассказал агентству «Степь-Инфо» представитель МИД, просьбы не было.", None),
    ("Заголовок\n\nОб этом сообщает пресс-служба Кремля.", None),
    # an aggregator's pointer to the page, its name glued to the story or on its own line
    ("Заголовок\nЧитать на сайте Степной ВестникПарламент одобрил отправку", "Степной Вестник"),
    ("Заголовок\nЧитати на сайті Полісся Сьогодні\nУряд заявив", "Полісся Сьогодні"),
    ("Headline\nRead more on Caspian Review\nThe government said", "Caspian Review"),
])
def test_outlet_credited_in_the_text(text, expected):
    assert credited_outlet(text) == expected


def test_document_outlet_precedence():
    html = page('<meta property="og:site_name" content="Baltic Courier">',
                BODY + "<p>Source: Amber Wire</p>")
    assert doc_from_text("a.html", html, fmt="html", outlet="Given", url="https://x.example/a"
                         ).outlet == "Baltic Courier"
    text = "Story of the meeting, told at length for the readers.\nSource: Amber Wire\n"
    assert doc_from_text("b.txt", text, outlet="Given").outlet == "Amber Wire"
    plain = "Story of the meeting, told at length for the readers.\n"
    assert doc_from_text("c.txt", plain, outlet="Given", url="https://www.x.example/c").outlet == "Given"
    assert doc_from_text("d.txt", plain, url="https://www.x.example/d").outlet == "x.example"
    assert doc_from_text("e.txt", plain).outlet is None


@pytest.mark.parametrize("url, expected", [
    ("https://www.example.org/news/1", "example.org"),
    ("example.org/x", "example.org"),
    ("javascript:alert(3)", None),
    ("ftp://files.example.org/a", None),
    ("http://localhost:8000/a", None),
])
def test_outlet_from_the_url_host_only_for_web_addresses(url, expected):
    from treatywatch.ingest.document import outlet_of

    assert outlet_of(url) == expected
