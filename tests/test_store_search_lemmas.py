"""Search by lemma: an inflected form finds exactly the documents its lemma finds, in
each language, on SQLite and PostgreSQL; hits carry marks on the text's own forms,
titles, and filters by language, date and outlet. Migration 0004 indexes a store built
before it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, text

from treatywatch.serve.answers import Answers
from treatywatch.serve.search_snippet import display_title, marked
from treatywatch.store import migrate, open_store
from treatywatch.store.search import SearchFilters, lemma_text

from search_fixtures import DOCS, ingest_search_docs as _ingest


@pytest.fixture
def answers(db_url):
    store = open_store(db_url)
    _ingest(store)
    with Answers(store) as answers:
        yield answers


def _names(answers, query, **filters):
    return {hit["name"] for hit in answers.search(query, filters=SearchFilters(**filters))}


@pytest.mark.parametrize("forms, expected", [
    (["Таджикистан", "Таджикистана", "Таджикистану", "Таджикистаном", "таджикистане"],
     {"ru-appeal", "ru-aid", "ru-drill", "uk-gov", "uk-peace"}),
    (["миротворець", "миротворці", "миротворців", "миротворцям"], {"uk-peace", "uk-home"}),
    (["обратиться", "обратились", "обратится", "обратилась", "обратимся"], {"ru-appeal"}),
    (["звернутися", "звернувся", "звернулися"], {"uk-gov"}),
    (["troop", "troops"], {"en-ask", "en-move"}),
    (["deploy", "deployed", "deploying", "deploys"], {"en-move", "en-later"}),
    (["ally", "allies"], {"en-ask"}),
])
def test_search_an_inflected_form_finds_exactly_what_its_lemma_finds(answers, forms, expected):
    for form in forms:
        assert _names(answers, form) == expected, form


def test_search_a_word_is_read_in_the_language_of_each_document(answers):
    # every word must be found, each by its lemma in the document's language
    assert _names(answers, "Таджикистану помощь") == {"ru-appeal", "ru-aid"}
    assert _names(answers, "помощь учения") == set()


def test_search_marks_the_texts_own_forms(answers):
    [hit] = answers.search("Таджикистан", filters=SearchFilters(lang="ru", outlet="Вести",
                                                                start=dt.date(2025, 5, 1)))
    assert hit["name"] == "ru-aid"
    assert [hit["snippet"][s:e] for s, e in hit["marks"]] == ["Таджикистану"]
    html = marked(hit["snippet"], hit["marks"])
    assert "<mark>Таджикистану</mark>" in html
    [hit] = answers.search("deploy", filters=SearchFilters(lang="en", outlet="Daily"))
    assert [hit["snippet"][s:e] for s, e in hit["marks"]] == ["deploying"]


def test_search_marks_every_matched_word_and_escapes_the_rest():
    snippet = "a <b> & Таджикистан"
    assert marked(snippet, [[8, 19]]) == "a &lt;b&gt; &amp; <mark>Таджикистан</mark>"


@pytest.mark.parametrize("filters, expected", [
    ({"lang": "uk"}, {"uk-gov", "uk-peace"}),
    ({"lang": "ru"}, {"ru-appeal", "ru-aid", "ru-drill"}),
    ({"lang": "en"}, set()),
    ({"start": dt.date(2025, 3, 1), "end": dt.date(2025, 4, 30)}, {"ru-appeal", "uk-gov"}),
    ({"end": dt.date(2024, 12, 31)}, {"ru-drill"}),
    ({"outlet": "Курьер"}, {"ru-drill"}),
    ({"outlet": "Вісник", "lang": "ru"}, set()),
])
def test_search_filters_by_language_date_and_outlet(answers, filters, expected):
    assert _names(answers, "Таджикистана", **filters) == expected


def test_search_titles_come_from_the_page_title_or_first_line():
    body = "Союзники обсудили помощь\n\nВторой абзац текста о помощи союзникам."
    assert display_title(None, [], body) == "Союзники обсудили помощь"
    assert display_title("  Заголовок   страницы ", [], body) == "Заголовок страницы"
    assert display_title(None, [{"kind": "title", "start": 0, "end": 8}], body) == "Союзники"
    assert display_title(None, [], "слово " * 40).endswith("…")
    assert len(display_title(None, [], "слово " * 40)) <= 121


def test_search_hits_without_a_stored_title_get_their_first_line(answers):
    [hit] = answers.search("наводнения")
    assert hit["title"] == DOCS["ru-aid"][0]


def test_search_ingesting_again_indexes_nothing_twice(db_url):
    with open_store(db_url) as store:
        _ingest(store)
        _ingest(store)
        with store.engine.connect() as conn:
            indexed = conn.execute(text("SELECT count(*) FROM search_lemmas")).scalar()
        assert indexed == len(DOCS)
        with Answers(store) as answers:
            assert _names(answers, "миротворців") == {"uk-peace", "uk-home"}


def test_search_migration_indexes_the_documents_of_an_older_store(db_url):
    from alembic import command

    with open_store(db_url) as store:
        _ingest(store, ["ru-aid", "uk-home", "en-later"])
        engine = store.engine
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
        assert not inspect(engine).has_table("search_lemmas")
    with open_store(db_url) as store:
        assert migrate.current_revision(store.engine) == migrate.HEAD
        with Answers(store) as answers:
            assert _names(answers, "Таджикистан") == {"ru-aid"}
            assert _names(answers, "миротворці") == {"uk-home"}
            assert _names(answers, "deployed") == {"en-later"}


def test_search_index_holds_lemmas_not_forms():
    assert lemma_text("Помощь Таджикистану", "Союзники направили", "ru") == \
        "помощь таджикистан союзник направить"
    assert lemma_text(None, "северо-запада", "ru").split() == ["северо", "запад"]
