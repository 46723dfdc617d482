"""Who asserts what: speech verbs, "according to", "со ссылкой на", headline "X: ...",
"Об этом сообщил X" for the sentences before, quotations closed by "— заявил X".

A Speaker's `voice` is a party id, "media", or None; `hedged` marks unnamed sources and
claims ("по данным источника", "reportedly", "утверждали"), which make events uncertain.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from treatywatch.extract.clauses import Clauses, quoted_spans
from treatywatch.extract.lexicon import Lexicon, load_lexicon
from treatywatch.extract.parties import PREPOSITIONS, PartyRef
from treatywatch.extract.refusals import rejects_a_request
from treatywatch.extract.segment import Sentence

THIS_WORDS = {"об", "этом", "про", "це", "this", "that", "these", "таке", "такое", "так"}
FIRST_PERSON = {"мы", "ми", "we", "наша", "наш", "наше", "наши", "our"}
PRONOUNS = {"он", "она", "они", "его", "ее", "её", "их", "він", "вона", "вони", "його", "її", "їх",
            "he", "she", "they", "his", "her", "their", "it", "him", "them"}
# "Как сообщил X, ...", "Як розповів X": the speaker follows its verb
AS_WORDS = {"как", "як"}
QUOTE_CLOSERS = {"»", '"', "”", "“"}
QUOTE_OPENERS = {"«", '"', "“", "„"}
DASHES = {"—", "–", "-"}
LEAD_PUNCT = {",", *DASHES, *QUOTE_CLOSERS}
# a headline "Глава МИД России: ...", "CSTO head: ..." names its speaker in a few words
HEADLINE_LEAD_MAX = 6
# a place right after a speech verb speaks: "— сообщили в Кремле", "заявили у секретаріаті"
PLACE_PREPS = {"в", "во", "у"}


@dataclass
class Speaker:
    at: int  # token index of the speech word
    voice: str | None
    ref: PartyRef | None
    hedged: bool = False
    postposed: bool = False  # the speaker comes after what is said ("..., — заявил X")
    scope_end: int = 10**6  # a contrasting clause ("..., а вже ввечері ...") is the text's own voice
    anaphoric: bool = False  # "he said", "за його словами": whoever the text named last


def _voiced(refs: list[PartyRef]) -> list[PartyRef]:
    return [r for r in refs if r.voice is not None]


def _may_follow_verb(ref: PartyRef, toks, k: int) -> bool:
    """A party named after the speech verb at `k` is its subject only when it stands free
    or owns the noun right after the verb ("— повідомила верховна представниця ЄС"), not
    when it is a genitive deeper in ("Названы решения саммита ОДКБ") or under a preposition
    ("объявил о переброске в Киргизию"), save a place that stands for its people
    ("— сообщили в Кремле")."""
    if ref.attached:
        between = toks[k + 1:ref.start]
        if _in_document_of(ref, toks, k):
            return True
        return 0 < len(between) <= 3 and all(t.pos in {"NOUN", "ADJF"} and "nomn" in t.grams for t in between)
    # "в Киргизию" is where to, "в Кремле", "в МИД" where from
    return ref.prep is None or (ref.prep in PLACE_PREPS and ("loct" in ref.case or "accs" not in ref.case))


def _in_document_of(ref: PartyRef, toks, k: int) -> bool:
    """"говорится в ответе Секретариата ОДКБ", "ідеться в заяві відомства": the owner of
    the document the speech verb points into says it."""
    between = toks[k + 1:ref.start]
    return ref.attached and 1 < len(between) <= 4 and between[0].lower in PLACE_PREPS | {"in"} and all(
        t.pos in {"NOUN", "ADJF"} or t.lower == "the" for t in between[1:])


# "Poland Monday said ...": a capitalized word after a state that is no part of a name
CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                  "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def _outlet_named(sentence: Sentence, ref: PartyRef, refs: list[PartyRef], lex: Lexicon) -> bool:
    """A place name that is part of an outlet's name: "Baku Ledger reports", "информагентство
    «Ереван сегодня»" speak as media, not for the state."""
    if ref.kind not in {"state", "metonym"}:
        return False
    toks = sentence.tokens
    outlet_nouns = lex.classes.get("outlet_nouns")
    if ref.start > 0 and toks[ref.start - 1].text in QUOTE_OPENERS:
        before = toks[ref.start - 2] if ref.start > 1 else None
        if before is not None and outlet_nouns is not None and outlet_nouns.has(before):
            return True
    if ref.end < len(toks) and ref.start > 0:
        nxt = toks[ref.end]
        starts_ref = any(r.start == ref.end for r in refs)
        return nxt.text[:1].isupper() and nxt.text.isalpha() and not starts_ref and sentence.lang == "en" \
            and nxt.lower not in CALENDAR_WORDS
    return False


def _as_outlets(sentence: Sentence, refs: list[PartyRef], lex: Lexicon) -> list[PartyRef]:
    return [replace(r, kind="outlet", party=None, voice="media") if _outlet_named(sentence, r, refs, lex)
            else _of_the_republic(sentence, r, refs, lex) for r in refs]


def _of_the_republic(sentence: Sentence, ref: PartyRef, refs: list[PartyRef], lex: Lexicon) -> PartyRef:
    """"..., сообщили в правительстве республики": the republic is the state the sentence
    has named."""
    toks = sentence.tokens
    if ref.kind != "institution" or ref.party is not None or ref.voice is not None or ref.end >= len(toks) \
            or not lex.country_words.has(toks[ref.end]):
        return ref
    state = next((r for r in refs if r.kind in {"state", "metonym"} and r.party and r.start < ref.start), None)
    return replace(ref, party=state.party, voice=state.party) if state is not None else ref


def _outlet_noun_after(sentence: Sentence, k: int, lex: Lexicon, reach: int = 4) -> int | None:
    """"— передает радиостанция «...»", "Как отметило информагентство": an outlet the data
    does not know, named by its kind."""
    outlet_nouns = lex.classes.get("outlet_nouns")
    if outlet_nouns is None:
        return None
    toks = sentence.tokens
    for j in range(k + 1, min(len(toks), k + 1 + reach)):
        if toks[j].text in {",", ".", ";"}:
            return None
        if outlet_nouns.has(toks[j]) and "datv" not in toks[j].grams:  # "рассказал агентству": told it
            return j
    return None


# what may follow "..., X said" when X speaks for all before it: when and where, not what
TIME_WORDS = {"yesterday", "today", "tonight", "вчера", "сегодня", "вчора", "сьогодні", "накануне", "напередодні"}


def _circumstance(tok) -> bool:
    return tok.lower in TIME_WORDS or (tok.lower in PREPOSITIONS and tok.lower not in {"that", "of"})


def _complement_in(toks) -> bool:
    """"announced on Friday that ...", "заявил в понедельник: «...»": what is said follows."""
    return any(t.lower in {"что", "що", "that", "чтобы", "щоб", ":"} or t.text in QUOTE_OPENERS for t in toks)


def _outlet_noun_in(sentence: Sentence, lo: int, hi: int, lex: Lexicon) -> bool:
    outlet_nouns = lex.classes.get("outlet_nouns")
    return outlet_nouns is not None and any(
        outlet_nouns.has(t) and "datv" not in t.grams for t in sentence.tokens[lo:hi])


def _member_of_parliament(ref: PartyRef, toks) -> PartyRef:
    """A parliament acts for its state by its vote; named as the chamber a person sits in
    ("Vice Speaker of Armenia's National Assembly", "вице-спикер Национального собрания")
    it is an individual legislator speaking (spec rule 6): media."""
    if ref.kind != "institution" or ref.role != "parliament":
        return ref
    j = ref.start - 1
    while j >= 0 and (toks[j].text in {"’s", "'s", "’", "'", "s"} or toks[j].lower == "the" or toks[j].pos == "ADJF"
                      or (toks[j].text[:1].isupper() and toks[j + 1].text in {"’s", "'s", "’", "'"})):
        j -= 1
    owned = ref.attached or (j > 0 and toks[j].lower == "of" and toks[j - 1].text[:1].isalpha())
    return replace(ref, voice="media") if owned else ref


def _described_subject(toks, k: int, refs: list[PartyRef]) -> bool:
    """A person named again by a bare title right before the verb: an animate noun in the
    nominative the data names no one by ("генсек", "дипломат"), or a title left unbound
    ("Прем'єр")."""
    j = k - 1
    if j > 0 and (toks[j].pos == "ADVB" or toks[j].lower in AS_WELL):
        j -= 1
    # the subject opens its clause, or follows a fronted circumstance ("В октябре генсек говорил")
    if j < 0 or not (j == 0 or toks[j - 1].text in {",", *DASHES} or toks[j - 1].pos == "ADVB"
                     or toks[j - 1].pos == "NOUN" and toks[j - 1].has("loct")):
        return False
    covering = next((r for r in refs if r.start <= j < r.end), None)
    if covering is not None:
        return covering.kind == "institution" and covering.party is None and covering.voice is None
    tok = toks[j]
    return tok.pos == "NOUN" and tok.has("anim") and tok.has("nomn") and not tok.has("plur")


def _headline_speaker(sentence: Sentence, voiced: list[PartyRef]) -> Speaker | None:
    """"Лавров: ...", "Reuters: ...", "Глава МИД России: ...", "CSTO head: ...": a few words
    without a verb before a colon at the start name who says the rest."""
    toks = sentence.tokens
    colon = next((j for j in range(min(len(toks), HEADLINE_LEAD_MAX + 1)) if toks[j].text == ":"), None)
    if colon is None or colon == 0 or any(t.pos in {"VERB", "INFN"} for t in toks[:colon]):
        return None
    lead = [r for r in voiced if r.end <= colon and r.prep is None]
    if not lead:
        return None
    person = next((r for r in lead if r.kind == "person"), None)
    ref = person or lead[0]
    return Speaker(colon, ref.voice, ref, hedged=ref.unnamed)


def _apposition_voice(subject: PartyRef, refs: list[PartyRef], toks) -> PartyRef:
    """"Imangali Tasmagambetov, the Secretary General of the CSTO, said": the hat the text
    names for the person is the one they speak in."""
    if subject.kind != "person":
        return subject
    nxt = next((r for r in refs if r.start > subject.end), None)
    if nxt is None or nxt.kind not in {"body", "institution"} or nxt.voice is None:
        return subject
    gap = [t.lower for t in toks[subject.end:nxt.start]]
    if gap and gap[0] == "," and all(w in {",", "the", "a"} for w in gap):
        return replace(subject, voice=nxt.voice, party=nxt.party or subject.party)
    return subject


def _cited(sentence: Sentence, refs: list[PartyRef], lex: Lexicon) -> PartyRef | None:
    toks = sentence.tokens
    for k in range(len(toks)):
        n = lex.citing.phrase_at(toks, k) or (1 if lex.citing.has(toks[k]) else 0)
        if n:
            stop = next((j for j in range(k + n, len(toks)) if toks[j].text in {",", ".", ";", ":", "—"}), len(toks))
            after = [r for r in _voiced(refs) if k + n <= r.start <= min(k + n + 5, stop)]
            if after:
                # chains: the most specific (last) cited party wins
                cited = after[0]
                for r in after[1:]:
                    if not r.unnamed and r.prep in {None, "of"}:
                        cited = r  # "пресс-службу организации": the organization; not "sources in Dushanbe"
                return cited
    return None


def find_speakers(sentence: Sentence, refs: list[PartyRef], clauses: Clauses, lex: Lexicon) -> list[Speaker]:
    toks = sentence.tokens
    refs = _as_outlets(sentence, refs, lex)
    voiced = _voiced(refs)
    speakers: list[Speaker] = []
    cited = _cited(sentence, refs, lex)
    hedged_sentence = lex.hedges.any_in(toks) or lex.claim_verbs.any_in(toks)
    inside_names = {j for r in refs for j in range(r.start + 1, r.end)}  # "the Baltic states": no verb 'state'

    headline = _headline_speaker(sentence, voiced)
    if headline is not None:
        speakers.append(headline)
    if len(toks) > 2 and toks[0].lower in DEMONSTRATIVES and lex.report_nouns.has(toks[1]):
        # "Такое заявление сделал перед журналистами генсек ОДКБ": who made it
        maker = next((r for r in voiced if r.start > 2 and _may_follow_verb(r, toks, r.start - 1) and not r.attached), None)
        if maker is not None:
            maker = _apposition_voice(maker, refs, toks)
            speakers.append(Speaker(1, maker.voice, maker, hedged=maker.unnamed, postposed=True))

    for k in range(len(toks)):
        n = lex.according_to.phrase_at(toks, k)
        if n and any(t.lower in PRONOUNS for t in toks[k:k + n]):
            speakers.append(Speaker(k, "__previous__", None, anaphoric=True))  # "По его словам": who spoke last
            continue
        if n:
            after = [r for r in voiced if k + n <= r.start <= k + n + 4]
            if k + n < len(toks) and toks[k + n].lower in PRONOUNS:
                speakers.append(Speaker(k, "__previous__", None, anaphoric=True))  # "according to her"
            elif after:
                ref = _apposition_voice(after[0], refs, toks)
                speakers.append(Speaker(k, ref.voice, ref, hedged=ref.unnamed))
            elif _outlet_noun_after(sentence, k + n - 1, lex) is not None:
                speakers.append(Speaker(k, "media", None))
            continue
        tok = toks[k]
        if k in inside_names or not (lex.speech_verbs.has(tok) or lex.claim_verbs.has(tok) or lex.denial_verbs.has(tok)):
            continue
        if lex.denial_verbs.has(tok) and rejects_a_request(toks, k, lex):
            continue  # "rejected the request": an act, not a statement
        if tok.pos in {"NOUN"} and not lex.denial_verbs.has(tok):
            continue
        if tok.has("1per") and tok.has("plur") and (k == 0 or toks[k - 1].text in LEAD_PUNCT) \
                and k + 1 < len(toks) and toks[k + 1].text == ",":
            continue  # "Напомним, ...", "Нагадаємо, ...": the text's own voice reminding its readers
        if k > 0 and toks[k - 1].lower in AS_WORDS and (k == 1 or toks[k - 2].text in {",", *DASHES}):
            # "Как рассказал агентству «...» пресс-секретарь ОДКБ, ...": the speaker comes after
            stop = next((j for j in range(k + 1, len(toks)) if toks[j].text in {",", ";", "."}), len(toks))
            after = [r for r in voiced if k < r.start < stop and _may_follow_verb(r, toks, k)]
            outlet = _outlet_noun_after(sentence, k, lex, reach=3)
            # "..., как сообщил X" after the news speaks for what came before; "Кроме того, как
            # говорится в посте, ..." after a mere adverbial opens what follows
            postposed = any(t.pos == "VERB" and not t.infinitive for t in toks[:k - 1])
            if after and (outlet is None or after[0].start < outlet or after[0].kind == "outlet"):
                ref = _apposition_voice(after[0], refs, toks)
                speakers.append(Speaker(k, ref.voice, ref, hedged=ref.unnamed, postposed=postposed))
                continue
            if outlet is not None:
                speakers.append(Speaker(k, "media", None, postposed=postposed))
                continue
        if sentence.lang == "en" and _english_plural_noun(toks, k):
            continue  # "despite reports that ...": a noun, not a speech verb
        lo, hi = clauses.span_of(k)
        if lo > 0 and lex.relative_pronouns.has(toks[lo]):
            lo = clauses.span_of(lo - 1)[0]  # "An official who asked not to be named said"
        if tok.pos == "PRTS":
            lo = k  # "Решения саммита ОДКБ названы в Ереване ...": what comes before is what is said
        inverted = next((r for r in voiced if k < r.start <= k + 3 and r.prep is None and not r.attached and all(
            t.pos in {"ADJF", "CONJ", "PRCL"} for t in toks[k + 1:r.start])), None)
        if inverted is not None and not [r for r in voiced if lo <= r.start < k and not r.attached and r.prep is None]:
            # "..., в Казахстане пишут и армянские СМИ": the subject comes after the verb
            inverted = _apposition_voice(inverted, refs, toks)
            speakers.append(Speaker(k, inverted.voice, inverted, hedged=inverted.unnamed, postposed=True))
            continue
        if not [r for r in voiced if lo <= r.start < k and not r.attached and r.prep is None]:
            # "В Кремле заявили", "У секретаріаті пояснили": the place stands for the speaker
            place = [r for r in voiced if lo <= r.start < k and k - r.end <= 2 and (
                r.prep in {"в", "во", "у"} or (r.attached and r.kind in {"institution", "body", "org", "state"}))]
            # "на заседании кабинета министров Киргизии заявили": the cabinet
            if place:
                speakers.append(Speaker(k, place[-1].voice, place[-1], hedged=place[-1].unnamed))
                continue
        # the first free-standing party before the verb: "Pavel Orlov, an analyst at a Moscow
        # think tank, said" is the analyst speaking, not Moscow
        before = [r for r in voiced if lo <= r.start < k and not r.attached and r.prep is None]
        seg_start = max([j + 1 for j in range(lo, k) if toks[j].text in {",", "—", "–"}] or [lo])
        in_segment = [r for r in before if r.start >= seg_start]
        subject = (in_segment or before or [None])[0]
        tail = toks[k + 1:]
        to_comma = next((j for j, t in enumerate(tail) if t.text in {",", ";"}), len(tail))
        if not in_segment and seg_start > lo and _outlet_noun_in(sentence, seg_start, k, lex):
            # "..., the Osh Courier newspaper reported": an outlet the data does not know
            speakers.append(Speaker(k, "media", None, postposed=not _complement_in(tail[:to_comma])))
            continue
        # "Kazakhstan asked ..., Kremlin spokesman Peskov said (on Monday)." speaks for all before it
        after_quote = seg_start == lo and lo > 1 and toks[lo - 1].text in QUOTE_CLOSERS and toks[lo - 2].text in {",", "!", "?"}
        postposed = bool(in_segment) and (seg_start > lo or after_quote) and (
            len(tail) <= 5 or to_comma <= 5 or (_circumstance(tail[0]) and not _complement_in(tail[:to_comma])) or (tail[0].text == "," and bool(lex.citing.phrase_at(toks, k + 2) or lex.citing.has(tail[1]) if len(tail) > 1 else False)))
        lead = toks[k - 1].text if k > 0 else ""
        says_that = any(t.lower in {"что", "що", "that"} for t in toks[k + 1:k + 6])
        if lead in {",", "—", "–", "»", '"', "”"} and not in_segment and (sentence.lang != "en" or not before) \
                and not (says_that and before):  # "Пашинян, который ..., сообщил, что ...": he speaks
            # "..., заявил пресс-секретарь Песков": the speaker follows the verb
            follow = [r for r in voiced if k < r.start <= k + 4 and _may_follow_verb(r, toks, k)]
            if follow:
                subject, postposed = follow[0], True
            elif _outlet_noun_after(sentence, k, lex) is not None:
                speakers.append(Speaker(k, "media", None, postposed=True))  # ", — передает радиостанция «...»"
                continue
        if subject is None:
            after = [r for r in voiced if k < r.start <= k + 5 and _may_follow_verb(r, toks, k)]
            pronoun_after = k + 1 < len(toks) and toks[k + 1].lower in PRONOUNS
            pronoun_before = k > 0 and toks[k - 1].lower in PRONOUNS
            if after and (k == 0 or lead in {",", "—", "–", "-", "»", '"', "”"} or after[0].start - k <= 2
                          or lex.according_to.phrase_at(toks, k) or _in_document_of(after[0], toks, k)):
                subject, postposed = after[0], True
            elif _described_subject(toks, k, refs):
                # "генсек говорил журналистам", "Прем'єр також повідомив": the person named before
                speakers.append(Speaker(k, "__previous__", None, anaphoric=True))
                continue
            elif pronoun_after or pronoun_before:
                # '"...," he said', "— додав він": the quotation before is theirs
                late = (pronoun_after and lead in LEAD_PUNCT) or (
                    pronoun_before and k > 1 and toks[k - 2].text in LEAD_PUNCT)
                speakers.append(Speaker(k, "__previous__", None, postposed=late, anaphoric=True))
                continue
            elif lead in LEAD_PUNCT and _outlet_noun_after(sentence, k, lex) is not None:
                speakers.append(Speaker(k, "media", None, postposed=True))  # "— передает радиостанция «...»"
                continue
            elif _outlet_noun_in(sentence, seg_start, k, lex):
                # "..., the Osh Courier newspaper reported", "Местная газета пишет, что ..."
                speakers.append(Speaker(k, "media", None, postposed=seg_start > lo and not _complement_in(tail[:to_comma])))
                continue
        if subject is None:
            continue
        subject = _member_of_parliament(_apposition_voice(subject, refs, toks), toks)
        if subject.kind == "institution":
            # "премьер-министр Армении Никол Пашинян": the person, with all the hats they wear
            person = next((r for r in voiced if r.kind == "person" and 0 <= r.start - subject.end <= 3), None)
            subject = person or subject
        hedge = subject.unnamed or lex.claim_verbs.has(tok)
        speakers.append(Speaker(k, subject.voice, subject, hedged=hedge, postposed=postposed))

    if cited is not None:
        for sp in speakers:
            if sp.ref is not None and sp.ref.kind in {"outlet", "unnamed"} or sp.voice == "media":
                sp.voice, sp.ref = cited.voice, cited
                sp.hedged = cited.unnamed
        if not speakers:
            speakers.append(Speaker(0, cited.voice, cited, hedged=cited.unnamed, postposed=True))
    if not speakers and lex.claim_verbs.any_in(toks):
        # "Их авторы утверждали, что ...": a claim by people the text does not name
        at = next(k for k in range(len(toks)) if lex.claim_verbs.has(toks[k]))
        speakers.append(Speaker(at, "media", None, hedged=True))
    if not speakers:
        # "Часть изданий представила это как просьбу": unnamed media as the subject
        lead = next((r for r in refs if r.unnamed and r.start <= 3 and r.prep is None), None)
        if lead is not None:
            speakers.append(Speaker(lead.start, "media", lead, hedged=True))
    if hedged_sentence:
        for sp in speakers:
            if sp.voice == "media":
                sp.hedged = True
    for sp in speakers:
        if not sp.postposed:
            later = [a for a, _ in clauses.spans if a > sp.at and _contrasts(toks, a) and not _quoted_from(toks, sp.at, a)]
            sp.scope_end = later[0] if later else len(toks)
    return speakers


CONTRAST = {"а", "но", "але", "однак", "однако", "but", "while", "whereas", "yet"}
LATER_WORDS = {"вечером", "ввечері", "утром", "вранці", "днем", "днём", "вдень", "ночью", "вночі", "затем", "потом",
               "потім", "позже", "пізніше", "наутро", "назавтра", "later", "then", "afterwards",
               "следующий", "следующее", "другой", "наступного", "наступний", "next", "following"}
AS_WELL = {"также", "тоже", "також", "теж", "еще", "ещё", "ще"}  # "а также": and, not but


def _contrasts(toks, a: int) -> bool:
    """Whether the clause at token `a` sets itself against the one before ("..., а ...", "; ...")."""
    if toks[a - 1].text == ";":
        return True
    for at in (a, a - 1):
        if at > 0 and toks[at].lower in CONTRAST:
            if at + 1 < len(toks) and toks[at + 1].lower in AS_WELL:
                return False
            if toks[at].lower == "а":
                # "а" inside what is said goes on saying it ("..., а подразделения уже
                # приступили"); told with a later time ("а вже ввечері ...") the text goes on
                return any(t.lower in LATER_WORDS or t.lemma in LATER_WORDS or t.text.isdigit()
                           for t in toks[at + 1:at + 4])
            return True
    return False


def _quoted_from(toks, speech_at: int, a: int) -> bool:
    """Whether token `a` is inside a quotation the speaker opened after speaking
    ("оголосив: «..., а також ...»"): the quotation is theirs to its end."""
    depth = 0
    for t in toks[speech_at + 1:a]:
        if t.text in {"«", "“", "„"}:
            depth += 1
        elif t.text in {"»", "”"} and depth:
            depth -= 1
    return depth > 0


def _english_plural_noun(toks, k: int) -> bool:
    tok = toks[k]
    if not tok.lower.endswith("s") or tok.lower == tok.lemma or tok.lower.endswith(("ss", "us")):
        return False
    prev = toks[k - 1] if k > 0 else None
    return prev is None or not (prev.text[:1].isupper() or prev.lower in {"he", "she", "it", "who", "which", "that", "also"})


# "Такое заявление сделал X", "Таке рішення уряд ухвалив, повідомив X": what the sentence
# before told, named again by a demonstrative
DEMONSTRATIVES = {"такое", "такой", "такая", "такую", "такие", "это", "эту", "этот", "таке", "такий", "таку", "така",
                  "такі", "цю", "цей", "це", "цього", "such"}


def refers_back(sentence: Sentence) -> bool:
    """'Об этом сообщил X', 'Про це заявив X', 'This was reported by X', 'Такое заявление
    сделал X', 'Таке рішення уряд ухвалив, повідомив X': X asserts the sentences before."""
    words = [t.lower for t in sentence.tokens[:4]]
    if len(words) >= 2 and (
        (words[0] in {"об", "про", "о"} and words[1] in {"этом", "це", "том"})
        or (words[0] in {"this", "that"} and words[1] in {"was", "is", "has"})
        or (words[0] == "как" and words[1] in {"сообщил", "сообщила", "сообщило", "сообщили"})
    ):
        return True
    toks = sentence.tokens
    lex = load_lexicon(sentence.lang)
    if any(words[j:j + 2] in (["об", "этом"], ["про", "це"]) for j in (1, 2)) and any(
            lex.speech_verbs.has(t) and t.pos != "NOUN" for t in toks[3:]):
        return True  # "Решение об этом принял Совбез, сообщил кабмин"
    if len(toks) < 3 or toks[0].lower not in DEMONSTRATIVES or toks[1].pos != "NOUN":
        return False
    return lex.report_nouns.has(toks[1]) or any(lex.speech_verbs.has(t) and t.pos != "NOUN" for t in toks[2:])


def attribute_quotes(doc, sentences: list[Sentence], frames, spoken: dict[int, list[Speaker]]) -> None:
    """A quotation of several sentences is said by whoever the text names where it opens
    ("Лавров заявил: «…") or closes ("…», — сказал Лавров): its sentences get that voice."""
    by_block: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_block.setdefault(s.block, []).append(s)
    for block_sentences in by_block.values():
        start, end = block_sentences[0].start, block_sentences[-1].end
        for q_start, q_end in quoted_spans(doc.text[start:end]):
            q_start, q_end = q_start + start, q_end + start
            inside = [s for s in block_sentences if s.start < q_end and s.end > q_start]
            if len(inside) < 2:
                continue  # a one-sentence quotation is attributed within its sentence
            speaker = _quote_speaker(inside, spoken, q_start, q_end)
            if speaker is None:
                continue
            covered = {s.index for s in inside}
            for f in frames:
                if f.sentence.index not in covered:
                    continue
                if f.voice is None:
                    f.voice = _voice_for(f, speaker)
                    if speaker.hedged:
                        f.modality = "uncertain"
                if not f.actors and speaker.ref is not None and speaker.ref.party and speaker.ref.party != f.target \
                        and any(t.lower in FIRST_PERSON for t in f.sentence.tokens[:f.at]):
                    f.actors = [speaker.ref.party]  # "«Мы обратились к ОДКБ…», — заявил министр"


def _quote_speaker(inside: list[Sentence], spoken: dict[int, list[Speaker]], q_start: int, q_end: int) -> Speaker | None:
    first, last = inside[0], inside[-1]
    for sp in spoken.get(last.index, []):  # "…», — сказал Лавров."
        if sp.voice and last.tokens[min(sp.at, len(last.tokens) - 1)].start >= q_end - 1:
            return sp
    for sp in spoken.get(first.index, []):  # "Лавров заявил: «…"
        if sp.voice and first.tokens[min(sp.at, len(first.tokens) - 1)].end <= q_start + 1:
            return sp
    return None


def speaker_for(index: int, speakers: list[Speaker]) -> Speaker | None:
    """The speaker governing token `index`: the nearest speech word before it, else one after."""
    before = [s for s in speakers if s.at <= index and not s.postposed]
    if before:
        return before[-1] if index < before[-1].scope_end else None
    # a later speech verb speaks for this part only when its speaker follows it
    # ("..., — заявил Песков"), not when it opens a complement of its own ("asked ..., saying that")
    # what follows a speaker named after its verb is the speaker's own circumstance ("Про це
    # йдеться у відповіді секретаріату на запит журналістів"), not what it says
    after = [s for s in speakers if s.postposed and not (s.ref is not None and s.at < s.ref.start <= index)]
    return after[0] if after else None


def attribute_document(doc, sentences: list[Sentence], frames, spoken: dict[int, list[Speaker]],
                       refs_by_sentence: list[list[PartyRef]] | None = None) -> None:
    """Voices that only the text around a sentence tells: "he said" in a paragraph that
    opens with a quotation is the person the text named last; a quotation of several
    sentences is its speaker's; a party telling of its own act ("Своє прохання Париж
    пояснює тим, що ...") asserts it."""
    _resolve_anaphora(sentences, frames, spoken, refs_by_sentence)
    attribute_quotes(doc, sentences, frames, spoken)
    _own_acts(frames, spoken)
    _paragraph_reports(sentences, frames, spoken)
    if refs_by_sentence is not None:
        _list_items(sentences, frames, refs_by_sentence)


def _resolve_anaphora(sentences: list[Sentence], frames, spoken: dict[int, list[Speaker]],
                      refs_by_sentence: list[list[PartyRef]] | None) -> None:
    """'"...," he said' and "за його словами" where the paragraph has named nobody yet: the
    person the text named last (else its last speaker). Frames they govern take that voice,
    and "we asked" inside them that person's party."""
    by_sentence: dict[int, list] = {}
    for f in frames:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    quoted = _quoted_chars(sentences)
    last: tuple[str, PartyRef | None] | None = None
    for position, s in enumerate(sentences):
        speakers = spoken.get(s.index, [])
        for sp in speakers:
            if not (sp.anaphoric and sp.voice in (None, "__previous__") and last is not None):
                continue
            sp.voice, sp.ref = last[0], sp.ref or last[1]
            for f in by_sentence.get(s.index, []):
                if f.voice in (None, "__previous__") and speaker_for(f.trigger.at, speakers) is sp:
                    f.voice = _voice_for(f, sp)
                    _speaker_as_actor(f, sp)
        if s.kind == "title":
            continue
        # "he" is a person the text named as one who acts or speaks: not one under a
        # preposition ("a call with Tokayev"), inside a quotation, or an outlet
        refs = refs_by_sentence[position] if refs_by_sentence is not None else []
        people = [(r.voice, r) for r in refs if r.voice and _a_person(r) and r.prep is None and not r.attached
                  and not any(a <= s.tokens[r.start].start < b for a, b in quoted.get(s.block, ()))]
        people += [(sp.voice, sp.ref) for sp in speakers if sp.voice not in (None, "__previous__")
                   and sp.ref is not None and sp.ref.kind in {"person", "institution", "body"}]
        if people:
            last = max(people, key=lambda p: p[1].start)


# institutions that are one person: "she" may be the spokeswoman, not the ministry
PERSON_ROLES = {"head_of_state", "head_of_government", "head_of_government_acting", "president", "prime_minister",
                "foreign_minister", "defence_minister", "deputy_foreign_minister", "minister", "spokesperson",
                "spokesperson_org", "ambassador", "permanent_representative", "secretary_general", "chair",
                "high_representative", "security_council_secretary", "legislator", "parliament_speaker", "expert"}
LIST_BULLETS = ("•", "·", "▪", "►", "*", "-", "–", "—")


def _list_items(sentences: list[Sentence], frames, refs_by_sentence: list[list[PartyRef]]) -> None:
    """"The Defence Planning Committee: • takes note of Turkey's request; • agrees that ...":
    the items of a list opened by "X:" are what X says."""
    by_sentence: dict[int, list] = {}
    for f in frames:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    lead: str | None = None
    for position, s in enumerate(sentences):
        text = s.text.lstrip()
        if text.startswith(LIST_BULLETS):
            words = text.lstrip("".join(LIST_BULLETS) + " ").split()
            if lead is not None and words and words[0][:1].islower():
                for f in by_sentence.get(s.index, []):
                    if f.voice is None:
                        f.voice = lead
            continue
        lead = None
        if text.rstrip().endswith(":"):
            voiced = [r for r in refs_by_sentence[position] if r.voice and r.voice != "media" and r.prep is None
                      and not r.attached]
            lead = voiced[-1].voice if voiced else None


def _paragraph_reports(sentences: list[Sentence], frames, spoken: dict[int, list[Speaker]]) -> None:
    """"О 70 военных пишут и армянские СМИ. Армянский контингент уже отправился в страну.":
    a paragraph opened by an outlet's report goes on telling that report until someone
    else is named speaking."""
    by_sentence: dict[int, list] = {}
    for f in frames:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    block, reporting = None, False
    for s in sentences:
        voices = {sp.voice for sp in spoken.get(s.index, []) if sp.voice not in (None, "__previous__")}
        if s.block != block:
            block, reporting = s.block, s.kind == "body" and voices == {"media"}
            continue
        if voices and voices != {"media"}:
            reporting = False
        if reporting:
            for f in by_sentence.get(s.index, []):
                if f.voice is None:
                    f.voice = "media"


def _a_person(ref: PartyRef) -> bool:
    return ref.kind == "person" or ref.role in PERSON_ROLES


def _voice_for(frame, sp: Speaker) -> str | None:
    """A person speaks in the hat that fits the act: Pashinyan announcing the Council's
    consultations speaks as its chair (as frames.py reads a speaker within a sentence)."""
    if sp.ref is not None and sp.ref.kind == "person":
        return next((party for party, _ in sp.ref.roles if party in frame.actors), sp.voice)
    return sp.voice


def _quoted_chars(sentences: list[Sentence]) -> dict[int, list[tuple[int, int]]]:
    """Per block, the character spans inside quotation marks: whom a speaker names in a
    quotation is not the one the next "he said" points to."""
    by_block: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_block.setdefault(s.block, []).append(s)
    spans: dict[int, list[tuple[int, int]]] = {}
    for block, block_sentences in by_block.items():
        start = block_sentences[0].start
        text = "".join(" " * (s.start - (block_sentences[i - 1].end if i else start)) + s.text
                       for i, s in enumerate(block_sentences))
        spans[block] = [(a + start, b + start) for a, b in quoted_spans(text)]
    return spans


def _speaker_as_actor(frame, sp: Speaker) -> None:
    """"«Мы обратились к ОДКБ», — сказал он": we are the speaker's party."""
    if frame.actors or sp.ref is None or not sp.ref.party or sp.ref.party == frame.target:
        return
    toks = frame.sentence.tokens
    if load_lexicon(frame.sentence.lang).first_person.any_in(toks, frame.trigger.at - 4, frame.trigger.at):
        frame.actors = [sp.ref.party]


def _own_acts(frames, spoken: dict[int, list[Speaker]]) -> None:
    """A request or decision named as the object of its own party's statement ("Своє
    прохання Париж пояснює тим, що ...", "Its request, Paris explained, ..."): the party
    itself asserts it (spec rule 5). "X asked ..., saying ...": the participle tells why,
    the text tells the act."""
    for f in frames:
        clauses = getattr(f, "clauses", None)
        if f.voice is not None or clauses is None or not f.trigger.nominal:
            continue
        span = clauses.span_of(f.trigger.at)
        for sp in spoken.get(f.sentence.index, []):
            if sp.voice in (None, "media", "__previous__") or sp.ref is None or sp.at >= len(clauses.owner):
                continue
            if clauses.span_of(sp.at) != span or sp.at < f.trigger.at or _participle(f.sentence.tokens[sp.at]):
                continue
            if sp.voice in f.actors:
                f.voice = sp.voice
                break
            if not f.actors and sp.ref.party and sp.ref.party != f.target and _own_possessive(f.sentence, f.trigger.at):
                f.actors, f.voice = [sp.ref.party], sp.voice  # "its own request": the subject's
                break


def _participle(tok) -> bool:
    return tok.pos in {"GRND", "PRTF", "PRTS"} or "GRND" in tok.grams or tok.lower.endswith("ing")


def _own_possessive(sentence: Sentence, at: int) -> bool:
    """"Своє прохання", "свою просьбу": the act belongs to the clause's subject."""
    own = load_lexicon(sentence.lang).possessive_own
    return own.any_in(sentence.tokens, at - 2, at)
