"""Troop counts: a size is shown with a sentence that states it, keeps its
modality and source, and moves under a mandate are kept apart from bilateral ones."""

from __future__ import annotations

import datetime as dt

import pytest

from record_fixtures import ORGS, all_gold_paths, claim
from treatywatch.ingest import doc_from_text
from treatywatch.model import Doc, Event, Evidence
from treatywatch.reason.cases import build_cases
from treatywatch.reason.response import judge_contributors
from treatywatch.reason.sizes import numbers_in, states_size
from treatywatch.store import open_store


@pytest.mark.parametrize("sentence, number", [
    ("Kyrgyzstan will send 150 troops.", 150),
    ("около 2,5 тысячи военных", 2500),
    ("близько 2 тис. військових", 2000),
    ("a 2,000-strong force", 2000),
    ("численностью 2 500 человек", 2500),
    ("about 3.000 soldiers", 3000),
    ("півтори сотні: 3 сотні бійців", 300),
])
def test_sizes_read_from_the_sentence(sentence, number):
    assert number in numbers_in(sentence)


@pytest.mark.parametrize("sentence, number", [
    ("Belarus sent its unit too.", 100),
    ("The force of 1,000 arrived.", 100),
    ("In 2022 a unit of 70 arrived.", 2022 * 1000),
])
def test_sizes_not_in_the_sentence(sentence, number):
    assert not states_size(sentence, number)


def _cited(c, sentence):
    c.event.evidence = [Evidence(c.doc.id, 0, len(sentence), sentence)]
    return c


def test_a_size_no_cited_sentence_states_is_not_shown_and_sizes_keep_modality_and_source():
    claims = [
        _cited(claim("a", "2022-01-09", "deployment", "BLR", "KAZ", via="CSTO", source="CSTO",
                     size=100), "Belarus, Armenia and Tajikistan sent their units as well."),
        _cited(claim("b", "2022-01-07", "deployment", "TJK", "KAZ", via="CSTO", source="media",
                     modality="intended", size=70), "Media say Tajikistan will send about 70 troops."),
        _cited(claim("c", "2022-01-08", "deployment", "TJK", "KAZ", via="CSTO", source="TJK",
                     size=200), "Dushanbe said 200 of its soldiers had landed."),
    ]
    contributors, _, conflicts = judge_contributors(claims, "CSTO", ORGS)
    blr, tjk = contributors
    assert (blr["size"], blr["uncited_sizes"], blr["sizes"]) == (None, [100], [])
    assert tjk["size"] == 200
    assert tjk["size_detail"]["modality"] == "actual" and tjk["size_detail"]["source"] == "TJK"
    announced = next(s for s in tjk["sizes"] if s["value"] == 70)
    assert (announced["modality"], announced["source"], announced["weight"]) == \
        ("intended", "media", "media")
    for size in tjk["sizes"]:
        assert size["evidence"] and all(str(size["value"]) in e["sentence"]
                                        for e in size["evidence"])
    [size_conflict] = conflicts
    assert {v["value"] for v in size_conflict["values"]} == {70, 200}


def test_bilateral_moves_are_kept_apart_and_give_no_treaty_finding(knowledge):
    claims = [
        claim("a", "2022-09-14", "appeal", "ARM", "CSTO", source="ARM", when="2022-09-13"),
        claim("a", "2022-09-14", "decision", "CSTO", "ARM", source="CSTO", when="2022-09-13",
              outcome="mission"),
        claim("b", "2022-09-20", "deployment", "RUS", "ARM", source="RUS", when="2022-09-19"),
    ]
    [case] = [c for c in build_cases(claims, knowledge) if c.addressee == "CSTO"]
    verdict = case.verdict
    assert verdict["contributors"] == []
    assert [c["state"] for c in verdict["bilateral"]] == ["RUS"]
    assert "decision_first" not in {f["rule"] for f in verdict["findings"]}


def test_moves_into_an_operation_the_organization_decided_are_under_its_mandate(knowledge):
    claims = [
        claim("a", "2022-01-06", "decision", "CSTO", "KAZ", source="CSTO", when="2022-01-06",
              outcome="deploy"),
        claim("b", "2022-01-07", "deployment", "RUS", "KAZ", source="RUS", when="2022-01-07"),
        claim("b", "2022-01-07", "deployment", "ARM", "KAZ", via="CSTO", when="2022-01-07"),
    ]
    [case] = [c for c in build_cases(claims, knowledge) if c.addressee == "CSTO"]
    assert [(c["state"], c["under"]) for c in case.verdict["contributors"]] == \
        [("ARM", "CSTO"), ("RUS", "CSTO")]
    assert case.verdict["bilateral"] == []


NEXT_TO = ("Armenia's unit has already left for the country. About 70 Armenian servicemen "
           "will guard power plants, the ministry said. Belarus sent its paratroopers too. "
           "The Belarusian contingent numbers 100 soldiers.")


def test_the_store_cites_the_sentence_next_door_that_states_the_size(tmp_path):
    doc = doc_from_text("next.txt", "MINSK, January 8, 2022\n\n" + NEXT_TO + "\n",
                        published=dt.date(2022, 1, 8))

    def span(sentence):
        start = doc.text.index(sentence)
        return Evidence("next.txt", start, start + len(sentence), sentence)

    doc.events = [
        Event("deployment", "ARM", "KAZ", via="CSTO", size=70,
              evidence=[span("Armenia's unit has already left for the country.")]),
        # the 100 is Belarus's: not Armenia's, even next to an Armenian sentence
        Event("deployment", "KAZ", "ARM", size=100,
              evidence=[span("Belarus sent its paratroopers too.")]),
    ]
    with open_store(f"sqlite:///{tmp_path / 'n.sqlite'}") as store:
        store.ingest(doc)
        with store.session() as session:
            from treatywatch.store.models import EvidenceRow, EventRow

            rows = {(e.actor, r.sentence) for e, r in session.query(EventRow, EvidenceRow)
                    .join(EvidenceRow, EvidenceRow.event_id == EventRow.id)}
    assert ("ARM", "About 70 Armenian servicemen will guard power plants, the ministry said.") in rows
    assert not any("100" in sentence for actor, sentence in rows if actor == "KAZ")


@pytest.fixture(scope="module")
def extracted_store(tmp_path_factory, shared_corpus, extractor):
    from treatywatch.ingest import read_documents

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('sizes') / 'all.sqlite'}")
    for doc in read_documents(all_gold_paths()):
        if isinstance(doc, Doc):
            store.ingest(doc, extractor)
    store.refresh_cases()
    yield store
    store.close()


def test_every_size_in_every_case_cites_a_sentence_containing_it(extracted_store):
    from treatywatch.serve.answers import Answers

    answers = Answers(extracted_store)
    shown = 0
    for row in answers.list_cases():
        verdict = answers.get_case(row["id"])["verdict"]
        entries = verdict["contributors"] + verdict["bilateral"] + \
            ([verdict["force"]] if verdict["force"] else [])
        for entry in entries:
            if entry["size"] is not None:
                shown += 1
                assert entry["size_detail"]["evidence"], (row["id"], entry["state"])
            for size in entry["sizes"]:
                for item in size["evidence"]:
                    assert states_size(item["sentence"], size["value"]), (row["id"], item)
        for conflict in verdict["conflicts"]:
            if conflict["field"] == "size":
                for side in conflict["values"]:
                    assert side["evidence"] and all(
                        states_size(e["sentence"], side["value"]) for e in side["evidence"]
                        if e["sentence"]), (row["id"], side)
    assert shown >= 5


def test_a_move_said_to_be_under_an_organization_that_declined_is_bilateral(knowledge):
    claims = [
        claim("a", "2010-06-15", "appeal", "KGZ", "CSTO", source="KGZ", when="2010-06-12"),
        claim("b", "2010-06-17", "decision", "CSTO", "KGZ", source="CSTO", when="2010-06-17",
              outcome="decline"),
        # a report puts the battalion under the organization; the organization sent no one
        claim("c", "2010-06-14", "deployment", "RUS", "KGZ", via="CSTO", source="RUS",
              when="2010-06-13"),
    ]
    [case] = [c for c in build_cases(claims, knowledge) if c.addressee == "CSTO"]
    assert case.verdict["contributors"] == []
    assert [c["state"] for c in case.verdict["bilateral"]] == ["RUS"]
    assert not any("although" in f["message"] for f in case.verdict["findings"])
