"""The cheap first look that lets off-topic text skip extraction."""

import pytest

from treatywatch.extract.topic import TopicFilter


@pytest.fixture(scope="module")
def topic():
    return TopicFilter(["ООН", "UN", "Организация Договора о коллективной безопасности", "U.N."],
                       ["миротвор", "troop"])


@pytest.mark.parametrize("text, passes", [
    ("Генсек ООН выступил в понедельник.", True),
    ("Страны Организации Договора о коллективной безопасности провели встречу.", True),  # inflected
    ("Прибыли миротворцы.", True),
    ("Troops crossed the border.", True),
    ("The match went on until midnight, under floodlights.", False),  # "un" only as a word
    ("Обсерватория открылась после ремонта.", False),
    ("The U.S. team won.", False),
    ("", False),
])
def test_extract_topic_filter(topic, text, passes):
    assert topic(text) is passes


def test_extract_topic_filter_keeps_every_shared_document(extractor, shared_corpus):
    from conftest import DEV, SEEDS, corpus_files

    for path in corpus_files(SEEDS) + corpus_files(DEV):
        if path.name in {"d022.txt", "d031.txt"}:
            continue
        assert extractor.topic(path.read_text(encoding="utf-8")), path.name
