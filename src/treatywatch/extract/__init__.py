"""Doc -> Doc with events (see pipeline.py for the steps).

    extractor = Extractor()           # heavy resources, built once
    extractor(doc)                    # fills doc.events
    extract_text("Таджикистан попросил ОДКБ о помощи")   # a sentence or a short text
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from treatywatch.extract.pipeline import Extractor
from treatywatch.model import Event


@lru_cache(maxsize=1)
def shared_extractor() -> Extractor:
    """One Extractor per process, for callers that read single texts."""
    return Extractor()


def extract_text(text: str, lang: str | None = None, published: dt.date | None = None,
                 doc_id: str = "<text>") -> list[Event]:
    """Events in a short text (a claim, a paragraph). Never raises on text."""
    from treatywatch.errors import InputError
    from treatywatch.ingest import doc_from_text

    if not text or not text.strip():
        return []
    try:
        doc = doc_from_text(doc_id, text, published=published)
    except InputError:
        return []
    if lang:
        doc.lang = lang
        for block in doc.blocks:
            block.lang = block.lang or lang
    return shared_extractor().extract(doc)


__all__ = ["Extractor", "extract_text", "shared_extractor"]
