"""Doc -> Doc with events. (Being written: the pipeline lands in extract/pipeline.py.)"""

from __future__ import annotations

from treatywatch.model import Doc, Event


class Extractor:
    def __call__(self, doc: Doc) -> Doc:
        doc.events = []
        return doc


def extract_text(text: str, lang: str | None = None, published=None) -> list[Event]:
    return []


__all__ = ["Extractor", "extract_text"]
