"""Which spans of a document to highlight: the evidence of its events."""

from __future__ import annotations

from typing import Any, Callable

from treatywatch.serve.highlight import Span


def event_anchor(event_id: str, ordinal: int = 0) -> str:
    """The fragment id of an event's evidence on its document page (`#ev-...`)."""
    return f"ev-{event_id}" if ordinal == 0 else f"ev-{event_id}-{ordinal}"


def document_spans(document: dict[str, Any],
                   describe: Callable[[dict[str, Any]], str] | None = None) -> list[Span]:
    """One span per evidence item of the document's own events; the first span of each
    event carries the event's anchor, later ones a numbered variant (ids stay unique).
    `describe(event)` gives the mark's title (the pages: in the interface language)."""
    spans = []
    for event in document.get("events") or []:
        label = describe(event) if describe else \
            f"{event.get('type')} {event.get('actor') or '?'} → {event.get('target') or '?'}"
        own = [e for e in event.get("evidence") or [] if e.get("doc") in (None, document["id"])]
        for ordinal, item in enumerate(own):
            spans.append(Span(int(item["start"]), int(item["end"]),
                              event_anchor(str(event.get("id", "")), ordinal), label))
    return spans
