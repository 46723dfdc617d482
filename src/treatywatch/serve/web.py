"""The HTML pages. Each renders one template with a documented context; the JSON
twin of every page is the /api route of the same name.

    /                 cases.html     filters, cases
    /cases/{id}       case.html      case (timeline, verdict, conflicts, findings)
    /documents/{id}   document.html  document, highlighted (Markup of its text)
    /search?q=        search.html    query, results
    /check            check.html     form values, result (check JSON) or claim (ClaimCheck)
    /overview         overview.html  counts and pictures of the whole record (pictures/pages.py)
    /pictures/world.svg              the grey world every map draws on
"""

from __future__ import annotations

import json
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from treatywatch.errors import NotFoundError
from treatywatch.serve.claims import check_claim, read_claim
from treatywatch.serve.evidence import document_spans
from treatywatch.serve.highlight import highlight_evidence
from treatywatch.serve.i18n import translator
from treatywatch.serve.params import VERDICTS, WHEN_PATTERN, CaseFilters, answers_of
from treatywatch.serve.pictures.pages import case_pictures, overview_pictures
from treatywatch.serve.pictures.world import base_map_svg
from treatywatch.serve.rendering import page_context, render, request_language

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def page_cases(request: Request, filters: CaseFilters = Depends()) -> HTMLResponse:
    cases = answers_of(request).list_cases(filters.as_dict())
    return render(request, "cases.html", {"filters": filters, "cases": cases, "verdicts": VERDICTS})


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
def page_search(request: Request, q: str = Query("", max_length=500)) -> HTMLResponse:
    query = q.strip()
    results = answers_of(request).search(query) if query else []
    return render(request, "search.html", {"query": query, "results": results})


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
