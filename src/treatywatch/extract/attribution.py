"""Who asserts what: speech verbs, "according to", "со ссылкой на", headline "X: ...",
"Об этом сообщил X" for the sentences before, quotations closed by "— заявил X".

A Speaker's `voice` is a party id, "media", or None; `hedged` marks unnamed sources and
claims ("по данным источника", "reportedly", "утверждали"), which make events uncertain.
"""

from __future__ import annotations

from dataclasses import dataclass

from treatywatch.extract.clauses import Clauses, quoted_spans
from treatywatch.extract.refusals import rejects_a_request
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.parties import PartyRef
from treatywatch.extract.segment import Sentence

THIS_WORDS = {"об", "этом", "про", "це", "this", "that", "these", "таке", "такое", "так"}
FIRST_PERSON = {"мы", "ми", "we", "наша", "наш", "наше", "наши", "our"}
PRONOUNS = {"он", "она", "они", "его", "ее", "её", "их", "він", "вона", "вони", "його", "її", "їх",
            "he", "she", "they", "his", "her", "their", "it"}


@dataclass
class Speaker:
    at: int  # token index of the speech word
    voice: str | None
    ref: PartyRef | None
    hedged: bool = False
    postposed: bool = False  # the speaker comes after what is said ("..., — заявил X")
    scope_end: int = 10**6  # a contrasting clause ("..., а вже ввечері ...") is the text's own voice


def _voiced(refs: list[PartyRef]) -> list[PartyRef]:
    return [r for r in refs if r.voice is not None]


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
    voiced = _voiced(refs)
    speakers: list[Speaker] = []
    cited = _cited(sentence, refs, lex)
    hedged_sentence = lex.hedges.any_in(toks) or lex.claim_verbs.any_in(toks)

    # headline or lead "Лавров: ...", "Reuters: ..."
    if voiced and len(toks) > voiced[0].end and toks[voiced[0].end].text == ":" and voiced[0].start <= 1:
        speakers.append(Speaker(voiced[0].end, voiced[0].voice, voiced[0]))

    for k in range(len(toks)):
        n = lex.according_to.phrase_at(toks, k)
        if n and any(t.lower in PRONOUNS for t in toks[k:k + n]):
            speakers.append(Speaker(k, "__previous__", None))  # "По его словам": who spoke last
            continue
        if n:
            after = [r for r in voiced if k + n <= r.start <= k + n + 4]
            if after:
                ref = after[0]
                speakers.append(Speaker(k, ref.voice, ref, hedged=ref.unnamed))
            elif k + n < len(toks) and toks[k + n].lower in PRONOUNS:
                speakers.append(Speaker(k, "__previous__", None))
            continue
        tok = toks[k]
        if not (lex.speech_verbs.has(tok) or lex.claim_verbs.has(tok) or lex.denial_verbs.has(tok)):
            continue
        if lex.denial_verbs.has(tok) and rejects_a_request(toks, k, lex):
            continue  # "rejected the request": an act, not a statement
        if tok.pos in {"NOUN"} and not lex.denial_verbs.has(tok):
            continue
        if sentence.lang == "en" and _english_plural_noun(toks, k):
            continue  # "despite reports that ...": a noun, not a speech verb
        lo, hi = clauses.span_of(k)
        if lo > 0 and lex.relative_pronouns.has(toks[lo]):
            lo = clauses.span_of(lo - 1)[0]  # "An official who asked not to be named said"
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
        # "Kazakhstan asked ..., Kremlin spokesman Peskov said (on Monday)." speaks for all before it
        postposed = bool(in_segment) and seg_start > lo and (
            len(tail) <= 5 or to_comma <= 5 or (tail[0].text == "," and bool(lex.citing.phrase_at(toks, k + 2) or lex.citing.has(tail[1]) if len(tail) > 1 else False)))
        lead = toks[k - 1].text if k > 0 else ""
        says_that = any(t.lower in {"что", "що", "that"} for t in toks[k + 1:k + 6])
        if lead in {",", "—", "–", "»", '"', "”"} and not in_segment and (sentence.lang != "en" or not before) \
                and not (says_that and before):  # "Пашинян, который ..., сообщил, что ...": he speaks
            # "..., заявил пресс-секретарь Песков": the speaker follows the verb
            follow = [r for r in voiced if k < r.start <= k + 4]
            if follow:
                subject, postposed = follow[0], True
        if subject is None:
            after = [r for r in voiced if k < r.start <= k + 5]
            if after and (k == 0 or lead in {",", "—", "–", "-", "»", '"', "”"} or after[0].start - k <= 2
                          or lex.according_to.phrase_at(toks, k)):
                subject, postposed = after[0], True
            elif k + 1 < len(toks) and toks[k + 1].lower in PRONOUNS or (k > 0 and toks[k - 1].lower in PRONOUNS):
                speakers.append(Speaker(k, "__previous__", None))
                continue
        if subject is None:
            continue
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
    contrast = {"а", "но", "але", "однак", "однако", "but", "while", "whereas", "yet"}
    for sp in speakers:
        if not sp.postposed:
            later = [a for a, _ in clauses.spans if a > sp.at and (toks[a].lower in contrast or toks[a - 1].text == ";"
                                                                   or a > 1 and toks[a - 1].lower in contrast)]
            sp.scope_end = later[0] if later else len(toks)
    return speakers


def _english_plural_noun(toks, k: int) -> bool:
    tok = toks[k]
    if not tok.lower.endswith("s") or tok.lower == tok.lemma or tok.lower.endswith(("ss", "us")):
        return False
    prev = toks[k - 1] if k > 0 else None
    return prev is None or not (prev.text[:1].isupper() or prev.lower in {"he", "she", "it", "who", "which", "that", "also"})


def refers_back(sentence: Sentence) -> bool:
    """'Об этом сообщил X', 'Про це заявив X', 'This was reported by X': X asserts the sentences before."""
    words = [t.lower for t in sentence.tokens[:4]]
    return len(words) >= 2 and (
        (words[0] in {"об", "про", "о"} and words[1] in {"этом", "це", "том"})
        or (words[0] in {"this", "that"} and words[1] in {"was", "is", "has"})
        or (words[0] == "как" and words[1] in {"сообщил", "сообщила", "сообщило", "сообщили"})
    )


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
                    f.voice = speaker.voice
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
    after = [s for s in speakers if s.postposed]
    return after[0] if after else None
