"""NameIndex: names in sentences of three languages, whatever their inflection.

Sentences are ours (not from ../shared/corpus). Each expectation lists the mentions as
(words covered, kind, id, party, role)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatywatch.lookup import name_index
from treatywatch.extract.names import KINDS


@pytest.fixture(scope="module")
def index(knowledge):
    return name_index(knowledge)


def spans(index, text: str, lang: str) -> list[tuple]:
    tokens, mentions = index.find_text(text, lang)
    return [(" ".join(t.text for t in tokens[m.start:m.end]), m.kind, m.id, m.party, m.role) for m in mentions]


SENTENCES = [
    ("ru", "Власти Таджикистана не обращались к странам ОДКБ за помощью.",
     [("Власти", "institution", "government", None, "government"),
      ("Таджикистана", "state", "TJK", "TJK", None),
      ("ОДКБ", "org", "CSTO", "CSTO", None)]),
    ("ru", "Делегация Организации Договора о коллективной безопасности прилетела в Ереван.",
     [("Организации Договора о коллективной безопасности", "org", "CSTO", "CSTO", None),
      ("Ереван", "metonym", "ARM", "ARM", None)]),
    ("ru", "Переговоры с президентом Казахстана Касым-Жомартом Токаевым прошли в Кремле.",
     [("президентом", "institution", "president", None, "head_of_state"),
      ("Казахстана", "state", "KAZ", "KAZ", None),
      ("Касым-Жомартом Токаевым", "person", "tokayev", None, None),
      ("Кремле", "metonym", "RUS", "RUS", "head_of_state")]),
    ("ru", "В пресс-службе организации уточнили детали.", []),
    ("ru", "Ответ за подписью Секретариата Организации Договора о коллективной безопасности пришёл вечером.",
     [("Секретариата Организации Договора о коллективной безопасности", "body", "csto-secretariat", "CSTO", "secretariat")]),
    ("ru", "Генсек ОДКБ Станислав Зась встретился с Засем повторно.",
     [("Генсек ОДКБ", "body", "csto-secretary-general", "CSTO", "secretary_general"),
      ("Станислав Зась", "person", "zas", None, None),
      ("Засем", "person", "zas", None, None)]),
    ("ru", "Коллективные миротворческие силы ОДКБ покинули Казахстан.",
     [("Коллективные миротворческие силы ОДКБ", "force", "csto-collective-peacekeeping-forces", "CSTO", "force"),
      ("Казахстан", "state", "KAZ", "KAZ", None)]),
    ("ru", "Ссылка на статью 4 Договора о коллективной безопасности прозвучала дважды.",
     [("Договора о коллективной безопасности", "treaty", "CST", None, None)]),
    ("ru", "МИД Киргизии и Жогорку Кенеш выступили с заявлениями, пишет Интерфакс.",
     [("МИД", "institution", "foreign-ministry", None, "foreign_ministry"),
      ("Киргизии", "state", "KGZ", "KGZ", None),
      ("Жогорку Кенеш", "institution", "kgz-jogorku-kenesh", "KGZ", "parliament"),
      ("Интерфакс", "outlet", "interfax", None, None)]),
    ("ru", "Совет Безопасности ООН соберётся в пятницу, сообщает Reuters.",
     [("Совет Безопасности ООН", "body", "un-security-council", "UN", "council"),
      ("Reuters", "outlet", "reuters", None, None)]),
    ("ru", "Песков ответил вопросом, а ветер нёс тучи песков.",
     [("Песков", "person", "peskov", None, None)]),
    ("ru", "Казахстанские военные и российский контингент вернулись.",
     [("Казахстанские", "state_adj", "KAZ", "KAZ", None),
      ("российский", "state_adj", "RUS", "RUS", None)]),
    ("uk", "Прем'єр-міністр Вірменії звернувся до Організації Договору про колективну безпеку.",
     [("Прем'єр-міністр", "institution", "prime-minister", None, "head_of_government"),
      ("Вірменії", "state", "ARM", "ARM", None),
      ("Організації Договору про колективну безпеку", "org", "CSTO", "CSTO", None)]),
    ("uk", "Речник МЗС Польщі прокоментував рішення у Києві.",
     [("Речник", "institution", "spokesperson", None, "spokesperson"),
      ("МЗС", "institution", "foreign-ministry", None, "foreign_ministry"),
      ("Польщі", "state", "POL", "POL", None),
      ("Києві", "metonym", "UKR", "UKR", None)]),
    ("uk", "Лист надіслали президентові Казахстану Касиму-Жомарту Токаєву.",
     [("президентові", "institution", "president", None, "head_of_state"),
      ("Казахстану", "state", "KAZ", "KAZ", None),
      ("Касиму-Жомарту Токаєву", "person", "tokayev", None, None)]),
    ("uk", "Північноатлантична рада зібралася через положення Статуту ООН.",
     [("Північноатлантична рада", "body", "nato-north-atlantic-council", "NATO", "council"),
      ("Статуту ООН", "treaty", "UN", None, None)]),
    ("uk", "Таджицькі прикордонники та Міноборони Таджикистану",
     [("Таджицькі", "state_adj", "TJK", "TJK", None),
      ("Міноборони", "institution", "defence-ministry", None, "defence_ministry"),
      ("Таджикистану", "state", "TJK", "TJK", None)]),
    ("en", "The Kazakh president asked the CSTO for help.",
     [("Kazakh", "state_adj", "KAZ", "KAZ", None),
      ("president", "institution", "president", None, "head_of_state"),
      ("CSTO", "org", "CSTO", "CSTO", None)]),
    ("en", "US officials told us nothing.", [("US", "state", "USA", "USA", None)]),
    ("en", "Turkey requested consultations under Article 4 of the North Atlantic Treaty.",
     [("Turkey", "state", "TUR", "TUR", None), ("North Atlantic Treaty", "treaty", "NATO", None, None)]),
    ("en", "They roasted a turkey in Ankara.", [("Ankara", "metonym", "TUR", "TUR", None)]),
    ("en", "EU foreign policy chief Federica Mogherini spoke after Armenia's Prime Minister Nikol Pashinyan.",
     [("EU foreign policy chief", "body", "eu-high-representative", "EU", "high_representative"),
      ("Federica Mogherini", "person", "mogherini", None, None),
      ("Armenia", "state", "ARM", "ARM", None),
      ("Prime Minister", "institution", "prime-minister", None, "head_of_government"),
      ("Nikol Pashinyan", "person", "pashinyan", None, None)]),
    ("en", "NATO's North Atlantic Council met in Brussels, Reuters reported.",
     [("NATO", "org", "NATO", "NATO", None),
      ("North Atlantic Council", "body", "nato-north-atlantic-council", "NATO", "council"),
      ("Brussels", "metonym", "NATO", "NATO", None),
      ("Reuters", "outlet", "reuters", None, None)]),    # states beyond the alliances, with capitals and abbreviations
    ("ru", "Миротворцы из Руанды прилетели в Банги по просьбе властей ЦАР.",
     [("Руанды", "state", "RWA", "RWA", None),
      ("Банги", "metonym", "CAF", "CAF", None),
      ("властей", "institution", "government", None, "government"),
      ("ЦАР", "state", "CAF", "CAF", None)]),
    ("uk", "Кенійські поліцейські вирушили до Гаїті, повідомили в Найробі.",
     [("Кенійські", "state_adj", "KEN", "KEN", None),
      ("Гаїті", "state", "HTI", "HTI", None),
      ("Найробі", "metonym", "KEN", "KEN", None)]),
    ("en", "Rwandan soldiers reached Bangui at the request of the CAR authorities and of Kinshasa.",
     [("Rwandan", "state_adj", "RWA", "RWA", None),
      ("Bangui", "metonym", "CAF", "CAF", None),
      ("CAR", "state", "CAF", "CAF", None),
      ("authorities", "institution", "government", None, "government"),
      ("Kinshasa", "metonym", "COD", "COD", None)]),
    ("ru", "Делегации Мексики, Вьетнама и Новой Зеландии прибыли в Гавану.",
     [("Мексики", "state", "MEX", "MEX", None),
      ("Вьетнама", "state", "VNM", "VNM", None),
      ("Новой Зеландии", "state", "NZL", "NZL", None),
      ("Гавану", "metonym", "CUB", "CUB", None)]),
    # groups of states: one mention, the group's id
    ("ru", "Лидеры стран Балтии и Вишеградской четвёрки встретились в Праге.",
     [("стран Балтии", "group", "baltic-states", None, None),
      ("Вишеградской четвёрки", "group", "visegrad-group", None, None),
      ("Праге", "metonym", "CZE", "CZE", None)]),
    ("uk", "Міністри держав Балтії та країн Центральної Азії провели зустріч.",
     [("держав Балтії", "group", "baltic-states", None, None),
      ("країн Центральної Азії", "group", "central-asian-states", None, None)]),
    ("en", "Envoys of the Nordic countries, the Gulf states and the Benelux met.",
     [("Nordic countries", "group", "nordic-countries", None, None),
      ("Gulf states", "group", "gulf-states", None, None),
      ("Benelux", "group", "benelux", None, None)]),
]


@pytest.mark.parametrize("lang, text, expected", SENTENCES, ids=[s[1][:40] for s in SENTENCES])
def test_names_find_in_sentences(index, lang, text, expected):
    assert spans(index, text, lang) == expected


def test_names_ambiguous_names_say_so(index):
    tokens, mentions = index.find_text("В пресс-службе альянса ответили.", "ru")
    assert len(mentions) == 1
    press = mentions[0]
    assert press.kind == "body" and press.ambiguous
    assert {press.id, *press.alternatives} == {"csto-press-service", "nato-spokesperson"}
    _, [brussels] = index.find_text("Talks in Brussels went on.", "en")
    assert brussels.kind == "metonym" and brussels.ambiguous
    assert {brussels.id, *brussels.alternatives} == {"NATO", "EU"}


def test_names_place_names_that_are_other_words_are_marked_and_keep_their_lemmas(index):
    """'Того' (Togo) is also a form of 'тот'; 'Куба' of 'куб': the names are found, marked
    ambiguous, and the words keep their own lemmas everywhere else."""
    _, found = index.find_text("Делегации Того и Кубы прибыли, как и гости из Чада.", "ru")
    assert [(m.id, m.ambiguous) for m in found] == [("TGO", True), ("CUB", True), ("TCD", True)]
    _, [chad] = index.find_text("Talks with Chad went on.", "en")
    assert (chad.id, chad.ambiguous, chad.alternatives) == ("TCD", True, ())
    _, [congo] = index.find_text("Troops left Congo.", "en")
    assert congo.ambiguous and {congo.id, *congo.alternatives} == {"COD", "COG"}
    morph = index.morph
    assert morph.lemma("того", "ru") == "тот"
    assert morph.lemma("того", "uk") == "той"
    assert morph.lemma("куба", "uk") == "куб"
    assert morph.lemma("острови", "uk") == "острів"  # "Соломонові острови" keeps the common noun


def test_names_find_on_lemmas_alone(index):
    lemmas = [index.morph.lemma(w, "ru") for w in ["к", "Организации", "Договора", "о", "коллективной",
                                                     "безопасности", "обратилась", "Армения"]]
    found = [(m.start, m.end, m.id) for m in index.find(lemmas, "ru")]
    assert found == [(1, 6, "CSTO"), (7, 8, "ARM")]


def test_names_case_checks_are_skipped_when_words_are_all_lower_case(index):
    words = ["в", "одкб", "и", "турции", "заявили"]
    lemmas = [index.morph.lemma(w, "ru") for w in words]
    assert [m.id for m in index.find(lemmas, "ru", words)] == ["CSTO", "TUR"]
    cased = ["В", "одкб", "и", "турции", "заявили"]  # written in lower case on purpose: not names
    assert index.find(lemmas, "ru", cased) == []


def test_names_latin_names_in_cyrillic_text(index):
    assert [(m.kind, m.id) for m in index.find_text("по данным Reuters и BBC, NATO молчит", "ru")[1]] == [
        ("outlet", "reuters"), ("outlet", "bbc"), ("org", "NATO")]


def test_names_every_name_finds_itself(knowledge, index):
    """Each of the ~5,000 names in the data, written as in the data, is found as one
    mention of its own entry: no name is shadowed by another or lost in lemmatization."""
    records = [*knowledge.parties(), *knowledge.people(), *knowledge.bodies(), *knowledge.treaties(),
               *knowledge.outlets(), *knowledge.institutions(), *knowledge.groups()]
    lost = []
    for record in records:
        names = [*record.names, *getattr(record, "adjectives", ()), *getattr(record, "metonyms", ())]
        for name in names:
            tokens, mentions = index.find_text(name.text, name.lang)
            whole = [m for m in mentions if m.start == 0 and m.end == len(tokens)]
            if len(mentions) != 1 or not whole or record.id not in (whole[0].id, *whole[0].alternatives):
                lost.append((record.id, name.lang, name.text))
    assert lost == []


def test_names_no_unmarked_conflicts(index):
    assert index.conflicts == []
    assert index.size > 10_000


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("ОДКБ НАТО Казахстан Київ US us Токаєв-'’., \n«»")) ) | st.text())
def test_names_find_never_raises_and_mentions_do_not_overlap(index, text):
    for lang in ("ru", "uk", "en", None):
        tokens, mentions = index.find_text(text, lang)
        last_end = 0
        for mention in mentions:
            assert last_end <= mention.start < mention.end <= len(tokens)
            assert mention.kind in KINDS
            last_end = mention.end
