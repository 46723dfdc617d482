"""Conditions, treaty provisions and readiness by clause (clauses.py, governors.py).

- A condition binds the predicate of its own clause or of the clause right beside it; a
  relative clause is an island, also when no comma closes it.
- What a treaty article "provides for" is treaty text, not an event.
- Readiness or a condition governing an act ("не против вывести", "the condition for the
  pullout") makes it conditional; "не против" is no negation.
- "по первому запросу", "upon request", "лише після того, як" are conditions.
"""

import pytest

from treatywatch.extract.clauses import split_clauses
from treatywatch.extract.lexicon import load_lexicon
from treatywatch.extract.segment import segment
from treatywatch.ingest import doc_from_text


@pytest.fixture(scope="module")
def morph():
    from treatywatch.extract.lang.morph import Morph
    return Morph()


def _clauses(morph, text, lang):
    doc = doc_from_text("<t>", text)
    doc.lang = lang
    for block in doc.blocks:
        block.lang = lang
    sentence = segment(doc, morph, lang)[0]
    clauses = split_clauses(sentence, load_lexicon(lang))
    words = [[t.text for t in sentence.tokens[a:b]] for a, b in clauses.spans]
    return sentence, clauses, words


def test_a_relative_clause_ends_at_the_second_predicate_without_a_comma(morph):
    _, clauses, words = _clauses(morph, "Засідання, яке скликали на прохання Литви за статтею 4 триватиме до вечора.", "uk")
    assert words == [["Засідання", ","], ["яке", "скликали", "на", "прохання", "Литви", "за", "статтею", "4"],
                     ["триватиме", "до", "вечора", "."]]
    assert clauses.relative == frozenset({1})


def test_coordinated_predicates_stay_in_their_relative_clause(morph):
    _, clauses, words = _clauses(morph, "Солдаты, которые прибыли и разместились в Алматы, охраняют аэропорт.", "ru")
    assert ["которые", "прибыли", "и", "разместились", "в", "Алматы", ","] in words


def test_a_condition_on_the_main_clause_does_not_reach_into_a_relative_one(morph):
    sentence, clauses, _ = _clauses(
        morph, "Засідання, яке скликали на прохання Литви триватиме довше, якщо ситуація погіршиться.", "uk")
    request = next(i for i, t in enumerate(sentence.tokens) if t.lower == "прохання")
    lasting = next(i for i, t in enumerate(sentence.tokens) if t.lower == "триватиме")
    assert clauses.conditions_on(request) == []
    assert clauses.conditions_on(lasting) != []


def test_a_prepositional_condition_is_short(morph):
    sentence, clauses, _ = _clauses(morph, "По первому же запросу Россия готова помочь Беларуси.", "ru")
    ready = next(i for i, t in enumerate(sentence.tokens) if t.lower == "готова")
    assert clauses.conditions and not clauses.in_condition(ready)
    assert clauses.conditions_on(ready) != []


@pytest.mark.parametrize("text, key", [
    ("По первому же запросу Москва готова помочь Минску в обеспечении безопасности.",
     ("offer", "RUS", "BLR", "positive", "conditional")),
    ("За першим же запитом Москва готова допомогти Мінську у забезпеченні безпеки.",
     ("offer", "RUS", "BLR", "positive", "conditional")),
    ("Moscow is ready to help Minsk upon request, the Belarusian leader said.",
     ("offer", "RUS", "BLR", "positive", "conditional")),
    ("Россия не против вывести свой контингент из Молдавии, но только после того, как Кишинев и Тирасполь договорятся.",
     ("withdrawal", "RUS", "MDA", "positive", "conditional")),
    ("Росія не проти вивести свій контингент з Молдови, але лише після того, як сторони домовляться.",
     ("withdrawal", "RUS", "MDA", "positive", "conditional")),
    ("Засідання, яке скликали на прохання Литви за статтею 4 НАТО передбачає консультації, якщо союзнику загрожує небезпека.",
     ("appeal", "LTU", "NATO", "positive", "actual")),
    ("Заседание НАТО, созванное по просьбе Эстонии, продлится дольше, если ситуация ухудшится.",
     ("appeal", "EST", "NATO", "positive", "actual")),
    ("В случае обращения Армении Россия окажет ей военную помощь.", ("offer", "RUS", "ARM", "positive", "conditional")),
])
def test_conditions_bind_their_own_predicate(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}


@pytest.mark.parametrize("text, absent", [
    ("Стаття 4 Північноатлантичного договору передбачає консультації, якщо союзнику загрожує небезпека.", "consultation"),
    ("Статья 4 Договора о коллективной безопасности предусматривает консультации при угрозе безопасности.", "consultation"),
    ("Article 4 of the Washington Treaty provides for consultations whenever an ally feels threatened.", "consultation"),
    ("Россия не против вывести свой контингент из Приднестровья, но только после того, как стороны договорятся.", "negative"),
])
def test_treaty_provisions_and_readiness_give_no_fact(text, absent):
    from treatywatch.extract import extract_text

    events = extract_text(text)
    assert absent not in {e.type for e in events} | {e.polarity for e in events}


@pytest.mark.parametrize("text", [
    "Under the treaty, military assistance is provided when a member state asks for it.",
    "Согласно договору, помощь оказывается, когда государство-член обращается за ней официально.",
    "Any ally that comes under attack can invoke Article 5 and ask the others for help.",
    "За договором допомога надається тоді, коли будь-яка держава звернеться по неї офіційно.",
])
def test_rules_with_an_unnamed_party_give_no_event(text):
    from treatywatch.extract import extract_text

    assert [e.key for e in extract_text(text)] == []


def test_named_members_acting_are_no_rule():
    from treatywatch.extract import extract_text

    keys = {e.key for e in extract_text("Государства-члены ОДКБ решили направить миротворцев в Казахстан.")}
    assert any(k[0] == "decision" for k in keys)


@pytest.mark.parametrize("text, key", [
    # the object of a future verb is planned
    ("Миротворцы организуют возвращение подразделений в Россию после выполнения задач.",
     ("withdrawal", "CSTO", "KAZ", "positive", "intended")),
    ("Миротворці організують повернення підрозділів до Росії після виконання завдань.",
     ("withdrawal", "CSTO", "KAZ", "positive", "intended")),
    # a copula names an act that was made
    ("Главной темой саммита станет просьба Киргизии к ОДКБ о вводе миротворцев.",
     ("appeal", "KGZ", "CSTO", "positive", "actual")),
    ("Головною темою зустрічі стане прохання Киргизстану до ОДКБ про введення миротворців.",
     ("appeal", "KGZ", "CSTO", "positive", "actual")),
])
def test_the_governing_verb_times_a_nominal_act(text, key):
    from treatywatch.extract import extract_text
    from treatywatch.ingest import doc_from_text
    from treatywatch.extract import shared_extractor

    if key[0] == "withdrawal":
        # the host comes from the story: a paragraph about the Kazakh operation
        story = "ОДКБ направила миротворцев в Казахстан. " + text
        keys = {e.key for e in shared_extractor().extract(doc_from_text("<t>", story))}
    else:
        keys = {e.key for e in extract_text(text)}
    assert key in keys
