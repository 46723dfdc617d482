"""extract/governors.py: the word that governs an event word, and what it does to it.

Unit rows read one sentence and ask for the governor of one word; table rows check what
the whole extractor makes of the construction, in other words and other orders."""

from __future__ import annotations

import pytest

from treatywatch.extract.governors import governor_of
from treatywatch.extract.lexicon import load_lexicon
from treatywatch.extract.segment import segment
from treatywatch.ingest import doc_from_text


@pytest.fixture(scope="module")
def morph():
    from treatywatch.extract.lang.morph import Morph
    return Morph()


def _governor(morph, text: str, lang: str, word: str, nominal: bool = False):
    doc = doc_from_text("<t>", text)
    doc.lang = lang
    for block in doc.blocks:
        block.lang = lang
    sentence = segment(doc, morph, lang)[0]
    k = next(i for i, t in enumerate(sentence.tokens) if t.lower == word)
    gov = governor_of(sentence, k, load_lexicon(lang), nominal)
    if gov is None:
        return None
    return gov.kind, sentence.tokens[gov.at].lower, gov.with_object, gov.negated


@pytest.mark.parametrize("text, lang, word, nominal, expected", [
    ("Москва потребовала от Киева вывести войска из региона.", "ru", "вывести", False,
     ("content", "потребовала", True, False)),
    ("Кремль хочет направить миротворцев.", "ru", "направить", False, ("content", "хочет", False, False)),
    ("Армении стоит обратиться к ОДКБ.", "ru", "обратиться", False, ("advice", "стоит", False, False)),
    ("Казахстан воздержался от обращения к союзникам.", "ru", "обращения", True, ("refrain", "воздержался", False, False)),
    ("Уряд закликав Росію негайно вивести свої війська.", "uk", "вивести", False, ("content", "закликав", True, False)),
    ("Вірменії варто звернутися до ОДКБ.", "uk", "звернутися", False, ("advice", "варто", False, False)),
    ("Officials were expecting the Russian troops to pull back.", "en", "pull", False,
     ("content", "expecting", True, False)),
    ("Romania held back from triggering Article 4.", "en", "triggering", False, ("refrain", "held", False, False)),
    ("Latvia should invoke Article 4, the analyst said.", "en", "invoke", False, ("advice", "should", False, False)),
    ("Poland did not refrain from invoking Article 4.", "en", "invoking", False, ("refrain", "refrain", False, True)),
])
def test_governor_of_finds_the_governing_word(morph, text, lang, word, nominal, expected):
    assert _governor(morph, text, lang, word, nominal) == expected


@pytest.mark.parametrize("text, lang, word", [
    ("Россия направила войска в Казахстан.", "ru", "направила"),  # a finite verb is its own predicate
    ("Требуя мира, Россия решила направить войска.", "ru", "направить"),  # the nearest predicate decides
    ("Poland asked for consultations and NATO decided to send jets.", "en", "send"),
    ("Росія заявила, що виведе війська.", "uk", "виведе"),
])
def test_governor_of_stops_at_a_predicate_of_its_own(morph, text, lang, word):
    assert _governor(morph, text, lang, word) is None


@pytest.mark.parametrize("text, absent", [
    # a demand or expectation about somebody else's act is not that act
    ("НАТО потребовало от России немедленно вывести все войска с территории Украины.", "withdrawal"),
    ("Альянс вимагав від Москви вивести війська з країни.", "withdrawal"),
    ("The foreign ministry urged Moscow to withdraw its forces from the border.", "withdrawal"),
    ("Yerevan had expected the Azerbaijani units to pull back overnight.", "withdrawal"),
    ("Ереван ожидал, что ОДКБ направит миротворцев, чтобы войска противника были выведены.", "withdrawal"),
    # advice is not an act
    ("Армении следует обратиться к ОДКБ за помощью, считает эксперт.", "appeal"),
    ("Вірменії варто звернутися до ОДКБ по допомогу, вважає аналітик.", "appeal"),
    ("Estonia should invoke Article 4 now, a former minister argued.", "appeal"),
])
def test_governed_acts_give_no_event(text, absent):
    from treatywatch.extract import extract_text

    assert absent not in {e.type for e in extract_text(text)}


@pytest.mark.parametrize("text, key", [
    ("Romania held back from triggering Article 4 after the drone incident.", ("appeal", "ROU", "NATO", "negative", "actual")),
    ("Бухарест воздержался от обращения к НАТО по статье 4.", ("appeal", "ROU", "NATO", "negative", "actual")),
    ("Румунія утрималася від звернення до НАТО за статтею 4.", ("appeal", "ROU", "NATO", "negative", "actual")),
    ("Вряд ли Душанбе обратится к ОДКБ за военной помощью.", ("appeal", "TJK", "CSTO", "positive", "uncertain")),
    ("Навряд чи Душанбе звернеться до ОДКБ по військову допомогу.", ("appeal", "TJK", "CSTO", "positive", "uncertain")),
    ("Tajikistan is unlikely to ask the CSTO for military help.", ("appeal", "TJK", "CSTO", "positive", "uncertain")),
])
def test_governed_acts_keep_their_reading(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}
