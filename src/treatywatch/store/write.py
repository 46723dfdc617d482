"""Writing documents with their events, a batch in one transaction, so an interrupted
ingest leaves whole batches or nothing of them.

Two steps, so that the costly one can run anywhere:

- `document_rows(doc, minhash)` turns an extracted document into the rows to insert
  (ids, periods, requesters, the sentence stating a troop count). It needs nothing
  stored, so a parallel ingest runs it on the workers.
- `write_rows(session, batch, index, published)` is the writer: it finds which texts
  are stored already, links near-duplicates (that needs every stored signature), and
  inserts the rows with one multi-row statement per table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from treatywatch.model import Doc, Event
from treatywatch.reason.parties import requester_and_addressee
from treatywatch.reason.periods import parse_when
from treatywatch.store import search
from treatywatch.store.identity import document_id, event_ids
from treatywatch.store.models import DocumentRow, EventRow, EvidenceRow, StaleRequesterRow
from treatywatch.store.near_duplicates import NearDuplicateIndex, original_key, signature
from treatywatch.store.size_evidence import complete_size_evidence

Status = Literal["new", "duplicate", "near_duplicate"]

# column order of the tuples in DocumentRows (the near-duplicate link is the writer's)
DOCUMENT_COLUMNS = ("id", "name", "url", "outlet", "published", "lang", "title", "text",
                    "raw_format", "blocks", "warnings")
EVENT_COLUMNS = ("id", "doc_id", "type", "actor", "target", "polarity", "modality", "source",
                 "when", "assistance", "basis", "outcome", "size", "via", "confidence",
                 "requester", "addressee", "when_start", "when_end")
EVIDENCE_COLUMNS = ("event_id", "ordinal", "doc_id", "start", "end", "sentence")
_NAME, _URL, _OUTLET, _PUBLISHED = 1, 2, 3, 4


@dataclass(frozen=True)
class IngestResult:
    doc_id: str
    name: str | None
    status: Status
    original: str | None = None  # the stored copy this one duplicates
    events: int = 0


@dataclass(frozen=True)
class DocumentRows:
    """One document as plain tuples, ready to insert: small to send between processes."""
    doc_id: str
    document: tuple  # DOCUMENT_COLUMNS
    events: tuple[tuple, ...]  # EVENT_COLUMNS
    evidence: tuple[tuple, ...]  # EVIDENCE_COLUMNS
    requesters: frozenset[str]
    minhash: bytes  # b"": the writer signs the text if it is not stored already

    @property
    def name(self) -> str | None:
        return self.document[_NAME]

    @property
    def published(self) -> dt.date | None:
        return self.document[_PUBLISHED]

    @property
    def text(self) -> str:
        return self.document[DOCUMENT_COLUMNS.index("text")]


def document_rows(doc: Doc, minhash: bytes | None = None, knowledge: Any = None) -> DocumentRows:
    """The rows of an extracted document. `minhash` is its signature (made here when
    None; b"" leaves it to the writer). With `knowledge`, a troop count that no
    evidence sentence states gets the sentence that does (see size_evidence)."""
    if knowledge is not None and any(e.size for e in doc.events):
        complete_size_evidence(doc, knowledge)
    doc_id = document_id(doc.text)
    document = (doc_id, doc.id, doc.url, doc.outlet, doc.published, doc.lang, doc.title,
                doc.text, doc.raw_format,
                [{"start": b.start, "end": b.end, "kind": b.kind, "lang": b.lang}
                 for b in doc.blocks],
                list(doc.warnings))
    ids = event_ids(doc_id, doc.events)
    events, evidence, requesters = [], [], set()
    for event_id, event in zip(ids, doc.events):
        events.append(_event_row(event_id, doc_id, event))
        if events[-1][15]:
            requesters.add(events[-1][15])
        for ordinal, span in enumerate(event.evidence):
            evidence.append((event_id, ordinal, doc_id, span.start, span.end, span.sentence))
    return DocumentRows(doc_id, document, tuple(events), tuple(evidence), frozenset(requesters),
                        signature(doc.text) if minhash is None else minhash)


def write_rows(session: Session, batch: list[DocumentRows], index: NearDuplicateIndex,
               published: dict[str, dt.date | None],
               links: dict[str, tuple[str, float]]) -> list[IngestResult]:
    """Add a batch to `session` (the caller commits): the outcome of writing each
    document in turn. A text already stored, or met earlier in the batch, is a
    `duplicate` (only a better name is kept). `index`, `published` (every stored
    document's date) and `links` (each stored near-duplicate's original and similarity)
    gain the new documents; if the transaction fails the caller must rebuild them.

    A neighbour's original is the earliest of its circle, so a new document changes it
    only when it comes before that original: no neighbour's circle is searched again."""
    stored = set(session.scalars(select(DocumentRow.id).where(
        DocumentRow.id.in_({rows.doc_id for rows in batch}))))
    pending: dict[str, dict[str, Any]] = {}  # doc_id -> the documents row to insert
    relinked: dict[str, tuple[str, float]] = {}  # stored documents with a new original
    stale: set[str] = set()
    results = []
    for rows in batch:
        doc_id = rows.doc_id
        if doc_id in pending:
            _keep_better_name(pending[doc_id], rows)
            results.append(IngestResult(doc_id, rows.name, "duplicate", doc_id))
            continue
        if doc_id in stored:
            update_duplicate_name(session, doc_id, rows)
            results.append(IngestResult(doc_id, rows.name, "duplicate", doc_id))
            continue
        minhash = rows.minhash or signature(rows.text)
        neighbours = index.neighbours(minhash)
        published[doc_id] = rows.published
        original, similarity = _original_among(doc_id, neighbours, published)
        pending[doc_id] = dict(zip(DOCUMENT_COLUMNS, rows.document), minhash=minhash,
                               duplicate_of=original, similarity=similarity)
        stale.update(rows.requesters)
        key = original_key(rows.published, doc_id)
        for neighbour in sorted(neighbours):
            current = links.get(neighbour, (neighbour,))[0]
            if key < original_key(published.get(current), current):
                link = (doc_id, round(neighbours[neighbour], 4))
                links[neighbour] = link
                if neighbour in pending:
                    pending[neighbour].update(duplicate_of=link[0], similarity=link[1])
                    stale.update(r for r in _requesters(batch, neighbour))
                else:
                    relinked[neighbour] = link
        if original:
            links[doc_id] = (original, similarity)
        index.add(doc_id, minhash)  # later documents of the batch see it
        results.append(IngestResult(doc_id, rows.name, "near_duplicate" if original else "new",
                                    original, len(rows.events)))
    if relinked:
        stale.update(r for r in session.scalars(select(EventRow.requester).where(
            EventRow.doc_id.in_(sorted(relinked)))) if r)
    _insert(session, batch, pending, relinked)
    mark_stale(session, stale)
    session.flush()
    return results


def _requesters(batch: list[DocumentRows], doc_id: str) -> frozenset[str]:
    return next(rows.requesters for rows in batch if rows.doc_id == doc_id)


def _insert(session: Session, batch: list[DocumentRows], pending: dict[str, dict[str, Any]],
            links: dict[str, tuple[str | None, float | None]]) -> None:
    """Multi-row inserts, documents before the rows that refer to them. A link to a
    document of the same batch is set once both are in (foreign keys are checked at
    once)."""
    firsts, seen = [], set()
    for rows in batch:  # the first copy of each new text in the batch
        if rows.doc_id in pending and rows.doc_id not in seen:
            seen.add(rows.doc_id)
            firsts.append(rows)
    if not firsts:
        _relink(session, links)
        return
    later: dict[str, tuple[str | None, float | None]] = {}
    documents = []
    for rows in firsts:
        row = pending[rows.doc_id]
        if row["duplicate_of"] in pending:
            later[rows.doc_id] = (row["duplicate_of"], row["similarity"])
            row = dict(row, duplicate_of=None, similarity=None)
        documents.append(row)
    session.execute(insert(DocumentRow.__table__), documents)
    events = [dict(zip(EVENT_COLUMNS, e)) for rows in firsts for e in rows.events]
    if events:
        session.execute(insert(EventRow.__table__), events)
    evidence = [dict(zip(EVIDENCE_COLUMNS, e)) for rows in firsts for e in rows.evidence]
    if evidence:
        session.execute(insert(EvidenceRow.__table__), evidence)
    search.index_documents(session.connection(),  # the lemma index, in the same transaction
                           [(row["id"], row["lang"], row["title"], row["text"]) for row in documents])
    _relink(session, {**links, **later})


def _relink(session: Session, links: dict[str, tuple[str | None, float | None]]) -> None:
    if not links:
        return
    table = DocumentRow.__table__
    session.execute(
        update(table).where(table.c.id == bindparam("doc")).values(
            duplicate_of=bindparam("original"), similarity=bindparam("sim")),
        [{"doc": doc, "original": original, "sim": sim}
         for doc, (original, sim) in sorted(links.items())])


def update_duplicate_name(session: Session, doc_id: str, rows: DocumentRows | Doc) -> None:
    """The same text under another name: keep the name that sorts first, so the
    stored metadata does not depend on which copy came first."""
    name, url, outlet = _name_url_outlet(rows)
    row = session.get(DocumentRow, doc_id)
    if row is None or name is None:
        return
    if row.name is None or name < row.name:
        row.name = name
        row.url = url or row.url
        row.outlet = outlet or row.outlet


def _keep_better_name(row: dict[str, Any], rows: DocumentRows) -> None:
    name, url, outlet = _name_url_outlet(rows)
    if name is not None and (row["name"] is None or name < row["name"]):
        row.update(name=name, url=url or row["url"], outlet=outlet or row["outlet"])


def _name_url_outlet(rows: DocumentRows | Doc) -> tuple[str | None, str | None, str | None]:
    if isinstance(rows, Doc):
        return rows.id, rows.url, rows.outlet
    return rows.document[_NAME], rows.document[_URL], rows.document[_OUTLET]


def mark_stale(session: Session, requesters: set[str | None]) -> None:
    wanted = sorted(r for r in requesters if r)
    if not wanted:
        return
    marked = set(session.scalars(select(StaleRequesterRow.requester).where(
        StaleRequesterRow.requester.in_(wanted))))
    new = [{"requester": r} for r in wanted if r not in marked]
    if new:
        session.execute(insert(StaleRequesterRow.__table__), new)


def _original_among(doc_id: str, neighbours: dict[str, float],
                    dates: Mapping[str, dt.date | None]) -> tuple[str | None, float | None]:
    if not neighbours:
        return None, None
    best = min([doc_id, *neighbours], key=lambda d: original_key(dates.get(d), d))
    if best == doc_id:
        return None, None
    return best, round(neighbours[best], 4)


def _event_row(event_id: str, doc_id: str, event: Event) -> tuple:
    requester, addressee = requester_and_addressee(event)
    period = parse_when(event.when)
    return (event_id, doc_id, event.type, event.actor, event.target, event.polarity,
            event.modality, event.source, event.when, event.assistance, event.basis,
            event.outcome, event.size, event.via, round(float(event.confidence), 3),
            requester, addressee, period.start if period else None,
            period.end if period else None)
