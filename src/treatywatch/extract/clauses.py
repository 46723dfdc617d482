"""Clause spans inside a sentence: where an argument may be looked for, which part is a
condition ("if asked", "в случае обращения"), which part sits inside quotation marks."""

from __future__ import annotations

from dataclasses import dataclass

from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.segment import Sentence

SOFT_BREAKS = {",", "—", "–", "(", ")"}
HARD_BREAKS = {";", "«", "»", "“", "”", '"', "„"}
COMPLEMENTIZERS = {"что", "that", "що", "чтобы", "щоб"}


@dataclass
class Clauses:
    spans: list[tuple[int, int]]
    conditions: list[tuple[int, int]]
    owner: list[int]  # clause index of each token
    relative: frozenset[int] = frozenset()  # indexes of relative clauses ("..., яке зібрали ...")
    resumed: dict[int, int] = None  # clause index -> start of the clause it resumes after a relative one

    def span_of(self, i: int) -> tuple[int, int]:
        """The clause of token i. A clause that resumes after a relative or participial one
        starts where its first part does: "Пашинян, [который председательствует,] сообщил"."""
        idx = self.owner[i]
        a, b = self.spans[idx]
        return (self.resumed[idx], b) if self.resumed and idx in self.resumed else (a, b)

    def in_condition(self, i: int) -> bool:
        return any(lo <= i < hi for lo, hi in self.conditions)

    def render(self, tokens) -> str:
        """One line per clause, its kind first: `main`, `cond` (a conditional clause), `rel`
        (relative or participial), `cont` (a main clause resumed after a relative one);
        condition spans in {braces}."""
        lines = []
        for idx, (a, b) in enumerate(self.spans):
            kind = "rel" if idx in self.relative else "cont" if self.resumed and idx in self.resumed else \
                "cond" if any(lo == a and hi >= b - 1 for lo, hi in self.conditions) else "main"
            words = []
            for k in range(a, b):
                text = tokens[k].text
                if any(lo == k for lo, _ in self.conditions):
                    text = "{" + text
                if any(hi == k + 1 for _, hi in self.conditions):
                    text = text + "}"
                words.append(text)
            lines.append(f"{kind}: {' '.join(words)}")
        return "\n".join(lines)

    def conditions_on(self, i: int) -> list[tuple[int, int]]:
        """The conditions that bind the predicate at token i: one inside its own clause ("поможет
        в случае обращения"), or a conditional clause right before or after it ("Если Душанбе
        попросит, Россия поможет"). A relative clause is an island: a condition on the main
        clause does not reach into it, nor one beside it into the main clause."""
        if not self.owner:
            return []
        own = self.owner[i]
        out = []
        for a, b in self.conditions:
            if a <= i < b:
                continue
            where = self.owner[a]
            if where == own or (abs(where - own) == 1 and own not in self.relative):
                out.append((a, b))
        return out


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
    participial = set()  # starts of participial phrases ("заседание, созванное по просьбе Эстонии, ...")
    closes = set()  # where the clause interrupted by a participial phrase goes on
    in_participial = False
    phrases = _quoted_phrases(toks)
    for k, tok in enumerate(toks):
        if tok.text in HARD_BREAKS and k not in phrases:
            cuts.append(k + 1)
            in_participial = False
        elif tok.text in SOFT_BREAKS and in_participial:
            cuts.append(k + 1)  # the comma that closes the participial phrase
            closes.add(k + 1)
            in_participial = False
        elif tok.text in SOFT_BREAKS and k + 1 < len(toks) and toks[k + 1].pos == "PRTF" and k > 0 and toks[k - 1].pos in {"NOUN", None}:
            cuts.append(k + 1)
            participial.add(k + 1)
            in_participial = True
        elif tok.text in SOFT_BREAKS and _starts_clause(sentence, k + 1, lex):
            cuts.append(k + 1)
        elif sentence.lang == "en" and tok.lower in {"which", "who", "where", "whom"} and k > 0:
            cuts.append(k)
        elif tok.lower in COMPLEMENTIZERS and k > 0 and toks[k - 1].text not in SOFT_BREAKS and any(
                lex.speech_verbs.has(t) or lex.claim_verbs.has(t) or lex.denial_verbs.has(t) or lex.report_nouns.has(t)
                for t in toks[max(cuts[-1], k - 8):k]):
            cuts.append(k)  # "said that ...", "told parliament on Tuesday that ..."
        elif tok.text == ":" and k > 0 and any(lex.speech_verbs.has(t) or lex.claim_verbs.has(t) or lex.confirm_verbs.has(t)
                                               for t in toks[cuts[-1]:k]):
            cuts.append(k + 1)  # "Ещё раз подчеркну: ...": what the speech verb says is a clause of its own
    conditions = _conditions(sentence, lex)
    for a, b in conditions:
        opens = a == 0 or toks[a - 1].text in SOFT_BREAKS | HARD_BREAKS  # a condition put first
        if opens and b < len(toks) and toks[b].text in SOFT_BREAKS and not lex.noun_condition_markers.has(toks[a]) \
                and not lex.noun_condition_markers.phrase_at(toks, a):
            cuts.append(b + 1)  # "Если Душанбе попросит, | Россия направит войска"
    cuts = sorted(set(c for c in cuts if c <= len(toks)))
    resuming = set(_relative_ends(sentence, lex, cuts)) | closes
    cuts = sorted(set(cuts) | resuming) + [len(toks)]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] or [(0, len(toks))]
    owner = [0] * len(toks)
    for idx, (a, b) in enumerate(spans):
        for k in range(a, b):
            owner[k] = idx
    relative = frozenset(idx for idx, (a, b) in enumerate(spans) if _opens_relative(toks, a, lex) or a in participial)
    resumed = {}
    for idx, (a, b) in enumerate(spans):
        if a in resuming and idx >= 2 and idx - 1 in relative:
            resumed[idx] = resumed.get(idx - 2, spans[idx - 2][0])
    return Clauses(spans, conditions, owner, relative, resumed)


QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}
SHORT_QUOTE = 8  # tokens


def _quoted_phrases(toks) -> set[int]:
    """Positions of quotation marks around a short phrase with no finite verb («в
    конфиденциальном порядке», "unprovoked"): a cited phrase or a name, not a clause."""
    out: set[int] = set()
    open_at: dict[str, int] = {}
    for k, tok in enumerate(toks):
        closing = next((o for o, c in QUOTE_PAIRS.items() if c == tok.text and o in open_at), None)
        if closing is not None:
            a = open_at.pop(closing)
            inside = toks[a + 1:k]
            if len(inside) <= SHORT_QUOTE and not any(_finite(t) for t in inside):
                out.update({a, k})
        elif tok.text in QUOTE_PAIRS:
            open_at[tok.text] = k
        elif tok.text == '"':
            # straight quotes open and close alike: the next one closes ('its "peacekeeping" contingent')
            if '"' in open_at:
                a = open_at.pop('"')
                inside = toks[a + 1:k]
                if inside and len(inside) <= SHORT_QUOTE and not any(_finite(t) for t in inside):
                    out.update({a, k})
            else:
                open_at['"'] = k
    return out


def _opens_relative(toks, a: int, lex: Lexicon) -> bool:
    return a < len(toks) and a > 0 and lex.relative_pronouns.has(toks[a])


def _finite(tok) -> bool:
    return tok.pos == "VERB" and not tok.infinitive


def _relative_ends(sentence: Sentence, lex: Lexicon, cuts: list[int]) -> list[int]:
    """Where a relative clause ends when no comma closes it: news often writes
    "Засідання, яке зібрали на прохання Польщі передбачає консультації". A relative clause
    has one predicate; a second finite verb that no conjunction joins to the first resumes
    the clause the relative one hangs on."""
    toks = sentence.tokens
    bounds = cuts + [len(toks)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if not _opens_relative(toks, a, lex):
            continue
        seen_verb = False
        for j in range(a + 1, b):
            if not _finite(toks[j]):
                continue
            coordinators = lex.coordinators.words
            joined = toks[j - 1].lower in coordinators or (j > 1 and toks[j - 1].lower in lex.negators.words
                                                            and toks[j - 2].lower in coordinators)
            if seen_verb and not joined:
                out.append(j)
                break
            seen_verb = True
    return out


def _conditions(sentence: Sentence, lex: Lexicon) -> list[tuple[int, int]]:
    """Condition spans: a conditional clause runs from its marker ("если", "if") to the next
    break; a prepositional condition ("в случае обращения Армении", "по первому же запросу",
    "upon request") is only its noun group."""
    toks = sentence.tokens
    out = []
    for k in range(len(toks)):
        n = lex.condition_markers.phrase_at(toks, k) or (1 if lex.condition_markers.has(toks[k]) else 0)
        if not n and _inverted_condition(toks, k, lex):
            n = 1  # "Should Dushanbe ask for it, ...", "Were Russia to attack, ..."
        if not n:
            continue
        if lex.noun_condition_markers.phrase_at(toks, k) or lex.noun_condition_markers.has(toks[k]):
            out.append((k, _noun_group_end(toks, k + n, sentence.lang, lex)))
            continue
        hi = len(toks)
        for j in range(k + n, len(toks)):
            if toks[j].text in SOFT_BREAKS | HARD_BREAKS | {"."}:
                hi = j
                break
        out.append((k, hi))
    return out


def _inverted_condition(toks, k: int, lex: Lexicon) -> bool:
    """An English condition by inversion: "Should/Were/Had" opening a clause before its subject."""
    if not lex.inversion_conditionals.has(toks[k]) or not (k == 0 or toks[k - 1].text in {",", ";", "—"}):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and (nxt.text[:1].isupper() or nxt.lower in {"the", "a", "an", "it", "they", "he", "she"})


NOUN_MODIFIERS = {"ADJF", "NUMR", "NPRO", "PRCL", "ADVB", "CONJ"}


def _noun_group_end(toks, j: int, lang: str, lex: Lexicon) -> int:
    """End of the noun group that completes a prepositional condition: modifiers, the head
    noun, then genitive dependents ("по первому же нашему запросу", "в случае обращения Армении")."""
    if lang == "en":
        return _english_noun_group_end(toks, j, lex)
    marker_has_head = j > 0 and toks[j - 1].pos == "NOUN"
    i = j
    if not marker_has_head:
        while i < len(toks) and toks[i].pos in NOUN_MODIFIERS and toks[i].text not in SOFT_BREAKS | HARD_BREAKS:
            i += 1
        if i < len(toks) and toks[i].pos == "NOUN":
            i += 1
    while i < len(toks) and "gent" in toks[i].grams and toks[i].pos in {"NOUN", "ADJF", "NUMR", None}:
        i += 1
    return i


def _english_noun_group_end(toks, j: int, lex: Lexicon) -> int:
    """'in the event of [an attack on Belarus]', 'upon [a request by Kyrgyzstan]': modifiers and
    nouns, then prepositional dependents; a name right after a common noun opens the clause
    the condition stands before ('in the event of aggression | Russia is ready')."""
    i = j + 1 if j < len(toks) and lex.noun_links.has(toks[j]) else j  # "in the event | of ..."
    while i < len(toks):
        while i < len(toks) and toks[i].pos in NOUN_MODIFIERS and toks[i].text not in SOFT_BREAKS | HARD_BREAKS:
            i += 1
        head = i
        while i < len(toks) and toks[i].pos == "NOUN":
            if i > head and toks[i].text[:1].isupper() and not toks[i - 1].text[:1].isupper():
                return i  # "aggression Russia": the name is the next clause's subject
            i += 1
        if i == head:
            return i
        if i < len(toks) and lex.noun_links.has(toks[i]) and i + 1 < len(toks) and toks[i + 1].pos in NOUN_MODIFIERS | {"NOUN"}:
            i += 1
            continue
        return i
    return i


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
