"""Name mentions in a sentence -> parties: who is named, whom they stand for, whom they
speak for (spec rule 6), and in which grammatical position.

A group of states ("the Baltic states", "країни Центральної Азії") gives one state PartyRef
per member on the document's date, all at the group's span and coordinated like a list.
A place name marked ambiguous that no other party shares ("Chad", "Того", "CAR") is dropped
where it reads as something else: inside a longer capitalized name ("Chad Smith", "Latin
America"), written in lower case, as an abbreviation not written in capitals ("Car"), or, in
ru/uk, as the first word of the sentence when the dictionary also knows it as a common word
("Того же мнения")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from treatywatch.errors import NotFoundError
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.names import Mention, is_abbreviation
from treatywatch.extract.segment import Sentence

# Institution kinds whose statements are the state's own (spec rule 6); the others
# (legislators, experts, opposition, unnamed officials) count as media.
ACTS_FOR_STATE = {
    "head_of_state", "head_of_government", "foreign_ministry", "defence_ministry", "ministry",
    "spokesperson", "embassy", "government", "security_council", "parliament", "president",
    "prime_minister", "foreign_minister", "defence_minister", "minister", "representative",
    "deputy_foreign_minister", "cabinet", "permanent_representative", "ambassador", "diplomat",
    "chair", "secretary_general", "press_service", "secretariat", "head_of_government_acting",
}
SPEAKS_AS_MEDIA = {"legislator", "expert", "opposition", "journalist", "analyst", "official_unnamed", "mp", "deputy"}
ORG_BODY_ROLES = {"secretariat", "secretary_general", "press_service", "spokesperson_org", "joint_staff", "chair"}

PLACE_KINDS = {"state", "state_adj", "metonym", "place", "group"}
PROPER_GRAMMEMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"})
PREPOSITIONS = {
    "к", "в", "во", "на", "из", "от", "с", "со", "для", "до", "у", "по", "против", "при", "через",
    "з", "із", "зі", "від", "проти", "для",
    "to", "into", "in", "from", "for", "by", "with", "on", "against", "at", "of", "toward", "towards",
}


@dataclass
class PartyRef:
    start: int  # token span in the sentence
    end: int
    party: str | None  # ISO 3166-1 alpha-3 or organization id
    kind: str  # state, state_adj, metonym, place, org, body, force, person, outlet, institution, treaty, unnamed
    voice: str | None  # whom its statements count for: a party id, "media", or None (cannot speak)
    role: str | None = None
    ident: str | None = None
    case: frozenset[str] = frozenset()
    prep: str | None = None  # preposition right before the mention
    attached: bool = False  # right after a noun it qualifies ("сил ОДКБ"): not a subject
    roles: tuple = ()  # every (party, role) a person holds on the date
    alternatives: tuple = ()  # other parties the same words may name ("альянс", "Brussels")
    treaty_org: str | None = None  # for a treaty: the organization it founded ("Washington Treaty": NATO)
    group: str | None = None  # the group of states the mention named ("baltic-states"), one ref per member
    may_case: frozenset[str] = frozenset()  # every case the form may have ("России": gent, datv, loct)
    guessed: bool = False  # a title given the state in view for want of a better owner
    anaphoric: bool = False  # a title that names its state by what it is: "глава государства", "президент страны"

    @property
    def unnamed(self) -> bool:
        """'a source', 'sources in the security services', 'СМИ': nobody who can be named."""
        return self.kind == "unnamed" or (self.kind == "institution" and self.role == "unnamed_source")

    def is_venue(self) -> bool:
        """'in Brussels', 'в Москве': where something happens, not to whom."""
        return self.kind == "metonym" and (self.prep == "in" or self.prep in {"в", "у", "во"} and "loct" in self.case)

    @property
    def is_party(self) -> bool:
        return self.party is not None and self.kind not in {"treaty", "outlet", "unnamed"}

    @property
    def is_org(self) -> bool:
        return self.kind in {"org", "body", "force"}

    def nominative(self) -> bool:
        # surnames are often parsed as another case ("Отунбаева" as a genitive): trust position
        return "nomn" in self.case or not self.case or "Fixd" in self.case or self.kind in {"person", "institution"}


CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


def _case_of(sentence: Sentence, start: int, end: int) -> frozenset[str]:
    for tok in sentence.tokens[start:end]:
        if tok.grams & CASES:
            return tok.grams
    return frozenset()


EN_SKIP = {"the", "a", "an", "its", "their", "his", "her", "southern", "northern", "eastern", "western", "neighbouring", "neighboring"}


GENITIVE_LINKS = {"of"}  # English marks with a word the genitive Russian marks with a case ("the President of Russia")


def _in_name_chain(tok) -> bool:
    """A word that may stand between a title and whose it is: a noun, an adjective, a genitive."""
    return tok.pos in {"NOUN", "ADJF", None} or tok.lower in GENITIVE_LINKS or "Poss" in tok.grams


def _prep_before(sentence: Sentence, start: int) -> str | None:
    k = start - 1
    while k >= 0 and (sentence.tokens[k].pos in {"ADJF", "PRTF"} or sentence.tokens[k].lower in EN_SKIP) and k >= start - 3:
        k -= 1
    for j in (start - 1, k):
        if j >= 0 and sentence.tokens[j].lower in PREPOSITIONS:
            return sentence.tokens[j].lower
    return None


class PartyResolver:
    """Turns NameIndex mentions into PartyRefs for one document date."""

    def __init__(self, names, knowledge, lexicons: dict[str, Lexicon]):
        self.names = names
        self.knowledge = knowledge
        self.lexicons = lexicons

    def resolve(self, sentence: Sentence, when: dt.date | None, main_org: str | None) -> list[PartyRef]:
        lex = self.lexicons[sentence.lang]
        refs: list[PartyRef] = []
        mentions = self.names.find(sentence.lemmas, sentence.lang, [t.text for t in sentence.tokens])
        covered = {k for m in mentions for k in range(m.start, m.end)}
        for m in mentions:
            if m.ambiguous and not m.alternatives and m.kind in PLACE_KINDS and self._other_word(sentence, m, covered):
                continue
            if m.kind == "group":
                refs.extend(self._members(sentence, m, when))
                continue
            ref = PartyRef(m.start, m.end, m.party, m.kind, None, m.role, m.id,
                           _case_of(sentence, m.start, m.end), _prep_before(sentence, m.start))
            if getattr(m, "ambiguous", False):
                ref.alternatives = tuple(getattr(m, "alternatives", ()))
            if ref.case and sentence.lang in ("ru", "uk"):
                ref.may_case = self._possible_cases(sentence, m.start, m.end) | (ref.case & CASES)
            prev = sentence.tokens[m.start - 1] if m.start > 0 else None
            ref.attached = (prev is not None and prev.pos == "NOUN" and ref.prep is None
                            and ("Fixd" in ref.case and m.start - 1 not in covered  # not "У Москвы Душанбе"
                                 or "gent" in ref.case and "nomn" not in ref.case))
            if m.kind == "institution" and ref.may_case and "nomn" not in ref.may_case and "gent" in ref.may_case:
                # "по инициативе российского президента": a title in the genitive after a noun
                # (its adjectives between) depends on that noun
                j = m.start - 1
                while j >= 0 and sentence.tokens[j].pos == "ADJF":
                    j -= 1
                ref.attached = ref.attached or (j >= 0 and sentence.tokens[j].pos == "NOUN")
            if m.kind in {"state", "metonym"}:
                ref.party = m.party or m.id
                ref.voice = ref.party
            elif m.kind == "place":
                ref.party = m.party  # a region names where, never who: no voice, no actor
            elif m.kind == "state_adj":
                ref.party = m.party or m.id
            elif m.kind in {"org", "body", "force"}:
                ref.party = m.party or m.id
                ref.voice = ref.party if m.kind != "force" else None  # troops do not make statements
            elif m.kind == "person":
                ref.roles = tuple((r.party, r.role) for r in self.knowledge.person_roles(m.id, when))
                # a retrospective text tells what people did in roles they no longer hold
                role = self.knowledge.person_role(m.id, when) or self.knowledge.person_role(m.id)
                if role is not None:
                    ref.party, ref.role = role[0], role[1]
                    ref.voice = "media" if self._as_media(ref.role) else ref.party
                else:
                    ref.voice = "media"
            elif m.kind == "outlet":
                ref.party, ref.voice = None, "media"
            elif m.kind == "institution":
                ref.party = m.party
            elif m.kind == "treaty":
                ref.party = None
            refs.append(ref)
        refs.sort(key=lambda r: r.start)
        self._bind_institutions(sentence, refs, main_org, lex)
        self._bind_appositions(sentence, refs)
        refs.extend(self._unnamed_sources(sentence, lex, refs))
        refs.sort(key=lambda r: r.start)
        return refs

    def _possible_cases(self, sentence: Sentence, start: int, end: int) -> frozenset[str]:
        """Every case the name's inflected word may be in, whatever reading was chosen."""
        tok = next((t for t in sentence.tokens[start:end] if t.grams & CASES), None)
        if tok is None:
            return frozenset()
        return frozenset(g for p in self.names.morph.parses(tok.text, sentence.lang)
                         for g in p.grammemes & CASES)

    def _members(self, sentence: Sentence, m: Mention, when: dt.date | None) -> list[PartyRef]:
        """'the Baltic states': one state ref per member on the date, at the group's span."""
        case, prep = _case_of(sentence, m.start, m.end), _prep_before(sentence, m.start)
        if case and sentence.lang in ("ru", "uk"):
            # "Страны Балтии": the dictionary's first reading of "страны" is a genitive
            # singular; a group is plural, so every plural reading's case counts
            head = sentence.tokens[m.start].text
            case = case | {g for p in self.names.morph.parses(head, sentence.lang) if "plur" in p.grammemes
                           for g in p.grammemes & CASES}
        prev = sentence.tokens[m.start - 1] if m.start > 0 else None
        attached = (prev is not None and prev.pos == "NOUN" and prep is None
                    and ("Fixd" in case or "gent" in case and "nomn" not in case))
        return [PartyRef(m.start, m.end, party, "state", party, None, party, case, prep, attached, group=m.id)
                for party in self.knowledge.group_members(m.id, when)]

    def _other_word(self, sentence: Sentence, m: Mention, covered: set[int]) -> bool:
        """Whether an ambiguous place name reads here as another word or part of another name."""
        toks = sentence.tokens
        written = [t.text for t in toks[m.start:m.end]]
        abbreviation = is_abbreviation(m.name)
        if abbreviation and any(not w.isupper() for w in written):
            return True  # "Car", "Цар" for CAR, ЦАР
        if all(w == w.lower() for w in written):
            return True  # "того", "chad" in a sentence written in lower case: the common word
        first = next((k for k, t in enumerate(toks) if any(ch.isalpha() for ch in t.text)), 0)
        for j in (m.start - 1, m.end):
            if j < 0 or j >= len(toks) or j in covered:
                continue
            word = toks[j].text
            if j == first:
                # capitalized by its position: only an adjective tells it is part of the name
                # ("Латинская Америка обратилась"; not "Вчера Чад обратился")
                if j == m.start - 1 and toks[j].pos == "ADJF":
                    return True
                continue
            if word[:1].isalpha() and word[:1].isupper() and (word.isupper() or not abbreviation):
                return True  # "Chad Smith", "Latin America", "Niger Delta", "CAR BOMB"
        if m.start == first and m.end - m.start == 1 and sentence.lang in ("ru", "uk"):
            parses = self.names.morph.parses(written[0], sentence.lang)
            return any(p.pos is not None and not p.grammemes & PROPER_GRAMMEMES for p in parses)
        return False

    def _as_media(self, role: str | None) -> bool:
        """Spec rule 6: legislators, experts, opposition figures speak as media."""
        if role is None:
            return False
        try:
            return self.knowledge.acts_for(role) == "media"
        except NotFoundError:  # a role kind the data does not define
            return role in SPEAKS_AS_MEDIA

    def _bind_institutions(self, sentence: Sentence, refs: list[PartyRef], main_org: str | None, lex: Lexicon) -> None:
        """'МИД Беларуси', 'the Turkish Foreign Ministry', 'секретариат организации'."""
        toks = sentence.tokens
        for ref in refs:
            if ref.kind != "institution":
                continue
            if ref.party is None:
                after = next((r for r in refs if r.start >= ref.end and (r.start - ref.end <= 2 or r.kind == "org"
                                                                          and _members_of(toks[ref.end:r.start], lex))
                              and r.kind in {"state", "state_adj", "metonym", "org", "body", "person"} and r.party
                              and all(_in_name_chain(t) for t in sentence.tokens[ref.end:r.start])), None)
                before = next((r for r in reversed(refs) if r.end <= ref.start and ref.start - r.end <= 1
                               and r.kind in {"state_adj", "state", "metonym", "org", "body"}), None)
                bound = (before or after) if sentence.lang == "en" else (after or before)
                if bound is not None:
                    ref.party, ref.group = bound.party, bound.group  # "министры стран Балтии": each member's
                elif ref.role in ORG_BODY_ROLES and main_org:
                    ref.party = main_org
            if ref.party is None and (lex.country_words.any_in(toks, ref.start, ref.end)
                                      or ref.end < len(toks) and lex.country_words.has(toks[ref.end])):
                # "заявил глава государства", "президент страны": the state the text spoke of
                # before, not one the sentence names (context binds it)
                ref.anaphoric = True
            if ref.party is None and not self._as_media(ref.role) and not ref.anaphoric:
                # "Russia is ready to help, a deputy foreign minister said": the state in view,
                # but not one a quotation names when the title stands outside it (context binds it)
                outside = _inside_quotes(toks, ref.start)
                in_view = [r for r in refs if r.kind in {"state", "metonym"} and r.party
                           and _inside_quotes(toks, r.start) == outside]
                # a state under a preposition after the title is whom it turns to ("the Prime
                # Minister turned to the Russian Federation"), not whose it is
                first_state = next((r for r in in_view if r.prep is None or r.end <= ref.start), None)
                ref.party = first_state.party if first_state is not None else None
                ref.anaphoric = first_state is None
                ref.guessed = first_state is not None
            if ref.party is None:
                ref.voice = "media" if self._as_media(ref.role) else None
            elif self._as_media(ref.role):
                ref.voice = "media"
            else:
                ref.voice = ref.party

    def _bind_appositions(self, sentence: Sentence, refs: list[PartyRef]) -> None:
        """'президент Казахстана Касым-Жомарт Токаев', "Kyrgyzstan's interim leader, Roza
        Otunbayeva": a person the data has no role for on that date takes the title's party."""
        for i, ref in enumerate(refs):
            if ref.kind != "person" or ref.party is not None:
                continue
            prev = refs[i - 1] if i > 0 else None
            gap = sentence.tokens[prev.end:ref.start] if prev is not None else []
            if prev is not None and prev.party and prev.kind in {"institution", "state", "state_adj"} \
                    and len(gap) <= 3 and all(t.text in {",", "'s", "’s"} or _in_name_chain(t) for t in gap):
                ref.party = prev.party
                ref.voice = "media" if self._as_media(prev.role) else prev.party

    def _unnamed_sources(self, sentence: Sentence, lex: Lexicon, refs: list[PartyRef]) -> list[PartyRef]:
        taken = {k for r in refs for k in range(r.start, r.end)}
        out = []
        for k, tok in enumerate(sentence.tokens):
            owner = next((r for r in refs if 0 < r.start - k <= 3 and r.party and r.prep in {None, "of"} and not any(
                t.pos is None and not t.text.isalnum() for t in sentence.tokens[k + 1:r.start])), None)
            if owner is not None:
                continue  # "в телеграм-канале организации": the organization's own channel
            if k not in taken and (lex.unnamed_sources.has(tok) or lex.media_words.has(tok)):
                # "СМИ", "the media": named as a class, they assert without hedging; "sources" hedge
                kind = "outlet" if lex.media_words.has(tok) else "unnamed"
                out.append(PartyRef(k, k + 1, None, kind, "media", None, tok.lemma, tok.grams,
                                    _prep_before(sentence, k)))
        return out


def _members_of(gap, lex: Lexicon) -> bool:
    """"секретари советов безопасности государств — членов ОДКБ", "ministers of the member
    states of NATO": the members' officials are the organization's."""
    words = [t for t in gap if (t.pos is not None or t.text.isalpha()) and t.lower not in {"of", "the"}]
    return 0 < len(words) <= 3 and any(lex.member_words.has(t) for t in words) and all(
        lex.member_words.has(t) or lex.country_words.has(t) for t in words)


def _inside_quotes(toks, i: int) -> bool:
    """Whether token i stands inside quotation marks opened before it in the sentence."""
    guillemets = straight = 0
    for tok in toks[:i]:
        if tok.text in {"«", "“", "„"}:
            guillemets += 1
        elif tok.text in {"»", "”"}:
            guillemets = max(0, guillemets - 1)
        elif tok.text == '"':
            straight ^= 1
    return guillemets > 0 or straight == 1


def coordinated(sentence: Sentence, refs: list[PartyRef], seed: PartyRef, kinds: set[str]) -> list[PartyRef]:
    """Parties listed together with `seed`: 'Армения, Беларусь и Таджикистан', 'the US, Germany and the
    Netherlands', and the members of a group ('Poland and the Baltic states')."""
    joiners = {",", "и", "і", "й", "та", "and", "&", "а", "также", "as", "well", "both", "both", "как", "so"}
    group = [seed]
    ordered = [r for r in refs if r.kind in kinds and r.party]
    idx = ordered.index(seed) if seed in ordered else -1
    if idx < 0:
        return group
    for direction in (-1, 1):
        k = idx
        while 0 <= k + direction < len(ordered):
            a, b = (ordered[k + direction], ordered[k]) if direction < 0 else (ordered[k], ordered[k + direction])
            between = sentence.tokens[a.end:b.start]
            # a group's members share its span; an institution of the group ("the ministers of
            # the Baltic states") stands right next to it
            one_group = a.group is not None and a.group == b.group and (
                a.start == b.start or all(t.lower in {"of", "the"} for t in between))
            if not one_group and (not between or len(between) > 3
                                  or any(t.lower not in joiners and t.lower not in {"the"} for t in between)):
                break
            group.append(ordered[k + direction])
            k += direction
    position = {id(r): i for i, r in enumerate(refs)}  # a group's members share a start: keep their order
    return sorted({id(g): g for g in group}.values(), key=lambda r: (r.start, position.get(id(r), 0)))
