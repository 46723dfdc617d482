"""Extraction quality on the shared corpora (../shared/corpus), scored as the spec's
Scoring section says. The floors are the issue's: seeds and dev 0.95, news 0.85 (0.905
when last measured; the issue's acceptance target for news is 0.90)."""

from __future__ import annotations

import pytest

from conftest import DEV, SEEDS, SHARED, corpus_files

NEWS = SHARED / "corpus" / "news"

FLOORS = {"seeds": 0.95, "dev": 0.95, "news": 0.85}
NO_EVENT_DOCS = ("d022.txt", "d027.txt", "d031.txt", "d035.txt")  # exercises, a private call, treaty text


def _predict(folder, extractor):
    from treatywatch.ingest import read_documents
    from treatywatch.model import doc_to_json

    docs = [d for d in read_documents([str(p) for p in corpus_files(folder)])]
    assert all(not isinstance(d, Exception) for d in docs), docs
    return [doc_to_json(extractor(d)) for d in docs]


@pytest.fixture(scope="module")
def predictions(shared_corpus, extractor):
    return {"seeds": _predict(SEEDS, extractor), "dev": _predict(DEV, extractor), "news": _predict(NEWS, extractor)}


@pytest.mark.parametrize("name, folder", [("seeds", SEEDS), ("dev", DEV), ("news", NEWS)])
def test_extract_corpus_event_f1_meets_floor(predictions, name, folder):
    from treatywatch.evaluate import load_gold, score

    report = score(load_gold(folder / "gold.jsonl"), predictions[name])
    assert report.overall.f1 >= FLOORS[name], report.summary_line()


@pytest.mark.parametrize("name, folder", [("seeds", SEEDS), ("dev", DEV), ("news", NEWS)])
def test_extract_corpus_never_turns_denied_or_rumoured_appeal_into_fact(predictions, name, folder):
    from treatywatch.evaluate import load_gold

    gold = {g["doc"]: g for g in load_gold(folder / "gold.jsonl")}
    wrong = []
    for doc in predictions[name]:
        gold_events = gold[doc["doc"]]["events"]
        doubtful = {(e["actor"], e["target"]) for e in gold_events if e["type"] == "appeal"
                    and (e["polarity"] == "negative" or e["modality"] == "uncertain")}
        asserted = {(e["actor"], e["target"]) for e in gold_events if e["type"] == "appeal"
                    and e["polarity"] == "positive" and e["modality"] == "actual"}
        for e in doc["events"]:
            pair = (e["actor"], e["target"])
            if e["type"] == "appeal" and e["polarity"] == "positive" and e["modality"] == "actual" \
                    and pair in doubtful and pair not in asserted:
                wrong.append((doc["doc"], pair, e["evidence"][0]["sentence"]))
    assert wrong == []


def test_extract_corpus_documents_without_events_stay_empty(predictions):
    by_doc = {d["doc"]: d for d in predictions["dev"]}
    assert {name: by_doc[name]["events"] for name in NO_EVENT_DOCS} == {name: [] for name in NO_EVENT_DOCS}


def test_extract_corpus_page_furniture_gives_no_evidence(predictions):
    """'Read also' lists, sidebars and comments mention appeals: none may be evidence."""
    furniture_words = ("Читайте также", "Читайте також", "Related", "Comments", "Комментарии", "Most read")
    for name in ("seeds", "dev"):
        for doc in predictions[name]:
            for event in doc["events"]:
                for ev in event["evidence"]:
                    assert not any(w in ev["sentence"] for w in furniture_words), (doc["doc"], ev["sentence"])


def test_extract_corpus_every_event_has_evidence_offsets(predictions, shared_corpus):
    from treatywatch.ingest import read_documents

    texts = {d.id: d.text for d in read_documents([str(p) for p in corpus_files(DEV)])}
    for doc in predictions["dev"]:
        for event in doc["events"]:
            assert event["evidence"], event
            for ev in event["evidence"]:
                assert texts[doc["doc"]][ev["start"]:ev["end"]] == ev["sentence"]
