"""Who held which role when (people.yaml), and whom a role speaks for (institutions.yaml)."""

from __future__ import annotations

import pytest

from treatywatch.lookup import people_in
from treatywatch.errors import NotFoundError

ROLE_CASES = [
    # person, date, expected (party, role) or None
    ("tokayev", "2018-06-01", ("KAZ", "parliament_speaker")),
    ("tokayev", "2022-01-05", ("KAZ", "head_of_state")),
    ("tokayev", "2005-01-01", ("KAZ", "foreign_minister")),
    ("nazarbayev", "2018-06-01", ("KAZ", "head_of_state")),
    ("nazarbayev", "2021-01-01", ("KAZ", "security_council")),
    ("otunbayeva", "2010-06-12", ("KGZ", "head_of_state")),
    ("otunbayeva", "2015-01-01", None),
    ("pashinyan", "2017-01-01", None),
    ("pashinyan", "2022-09-13", ("ARM", "head_of_government")),
    ("putin", "2010-06-12", ("RUS", "head_of_government")),
    ("putin", "2022-01-06", ("RUS", "head_of_state")),
    ("medvedev", "2010-06-12", ("RUS", "head_of_state")),
    ("shoigu", "2022-01-06", ("RUS", "defence_minister")),
    ("shoigu", "2025-01-01", ("RUS", "security_council_secretary")),
    ("zas", "2022-09-15", ("CSTO", "secretary_general")),
    ("bordyuzha", "2010-06-14", ("CSTO", "secretary_general")),
    ("tasmagambetov", "2024-08-20", ("CSTO", "secretary_general")),
    ("stoltenberg", "2015-07-28", ("NATO", "secretary_general")),
    ("rasmussen", "2012-11-21", ("NATO", "secretary_general")),
    ("robertson", "2001-09-12", ("NATO", "secretary_general")),
    ("mogherini", "2015-11-17", ("EU", "high_representative")),
    ("kallas", "2022-02-24", ("EST", "head_of_government")),
    ("kallas", "2025-09-10", ("EU", "high_representative")),
    ("duda", "2025-09-10", None),
    ("nawrocki", "2025-09-10", ("POL", "head_of_state")),
    ("davutoglu", "2012-11-21", ("TUR", "foreign_minister")),
    ("erdogan", "2012-11-21", ("TUR", "head_of_government")),
    ("erdogan", "2020-02-28", ("TUR", "head_of_state")),
    ("hollande", "2015-11-17", ("FRA", "head_of_state")),
    ("le-drian", "2015-11-17", ("FRA", "defence_minister")),
]


@pytest.mark.parametrize("person, date, expected", ROLE_CASES)
def test_knowledge_person_role_by_date(knowledge, person, date, expected):
    assert knowledge.person_role(person, date) == expected


def test_knowledge_pashinyan_chairs_the_csto_council_in_2022(knowledge):
    roles = {(r.party, r.role) for r in knowledge.person_roles("pashinyan", "2022-01-06")}
    assert roles == {("ARM", "head_of_government"), ("CSTO", "council_chair")}
    assert ("CSTO", "council_chair") not in {(r.party, r.role) for r in knowledge.person_roles("pashinyan", "2023-03-01")}
    # his state role comes first: he speaks for Armenia unless the text says he speaks as chair
    assert knowledge.person_role("pashinyan", "2022-01-06") == ("ARM", "head_of_government")


def test_knowledge_person_role_without_date_is_the_latest(knowledge):
    assert knowledge.person_role("tokayev") == ("KAZ", "head_of_state")
    assert knowledge.person_role("bordyuzha") == ("CSTO", "secretary_general")
    every = knowledge.person_roles("tokayev")
    assert [r.period.start for r in every] == sorted((r.period.start for r in every), reverse=True)


def test_knowledge_every_role_has_a_source_and_a_known_kind(knowledge):
    for person in knowledge.people():
        assert person.source and person.roles, person.id
        for role in person.roles:
            assert role.source, person.id
            assert knowledge.acts_for(role.role) in ("party", "media")
            assert knowledge.has_party(role.party)


@pytest.mark.parametrize("kind, acts_for", [
    ("head_of_state", "party"), ("spokesperson", "party"), ("embassy", "party"), ("parliament", "party"),
    ("foreign_ministry", "party"), ("secretary_general", "party"), ("press_service", "party"),
    ("legislator", "media"), ("expert", "media"), ("opposition", "media"), ("unnamed_source", "media"),
])
def test_knowledge_acts_for_follows_spec_rule_6(knowledge, kind, acts_for):
    assert knowledge.acts_for(kind) == acts_for


def test_knowledge_people_in_a_sentence_with_their_party_on_the_date(knowledge):
    found = people_in(knowledge, "Премьер-министр Никол Пашинян позвонил Касым-Жомарту Токаеву.", "2022-01-06")
    assert {(p.id, p.party, p.role) for p in found} == {
        ("pashinyan", "ARM", "head_of_government"), ("tokayev", "KAZ", "head_of_state")}
    assert people_in(knowledge, "Nothing to see here.", "2022-01-06") == []


def test_knowledge_unknown_person_is_not_found(knowledge):
    with pytest.raises(NotFoundError, match="unknown person 'nobody'"):
        knowledge.person_role("nobody", "2020-01-01")
