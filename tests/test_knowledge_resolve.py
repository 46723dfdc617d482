"""resolve_party: what users type in the CLI and the web (ids, names, inflected names);
groups of states and their members on a date; the resolver's group and ambiguity rules
(extract/parties.py) on sentences of ours."""

from __future__ import annotations

import pytest

from treatywatch.lookup import resolve_party
from treatywatch.errors import NotFoundError
from treatywatch.extract.parties import coordinated
from treatywatch.extract.segment import segment
from treatywatch.ingest import doc_from_text

RESOLVE_CASES = [
    ("TJK", None, "TJK"),
    ("tjk", None, "TJK"),
    ("csto", None, "CSTO"),
    ("Таджикистан", None, "TJK"),
    ("Tajikistan", None, "TJK"),
    ("таджикистана", None, "TJK"),
    ("Таджикистаном", "ru", "TJK"),
    ("Республика Таджикистан", None, "TJK"),
    ("Кыргызстан", None, "KGZ"),
    ("Киргизии", "ru", "KGZ"),
    ("Kirghizia", None, "KGZ"),
    ("Киргизстану", "uk", "KGZ"),
    ("Білорусі", "uk", "BLR"),
    ("Белоруссией", None, "BLR"),
    ("Туреччини", None, "TUR"),
    ("Türkiye", None, "TUR"),
    ("the United States", "en", "USA"),
    ("Российской Федерации", None, "RUS"),
    ("Вірменією", None, "ARM"),
    ("kazakh", None, "KAZ"),
    ("Организации Договора о коллективной безопасности", None, "CSTO"),
    ("Організації Північноатлантичного договору", None, "NATO"),
    ("ОДКБ", None, "CSTO"),
    ("Евросоюза", None, "EU"),
    ("Кремля", None, "RUS"),
    ("", None, None),
    ("   ", None, None),
    ("Atlantis", None, None),
    ("Таджикистан и Киргизия", None, None),  # two parties: not one answer
    ("альянс", None, None),  # ambiguous between the CSTO and NATO
    ("Центральноафриканской Республики", None, "CAF"),
    ("ЦАР", "uk", "CAF"),
    ("Руанды", None, "RWA"),
    ("Kenyan", None, "KEN"),
    ("Гаїті", None, "HTI"),
    ("Тайваня", None, "TWN"),
    ("Kosovo", None, "XKX"),
    ("Святого Престола", None, "VAT"),
    ("Chad", "en", "TCD"),  # also a given name, but typed alone it is the state
    ("Чада", None, "TCD"),
    ("Congo", None, None),  # two states
    ("Baltic states", None, None),  # a group, not one party
]


@pytest.mark.parametrize("text, lang, expected", RESOLVE_CASES)
def test_knowledge_resolve_party(knowledge, text, lang, expected):
    assert resolve_party(knowledge, text, lang) == expected


@pytest.mark.parametrize("party, lang, expected", [
    ("KGZ", "ru", "Кыргызстан"), ("KGZ", "en", "Kyrgyzstan"), ("BLR", "uk", "Білорусь"),
    ("CSTO", "ru", "ОДКБ"), ("TUR", "de", "Turkey"),
])
def test_knowledge_party_name_in_a_language(knowledge, party, lang, expected):
    assert knowledge.party_name(party, lang) == expected


def test_knowledge_has_the_parties_the_news_names(knowledge):
    states = {p.id for p in knowledge.states()}
    assert len(states) >= 197  # the UN's 193 members, its two observer states, Kosovo and Taiwan
    for named in ("CAF", "RWA", "HTI", "KEN", "TCD", "TGO", "CUB", "COD", "COG", "VAT", "PSE", "XKX", "TWN"):
        assert named in states
    for member in ("ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"):
        assert member in states
    nato_and_eu = {m.state for org in ("NATO", "EU") for m in knowledge.memberships(org)}
    assert nato_and_eu <= states
    assert knowledge.organization_ids() == {"CSTO", "NATO", "EU", "UN", "SCO", "CIS", "OSCE"}
    for party in knowledge.parties():
        assert party.source
        for lang in ("en", "ru", "uk"):
            assert party.names_in(lang), (party.id, lang)


@pytest.mark.parametrize("group, date, expected", [
    ("baltic-states", "2022-02-24", ["EST", "LVA", "LTU"]),
    ("visegrad-group", "1992-06-01", ["POL", "HUN"]),  # Czechoslovakia's seat passed on in 1993
    ("visegrad-group", "1993-06-01", ["POL", "HUN", "CZE", "SVK"]),
    ("bucharest-nine", "2014-03-01", []),
    ("central-asian-states", "2022-01-05", ["KAZ", "KGZ", "TJK", "TKM", "UZB"]),
])
def test_knowledge_group_members_on_a_date(knowledge, group, date, expected):
    assert knowledge.group_members(group, date) == expected


def test_knowledge_groups_have_sources_names_and_states(knowledge):
    states = {p.id for p in knowledge.states()}
    assert len(knowledge.groups()) >= 8
    for group in knowledge.groups():
        assert group.source and group.members
        assert {m.party for m in group.members} <= states
        for lang in ("en", "ru", "uk"):
            assert group.names_in(lang), (group.id, lang)
    with pytest.raises(NotFoundError, match="groups.yaml"):
        knowledge.group("baltic")


def _refs(extractor, text: str, lang: str, when: str = "2022-03-01"):
    import datetime as dt

    doc = doc_from_text("<t>", text)
    doc.lang = lang
    for block in doc.blocks:
        block.lang = lang
    sentence = segment(doc, extractor.morph, lang)[0]
    return sentence, extractor.resolver.resolve(sentence, dt.date.fromisoformat(when), None)


@pytest.mark.parametrize("text, lang, words, members", [
    ("Poland and the Baltic states asked for consultations.", "en", "Baltic states", ["EST", "LVA", "LTU"]),
    ("Польша и страны Балтии запросили консультации.", "ru", "страны Балтии", ["EST", "LVA", "LTU"]),
    ("Польща та держави Балтії попросили про консультації.", "uk", "держави Балтії", ["EST", "LVA", "LTU"]),
])
def test_resolver_group_gives_a_ref_per_member_coordinated_with_the_list(extractor, text, lang, words, members):
    sentence, refs = _refs(extractor, text, lang)
    grouped = [r for r in refs if r.group == "baltic-states"]
    assert [r.party for r in grouped] == members
    assert {(r.start, r.end, r.kind, r.voice == r.party) for r in grouped} == {(grouped[0].start, grouped[0].end, "state", True)}
    assert " ".join(t.text for t in sentence.tokens[grouped[0].start:grouped[0].end]) == words
    poland = next(r for r in refs if r.party == "POL")
    assert [r.party for r in coordinated(sentence, refs, poland, {"state"})] == ["POL", *members]
    assert [r.party for r in coordinated(sentence, refs, grouped[1], {"state"})] == ["POL", *members]


def test_resolver_group_counts_members_on_the_documents_date(extractor):
    _, refs = _refs(extractor, "The Visegrad Group asked for talks.", "en", when="1992-05-01")
    assert [r.party for r in refs if r.group] == ["POL", "HUN"]
    _, refs = _refs(extractor, "Бухарестская девятка собралась в Варшаве.", "ru", when="2014-01-10")
    assert [r.party for r in refs] == ["POL"]  # the group did not exist yet; Warsaw stands for Poland


@pytest.mark.parametrize("text, lang, parties", [
    ("Chad asked the UN for help.", "en", ["TCD", "UN"]),
    ("Chad Smith said Kazakhstan had asked for help.", "en", ["KAZ"]),  # a given name
    ("Talks with Latin America and Chad went on.", "en", ["TCD"]),  # part of a longer name
    ("The Niger Delta is far from Mali.", "en", ["MLI"]),
    ("A CAR BOMB hit Kabul.", "en", ["AFG"]),  # a headline in capitals
    ("The car of the CAR president was hit.", "en", ["CAF"]),
    ("Того же мнения придерживаются в Казахстане.", "ru", ["KAZ"]),  # a form of "тот"
    ("Делегация Того прибыла в Москву.", "ru", ["TGO", "RUS"]),
    ("Цар гороху правив у казці, а Чад звернувся до ООН.", "uk", ["TCD", "UN"]),
    ("в того и куба одни жители", "ru", []),  # written in lower case: the common words
    ("Таджикистан обратился к ОДКБ.", "ru", ["TJK", "CSTO"]),
    ("Латинская Америка и Чад обратились к ООН.", "ru", ["TCD", "UN"]),  # an adjective first: part of the name
    ("Вчера Чад обратился к ООН.", "ru", ["TCD", "UN"]),
])
def test_resolver_drops_ambiguous_place_names_where_they_read_as_other_words(extractor, text, lang, parties):
    _, refs = _refs(extractor, text, lang)
    assert [r.party for r in refs if r.party and r.kind in {"state", "metonym", "state_adj", "org"}] == parties
