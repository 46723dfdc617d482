"""The record's answers, shared by the CLI and the web app. Every method returns
plain JSON-ready dicts and lists; unknown ids and names raise `NotFoundError`.

    answers = open_answers(db_url)         # None: $TREATYWATCH_DB, else the default file
    answers.list_cases({"actor": "Tajikistan", "org": "CSTO", "from": 2020, "to": "2025-12",
                        "verdict": "denied"})               -> [case row]
    answers.get_case("TJK-CSTO-2025-10")                   -> case
    answers.get_document(doc_id | id prefix | file name)   -> document
    answers.check("Таджикистан", "ОДКБ", "2025-11")         -> verdict (= check --format json)
    answers.search("ОДКБ миротворцы", filters=SearchFilters(lang="ru")) -> [search hit]
    answers.ingest_record({"text"|"html": ..., "id", "url", "published", "title"}) -> ingest result
    answers.close()

Shapes (keys always present, values may be null):

- case row: id, requester, requester_name, addressee, addressee_name, start, end,
  appeal, basis, decision (outcome), events, documents.
- case: a case row plus `asked` (the id given) and `note` (why it answers under
  another id: merged, split; else null), `verdict` (the check dict: appeal,
  appeal_detail, explanation {verdict, rows: [{side, counted, source, weight,
  documents, outlets, citations: [n], why}]}, basis, decision {outcome, by, modality,
  when, basis, assistance, sources}, contributors and bilateral [{state, size,
  size_detail, sizes: [{value, modality, source, weight, documents, evidence}],
  uncited_sizes, status, under, via, deployed, withdrawn, sources}], force, conflicts
  [{field, subject, values: [{value, evidence: [citation]}]}], findings, undated and
  maybe [row], evidence [citation, each once]), `findings` [{rule, ok, status,
  message}] and `timeline` [row] (dated rows, in order of date).
- row (one event across documents): id, events [event ids], when, reported, type,
  actor, target, polarity, modality, status (`positive_intended`...), source,
  weight, said_by [{source, weight, documents}], documents, outlets, assistance,
  basis, outcome, size, via, superseded, evidence [citation].
- citation: event, role, type, actor, target, polarity, modality, source, when, doc,
  name, outlet, published, url, lang, sentence, start, end (sentence/offsets null
  when the event carries no evidence span), weight; in `evidence` also n, side
  (made, not_made, reported, announced, or the event's type), counted (decided,
  outweighed, superseded, other_basis, considered) and also [other event ids].
- check: the case's verdict plus `question` {state, org, when} and `other_cases`
  (ids of the same parties' other cases); `case` is null and `appeal` is
  `none_found` when the record holds nothing for that time.
- document: id, name, url, outlet, published, lang, title, text, blocks, warnings,
  duplicate_of, similarity, duplicates, events [{id, type, ..., confidence,
  evidence: [{doc, start, end, sentence}], cases: [case id]}].
- search hit: id, name, title (the page's, else its first line), outlet, published,
  lang, score, snippet, marks ([start, end] of each matched word in the snippet).
- ingest result: id, name, status (new | duplicate | near_duplicate), duplicate_of,
  events, cases.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping

from sqlalchemy import func, or_, select
from sqlalchemy.orm import defer, load_only

from treatywatch.lookup import resolve_party
from treatywatch.errors import ConfigError, InputError, NotFoundError
from treatywatch.model import Doc
from treatywatch.reason.appeal import APPEAL_VERDICTS
from treatywatch.reason.findings import membership_over
from treatywatch.reason.periods import Period, parse_when
from treatywatch.store import Store, case_names, open_store
from treatywatch.store.casebook import SPEC_COLUMNS, evidence_by_event
from treatywatch.store.search import SearchFilters
from treatywatch.store.search import search as search_documents
from treatywatch.store.models import CaseEventRow, CaseRow, DocumentRow, EventRow
from treatywatch.serve.search_snippet import display_title
from treatywatch.serve.search_snippet import snippet as search_snippet

MATCH_SLACK_DAYS = 31  # a case this close to the asked period still answers it
# What a search hit shows (not the blocks, warnings or signature of each document).
SEARCH_COLUMNS = (DocumentRow.id, DocumentRow.name, DocumentRow.url, DocumentRow.outlet,
                  DocumentRow.published, DocumentRow.lang, DocumentRow.title, DocumentRow.text,
                  DocumentRow.blocks)


def open_answers(db: str | None = None) -> "Answers":
    return Answers(open_store(db))


class Answers:
    """Queries over one store. Cases left stale by an interrupted ingest are
    rebuilt before the first answer."""

    def __init__(self, store: Store, extractor: Any = None):
        self.store = store
        self._extractor = extractor
        # The write generation at which no case was found stale: until the store
        # changes, answers need not look again (a memo shared by all calls, never
        # per-call state; an older value only costs one more look).
        self._fresh_at: int | None = None

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Answers":
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

    @property
    def knowledge(self) -> Any:
        return self.store.knowledge

    def generation(self) -> int:
        """The store's write generation: grows with every committed write."""
        return self.store.generation()

    def refresh(self) -> None:
        """Rebuild cases left stale (by an interrupted ingest or another writer);
        a look at the write generation when nothing was written since the last."""
        seen = self.store.generation()
        if seen == self._fresh_at:
            return
        if self.store.cases_stale():
            self.store.refresh_cases()
        else:
            self._fresh_at = seen

    # --- names --------------------------------------------------------------------

    def resolve_state(self, text: str) -> str:
        """An ISO code from a code or a name in ru/uk/en; NotFoundError otherwise
        (ConfigError for an organization)."""
        code = resolve_party(self.knowledge, text.strip())
        if code is not None and self.knowledge.party(code).kind == "organization":
            raise ConfigError(
                f"{text!r} is an organization ({code}), not a state: give the state in need "
                f"as the state and {code} as the organization (check Tajikistan --org {code})")
        if code is None or self.knowledge.party(code).kind != "state":
            raise NotFoundError(
                f"unknown state {text!r}: give an ISO 3166 alpha-3 code (TJK) or a name in "
                "Russian, Ukrainian or English (Таджикистан, Tajikistan)")
        return code

    def resolve_org(self, text: str) -> str:
        """An organization id (CSTO) from an id or a name; a state is accepted too,
        for bilateral appeals (Armenia to Russia)."""
        code = resolve_party(self.knowledge, text.strip())
        if code is None:
            known = ", ".join(sorted(p.id for p in self.knowledge.organizations()))
            raise NotFoundError(f"unknown organization {text!r}: use one of {known} "
                                "(or its name, e.g. ОДКБ), or a state for bilateral appeals")
        return code

    def _name(self, code: str | None) -> str | None:
        if code is None or not self.knowledge.has_party(code):
            return None
        return self.knowledge.party_name(code, "en")

    # --- cases --------------------------------------------------------------------

    def list_cases(self, filters: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Cases, oldest first. Filters (all optional): `actor` (the requester: code
        or name), `org` (the addressee), `from`/`to` (a year, `YYYY-MM` or a date;
        cases overlapping that span), `verdict` (an appeal verdict)."""
        self.refresh()
        filters = dict(filters or {})
        query = select(CaseRow).options(defer(CaseRow.verdict))  # the rows' summaries suffice
        if filters.get("actor"):
            query = query.where(CaseRow.requester == self.resolve_state(str(filters["actor"])))
        if filters.get("org"):
            query = query.where(CaseRow.addressee == self.resolve_org(str(filters["org"])))
        if filters.get("from") not in (None, ""):
            start = _period(filters["from"], "from").start
            query = query.where(CaseRow.end >= start)
        if filters.get("to") not in (None, ""):
            end = _period(filters["to"], "to").end
            query = query.where(CaseRow.start <= end)
        if filters.get("verdict"):
            if filters["verdict"] not in APPEAL_VERDICTS:
                raise ConfigError(f"unknown verdict {filters['verdict']!r}: use one of "
                                  f"{', '.join(APPEAL_VERDICTS)}")
            query = query.where(CaseRow.appeal == filters["verdict"])
        query = query.order_by(CaseRow.start.is_(None), CaseRow.start, CaseRow.id)
        with self.store.session() as session:
            return [self._case_row(row) for row in session.scalars(query)]

    def _case_row(self, row: CaseRow) -> dict[str, Any]:
        return {
            "id": row.id, "requester": row.requester, "requester_name": self._name(row.requester),
            "addressee": row.addressee, "addressee_name": self._name(row.addressee),
            "start": _iso(row.start), "end": _iso(row.end), "appeal": row.appeal,
            "basis": row.basis, "decision": row.decision, "events": row.events,
            "documents": row.documents,
        }

    def case_id(self, asked: str) -> tuple[str, str | None]:
        """The id a case answers under now for an id it was ever published under (in
        any case), and a note when that is another id; NotFoundError otherwise."""
        self.refresh()
        with self.store.session() as session:
            if session.scalar(select(CaseRow.id).where(CaseRow.id == asked.strip())) is not None:
                return asked.strip(), None  # the common case, without reading the verdict
            row, name = case_names.resolve(session, asked)
            if row is None:
                raise NotFoundError(f"no case {asked!r} in the store: list them with "
                                    "`treatywatch cases` (ids look like KAZ-CSTO-2022-01)")
            return row.id, case_names.note(name, row.id) if name is not None else None

    def get_case(self, case_id: str) -> dict[str, Any]:
        """A case by any id it was ever published under, in any case; `asked` is
        the id given and `note` says why it answers under another id (merged,
        split), else null."""
        self.refresh()
        with self.store.session() as session:
            row, name = case_names.resolve(session, case_id)
            if row is None:
                if name is not None:
                    raise NotFoundError(f"case {name.id} no longer has evidence that counts "
                                        "(its documents were linked as republications)")
                raise NotFoundError(f"no case {case_id!r} in the store: list them with "
                                    "`treatywatch cases` (ids look like KAZ-CSTO-2022-01)")
            verdict = dict(row.verdict)
            note = case_names.note(name, row.id) if name is not None else None
        timeline = verdict.pop("timeline")
        findings = verdict.get("findings", [])
        return {**self._case_row(row), "asked": case_id.strip(), "note": note,
                "verdict": verdict, "findings": findings, "timeline": timeline}

    def check(self, state: str, org: str, when: str | None = None) -> dict[str, Any]:
        """Did `state` appeal to `org` around `when` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`;
        None: the latest episode)? The verdict of the case that covers that time."""
        requester, addressee = self.resolve_state(state), self.resolve_org(org)
        if addressee == requester:
            raise ConfigError(
                f"{org!r} is {self._name(requester) or requester}, the state asking: give as "
                "the organization (--org) the one it turned to (CSTO, ОДКБ, NATO), or a state")
        asked = _period(when, "when") if when else None
        today = dt.date.today()
        if asked is not None and asked.start > today:
            raise ConfigError(f"when {when!r} is in the future (today is {today.isoformat()}): "
                              "the record holds what has been reported")
        self.refresh()
        with self.store.session() as session:
            rows = list(session.execute(
                select(CaseRow.id, CaseRow.start, CaseRow.end, CaseRow.documents)
                .where(CaseRow.requester == requester, CaseRow.addressee == addressee)))
            chosen = _choose_case(rows, asked)
            verdict = dict(session.get(CaseRow, chosen).verdict) if chosen else None
        question = {"state": requester, "org": addressee, "when": when}
        others = sorted(r.id for r in rows if r.id != chosen)
        if verdict is None:
            findings = []
            if asked is not None and self.knowledge.party(addressee).kind == "organization":
                findings = membership_over(self.knowledge, requester, addressee, asked.start,
                                           min(asked.end, today))
            return {"question": question, "case": None, "requester": requester,
                    "addressee": addressee, "period": None, "appeal": "none_found",
                    "appeal_detail": None, "explanation": None, "basis": None,
                    "decision": None, "contributors": [], "bilateral": [], "force": None,
                    "conflicts": [], "findings": findings, "timeline": [], "undated": [],
                    "maybe": [], "evidence": [], "documents": 0, "events": 0, "rows": 0,
                    "other_cases": others}
        return {"question": question, **verdict, "other_cases": others}

    # --- documents ----------------------------------------------------------------

    def get_document(self, doc_id: str) -> dict[str, Any]:
        """By id, by an unambiguous id prefix (8+ characters) or by file name."""
        with self.store.session() as session:
            row = _find_document(session, doc_id.strip())
            events = list(session.scalars(select(EventRow).where(EventRow.doc_id == row.id)
                                          .order_by(EventRow.id)))
            evidence = evidence_by_event(session, select(EventRow.id)
                                         .where(EventRow.doc_id == row.id))
            cases: dict[str, list[str]] = {}
            for event_id, case_id in session.execute(
                    select(CaseEventRow.event_id, CaseEventRow.case_id)
                    .join(EventRow, EventRow.id == CaseEventRow.event_id)
                    .where(EventRow.doc_id == row.id).order_by(CaseEventRow.case_id)):
                cases.setdefault(event_id, []).append(case_id)
            duplicates = list(session.scalars(select(DocumentRow.id).where(
                DocumentRow.duplicate_of == row.id).order_by(DocumentRow.id)))
        return {
            **document_fields(row), "text": row.text, "blocks": row.blocks,
            "warnings": row.warnings, "duplicate_of": row.duplicate_of,
            "similarity": row.similarity, "duplicates": duplicates,
            "events": [{"id": e.id, **{name: getattr(e, name) for name in SPEC_COLUMNS},
                        "confidence": e.confidence,
                        "evidence": [ev.to_json() for ev in evidence.get(e.id, [])],
                        "cases": cases.get(e.id, [])} for e in events],
        }

    def search(self, query: str, limit: int = 20,
               filters: SearchFilters | None = None) -> list[dict[str, Any]]:
        """Documents holding every word of `query` by lemma (in the document's
        language; parts of words match as prefixes), best first, within `filters`."""
        with self.store.session() as session:
            hits = search_documents(session.connection(), query, limit,
                                    filters or SearchFilters())
            rows = {row.id: row for row in session.scalars(
                select(DocumentRow).options(load_only(*SEARCH_COLUMNS))
                .where(DocumentRow.id.in_([h[0] for h in hits])))}
        results = []
        for doc_id, score in hits:
            if doc_id not in rows:
                continue
            row = rows[doc_id]
            text, marks = search_snippet(row.text, query, row.lang)
            results.append({**document_fields(row),
                            "title": display_title(row.title, row.blocks, row.text),
                            "score": round(score, 4), "snippet": text, "marks": marks})
        return results

    def search_outlets(self) -> list[str]:
        """The outlets of the stored documents, for the search form."""
        with self.store.session() as session:
            return list(session.scalars(select(DocumentRow.outlet).distinct()
                                        .where(DocumentRow.outlet.is_not(None))
                                        .order_by(DocumentRow.outlet)))

    # --- writing ------------------------------------------------------------------

    def ingest_record(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """Store one document given as a JSON Lines input record (`text` or `html`;
        optional `id`, `url`, `published` as YYYY-MM-DD, `title`), extract its
        events and bring the cases up to date. InputError names a bad record."""
        doc = doc_from_record(record)
        result = self.store.ingest(doc, self._extract)
        self.store.refresh_cases()
        with self.store.session() as session:
            case_ids = sorted(set(session.scalars(
                select(CaseEventRow.case_id).join(EventRow, EventRow.id == CaseEventRow.event_id)
                .where(EventRow.doc_id == result.doc_id))))
            row = session.get(DocumentRow, result.doc_id)
            duplicate_of = row.duplicate_of if row else None
        return {"id": result.doc_id, "name": result.name, "status": result.status,
                "duplicate_of": result.original if result.status == "duplicate" else duplicate_of,
                "events": result.events, "cases": case_ids}

    def _extract(self, doc: Doc) -> Doc:
        if self._extractor is None:
            from treatywatch.extract import Extractor

            self._extractor = Extractor()
        return self._extractor(doc)


def doc_from_record(record: Mapping[str, Any]) -> Doc:
    from treatywatch.ingest import doc_from_text

    name = str(record.get("id") or "record")
    body, fmt = (record.get("html"), "html") if record.get("html") else (record.get("text"), "txt")
    if not isinstance(body, str) or not body.strip():
        raise InputError(name, "the record has no `text` or `html` to read")
    published = record.get("published")
    if published:
        try:
            published = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            raise InputError(name, f"`published` {published!r} is not a date (YYYY-MM-DD)") from None
    return doc_from_text(name, body, fmt=fmt, published=published or None,
                         url=record.get("url"), title=record.get("title"))


def document_fields(row: DocumentRow) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "url": row.url, "outlet": row.outlet,
            "published": _iso(row.published), "lang": row.lang, "title": row.title}


def _find_document(session: Any, key: str) -> DocumentRow:
    row = session.get(DocumentRow, key)
    if row is not None:
        return row
    matches: list[DocumentRow] = []
    if len(key) >= 8 and re.fullmatch(r"[0-9a-f]+", key):
        matches = list(session.scalars(select(DocumentRow).where(
            DocumentRow.id.like(key + "%")).limit(2)))
    if not matches:
        matches = list(session.scalars(select(DocumentRow).where(
            or_(DocumentRow.name == key, func.lower(DocumentRow.name) == key.lower()))
            .order_by(DocumentRow.id).limit(2)))
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise NotFoundError(f"document {key!r} is ambiguous: give more of its id")
    raise NotFoundError(f"no document {key!r} in the store: give its id (or 8+ leading "
                        "characters of it) or its file name; find it with `treatywatch export`")


def _period(value: Any, option: str) -> Period:
    period = parse_when(str(value).strip())
    if period is None:
        raise ConfigError(f"{option} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return period


def _choose_case(rows: list[Any], asked: Period | None) -> str | None:
    dated = [r for r in rows if r.start is not None and r.end is not None]
    if asked is None:
        if dated:
            return max(dated, key=lambda r: (r.end, r.documents, r.id)).id
        return rows[0].id if rows else None
    overlapping = []
    near = []
    for r in dated:
        period = Period(r.start, r.end)
        if period.overlaps(asked):
            shared = (min(period.end, asked.end) - max(period.start, asked.start)).days
            overlapping.append((-shared, -r.documents, r.id))
        elif period.gap_to(asked) <= MATCH_SLACK_DAYS:
            near.append((period.gap_to(asked), -r.documents, r.id))
    if overlapping:
        return min(overlapping)[2]
    if near:
        return min(near)[2]
    undated = sorted(r.id for r in rows if r.start is None)
    return undated[0] if undated else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
