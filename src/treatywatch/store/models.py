"""The tables of the record: documents, their events with evidence, and cases.

Column names of `events` are the spec's (../shared/spec/events.md). Every id derives
from content (see `store/identity.py`), so two stores built from the same documents
hold the same rows whatever the order or time of ingestion. No column records when a
row was written.

Migrations under `store/migrations/versions` create exactly these tables; a test
compares them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID = String(64)
CODE = String(16)


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    """One stored document. `duplicate_of` links a near-duplicate republication to
    the copy that counts; events of linked documents never count in cases."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str | None] = mapped_column(String(512))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    lang: Mapped[str | None] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    raw_format: Mapped[str] = mapped_column(String(16))
    blocks: Mapped[list[Any]] = mapped_column(JSON)
    warnings: Mapped[list[Any]] = mapped_column(JSON)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    duplicate_of: Mapped[str | None] = mapped_column(
        ID, ForeignKey("documents.id"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)


class EventRow(Base):
    """One event of one document. `requester` and `addressee` are derived from the
    spec fields (the state in need, and the organization or state it turns to) and
    `when_start`/`when_end` from `when`, for indexed queries."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    doc_id: Mapped[str] = mapped_column(
        ID, ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(CODE)
    actor: Mapped[str | None] = mapped_column(CODE)
    target: Mapped[str | None] = mapped_column(CODE)
    polarity: Mapped[str] = mapped_column(CODE)
    modality: Mapped[str] = mapped_column(CODE)
    source: Mapped[str | None] = mapped_column(CODE)
    when: Mapped[str | None] = mapped_column(String(32))
    assistance: Mapped[str | None] = mapped_column(CODE)
    basis: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(CODE)
    size: Mapped[int | None] = mapped_column(Integer)
    via: Mapped[str | None] = mapped_column(CODE)
    confidence: Mapped[float] = mapped_column(Float)
    requester: Mapped[str | None] = mapped_column(CODE, index=True)
    addressee: Mapped[str | None] = mapped_column(CODE)
    when_start: Mapped[dt.date | None] = mapped_column(Date)
    when_end: Mapped[dt.date | None] = mapped_column(Date)


class EvidenceRow(Base):
    """A span of a document that states an event: character offsets into
    `documents.text` and the sentence they fall in."""

    __tablename__ = "evidence"

    event_id: Mapped[str] = mapped_column(
        ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(ID, ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)


class CaseRow(Base):
    """An episode merged from the events of many documents, with its verdict.
    `verdict` holds the whole answer (`check --format json` without the question);
    `start`/`end` the period it covers, for `check --when`."""

    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_parties_period", "requester", "addressee", "start"),)

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    requester: Mapped[str] = mapped_column(CODE)
    addressee: Mapped[str] = mapped_column(CODE)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    appeal: Mapped[str] = mapped_column(CODE, index=True)
    basis: Mapped[str | None] = mapped_column(String(32))
    decision: Mapped[str | None] = mapped_column(CODE)
    events: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    verdict: Mapped[dict[str, Any]] = mapped_column(JSON)


class CaseEventRow(Base):
    __tablename__ = "case_events"

    case_id: Mapped[str] = mapped_column(
        String(80), ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[str] = mapped_column(
        ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True)


class CaseNameRow(Base):
    """Every case id ever published, kept so that it answers for good.

    `anchor` is the episode's first evidence (the earliest of its events) when the
    id was first given; `events` every event the id covered while it was a case's
    own id. On each rebuild an id follows its anchor (else the episode holding most
    of its events): `case_id` is the case it answers with now. `status` is
    `current` (it is that case's own id), `merged` (another, older id names the
    episode now) or `retired` (none of its events counts any more); `parts` the
    other cases holding events it covered (an episode split)."""

    __tablename__ = "case_names"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    requester: Mapped[str] = mapped_column(CODE, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    anchor: Mapped[str] = mapped_column(ID)
    events: Mapped[list[Any]] = mapped_column(JSON)
    case_id: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(CODE)
    parts: Mapped[list[Any]] = mapped_column(JSON)


class StaleRequesterRow(Base):
    """Requesters whose cases must be rebuilt: written in the same transaction as
    the document that changed them, cleared in the one that rebuilds them, so an
    interrupted ingest never leaves cases silently out of date."""

    __tablename__ = "stale_requesters"

    requester: Mapped[str] = mapped_column(CODE, primary_key=True)


class MetaRow(Base):
    """The store's own state: `reasoning`, the version of the reasoning its cases
    were built with (cases are rebuilt when the code's differs)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class StoreGenerationRow(Base):
    """One row (id 1): `n` grows with every committed change to the tables above,
    bumped by triggers (see `store/generation.py`); caches of answers are keyed on it."""

    __tablename__ = "store_generation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(Integer)


ALL_TABLES = [DocumentRow, EventRow, EvidenceRow, CaseRow, CaseEventRow, CaseNameRow,
              StaleRequesterRow, MetaRow, StoreGenerationRow]
