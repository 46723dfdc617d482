"""HTML pages: one Jinja2 environment (autoescape on for every template) and the
context every page gets: the interface language, `t` (i18n.Interface: messages, and
the names of parties, dates and treaty articles in that language), `link()` that keeps
an explicitly chosen language on every internal link, and `languages`, the switch
that keeps the current path and query.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from treatywatch.serve.highlight import highlight_evidence
from treatywatch.serve.i18n import LANGUAGE_NAMES, LANGUAGES, Interface, choose_language

_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """`row.field` on the answers' plain dicts looks the key up at once. Jinja's own
    getattr tries the attribute first, and the AttributeError it raises and catches
    for every field was a tenth of a case page's time; the result is the same (a
    dict's own attributes, `items` and the like, still come first)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


_ENV = _Environment(
    loader=jinja2.PackageLoader("treatywatch.serve", "templates"),
    autoescape=True,  # every template, whatever its extension
    undefined=jinja2.ChainableUndefined,  # optional fields of answers may be absent
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,  # templates ship with the package: no file check per page
)
_ENV.globals["highlight_evidence"] = highlight_evidence


def http_url(value: object) -> str | None:
    """A link target only if it is an http(s) URL: a stored `javascript:` URL is dropped."""
    text = str(value or "").strip()
    return text if urlsplit(text).scheme.lower() in ("http", "https") else None


_ENV.filters["http_url"] = http_url


def request_language(request: Request) -> str:
    return choose_language(request.query_params.get("lang"), request.headers.get("accept-language"))


def interface(request: Request) -> Interface:
    """What the page says, in the request's language (see i18n.Interface)."""
    return Interface(request_language(request), _knowledge(request))


def page_context(request: Request) -> dict[str, Any]:
    """What every page template may use (see templates/base.html)."""
    lang = request_language(request)
    explicit = request.query_params.get("lang") in LANGUAGES

    def link(path: str, **params: Any) -> str:
        query = {k: v for k, v in params.items() if v not in (None, "")}
        if explicit:
            query["lang"] = lang
        return path + ("?" + urlencode(query, doseq=True) if query else "")

    def switch_to(other: str) -> str:
        query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
        query.append(("lang", other))
        return request.url.path + "?" + urlencode(query)

    return {
        "request": request,
        "lang": lang,
        "t": interface(request),
        "link": link,
        "languages": [(code, LANGUAGE_NAMES[code], switch_to(code)) for code in LANGUAGES],
    }


def _knowledge(request: Request) -> Any:
    """The knowledge files of the store the app answers from (None if it has none)."""
    answers = getattr(request.app.state, "answers", None)
    return getattr(answers, "knowledge", None)


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status_code: int = 200) -> HTMLResponse:
    full = page_context(request)
    full.update(context or {})
    html = _ENV.get_template(template).render(full)
    return HTMLResponse(html, status_code=status_code,
                        headers={"Content-Language": full["lang"]})
