"""Language of blocks and documents: `ru`, `uk`, `en`, or None where there are no letters.

Letters decide almost always: Latin script is English here; among Cyrillic letters,
і ї є ґ are Ukrainian and ы э ъ ё Russian. A Cyrillic block without those letters
(a short dateline, "Москва") takes the verdict of the document's Cyrillic text, and only
where that is undecided too does py3langid (restricted to ru/uk) read the text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from treatywatch.model import Block

LANGUAGES = ("en", "ru", "uk")
_CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]")
# Letters are counted on the text's cp1251 bytes, where every letter we weigh is one
# byte and bytes.translate counts in C (a regex over the text costs 30 times more).
_CODEC = "cp1251"
_CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"
_UK_ONLY = "іїєґ"
_RU_ONLY = "ыэъё"


def _all_but(letters: str) -> bytes:
    """The bytes to delete so that only `letters` (both cases) remain."""
    keep = set((letters + letters.upper()).encode(_CODEC))
    return bytes(b for b in range(256) if b not in keep)


_NOT_CYRILLIC = _all_but(_CYRILLIC_LETTERS)
_NOT_LATIN = _all_but("abcdefghijklmnopqrstuvwxyz")
_NOT_UK_ONLY = _all_but(_UK_ONLY)
_NOT_RU_ONLY = _all_but(_RU_ONLY)
# The other language's letters may appear in names and quotes; a verdict needs a clear lead.
_LEAD = 3
# A story followed by its translation: near a tie, the language the story starts in is
# the main one (English takes a few more letters than Russian for the same news).
_FIRST_LANGUAGE_SHARE = 0.8


def letter_counts(text: str) -> tuple[int, int, int, int]:
    """(Cyrillic letters, Latin letters, Ukrainian-only, Russian-only)."""
    data = text.encode(_CODEC, errors="ignore")
    cyrillic = len(data.translate(None, _NOT_CYRILLIC))
    latin = len(data.translate(None, _NOT_LATIN))
    if not cyrillic:
        return 0, latin, 0, 0
    return (cyrillic, latin, len(data.translate(None, _NOT_UK_ONLY)),
            len(data.translate(None, _NOT_RU_ONLY)))


def _cyrillic_verdict(uk: int, ru: int) -> str | None:
    if uk > _LEAD * ru:
        return "uk"
    if ru > _LEAD * uk:
        return "ru"
    return None


def assign_languages(text: str, blocks: Sequence[Block]) -> str | None:
    """Set `lang` on every block and return the document's language: the one with most
    letters over body blocks (over all blocks when there is no body), unless the
    language of the first of those blocks comes close (a story and its translation)."""
    counts = [letter_counts(text[b.start:b.end]) for b in blocks]
    doc_uk = sum(c[2] for c in counts)
    doc_ru = sum(c[3] for c in counts)
    doc_cyrillic: str | None = None  # computed once, on demand

    letters: Counter[str] = Counter()  # insertion order: the first language met comes first
    body_letters: Counter[str] = Counter()
    for block, (cyrillic, latin, uk, ru) in zip(blocks, counts):
        if not cyrillic and not latin:
            block.lang = None
            continue
        if latin > cyrillic:
            block.lang = "en"
        else:
            lang = _cyrillic_verdict(uk, ru)
            if lang is None:
                if doc_cyrillic is None:
                    doc_cyrillic = _cyrillic_verdict(doc_uk, doc_ru) or _guess_cyrillic(text, blocks)
                lang = doc_cyrillic
            block.lang = lang
        size = cyrillic + latin
        letters[block.lang] += size
        if block.kind == "body":
            body_letters[block.lang] += size
    ranking = body_letters or letters
    if not ranking:
        return None
    first = next(iter(ranking))
    top, top_letters = ranking.most_common(1)[0]
    return first if ranking[first] >= _FIRST_LANGUAGE_SHARE * top_letters else top


def _guess_cyrillic(text: str, blocks: Sequence[Block]) -> str:
    cyrillic_text = "\n".join(
        text[b.start:b.end] for b in blocks if _CYRILLIC.search(text[b.start:b.end])
    )
    lang, _score = _identifier().classify(cyrillic_text)
    return lang


@functools.cache
def _identifier():
    """py3langid restricted to Russian and Ukrainian (about 1 s to load, once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(["ru", "uk"])
    return identifier


def detect_language(text: str) -> str | None:
    """The language of a piece of text on its own (one block)."""
    return assign_languages(text, [Block(0, len(text))])
