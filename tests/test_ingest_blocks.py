"""Blocks of plain text: title, dateline, body, furniture; languages; publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from treatywatch.ingest import doc_from_text
from treatywatch.ingest.document import NO_DATE_WARNING
from treatywatch.ingest.furniture import load_furniture

RU_STORY = """\
Правительство утвердило план ремонта дорог на лето

МОСКВА, 3 марта 2023.

Правительство утвердило программу ремонта региональных дорог: за лето планируется обновить около трёхсот километров покрытия, а работы на главных трассах будут вестись ночью.

Подробнее о сроках работ рассказал заместитель министра на пресс-конференции, где перечислил участки, которые закроют первыми.

Читайте также:
— Мэрия закрыла набережную на реконструкцию
— Цены на бензин остались прежними
— Какие мосты отремонтируют в этом году

Поделиться

Теги: дороги, ремонт, транспорт
"""


def _kinds(doc) -> list[tuple[str, str]]:
    return [(block.kind, doc.block_text(block)) for block in doc.blocks]


def test_ingest_blocks_cover_every_line():
    doc = doc_from_text("roads.txt", RU_STORY)
    covered = "".join(doc.block_text(b) for b in doc.blocks)
    assert covered.replace(" ", "") == "".join(RU_STORY.split())
    assert all(0 <= b.start < b.end <= len(doc.text) for b in doc.blocks)
    assert [b.start for b in doc.blocks] == sorted(b.start for b in doc.blocks)


def test_ingest_plain_text_furniture_and_story():
    doc = doc_from_text("roads.txt", RU_STORY)
    kinds = _kinds(doc)
    assert kinds[0] == ("title", "Правительство утвердило план ремонта дорог на лето")
    assert kinds[1] == ("dateline", "МОСКВА, 3 марта 2023.")
    assert [k for k, _ in kinds[2:4]] == ["body", "body"]
    # "Подробнее о ..." begins a sentence of the story: not the "Подробнее:" link header.
    assert kinds[3][1].startswith("Подробнее о сроках")
    furniture = [text for kind, text in kinds if kind == "furniture"]
    assert furniture == [
        "Читайте также:",
        "— Мэрия закрыла набережную на реконструкцию",
        "— Цены на бензин остались прежними",
        "— Какие мосты отремонтируют в этом году",
        "Поделиться",
        "Теги: дороги, ремонт, транспорт",
    ]
    assert doc.published == dt.date(2023, 3, 3)
    assert doc.title == kinds[0][1]


def test_ingest_read_also_list_ends_at_the_next_long_paragraph():
    text = (
        "Read also\n"
        "• Council approves the new school calendar\n"
        "• Ferry timetable changes next week\n"
        "The harbour authority said on Monday that the new pier will take two more years to "
        "build, because the seabed turned out to be softer than the surveys had shown.\n"
    )
    doc = doc_from_text("harbour.txt", text)
    assert [b.kind for b in doc.blocks] == ["furniture", "furniture", "furniture", "body"]


@pytest.mark.parametrize(
    ("header", "after"),
    [
        ("Comments (3)", ["furniture", "furniture"]),
        ("Коментарі", ["furniture", "furniture"]),
    ],
)
def test_ingest_comment_threads_run_to_the_end(header, after):
    story = ("The museum reopened its east wing on Friday after a renovation that took three years "
             "and cost far more than the city council had first approved for the work.")
    comment = ("reader_1: I visited yesterday and the new rooms are lovely, although the queue at the "
               "entrance was long and the cafe had already run out of sandwiches by noon.")
    doc = doc_from_text("museum.txt", f"{story}\n\n{header}\n{comment}\nreader_2: Nice.\n")
    assert [b.kind for b in doc.blocks] == ["body", "furniture"] + after


def test_ingest_furniture_vocabulary_covers_three_languages():
    vocabulary = load_furniture()
    for line in ("Читайте также:", "Читайте також:", "Related coverage", "See also", "Смотрите также",
                 "Дивіться також", "Most read", "Комментарии", "Tags: a, b", "Найти в Дзене",
                 "© 2024 Example Media", "Усі права захищено."):
        assert vocabulary.match(line) is not None, line
    for line in ("Readers also asked the mayor about parking.", "Теги и метки обсуждали весь вечер, но без итога."):
        assert vocabulary.match(line) is None, line


def test_ingest_language_per_block_in_a_mixed_text():
    text = (
        "Совет директоров одобрил строительство нового терминала в порту.\n\n"
        "Работы начнутся весной и продлятся около двух лет, сообщили в компании.\n\n"
        "English version\n\n"
        "The board approved the construction of a new terminal at the port.\n\n"
        "Work will begin in spring and last about two years, the company said.\n"
    )
    doc = doc_from_text("port.txt", text)
    assert [b.lang for b in doc.blocks] == ["ru", "ru", "en", "en", "en"]
    assert doc.lang == "ru"  # near a tie, the language the story starts in


def test_ingest_language_of_ukrainian_and_russian_blocks():
    text = ("Київська міська рада ухвалила бюджет на наступний рік.\n\n"
            "Москва\n\n"
            "Депутаты городской думы обсудили бюджет на следующий год.\n\n"
            "2024\n")
    doc = doc_from_text("budget.txt", text)
    langs = [b.lang for b in doc.blocks]
    assert langs[0] == "uk" and langs[2] == "ru" and langs[3] is None
    assert langs[1] in ("ru", "uk")  # no distinctive letters: the document decides


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("АСТАНА, 3 марта 2023.", dt.date(2023, 3, 3)),
        ("14 квітня 2021 року", dt.date(2021, 4, 14)),
        ("WARSAW, May 2, 2020", dt.date(2020, 5, 2)),
        ("By Staff Reporter · June 5, 2019 · 10:30", dt.date(2019, 6, 5)),
        ("05.06.2019 12:10", dt.date(2019, 6, 5)),
    ],
)
def test_ingest_dateline_gives_publication_date(dateline, expected):
    text = f"Bridge reopens after repairs\n\n{dateline}\n\nThe bridge reopened to traffic on Monday.\n"
    doc = doc_from_text("bridge.txt", text, default_date=dt.date(2000, 1, 1))
    assert doc.published == expected
    assert [b.kind for b in doc.blocks] == ["title", "dateline", "body"]


def test_ingest_headline_with_a_date_is_not_a_dateline():
    text = "Мэр 6 января 2022 года открыл новый мост через реку Урал\n\nМост строили три года.\n"
    doc = doc_from_text("bridge.txt", text)
    assert doc.blocks[0].kind == "title"
    assert doc.published is None


def test_ingest_metadata_date_wins_then_default_then_warning():
    text = "МОСКВА, 3 марта 2023.\n\nВ городе открылся новый парк.\n"
    given = doc_from_text("park.txt", text, published=dt.date(2023, 3, 4))
    assert given.published == dt.date(2023, 3, 4)
    undated = "В городе открылся новый парк.\n"
    assert doc_from_text("park.txt", undated, default_date=dt.date(2023, 1, 1)).published == dt.date(2023, 1, 1)
    bare = doc_from_text("park.txt", undated)
    assert bare.published is None
    assert NO_DATE_WARNING in bare.warnings


def test_ingest_title_given_is_put_before_the_text():
    doc = doc_from_text("r1", "Работы начнутся весной.", title="Порт расширят")
    assert doc.text == "Порт расширят\n\nРаботы начнутся весной."
    assert [b.kind for b in doc.blocks] == ["title", "body"]


def test_ingest_hard_wrapped_paragraphs_are_joined():
    paragraph = (
        "The regional council met on Thursday to discuss the plan for the\n"
        "new ring road, which has been delayed twice because the budget for\n"
        "land purchases ran out before the route had been finally agreed.\n"
    )
    text = paragraph + "\n" + paragraph.replace("Thursday", "Friday")
    doc = doc_from_text("ring.txt", text)
    assert len(doc.blocks) == 2
    assert doc.block_text(doc.blocks[0]) == paragraph.strip()


LEAD = ("Городской совет утвердил план строительства нового моста через реку: работы начнутся весной "
        "и продлятся три года, а движение по старому мосту сохранят до их окончания.")


@pytest.mark.parametrize("chrome", [
    "gorod-novosti24.info",
    "https://www.example.org/news/2023/bridge",
    "Главная » Новости » Город",
    "Home > News > Local",
    "UA EN RU",
    "RU | EN",
    "3917 | 0",
    "1342",
    "Skip to content",
    "Идет загрузка...",
    "Завантаження",
    "Рубрики: Город",
    "Categories: World",
    "Автор: Ольга Коваль",
    "Written by Tom Hale",
])
def test_ingest_page_chrome_is_furniture(chrome):
    doc = doc_from_text("bridge.txt", f"Мост построят за три года\n\n{chrome}\n\n{LEAD}\n")
    kinds = _kinds(doc)
    assert ("furniture", chrome) in kinds, kinds
    assert kinds[-1] == ("body", LEAD)


@pytest.mark.parametrize("line", [
    "06/01/2022",  # a date, not a counter
    "Город > Область",  # one separator between words is no breadcrumb trail
    "Автор и режиссёр фильма рассказал о премьере",
])
def test_ingest_lines_like_chrome_that_are_not(line):
    doc = doc_from_text("bridge.txt", f"Мост построят за три года\n\n{line}\n\n{LEAD}\n")
    assert ("furniture", line) not in _kinds(doc)


def test_ingest_byline_with_a_date_is_a_dateline():
    doc = doc_from_text("bridge.txt", f"Мост построят за три года\n\nАвтор: Ольга Коваль, 5 марта 2023\n\n{LEAD}\n")
    assert _kinds(doc)[1] == ("dateline", "Автор: Ольга Коваль, 5 марта 2023")
    assert doc.published == dt.date(2023, 3, 5)


def test_ingest_menu_header_above_the_headline_leaves_the_headline():
    # "Latest News" opens a list; its single short line right above the lead is the headline
    text = ("Skip to content\n\nLatest News\n\nCouncil approves the new bridge\n\n"
            "The city council approved on Monday the plan for a new bridge over the river, which will take "
            "three years to build and will keep the old one open until then.\n")
    doc = doc_from_text("bridge.txt", text)
    assert [k for k, _ in _kinds(doc)] == ["furniture", "furniture", "title", "body"]
    assert doc.title == "Council approves the new bridge"


def test_ingest_related_list_of_several_links_stays_furniture_before_the_story():
    text = ("Latest News\n\nCouncil approves the new bridge\n\nFerry timetable changes next week\n\n"
            "The city council approved on Monday the plan for a new bridge over the river, which will take "
            "three years to build and will keep the old one open until then.\n")
    kinds = [k for k, _ in _kinds(doc_from_text("bridge.txt", text))]
    assert kinds == ["furniture", "furniture", "furniture", "body"]


@pytest.mark.parametrize("text, dateline, actor", [
    ("Prague, 2 October 2001 (Radio Delta) -- NATO today invoked Article 5 of the Washington Treaty for the first time.",
     "Prague, 2 October 2001 (Radio Delta) -- ", "CZE"),
    ("RIGA, Latvia (BalticNet) — Estonia announced on Friday that it will request consultations under Article 4.",
     "RIGA, Latvia (BalticNet) — ", "LVA"),
    ("АЛМАТЫ, 3 янв - Степь-Инфо. Миротворцы ОДКБ начали покидать Казахстан.",
     "АЛМАТЫ, 3 янв - Степь-Инфо. ", "KAZ"),
])
def test_segment_run_in_dateline_is_not_read_for_parties(text, dateline, actor):
    """The place a story was filed from, run into its lead, is a dateline sentence: it
    names no party of the events."""
    from treatywatch.extract import shared_extractor
    from treatywatch.extract.segment import segment

    extractor = shared_extractor()
    doc = doc_from_text("lead.txt", text)
    sentences = segment(doc, extractor.morph)
    assert sentences[0].kind == "dateline" and sentences[0].text.strip() == dateline.strip()
    assert sentences[1].kind == "body" and sentences[1].start == len(dateline)
    assert all(e.actor != actor for e in extractor.extract(doc))


@pytest.mark.parametrize("text", [
    "Tokayev, 5 January - appealed to the CSTO for help.",
    "Казахстан, Россия и Армения - члены ОДКБ.",
    "In Moscow, officials (who asked not to be named) — said the request had been received.",
])
def test_segment_sentences_that_only_look_like_datelines(text):
    from treatywatch.extract import shared_extractor
    from treatywatch.extract.segment import segment

    sentences = segment(doc_from_text("lead.txt", text), shared_extractor().morph)
    assert sentences[0].kind == "body" and sentences[0].start == 0


def test_a_bare_year_under_a_month_header_is_no_counter():
    from treatywatch.ingest import doc_from_text

    doc = doc_from_text("<t>", "news-site.example\nСентябрь\n2022\n\nЗаголовок статьи о саммите\n\n13 сентября ОДКБ провела саммит.")
    kinds = {doc.text[b.start:b.end].strip(): b.kind for b in doc.blocks}
    assert kinds.get("2022") != "furniture"
