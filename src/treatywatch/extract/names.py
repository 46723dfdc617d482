"""Find the names of parties, people, bodies, institutions, outlets and treaties in a
sentence, whatever their inflection.

    index = NameIndex(load_knowledge(), morph)          # build once, with the extractor's Morph
    index.find(lemmas, "ru", words)                     # -> [Mention(start, end, kind, id, party, role)]
    tokens, mentions = index.find_text("к странам ОДКБ", "ru")

Every name in the knowledge base is tokenized (razdel) and each word lemmatized with the
same Morph as the text, so "Организации Договора о коллективной безопасности" finds
"Организация Договора о коллективной безопасности". Each name word is indexed under its
lemma and its lower-cased form; Cyrillic proper names also under their stems without a case
ending ("~токаев" for "Токаевым", "Токаєва"), which catches surnames the dictionary
mis-lemmatizes. Matches are the longest at each position, left to right, not overlapping.

Case: when `words` (the tokens as written) are given and not all lower case, a one-word
proper name ("Турция", "Rice") and every ALL-CAPS abbreviation ("US", "ЕС") match only a
word that is not written in lower case ("us", "rice" are not names).

Kinds: state, state_adj, metonym, place (a region of a state), org, body, force, person, outlet, institution, treaty,
group (an organization's adjective, "натовский", comes as `org`; "the Baltic states" as
`group` with the group's id: `Knowledge.group_members` says whom it stands for).

A one-word place name marked ambiguous ("Того", "Куба": also forms of other words) is not
registered with Morph as a preferred lemma, so "того" in text stays a form of "тот".
`party` is the party a mention stands for when fixed (a body's organization, a metonym's or
adjective's state, a specific institution's state); None for people (ask
`Knowledge.person_role(id, date)`) and for generic institutions ("президент").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from treatywatch.extract.lang.morph import Morph, normalize
from treatywatch.extract.lang.tokens import Token, tokenize

if TYPE_CHECKING:
    from treatywatch.knowledge import Knowledge
    from treatywatch.knowledge_records import Name

__all__ = ["KINDS", "Mention", "NameIndex", "is_abbreviation"]

KINDS = ("state", "state_adj", "metonym", "place", "org", "body", "force", "person", "outlet", "institution", "treaty", "group")
LANGS = ("en", "ru", "uk")
_END = ("end",)  # trie key of the aliases that end at a node: a tuple, so no token can equal it
_STEM = "~"  # prefix of stem keys, so a stem never equals a lemma
# Case endings stripped from Cyrillic proper names (ru + uk), longest first.
_ENDINGS = tuple(sorted({
    "ого", "его", "ому", "ему", "ими", "ыми", "ами", "ями", "ові", "еві", "єві",
    "ою", "ею", "єю", "ой", "ей", "ий", "ый", "ым", "им", "ом", "ем", "єм", "ім", "ах", "ях", "ів", "їв", "ої", "ій",
    "а", "я", "у", "ю", "е", "є", "і", "ї", "и", "ы", "о",
}, key=len, reverse=True))
_MIN_STEM = 3
_APOSTROPHES = frozenset("'’ʼ`")  # where razdel splits a Ukrainian word (lang/tokens.py glues it back)
_PLACE_KINDS = frozenset({"state", "state_adj", "metonym", "group"})
_KEYS_CACHE_SIZE = 200_000  # token keys by (lemma, word, lang); cleared when full
# Words that must never be a name on their own, whatever a data file says.
_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "in", "on", "to", "for", "and", "or", "at", "by", "it", "is", "as",
    "и", "в", "на", "с", "по", "к", "о", "не", "что", "как", "а", "у", "из", "за", "от",
    "і", "й", "та", "з", "що", "як", "від", "до", "при",
})


@dataclass(frozen=True)
class Mention:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    kind: str
    id: str
    party: str | None
    role: str | None
    ambiguous: bool = False  # the name can also mean something else ("альянс", "Brussels")
    alternatives: tuple[str, ...] = ()  # other ids the same words name
    name: str = ""  # the name in the data that matched ("CAR" for "Car")


@dataclass(frozen=True)
class _Target:
    kind: str
    id: str
    party: str | None
    role: str | None
    ambiguous: bool


@dataclass(frozen=True)
class _Alias:
    target: _Target
    text: str
    must_be_cased: tuple[bool, ...]  # per word: the word as written may not be all lower case


class NameIndex:
    """Every name the knowledge base holds, lemmatized, in one trie per language."""

    def __init__(self, knowledge: "Knowledge", morph: Morph):
        self.morph = morph
        self.conflicts: list[str] = []  # the same words naming two things, neither marked ambiguous
        self.size = 0
        self._tries: dict[str, dict] = {lang: {} for lang in LANGS}
        self._keys_cache: dict[tuple[str, str | None, str], frozenset[str]] = {}
        named = list(_targets(knowledge))
        for lang in LANGS:
            words = _proper_words(name.text for _, name in named if name.lang == lang)
            morph.add_known(words - _homograph_words(named, lang), lang)
        for target, name in named:
            self._add(name.text, name.lang, target, name.lang)
            if name.lang == "en" and _latin(name.text):
                for lang in ("ru", "uk"):  # Latin names appear as written in ru/uk text (Reuters, NATO)
                    self._add(name.text, lang, target, "en")
        derived = getattr(knowledge, "derived", None)
        if derived is not None:
            derived.setdefault("name_index", self)  # treatywatch.lookup reuses it instead of building another

    # --- matching --------------------------------------------------------------------------

    def find(self, lemmas: list[str], lang: str | None, words: list[str] | None = None) -> list[Mention]:
        """Longest non-overlapping matches over a sentence's token lemmas. Pass `words` (the
        tokens as written, same length) to also match on word forms and stems and to apply
        the case checks (skipped when every word is lower case)."""
        lang = lang if lang in self._tries else _guess_lang(lemmas)
        if words is not None and len(words) != len(lemmas):
            words = None
        keys = [self._token_keys(lemma, words[i] if words else None, lang) for i, lemma in enumerate(lemmas)]
        cased = words if words and any(w != w.lower() for w in words) else None
        trie, mentions, i = self._tries[lang], [], 0
        first_words = trie.keys()
        while i < len(keys):
            if first_words.isdisjoint(keys[i]):
                i += 1  # no name starts with this word (most words)
                continue
            mention = self._longest(trie, keys, i, cased)
            if mention is None:
                i += 1
            else:
                mentions.append(mention)
                i = mention.end
        return mentions

    def find_text(self, text: str, lang: str | None) -> tuple[list[Token], list[Mention]]:
        """Tokenize and lemmatize `text` with this index's Morph, then `find`."""
        tokens = tokenize(text)
        words = [t.text for t in tokens]
        lang = lang if lang in self._tries else _guess_lang(words)
        lemmas = [self.morph.lemma(w, lang) for w in words]
        return tokens, self.find(lemmas, lang, words)

    def _token_keys(self, lemma: str, word: str | None, lang: str) -> frozenset[str]:
        cache_key = (lemma, word, lang)
        keys = self._keys_cache.get(cache_key)
        if keys is None:
            if len(self._keys_cache) >= _KEYS_CACHE_SIZE:
                self._keys_cache.clear()
            keys = self._keys_cache[cache_key] = self._compute_token_keys(lemma, word, lang)
        return keys

    def _compute_token_keys(self, lemma: str, word: str | None, lang: str) -> frozenset[str]:
        keys = {normalize(lemma)}
        if word is not None:
            form = normalize(word)
            keys.add(form)
            keys.add(self.morph.lemma(word, lang))  # our own lemma: registered names preferred
            if lang != "en" and _cyrillic(form):
                keys.update(_STEM + s for s in _stems(form))
        return frozenset(keys)

    def _longest(self, trie: dict, keys: list[frozenset[str]], start: int, words: list[str] | None) -> Mention | None:
        frontier, best, j = [trie], None, start
        while frontier and j < len(keys):
            frontier = [child for node in frontier for key in keys[j] if (child := node.get(key)) is not None]
            j += 1
            for node in frontier:
                aliases = [a for a in node.get(_END, ()) if _case_ok(a, words, start)]
                if aliases and (best is None or j > best.end):
                    best = _mention(start, j, aliases)
        return best

    # --- building --------------------------------------------------------------------------

    def _add(self, text: str, lang: str, target: _Target, source_lang: str) -> None:
        for words in _tokenizations(text):
            if len(words) == 1 and (normalize(words[0]) in _FUNCTION_WORDS or len(words[0]) < 2):
                continue
            alternatives = [self._word_keys(w, source_lang, lang) for w in words]
            single_proper = len(words) == 1 and words[0][:1].isupper()
            alias = _Alias(target, text, tuple(is_abbreviation(w) or single_proper for w in words))
            nodes = [self._tries[lang]]
            for keys in alternatives:
                nodes = [node.setdefault(key, {}) for node in nodes for key in keys]
            for node in nodes:
                self._attach(node, alias, lang)

    def _word_keys(self, word: str, source_lang: str, lang: str) -> set[str]:
        form = normalize(word)
        if is_abbreviation(word) or source_lang != lang:
            return {form}
        keys = {form, self.morph.lemma(word, lang)}
        if lang != "en" and word[:1].isupper() and _cyrillic(form):
            keys.update(_STEM + s for s in _stems(form))
        return keys

    def _attach(self, node: dict, alias: _Alias, lang: str) -> None:
        present = node.setdefault(_END, [])
        if any(a.target == alias.target for a in present):
            return
        for other in present:
            if other.target.id != alias.target.id and not (other.target.ambiguous or alias.target.ambiguous):
                conflict = f"{lang}: {alias.text!r} ({alias.target.kind} {alias.target.id}) " \
                           f"= {other.text!r} ({other.target.kind} {other.target.id})"
                if conflict not in self.conflicts:
                    self.conflicts.append(conflict)
        present.append(alias)
        self.size += 1


def _mention(start: int, end: int, aliases: list[_Alias]) -> Mention:
    chosen = next((a for a in aliases if not a.target.ambiguous), aliases[0]).target
    others = tuple(dict.fromkeys(a.target.id for a in aliases if a.target.id != chosen.id))
    alias = next(a for a in aliases if a.target == chosen)
    return Mention(start, end, chosen.kind, chosen.id, chosen.party, chosen.role,
                   chosen.ambiguous or bool(others), others, alias.text)


def _case_ok(alias: _Alias, words: list[str] | None, start: int) -> bool:
    if words is None:
        return True
    return all(not need or words[start + k] != words[start + k].lower() for k, need in enumerate(alias.must_be_cased))


def _targets(knowledge: "Knowledge") -> Iterator[tuple[_Target, "Name"]]:
    for party in knowledge.parties():
        is_state = party.kind == "state"
        for name in party.names:
            yield _Target("state" if is_state else "org", party.id, party.id, None, name.ambiguous), name
        for name in party.adjectives:
            yield _Target("state_adj" if is_state else "org", party.id, party.id, None, name.ambiguous), name
        for name in party.metonyms:
            yield _Target("metonym", party.id, party.id, name.role, name.ambiguous), name
        for name in party.regions:
            yield _Target("place", party.id, party.id, None, name.ambiguous), name
    for body in knowledge.bodies():
        for name in body.names:
            yield _Target(body.kind, body.id, body.org, body.role, name.ambiguous), name
    for treaty in knowledge.treaties():
        for name in treaty.names:
            yield _Target("treaty", treaty.id, None, None, name.ambiguous), name
    for institution in knowledge.institutions():
        for name in institution.names:
            yield _Target("institution", institution.id, institution.party, institution.kind, name.ambiguous), name
    for person in knowledge.people():
        for name in person.names:
            yield _Target("person", person.id, None, None, name.ambiguous), name
    for outlet in knowledge.outlets():
        for name in outlet.names:
            yield _Target("outlet", outlet.id, None, None, name.ambiguous), name
    for group in getattr(knowledge, "groups", lambda: ())():
        for name in group.names:
            yield _Target("group", group.id, None, None, name.ambiguous), name


@functools.lru_cache(maxsize=16_384)
def _tokenizations(text: str) -> tuple[tuple[str, ...], ...]:
    """The name as razdel splits it, and with Ukrainian apostrophes glued back (both are
    indexed, so text tokenized either way matches)."""
    split = tuple(t.text for t in tokenize(text, merge_apostrophes=False))
    if not any(ch in _APOSTROPHES for ch in text):
        return (split,)
    merged = tuple(t.text for t in tokenize(text))
    return (split,) if split == merged else (split, merged)


def _proper_words(texts: Iterable[str]) -> set[str]:
    words = set()
    for text in texts:
        for words_ in _tokenizations(text):
            words.update(normalize(w) for w in words_ if w[:1].isupper() and not is_abbreviation(w))
    return words


def _homograph_words(named: list[tuple[_Target, "Name"]], lang: str) -> set[str]:
    """One-word place names marked ambiguous: their words are also other words' forms."""
    return {normalize(name.text) for target, name in named
            if name.lang == lang and name.ambiguous and target.kind in _PLACE_KINDS and len(_tokenizations(name.text)[0]) == 1}


@functools.lru_cache(maxsize=65_536)
def _stems(form: str) -> frozenset[str]:
    out = {form}
    if "-" in form and form.count("-") == 1:
        head, tail = form.split("-")
        out.update(f"{h}-{t}" for h in _stems(head) for t in _stems(tail) if h and t)
    for ending in _ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= _MIN_STEM:
            out.add(form[:-len(ending)])
    out.update(s[:-1] for s in list(out) if s.endswith(("ь", "й")) and len(s) > _MIN_STEM)
    return frozenset(out)


@functools.lru_cache(maxsize=65_536)
def is_abbreviation(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and (len(letters) > 1 or len(word) == 1)


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isascii() for ch in letters)


def _guess_lang(words: list[str]) -> str:
    joined = "".join(words).lower()
    if not _cyrillic(joined):
        return "en"
    return "uk" if any(ch in joined for ch in "іїєґ") else "ru"
