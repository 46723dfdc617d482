"""What governs an event word: the predicate whose complement it is, and what that
predicate does to it.

"demanded that Russia withdraw its troops", "вимагало від Росії вивести війська",
"were expecting the troops to pull back": the withdrawal is somebody's wish, not an act.
"held back from triggering Article 4", "воздержалась от обращения": the act is negated.
"Armenia should invoke", "Еревану стоит обратиться": advice, not an act.
"чтобы войска были выведены", "so that the troops leave": a purpose or a wish, not an act.
"Статья 4 предусматривает консультации", "the treaty provides for assistance": treaty text.
"не против вывести войска", "ready to pull out", "условие ухода": only on a condition.

The walk goes left from the event word over its own phrase (objects, coordinated
infinitives, quotation marks) to the nearest governing word of a known class, and stops
at what opens another clause (a complementizer, a relative pronoun, a semicolon) or at a
finite verb of no known class. The classes are word lists in the lexicon:
`content_governors`, `refrain_governors`, `advice_governors`, `provision_governors`,
`willing_governors`, `irrealis_markers`, `complementizers`.
"""

from __future__ import annotations

from dataclasses import dataclass

from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.segment import Sentence, Token

# what a governor does to the act it governs, in the order a class is tried
GOVERNOR_CLASSES = (
    ("refrain", "refrain_governors"),
    ("advice", "advice_governors"),
    ("provision", "provision_governors"),
    ("willing", "willing_governors"),
    ("content", "content_governors"),
)
CLAUSE_OPENERS = {";", ":"}
QUOTES = {"«", "»", "“", "”", '"', "„", "'"}
REACH = 12  # tokens: a governor further off governs a clause of its own


@dataclass(frozen=True)
class Governor:
    at: int  # token index of the governing word
    kind: str  # refrain | advice | provision | willing | content | irrealis
    with_object: bool  # someone stands between the governor and the act ("asked Russia to send")
    negated: bool  # the governor itself is negated ("did not refrain from")
    owns_negator: bool = False  # the governor's phrase holds a negator of its own ("не против")


def _finite_verb(tok: Token, lang: str) -> bool:
    if lang == "en":
        return False  # English finite verbs are not told apart here: only the classed words stop
    return tok.pos == "VERB" and not tok.infinitive


def _dependent(toks: list[Token], k: int, lang: str, nominal: bool, lex: Lexicon) -> bool:
    """An event word that cannot stand as its clause's own predicate."""
    tok = toks[k]
    if nominal or tok.infinitive:
        return True
    if lang != "en" or k == 0:
        return False
    prev = toks[k - 1].lower
    return prev == "to" or prev in lex.modal_verbs.words or tok.lower.endswith("ing")


def _own_predicate(tok: Token, lex: Lexicon) -> bool:
    """A word that heads a clause of its own: it governs what follows, not the event."""
    return tok.lemma in lex.trigger_words or lex.speech_verbs.has(tok) or lex.decision_verbs.has(tok)


def _is_opener(tok: Token, lex: Lexicon) -> bool:
    return tok.text in CLAUSE_OPENERS or lex.relative_pronouns.has(tok) or lex.complementizers.has(tok)


def _class_at(toks: list[Token], j: int, lex: Lexicon) -> str | None:
    for kind, name in GOVERNOR_CLASSES:
        wc = getattr(lex, name)
        if wc.has(toks[j]) or wc.phrase_at(toks, j):
            return kind
    return None


def _phrase_end_class(toks: list[Token], j: int, lex: Lexicon) -> tuple[str, int] | None:
    """A multi-word governor ending at j ("hold back from", "не против"): its class and start."""
    for kind, name in GOVERNOR_CLASSES:
        wc = getattr(lex, name)
        for phrase in wc.phrases:
            a = j - len(phrase) + 1
            if a >= 0 and wc.phrase_at(toks, a) == len(phrase):
                return kind, a
    return None


def in_irrealis_clause(sentence: Sentence, k: int, lo: int, lex: Lexicon) -> bool:
    """The event word's clause opens with "чтобы", "щоб", "so that": a purpose or a wish."""
    return lex.irrealis_markers.any_in(sentence.tokens, lo, k)


def governor_of(sentence: Sentence, k: int, lex: Lexicon, nominal: bool = False) -> Governor | None:
    """The governing word of the event word at k, when it is of a class that changes the
    event; None when the act stands in its own clause."""
    toks = sentence.tokens
    if not _dependent(toks, k, sentence.lang, nominal, lex):
        return None
    negators = lex.negators
    party_between = False
    lo = max(0, k - REACH)
    for j in range(k - 1, lo - 1, -1):
        tok = toks[j]
        if tok.text in QUOTES or tok.text == ",":
            continue
        if lex.irrealis_markers.has(tok):
            return Governor(j, "irrealis", False, False)  # "чтобы войска были выведены", "so that troops leave"
        phrase = _phrase_end_class(toks, j, lex)
        kind, start = phrase if phrase else (_class_at(toks, j, lex), j)
        if kind is not None:
            negated = start > 0 and negators.has(toks[start - 1])
            return Governor(start, kind, party_between, negated, negators.has(toks[start]))
        if tok.infinitive and nominal and (lex.discuss_verbs.has(tok) or lex.deliberation.has(tok)):
            return None  # "чтобы обсудить просьбу Таджикистана": what is discussed exists
        if tok.infinitive:
            continue  # "зупинити бойові дії, вивести війська": coordinated infinitives share a governor
        if _is_opener(tok, lex) or _finite_verb(tok, sentence.lang) or _own_predicate(tok, lex):
            return None
        if tok.pos in {"NOUN", "NPRO"} or tok.text[:1].isupper():
            party_between = True
    return None
