"""Lemmas and grammemes for ru, uk (pymorphy3) and en (simplemma), behind one small API.

    morph = Morph()                         # analyzers load on first use of a language
    morph.analyze("обратилась", "ru")       # Analysis(lemma="обратиться", pos="VERB", grammemes={...})
    morph.lemma("Києві", "uk")              # "київ"
    morph.lemma("troops", "en")             # "troop"
    morph.tag_sentence(["It", "asked"], "en")   # [("NPRO", {}), ("VERB", {"past", "indc"})]

Grammemes are OpenCorpora's (NOUN, VERB, INFN, ADJF, PRTF, GRND, nomn, gent, past, perf, ...).
An English word alone gets a lemma only (pos None, no grammemes): its part of speech depends
on its neighbours, so English is tagged a sentence at a time (`tag_sentence`, en_pos.py) on
the same scheme. Lemmas are lower case with ё -> е and the typographic apostrophes of
Ukrainian (’ ʼ) written as '.

Choosing among parses. pymorphy3's Russian parses come ordered by corpus frequency; the
Ukrainian dictionary has none, so its first parse is arbitrary ("Києві" -> "кий"). Parses
are ranked: (1) a lemma registered with `add_known` (gazetteer names: the name index
registers every name it holds), (2) the highest score, (3) for Ukrainian, the lemma
simplemma gives, (4) NOUN/VERB/ADJF before rarer parts of speech, the library's order last.
A hyphenated word the dictionary does not know ("Касым-Жомартом") is lemmatized part by part.

The pymorphy3 and simplemma imports happen here only, lazily (STYLE: the adapter owns them).
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from typing import Any, Iterable

__all__ = ["Analysis", "Morph", "normalize"]

PYMORPHY_LANGS = ("ru", "uk")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "′": "'", "\u00ad": None, "ё": "е", "Ё": "Е"})
_POS_RANK = {"NOUN": 0, "VERB": 1, "INFN": 1, "ADJF": 2, "PRTF": 3, "GRND": 3, "ADJS": 4, "PRTS": 4,
             "NUMR": 5, "ADVB": 5, "NPRO": 6, "PREP": 6, "CONJ": 6, "PRCL": 6, "INTJ": 7, "COMP": 7, "PRED": 7}


@dataclass(frozen=True)
class Analysis:
    lemma: str
    pos: str | None
    grammemes: frozenset[str]


def normalize(text: str) -> str:
    """Lower case, ё -> е, Ukrainian apostrophes -> ', soft hyphens removed."""
    return text.translate(_APOSTROPHES).lower()


class Morph:
    """One morphological analyzer per language, loaded on first use, with a bounded cache
    keyed by (word, lang). Build it once and share it (the name index registers its names
    here, so the extractor must lemmatize with the same instance)."""

    def __init__(self, cache_size: int = 200_000, known: dict[str, Iterable[str]] | None = None):
        self._analyzers: dict[str, Any] = {}
        self._simplemma: Any = None
        self._english_tagger: Any = None
        self._known: dict[str, set[str]] = {lang: set() for lang in (*PYMORPHY_LANGS, "en")}
        for lang, lemmas in (known or {}).items():
            self._known.setdefault(lang, set()).update(normalize(x) for x in lemmas)
        self._cached = functools.lru_cache(maxsize=cache_size)(self._analyze)

    # --- public ----------------------------------------------------------------------------

    def analyze(self, word: str, lang: str | None) -> Analysis:
        """The preferred analysis of `word` in `lang` (ru, uk, en; anything else gets the
        lower-cased word as its lemma)."""
        return self._cached(word, lang or "")

    def lemma(self, word: str, lang: str | None) -> str:
        return self._cached(word, lang or "").lemma

    def parses(self, word: str, lang: str) -> list[Analysis]:
        """Every analysis pymorphy3 has for the word, best first (ru/uk; [analyze()] otherwise)."""
        if lang not in PYMORPHY_LANGS:
            return [self.analyze(word, lang)]
        parses = self._parse(word.translate(_APOSTROPHES), lang)
        return [_adapt(p) for p in self._ranked(parses, word, lang)] if parses else [self.analyze(word, lang)]

    def tag_sentence(self, words: list[str], lang: str | None) -> list[tuple[str | None, frozenset[str]]] | None:
        """Part of speech and grammemes of each word of one sentence, for a language whose
        words are tagged in context (en); None for ru/uk, whose `analyze` gives them."""
        if lang != "en":
            return None
        if self._english_tagger is None:
            from treatywatch.extract.lang.en_pos import EnglishTagger

            self._english_tagger = EnglishTagger()
        return [(t.pos, t.grams) for t in self._english_tagger.tag(words)]

    def add_known(self, lemmas: Iterable[str], lang: str) -> None:
        """Prefer these lemmas when a word has several (gazetteer names). Clears the cache."""
        self._known.setdefault(lang, set()).update(normalize(x) for x in lemmas)
        self._cached.cache_clear()

    def cache_info(self):
        return self._cached.cache_info()

    # --- internals -------------------------------------------------------------------------

    def _analyze(self, word: str, lang: str) -> Analysis:
        clean = word.translate(_APOSTROPHES)
        if lang in PYMORPHY_LANGS and any(ch.isalpha() for ch in clean):
            return self._analyze_pymorphy(clean, word, lang)
        if lang == "en" and any(ch.isalpha() for ch in clean):
            return Analysis(self._english_lemma(clean), None, frozenset())
        return Analysis(clean.lower(), None, frozenset())

    def _analyze_pymorphy(self, clean: str, word: str, lang: str) -> Analysis:
        parses = self._parse(clean, lang)
        if not parses:
            return Analysis(clean.lower(), None, frozenset())
        best = self._ranked(parses, word, lang)[0]
        analysis = _adapt(best)
        lowered = clean.lower()
        if "-" in lowered and analysis.lemma == lowered and not lowered.startswith("-") and not lowered.endswith("-"):
            parts = [self.analyze(part, lang) for part in clean.split("-")]
            lemma = "-".join(p.lemma for p in parts)
            if lemma != lowered:
                return Analysis(lemma, parts[-1].pos, parts[-1].grammemes)
        return analysis

    def _parse(self, word: str, lang: str) -> list:
        try:
            return self._analyzer(lang).parse(word)
        except (KeyError, ValueError):  # pymorphy3 fails on characters without a Unicode name
            return []

    def _ranked(self, parses: list, word: str, lang: str) -> list:
        known = self._known.get(lang, set())
        top = max(p.score for p in parses)
        hint = None
        if lang == "uk" and not any(normalize(p.normal_form) in known for p in parses):
            tied = {p.normal_form for p in parses if p.score >= top}
            hint = self._uk_hint(word) if len(tied) > 1 else None

        def rank(item: tuple[int, Any]) -> tuple:
            order, parse = item
            lemma = normalize(parse.normal_form)
            return (lemma not in known, -round(parse.score / top, 3) if top else 0, lemma != hint,
                    _POS_RANK.get(parse.tag.POS, 8), order)

        return [p for _, p in sorted(enumerate(parses), key=rank)]

    def _uk_hint(self, word: str) -> str | None:
        simplemma = self._simplemma_module()
        try:
            return normalize(simplemma.lemmatize(word.translate(_APOSTROPHES), lang="uk"))
        except Exception:  # noqa: BLE001 - a hint only; pymorphy3's ranking still applies
            return None

    def _english_lemma(self, word: str) -> str:
        if word.endswith("'s") and len(word) > 2:
            word = word[:-2]
        try:
            return normalize(self._simplemma_module().lemmatize(word, lang="en"))
        except Exception:  # noqa: BLE001 - text never makes analysis fail; keep the word
            return normalize(word)

    def _analyzer(self, lang: str) -> Any:
        analyzer = self._analyzers.get(lang)
        if analyzer is None:
            try:
                import pymorphy3
            except ImportError as exc:  # pragma: no cover - a packaging error
                raise ImportError("pymorphy3 is missing: pip install pymorphy3 pymorphy3-dicts-ru "
                                  "pymorphy3-dicts-uk") from exc
            analyzer = self._analyzers[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        return analyzer

    def _simplemma_module(self) -> Any:
        if self._simplemma is None:
            try:
                import simplemma
            except ImportError as exc:  # pragma: no cover - a packaging error
                raise ImportError("simplemma is missing: pip install simplemma") from exc
            self._simplemma = simplemma
        return self._simplemma


def _adapt(parse: Any) -> Analysis:
    tag = parse.tag
    pos = tag.POS
    # a plain (interned) str: pymorphy3's typed grammeme checks every comparison in Python,
    # and tokens' parts of speech are compared everywhere downstream
    return Analysis(normalize(parse.normal_form), sys.intern(str(pos)) if pos is not None else None,
                    frozenset(tag.grammemes))
