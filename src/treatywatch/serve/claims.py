"""Checking a claim written as a sentence against the record.

The extractor reads the claimed event from the sentence (ru, uk or en); the record's
verdict for that requester, organization and time (`answers.check`) then confirms it,
contradicts it, or cannot judge it. Each judgement carries a reason code (translated
on the pages: `claim.reason.<code>`) and the record it rests on, with its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal

from treatywatch.model import Event

Judgement = Literal["confirms", "contradicts", "cannot_judge"]
CheckFn = Callable[[str, str, str | None], dict[str, Any]]

# The claim types the record's verdict speaks to, in the order a claim is read.
JUDGED_TYPES = ("appeal", "decision", "deployment")


@dataclass
class ClaimCheck:
    claim: str
    judgement: Judgement
    reason: str
    event: Event | None = None
    query: dict[str, str | None] = field(default_factory=dict)
    record: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "judgement": self.judgement,
            "reason": self.reason,
            "claimed_event": self.event.to_json() if self.event else None,
            "query": self.query,
            "record": self.record,
        }


def check_claim(claim: str, events: list[Event], check: CheckFn, when: str | None = None) -> ClaimCheck:
    """Judge `claim` (whose extracted `events` are given) with `check(state, org, when)`.

    `when` is used when the sentence itself gives no time.
    """
    event = _claimed_event(events)
    if event is None:
        reason = "no_event" if not events else "unsupported_type"
        return ClaimCheck(claim, "cannot_judge", reason, events[0] if events else None)
    query = _query_for(event, when)
    if query is None:
        return ClaimCheck(claim, "cannot_judge", "no_parties", event)
    record = check(query["state"], query["org"], query["when"])
    judgement, reason = _judge(event, record)
    return ClaimCheck(claim, judgement, reason, event, query, record)


def _claimed_event(events: list[Event]) -> Event | None:
    for wanted in JUDGED_TYPES:
        for event in events:
            if event.type == wanted:
                return event
    return None


def _query_for(event: Event, when: str | None) -> dict[str, str | None] | None:
    """Whose verdict answers the claim: the requester state and the organization."""
    if event.type == "appeal":
        state, org = event.actor, event.target
    elif event.type == "decision":
        state, org = event.target, event.actor
    else:  # deployment: the host state under the mandate's organization
        state, org = event.target, event.via
    if not state or not org:
        return None
    return {"state": state, "org": org, "when": event.when or when}


def _judge(event: Event, record: dict[str, Any]) -> tuple[Judgement, str]:
    if event.type == "appeal":
        return _judge_appeal(event, record.get("appeal"))
    if event.type == "decision":
        return _judge_decision(event, record.get("decision"))
    return _judge_deployment(event, record.get("contributors") or [])


def _judge_appeal(event: Event, appeal: str | None) -> tuple[Judgement, str]:
    claims_it_happened = event.polarity == "positive"
    if appeal == "made":
        return ("confirms" if claims_it_happened else "contradicts"), "appeal_made"
    if appeal in ("denied", "not_made"):
        return ("contradicts" if claims_it_happened else "confirms"), f"appeal_{appeal}"
    if appeal == "reported":
        return "cannot_judge", "appeal_reported"
    if appeal == "unclear":
        return "cannot_judge", "appeal_unclear"
    return "cannot_judge", "nothing_found"


def _judge_decision(event: Event, decision: Any) -> tuple[Judgement, str]:
    if not decision:
        return "cannot_judge", "no_decision"
    outcome = decision.get("outcome") if isinstance(decision, dict) else decision
    if event.outcome is None or outcome is None:
        return ("confirms" if event.polarity == "positive" else "contradicts"), "decision_taken"
    same = event.outcome == outcome
    if event.polarity == "negative":
        same = not same
    return ("confirms" if same else "contradicts"), "decision_outcome"


def _judge_deployment(event: Event, contributors: list[dict[str, Any]]) -> tuple[Judgement, str]:
    listed = any(c.get("state") == event.actor for c in contributors)
    if listed:
        return ("confirms" if event.polarity == "positive" else "contradicts"), "contributor_listed"
    return "cannot_judge", "contributor_not_listed"


def read_claim(sentence: str) -> list[Event]:
    """The events the extractor reads in one sentence (never raises on text)."""
    from treatywatch.extract import extract_text

    return extract_text(sentence)
