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

A form with a bad value (a date that is none, an unknown state, an empty search) is
drawn again, answered 400, with what was typed and a message beside each bad field
(`errors`: field -> message; see forms.py); a download with such a filter is a 400
page naming the field and the problem. Bad paging or sort (`limit`, `offset`,
`sort`: set by the page's own links) is a 422 page. A case or document that is not in the
record is a 404 page that says so in the interface language.
"""

from __future__ import annotations

import json
from typing import Any, Callable
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from treatywatch.errors import NotFoundError
from treatywatch.model import EVENT_TYPES, MODALITIES, POLARITIES
from treatywatch.reason.periods import parse_when
from treatywatch.serve import forms, listing
from treatywatch.serve.claims import check_claim, read_claim
from treatywatch.serve.conditional import conditional_response
from treatywatch.serve.downloads import DOWNLOAD_FORMATS, MEDIA_TYPES, disposition, file_bytes
from treatywatch.serve.evidence import document_spans
from treatywatch.serve.forms import CaseForm, DocumentForm, EventForm
from treatywatch.serve.highlight import highlight_evidence
from treatywatch.serve.i18n import LANGUAGES
from treatywatch.serve.listing import CASE_SORTS, DEFAULT_SORTS, DOCUMENT_SORTS, EVENT_SORTS
from treatywatch.serve.params import DOCUMENT_LANGUAGES, VERDICTS, Paging, answers_of, sort_query
from treatywatch.serve.pictures.pages import case_pictures, overview_pictures
from treatywatch.serve.pictures.world import base_map_svg
from treatywatch.serve.rendering import interface, page_context, render, request_language
from treatywatch.serve.search_snippet import marked
from treatywatch.serve.tables import TableView
from treatywatch.store.search import LEMMATISED_LANGS as SEARCH_LANGUAGES, SearchFilters

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def page_cases(request: Request, form: CaseForm = Depends(), paging: Paging = Depends(),
               sort: str | None = sort_query(CASE_SORTS, "start")) -> HTMLResponse:
    page = _listed(form, "cases", sort, paging, lambda: listing.list_cases(
        answers_of(request), form.filters.as_dict(), sort, paging.limit, paging.offset))
    return render(request, "cases.html", {"filters": form.filters, "errors": form.errors,
                                          "cases": page.rows,
                                          "table": TableView(request, page, "/cases"),
                                          "verdicts": VERDICTS}, status_code=_status(form))


@router.get("/events", response_class=HTMLResponse)
def page_events(request: Request, form: EventForm = Depends(), paging: Paging = Depends(),
                sort: str | None = sort_query(EVENT_SORTS, "when")) -> HTMLResponse:
    page = _listed(form, "events", sort, paging, lambda: listing.list_events(
        answers_of(request), form.filters.as_dict(), sort, paging.limit, paging.offset))
    return render(request, "events.html", {
        "filters": form.filters, "errors": form.errors, "table": TableView(request, page, "/events"),
        "types": EVENT_TYPES, "polarities": POLARITIES, "modalities": MODALITIES},
        status_code=_status(form))


@router.get("/documents", response_class=HTMLResponse)
def page_documents(request: Request, form: DocumentForm = Depends(), paging: Paging = Depends(),
                   sort: str | None = sort_query(DOCUMENT_SORTS, "published")) -> HTMLResponse:
    page = _listed(form, "documents", sort, paging, lambda: listing.list_documents(
        answers_of(request), form.filters.as_dict(), sort, paging.limit, paging.offset))
    return render(request, "documents.html", {
        "filters": form.filters, "errors": form.errors,
        "table": TableView(request, page, "/documents"),
        "languages_of_documents": DOCUMENT_LANGUAGES}, status_code=_status(form))


def _listed(form: Any, table: str, sort: str | None, paging: Paging,
            make: Callable[[], listing.Listing]) -> listing.Listing:
    """The rows the filters select; none when a filter is bad (the form says which)."""
    if form.errors:
        return listing.Listing([], 0, paging.limit, paging.offset, sort or DEFAULT_SORTS[table])
    return make()


def _status(form: Any) -> int:
    return 400 if form.errors else 200


@router.get("/cases.{fmt}")
def download_cases(request: Request, fmt: str, form: CaseForm = Depends(),
                   paging: Paging = Depends(),
                   sort: str | None = sort_query(CASE_SORTS, "start")) -> Response:
    """The rows of the case list with the same query, as CSV, JSON or Parquet; a bad
    filter is a 400 page that says what is wrong with it, as the list's form would."""
    _check_format(request, fmt)
    if form.errors:
        return _refused(request, form)
    page = listing.list_cases(answers_of(request), form.filters.as_dict(), sort, paging.limit,
                              paging.offset)
    return _download(request, "cases", listing.CASE_COLUMNS, page, fmt)


@router.get("/events.{fmt}")
def download_events(request: Request, fmt: str, form: EventForm = Depends(),
                    paging: Paging = Depends(),
                    sort: str | None = sort_query(EVENT_SORTS, "when")) -> Response:
    _check_format(request, fmt)
    if form.errors:
        return _refused(request, form)
    page = listing.list_events(answers_of(request), form.filters.as_dict(), sort, paging.limit,
                               paging.offset)
    return _download(request, "events", listing.EVENT_COLUMNS, page, fmt)


@router.get("/documents.{fmt}")
def download_documents(request: Request, fmt: str, form: DocumentForm = Depends(),
                       paging: Paging = Depends(),
                       sort: str | None = sort_query(DOCUMENT_SORTS, "published")) -> Response:
    _check_format(request, fmt)
    if form.errors:
        return _refused(request, form)
    page = listing.list_documents(answers_of(request), form.filters.as_dict(), sort,
                                  paging.limit, paging.offset)
    return _download(request, "documents", listing.DOCUMENT_COLUMNS, page, fmt)


def _check_format(request: Request, fmt: str) -> None:
    if fmt not in DOWNLOAD_FORMATS:
        raise HTTPException(404, f"not found: {request.url.path} (downloads are "
                                 f"{', '.join('.' + f for f in DOWNLOAD_FORMATS)})")


def _refused(request: Request, form: Any) -> HTMLResponse:
    t = interface(request)
    detail = " ".join(f"{t('form.field.' + field)}: {message}" for field, message in form.errors.items())
    return render(request, "error.html", {"status": 400, "detail": detail}, status_code=400)


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
    try:
        current, _ = _resolved(request, case_id)
    except NotFoundError:
        return _not_found(request, "error.no_case", case_id)
    if current != case_id:
        lang = request.query_params.get("lang")
        chosen = f"&lang={quote(lang)}" if lang in LANGUAGES else ""  # the language chosen stays
        return RedirectResponse(f"/cases/{quote(current)}?from={quote(case_id)}{chosen}",
                                status_code=308)
    note = _followed_note(request, followed, current) if followed else None

    def make() -> bytes:
        case = {**answers.get_case(case_id), "note": note}
        pictures = case_pictures(case, answers.knowledge, interface(request))
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
    if then != current or not note:
        return None
    t = interface(request)
    # the store's note is English (CLI, API); other languages say its first clause
    return note if t.lang == "en" else t("case.note.merged", old=followed.strip().upper(), now=current)


def _not_found(request: Request, key: str, asked: str) -> HTMLResponse:
    return render(request, "error.html", {"status": 404, "detail": interface(request)(key, id=asked)},
                  status_code=404)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def page_document(request: Request, doc_id: str) -> HTMLResponse:
    try:
        document = answers_of(request).get_document(doc_id)
    except NotFoundError:
        return _not_found(request, "error.no_document", doc_id)
    t = interface(request)

    def describe(event: dict) -> str:
        return f"{t('type.' + str(event.get('type')))} {t.name(event.get('actor'))} → {t.name(event.get('target'))}"

    highlighted = highlight_evidence(document["text"], document_spans(document, describe))
    return render(request, "document.html", {"document": document, "highlighted": highlighted})


@router.get("/search", response_class=HTMLResponse)
def page_search(request: Request, q: str | None = None, language: str = "",
                date_from: str = Query("", alias="from"), date_to: str = Query("", alias="to"),
                outlet: str = "") -> HTMLResponse:
    """Documents by lemma, with the matched words marked; filtered by the document's
    language, its date (a year, month or day, inclusive) and its outlet. No `q`: the
    empty form; a bad field (an empty or too long query, a date that is none, a
    language not offered): the form again, as typed, with the error beside it (400)."""
    answers, t, errors = answers_of(request), interface(request), {}
    query = (q or "").strip()
    form = {"q": query, "language": language.strip(), "from": date_from.strip(),
            "to": date_to.strip(), "outlet": outlet.strip()}
    if q is not None and not query:
        errors["q"] = t("form.error.query_empty")
    elif q is not None:
        forms.check_length(query, forms.MAX_QUERY, "q", errors, t)
    chosen = forms.check_choice(language, SEARCH_LANGUAGES, "language", errors, t)
    start = forms.check_when(date_from, "from", errors, t)
    end = forms.check_when(date_to, "to", errors, t)
    chosen_outlet = forms.check_length(outlet, forms.MAX_OUTLET, "outlet", errors, t)
    results = []
    if query and not errors:
        first, last = parse_when(start), parse_when(end)
        filters = SearchFilters(lang=chosen, start=first.start if first else None,
                                end=last.end if last else None, outlet=chosen_outlet)
        results = [{**hit, "snippet_html": marked(hit["snippet"], hit["marks"])}
                   for hit in answers.search(query, filters=filters)]
    return render(request, "search.html", {"query": query, "form": form, "results": results,
                                           "errors": errors, "outlets": answers.search_outlets(),
                                           "doc_languages": SEARCH_LANGUAGES},
                  status_code=400 if errors else 200)


@router.get("/check", response_class=HTMLResponse)
def page_check(request: Request, state: str | None = None, org: str | None = None,
               when: str = "", claim: str | None = None) -> HTMLResponse:
    """Two forms: by parties (`state`, `org`, `when`) and by a sentence (`claim`, `when`)."""
    answers, t, errors = answers_of(request), interface(request), {}
    form = {"state": (state or "").strip(), "org": (org or "").strip(), "when": when.strip(),
            "claim": (claim or "").strip(), "claim_form": claim is not None}
    result = claim_check = None
    if form["claim_form"]:
        sentence = forms.check_length(form["claim"], forms.MAX_CLAIM, "claim", errors, t, required=True)
        asked = forms.check_when(when, "claim_when", errors, t, past_only=True)
        if not errors:
            claim_check = check_claim(sentence, read_claim(sentence), answers.check, asked)
            result = claim_check.record
    elif state is not None or org is not None:
        requester = forms.check_state(answers, form["state"], "state", errors, t, required=True)
        addressee = forms.check_org(answers, form["org"], "org", errors, t, required=True)
        asked = forms.check_when(when, "when", errors, t, past_only=True)
        if requester and requester == addressee:
            errors["org"] = t("form.error.same_party", value=form["org"])
        if not errors:
            result = answers.check(requester, addressee, asked)
    return render(request, "check.html", {"form": form, "result": result, "claim_check": claim_check,
                                          "errors": errors}, status_code=400 if errors else 200)


@router.get("/overview", response_class=HTMLResponse)
def page_overview(request: Request) -> HTMLResponse:
    def make() -> bytes:
        context = page_context(request)
        pictures = overview_pictures(answers_of(request), context["t"], context["link"])
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
