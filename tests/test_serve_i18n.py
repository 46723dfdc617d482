"""Interface language: the choice of language and the message catalogues."""

from __future__ import annotations

import re

import pytest

from treatywatch.serve.i18n import LANGUAGES, catalogue, choose_language, translator


@pytest.mark.parametrize("query, header, expected", [
    ("ru", None, "ru"),
    ("RU", "en", "ru"),
    ("de", "ru-RU,ru;q=0.9", "ru"),          # unsupported ?lang= falls through
    (None, "uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.5", "ru"),  # first supported by quality
    (None, "en-GB,en;q=0.9,ru;q=0.8", "en"),
    (None, "ru;q=0.2, en;q=0.7", "en"),
    (None, "ru;q=0", "en"),
    (None, "fr", "en"),
    (None, None, "en"),
    (None, "ru;q=abc, en", "en"),
])
def test_i18n_choose_language(query, header, expected):
    assert choose_language(query, header) == expected


def test_i18n_catalogues_have_the_same_keys_and_fields():
    english = catalogue("en")
    for lang in LANGUAGES:
        other = catalogue(lang)
        assert set(other) == set(english), f"{lang}: keys differ from en"
        for key, text in other.items():
            assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", english[key])), key


def test_i18n_russian_is_russian_and_fills_fields():
    t = translator("ru")
    assert re.search("[а-я]", t("nav.cases"))
    assert "404" in t("error.title", status=404)
