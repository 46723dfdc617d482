"""Text or HTML of one document -> `Doc` with blocks, languages and publication date."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from treatywatch.errors import InputError
from treatywatch.ingest.blocks import segment
from treatywatch.ingest.credits import credited_outlet
from treatywatch.ingest.datelines import url_date
from treatywatch.ingest.decode import NOT_TEXT
from treatywatch.ingest.language import assign_languages
from treatywatch.ingest.webpage import adapt_html
from treatywatch.model import Doc

FORMATS = ("txt", "html")
NO_DATE_WARNING = (
    "no publication date: none in the metadata or a dateline, and no default date given; "
    "relative dates ('yesterday') cannot be resolved"
)


def outlet_of(url: str | None) -> str | None:
    """'https://www.example.org/news/1' -> 'example.org': who published it, when nothing better is known."""
    if not url:
        return None
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = parts.hostname or ""
    except ValueError:  # not a URL at all ("http://[x"): no outlet to name
        return None
    if parts.scheme not in ("", "http", "https"):
        return None
    if "." not in host:  # "javascript:alert(1)", "localhost": no publisher's name
        return None
    return host.removeprefix("www.") or None


def _text_characters(text: str) -> tuple[str, int]:
    """`text` with every NOT_TEXT character replaced by a space (offsets keep their
    meaning), and how many there were. Files with many are refused when decoded."""
    if not NOT_TEXT.search(text):
        return text, 0
    found = len(NOT_TEXT.findall(text))
    return NOT_TEXT.sub(" ", text), found


def doc_from_text(
    doc_id: str,
    text: str,
    *,
    fmt: str = "txt",
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    default_date: dt.date | None = None,
    path: str | None = None,
    raw_format: str | None = None,
    outlet: str | None = None,
) -> Doc:
    """A `Doc` from plain text (`fmt="txt"`) or HTML markup (`fmt="html"`).

    `Doc.text` is the plain text with line ends normalized; for HTML, the page's main
    text. A `title` not already at the start of the text is put before it, followed by a
    blank line, so offsets always refer to `Doc.text`. The publication date is
    `published`, else the page metadata, else the date in the URL's path, else a
    dateline near the top (or run into the lead), else `default_date`. Raises InputError (naming `doc_id`) for text with nothing to read.
    """
    if fmt not in FORMATS:
        raise InputError(doc_id, f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if isinstance(published, dt.datetime):
        published = published.date()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, replaced = _text_characters(text)
    doc_id, title, url, outlet = (_text_characters(v)[0] if v else v for v in (doc_id, title, url, outlet))
    if not text.strip():
        raise InputError(doc_id, "document is empty" if not text else "document has only whitespace")
    warnings: list[str] = []
    page_outlet = None
    if replaced:
        warnings.append(f"{replaced} control or unpaired surrogate character(s) replaced by spaces")
    if fmt == "html":
        page = adapt_html(text, doc_id)
        text, _ = _text_characters(page.text)  # character references can name controls
        title = title or (_text_characters(page.title)[0] if page.title else None)
        url = url or page.url
        page_outlet = page.outlet
        published = published or page.published
        warnings.extend(page.warnings)
    # who published it: page metadata, a source line or wire credit, the record's
    # `outlet`, then the URL's host
    outlet = page_outlet or credited_outlet(text) or outlet or outlet_of(url)

    title = " ".join(title.split()) if title else None
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    segmentation = segment(text, known_title=title)
    doc = Doc(
        id=doc_id,
        text=text,
        blocks=segmentation.blocks,
        published=published or url_date(url) or segmentation.published or default_date,
        url=url,
        outlet=outlet,
        title=title or segmentation.title,
        path=path,
        raw_format=raw_format or fmt,
        warnings=warnings,
    )
    doc.lang = assign_languages(text, doc.blocks)
    if doc.published is None:
        doc.warnings.append(NO_DATE_WARNING)
    if not doc.readable_blocks():
        doc.warnings.append("every block is page furniture: nothing to read for events")
    return doc
