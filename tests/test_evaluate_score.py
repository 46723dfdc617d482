"""Scoring as the spec says: one-to-one keys, optional gold, `when` prefixes, per-type figures."""

from __future__ import annotations

import json

import pytest

from treatywatch.errors import DataFileError
from treatywatch.evaluate import load_gold, score

FIELDS = ("type", "actor", "target", "polarity", "modality", "source", "when",
          "assistance", "basis", "outcome", "size", "via")


def ev(type_, actor, target, polarity="positive", modality="actual", **slots) -> dict:
    event = dict.fromkeys(FIELDS)
    event.update(type=type_, actor=actor, target=target, polarity=polarity, modality=modality)
    event.update(slots)
    return event


def doc(name, *events) -> dict:
    return {"doc": name, "lang": "en", "events": list(events)}


def test_evaluate_perfect_prediction():
    gold = [doc("a.txt", ev("appeal", "KAZ", "CSTO"), ev("decision", "CSTO", "KAZ", outcome="deploy"))]
    report = score(gold, gold)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 0, 0)
    assert report.overall.f1 == 1.0
    assert report.summary_line() == "events: P=1.000 R=1.000 F1=1.000"
    assert report.errors == []


def test_evaluate_key_must_match_on_all_five_fields():
    gold = [doc("a.txt", ev("appeal", "KAZ", "CSTO", modality="actual"))]
    predicted = [doc("a.txt", ev("appeal", "KAZ", "CSTO", modality="intended"))]
    report = score(gold, predicted)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)
    [errors] = report.errors
    assert [e["modality"] for e in errors.false_positives] == ["intended"]
    assert [e["modality"] for e in errors.false_negatives] == ["actual"]


def test_evaluate_matching_is_one_to_one():
    gold = [doc("a.txt", ev("appeal", "ARM", "CSTO"))]
    predicted = [doc("a.txt", ev("appeal", "ARM", "CSTO"), ev("appeal", "ARM", "CSTO"))]
    report = score(gold, predicted)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 0)
    assert report.overall.precision == 0.5 and report.overall.recall == 1.0


def test_evaluate_optional_gold_is_neither_fp_nor_fn():
    gold = [doc("a.txt",
                ev("appeal", "TJK", "CSTO"),
                ev("deployment", "RUS", "TJK", optional=True),
                ev("offer", "RUS", "TJK", modality="conditional", optional=True))]
    predicted = [doc("a.txt", ev("appeal", "TJK", "CSTO"), ev("deployment", "RUS", "TJK"))]
    report = score(gold, predicted)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)
    assert report.per_type["deployment"].fp == 0 and report.per_type["offer"].fn == 0


def test_evaluate_optional_twin_does_not_take_the_prediction_from_a_required_event():
    gold = [doc("a.txt", ev("appeal", "KAZ", "CSTO", when="2022-01", optional=True),
                ev("appeal", "KAZ", "CSTO", when="2021-05"))]
    predicted = [doc("a.txt", ev("appeal", "KAZ", "CSTO", when="2022-01-05"))]
    report = score(gold, predicted)
    assert (report.overall.tp, report.overall.fn) == (1, 0)


def test_evaluate_when_is_right_on_prefix_and_unscored_when_gold_is_null():
    gold = [doc("a.txt",
                ev("appeal", "KAZ", "CSTO", when="2022-01"),
                ev("decision", "CSTO", "KAZ", when="2022-01-06"),
                ev("deployment", "RUS", "KAZ", when=None, size=2500))]
    predicted = [doc("a.txt",
                     ev("appeal", "KAZ", "CSTO", when="2022-01-05"),
                     ev("decision", "CSTO", "KAZ", when="2022-01"),
                     ev("deployment", "RUS", "KAZ", when="2022-01-07", size=2000))]
    report = score(gold, predicted)
    assert (report.slots["when"].correct, report.slots["when"].total) == (1, 2)
    assert (report.slots["size"].correct, report.slots["size"].total) == (2, 3)
    assert (report.slots["source"].correct, report.slots["source"].total) == (3, 3)  # null == null
    [errors] = report.errors
    assert sorted((s.field, s.gold, s.predicted) for s in errors.slot_errors) == [
        ("size", 2500, 2000), ("when", "2022-01-06", "2022-01")]


def test_evaluate_pairs_repeated_keys_by_slot_agreement():
    gold = [doc("a.txt", ev("appeal", "KGZ", "CSTO", when="2010-06"), ev("appeal", "KGZ", "CSTO", when="2022-01"))]
    predicted = [doc("a.txt", ev("appeal", "KGZ", "CSTO", when="2022-01-05"), ev("appeal", "KGZ", "CSTO", when="2010-06-12"))]
    report = score(gold, predicted)
    assert report.overall.tp == 2
    assert (report.slots["when"].correct, report.slots["when"].total) == (2, 2)


def test_evaluate_per_type_figures():
    gold = [doc("a.txt", ev("appeal", "KAZ", "CSTO"), ev("appeal", "ARM", "CSTO"), ev("withdrawal", "CSTO", "KAZ"))]
    predicted = [doc("a.txt", ev("appeal", "KAZ", "CSTO"), ev("withdrawal", "RUS", "KAZ"))]
    report = score(gold, predicted)
    appeal, withdrawal = report.per_type["appeal"], report.per_type["withdrawal"]
    assert (appeal.tp, appeal.fp, appeal.fn) == (1, 0, 1)
    assert (withdrawal.tp, withdrawal.fp, withdrawal.fn) == (0, 1, 1)
    assert appeal.precision == 1.0 and appeal.recall == 0.5
    assert appeal.f1 == pytest.approx(2 / 3)
    assert report.overall.f1 == pytest.approx(0.4)  # P=1/2, R=1/3


def test_evaluate_documents_match_by_base_name_and_missing_ones_count():
    gold = [doc("d1.txt", ev("appeal", "KAZ", "CSTO")), doc("d2.txt", ev("offer", "RUS", "KAZ"))]
    predicted = [doc("../corpus/dev/d1.txt", ev("appeal", "KAZ", "CSTO")),
                 doc("stray.txt", ev("consultation", "CSTO", "ARM", source="CSTO",
                                     evidence=[{"doc": "stray.txt", "start": 0, "end": 9, "sentence": "It met."}]))]
    report = score(gold, predicted)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 1)
    assert report.unpredicted_docs == ["d2.txt"]
    assert report.unknown_docs == ["stray.txt"]
    stray = next(e for e in report.errors if e.doc == "stray.txt")
    assert stray.false_positives[0]["evidence"][0]["sentence"] == "It met."


def test_evaluate_nothing_predicted_scores_zero():
    report = score([doc("a.txt", ev("appeal", "KAZ", "CSTO"))], [])
    assert report.summary_line() == "events: P=0.000 R=0.000 F1=0.000"


def test_evaluate_load_gold_reads_and_checks_lines(tmp_path):
    good = tmp_path / "gold.jsonl"
    good.write_text(json.dumps(doc("a.txt", ev("appeal", "KAZ", "CSTO"))) + "\n\n", encoding="utf-8")
    assert load_gold(good)[0]["doc"] == "a.txt"

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(doc("a.txt")) + "\n" + json.dumps(doc("b.txt", ev("plea", "KAZ", "CSTO"))) + "\n")
    with pytest.raises(DataFileError, match=r"bad\.jsonl:2: event 1: type 'plea' is not one of appeal"):
        load_gold(bad)

    twice = tmp_path / "twice.jsonl"
    twice.write_text(json.dumps(doc("a.txt")) + "\n" + json.dumps(doc("dir/a.txt")) + "\n")
    with pytest.raises(DataFileError, match=r"twice\.jsonl:2: document 'a\.txt' already annotated on line 1"):
        load_gold(twice)

    with pytest.raises(DataFileError, match="gold file not found"):
        load_gold(tmp_path / "none.jsonl")


def test_evaluate_scores_the_shared_gold_against_itself(shared_corpus):
    gold = load_gold(shared_corpus / "dev" / "gold.jsonl")
    report = score(gold, gold)
    required = sum(1 for d in gold for e in d["events"] if not e.get("optional"))
    assert report.overall.tp == required and report.overall.fp == 0
    assert all(s.correct == s.total for s in report.slots.values())
