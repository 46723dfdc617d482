"""The data that flows through treatywatch: documents, their blocks, events, evidence.

Field names of `Event` are those of ../shared/spec/events.md; `to_json` writes exactly
the spec's fields first, then our own (`evidence`, `confidence`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

EVENT_TYPES = ("appeal", "offer", "consultation", "decision", "deployment", "withdrawal")
POLARITIES = ("positive", "negative")
MODALITIES = ("actual", "intended", "conditional", "uncertain")
ASSISTANCE = ("military", "peacekeeping", "consultative", "monitoring", "humanitarian", "unspecified")
OUTCOMES = ("deploy", "mission", "decline", "grant", "invoke")
SPEC_FIELDS = (
    "type", "actor", "target", "polarity", "modality", "source", "when",
    "assistance", "basis", "outcome", "size", "via",
)

BlockKind = Literal["title", "dateline", "body", "furniture"]


@dataclass
class Block:
    """A paragraph-like span of `Doc.text`. Furniture blocks (menus, "read also",
    comments, footers) are kept for offsets but never read for events."""

    start: int
    end: int
    kind: BlockKind = "body"
    lang: str | None = None


@dataclass
class Doc:
    """One input document. `text` is what offsets refer to: the plain text for .txt,
    the main text extracted from HTML for .html."""

    id: str
    text: str
    lang: str | None = None
    blocks: list[Block] = field(default_factory=list)
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    path: str | None = None
    raw_format: str = "txt"  # txt | html | jsonl
    warnings: list[str] = field(default_factory=list)
    events: list["Event"] = field(default_factory=list)

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]

    def readable_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "furniture"]


@dataclass
class Evidence:
    doc: str
    start: int
    end: int
    sentence: str

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Evidence":
        return cls(doc=data["doc"], start=int(data["start"]), end=int(data["end"]),
                   sentence=data["sentence"])


@dataclass
class Event:
    type: str
    actor: str | None
    target: str | None
    polarity: str = "positive"
    modality: str = "actual"
    source: str | None = None
    when: str | None = None
    assistance: str | None = None
    basis: str | None = None
    outcome: str | None = None
    size: int | None = None
    via: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    when_inferred: bool = field(default=False, repr=False, compare=False)  # from context, not the sentence

    @property
    def key(self) -> tuple[str, str | None, str | None, str, str]:
        """The identity the spec scores on (rule 1)."""
        return (self.type, self.actor, self.target, self.polarity, self.modality)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: getattr(self, name) for name in SPEC_FIELDS}
        out["evidence"] = [e.to_json() for e in self.evidence]
        out["confidence"] = round(self.confidence, 3)
        out["when_inferred"] = self.when_inferred  # true: the date comes from the story, not the sentence
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Event":
        kwargs = {name: data.get(name) for name in SPEC_FIELDS}
        kwargs["polarity"] = kwargs["polarity"] or "positive"
        kwargs["modality"] = kwargs["modality"] or "actual"
        evidence = [Evidence.from_json(e) for e in data.get("evidence") or []]
        return cls(**kwargs, evidence=evidence, confidence=float(data.get("confidence", 0.5)),
                   when_inferred=bool(data.get("when_inferred", False)))


def doc_to_json(doc: Doc) -> dict[str, Any]:
    """One spec output line for a document."""
    return {"doc": doc.id, "lang": doc.lang, "events": [e.to_json() for e in doc.events]}
