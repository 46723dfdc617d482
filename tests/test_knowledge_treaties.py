"""Treaties, articles and the spec's basis ids (treaties.yaml)."""

from __future__ import annotations

import pytest

from treatywatch.errors import NotFoundError


@pytest.mark.parametrize("treaty, article, expected", [
    ("CST", None, "CST"), ("CST", 2, "CST-2"), ("CST", "4", "CST-4"), ("CST", 7, None),
    ("NATO", 4, "NATO-4"), ("NATO", 5, "NATO-5"), ("TEU", "42.7", "TEU-42.7"),
    ("TFEU", 222, "TFEU-222"), ("UN", 51, "UN-51"), ("CSTO-Charter", None, "CSTO-Charter"),
    ("RUS-ARM-1997", None, None),  # bilateral: basis null (spec rule 13)
])
def test_knowledge_basis_ids(knowledge, treaty, article, expected):
    assert knowledge.basis(treaty, article) == expected


def test_knowledge_basis_ids_are_the_spec_ones(knowledge):
    spec = {"CST", "CST-2", "CST-4", "NATO-4", "NATO-5", "TEU-42.7", "UN-51", "CSTO-Charter", "TFEU-222"}
    assert spec <= knowledge.basis_ids()
    assert "RUS-ARM-1997" not in knowledge.basis_ids()


def test_knowledge_treaty_records(knowledge):
    cst = knowledge.treaty("CST")
    assert cst.org == "CSTO" and str(cst.signed) == "1992-05-15"
    assert "request" in cst.article(4).summary and "consultations" in cst.article(2).summary
    assert "Договір про колективну безпеку" in cst.all_names()
    with pytest.raises(NotFoundError, match="unknown treaty 'XYZ'"):
        knowledge.treaty("XYZ")


def test_knowledge_bodies_and_forces_belong_to_their_organization(knowledge):
    kinds = {b.id: (b.org, b.kind) for b in knowledge.bodies()}
    assert kinds["csto-collective-security-council"] == ("CSTO", "body")
    assert kinds["csto-collective-peacekeeping-forces"] == ("CSTO", "force")
    assert kinds["nato-north-atlantic-council"] == ("NATO", "body")
    secretariat = knowledge.body("csto-secretariat")
    assert "Секретариат ОДКБ" in secretariat.all_names()
    # expanded with the organization's dictionary form: the name index matches by lemma
    assert "Секретариат Организация Договора о коллективной безопасности" in secretariat.all_names()
    assert not any("{org}" in name for b in knowledge.bodies() for name in b.all_names())


@pytest.mark.parametrize("basis, provides", [
    ("NATO-4", "consultation"), ("CST-2", "consultation"),
    ("NATO-5", "assistance"), ("CST-4", "assistance"), ("TEU-42.7", "assistance"),
])
def test_knowledge_articles_say_what_invoking_them_gives(knowledge, basis, provides):
    assert knowledge.article_of_basis(basis).provides == provides


def test_knowledge_article_of_an_unknown_basis_is_none(knowledge):
    assert knowledge.article_of_basis("NATO-99") is None
    assert knowledge.article_of_basis(None) is None


def test_knowledge_regions_name_places_of_their_state(knowledge):
    regions = {name.text for name in knowledge.party("AZE").regions}
    assert {"Nagorno-Karabakh", "Нагорный Карабах", "Нагірний Карабах"} <= regions
    # a region is a place, never a name of the state itself
    assert not regions & {name.text for name in knowledge.party("AZE").names}
