"""Ids derived from content, never from ingestion order or time.

A document's id is the sha256 of its normalized text, so the same text read twice
(under any name) is one document. An event's id hashes the document id, the event's
identity (the spec's key), its `when` (rule 10: the same key in two episodes of one
document) and its rank among events with the same key and `when`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from treatywatch.model import Event

EVENT_ID_LENGTH = 24
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC, one space for any run of whitespace, no leading or trailing space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def event_ids(doc_id: str, events: list[Event]) -> list[str]:
    """One id per event, stable under reordering of events with distinct keys."""
    seen: dict[str, int] = {}
    ids = []
    for event in events:
        key = "|".join(str(part) for part in (*event.key, event.when or ""))
        rank = seen.get(key, 0)
        seen[key] = rank + 1
        digest = hashlib.sha256(f"{doc_id}|{key}|{rank}".encode("utf-8")).hexdigest()
        ids.append(digest[:EVENT_ID_LENGTH])
    return ids
