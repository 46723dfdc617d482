"""Word tokens with offsets, cut as razdel cuts them; shared by segment.py, the name index
and anyone who wants the same split.

razdel's tokenizer builds a record per character class run ("atom") and per gap between
two atoms, then asks its rules whether to join them. `razdel_spans` reads the same atoms
with razdel's own pattern and applies razdel's rules (dash, underscore, float, fraction,
punctuation, other symbols, "Yahoo!") only where two atoms touch, on plain tuples: the same
tokens at a fraction of the cost (tests/test_tokens_razdel.py compares the two on varied
text). razdel's constants are imported, so a razdel upgrade that changes them is followed.

razdel cuts Ukrainian words at their apostrophe ("прем'єр" -> "прем", "'", "єр"); with
`merge_apostrophes` such pieces are glued back into one token, offsets unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, INT, LAT, OTHER, PUNCT, RU, SMILE

__all__ = ["Token", "razdel_spans", "tokenize"]

_APOSTROPHES = frozenset("'’ʼ`")
_WORDLIKE = (OTHER, RU, LAT)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    stop: int


def razdel_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each token razdel's `tokenize` gives for `text`, in order."""
    atoms = [(m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text)]
    if not atoms:
        return []
    spans: list[tuple[int, int]] = []
    token_start, previous_stop, buffer = atoms[0][0], atoms[0][1], atoms[0][3]
    for i in range(1, len(atoms)):
        start, stop, _, atom_text = atoms[i]
        if start == previous_stop and _join(atoms, i, buffer):
            buffer += atom_text
        else:
            spans.append((token_start, previous_stop))
            token_start, buffer = start, atom_text
        previous_stop = stop
    spans.append((token_start, previous_stop))
    return spans


def _join(atoms: list[tuple[int, int, str, str]], i: int, buffer: str) -> bool:
    """razdel's rules, in its order, for the touching atoms i-1 and i (`buffer`: the token
    built so far)."""
    _, _, left_type, left = atoms[i - 1]
    _, _, right_type, right = atoms[i]
    for is_delimiter in (DASHES.__contains__, "_".__eq__):  # DashRule, UnderscoreRule: "что-то"
        pair = _around(atoms, i, is_delimiter)
        if pair is not None and pair[0][2] != PUNCT and pair[1][2] != PUNCT:
            return True
    for delimiters in (".,", "/\\"):  # FloatRule, FractionRule: "3,5", "1/2"
        pair = _around(atoms, i, delimiters.__contains__)
        if pair is not None and pair[0][2] == INT and pair[1][2] == INT:
            return True
    if left_type == PUNCT and right_type == PUNCT:  # punct: ":-)", "?!", "--"
        if SMILE.match(buffer + right) or (left in ENDINGS and right in ENDINGS) or left + right in ("--", "**"):
            return True
    if left_type == OTHER and right_type in _WORDLIKE or left_type in _WORDLIKE and right_type == OTHER:
        return True  # other: "ΔP", "її"
    return left.lower() == "yahoo" and right == "!"


def _around(atoms, i: int, is_delimiter):
    """razdel's Rule2112: when atom i-1 is the delimiter, atoms i-2 and i; when atom i is,
    atoms i-1 and i+1; None when it is neither or a neighbour is missing."""
    if is_delimiter(atoms[i - 1][3]):
        return (atoms[i - 2], atoms[i]) if i >= 2 else None
    if is_delimiter(atoms[i][3]):
        return (atoms[i - 1], atoms[i + 1]) if i + 1 < len(atoms) else None
    return None


def tokenize(text: str, merge_apostrophes: bool = True) -> list[Token]:
    tokens = [Token(text[a:b], a, b) for a, b in razdel_spans(text)]
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
