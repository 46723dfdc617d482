"""English parts of speech for one sentence's tokens, on the OpenCorpora scheme of ru/uk.

    tagger = EnglishTagger()
    tagger.tag(["Armenia", "requested", "help"])   # [EnTag("NOUN", {"sing", "Prop"}, "NNP"),
                                                   #  EnTag("VERB", {"past", "indc"}, "VBD"), ...]

Three steps, each its own function:
1. `_penn_view`: razdel's tokens as the Penn Treebank cuts them ("didn ' t" -> "did n't",
   "Kazakhstan ' s" -> "Kazakhstan 's", "U . S ." -> "U.S."), headline capitals lowered.
2. Penn tags from Brill's rule-based tagger as textblob ships it (`_load_brill`: lexicon,
   lexical and contextual rules learnt on the Brown corpus and the Penn Treebank). A
   contextual rule may change a word's tag only to one of the word's forms (`_allowed`,
   lemminflect's tables), as in Brill's own tagger. Then the corrections below
   (`_correct`): news English where Brill's single most-frequent tag per word goes wrong,
   each changing a tag only to one the word can have.
3. `_opencorpora`: Penn tag + neighbours -> OpenCorpora part of speech and grammemes.

The scheme (docs/architecture.md, "English part of speech"): NOUN (+sing/plur, Prop for a
proper name), VERB for finite verbs and auxiliaries (+past/pres; English has no future
tense; Aux on an auxiliary or modal; impr for an imperative; perf on the participle of a
perfect, "has requested"), INFN for the bare verb after "to", a modal or "do", PRTS for a
passive participle after "be"/"get", PRTF for an attributive participle ("troops deployed
there", "the requested aid"), GRND for an adverbial -ing or one a verb governs ("citing
the treaty", "began withdrawing"; a gerund after a preposition or an article is a NOUN
+Ger: "talks over sending troops"), ADJF (also
articles, determiners and possessive pronouns, as pymorphy tags "этот", "свой": +Apro),
COMP, ADVB, PREP, CONJ (coordinators and subordinators), PRCL ("not", infinitival "to",
possessive "'s", verb particles), NPRO, NUMR; None for punctuation and figures (NUMB).

textblob's tagger and lemminflect are loaded here only, on first use (STYLE: the adapter owns them).
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

__all__ = ["EnTag", "EnglishTagger"]


@dataclass(frozen=True)
class EnTag:
    pos: str | None
    grams: frozenset[str]
    penn: str  # the Penn Treebank tag behind it


# --- closed classes -----------------------------------------------------------------------

BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m"})
HAVE_FORMS = frozenset({"have", "has", "had", "having", "'ve"})
GET_FORMS = frozenset({"get", "gets", "got", "gotten", "getting"})
DO_FORMS = frozenset({"do", "does", "did"})
NEGATIONS = frozenset({"not", "n't"})
SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
ARTICLES = frozenset({"a", "an", "the", "this", "these", "those", "any", "no", "every", "another", "each"})
# A verb right after one of these takes a bare infinitive ("helped secure", "let them go").
BARE_INFINITIVE_HOSTS = frozenset({"help", "helps", "helped", "helping", "let", "lets", "make", "makes", "made",
                                   "see", "saw", "hear", "heard", "watch", "watched"})
VERB_PARTICLES = frozenset({"out", "down", "up", "back", "off", "away"})
# Brill tags these IN; here they join clauses (CONJ). "after", "before", "since", "until" and
# "as" stay PREP, as pymorphy tags "после", "до", "с".
SUBORDINATORS = frozenset({"that", "if", "whether", "because", "although", "though", "unless", "whereas", "while"})
# Words that start a new clause for the corrections' look-ahead: a finite verb after them is another clause's.
CLAUSE_OPENERS = SUBORDINATORS | frozenset({"after", "before", "when", "as", "since", "until", "which", "who",
                                            "where", "and", "but", "or", "said", "says"})
# Penn tags these NN; OpenCorpora's "никто", "что-то" are pronouns.
INDEFINITE_PRONOUNS = frozenset({"nobody", "somebody", "anybody", "everybody", "someone", "anyone", "everyone",
                                 "no-one", "nothing", "something", "anything", "everything"})
PUNCTUATION_TAGS = frozenset({",", ".", ":", "``", "''", "(", ")", "#", "$", "SYM", "LS", '"', "-LRB-", "-RRB-"})
APOSTROPHES = frozenset({"'", "’", "ʼ", "`"})
CONTRACTED = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})

CLOSED_CLASS_TAGS = frozenset({"IN", "DT", "PDT", "WDT", "WP", "WP$", "PRP", "PRP$", "CC", "TO", "MD", "EX", "POS",
                               "RP", "CD", "UH", "SYM", "LS", ",", ".", ":", "``", "''", "(", ")", "#", "$"})
_AUXILIARY_WORDS = BE_FORMS | HAVE_FORMS | DO_FORMS | GET_FORMS | {"'s"}
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})
_SUBJECT_TAGS = _NOUN_TAGS | {"PRP", "WDT", "WP"}
_HEADLINE_SHARE = 0.75  # of a sentence's words capitalized: a headline in title case or capitals
_JOINER = EnTag(None, frozenset(), ".")  # the apostrophe of "didn ' t", "Kazakhstan ' s"
_FIGURE = re.compile(r"^[\d.,:/%+\-–]+$")


class EnglishTagger:
    """Brill's lexicon and rules (textblob) with corrections for news English. Holds only
    resources loaded once; `tag` keeps no state between calls, so one instance serves
    many threads."""

    def __init__(self) -> None:
        self._brill: tuple[Any, Any, dict] | None = None
        self._lemminflect: Any = None

    def tag(self, words: Sequence[str]) -> list[EnTag]:
        if not words:
            return []
        lexicon, find_lexical_tags, context = self.brill
        view, where = _penn_view(list(words), lexicon)
        tagged = find_lexical_tags(view)
        lexical = [tag for _, tag in tagged]
        in_context = [tag for _, tag in _apply_context(context, tagged)]
        penn = [self._allowed(word, before, after) for word, before, after in zip(view, lexical, in_context)]
        for k, word in enumerate(view):
            if word[:1].isdigit() and _FIGURE.match(word):
                penn[k] = "CD"  # the lexicon has "2" and "4" as IN (text-speak "to", "for")
        lower = [w.lower() for w in view]
        _correct(lower, penn, self.classes)
        tags = [_opencorpora(lower, penn, i, self.classes) for i in range(len(view))]
        return [tags[j] if j is not None else _JOINER for j in where]

    def _allowed(self, word: str, lexical: str, in_context: str) -> str:
        """Brill's contextual rules as textblob applies them may give a word a tag it never
        has ("for" as WDT, "help" as VBN); the original tagger let a rule change a known
        word's tag only to one seen with it. Here a closed-class word keeps its lexicon tag
        (so a relative "that" stays IN, read as CONJ),
        and an open-class word takes the new tag only if it is one of the word's forms
        (lemminflect's inflection tables); a word lemminflect does not know keeps the tag
        Brill's lexicon has for it."""
        if lexical == in_context:
            return lexical
        if lexical in CLOSED_CLASS_TAGS or in_context in CLOSED_CLASS_TAGS:
            return lexical
        if in_context in {"NNP", "NNPS"}:
            return in_context if word[:1].isupper() else lexical
        forms = self.forms(word)
        if not forms:
            return lexical if self.brill[0].get(word) is not None else in_context
        return in_context if in_context in forms else lexical

    # --- resources -----------------------------------------------------------------------

    def forms(self, word: str) -> frozenset[str]:
        """The Penn tags of the forms this spelling is (lemminflect): "sent" -> VBD, VBN."""
        return _penn_forms(self._lemminflect_module(), word.lower())

    @property
    def brill(self) -> tuple[Any, Any, dict]:
        """(lexicon, find_lexical_tags, contextual rules by tag) of Brill's tagger, loaded on
        first use."""
        if self._brill is None:
            self._brill = _load_brill()
        return self._brill

    def classes(self, word: str) -> frozenset[str]:
        """The Universal parts of speech a word can have (lemminflect: NOUN, VERB, ADJ, ADV,
        AUX, PROPN), empty for a word it does not know."""
        return _word_classes(self._lemminflect_module(), word.lower())

    def _lemminflect_module(self) -> Any:
        if self._lemminflect is None:
            try:
                import lemminflect
            except ImportError as exc:  # pragma: no cover - a packaging error
                raise ImportError("lemminflect is missing: pip install lemminflect") from exc
            self._lemminflect = lemminflect
        return self._lemminflect


def _load_brill() -> tuple[Any, Any, dict]:
    """Brill's tagger from textblob: its `_text.py` and the data files in `textblob/en/`,
    loaded without importing the textblob package, whose __init__ imports nltk (about
    110 MB and a second, for nothing used here). textblob.en's own Parser.find_tags passes
    the lexicon only, leaving out Brill's contextual rules; they are applied here
    (`_apply_context`). textblob's named-entity list is left out: it changed no tag of the
    dev corpus's English sentences and took a quarter of the time."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textblob is missing: pip install textblob")
    folder = Path(next(iter(spec.submodule_search_locations)))
    text_spec = importlib.util.spec_from_file_location("treatywatch_textblob_text", folder / "_text.py")
    if text_spec is None or text_spec.loader is None:  # pragma: no cover - a packaging error
        raise ImportError(f"textblob has no _text.py in {folder}")
    module = importlib.util.module_from_spec(text_spec)
    text_spec.loader.exec_module(module)
    data = folder / "en"
    lexicon = module.Lexicon(path=str(data / "en-lexicon.txt"), morphology=str(data / "en-morphology.txt"),
                             context=str(data / "en-context.txt"), language="en")
    find_lexical_tags = functools.partial(module.find_tags, lexicon=lexicon, morphology=lexicon.morphology,
                                          default=("NN", "NNP", "CD"), language="en")
    find_lexical_tags(["The", "zqxv", "request"])  # the files are read on first use: now, once
    return lexicon, find_lexical_tags, _context_rules_by_tag(list(lexicon.context))


# Brill's contextual rule conditions, as textblob's Context.apply tests them: t is the tagged
# sentence padded with three ("STAART", "STAART") on each side, i the token, x and y the rule's words.
_CONDITIONS = {
    "prevtag": lambda t, i, x, y: x == t[i - 1][1],
    "nexttag": lambda t, i, x, y: x == t[i + 1][1],
    "prev2tag": lambda t, i, x, y: x == t[i - 2][1],
    "next2tag": lambda t, i, x, y: x == t[i + 2][1],
    "prev1or2tag": lambda t, i, x, y: x in (t[i - 1][1], t[i - 2][1]),
    "next1or2tag": lambda t, i, x, y: x in (t[i + 1][1], t[i + 2][1]),
    "prev1or2or3tag": lambda t, i, x, y: x in (t[i - 1][1], t[i - 2][1], t[i - 3][1]),
    "next1or2or3tag": lambda t, i, x, y: x in (t[i + 1][1], t[i + 2][1], t[i + 3][1]),
    "surroundtag": lambda t, i, x, y: x == t[i - 1][1] and y == t[i + 1][1],
    "curwd": lambda t, i, x, y: x == t[i][0],
    "prevwd": lambda t, i, x, y: x == t[i - 1][0],
    "nextwd": lambda t, i, x, y: x == t[i + 1][0],
    "prev1or2wd": lambda t, i, x, y: x in (t[i - 1][0], t[i - 2][0]),
    "next1or2wd": lambda t, i, x, y: x in (t[i + 1][0], t[i + 2][0]),
    "prevwdtag": lambda t, i, x, y: x == t[i - 1][0] and y == t[i - 1][1],
    "nextwdtag": lambda t, i, x, y: x == t[i + 1][0] and y == t[i + 1][1],
    "wdprevtag": lambda t, i, x, y: x == t[i - 1][1] and y == t[i][0],
    "wdnexttag": lambda t, i, x, y: x == t[i][0] and y == t[i + 1][1],
    "wdand2aft": lambda t, i, x, y: x == t[i][0] and y == t[i + 2][0],
    "wdand2tagbfr": lambda t, i, x, y: x == t[i - 2][1] and y == t[i][0],
    "wdand2tagaft": lambda t, i, x, y: x == t[i][0] and y == t[i + 2][1],
    "lbigram": lambda t, i, x, y: x == t[i - 1][0] and y == t[i][0],
    "rbigram": lambda t, i, x, y: x == t[i][0] and y == t[i + 1][0],
    "prevbigram": lambda t, i, x, y: x == t[i - 2][1] and y == t[i - 1][1],
    "nextbigram": lambda t, i, x, y: x == t[i + 1][1] and y == t[i + 2][1],
}
_PAD = [("STAART", "STAART")] * 3


def _context_rules_by_tag(rules: list[list[str]]) -> dict[str, tuple]:
    """textblob's rules ([from, to, command, x, y]) grouped by the tag they change, in file
    order ("*" rules in each group at their place)."""
    compiled = [(r[0], r[1], _CONDITIONS[r[2].lower()], r[3], r[4] if len(r) > 4 else "")
                for r in rules if len(r) > 3 and r[2].lower() in _CONDITIONS]
    tags = {r[0] for r in compiled if r[0] != "*"}
    return {tag: tuple((to, test, x, y) for source, to, test, x, y in compiled if source in {tag, "*"})
            for tag in tags} | {"*": tuple((to, test, x, y) for source, to, test, x, y in compiled if source == "*")}


def _apply_context(rules_by_tag: dict[str, tuple], tagged: list[list[str]]) -> list[list[str]]:
    """textblob's Context.apply with the same result (each token tries, in order, the rules
    for the tag it came with; the last that matches wins, later tokens see the change),
    without trying all 290 rules on every token (most of the tagging time)."""
    t = _PAD + [list(token) for token in tagged] + _PAD
    for i in range(3, len(t) - 3):
        original = t[i][1]
        for to, test, x, y in rules_by_tag.get(original, rules_by_tag["*"]):
            if test(t, i, x, y):
                t[i] = [t[i][0], to]
    return t[3:-3]


_SAME_SPELLING = {"VBD": "VBN", "VBN": "VBD", "VB": "VBP", "VBP": "VB"}  # the tables list one of each pair


@functools.lru_cache(maxsize=100_000)
def _penn_forms(module: Any, word: str) -> frozenset[str]:
    tags = set()
    for upos, lemmas in module.getAllLemmas(word).items():
        for lemma in lemmas:
            for tag, spellings in module.getAllInflections(lemma, upos=upos).items():
                if word in spellings:
                    tags.add(tag)
                    if tag in _SAME_SPELLING:
                        tags.add(_SAME_SPELLING[tag])
    return frozenset(tags)


@functools.lru_cache(maxsize=100_000)
def _word_classes(module: Any, word: str) -> frozenset[str]:
    return frozenset(module.getAllLemmas(word))


# --- 1. the Penn view ---------------------------------------------------------------------

def _penn_view(words: list[str], lexicon) -> tuple[list[str], list[int | None]]:
    """Tokens as the Penn Treebank cuts them, and for each razdel token the index of its
    view token (None for an apostrophe that only joined two pieces)."""
    view: list[str] = []
    where: list[int | None] = []
    i = 0
    while i < len(words):
        word = words[i]
        if (word in APOSTROPHES and view and i + 1 < len(words) and words[i + 1].lower() in CONTRACTED
                and view[-1][-1:].isalpha()):
            suffix = words[i + 1].lower()
            if suffix == "t" and view[-1].lower().endswith("n") and len(view[-1]) > 2:
                view[-1] = view[-1][:-1]  # "didn" -> "did", "won" -> "wo", "can" -> "ca" (Penn)
                view.append("n't")
            else:
                view.append("'" + suffix)
            where += [None, len(view) - 1]
            i += 2
            continue
        letters = _initialism_at(words, i) if len(word) == 1 else 0
        if letters:  # "U . S ." -> "U.S."
            view.append("".join(words[i:i + letters]))
            where += [len(view) - 1 if words[j] != "." else None for j in range(i, i + letters)]
            i += letters
            continue
        view.append(word.replace("’", "'"))
        where.append(len(view) - 1)
        i += 1
    _lower_headline(view, lexicon)
    return view, where


def _initialism_at(words: list[str], i: int) -> int:
    """How many tokens "U . S ." (letter, dot, letter, dot) spans at i; 0 if none."""
    j = i
    while j + 1 < len(words) and len(words[j]) == 1 and words[j].isupper() and words[j + 1] == ".":
        j += 2
    return j - i if j - i >= 4 else 0


def _lower_headline(view: list[str], lexicon) -> None:
    """A headline in title case or capitals hides which words are names: a capitalized word
    whose lower-case form the lexicon knows as a common word is looked up lower-cased;
    an unknown word in capitals ("CSTO") is looked up as a name."""
    alpha = [w for w in view if w[:1].isalpha()]
    headline = len(alpha) >= 3 and sum(w[:1].isupper() for w in alpha) >= _HEADLINE_SHARE * len(alpha)
    first = next((k for k, w in enumerate(view) if w[:1].isalpha()), None)
    for k, word in enumerate(view):
        if not word[:1].isupper() or not (headline or k == first or word.isupper()):
            continue
        lower = word.lower()
        known = lexicon.get(word)
        lower_tag = lexicon.get(lower)
        common = lower_tag is not None and lower_tag not in {"NNP", "NNPS", "PRP"}
        name = known in {"NNP", "NNPS"} and lower_tag in {"NN", "NNS"}  # "Turkey", "China"
        if common and (known is None or (headline or k == first) and not name):
            view[k] = lower
        elif known is None and word.isupper() and len(word) > 1 and word.isalpha():
            view[k] = word.title()  # Brill tags an unknown title-case word NNP


# --- 2. corrections to Brill's tags ---------------------------------------------------------

def _correct(lower: list[str], penn: list[str], classes) -> None:
    """One pass over the sentence for each group of CORRECTIONS: left to right, the first
    rule of the group that applies to a token changes its tag. Word classes are settled in
    the first pass, so that the tense rules that look for another verb in the clause see
    "for help" as a noun."""
    for rules in CORRECTIONS:
        by_tag = _rules_by_tag(rules)
        for i in range(len(penn)):
            for rule in by_tag.get(penn[i], ()):
                new = rule(lower, penn, i, classes)
                if new is not None:
                    penn[i] = new
                    break


def acts_on(*tags: str):
    """The Penn tags a correction may change (it is not tried on other tokens)."""
    def mark(rule):
        rule.acts_on = frozenset(tags)
        return rule
    return mark


@functools.lru_cache(maxsize=4)
def _rules_by_tag(rules: tuple) -> dict[str, tuple]:
    tags = {tag for rule in rules for tag in rule.acts_on}
    return {tag: tuple(rule for rule in rules if tag in rule.acts_on) for tag in tags}


def _before(lower: list[str], penn: list[str], i: int) -> int | None:
    """The nearest token before i that is not an adverb or a negation."""
    j = i - 1
    while j >= 0 and (penn[j] in _ADVERB_TAGS or lower[j] in NEGATIONS):
        j -= 1
    return j if j >= 0 else None


def _aux_kind(lower: list[str], penn: list[str], j: int | None) -> str | None:
    if j is None:
        return None
    word = lower[j]
    if penn[j] == "MD":
        return "modal"
    if word in BE_FORMS or word == "'s" and penn[j] == "VBZ":
        return "be"
    if word in HAVE_FORMS:
        return "have"
    if word in GET_FORMS:
        return "get"
    if word in DO_FORMS:
        return "do"
    if penn[j] == "TO":
        return "to"
    return None


def _earlier_finite_verb(lower: list[str], penn: list[str], i: int) -> bool:
    """A finite verb before i in the same clause ("Tajikistan had turned to Russia for help
    against militants based in Afghanistan")."""
    for j in range(i - 1, -1, -1):
        if penn[j] in PUNCTUATION_TAGS or penn[j] == "CC" or lower[j] in CLAUSE_OPENERS or penn[j] in {"WDT", "WP"}:
            return False
        if penn[j] in _FINITE_TAGS:
            return True
    return False


def _later_finite_verb(lower: list[str], penn: list[str], i: int) -> bool:
    """A finite verb after i in the same clause ("the troops deployed there would return";
    "Deploying peacekeepers, he stressed, was not ...": a speech insert does not end it)."""
    j = i + 1
    while j < len(penn):
        if penn[j] == ",":
            after = _after_speech_insert(penn, j)
            if after == j:
                return False
            j = after
            continue
        if penn[j] in PUNCTUATION_TAGS or penn[j] == "CC" or lower[j] in CLAUSE_OPENERS or penn[j] in {"WDT", "WP"}:
            return False
        if penn[j] in _FINITE_TAGS:
            return True
        j += 1
    return False


def _after_speech_insert(penn: list[str], j: int) -> int:
    """At the comma j of ", he stressed," or ", officials said,": the index after the second
    comma; else j itself."""
    k = j + 1
    while k < len(penn) and penn[k] in {"PRP", "NNP", "NNPS", "NNS", "NN", "DT", "JJ"} and k - j <= 4:
        k += 1
    if k > j + 1 and k + 1 < len(penn) and penn[k] in {"VBD", "VBZ"} and penn[k + 1] == ",":
        return k + 2
    return j


@acts_on("POS")
def contracted_is(lower, penn, i, classes) -> str | None:
    """"it 's over", "there 's no request": 's after a pronoun is 'is' (or 'has'), not a possessive."""
    if lower[i] == "'s" and penn[i] == "POS" and i > 0 and (penn[i - 1] in {"PRP", "EX", "WP"} or lower[i - 1] == "that"):
        return "VBZ"
    return None


@acts_on("VBD")
def participle_after_have_or_be(lower, penn, i, classes) -> str | None:
    """'has sent', 'was sent': a past form after have/be/get is the participle."""
    if penn[i] == "VBD" and _aux_kind(lower, penn, _before(lower, penn, i)) in {"have", "be", "get"}:
        return "VBN"
    return None


@acts_on("VBD")
def attributive_participle(lower, penn, i, classes) -> str | None:
    """'the requested aid', 'its deployed units': a past form between an article or a
    possessive and a noun is the participle."""
    if penn[i] != "VBD" or i == 0 or i + 1 >= len(penn) or penn[i + 1] not in _NOUN_TAGS:
        return None
    if penn[i - 1] in {"PRP$", "POS", "WP$"} or penn[i - 1] == "DT" and lower[i - 1] in ARTICLES:
        return "VBN"
    return None


@acts_on("VBD", "VBN")
def participle_after_noun(lower, penn, i, classes) -> str | None:
    """A reduced relative: 'troops sent by the bloc', 'the units deployed there would
    return', 'raids by militants based in Afghanistan': an -ed form right after a common
    noun, with 'by' after it or another finite verb in its clause."""
    if penn[i] not in {"VBD", "VBN"} or i == 0 or penn[i - 1] not in {"NN", "NNS"}:
        return None
    nxt = lower[i + 1] if i + 1 < len(lower) else ""
    if nxt == "by" or (penn[i + 1:i + 2] and penn[i + 1] in {"IN", "TO", "RB", "EX"} and (
            _later_finite_verb(lower, penn, i) or _earlier_finite_verb(lower, penn, i - 1))):
        return "VBN"
    return None


@acts_on("VBN")
def past_after_subject(lower, penn, i, classes) -> str | None:
    """'the bloc refused', 'Moscow called': a participle with no auxiliary after its subject
    is the simple past (a reduced relative was caught by the rule before)."""
    if penn[i] != "VBN":
        return None
    j = _before(lower, penn, i)
    if j is None or _aux_kind(lower, penn, j) is not None or penn[j] not in _SUBJECT_TAGS:
        return None
    if j == i - 1 and penn[j] in {"NN", "NNS", "NNP", "NNPS"} and j > 0 and penn[j - 1] in {"IN", "TO"} \
            and i + 1 < len(penn) and penn[i + 1] in _NOUN_TAGS | {"DT", "JJ"}:
        return None  # "support for the [units] [deployed] [troops]" - too unsure to change
    return "VBD"


@acts_on("VB", "VBP", "VBZ", "VBD")
def noun_after_determiner(lower, penn, i, classes) -> str | None:
    """'the call', 'its request', 'Poland 's offer', 'for help': a verb tag right after an
    article, a possessive, an adjective or a preposition is the noun, where the word can be one."""
    if penn[i] not in {"VB", "VBP", "VBZ", "VBD"} or i == 0:
        return None
    prev = penn[i - 1]
    after_preposition = prev == "IN" and lower[i - 1] not in SUBORDINATORS
    if not (prev in {"PRP$", "POS", "WP$", "JJ"} or prev == "DT" and lower[i - 1] in ARTICLES or after_preposition):
        return None
    if "NOUN" not in classes(lower[i]):
        return None
    return "NNS" if penn[i] == "VBZ" or lower[i].endswith("s") and penn[i] != "VBD" else "NN"


@acts_on("JJ")
def noun_head_after_determiner(lower, penn, i, classes) -> str | None:
    """'its contingent in January': an adjective tag after an article or a possessive with
    no noun after it heads the phrase itself, where the word can be a noun."""
    if penn[i] != "JJ" or i == 0 or "NOUN" not in classes(lower[i]):
        return None
    if not (penn[i - 1] in {"PRP$", "POS", "WP$"} or penn[i - 1] == "DT" and lower[i - 1] in ARTICLES):
        return None
    # "the contingent left the country": a participle with an object after it is the verb
    verb_with_object = i + 2 < len(penn) and penn[i + 1] in {"VBN", "VBD"} and penn[i + 2] in {"DT", "PRP$", "NNP", "NNPS"}
    if i + 1 < len(penn) and penn[i + 1] in _NOUN_TAGS | {"JJ", "JJR", "JJS", "CD", "VBG", "VBN", "CC", "HYPH"} \
            and not verb_with_object:
        return None
    return "NN"


@acts_on("NN")
def infinitive_after_to(lower, penn, i, classes) -> str | None:
    """'promised to aid its ally', 'ready to support Armenia': after 'to' that follows a verb
    or an adjective, a base form with an object after it is the infinitive ('access to aid'
    and 'turned to aid' stay nouns)."""
    if penn[i] != "NN" or i < 2 or penn[i - 1] != "TO" or lower[i].endswith("s") or "VERB" not in classes(lower[i]):
        return None
    if not (penn[i - 2].startswith("VB") or penn[i - 2] == "JJ"):
        return None
    if i + 1 < len(penn) and penn[i + 1] in {"DT", "PRP$", "PRP", "NNP", "NNPS", "NNS", "NN", "JJ", "CD"}:
        return "VB"
    return None


@acts_on("RB", "IN")
def verb_particle(lower, penn, i, classes) -> str | None:
    """'turned down', 'pulled back', 'ruled out': the adverb right after a verb is its particle."""
    if lower[i] in VERB_PARTICLES and penn[i] in {"RB", "IN"} and i > 0 and penn[i - 1].startswith("VB"):
        return "RP"
    return None


@acts_on("NN", "NNS", "JJ")
def verb_after_modal_or_pronoun(lower, penn, i, classes) -> str | None:
    """'may request', 'will aid', 'it plans', 'they request': after a modal, 'to' or a
    subject pronoun the word is a verb, where it can be one."""
    if penn[i] not in {"NN", "NNS", "JJ"} or "VERB" not in classes(lower[i]):
        return None
    j = _before(lower, penn, i)
    if j is None:
        return None
    kind = _aux_kind(lower, penn, j)
    base = not lower[i].endswith("s")
    if kind in {"modal", "do"} and base and penn[i] != "NNS":
        return "VB"
    if penn[j] == "PRP" and lower[j] in SUBJECT_PRONOUNS and j == i - 1:
        return "VBZ" if penn[i] == "NNS" else "VBP"
    return None


@acts_on("NNS")
def present_after_name(lower, penn, i, classes) -> str | None:
    """'Turkey requests consultations', 'Minsk offers aid, Moscow sends troops': a plural-
    looking word after a name that opens the clause, with no other verb in the clause, is
    the verb in the present."""
    if penn[i] != "NNS" or i == 0 or penn[i - 1] not in {"NNP", "NNPS"} or "VERB" not in classes(lower[i]):
        return None
    start = i - 1
    while start > 0 and penn[start - 1] in {"NNP", "NNPS"}:
        start -= 1
    opens = start == 0 or penn[start - 1] in PUNCTUATION_TAGS or penn[start - 1] == "CC"
    if not opens or _later_finite_verb(lower, penn, i):
        return None
    if i + 1 < len(penn) and penn[i + 1] in {"VBD", "VBN", "VBZ", "VBP", "MD"}:
        return None
    return "VBZ"


@acts_on("VB")
def noun_after_verb(lower, penn, i, classes) -> str | None:
    """'requested help', 'offered support': a bare verb right after a finite verb is its
    object noun, unless the verb takes a bare infinitive ('helped secure')."""
    if penn[i] != "VB" or i == 0 or penn[i - 1] not in {"VB", "VBD", "VBZ", "VBP", "VBN"}:
        return None
    if lower[i - 1] in BARE_INFINITIVE_HOSTS | DO_FORMS or "NOUN" not in classes(lower[i]):
        return None
    return "NN"


CORRECTIONS = (
    (contracted_is, noun_after_determiner, noun_head_after_determiner, infinitive_after_to, verb_particle,
     verb_after_modal_or_pronoun, present_after_name, noun_after_verb),  # word classes
    (participle_after_have_or_be, attributive_participle, participle_after_noun, past_after_subject),  # tenses
)


# --- 3. Penn -> OpenCorpora -----------------------------------------------------------------

_SIMPLE = {
    "CC": ("CONJ", ()), "DT": ("ADJF", ("Apro",)), "PDT": ("ADJF", ("Apro",)), "WDT": ("ADJF", ("Apro",)),
    "PRP$": ("ADJF", ("Apro", "Poss")), "WP$": ("ADJF", ("Apro", "Poss")), "PRP": ("NPRO", ()), "WP": ("NPRO", ()),
    "JJ": ("ADJF", ()), "JJR": ("COMP", ()), "JJS": ("ADJF", ("Supr",)), "RB": ("ADVB", ()), "RBR": ("COMP", ()),
    "RBS": ("ADVB", ("Supr",)), "WRB": ("ADVB", ()), "EX": ("ADVB", ()), "RP": ("PRCL", ()), "UH": ("INTJ", ()),
    "POS": ("PRCL", ("Poss",)), "NN": ("NOUN", ("sing",)), "NNS": ("NOUN", ("plur",)),
    "NNP": ("NOUN", ("sing", "Prop")), "NNPS": ("NOUN", ("plur", "Prop")), "FW": ("NOUN", ()),
    "VBD": ("VERB", ("past", "indc")), "VBZ": ("VERB", ("pres", "indc", "sing", "3per")),
    "VBP": ("VERB", ("pres", "indc")), "MD": ("VERB", ("Aux",)),
}


def _opencorpora(lower: list[str], penn: list[str], i: int, classes) -> EnTag:
    tag, word = penn[i], lower[i]
    pos, grams = _map(lower, penn, i, tag, word, classes)
    if pos == "VERB" and tag != "MD" and word in _AUXILIARY_WORDS:
        nxt = _next_word(lower, penn, i)
        if nxt is not None and penn[nxt].startswith("VB"):
            grams = grams + ("Aux",)
    return _entag(pos, grams, tag)


@functools.lru_cache(maxsize=1024)
def _entag(pos: str | None, grams: tuple[str, ...], penn: str) -> EnTag:
    return EnTag(pos, frozenset(grams), penn)


def _next_word(lower: list[str], penn: list[str], i: int) -> int | None:
    j = i + 1
    while j < len(penn) and (penn[j] in _ADVERB_TAGS or lower[j] in NEGATIONS):
        j += 1
    return j if j < len(penn) else None


def _map(lower, penn, i, tag, word, classes) -> tuple[str | None, tuple[str, ...]]:
    if tag in PUNCTUATION_TAGS or not any(ch.isalnum() for ch in word):
        return None, ()
    if tag == "CD":
        return (None, ("NUMB",)) if _FIGURE.match(word) else ("NUMR", ())
    if word in NEGATIONS:
        return "PRCL", ()
    if tag == "TO":
        nxt = _next_word(lower, penn, i)
        return ("PRCL", ()) if nxt is not None and penn[nxt] == "VB" else ("PREP", ())
    if tag == "IN":
        return ("CONJ", ()) if word in SUBORDINATORS else ("PREP", ())
    if tag in {"NN", "NNS"} and word in INDEFINITE_PRONOUNS:
        return "NPRO", ()
    if tag == "VB":
        kind = _aux_kind(lower, penn, _before(lower, penn, i))
        if kind in {"to", "modal", "do"}:
            return "INFN", ()
        if i == 0 or penn[i - 1] in PUNCTUATION_TAGS:
            return "VERB", ("impr",)
        return "VERB", ("pres",)
    if tag == "VBN":
        kind = _aux_kind(lower, penn, _before(lower, penn, i))
        if kind == "have":
            return "VERB", ("past", "perf")
        if kind in {"be", "get"}:
            return "PRTS", ("past", "pssv")
        attributive = i + 1 < len(penn) and penn[i + 1] in _NOUN_TAGS and (i == 0 or penn[i - 1] not in _NOUN_TAGS)
        if attributive and "ADJ" in classes(word):
            return "ADJF", ()
        return "PRTF", ("past", "pssv")
    if tag == "VBG":
        j = _before(lower, penn, i)
        kind = _aux_kind(lower, penn, j)
        if kind == "be":
            return "VERB", ("prog",)
        prev = penn[i - 1] if i > 0 else ""
        if prev in {"PRP$", "POS", "WP$"} or prev == "DT" and lower[i - 1] in ARTICLES:
            return "NOUN", ("sing", "Ger")  # "the fighting", "its sending"
        if prev == "IN" and lower[i - 1] not in SUBORDINATORS:
            return "NOUN", ("sing", "Ger")  # "talks over sending troops", "against activating Article 4"
        if (i == 0 or prev in {"``", "''", '"', "("}) and _later_finite_verb(lower, penn, i):
            return "NOUN", ("sing", "Ger")  # "Deploying peacekeepers was not on the agenda"
        if prev in _NOUN_TAGS:
            return "PRTF", ("pres", "actv")  # "troops guarding the airport"
        return "GRND", ("pres",)  # "citing the treaty", "began withdrawing"
    pos, grams = _SIMPLE.get(tag, ("NOUN", ()))
    return pos, grams
