"""Writing one document with its events: a single transaction, so an interrupted
ingest leaves either the whole document or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from treatywatch.model import Doc, Event
from treatywatch.reason.parties import requester_and_addressee
from treatywatch.reason.periods import parse_when
from treatywatch.store import search
from treatywatch.store.identity import event_ids
from treatywatch.store.models import DocumentRow, EventRow, EvidenceRow, StaleRequesterRow
from treatywatch.store.near_duplicates import NearDuplicateIndex, original_key

Status = Literal["new", "duplicate", "near_duplicate"]


@dataclass(frozen=True)
class IngestResult:
    doc_id: str
    name: str | None
    status: Status
    original: str | None = None  # the stored copy this one duplicates
    events: int = 0


def update_duplicate_name(session: Session, doc_id: str, doc: Doc) -> None:
    """The same text under another name: keep the name that sorts first, so the
    stored metadata does not depend on which copy came first."""
    row = session.get(DocumentRow, doc_id)
    if row is None or doc.id is None:
        return
    if row.name is None or doc.id < row.name:
        row.name = doc.id
        row.url = doc.url or row.url
        row.outlet = doc.outlet or row.outlet


def write_document(session: Session, doc_id: str, doc: Doc, minhash: bytes,
                   index: NearDuplicateIndex, published: dict[str, dt.date | None]) -> IngestResult:
    """Add a new document and its events to `session` (the caller commits).

    `index` holds the signatures of the documents already stored and `published`
    their dates; neither is changed here, so a rolled-back transaction leaves them
    right. Near-duplicate links of neighbours are recomputed, since the new document
    may be the earlier copy.
    """
    neighbours = index.neighbours(minhash)
    dates = dict(published)
    dates[doc_id] = doc.published
    original, similarity = _original_among(doc_id, neighbours, dates)
    row = DocumentRow(
        id=doc_id, name=doc.id, url=doc.url, outlet=doc.outlet, published=doc.published,
        lang=doc.lang, title=doc.title, text=doc.text, raw_format=doc.raw_format,
        blocks=[{"start": b.start, "end": b.end, "kind": b.kind, "lang": b.lang}
                for b in doc.blocks],
        warnings=list(doc.warnings), minhash=minhash,
        duplicate_of=original, similarity=similarity)
    session.add(row)
    session.flush()
    ids = event_ids(doc_id, doc.events)
    stale = set()
    for event_id, event in zip(ids, doc.events):
        session.add(_event_row(event_id, doc_id, event))
        stale.add(requester_and_addressee(event)[0])
    session.flush()
    for event_id, event in zip(ids, doc.events):
        for ordinal, evidence in enumerate(event.evidence):
            session.add(EvidenceRow(event_id=event_id, ordinal=ordinal, doc_id=doc_id,
                                    start=evidence.start, end=evidence.end,
                                    sentence=evidence.sentence))
    for neighbour, _ in sorted(neighbours.items()):
        circle = index.neighbours_of(neighbour)
        circle[doc_id] = neighbours[neighbour]
        target, sim = _original_among(neighbour, circle, dates)
        neighbour_row = session.get(DocumentRow, neighbour)
        if neighbour_row is not None and neighbour_row.duplicate_of != target:
            neighbour_row.duplicate_of = target
            neighbour_row.similarity = sim
            stale.update(session.scalars(
                select(EventRow.requester).where(EventRow.doc_id == neighbour)))
    search.index_document(session.connection(), doc_id, doc.lang, doc.title, doc.text)
    mark_stale(session, stale)
    session.flush()
    status: Status = "near_duplicate" if original else "new"
    return IngestResult(doc_id, doc.id, status, original, len(doc.events))


def mark_stale(session: Session, requesters: set[str | None]) -> None:
    for requester in sorted(r for r in requesters if r):
        if session.get(StaleRequesterRow, requester) is None:
            session.add(StaleRequesterRow(requester=requester))


def _original_among(doc_id: str, neighbours: dict[str, float],
                    dates: dict[str, dt.date | None]) -> tuple[str | None, float | None]:
    if not neighbours:
        return None, None
    best = min([doc_id, *neighbours], key=lambda d: original_key(dates.get(d), d))
    if best == doc_id:
        return None, None
    return best, round(neighbours[best], 4)


def _event_row(event_id: str, doc_id: str, event: Event) -> EventRow:
    requester, addressee = requester_and_addressee(event)
    period = parse_when(event.when)
    return EventRow(
        id=event_id, doc_id=doc_id, type=event.type, actor=event.actor, target=event.target,
        polarity=event.polarity, modality=event.modality, source=event.source,
        when=event.when, assistance=event.assistance, basis=event.basis,
        outcome=event.outcome, size=event.size, via=event.via,
        confidence=round(float(event.confidence), 3),
        requester=requester, addressee=addressee,
        when_start=period.start if period else None,
        when_end=period.end if period else None)
