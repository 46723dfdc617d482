"""The bundled sample corpus (samples/): its gold is complete and valid, its README
agrees with it, and the real pipeline (ingest + extractor) scores well on it.

samples/gold.jsonl is annotated by hand from ../shared/spec/events.md; see
samples/README.md for what each document exercises.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from treatywatch.model import ASSISTANCE, EVENT_TYPES, MODALITIES, OUTCOMES, POLARITIES, SPEC_FIELDS

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GOLD = SAMPLES / "gold.jsonl"
NOT_DOCUMENTS = {"README.md", "gold.jsonl"}
MIN_F1 = 0.80

PARTY = re.compile(r"^(?:[A-Z]{3}|CSTO|NATO|EU|UN|SCO|CIS|OSCE)$")
WHEN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
BASIS = re.compile(r"^(?:CST(?:-\d+)?|NATO-\d+|TEU-42\.7|UN-51|CSTO-Charter|TFEU-222)$")


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.name not in NOT_DOCUMENTS)


def sample_doc_ids() -> list[str]:
    """Document ids as the spec names them: the file name, or a JSON Lines record's id."""
    ids = []
    for path in sample_paths():
        if path.suffix == ".jsonl":
            ids += [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip()]
        else:
            ids.append(path.name)
    return ids


def key(event: dict) -> tuple:
    return (event["type"], event["actor"], event["target"], event["polarity"], event["modality"])


# The gold itself.

def test_every_sample_has_a_gold_line_and_every_gold_line_a_sample():
    gold_docs = [record["doc"] for record in load_gold()]
    assert len(gold_docs) == len(set(gold_docs)), "a document has two gold lines"
    ids = sample_doc_ids()
    assert len(ids) == len(set(ids)), "two samples share an id"
    assert set(ids) - set(gold_docs) == set(), "samples without gold"
    assert set(gold_docs) - set(ids) == set(), "gold lines without a sample"


def test_jsonl_records_have_the_documented_fields():
    for path in SAMPLES.glob("*.jsonl"):
        if path.name in NOT_DOCUMENTS:
            continue
        for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
            record = json.loads(line)
            assert set(record) == {"id", "url", "published", "title", "text"}, record.get("id")
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["published"]), record["id"]


@pytest.mark.parametrize("record", load_gold(), ids=lambda r: r["doc"])
def test_gold_line_follows_the_spec(record):
    assert record["lang"] in {"ru", "uk", "en"}
    keys = [key(e) for e in record["events"]]
    assert len(keys) == len(set(keys)), "rule 1: one event per key (no episode repeats in samples)"
    for event in record["events"]:
        where = (record["doc"], key(event))
        assert set(event) - {"optional"} == set(SPEC_FIELDS), where
        assert event["type"] in EVENT_TYPES and event["polarity"] in POLARITIES, where
        assert event["modality"] in MODALITIES, where
        assert PARTY.match(event["actor"]) and PARTY.match(event["target"]), where
        assert event["actor"] != event["target"], where
        assert event["source"] in (None, "media") or PARTY.match(event["source"]), where
        assert event["when"] is None or WHEN.match(event["when"]), where
        assert event["basis"] is None or BASIS.match(event["basis"]), where
        if event["type"] in {"appeal", "offer", "decision"}:
            assert event["assistance"] in ASSISTANCE, where
        else:
            assert event["assistance"] is None, where
        if event["type"] == "decision":
            assert event["outcome"] in OUTCOMES, where
        else:
            assert event["outcome"] is None, where
        if event["type"] not in {"deployment", "withdrawal"}:
            assert event["size"] is None, where
        if event["type"] not in {"deployment", "withdrawal", "offer"}:
            assert event["via"] is None, where


def test_cp1251_sample_is_really_cp1251():
    raw = (SAMPLES / "s05_kgz_2010_cp1251.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "Отунбаева" in raw.decode("cp1251")


def test_readme_table_matches_files_and_gold():
    rows = re.findall(r"^\| (\S+?)(?: → (\S+))? \| (ru|uk|en) \| .+ \| (\d+)(?: \((\d+) optional\))? \|$",
                      (SAMPLES / "README.md").read_text(encoding="utf-8"), flags=re.M)
    gold = {record["doc"]: record for record in load_gold()}
    listed = {}
    for file, record_id, lang, count, optional in rows:
        doc = record_id or file
        assert (SAMPLES / file).is_file(), file
        listed[doc] = (lang, int(count), int(optional or 0))
    assert set(listed) == set(gold)
    for doc, (lang, count, optional) in listed.items():
        events = gold[doc]["events"]
        assert (lang, count, optional) == (
            gold[doc]["lang"], len(events), sum(bool(e.get("optional")) for e in events)), doc


# The pipeline on the samples.

@pytest.fixture(scope="module")
def predicted(extractor) -> list[dict]:
    from treatywatch.ingest import read_documents
    from treatywatch.model import doc_to_json

    out = []
    for item in read_documents([str(p) for p in sample_paths()]):
        assert not isinstance(item, Exception), f"sample could not be read: {item}"
        line = doc_to_json(extractor(item))
        line["doc"] = Path(line["doc"]).name  # a file's id is its name, whatever path was given
        out.append(line)
    return out


def test_pipeline_reads_every_sample(predicted):
    assert sorted(line["doc"] for line in predicted) == sorted(sample_doc_ids())


def test_pipeline_detects_each_sample_language(predicted):
    gold = {record["doc"]: record["lang"] for record in load_gold()}
    wrong = {line["doc"]: line["lang"] for line in predicted if line["lang"] != gold[line["doc"]]}
    assert wrong == {}


def test_event_f1_on_samples(predicted):
    from treatywatch.evaluate import score

    report = score(load_gold(), predicted)
    assert report.unknown_docs == [] and report.unpredicted_docs == []
    missed = {e.doc: len(e.false_negatives) for e in report.errors if e.false_negatives}
    spurious = {e.doc: len(e.false_positives) for e in report.errors if e.false_positives}
    assert report.overall.f1 >= MIN_F1, (
        f"{report.summary_line()} < {MIN_F1}; missed per doc {missed}; spurious per doc {spurious}")


def test_no_denied_or_rumoured_appeal_comes_out_as_fact(predicted):
    by_doc = {line["doc"]: {key(e) for e in line["events"]} for line in predicted}
    wrong = []
    for record in load_gold():
        gold_keys = {key(e) for e in record["events"]}
        for event in record["events"]:
            denied_or_rumoured = event["polarity"] == "negative" or event["modality"] == "uncertain"
            if event["type"] != "appeal" or not denied_or_rumoured:
                continue
            as_fact = ("appeal", event["actor"], event["target"], "positive", "actual")
            if as_fact not in gold_keys and as_fact in by_doc.get(record["doc"], set()):
                wrong.append((record["doc"], as_fact))
    assert wrong == []
