"""What a search hit shows: a title, and a snippet with the matched words marked.

The words marked are the text's own forms ("Таджикистану") whose lemma matches a
query word ("Таджикистан"), found by the same lemmatiser as the index
(`store/search.py`). Marks are character offsets into the snippet; `marked` turns a
snippet into HTML, escaping every piece of it.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from treatywatch.store.search import query_words, words

SNIPPET_CHARS = 200
TITLE_CHARS = 120


def display_title(title: str | None, blocks: list[Any], body: str) -> str:
    """The page's title; else its title block; else its first line, cut to a length."""
    if title and title.strip():
        return " ".join(title.split())
    for block in blocks or []:
        if block.get("kind") == "title":
            found = " ".join(body[block["start"]:block["end"]].split())
            if found:
                return _cut(found)
    first = next((line for line in body.splitlines() if line.strip()), "")
    return _cut(" ".join(first.split()))


def _cut(line: str) -> str:
    if len(line) <= TITLE_CHARS:
        return line
    return line[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def snippet(body: str, query: str, lang: str | None) -> tuple[str, list[list[int]]]:
    """The text around the first matched word, and the [start, end] of every matched
    word in it. The text is read only as far as the snippet's end."""
    wanted = query_words(query, lang)
    if not wanted:
        return _window(body, 0), []
    matched: list[tuple[int, int]] = []
    window_end = None
    for word in words(body, lang):
        if window_end is not None and word.start >= window_end:
            break
        if any(_matches(word.parts, lemma) for lemmas in wanted for lemma in lemmas):
            if window_end is None:
                start = _window_start(body, word.start)
                window_end = start + SNIPPET_CHARS
            matched.append((word.start, min(word.end, window_end)))
    start = _window_start(body, matched[0][0]) if matched else 0
    text = _window(body, start)
    lead = 1 if start else 0  # the "…" before
    marks = [[s - start + lead, e - start + lead] for s, e in matched if e - start <= SNIPPET_CHARS]
    return text, marks


def _matches(parts: list[str], lemma: tuple[str, ...]) -> bool:
    """Each part of the query's lemma begins a part of the word's lemmas."""
    return all(any(have.startswith(want) for have in parts) for want in lemma)


def _window_start(body: str, at: int) -> int:
    start = max(0, at - SNIPPET_CHARS // 3)
    if start:
        space = body.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    return start


def _window(body: str, start: int) -> str:
    """SNIPPET_CHARS of the text from `start`, line breaks as spaces (offsets kept)."""
    piece = "".join(" " if ch.isspace() else ch for ch in body[start:start + SNIPPET_CHARS])
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(body) else "")


def marked(text: str, marks: list[list[int]]) -> Markup:
    """`text` escaped, with each [start, end] in `marks` wrapped in <mark>."""
    out, at = [], 0
    for start, end in sorted(marks):
        if start < at:
            continue
        out.append(str(escape(text[at:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))
