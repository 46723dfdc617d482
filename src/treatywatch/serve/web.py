"""The HTML pages. Each renders one template with a documented context; the JSON
twin of every page is the /api route of the same name.

    /                 cases.html     filters, cases, table (TableView: sort, pages, downloads)
    /events           events.html    filters, table, types, polarities, modalities
    /documents        documents.html filters, table, languages_of_documents
    /cases.csv|json|parquet, /events.*, /documents.*
                      the rows the list page shows with the same query, as a file
    /cases/{id}       case.html      case (timeline, verdict, conflicts, findings)
    /documents/{id}   document.html  document, highlighted (Markup of its text)
    /search?q=        search.html    query, form, results (with snippet_html), outlets, doc_languages
    /check            check.html     form values, result (check JSON) or claim (ClaimCheck)
    /overview         overview.html  counts and pictures of the whole record (pictures/pages.py)
    /pictures/world.svg              the grey world every map draws on
"""

from __future__ import annotations

import json
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from treatywatch.errors import NotFoundError
from treatywatch.serve.claims import check_claim, read_claim
from treatywatch.serve.evidence import document_spans
from treatywatch.serve.highlight import highlight_evidence
from treatywatch.model import EVENT_TYPES, MODALITIES, POLARITIES
from treatywatch.reason.periods import parse_when
from treatywatch.serve import listing
from treatywatch.serve.conditional import conditional_response
from treatywatch.serve.downloads import DOWNLOAD_FORMATS, MEDIA_TYPES, disposition, file_bytes
from treatywatch.serve.listing import CASE_SORTS, DOCUMENT_SORTS, EVENT_SORTS
from treatywatch.serve.params import (DOCUMENT_LANGUAGES, OPTIONAL_WHEN, VERDICTS, WHEN_PATTERN, CaseFilters,
                                      DocumentFilters, EventFilters, Paging, answers_of,
                                      sort_query)
from treatywatch.serve.i18n import translator
from treatywatch.serve.pictures.pages import case_pictures, overview_pictures
from treatywatch.serve.pictures.world import base_map_svg
from treatywatch.serve.rendering import page_context, render, request_language
from treatywatch.serve.search_snippet import marked
from treatywatch.serve.tables import TableView
from treatywatch.store.search import LEMMATISED_LANGS as SEARCH_LANGUAGES, SearchFilters

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def page_cases(request: Request, filters: CaseFilters = Depends(), paging: Paging = Depends(),
               sort: str | None = sort_query(CASE_SORTS, "start")) -> HTMLResponse:
    page = listing.list_cases(answers_of(request), filters.as_dict(), sort, paging.limit,
                              paging.offset)
    return render(request, "cases.html", {"filters": filters, "cases": page.rows,
                                          "table": TableView(request, page, "/cases"),
                                          "verdicts": VERDICTS})


@router.get("/events", response_class=HTMLResponse)
def page_events(request: Request, filters: EventFilters = Depends(), paging: Paging = Depends(),
                sort: str | None = sort_query(EVENT_SORTS, "when")) -> HTMLResponse:
    page = listing.list_events(answers_of(request), filters.as_dict(), sort, paging.limit,
                               paging.offset)
    return render(request, "events.html", {
        "filters": filters, "table": TableView(request, page, "/events"),
        "types": EVENT_TYPES, "polarities": POLARITIES, "modalities": MODALITIES})


@router.get("/documents", response_class=HTMLResponse)
def page_documents(request: Request, filters: DocumentFilters = Depends(),
                   paging: Paging = Depends(),
                   sort: str | None = sort_query(DOCUMENT_SORTS, "published")) -> HTMLResponse:
    page = listing.list_documents(answers_of(request), filters.as_dict(), sort, paging.limit,
                                  paging.offset)
    return render(request, "documents.html", {
        "filters": filters, "table": TableView(request, page, "/documents"),
        "languages_of_documents": DOCUMENT_LANGUAGES})


@router.get("/cases.{fmt}")
def download_cases(request: Request, fmt: str, filters: CaseFilters = Depends(),
                   paging: Paging = Depends(),
                   sort: str | None = sort_query(CASE_SORTS, "start")) -> Response:
    """The rows of the case list with the same query, as CSV, JSON or Parquet."""
    _check_format(request, fmt)
    page = listing.list_cases(answers_of(request), filters.as_dict(), sort, paging.limit,
                              paging.offset)
    return _download(request, "cases", listing.CASE_COLUMNS, page, fmt)


@router.get("/events.{fmt}")
def download_events(request: Request, fmt: str, filters: EventFilters = Depends(),
                    paging: Paging = Depends(),
                    sort: str | None = sort_query(EVENT_SORTS, "when")) -> Response:
    _check_format(request, fmt)
    page = listing.list_events(answers_of(request), filters.as_dict(), sort, paging.limit,
                               paging.offset)
    return _download(request, "events", listing.EVENT_COLUMNS, page, fmt)


@router.get("/documents.{fmt}")
def download_documents(request: Request, fmt: str, filters: DocumentFilters = Depends(),
                       paging: Paging = Depends(),
                       sort: str | None = sort_query(DOCUMENT_SORTS, "published")) -> Response:
    _check_format(request, fmt)
    page = listing.list_documents(answers_of(request), filters.as_dict(), sort, paging.limit,
                                  paging.offset)
    return _download(request, "documents", listing.DOCUMENT_COLUMNS, page, fmt)


def _check_format(request: Request, fmt: str) -> None:
    if fmt not in DOWNLOAD_FORMATS:
        raise HTTPException(404, f"not found: {request.url.path} (downloads are "
                                 f"{', '.join('.' + f for f in DOWNLOAD_FORMATS)})")


def _download(request: Request, table: str, columns: tuple[str, ...], page: listing.Listing,
              fmt: str) -> Response:
    body = file_bytes(page.rows, columns, fmt)
    return conditional_response(request, body, MEDIA_TYPES[fmt], disposition(table, fmt))


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def page_case(request: Request, case_id: str,
              followed: str = Query("", alias="from", max_length=80)) -> Response:
    """An id the case was published under before (merged, split, or in other
    letter case) redirects permanently to its id now, noting where it came from."""
    answers = answers_of(request)
    current, _ = _resolved(request, case_id)
    if current != case_id:
        return RedirectResponse(f"/cases/{quote(current)}?from={quote(case_id)}",
                                status_code=308)
    note = _followed_note(request, followed, current) if followed else None

    def make() -> bytes:
        case = {**answers.get_case(case_id), "note": note}
        lang = request_language(request)
        pictures = case_pictures(case, answers.knowledge, translator(lang), lang)
        return render(request, "case.html", {"case": case, "pictures": pictures}).body

    key = ("page", request.url.path, request.url.query, request_language(request))
    body = request.app.state.cache.get_or_make(key, make)
    return HTMLResponse(body, headers={"Content-Language": request_language(request)})


def _resolved(request: Request, asked: str) -> tuple[str, str | None]:
    """The id a case answers under now (and the note), through the response cache
    so that a cached page costs no query."""
    def make() -> bytes:
        return json.dumps(answers_of(request).case_id(asked)).encode("utf-8")

    current, note = json.loads(request.app.state.cache.get_or_make(("case-id", asked), make))
    return current, note


def _followed_note(request: Request, followed: str, current: str) -> str | None:
    try:
        then, note = _resolved(request, followed)
    except NotFoundError:
        return None
    return note if then == current else None


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def page_document(request: Request, doc_id: str) -> HTMLResponse:
    document = answers_of(request).get_document(doc_id)
    highlighted = highlight_evidence(document["text"], document_spans(document))
    return render(request, "document.html", {"document": document, "highlighted": highlighted})


@router.get("/search", response_class=HTMLResponse)
def page_search(
    request: Request,
    q: str = Query("", max_length=500),
    language: str = Query("", pattern="^(|ru|uk|en)$"),
    date_from: str = Query("", alias="from", pattern=OPTIONAL_WHEN),
    date_to: str = Query("", alias="to", pattern=OPTIONAL_WHEN),
    outlet: str = Query("", max_length=200),
) -> HTMLResponse:
    """Documents by lemma, with the matched words marked; filtered by the document's
    language, its date (a year, month or day, inclusive) and its outlet."""
    answers = answers_of(request)
    query = q.strip()
    form = {"q": query, "language": language, "from": date_from, "to": date_to,
            "outlet": outlet.strip()}
    results = []
    if query:
        start, end = parse_when(date_from), parse_when(date_to)
        filters = SearchFilters(lang=language or None, start=start.start if start else None,
                                end=end.end if end else None, outlet=form["outlet"] or None)
        results = [{**hit, "snippet_html": marked(hit["snippet"], hit["marks"])}
                   for hit in answers.search(query, filters=filters)]
    return render(request, "search.html", {"query": query, "form": form, "results": results,
                                           "outlets": answers.search_outlets(),
                                           "doc_languages": SEARCH_LANGUAGES})


@router.get("/check", response_class=HTMLResponse)
def page_check(
    request: Request,
    state: str = Query("", max_length=100),
    org: str = Query("", max_length=100),
    when: str = Query("", pattern="^$|" + WHEN_PATTERN),
    claim: str = Query("", max_length=2000),
) -> HTMLResponse:
    answers = answers_of(request)
    form = {"state": state.strip(), "org": org.strip(), "when": when, "claim": claim.strip()}
    result = claim_check = None
    if form["claim"]:
        claim_check = check_claim(form["claim"], read_claim(form["claim"]), answers.check, when or None)
        result = claim_check.record
    elif form["state"] and form["org"]:
        result = answers.check(form["state"], form["org"], when or None)
    return render(request, "check.html", {"form": form, "result": result, "claim_check": claim_check})


@router.get("/overview", response_class=HTMLResponse)
def page_overview(request: Request) -> HTMLResponse:
    def make() -> bytes:
        context = page_context(request)
        pictures = overview_pictures(answers_of(request), context["t"], context["lang"], context["link"])
        return render(request, "overview.html", {"pictures": pictures}).body

    key = ("page", request.url.path, request.url.query, request_language(request))
    body = request.app.state.cache.get_or_make(key, make)
    return HTMLResponse(body, headers={"Content-Language": request_language(request)})


@router.get("/pictures/world.svg")
def world_map() -> Response:
    return Response(base_map_svg(), media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)
