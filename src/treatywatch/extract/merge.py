"""One event per key per document (spec rule 1), the most direct source (rule 5), and an
announced intention dropped where the same thing is reported done (rule 3)."""

from __future__ import annotations

from treatywatch.model import Event

OUTCOME_PRIORITY = ("invoke", "mission", "deploy", "decline", "grant")


def source_rank(source: str | None, actor: str | None, org_ids: frozenset[str]) -> int:
    """Rule 5: the party itself, an organization's body, the text's own voice, another
    state, media."""
    if source is not None and source == actor:
        return 0
    if source in org_ids:
        return 1
    if source is None:
        return 2
    if source == "media":
        return 4
    return 3


def _when_rank(value: str | None) -> int:
    return -len(value) if value else 1


def merge_events(candidates: list[Event], org_ids: frozenset[str]) -> list[Event]:
    """`org_ids`: the organizations of data/parties.yaml (their bodies rank above states)."""
    groups: dict[tuple, list[Event]] = {}
    for event in candidates:
        groups.setdefault(event.key, []).append(event)
    merged: list[Event] = []
    for key, events in groups.items():
        best = min(events, key=lambda e: source_rank(e.source, e.actor, org_ids))
        out = Event(**{f: getattr(best, f) for f in ("type", "actor", "target", "polarity", "modality", "source")})
        # a date told with the act itself beats one told with a mention of it ("at Turkey's request")
        dated = sorted((e for e in events if e.when), key=lambda e: (e.when_inferred, -e.confidence))
        out.when = dated[0].when if dated else None
        out.size = next((e.size for e in events if e.size), None)
        out.basis = max((e.basis for e in events if e.basis), key=len, default=None)
        kinds = [e.assistance for e in events if e.assistance and e.assistance != "unspecified"]
        out.assistance = kinds[0] if kinds else next((e.assistance for e in events if e.assistance), None)
        outcomes = [e.outcome for e in events if e.outcome]
        out.outcome = min(outcomes, key=OUTCOME_PRIORITY.index) if outcomes else None
        out.via = next((e.via for e in events if e.via), None)
        out.evidence = [ev for e in events for ev in e.evidence]
        seen, unique = set(), []
        for ev in out.evidence:
            if (ev.start, ev.end) not in seen:
                seen.add((ev.start, ev.end))
                unique.append(ev)
        out.evidence = unique
        out.confidence = min(0.95, max(e.confidence for e in events) + 0.05 * (len(unique) - 1))
        merged.append(out)
    return _drop_announced(merged)


# what a clause is for, when the text names the clause but not the help
ASSISTANCE_OF_BASIS = {"CST-2": "consultative", "NATO-4": "consultative", "CST-4": "military",
                       "NATO-5": "military", "TEU-42.7": "military"}


def complete_slots(events: list[Event]) -> list[Event]:
    """Fields one sentence leaves open that the rest of the document settles: a
    consultation held at a state's request is under the clause the state invoked; an
    appeal under Article 5 asks for military help."""
    appeals = {(e.actor, e.target): e for e in events if e.type == "appeal" and e.polarity == "positive"}
    consulted = {(e.target, e.actor) for e in events if e.type == "consultation" and e.polarity == "positive"}
    for e in events:
        if e.type == "consultation" and e.basis is None:
            asked = appeals.get((e.target, e.actor))
            if asked is not None and asked.basis:
                e.basis = asked.basis
        if e.type in {"appeal", "offer", "decision"} and e.assistance == "unspecified" and e.basis in ASSISTANCE_OF_BASIS:
            e.assistance = ASSISTANCE_OF_BASIS[e.basis]
        if e.type == "appeal" and e.assistance == "unspecified" and (e.actor, e.target) in consulted:
            e.assistance = "consultative"  # "the request was made by ..." for the consultations held
        if e.type == "decision" and e.assistance == "unspecified":
            asked = appeals.get((e.target, e.actor))  # a refusal or a grant answers what was asked
            if asked is not None and asked.assistance not in (None, "unspecified"):
                e.assistance = asked.assistance
    return events


def _drop_announced(events: list[Event]) -> list[Event]:
    actual = {(e.type, e.actor, e.target, e.polarity): e for e in events if e.modality == "actual"}
    out = []
    for e in events:
        done = actual.get((e.type, e.actor, e.target, e.polarity))
        if e.modality == "intended" and done is not None:
            done.size = done.size or e.size
            done.evidence.extend(e.evidence)
            continue
        out.append(e)
    return out
