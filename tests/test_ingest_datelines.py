"""The story's own date: under its headline, run into its lead, or in its URL (our own pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from treatywatch.ingest import doc_from_text
from treatywatch.ingest.datelines import lead_date, url_date


@pytest.mark.parametrize(
    "page, expected",
    [
        # the site's clock above menus and rates, the story's stamp under its headline
        ("Вторник, 4 апреля 2023 года\nПогода: +12\nUSD\n91.20\n\n"
         "Мэрия закрыла мост на ремонт до конца лета\n\n11.02.2021 09:15\n\n"
         "Мост через реку закрыли для машин: подрядчик начал менять опоры и обещает закончить к августу.",
         dt.date(2021, 2, 11)),
        ("Сьогодні: середа, 5 квітня 2023 року\nКурси валют\n\n"
         "Міська рада ухвалила новий бюджет на рік\n\nПонеділок, 8 березня 2021, 14:02\n\n"
         "Депутати міської ради більшістю голосів ухвалили бюджет, який передбачає ремонт шкіл і доріг.",
         dt.date(2021, 3, 8)),
        ("April 5, 2023\nMarkets\nEUR 1.09\n\nCity council approves new budget for schools\n\n"
         "June 7, 2019 · 10:30\n\n"
         "The council voted by a large majority for a budget that pays for new roofs on twelve schools.",
         dt.date(2019, 6, 7)),
    ],
)
def test_ingest_date_under_the_headline_beats_the_site_clock(page, expected):
    assert doc_from_text("page.txt", page).published == expected


def test_ingest_first_dateline_stays_when_no_headline_stands_above_another():
    page = ("ОМСК, 3 марта 2023.\n\nМост открыли после ремонта, который длился два года и стоил городу "
            "больше, чем планировали.\n\nСтарый мост и новый\n\n5 мая 2020\n\nЧитать далее")
    assert doc_from_text("page.txt", page).published == dt.date(2023, 3, 3)


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("Oslo, 4 March 2019 (Nordic Wire) -- The city opened its new library today.", dt.date(2019, 3, 4)),
        ("ОМСК, 6 января 2022 — Сибирь-Инфо. Мост открыли после ремонта.", dt.date(2022, 1, 6)),
        ("11.02.2021 | 09:15 Міська рада ухвалила бюджет.", dt.date(2021, 2, 11)),
        ("date 2020-05-17 The council met again.", dt.date(2020, 5, 17)),
    ],
)
def test_ingest_dateline_run_into_the_lead(lead, expected):
    assert lead_date(lead) == expected
    assert doc_from_text("lead.txt", f"{lead}\n\nMore text follows here.\n").published == expected


@pytest.mark.parametrize(
    "lead",
    [
        "13 сентября 2022 года совет собрался на экстренное заседание.",  # a date of the story's prose
        "On 22 June 2012, officials said the plane was shot down.",
        "ОМСК, 6 янв — Сибирь-Инфо. Мост открыли.",  # no year: not a date of its own
        "The mayor, his deputies, two councillors and the press met on 2 May 2020 -- then left.",
    ],
)
def test_ingest_lead_prose_is_not_a_dateline(lead):
    assert lead_date(lead) is None


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://news.example.org/world/2022/01/06/bridge-opens.html", dt.date(2022, 1, 6)),
        ("https://example.com.ua/2021-03-08-budget", dt.date(2021, 3, 8)),
        ("https://example.ru/news/20190607/123456.html", dt.date(2019, 6, 7)),
        ("https://example.org/id/2022134567", None),
        ("https://example.org/2022/13/40/x", None),
        (None, None),
    ],
)
def test_ingest_date_in_the_url_path(url, expected):
    assert url_date(url) == expected


def test_ingest_url_date_dates_a_story_without_metadata_or_dateline():
    text = "Мост открыли после ремонта.\n"
    doc = doc_from_text("bridge.txt", text, url="https://example.ru/city/2020/05/17/bridge")
    assert doc.published == dt.date(2020, 5, 17)
    given = doc_from_text("bridge.txt", text, url="https://example.ru/city/2020/05/17/bridge",
                          published=dt.date(2020, 5, 18))
    assert given.published == dt.date(2020, 5, 18)  # metadata first
