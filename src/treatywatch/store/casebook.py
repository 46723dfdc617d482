"""Cases kept in step with the events: stored events become claims, the reasoning
builds cases for the requesters marked stale, and the rows are replaced in one
transaction."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from treatywatch.model import Event, Evidence
from treatywatch.reason.cases import REASONING_VERSION, Case, build_cases
from treatywatch.reason.claims import Claim, DocRef
from treatywatch.store import case_names
from treatywatch.store.models import (
    CaseEventRow,
    CaseRow,
    DocumentRow,
    EventRow,
    EvidenceRow,
    MetaRow,
    StaleRequesterRow,
)

SPEC_COLUMNS = ("type", "actor", "target", "polarity", "modality", "source", "when",
                "assistance", "basis", "outcome", "size", "via")
_CHUNK = 500


def stale_requesters(session: Session) -> list[str]:
    return list(session.scalars(select(StaleRequesterRow.requester).order_by(
        StaleRequesterRow.requester)))


def built_with_other_reasoning(session: Session) -> bool:
    """True when the stored cases come from another version of the reasoning."""
    row = session.get(MetaRow, "reasoning")
    has_cases = session.scalar(select(CaseRow.id).limit(1)) is not None
    return has_cases and (row is None or row.value != REASONING_VERSION)


def record_reasoning_version(session: Session) -> None:
    row = session.get(MetaRow, "reasoning")
    if row is None:
        session.add(MetaRow(key="reasoning", value=REASONING_VERSION))
    else:
        row.value = REASONING_VERSION


def mark_all_stale(session: Session) -> None:
    known = set(stale_requesters(session))
    for requester in session.scalars(select(EventRow.requester).distinct()):
        if requester and requester not in known:
            session.add(StaleRequesterRow(requester=requester))


def rebuild_stale(session: Session, knowledge: Any) -> list[str]:
    """Rebuild the cases of every stale requester (the caller commits); the
    requesters rebuilt."""
    requesters = stale_requesters(session)
    if not requesters:
        return []
    claims = [claim for chunk in _chunks(requesters) for claim in load_claims(session, chunk)]
    namer = case_names.namer_for(session, requesters, {c.id: c for c in claims})
    cases = build_cases(claims, knowledge, name=namer)
    for chunk in _chunks(requesters):
        old = select(CaseRow.id).where(CaseRow.requester.in_(chunk))
        session.execute(delete(CaseEventRow).where(CaseEventRow.case_id.in_(old)))
        session.execute(delete(CaseRow).where(CaseRow.requester.in_(chunk)))
    session.flush()
    for case in cases:
        session.add(_case_row(case))
    session.flush()
    for case in cases:
        session.add_all(CaseEventRow(case_id=case.id, event_id=e) for e in case.event_ids)
    namer.apply(session)
    for chunk in _chunks(requesters):
        session.execute(delete(StaleRequesterRow).where(StaleRequesterRow.requester.in_(chunk)))
    record_reasoning_version(session)
    session.flush()
    return requesters


def load_claims(session: Session, requesters: list[str]) -> list[Claim]:
    """Events of these requesters from documents that count (not near-duplicates)."""
    rows = session.execute(
        select(EventRow, DocumentRow.id, DocumentRow.name, DocumentRow.outlet,
               DocumentRow.published, DocumentRow.url, DocumentRow.lang)
        .join(DocumentRow, DocumentRow.id == EventRow.doc_id)
        .where(EventRow.requester.in_(requesters), DocumentRow.duplicate_of.is_(None))
    ).all()
    evidence = evidence_by_event(session, select(EventRow.id).where(
        EventRow.requester.in_(requesters)))
    docs: dict[str, DocRef] = {}
    claims = []
    for event_row, doc_id, name, outlet, published, url, lang in rows:
        doc = docs.setdefault(doc_id, DocRef(doc_id, name, outlet, published, url, lang))
        claims.append(Claim(event_row.id, row_event(event_row, evidence.get(event_row.id, [])),
                            doc))
    return claims


def evidence_by_event(session: Session, event_ids_query: Any) -> dict[str, list[Evidence]]:
    found: dict[str, list[Evidence]] = defaultdict(list)
    rows = session.scalars(select(EvidenceRow).where(EvidenceRow.event_id.in_(event_ids_query))
                           .order_by(EvidenceRow.event_id, EvidenceRow.ordinal))
    for row in rows:
        found[row.event_id].append(Evidence(row.doc_id, row.start, row.end, row.sentence))
    return found


def row_event(row: EventRow, evidence: list[Evidence]) -> Event:
    return Event(**{name: getattr(row, name) for name in SPEC_COLUMNS},
                 evidence=evidence, confidence=row.confidence)


def _case_row(case: Case) -> CaseRow:
    verdict = case.verdict
    decision = verdict.get("decision")
    return CaseRow(
        id=case.id, requester=case.requester, addressee=case.addressee,
        start=case.start, end=case.end, appeal=verdict["appeal"], basis=verdict["basis"],
        decision=decision["outcome"] if decision else None,
        events=verdict["events"], documents=verdict["documents"], verdict=verdict)


def _chunks(items: list[str], size: int = _CHUNK) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
