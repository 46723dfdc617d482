"""HTML page -> main text, title, date and URL (trafilatura, with lxml as the fallback).

Only this module imports trafilatura and lxml.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass, field

from treatywatch.errors import InputError
from treatywatch.ingest.decode import NOT_TEXT

# Tags whose text is never part of a story, and tags that end a paragraph.
_SKIPPED_TAGS = ("script", "style", "noscript", "template", "svg", "head")
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
    "article", "section", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
    "table", "figure", "figcaption", "dd", "dt", "title",
})


@dataclass
class WebPage:
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None  # the site's name ("Eurasia Desk")
    warnings: list[str] = field(default_factory=list)


def _quiet_trafilatura() -> None:
    # Without a handler of their own, library warnings ("empty HTML tree") would reach
    # stderr through logging's last-resort handler: the caller decides what to print.
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def adapt_html(markup: str, document: str) -> WebPage:
    """Main text of a page, without menus, related lists, comments and footers.
    Raises InputError when the page has no text at all."""
    import trafilatura

    _quiet_trafilatura()
    try:
        extracted = trafilatura.bare_extraction(
            markup,
            include_comments=False,
            include_tables=False,
            include_links=False,
            include_images=False,
            include_formatting=False,
            with_metadata=True,
        )
    except Exception:  # trafilatura raises assorted errors on broken markup; fall back below
        extracted = None

    text = (getattr(extracted, "text", None) or "").strip()
    page = WebPage(text=text)
    if extracted is not None:
        page.title = _clean(getattr(extracted, "title", None))
        page.url = _clean(getattr(extracted, "url", None))
        page.published = _iso_date(getattr(extracted, "date", None))
    page.outlet = site_name(markup, page.title,
                            _clean(getattr(extracted, "sitename", None)) if extracted else None)
    if not text:
        page.text = _all_text(markup)
        if not page.text:
            raise InputError(document, "HTML has no readable text")
        page.warnings.append("main text extraction found nothing; all text of the page was kept")
    return page


_TITLE_SEPARATORS = re.compile(r"\s+[—–|·:-]\s+|\s*\|\s*")
_SITE_NAME_WORDS = 6  # a longer "site name" is a headline


def site_name(markup: str, headline: str | None, guessed: str | None = None) -> str | None:
    """The publisher's name: `og:site_name`, else a JSON-LD `publisher.name`, else
    trafilatura's guess unless it is the headline, else the part of `<title>` beside
    the headline ("Headline — Site")."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(markup)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:site_name":
            name = _clean(meta.get("content"))
            if name:
                return name
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            name = _publisher(script.text or "")
            if name:
                return name
    headlines = {h for h in (headline, _clean(tree.findtext(".//h1"))) if h}
    if guessed and guessed not in headlines and len(guessed.split()) <= _SITE_NAME_WORDS:
        return guessed
    title = _clean(tree.findtext(".//title"))
    if title:
        parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
        rest = [p for p in parts if p not in headlines and not any(p in h for h in headlines)]
        if len(parts) > 1 and len(rest) == 1 and len(rest[0].split()) <= _SITE_NAME_WORDS:
            return rest[0]
    return None


def _publisher(payload: str) -> str | None:
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            publisher = item.get("publisher")
            if isinstance(publisher, list) and publisher:
                publisher = publisher[0]
            if isinstance(publisher, dict) and _clean(publisher.get("name")):
                return _clean(publisher.get("name"))
            if isinstance(publisher, str) and _clean(publisher):
                return _clean(publisher)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return None


def _all_text(markup: str) -> str:
    """Every text node of the page, a paragraph a line (for pages trafilatura cannot read)."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(markup)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return ""
    unwanted = list(tree.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction, *_SKIPPED_TAGS))
    for element in unwanted:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail text
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            # text from a character reference ("&#1;") may be no XML text: lxml would refuse it back
            element.tail = "\n" + NOT_TEXT.sub(" ", element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + NOT_TEXT.sub(" ", element.text or "")
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
