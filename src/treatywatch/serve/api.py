"""The JSON API under /api. Reads are open; writes need the operator's token.

Every answer is a JSON object with `ok`; every error is `{"ok": false, "error": ...,
"status": ...}` (the models and the statuses each route sends: serve/api_models.py).
The lists (`/api/cases`, `/api/events`, `/api/documents`) page with `limit`/`offset`,
give the `total`, sort with `sort=column` or `sort=-column`, and answer 304 to a
client whose copy is current (ETag, Last-Modified).
Events are the spec's (../shared/spec/events.md) plus `evidence` and `confidence`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from treatywatch.errors import InputError
from treatywatch.serve.auth import require_token
from treatywatch.serve.claims import check_claim, read_claim
from treatywatch.serve import listing
from treatywatch.serve.api_models import (CaseAnswer, CasesPage, CheckAnswer, ClaimAnswer,
                                          DocumentAnswer, DocumentsPage, EventsPage, IngestBatch,
                                          IngestResult, SearchAnswer, responses)
from treatywatch.serve.conditional import conditional_response
from treatywatch.serve.listing import CASE_SORTS, DOCUMENT_SORTS, EVENT_SORTS
from treatywatch.serve.params import (WHEN_PATTERN, CaseFilters, DocumentFilters, EventFilters,
                                      Paging, answers_of, sort_query)

router = APIRouter(prefix="/api", tags=["api"])

RECORD_FIELDS = ("id", "text", "html", "url", "published", "title")
NDJSON_TYPES = ("application/x-ndjson", "application/jsonl", "application/ndjson")


@router.get("/cases", summary="Cases (episodes), filtered, sorted and paged", response_model=None,
            responses=responses(CasesPage, 400, 404, 422, conditional=True))
def api_cases(request: Request, filters: CaseFilters = Depends(), paging: Paging = Depends(),
              sort: str | None = sort_query(CASE_SORTS, "start")) -> Response:
    """The CLI's `cases` filters; `total` counts the matching cases over all pages."""
    return _conditional_json(request, lambda: _page_json("cases", listing.list_cases(
        answers_of(request), filters.as_dict(), sort, paging.limit, paging.offset)))


@router.get("/cases/{case_id}", summary="One case: timeline, verdict, conflicts, findings",
            response_model=None, responses=responses(CaseAnswer, 404))
def api_case(request: Request, case_id: str) -> Response:
    return _cached_json(request, lambda: {"ok": True, "case": answers_of(request).get_case(case_id)})


@router.get("/events", summary="Events of all documents, filtered, sorted and paged",
            response_model=None, responses=responses(EventsPage, 400, 404, 422, conditional=True))
def api_events(request: Request, filters: EventFilters = Depends(), paging: Paging = Depends(),
               sort: str | None = sort_query(EVENT_SORTS, "when")) -> Response:
    """Each event with its document, the case it counts in and its first sentence of
    evidence. `from`/`to` match the event's date, else its report's."""
    return _conditional_json(request, lambda: _page_json("events", listing.list_events(
        answers_of(request), filters.as_dict(), sort, paging.limit, paging.offset)))


@router.get("/documents", summary="Stored documents (without text), filtered, sorted and paged",
            response_model=None, responses=responses(DocumentsPage, 400, 422, conditional=True))
def api_documents(request: Request, filters: DocumentFilters = Depends(),
                  paging: Paging = Depends(),
                  sort: str | None = sort_query(DOCUMENT_SORTS, "published")) -> Response:
    return _conditional_json(request, lambda: _page_json("documents", listing.list_documents(
        answers_of(request), filters.as_dict(), sort, paging.limit, paging.offset)))


@router.get("/documents/{doc_id}", summary="One document with its text and events",
            response_model=None, responses=responses(DocumentAnswer, 404))
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    return {"ok": True, "document": answers_of(request).get_document(doc_id)}


@router.get("/search", summary="Full-text search over documents", response_model=None,
            responses=responses(SearchAnswer, 422))
def api_search(request: Request, q: str = Query(..., min_length=1, max_length=500)) -> dict[str, Any]:
    results = answers_of(request).search(q)
    return {"ok": True, "query": q, "count": len(results), "results": results}


@router.get("/check", summary="Check a claim: by state, organization and date, or by a sentence",
            response_model=None,
            responses=responses(CheckAnswer | ClaimAnswer, 400, 404, 422,
                                description="CheckAnswer by state and org, ClaimAnswer by claim"))
def api_check(
    request: Request,
    state: str | None = Query(None, max_length=100, description="ISO code or name in en/ru/uk"),
    org: str | None = Query(None, max_length=100, description="Organization id, e.g. CSTO"),
    when: str | None = Query(None, pattern=WHEN_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    claim: str | None = Query(None, max_length=2000, description="A sentence in ru, uk or en"),
) -> Any:
    """With `state` and `org`: the same JSON as `treatywatch check --format json`, with `ok`.
    With `claim`: the event read from the sentence and whether the record confirms,
    contradicts or cannot judge it (`judgement`), with the record it rests on."""
    answers = answers_of(request)
    if claim and claim.strip():
        return {"ok": True, **check_claim(claim, read_claim(claim), answers.check, when).to_json()}
    if state and org:
        return _cached_json(request, lambda: {"ok": True, **answers.check(state, org, when)})
    raise HTTPException(422, "give state and org (and when), or claim: "
                             "/api/check?state=TJK&org=CSTO&when=2025-11 or /api/check?claim=...")


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)],
             summary="Ingest one document (JSON object) or a batch (application/x-ndjson)",
             response_model=None,
             responses=responses(IngestResult | IngestBatch, 401, 403, 413, 415, 422, 429,
                                 ok_status=201, description="IngestResult for one document, "
                                                            "IngestBatch for a batch"),
             openapi_extra={"requestBody": {"content": {
                 "application/json": {"schema": {"type": "object", "properties": {
                     name: {"type": "string"} for name in RECORD_FIELDS}}},
                 "application/x-ndjson": {"schema": {"type": "string"}}}}})
async def api_ingest(request: Request) -> JSONResponse:
    """A JSON object with the fields of a JSON Lines input record (`text` or `html`;
    optional `id`, `url`, `published`, `title`), or one such object per line with
    Content-Type `application/x-ndjson`. Answers the stored document ids."""
    body = await request.body()  # the body-size guard refuses it first if too large
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    records = _parse_records(body, batch=content_type in NDJSON_TYPES,
                             max_documents=request.app.state.settings.max_documents)
    results = await run_in_threadpool(_ingest, request, records)
    if content_type in NDJSON_TYPES:
        return JSONResponse({"ok": True, "count": len(results), "documents": results}, status_code=201)
    return JSONResponse({"ok": True, **results[0]}, status_code=201)


def _page_json(table: str, page: listing.Listing) -> dict[str, Any]:
    return {"ok": True, "total": page.total, "count": len(page.rows), "limit": page.limit,
            "offset": page.offset, "sort": page.sort, table: page.rows}


def _conditional_json(request: Request, make: Callable[[], Any]) -> Response:
    """The JSON of `make()` (through the response cache) with ETag and Last-Modified."""
    key = ("api", request.url.path, request.url.query)
    body = request.app.state.cache.get_or_make(key, lambda: _json_bytes(make()))
    return conditional_response(request, body, "application/json")


def _cached_json(request: Request, make: Callable[[], Any]) -> Response:
    """The JSON of `make()`, kept in the app's response cache under this URL."""
    key = ("api", request.url.path, request.url.query)
    body = request.app.state.cache.get_or_make(key, lambda: _json_bytes(make()))
    return Response(body, media_type="application/json")


def _json_bytes(value: Any) -> bytes:
    """The answers are JSON-ready already: only what json cannot write goes through
    FastAPI's (much slower) encoder."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      default=jsonable_encoder).encode("utf-8")


def _ingest(request: Request, records: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Store the records one by one (one transaction each), one upload at a time."""
    answers = answers_of(request)
    results = []
    with request.app.state.write_lock:
        for number, record in records:
            try:
                results.append(answers.ingest_record(record))
            except InputError as exc:
                where = f"line {number}" if len(records) > 1 or number > 1 else "record"
                raise HTTPException(422, f"{where}: {exc}") from exc
            finally:
                request.app.state.cache.clear()
    return results


def _parse_records(body: bytes, *, batch: bool, max_documents: int) -> list[tuple[int, dict[str, Any]]]:
    """(line number, record) pairs, each checked for its fields; 422 names the bad line,
    413 a batch of more than `max_documents` records."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(422, f"the body is not UTF-8 (byte {exc.start})") from exc
    if batch:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    else:
        lines = [(1, text)] if text.strip() else []
    if not lines:
        raise HTTPException(422, "no document in the request body")
    if len(lines) > max_documents:
        raise HTTPException(413, f"too many documents in one request: {len(lines)}; the limit "
                                 f"is {max_documents}: send them in smaller batches")
    records = []
    for number, line in lines:
        where = f"line {number}" if batch else "body"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise HTTPException(422, f"{where}: not JSON ({exc.msg} at column {exc.colno})") from exc
        records.append((number, _checked_record(record, where)))
    return records


def _checked_record(record: Any, where: str) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise HTTPException(422, f"{where}: a record must be a JSON object")
    unknown = sorted(set(record) - set(RECORD_FIELDS))
    if unknown:
        raise HTTPException(422, f"{where}: unknown field(s) {', '.join(unknown)}; "
                                 f"allowed: {', '.join(RECORD_FIELDS)}")
    for name in RECORD_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise HTTPException(422, f"{where}: field '{name}' must be a string")
    if not (record.get("text") or "").strip() and not (record.get("html") or "").strip():
        raise HTTPException(422, f"{where}: a record needs 'text' or 'html'")
    if record.get("published"):
        try:
            dt.date.fromisoformat(record["published"][:10])
        except ValueError:
            raise HTTPException(422, f"{where}: 'published' {record['published']!r} is not a date "
                                     "(YYYY-MM-DD)") from None
    return record
