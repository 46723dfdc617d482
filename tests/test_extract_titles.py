"""Titles that name their state by what it is ("глава государства", "the head of state")
and titles outside a quotation: the party resolver leaves them to context (anaphoric),
and the pipeline binds them to the last person the document named in that role."""

from __future__ import annotations

import pytest

from treatywatch.extract import shared_extractor
from treatywatch.extract.parties import _inside_quotes
from treatywatch.extract.segment import segment
from treatywatch.ingest import doc_from_text


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


def refs_of(extractor, text: str, lang: str):
    doc = doc_from_text("t", text)
    doc.lang = lang
    for block in doc.blocks:
        block.lang = lang
    sentence = segment(doc, extractor.morph, lang)[0]
    return sentence, extractor.resolver.resolve(sentence, None, None)


@pytest.mark.parametrize("text, lang, role", [
    ("Об этом заявил глава государства.", "ru", "head_of_state"),
    ("Про це заявив глава держави.", "uk", "head_of_state"),
    ("The head of state said so on Monday.", "en", "head_of_state"),
    ("Президент страны подписал указ.", "ru", "head_of_state"),
])
def test_title_naming_its_state_by_kind_is_anaphoric(extractor, text, lang, role):
    _, refs = refs_of(extractor, text, lang)
    title = next(r for r in refs if r.kind == "institution")
    assert title.role == role
    assert title.anaphoric and title.party is None


def test_title_outside_a_quotation_does_not_take_the_quoted_state(extractor):
    _, refs = refs_of(extractor, "«Мы просили Россию о помощи», — сказал министр иностранных дел.", "ru")
    title = next(r for r in refs if r.kind == "institution")
    assert title.party is None and title.anaphoric


def test_title_takes_the_state_in_view_outside_quotations(extractor):
    _, refs = refs_of(extractor, "Россия готова помочь, заявил заместитель министра иностранных дел.", "ru")
    title = next(r for r in refs if r.kind == "institution")
    assert title.party == "RUS" and not title.anaphoric


def test_a_state_with_a_genitive_looking_form_may_be_dative(extractor):
    _, refs = refs_of(extractor, "Обращение было адресовано России.", "ru")
    russia = next(r for r in refs if r.party == "RUS")
    assert "datv" in russia.may_case


@pytest.mark.parametrize("text, index, inside", [
    ('"We asked," he said.', 1, True),
    ('"We asked," he said.', 5, False),
    ("«Мы просили», — сказал он.", 1, True),
    ("«Мы просили», — сказал он.", 6, False),
])
def test_inside_quotes(extractor, text, index, inside):
    sentence, _ = refs_of(extractor, text, "en" if text.startswith('"') else "ru")
    assert _inside_quotes(sentence.tokens, index) is inside


@pytest.mark.parametrize("text, lang, party", [
    ("Президент Касым-Жомарт Токаев выступил в сенате. Решение поддержал и глава государства.", "ru", "KAZ"),
    ("Президент Казахстану Касим-Жомарт Токаєв виступив у сенаті. Рішення підтримав і глава держави.", "uk", "KAZ"),
    ("President Kassym-Jomart Tokayev spoke in the senate. The head of state backed the decision.", "en", "KAZ"),
])
def test_pipeline_binds_the_title_to_the_last_holder_of_the_role(extractor, text, lang, party):
    from treatywatch.extract.pipeline import Reading

    doc = doc_from_text("t", text)
    doc.lang = lang
    for block in doc.blocks:
        block.lang = lang
    from treatywatch.extract.context import DocContext

    state = Reading()
    for sentence in segment(doc, extractor.morph, lang)[:2]:
        refs = extractor.resolver.resolve(sentence, None, None)
        extractor._read_sentence(sentence, refs, state, DocContext(), False)
    title = next(r for r in refs if r.kind == "institution")
    assert title.party == party


@pytest.mark.parametrize("text, lang", [
    ("Then the prime minister turned to Russia for help.", "en"),
    ("Тогда премьер-министр обратился к России за помощью.", "ru"),
    ("Тоді прем'єр-міністр звернувся до Росії по допомогу.", "uk"),
])
def test_title_is_not_owned_by_the_state_it_turns_to(extractor, text, lang):
    _, refs = refs_of(extractor, text, lang)
    title = next(r for r in refs if r.kind == "institution")
    assert title.party != "RUS"


def test_title_owned_by_a_state_named_before_it_under_a_preposition(extractor):
    _, refs = refs_of(extractor, "Troops were sent to Kazakhstan at the request of its authorities.", "en")
    title = next(r for r in refs if r.kind == "institution")
    assert title.party == "KAZ" and title.guessed


@pytest.mark.parametrize("text, lang", [
    ("Соберутся секретари советов безопасности государств — членов ОДКБ.", "ru"),
    ("Зберуться секретарі рад безпеки держав — членів ОДКБ.", "uk"),
    ("The defence ministers of the member states of the CSTO will meet.", "en"),
])
def test_officials_of_the_member_states_act_for_the_organization(extractor, text, lang):
    _, refs = refs_of(extractor, text, lang)
    title = next(r for r in refs if r.kind == "institution")
    assert title.party == "CSTO"


def test_a_title_in_the_genitive_after_a_noun_is_attached(extractor):
    _, refs = refs_of(extractor, "По инициативе российского президента соберутся послы.", "ru")
    title = next(r for r in refs if r.kind == "institution")
    assert title.attached


@pytest.mark.parametrize("text, lang", [
    ("Russia pulled its troops out of Nagorno-Karabakh.", "en"),
    ("Россия вывела войска из Нагорного Карабаха.", "ru"),
])
def test_a_region_is_a_place_of_its_state_with_no_voice(extractor, text, lang):
    _, refs = refs_of(extractor, text, lang)
    place = next(r for r in refs if r.kind == "place")
    assert place.party == "AZE" and place.voice is None


def test_straight_scare_quotes_do_not_cut_the_clause(extractor):
    from treatywatch.extract.clauses import split_clauses

    sentence, _ = refs_of(extractor, 'Russia is pulling its "peacekeeping" contingent out.', "en")
    assert len(split_clauses(sentence, extractor.lexicons["en"]).spans) == 1
