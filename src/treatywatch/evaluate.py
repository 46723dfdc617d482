"""Score predicted events against gold JSON Lines, as ../shared/spec/events.md (Scoring) says.

- Events match one-to-one on (type, actor, target, polarity, modality), per document.
- Gold events marked `"optional": true`: predicting one is not a false positive, missing one
  is not a false negative; they count in neither precision nor recall.
- Precision, recall and F1 are micro averages over all documents, and per type.
- Over matched pairs (optional ones included), each other field is scored on its own:
  `when` is right when the prediction starts with the gold value and is not scored where
  gold is null; every other field is right only when equal.
- Documents are matched by base name. A gold document without prediction counts its
  events as false negatives; a predicted document absent from gold is reported and its
  events count as false positives.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treatywatch.errors import DataFileError
from treatywatch.model import EVENT_TYPES, MODALITIES, POLARITIES

KEY_FIELDS = ("type", "actor", "target", "polarity", "modality")
SLOT_FIELDS = ("source", "when", "assistance", "basis", "outcome", "size", "via")
KEY_DEFAULTS = {"polarity": "positive", "modality": "actual"}


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SlotScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class SlotError:
    field: str
    gold: Any
    predicted: Any
    event: dict[str, Any]  # the gold event of the pair


@dataclass
class DocErrors:
    doc: str
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    false_negatives: list[dict[str, Any]] = field(default_factory=list)
    slot_errors: list[SlotError] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.false_positives or self.false_negatives or self.slot_errors)


@dataclass
class EvalReport:
    overall: PRF
    per_type: dict[str, PRF]
    slots: dict[str, SlotScore]
    errors: list[DocErrors]  # one per document that has any error, in gold order
    documents: int = 0
    unpredicted_docs: list[str] = field(default_factory=list)  # gold docs without prediction
    unknown_docs: list[str] = field(default_factory=list)  # predicted docs absent from gold

    def summary_line(self) -> str:
        o = self.overall
        return f"events: P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f}"


def event_key(event: dict[str, Any]) -> tuple:
    return tuple(event.get(name) or KEY_DEFAULTS.get(name) for name in KEY_FIELDS)


def evidence_sentence(event: dict[str, Any]) -> str | None:
    """The first evidence sentence of an event dict, if it carries one."""
    for evidence in event.get("evidence") or []:
        if isinstance(evidence, dict) and evidence.get("sentence"):
            return evidence["sentence"]
    return None


def slot_correct(name: str, gold: Any, predicted: Any) -> bool | None:
    """Whether one slot is right; None when it is not scored (gold `when` is null)."""
    if name == "when":
        if gold is None:
            return None
        return predicted is not None and str(predicted).startswith(str(gold))
    return gold == predicted


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> EvalReport:
    """Score spec-shaped document dicts ({"doc", "lang", "events"}) against gold ones.
    Documents named twice in a list have their events pooled."""
    gold_docs = _by_base_name(gold)
    predicted_docs = _by_base_name(predicted)
    report = EvalReport(
        overall=PRF(),
        per_type={t: PRF() for t in EVENT_TYPES},
        slots={name: SlotScore() for name in SLOT_FIELDS},
        errors=[],
        documents=len(gold_docs),
    )
    for name, gold_events in gold_docs.items():
        if name not in predicted_docs:
            report.unpredicted_docs.append(name)
        _score_doc(name, gold_events, predicted_docs.get(name, []), report)
    for name, events in predicted_docs.items():
        if name not in gold_docs:
            report.unknown_docs.append(name)
            _score_doc(name, [], events, report)
    return report


def _by_base_name(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    pooled: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        name = os.path.basename(str(doc.get("doc", "")))
        pooled.setdefault(name, []).extend(doc.get("events") or [])
    return pooled


def _score_doc(name: str, gold: list[dict], predicted: list[dict], report: EvalReport) -> None:
    errors = DocErrors(doc=name)
    gold_by_key: dict[tuple, list[dict]] = defaultdict(list)
    predicted_by_key: dict[tuple, list[dict]] = defaultdict(list)
    for event in gold:
        gold_by_key[event_key(event)].append(event)
    for event in predicted:
        predicted_by_key[event_key(event)].append(event)

    for key in list(gold_by_key) + [k for k in predicted_by_key if k not in gold_by_key]:
        golds, predictions = gold_by_key.get(key, []), list(predicted_by_key.get(key, []))
        required = [g for g in golds if not g.get("optional")]
        optional = [g for g in golds if g.get("optional")]
        counts = _type_counts(report, key[0])
        # Required gold first, so that an optional twin never steals a prediction.
        pairs = _pair(required, predictions)
        for counter in counts:
            counter.tp += len(pairs)
            counter.fn += len(required) - len(pairs)
        errors.false_negatives.extend(g for g in required if not any(g is p[0] for p in pairs))
        pairs += _pair(optional, predictions)
        for counter in counts:
            counter.fp += len(predictions)
        errors.false_positives.extend(predictions)
        for gold_event, predicted_event in pairs:
            _score_slots(gold_event, predicted_event, report, errors)
    if errors:
        report.errors.append(errors)


def _type_counts(report: EvalReport, event_type: str) -> list[PRF]:
    if event_type not in report.per_type:
        report.per_type[event_type] = PRF()  # an unknown type predicted: still counted
    return [report.overall, report.per_type[event_type]]


def _pair(golds: list[dict], predictions: list[dict]) -> list[tuple[dict, dict]]:
    """Pair events that share a key, best slot agreement first; paired predictions are
    removed from `predictions`. (Several golds share a key only for distinct episodes,
    rule 10, where the slots tell them apart.)"""
    candidates = sorted(
        ((_agreement(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(predictions)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_gold: set[int] = set()
    used_prediction: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    for _agree, gi, pi in candidates:
        if gi in used_gold or pi in used_prediction:
            continue
        used_gold.add(gi)
        used_prediction.add(pi)
        pairs.append((golds[gi], predictions[pi]))
    for pi in sorted(used_prediction, reverse=True):
        del predictions[pi]
    return pairs


def _agreement(gold: dict, predicted: dict) -> int:
    return sum(1 for name in SLOT_FIELDS if slot_correct(name, gold.get(name), predicted.get(name)))


def _score_slots(gold: dict, predicted: dict, report: EvalReport, errors: DocErrors) -> None:
    for name in SLOT_FIELDS:
        right = slot_correct(name, gold.get(name), predicted.get(name))
        if right is None:
            continue
        slot = report.slots[name]
        slot.total += 1
        if right:
            slot.correct += 1
        else:
            errors.slot_errors.append(SlotError(name, gold.get(name), predicted.get(name), gold))


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold JSON Lines, checked: one object per document with `doc` and a list of
    `events`, each with a known type, polarity and modality. Raises DataFileError
    naming file:line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise DataFileError(f"{path}: gold file not found; give the path of a .jsonl gold file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read gold file ({exc})") from None
    docs: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{where}: bad JSON: {exc.msg} (column {exc.colno})") from None
        _check_gold_doc(doc, where)
        name = os.path.basename(doc["doc"])
        if name in seen:
            raise DataFileError(f"{where}: document {name!r} already annotated on line {seen[name]}; "
                                "merge the two lines")
        seen[name] = number
        docs.append(doc)
    return docs


def _check_gold_doc(doc: Any, where: str) -> None:
    if not isinstance(doc, dict) or not isinstance(doc.get("doc"), str):
        raise DataFileError(f'{where}: expected an object with "doc" (file name) and "events" (list)')
    if not isinstance(doc.get("events"), list):
        raise DataFileError(f'{where}: "events" must be a list (use [] for a document without events)')
    allowed = {"type": EVENT_TYPES, "polarity": POLARITIES, "modality": MODALITIES}
    for index, event in enumerate(doc["events"], start=1):
        if not isinstance(event, dict):
            raise DataFileError(f"{where}: event {index} must be an object")
        for name, values in allowed.items():
            value = event.get(name)
            if value not in values and not (value is None and name in KEY_DEFAULTS):
                raise DataFileError(f"{where}: event {index}: {name} {value!r} is not one of "
                                    f"{', '.join(values)}")
