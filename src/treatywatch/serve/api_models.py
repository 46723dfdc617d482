"""The API's answers as OpenAPI response models (documentation only: routes answer
JSON built by the answers layer, and tests/test_serve_openapi.py compares every
documented status and top-level key with what the routes really send).

Every answer is an object with `ok`: true with the payload beside it, false with
`error` (a message) and `status` (the HTTP status).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    """Nested records may grow keys: those listed are always there."""

    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    ok: Literal[False]
    error: str = Field(description="What was wrong, and what to send instead")
    status: int = Field(description="The HTTP status, repeated")


class CaseSummary(_Open):
    id: str
    requester: str
    requester_name: str | None
    addressee: str
    addressee_name: str | None
    start: str | None
    end: str | None
    appeal: str
    basis: str | None
    decision: str | None
    events: int
    documents: int


class EventSummary(_Open):
    id: str
    type: str
    actor: str | None
    target: str | None
    polarity: str
    modality: str
    source: str | None
    when: str | None
    assistance: str | None
    basis: str | None
    outcome: str | None
    size: int | None
    via: str | None
    confidence: float
    requester: str | None
    addressee: str | None
    case: str | None = Field(description="The case the event counts in")
    doc: str
    doc_name: str | None
    title: str | None
    outlet: str | None
    published: str | None
    lang: str | None
    duplicate_of: str | None = Field(description="Set for a near-duplicate republication, "
                                                 "whose events count in no case")
    sentence: str | None = Field(description="The first sentence stating the event")


class DocumentSummary(_Open):
    id: str
    name: str | None
    title: str | None
    outlet: str | None
    published: str | None
    lang: str | None
    url: str | None
    events: int
    duplicate_of: str | None


class _Page(BaseModel):
    ok: Literal[True]
    total: int = Field(description="Rows matching the filters, over all pages")
    count: int = Field(description="Rows on this page")
    limit: int
    offset: int
    sort: str = Field(description="The column sorted by; '-' first when descending")


class CasesPage(_Page):
    cases: list[CaseSummary]


class EventsPage(_Page):
    events: list[EventSummary]


class DocumentsPage(_Page):
    documents: list[DocumentSummary]


class CaseDetail(CaseSummary):
    asked: str = Field(description="The id given")
    note: str | None = Field(description="Why the case answers under another id (merged, split)")
    verdict: dict[str, Any]
    findings: list[dict[str, Any]]
    timeline: list[dict[str, Any]]


class CaseAnswer(BaseModel):
    ok: Literal[True]
    case: CaseDetail


class DocumentDetail(_Open):
    id: str
    name: str | None
    url: str | None
    outlet: str | None
    published: str | None
    lang: str | None
    title: str | None
    text: str
    blocks: list[Any]
    warnings: list[Any]
    duplicate_of: str | None
    similarity: float | None
    duplicates: list[str]
    events: list[dict[str, Any]]


class DocumentAnswer(BaseModel):
    ok: Literal[True]
    document: DocumentDetail


class SearchHit(_Open):
    id: str
    name: str | None
    title: str | None
    outlet: str | None
    published: str | None
    lang: str | None
    score: float
    snippet: str


class SearchAnswer(BaseModel):
    ok: Literal[True]
    query: str
    count: int
    results: list[SearchHit]


class CheckAnswer(BaseModel):
    """`treatywatch check --format json`, with `ok`."""

    ok: Literal[True]
    question: dict[str, Any]
    case: str | None
    requester: str
    addressee: str
    period: dict[str, Any] | None
    appeal: str
    appeal_detail: Any
    explanation: dict[str, Any] | None
    basis: str | None
    decision: dict[str, Any] | None
    contributors: list[dict[str, Any]]
    bilateral: list[dict[str, Any]]
    force: Any
    conflicts: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    undated: list[dict[str, Any]]
    maybe: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    documents: int
    events: int
    rows: int
    other_cases: list[str]


class ClaimAnswer(BaseModel):
    """A sentence checked against the record."""

    ok: Literal[True]
    claim: str
    judgement: Literal["confirms", "contradicts", "cannot_judge"]
    reason: str
    claimed_event: dict[str, Any] | None
    query: dict[str, Any]
    record: dict[str, Any] | None


class IngestResult(BaseModel):
    ok: Literal[True]
    id: str
    name: str
    status: Literal["new", "duplicate", "near_duplicate"]
    duplicate_of: str | None
    events: int
    cases: list[str]


class IngestedDocument(_Open):
    id: str
    name: str
    status: Literal["new", "duplicate", "near_duplicate"]
    duplicate_of: str | None
    events: int
    cases: list[str]


class IngestBatch(BaseModel):
    ok: Literal[True]
    count: int
    documents: list[IngestedDocument]


# What each error status means, wherever it is answered.
ERROR_MEANINGS = {
    400: "A value that parses but cannot be used (a date like 2022-13, an organization "
         "given as the state, a date in the future), or a NUL character in the request",
    401: "Missing or wrong token",
    403: "Read-only server (no TREATYWATCH_TOKEN), or a cross-site write",
    404: "No such case, document, state or organization",
    413: "The body or the batch is too large",
    415: "A form content type: send application/json or application/x-ndjson",
    422: "A parameter or record that does not validate (the message names it)",
    429: "Too many failed token attempts: see Retry-After",
    503: "The store cannot answer just now",
}


def responses(ok: Any, *errors: int, ok_status: int = 200, conditional: bool = False,
              description: str = "The answer") -> dict[int | str, dict[str, Any]]:
    """The `responses` of one route: its answer model and the errors it really sends
    (every route answers 400 to a NUL character and 503 when the store fails)."""
    documented: dict[int | str, dict[str, Any]] = {ok_status: {"model": ok, "description": description}}
    if conditional:
        documented[304] = {"description": "Not modified: the client's copy (If-None-Match / "
                                          "If-Modified-Since) is current"}
    for status in sorted({*errors, 400, 503}):
        documented[status] = {"model": ErrorBody, "description": ERROR_MEANINGS[status]}
    return documented


def without_default_validation_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """FastAPI lists a 422 of its own shape on every route with parameters; routes that
    can answer 422 list it themselves (with ErrorBody), so the others lose it."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            answer = operation.get("responses", {}).get("422", {})
            ref = answer.get("content", {}).get("application/json", {}).get("schema", {})
            if ref.get("$ref", "").endswith("/HTTPValidationError"):
                del operation["responses"]["422"]
    schemas = schema.get("components", {}).get("schemas", {})
    if "HTTPValidationError" not in json.dumps(schema.get("paths", {})):
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
    return schema
