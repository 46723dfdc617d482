"""The issue's acceptance: ingesting ../shared/corpus/{seeds,dev} gives the verdicts of
the episodes table in ../shared/spec/treaty.md.

Each test runs on a store built by the real extractor from the real documents, and
on stores built from the gold events (SQLite, and PostgreSQL when available), so a
failure tells the reasoning apart from extraction.

The corpus reports Armenia's 2022 appeal without naming an article; two short
reports of our own (below) add the Article 4 / Article 2 disagreement the episode
table mentions, so that the conflict can be checked.
"""

from __future__ import annotations

import datetime as dt

import pytest

from record_fixtures import FreshDatabases, GoldExtractor, corpus_paths
from conftest import DEV, SEEDS
from treatywatch.ingest import doc_from_text, read_documents
from treatywatch.model import Doc, Event, Evidence
from treatywatch.serve.answers import Answers
from treatywatch.store import open_store

ARTICLE_4 = ("Armenia's Foreign Ministry said on Tuesday that Yerevan had formally asked the "
             "Collective Security Treaty Organization for military assistance under Article 4 "
             "of the Collective Security Treaty.")
ARTICLE_2 = ("По данным источника в дипломатических кругах, Армения обратилась в ОДКБ по "
             "статье 2 Договора о коллективной безопасности, то есть лишь за консультациями.")
OUR_REPORTS = [
    ("arm-article4.txt", f"YEREVAN, September 13, 2022\n\n{ARTICLE_4}\n", dt.date(2022, 9, 13),
     ARTICLE_4, dict(source="ARM", modality="actual", basis="CST-4", assistance="military")),
    ("arm-article2.txt", f"МОСКВА, 14 сентября 2022.\n\n{ARTICLE_2}\n", dt.date(2022, 9, 14),
     ARTICLE_2, dict(source="media", modality="uncertain", basis="CST-2",
                     assistance="consultative")),
]


def our_reports(hand_annotated: bool) -> list[Doc]:
    docs = []
    for name, text, published, sentence, fields in OUR_REPORTS:
        doc = doc_from_text(name, text, published=published)
        if hand_annotated:
            start = doc.text.index(sentence)
            doc.events = [Event("appeal", "ARM", "CSTO", when="2022-09-13", confidence=1.0,
                                evidence=[Evidence(name, start, start + len(sentence), sentence)],
                                **fields)]
        docs.append(doc)
    return docs


def build(url: str, mode: str) -> Answers:
    store = open_store(url)
    if mode == "gold":
        extract = GoldExtractor(SEEDS, DEV)
    else:
        from treatywatch.extract import Extractor

        extract = Extractor()
    for doc in read_documents(corpus_paths()):
        if isinstance(doc, Doc):
            store.ingest(doc, extract)
    for doc in our_reports(hand_annotated=mode == "gold"):
        store.ingest(doc, None if mode == "gold" else extract)
    store.refresh_cases()
    return Answers(store)


@pytest.fixture(scope="module", params=[
    "extractor-sqlite", "gold-sqlite", pytest.param("gold-postgresql", marks=pytest.mark.postgres)])
def record(request, tmp_path_factory, shared_corpus):
    mode, backend = request.param.split("-")
    databases = FreshDatabases(backend, tmp_path_factory.mktemp("acceptance"))
    answers = build(databases(), mode)
    yield answers
    answers.close()
    databases.drop_all()


def citations_of(result, **wanted):
    return [e for e in result["evidence"] if all(e.get(k) == v for k, v in wanted.items())]


@pytest.mark.parametrize("state, org", [("TJK", "CSTO"), ("Таджикистан", "ОДКБ"),
                                        ("Tajikistan", "CSTO"), ("tjk", "одкб")])
def test_acceptance_tajikistan_2025_no_appeal_denied_by_the_csto(record, state, org):
    result = record.check(state, org, "2025-11")
    assert result["appeal"] == "denied"
    assert "CSTO" in result["appeal_detail"]["said_by"]
    assert "media" in result["appeal_detail"]["rumoured_by"]
    denials = citations_of(result, type="appeal", polarity="negative", source="CSTO")
    assert {e["name"] for e in denials} >= {"d010.txt", "d018.txt"}
    assert citations_of(result, type="appeal", polarity="positive", modality="uncertain")
    assert result["decision"] is None and result["contributors"] == []


def test_acceptance_russia_2024_no_appeal(record):
    result = record.check("Россия", "CSTO", "2024-08")
    assert result["appeal"] == "not_made"
    assert citations_of(result, type="appeal", polarity="negative", source="CSTO",
                        name="d008.txt")
    assert result["contributors"] == [] and result["decision"] is None


def test_acceptance_kazakhstan_2022_appeal_decision_under_article_4_and_contingents(record):
    result = record.check("Казахстан", "CSTO", "2022-01")
    assert result["appeal"] == "made"
    assert (result["decision"]["outcome"], result["decision"]["basis"]) == ("deploy", "CST-4")
    assert result["decision"]["when"] == "2022-01-06"
    assert result["basis"] == "CST-4"
    contributors = {c["state"]: c for c in result["contributors"]}
    assert set(contributors) == {"RUS", "BLR", "ARM", "TJK", "KGZ"}
    assert {s: c["status"] for s, c in contributors.items()} == dict.fromkeys(contributors, "actual")
    assert (contributors["ARM"]["size"], contributors["KGZ"]["size"],
            contributors["TJK"]["size"]) == (100, 150, 70)
    sizes = {(c["subject"], tuple(v["value"] for v in c["values"]))
             for c in result["conflicts"] if c["field"] == "size"}
    assert ("ARM", (100, 70)) in sizes and ("TJK", (70, 200)) in sizes
    assert result["force"]["withdrawn"] is not None
    findings = {f["rule"]: f["status"] for f in result["findings"]}
    assert findings == {"membership": "ok", "appeal_authority": "ok", "decision_first": "ok",
                        "contributors_members": "ok"}


def test_acceptance_armenia_2022_appeal_a_mission_not_troops_and_the_article_conflict(record):
    result = record.check("Вірменія", "CSTO", "2022-09")
    assert result["appeal"] == "made"
    assert result["decision"]["outcome"] == "mission"
    assert result["contributors"] == []
    [basis] = [c for c in result["conflicts"] if c["field"] == "basis"]
    sides = {side["value"]: {e["name"] for e in side["evidence"]} for side in basis["values"]}
    assert sides == {"CST-4": {"arm-article4.txt"}, "CST-2": {"arm-article2.txt"}}
    assert result["basis"] == "CST-4"  # Armenia's own word outweighs an unnamed source


def test_acceptance_reingest_changes_nothing(record):
    before = record.list_cases()
    store = record.store
    results = [store.ingest(doc) for doc in read_documents(corpus_paths()) if isinstance(doc, Doc)]
    assert {r.status for r in results} == {"duplicate"}
    assert store.refresh_cases() == []
    assert record.list_cases() == before
