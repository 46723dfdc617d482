"""The basis table comes from data/treaties.yaml, not from code: which articles each
treaty records, whose articles an organization's text means, charters cited whole and
bilateral treaties that give no basis id (spec rule 13)."""

from __future__ import annotations

from treatywatch.extract.slots import TreatyTable


def test_treaty_table_from_the_data(knowledge):
    table = TreatyTable.from_knowledge(knowledge)
    assert table.articles["CST"] == {"2", "4"}
    assert table.articles["NATO"] == {"4", "5"}
    assert table.articles["TEU"] == {"42.7"}
    assert table.treaty_of_org["CSTO"] == "CST"
    assert table.treaty_of_org["NATO"] == "NATO"
    assert table.treaty_of_org["EU"] == "TEU"  # listed before TFEU
    assert "CSTO-Charter" in table.whole
    assert table.bilateral and not table.bilateral & set(table.articles)


def test_extractor_org_ids_are_the_data_organizations(knowledge):
    from treatywatch.extract import shared_extractor

    assert shared_extractor().org_ids == knowledge.organization_ids()
    assert {"CSTO", "NATO", "EU"} <= knowledge.organization_ids()
