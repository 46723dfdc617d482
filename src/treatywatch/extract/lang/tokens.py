"""Word tokens with offsets (razdel), shared by the name index and anyone who wants the
same split.

razdel cuts Ukrainian words at their apostrophe ("прем'єр" -> "прем", "'", "єр"); with
`merge_apostrophes` such pieces are glued back into one token, offsets unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Token", "tokenize"]

_APOSTROPHES = frozenset("'’ʼ`")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    stop: int


def tokenize(text: str, merge_apostrophes: bool = True) -> list[Token]:
    from razdel import tokenize as razdel_tokenize

    tokens = [Token(t.text, t.start, t.stop) for t in razdel_tokenize(text)]
    if not merge_apostrophes:
        return tokens
    merged: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (merged and tok.text in _APOSTROPHES and i + 1 < len(tokens)
                and merged[-1].stop == tok.start and tokens[i + 1].start == tok.stop
                and _cyrillic(merged[-1].text[-1]) and _cyrillic(tokens[i + 1].text[0])):
            after = tokens[i + 1]
            merged[-1] = Token(text[merged[-1].start:after.stop], merged[-1].start, after.stop)
            i += 2
            continue
        merged.append(tok)
        i += 1
    return merged


def _cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"
