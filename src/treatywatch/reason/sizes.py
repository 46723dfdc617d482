"""Whether a sentence states a troop count: a size is shown only with a sentence
that gives the number (`150`, `2,500`, `2 500`, `2.5 тысячи`, `2 тис.`).

The words that multiply a number (тысяча, thousand, сотня, ...) are the lexicon's
(`data/lexicon/*.yaml`: `thousand`, `hundred`), matched by their first letters so
that inflected forms count.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

_LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon"
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d+(?:[.,]\d+)?)(?![\d])"
                     r"(?:[\s\u00a0-]*([^\W\d_]+))?")
_STEM = 4  # letters of a multiplier's lemma that its inflected forms share


@functools.lru_cache(maxsize=1)
def _multipliers() -> tuple[tuple[str, int], ...]:
    found = []
    for path in sorted(_LEXICON.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, factor in (("thousand", 1000), ("hundred", 100)):
            for lemma in data.get(key) or []:
                found.append((str(lemma).casefold()[:_STEM], factor))
    return tuple(sorted(set(found)))


def _value(digits: str) -> float | None:
    raw = digits.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+", raw):
        return float(re.sub(r"[ ,.]", "", raw))
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def numbers_in(sentence: str) -> set[int]:
    """Every number the sentence states, with a following multiplier applied (and
    without, since "2 500" may be read either way)."""
    found: set[int] = set()
    for match in _NUMBER.finditer(sentence):
        value = _value(match[1])
        if value is None:
            continue
        if value == int(value):
            found.add(int(value))
        word = (match[2] or "").casefold()
        for stem, factor in _multipliers():
            if word.startswith(stem):
                found.add(int(round(value * factor)))
    return found


def states_size(sentence: str | None, size: int) -> bool:
    return bool(sentence) and size in numbers_in(sentence)
