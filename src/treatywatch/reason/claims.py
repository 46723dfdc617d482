"""An event as one document asserts it: the input of all reasoning.

A `Claim` pairs a spec event with its stored id and the document it comes from, and
knows how much its source weighs (`rank`): the party itself, then an organization's
body, then the text's own voice, then another state, then media. The ranking is the
spec's rule 5 with the corpus convention for the text's own voice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from treatywatch.model import Event
from treatywatch.reason.parties import requester_and_addressee
from treatywatch.reason.periods import Period, day_period, parse_when

RANK_PARTY, RANK_ORGANIZATION, RANK_TEXT, RANK_OTHER_STATE, RANK_MEDIA = 5, 4, 3, 2, 1
RANK_LABELS = {
    RANK_PARTY: "the party itself",
    RANK_ORGANIZATION: "an organization's body",
    RANK_TEXT: "the text's own voice",
    RANK_OTHER_STATE: "another state",
    RANK_MEDIA: "media",
}
OFFICIAL = RANK_ORGANIZATION  # ranks at or above this speak for a party


@dataclass(frozen=True)
class DocRef:
    id: str
    name: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    event: Event
    doc: DocRef

    @property
    def parties(self) -> tuple[str | None, str | None]:
        return requester_and_addressee(self.event)

    @property
    def period(self) -> Period | None:
        return parse_when(self.event.when)

    @property
    def reported(self) -> Period | None:
        return day_period(self.doc.published) if self.doc.published else None

    def rank(self, organizations: frozenset[str]) -> int:
        source = self.event.source
        if source == "media":
            return RANK_MEDIA
        if source is None:
            return RANK_TEXT
        if source == self.event.actor:
            return RANK_PARTY
        if source in organizations:
            return RANK_ORGANIZATION
        return RANK_OTHER_STATE

    def is_(self, type_: str, polarity: str | None = None, modality: str | None = None) -> bool:
        e = self.event
        return (e.type == type_ and (polarity is None or e.polarity == polarity)
                and (modality is None or e.modality == modality))

    def citations(self, role: str) -> list[dict[str, Any]]:
        """Where this claim is stated: one entry per distinct evidence sentence (one
        without a sentence when the event carries none, so the document is still
        cited)."""
        e = self.event
        base = {
            "event": self.id, "role": role, "type": e.type, "actor": e.actor,
            "target": e.target, "polarity": e.polarity, "modality": e.modality,
            "source": e.source, "when": e.when, "doc": self.doc.id, "name": self.doc.name,
            "outlet": self.doc.outlet,
            "published": self.doc.published.isoformat() if self.doc.published else None,
            "url": self.doc.url,
            "lang": self.doc.lang,
        }
        spans: list = []
        for span in e.evidence:  # a repeated paragraph states the same sentence twice
            if all(span.sentence != kept.sentence for kept in spans):
                spans.append(span)
        spans = spans or [None]
        return [{**base,
                 "sentence": span.sentence if span else None,
                 "start": span.start if span else None,
                 "end": span.end if span else None} for span in spans]


def sort_key(claim: Claim) -> tuple[Any, ...]:
    """Chronological, then stable: event date, report date, id."""
    period = claim.period
    return (period.start if period else dt.date.max,
            claim.doc.published or dt.date.max, claim.id)
