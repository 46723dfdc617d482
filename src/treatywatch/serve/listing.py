"""The record's lists as the pages, the API and the downloads show them: cases, events
and documents, filtered, sorted and paged, each row a flat JSON-ready dict.

    list_events(answers, filters, sort="-when", limit=100, offset=0)  -> Listing
    Listing.rows, .total (rows matching the filters), .limit, .offset

Rows of one list always have the keys of its COLUMNS, in that order, so that a page,
its JSON and its CSV or Parquet download carry the same rows. Sorting puts missing
values last in either direction and breaks ties by id, so a page is stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from sqlalchemy import Select, func, select
from sqlalchemy.orm import load_only

from treatywatch.errors import ConfigError
from treatywatch.reason.periods import Period, parse_when
from treatywatch.store.casebook import SPEC_COLUMNS
from treatywatch.store.models import CaseEventRow, DocumentRow, EventRow, EvidenceRow

CASE_COLUMNS = ("id", "requester", "requester_name", "addressee", "addressee_name", "start",
                "end", "appeal", "basis", "decision", "events", "documents")
EVENT_COLUMNS = ("id", *SPEC_COLUMNS, "confidence", "requester", "addressee", "case", "doc",
                 "doc_name", "title", "outlet", "published", "lang", "duplicate_of", "sentence")
# The columns an event row is read from (plain rows, not ORM objects: a page may be long)
EVENT_FIELDS = (EventRow.id, *(getattr(EventRow, name) for name in SPEC_COLUMNS),
                EventRow.confidence, EventRow.requester, EventRow.addressee)
DOCUMENT_FIELDS = (DocumentRow.id.label("doc"), DocumentRow.name.label("doc_name"),
                   DocumentRow.title, DocumentRow.outlet, DocumentRow.published,
                   DocumentRow.lang, DocumentRow.duplicate_of)
DOCUMENT_COLUMNS = ("id", "name", "title", "outlet", "published", "lang", "url", "events",
                    "duplicate_of")

CASE_SORTS = ("start", "end", "requester", "addressee", "appeal", "basis", "decision",
              "events", "documents", "id")
EVENT_SORTS = ("when", "type", "actor", "target", "polarity", "modality", "source", "size",
               "confidence", "case", "outlet", "published")
DOCUMENT_SORTS = ("published", "title", "name", "outlet", "lang", "events")
DEFAULT_SORTS = {"cases": "start", "events": "when", "documents": "published"}


@dataclass(frozen=True)
class Listing:
    rows: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    sort: str


def parse_sort(value: str | None, table: str) -> tuple[str, bool]:
    """(column, descending) of a `sort` value such as `-published`."""
    value = value or DEFAULT_SORTS[table]
    return value.lstrip("-"), value.startswith("-")


# --- cases ------------------------------------------------------------------------

def list_cases(answers: Any, filters: Mapping[str, Any], sort: str | None = None,
               limit: int = 100, offset: int = 0) -> Listing:
    """Cases through `answers.list_cases` (the CLI's filters), sorted and paged here:
    a record holds few enough episodes to sort them in memory."""
    key, descending = parse_sort(sort, "cases")
    rows = sorted(answers.list_cases(dict(filters)), key=lambda r: r["id"])
    shown = {"requester": "requester_name", "addressee": "addressee_name"}.get(key, key)

    def value(row: dict[str, Any]) -> Any:  # parties sort by the name the page shows
        return row.get(shown) if row.get(shown) is not None else row.get(key)

    present = [r for r in rows if value(r) is not None]
    ordered = sorted(present, key=value, reverse=descending) + [r for r in rows if value(r) is None]
    page = ordered[offset:offset + limit]
    return Listing([{c: r.get(c) for c in CASE_COLUMNS} for r in page], len(rows), limit, offset,
                   sort or DEFAULT_SORTS["cases"])


# --- events -----------------------------------------------------------------------

def _case_of_event() -> Any:
    return (select(CaseEventRow.case_id).where(CaseEventRow.event_id == EventRow.id)
            .order_by(CaseEventRow.case_id).limit(1).scalar_subquery())


def list_events(answers: Any, filters: Mapping[str, Any], sort: str | None = None,
                limit: int = 100, offset: int = 0) -> Listing:
    """Events of every stored document (near-duplicates included, marked by
    `duplicate_of`), with their document and the case they count in."""
    key, descending = parse_sort(sort, "events")
    case = _case_of_event().label("case")
    query: Select = select(EventRow.id).join(DocumentRow, DocumentRow.id == EventRow.doc_id)
    if filters.get("actor"):
        query = query.where(EventRow.requester == answers.resolve_state(str(filters["actor"])))
    if filters.get("org"):
        query = query.where(EventRow.addressee == answers.resolve_org(str(filters["org"])))
    # an event's own date, else the date of the report that carries it
    starts = func.coalesce(EventRow.when_start, DocumentRow.published)
    ends = func.coalesce(EventRow.when_end, DocumentRow.published)
    if filters.get("from"):
        query = query.where(ends >= _period(filters["from"], "from").start)
    if filters.get("to"):
        query = query.where(starts <= _period(filters["to"], "to").end)
    for name in ("type", "polarity", "modality"):
        if filters.get(name):
            query = query.where(getattr(EventRow, name) == filters[name])
    derived = {"when": starts, "case": _case_of_event(), "outlet": DocumentRow.outlet,
               "published": DocumentRow.published}
    column = derived[key] if key in derived else getattr(EventRow, key)
    ordered = query.order_by(_order(column, descending), EventRow.id)
    with answers.store.session() as session:
        total = session.scalar(select(func.count()).select_from(query.subquery()))
        ids = list(session.scalars(ordered.limit(limit).offset(offset)))
        found = {row.id: row._mapping for row in session.execute(
            select(*EVENT_FIELDS, case, *DOCUMENT_FIELDS)
            .join(DocumentRow, DocumentRow.id == EventRow.doc_id)
            .where(EventRow.id.in_(ids)))}
        sentences = dict(session.execute(
            select(EvidenceRow.event_id, EvidenceRow.sentence)
            .where(EvidenceRow.event_id.in_(ids), EvidenceRow.ordinal == 0)).all())
    rows = [{**{c: found[i][c] for c in EVENT_COLUMNS if c != "sentence"},
             "published": _iso(found[i]["published"]), "sentence": sentences.get(i)} for i in ids]
    return Listing(rows, total or 0, limit, offset, sort or DEFAULT_SORTS["events"])


# --- documents --------------------------------------------------------------------

def list_documents(answers: Any, filters: Mapping[str, Any], sort: str | None = None,
                   limit: int = 100, offset: int = 0) -> Listing:
    """Stored documents (without their text) and how many events each holds."""
    key, descending = parse_sort(sort, "documents")
    query: Select = select(DocumentRow.id)
    if filters.get("language"):
        query = query.where(DocumentRow.lang == filters["language"])
    if filters.get("outlet"):
        query = query.where(DocumentRow.outlet.icontains(str(filters["outlet"]), autoescape=True))
    if filters.get("from"):
        query = query.where(DocumentRow.published >= _period(filters["from"], "from").start)
    if filters.get("to"):
        query = query.where(DocumentRow.published <= _period(filters["to"], "to").end)
    total_query = select(func.count()).select_from(query.subquery())
    if key == "events":  # the counts are joined only to sort by them
        counts = (select(EventRow.doc_id, func.count().label("n")).group_by(EventRow.doc_id)
                  .subquery())
        query = query.outerjoin(counts, counts.c.doc_id == DocumentRow.id)
        column = func.coalesce(counts.c.n, 0)
    else:
        column = getattr(DocumentRow, key)
    ordered = query.order_by(_order(column, descending), DocumentRow.id)
    with answers.store.session() as session:
        total = session.scalar(total_query)
        ids = list(session.scalars(ordered.limit(limit).offset(offset)))
        found = {doc.id: doc for doc in session.scalars(
            select(DocumentRow)
            .options(load_only(DocumentRow.id, DocumentRow.name, DocumentRow.title,
                               DocumentRow.outlet, DocumentRow.published, DocumentRow.lang,
                               DocumentRow.url, DocumentRow.duplicate_of))
            .where(DocumentRow.id.in_(ids)))}
        events = dict(session.execute(
            select(EventRow.doc_id, func.count()).where(EventRow.doc_id.in_(ids))
            .group_by(EventRow.doc_id)).all())
        rows = [_document_row(found[i], events.get(i, 0)) for i in ids]
    return Listing(rows, total or 0, limit, offset, sort or DEFAULT_SORTS["documents"])


def _document_row(doc: DocumentRow, events: int) -> dict[str, Any]:
    return {"id": doc.id, "name": doc.name, "title": doc.title, "outlet": doc.outlet,
            "published": _iso(doc.published), "lang": doc.lang, "url": doc.url,
            "events": int(events), "duplicate_of": doc.duplicate_of}


# --- shared -----------------------------------------------------------------------

def _order(column: Any, descending: bool) -> Any:
    """Missing values last, whichever the direction (an index on the column serves it)."""
    return (column.desc() if descending else column.asc()).nulls_last()


def _period(value: Any, option: str) -> Period:
    period = parse_when(str(value).strip())
    if period is None:
        raise ConfigError(f"{option} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return period


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None
