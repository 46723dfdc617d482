"""Golden documents: tests/golden/*.txt through ingest and the extractor, diffed field by
field against tests/golden/expected.jsonl (spec fields only, not evidence or confidence).

The expected lines are written by hand from ../shared/spec/events.md. Every field of
every event must match exactly, `when` included: the texts give exact dates.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treatywatch.model import SPEC_FIELDS

GOLDEN = Path(__file__).parent / "golden"
KEY_FIELDS = ("type", "actor", "target", "polarity", "modality")


def load_expected() -> dict[str, dict]:
    lines = (GOLDEN / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["doc"]: record for record in map(json.loads, filter(str.strip, lines))}


def event_key(event: dict) -> tuple:
    return tuple(event[name] for name in KEY_FIELDS)


def field_diff(expected: dict, got: dict) -> list[str]:
    """Readable differences between an expected and a produced spec line."""
    diffs = []
    if got.get("lang") != expected["lang"]:
        diffs.append(f"lang: expected {expected['lang']!r}, got {got.get('lang')!r}")
    produced = {}
    for event in got["events"]:
        produced.setdefault(event_key(event), []).append(event)
    for key, events in produced.items():
        if len(events) > 1:
            diffs.append(f"{key}: produced {len(events)} times (rule 1: once per key)")
    for want in expected["events"]:
        key = event_key(want)
        matches = produced.pop(key, None)
        if not matches:
            diffs.append(f"missing {key}")
            continue
        for name in SPEC_FIELDS:
            if name not in KEY_FIELDS and matches[0].get(name) != want[name]:
                diffs.append(f"{key}: {name} expected {want[name]!r}, got {matches[0].get(name)!r}")
    diffs.extend(f"unexpected {key}" for key in produced)
    return diffs


def test_every_golden_document_has_an_expected_line():
    documents = {p.name for p in GOLDEN.glob("*.txt")}
    assert documents, "no golden documents"
    assert documents == set(load_expected())


def test_expected_lines_carry_every_spec_field():
    for doc, record in load_expected().items():
        for event in record["events"]:
            assert set(event) == set(SPEC_FIELDS), (doc, sorted(set(event) ^ set(SPEC_FIELDS)))


def test_field_diff_reports_each_kind_of_difference():
    want = {"lang": "en", "events": [dict.fromkeys(SPEC_FIELDS) | {
        "type": "appeal", "actor": "POL", "target": "NATO", "polarity": "positive",
        "modality": "actual", "when": "2025-09-10"}]}
    wrong_date = json.loads(json.dumps(want))
    wrong_date["events"][0]["when"] = "2025-09"
    assert field_diff(want, want) == []
    assert field_diff(want, wrong_date) == [
        "('appeal', 'POL', 'NATO', 'positive', 'actual'): when expected '2025-09-10', got '2025-09'"]
    assert field_diff(want, {"lang": "en", "events": []}) == [
        "missing ('appeal', 'POL', 'NATO', 'positive', 'actual')"]


@pytest.mark.parametrize("name", sorted(load_expected()))
def test_extract_golden(name, extractor):
    from treatywatch.ingest import read_documents
    from treatywatch.model import doc_to_json

    docs = list(read_documents([str(GOLDEN / name)]))
    assert len(docs) == 1 and not isinstance(docs[0], Exception), docs
    got = doc_to_json(extractor(docs[0]))
    diffs = field_diff(load_expected()[name], got)
    assert not diffs, f"{name}:\n  " + "\n  ".join(diffs)
