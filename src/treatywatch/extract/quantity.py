"""Troop counts: "150 военных", "численностью 100 человек", "около 2,5 тысячи",
"the roughly 2,000-strong contingent", "близько 2 тисяч військових"."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from treatywatch.extract.lexicon import Lexicon

NUMBER = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f,]\d{3})+$|^\d+(?:[.,]\d+)?$")
STRONG = re.compile(r"^(\d[\d,. \u00a0]*)-(?:strong|member|man)$", re.I)
_WINDOW = 3  # tokens between the number and the troop noun
MAX_COUNT = 2**31 - 1  # the store's integer columns hold no more; a longer number is no count


@dataclass
class Count:
    token: int  # index of the number token
    value: int


def _number(text: str, next_text: str | None, lex: Lexicon, next_token) -> tuple[float | None, int]:
    """Value of a number token, and how many following tokens it used (a 'тысячи')."""
    if not NUMBER.match(text):
        return None, 0
    raw = text.replace("\u00a0", " ").replace("\u202f", " ")
    if re.match(r"^\d{1,3}(?:[ ,]\d{3})+$", raw):
        value = float(re.sub(r"[ ,]", "", raw))
    else:
        value = float(raw.replace(",", "."))
    used = 0
    if next_token is not None and (lex.thousand.has(next_token) or next_token.lower.startswith(("тыс", "тис", "thousand"))):
        value, used = value * 1000, 1
    elif next_token is not None and lex.hundred.has(next_token):
        value, used = value * 100, 1
    if not math.isfinite(value) or value > MAX_COUNT:
        return None, 0
    return value, used


def find_counts(tokens, lex: Lexicon) -> list[Count]:
    counts: list[Count] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        strong = STRONG.match(tok.text)
        if strong:
            value, _ = _number(strong.group(1).strip(), None, lex, None)
            if value:
                counts.append(Count(i, int(value)))
            continue
        value, used = _number(tok.text, None, lex, tokens[i + 1] if i + 1 < n else None)
        if value is None or value < 1 or (1900 <= value <= 2100 and "." not in tok.text and "," not in tok.text and used == 0):
            continue
        j = i + 1 + used
        if j < n and tokens[j].text in {"-", "–"} and j + 1 < n and tokens[j + 1].lower in {"strong", "member"}:
            counts.append(Count(i, int(value)))
            continue
        for k in range(j, min(n, j + _WINDOW)):
            if lex.troop_nouns.has(tokens[k]):
                counts.append(Count(i, int(round(value))))
                break
            if tokens[k].text in {".", ";", ":"}:
                break
    return counts


def bare_number(tokens, i: int, lex: Lexicon) -> tuple[int | None, int]:
    """A number at token i with no troop noun after it ("Belarus around 500"), and how many
    tokens it took."""
    value, used = _number(tokens[i].text, None, lex, tokens[i + 1] if i + 1 < len(tokens) else None)
    if value is None or value < 1:
        return None, 0
    return int(round(value)), 1 + used
