"""Clause spans inside a sentence: where an argument may be looked for, which part is a
condition ("if asked", "в случае обращения"), which part sits inside quotation marks."""

from __future__ import annotations

from dataclasses import dataclass

from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.segment import Sentence

SOFT_BREAKS = {",", "—", "–", "(", ")"}
HARD_BREAKS = {";", "«", "»", "“", "”", '"', "„"}
COMPLEMENTIZERS = {"что", "that", "що", "чтобы", "щоб"}
NOUN_CONDITIONS = {("в", "случае"), ("у", "разі"), ("в", "разі"), ("in", "the", "event"), ("in", "case"), ("при",),
                   ("у", "випадку"), ("в", "випадку"), ("при", "необходимости"), ("при", "потребі"), ("за", "потреби")}


@dataclass
class Clauses:
    spans: list[tuple[int, int]]
    conditions: list[tuple[int, int]]
    owner: list[int]  # clause index of each token

    def span_of(self, i: int) -> tuple[int, int]:
        return self.spans[self.owner[i]]

    def in_condition(self, i: int) -> bool:
        return any(lo <= i < hi for lo, hi in self.conditions)


def _starts_clause(sentence: Sentence, k: int, lex: Lexicon) -> bool:
    toks = sentence.tokens
    if k >= len(toks):
        return False
    tok = toks[k]
    if lex.clause_breaks.has(tok) or lex.condition_markers.has(tok) or lex.condition_markers.phrase_at(toks, k):
        return True
    if tok.lower in {"и", "а", "но", "і", "й", "та", "але", "and", "but"} and k + 1 < len(toks):
        nxt = toks[k + 1]
        return lex.clause_breaks.has(nxt) or lex.condition_markers.has(nxt)
    return False


def split_clauses(sentence: Sentence, lex: Lexicon) -> Clauses:
    toks = sentence.tokens
    cuts = [0]
    for k, tok in enumerate(toks):
        if tok.text in HARD_BREAKS:
            cuts.append(k + 1)
        elif tok.text in SOFT_BREAKS and _starts_clause(sentence, k + 1, lex):
            cuts.append(k + 1)
        elif sentence.lang == "en" and tok.lower in {"which", "who", "where", "whom"} and k > 0:
            cuts.append(k)
        elif tok.lower in COMPLEMENTIZERS and k > 0 and toks[k - 1].text not in SOFT_BREAKS and any(
                lex.speech_verbs.has(t) or lex.claim_verbs.has(t) or lex.denial_verbs.has(t) or lex.report_nouns.has(t)
                for t in toks[max(cuts[-1], k - 8):k]):
            cuts.append(k)  # "said that ...", "told parliament on Tuesday that ..."
    cuts = sorted(set(c for c in cuts if c <= len(toks))) + [len(toks)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] or [(0, len(toks))]
    owner = [0] * len(toks)
    for idx, (a, b) in enumerate(spans):
        for k in range(a, b):
            owner[k] = idx
    return Clauses(spans, _conditions(sentence, lex), owner)


def _conditions(sentence: Sentence, lex: Lexicon) -> list[tuple[int, int]]:
    toks = sentence.tokens
    out = []
    for k in range(len(toks)):
        n = lex.condition_markers.phrase_at(toks, k) or (1 if lex.condition_markers.has(toks[k]) else 0)
        if not n:
            continue
        words = tuple(t.lower for t in toks[k:k + n])
        if any(words[:len(c)] == c for c in NOUN_CONDITIONS) and n <= 3:
            hi = min(len(toks), k + n + 8)
            for j in range(k + n, hi):
                if toks[j].text in SOFT_BREAKS | HARD_BREAKS or toks[j].pos in {"VERB", "INFN", "PRTS"}:
                    hi = j
                    break
        else:
            hi = len(toks)
            for j in range(k + n, len(toks)):
                if toks[j].text in SOFT_BREAKS | HARD_BREAKS | {"."}:
                    hi = j
                    break
        out.append((k, hi))
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside «...» or “...” or "..." in a block of text."""
    spans, stack = [], []
    pairs = {"«": "»", "“": "”", "„": "“"}
    for pos, ch in enumerate(text):
        if ch in pairs and not (ch == "“" and stack and stack[-1][0] == "„"):
            stack.append((ch, pos))
        elif stack and ch == pairs[stack[-1][0]]:
            opener, start = stack.pop()
            if not stack:
                spans.append((start, pos + 1))
    straight = [i for i, ch in enumerate(text) if ch == '"']
    for a, b in zip(straight[0::2], straight[1::2]):
        spans.append((a, b + 1))
    return spans
