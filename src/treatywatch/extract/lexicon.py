"""Event vocabulary per language, loaded from data/lexicon/<lang>.yaml.

A word class is a set of single lemmas plus a list of multi-word phrases (tuples of
lowercase words). A token belongs to a class when its lemma or its lowercased form is
listed; phrases match on lowercased forms or lemmas, word by word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml

from treatywatch.errors import DataFileError

LANGS = ("ru", "uk", "en")
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it: the same data, faster


@dataclass
class WordClass:
    words: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    starts: frozenset[str] = frozenset()  # first words of the phrases, for a quick miss
    # phrases by their first word, each with its place in `phrases` (the first listed wins)
    by_first: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.starts = frozenset(p[0] for p in self.phrases)
        grouped: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for order, phrase in enumerate(self.phrases):
            grouped.setdefault(phrase[0], []).append((order, phrase))
        self.by_first = {word: tuple(group) for word, group in grouped.items()}

    def has(self, token) -> bool:
        return token.lemma in self.words or token.lower in self.words

    def phrase_at(self, tokens, i: int) -> int:
        """Length of a phrase of this class starting at token i, else 0."""
        if not self.phrases or i >= len(tokens):
            return 0
        first = tokens[i]
        by_form = self.by_first.get(first.lower, ())
        by_lemma = self.by_first.get(first.lemma, ()) if first.lemma != first.lower else ()
        if not by_form and not by_lemma:
            return 0
        candidates = sorted(by_form + by_lemma) if by_form and by_lemma else by_form or by_lemma
        for _, phrase in candidates:
            n = len(phrase)
            if i + n <= len(tokens) and all(
                tokens[i + k].lower == w or tokens[i + k].lemma == w for k, w in enumerate(phrase[1:], 1)
            ):
                return n
        return 0

    def any_in(self, tokens, lo: int = 0, hi: int | None = None) -> bool:
        hi = len(tokens) if hi is None else hi
        words = self.words
        for k in range(max(lo, 0), min(hi, len(tokens))):
            tok = tokens[k]
            if tok.lemma in words or tok.lower in words or (self.phrases and self.phrase_at(tokens, k)):
                return True
        return False

    def positions(self, tokens, lo: int = 0, hi: int | None = None) -> list[int]:
        hi = len(tokens) if hi is None else hi
        return [k for k in range(max(lo, 0), min(hi, len(tokens)))
                if self.has(tokens[k]) or self.phrase_at(tokens, k)]


def _word_class(values: Iterable[str], origin: str = "lexicon", key: str = "") -> WordClass:
    words, phrases = set(), []
    for value in values:
        if not isinstance(value, str):
            # YAML reads a bare no/yes/on/off as a boolean: quote such words in the file
            raise DataFileError(f"{origin}: word class {key!r} has {value!r}, not a word; put the word in quotes")
        value = value.lower().replace("ё", "е")
        parts = value.split()
        if len(parts) == 1:
            words.add(parts[0])
        else:
            phrases.append(tuple(parts))
    return WordClass(frozenset(words), tuple(phrases))


TRIGGER_CLASSES = (
    "appeal_verbs", "appeal_nouns", "invoke_verbs", "readiness", "help_verbs", "consultation_nouns",
    "meeting_nouns", "discuss_verbs", "decline_verbs", "grant_words", "decision_verbs", "decision_nouns",
    "support_words", "withdrawal_verbs", "withdrawal_nouns", "deploy_verbs", "participation_verbs", "deployment_nouns",
)


@dataclass
class Lexicon:
    lang: str
    classes: dict[str, WordClass] = field(default_factory=dict)
    assistance: dict[str, WordClass] = field(default_factory=dict)
    trigger_words: frozenset[str] = frozenset()  # every word that may start an event

    def __getattr__(self, name: str) -> WordClass:
        try:
            return self.__dict__["classes"][name]
        except KeyError:
            raise AttributeError(name) from None


REQUIRED = (
    "appeal_verbs", "appeal_nouns", "help_words", "readiness", "help_verbs", "help_nouns",
    "consultation_nouns", "meeting_nouns", "urgent_adjs", "routine_adjs", "convene_verbs",
    "decision_verbs", "decision_nouns", "decline_verbs", "grant_words", "support_words",
    "deploy_verbs", "force_nouns", "mission_nouns", "withdrawal_verbs", "withdrawal_nouns",
    "negators", "negative_dets", "not_only", "denial_verbs", "falsity_words", "report_nouns",
    "hedges", "claim_verbs", "unnamed_sources", "speech_verbs", "according_to", "citing",
    "future_aux", "intent_words", "condition_markers", "exercise_words", "programme_words",
    "question_particles", "clause_breaks", "troop_nouns", "quantity_approx", "thousand", "hundred",
    "org_anaphora", "invoke_verbs", "article_words", "discuss_verbs", "home_words", "from_preps", "to_preps",
    "deliberation", "procedure_words", "carrier_verbs", "generic_quantifiers", "relative_pronouns", "first_person", "operation_words",
    "participation_verbs", "exhortation", "media_words", "possessive_own", "topic_stems", "collective_force_words", "non_security_help", "possibility",
    "content_governors", "refrain_governors", "advice_governors", "irrealis_markers", "complementizers", "habitual_adverbs", "situation_words", "private_channels", "provision_governors", "willing_governors", "noun_condition_markers", "copulas", "generic_parties", "temporal_markers", "confirm_verbs", "receive_verbs", "scenario_words", "contrast_conjunctions", "arrival_verbs", "deployment_nouns", "content_preps", "agent_markers", "prepositions", "question_complements", "vague_help", "light_help_verbs", "inversion_conditionals", "alert_levels", "statement_nouns", "possessive_pronouns", "winning_verbs", "passive_aux", "modal_verbs", "coordinators", "country_words", "addressing_verbs", "cause_markers", "member_words", "opposing_preps", "noun_links", "verb_particles",
)


def parse_lexicon(lang: str, data: dict, origin: str) -> Lexicon:
    if not isinstance(data, dict):
        raise DataFileError(f"{origin}: expected a mapping of word classes")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise DataFileError(f"{origin}: missing word classes {', '.join(missing)}; add them (an empty list is allowed)")
    lex = Lexicon(lang)
    for key, values in data.items():
        if key == "assistance":
            lex.assistance = {kind: _word_class(words or [], origin, f"assistance.{kind}") for kind, words in values.items()}
        elif isinstance(values, list):
            lex.classes[key] = _word_class(values, origin, key)
        else:
            raise DataFileError(f"{origin}: word class {key!r} must be a list")
    lex.trigger_words = frozenset().union(*(lex.classes[name].words for name in TRIGGER_CLASSES))
    for key, word_class in lex.classes.items():
        if key not in lex.__dict__:
            lex.__dict__[key] = word_class  # plain attribute look-ups on the hot path, no __getattr__
    return lex


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    if lang not in LANGS:
        lang = "en"
    path = resources.files("treatywatch") / "data" / "lexicon" / f"{lang}.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from None
    return parse_lexicon(lang, data, str(path))
