"""A troop count is stored with a sentence that states it.

An event's size may come from a sentence next to the ones it cites ("О порядка 70
военных пишут и армянские СМИ. Армянский контингент уже отправился"). When no
evidence sentence states the number, the nearest sentence of the same paragraph
that does is added to the evidence, unless it names a state other than the
event's actor and target and not the actor: that number belongs to another
contingent, and the size is left without a sentence (the reasoning then does not
show it).
"""

from __future__ import annotations

from typing import Any

from razdel import sentenize

from treatywatch.lookup import name_index
from treatywatch.model import Doc, Event, Evidence
from treatywatch.reason.sizes import states_size

_STATE_KINDS = ("state", "state_adj", "metonym")


def complete_size_evidence(doc: Doc, knowledge: Any) -> None:
    """Add to each sized event of `doc` a sentence stating its size when none of its
    evidence does (in place)."""
    for event in doc.events:
        if not event.size or not event.evidence:
            continue
        if any(states_size(span.sentence, event.size) for span in event.evidence):
            continue
        found = _nearest_stating(doc, event)
        if found is not None and _may_describe(found.sentence, event, doc.lang, knowledge):
            event.evidence.append(found)


def _nearest_stating(doc: Doc, event: Event) -> Evidence | None:
    anchor = event.evidence[0]
    block = next((b for b in doc.readable_blocks() if b.start <= anchor.start < b.end), None)
    if block is None:
        return None
    text = doc.block_text(block)
    best: tuple[int, Evidence] | None = None
    for piece in sentenize(text):
        start, end = block.start + piece.start, block.start + piece.stop
        if not states_size(piece.text, event.size):
            continue
        distance = min(abs(start - span.start) for span in event.evidence)
        if best is None or distance < best[0]:
            best = (distance, Evidence(anchor.doc, start, end, piece.text))
    return best[1] if best else None


def _may_describe(sentence: str, event: Event, lang: str | None, knowledge: Any) -> bool:
    """False when the sentence names states, none of them the actor, and one
    other than the target: its number is another contingent's."""
    _, mentions = name_index(knowledge).find_text(sentence, lang or "ru")
    named = {m.party for m in mentions if m.kind in _STATE_KINDS and m.party}
    if not named or event.actor in named:
        return True
    return not (named - {event.target})
