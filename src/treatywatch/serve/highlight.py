"""Evidence highlighting: a document's text with its events' sentences marked.

The text is cut at every span boundary; each piece is HTML-escaped on its own and the
pieces an event covers are wrapped in `<mark>`. No text of the document is ever
inserted unescaped. Each span also gets an empty anchor `<span id="ev-...">` where it
starts, so the case timeline can link to `/documents/{id}#ev-...`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    anchor: str  # the fragment id, e.g. "ev-3"
    label: str = ""  # a short description shown as the mark's title


def highlight_evidence(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, with every span (clamped to the text) wrapped in <mark>."""
    valid = [s for s in (_clamp(s, len(text)) for s in spans) if s is not None]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        for span in valid:
            if span.start == left:
                out.append(f'<span class="ev-anchor" id="{escape(span.anchor)}"></span>')
        piece = escape(text[left:right])
        covering = [s for s in valid if s.start <= left and right <= s.end]
        if covering:
            title = escape("; ".join(s.label for s in covering if s.label))
            out.append(f'<mark class="ev" title="{title}">{piece}</mark>')
        else:
            out.append(str(piece))
    # spans that start at the very end (or in an empty text) still need their anchor
    out.extend(f'<span class="ev-anchor" id="{escape(s.anchor)}"></span>'
               for s in valid if s.start == len(text))
    return Markup("".join(out))


def _clamp(span: Span, length: int) -> Span | None:
    start, end = max(0, span.start), min(length, span.end)
    if start > end:
        return None
    return Span(start, end, span.anchor, span.label)
