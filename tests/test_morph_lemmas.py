"""Morph: lemmas and grammemes in ru/uk (pymorphy3) and en (simplemma)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatywatch.extract.lang import Analysis, Morph, tokenize


@pytest.fixture(scope="module")
def morph() -> Morph:
    return Morph()


LEMMAS = [
    ("обратилась", "ru", "обратиться"),
    ("обратился", "ru", "обратиться"),
    ("Казахстана", "ru", "казахстан"),
    ("миротворцев", "ru", "миротворец"),
    ("вооружённых", "ru", "вооруженный"),  # ё -> е
    ("пресс-службу", "ru", "пресс-служба"),
    ("Касым-Жомартом", "ru", "касым-жомарт"),  # hyphenated name the dictionary lacks
    ("зверталася", "uk", "звертатися"),
    ("Києві", "uk", "київ"),  # the first parse is кий: simplemma breaks the tie
    ("Вірменії", "uk", "вірменія"),
    ("прем’єр-міністра", "uk", "прем'єр-міністр"),  # typographic apostrophe
    ("Касима-Жомарта", "uk", "касим-жомарт"),
    ("asked", "en", "ask"),
    ("troops", "en", "troop"),
    ("countries", "en", "country"),
    ("Russia's", "en", "russia"),
    ("NATO", "en", "nato"),
    ("2022", "ru", "2022"),
    (",", "uk", ","),
    ("Wort", "de", "wort"),  # other languages: the lower-cased word
]


@pytest.mark.parametrize("word, lang, lemma", LEMMAS)
def test_morph_lemma(morph, word, lang, lemma):
    assert morph.lemma(word, lang) == lemma
    assert morph.analyze(word, lang).lemma == lemma


def test_morph_grammemes_are_opencorpora(morph):
    verb = morph.analyze("обратилась", "ru")
    assert verb.pos == "VERB" and {"perf", "past", "femn", "indc"} <= verb.grammemes
    noun = morph.analyze("Казахстану", "ru")
    assert noun.pos == "NOUN" and "datv" in noun.grammemes
    infinitive = morph.analyze("направить", "ru")
    assert infinitive.pos == "INFN"
    uk_verb = morph.analyze("зверталася", "uk")
    assert uk_verb.pos == "VERB" and {"past", "impf"} <= uk_verb.grammemes
    assert morph.analyze("asked", "en") == Analysis("ask", None, frozenset())


def test_morph_known_lemmas_win_over_the_first_parse():
    morph = Morph()
    assert morph.lemma("Песков", "ru") == "песок"  # the frequent reading: gen. plural of "sand"
    morph.add_known(["Песков"], "ru")
    assert morph.lemma("Песков", "ru") == "песков"  # a gazetteer surname now
    assert morph.lemma("Пескова", "ru") == "песков"
    assert morph.lemma("песка", "ru") == "песок"  # no parse of it is the known lemma


def test_morph_parses_lists_every_reading_best_first(morph):
    parses = morph.parses("Києві", "uk")
    assert parses[0].lemma == "київ"
    assert {"кий", "київ"} <= {p.lemma for p in parses}


def test_morph_cache_is_keyed_by_word_and_language(morph):
    morph.lemma("союзники", "ru")
    before = morph.cache_info().hits
    morph.lemma("союзники", "ru")
    assert morph.cache_info().hits == before + 1
    assert morph.lemma("союзники", "uk") != "" and morph.cache_info().currsize >= 2


def test_morph_tokenize_keeps_ukrainian_apostrophes_inside_words():
    assert [t.text for t in tokenize("Об'єднаних Націй прем’єр")] == ["Об'єднаних", "Націй", "прем’єр"]
    assert [t.text for t in tokenize("Об'єднаних", merge_apostrophes=False)] == ["Об", "'", "єднаних"]
    text = "Russia's"
    assert [(t.text, t.start, t.stop) for t in tokenize(text)] == [("Russia", 0, 6), ("'", 6, 7), ("s", 7, 8)]


def test_morph_survives_characters_pymorphy_cannot_name(morph):
    # pymorphy3 raises on a character without a Unicode name; analysis must not
    assert morph.analyze("𗀀", "ru") == Analysis("𗀀", None, frozenset())
    assert morph.parses("𗀀", "uk")[0].lemma == "𗀀"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.text(min_size=1, max_size=12), lang=st.sampled_from(["ru", "uk", "en", "kk", None]))
def test_morph_analyze_never_raises(morph, word, lang):
    analysis = morph.analyze(word, lang)
    assert isinstance(analysis.lemma, str)
    assert analysis.lemma == analysis.lemma.lower() or not analysis.lemma.isalpha()
