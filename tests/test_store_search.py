"""Full-text search behind `answers.search`: FTS5 on SQLite, tsvector on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from treatywatch.errors import NotFoundError
from treatywatch.ingest import doc_from_text
from treatywatch.serve.answers import Answers
from treatywatch.store import open_store


DOCS = {
    "ru.txt": ("ОДКБ опровергла слухи о просьбе Таджикистана",
               "Пресс-служба ОДКБ заявила, что Душанбе не обращался за военной помощью. "
               "Миротворцы организации остаются в пунктах постоянной дислокации."),
    "uk.txt": ("Миротворці ОДКБ залишили Казахстан",
               "Останні підрозділи колективних миротворчих сил повернулися додому."),
    "en.txt": ("NATO allies hold consultations",
               "Poland requested consultations under Article 4 after drones crossed its border."),
}


@pytest.fixture
def answers(db_url):
    store = open_store(db_url)
    for name, (title, body) in DOCS.items():
        store.ingest(doc_from_text(name, body, title=title, published=dt.date(2025, 9, 10)))
    with Answers(store) as answers:
        yield answers


@pytest.mark.parametrize("query, names", [
    ("ОДКБ", {"ru.txt", "uk.txt"}),
    ("одкб миротворцы", {"ru.txt"}),            # every word must match
    ("миротворці", {"uk.txt"}),
    ("consult", {"en.txt"}),                     # words match as prefixes
    ("Article 4", {"en.txt"}),
    ("Таджикистана", {"ru.txt"}),
    ("weather forecast", set()),
    ('"; DROP TABLE documents; --', set()),      # punctuation is not syntax
    ("", set()),
])
def test_store_search_finds_documents_by_words(answers, query, names):
    assert {hit["name"] for hit in answers.search(query)} == names


def test_store_search_hit_carries_metadata_and_a_snippet(answers):
    [hit] = answers.search("Poland")
    assert hit["title"] == "NATO allies hold consultations"
    assert hit["published"] == "2025-09-10" and len(hit["id"]) == 64
    assert "Poland requested consultations" in hit["snippet"]
    assert answers.get_document(hit["id"][:10])["name"] == "en.txt"
    assert answers.get_document("en.txt")["id"] == hit["id"]


def test_store_unknown_document_names_the_value(answers):
    with pytest.raises(NotFoundError, match="no document 'nope.txt' in the store"):
        answers.get_document("nope.txt")
