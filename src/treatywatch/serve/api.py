"""The JSON API under /api. Reads are open; writes need the operator's token.

Every answer is JSON; every error is `{"ok": false, "error": ..., "status": ...}`.
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
from treatywatch.serve.params import CaseFilters, WHEN_PATTERN, answers_of

router = APIRouter(prefix="/api", tags=["api"])

RECORD_FIELDS = ("id", "text", "html", "url", "published", "title")
NDJSON_TYPES = ("application/x-ndjson", "application/jsonl", "application/ndjson")


@router.get("/cases", summary="Cases (episodes), filtered")
def api_cases(request: Request, filters: CaseFilters = Depends()) -> dict[str, Any]:
    cases = answers_of(request).list_cases(filters.as_dict())
    return {"ok": True, "count": len(cases), "cases": cases}


@router.get("/cases/{case_id}", summary="One case: timeline, verdict, conflicts, findings")
def api_case(request: Request, case_id: str) -> Response:
    return _cached_json(request, lambda: {"ok": True, "case": answers_of(request).get_case(case_id)})


@router.get("/documents/{doc_id}", summary="One document with its text and events")
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    return {"ok": True, "document": answers_of(request).get_document(doc_id)}


@router.get("/search", summary="Full-text search over documents")
def api_search(request: Request, q: str = Query(..., min_length=1, max_length=500)) -> dict[str, Any]:
    results = answers_of(request).search(q)
    return {"ok": True, "query": q, "count": len(results), "results": results}


@router.get("/check", summary="Check a claim: by state, organization and date, or by a sentence")
def api_check(
    request: Request,
    state: str | None = Query(None, max_length=100, description="ISO code or name in en/ru/uk"),
    org: str | None = Query(None, max_length=100, description="Organization id, e.g. CSTO"),
    when: str | None = Query(None, pattern=WHEN_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    claim: str | None = Query(None, max_length=2000, description="A sentence in ru, uk or en"),
) -> dict[str, Any]:
    """With `state` and `org`: the same JSON as `treatywatch check --format json`.
    With `claim`: the event read from the sentence and whether the record confirms,
    contradicts or cannot judge it (`judgement`), with the record it rests on."""
    answers = answers_of(request)
    if claim and claim.strip():
        return check_claim(claim, read_claim(claim), answers.check, when).to_json()
    if state and org:
        return _cached_json(request, lambda: answers.check(state, org, when))
    raise HTTPException(422, "give state and org (and when), or claim: "
                             "/api/check?state=TJK&org=CSTO&when=2025-11 or /api/check?claim=...")


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)],
             summary="Ingest one document (JSON object) or a batch (application/x-ndjson)",
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
