"""One sentence -> frames: an event trigger with its actor(s), target, polarity, modality
and the voice that asserts it. Arguments the sentence leaves open are filled later from
the document (see context.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from treatywatch.extract.attribution import Speaker, speaker_for
from treatywatch.extract.clauses import Clauses
from treatywatch.extract.governors import governor_of, in_irrealis_clause
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.parties import PartyRef, coordinated
from treatywatch.extract.segment import Sentence
from treatywatch.extract.triggers import Trigger

STATE_KINDS = {"state", "metonym", "state_adj", "person", "institution"}
ORG_KINDS = {"org", "body", "force"}
ACTOR_KINDS = STATE_KINDS | ORG_KINDS
TO_PREPS = {"к", "в", "во", "до", "to", "у", "на", "into", "towards", "toward"}
FROM_PREPS = {"из", "с", "со", "з", "із", "зі", "від", "от", "from", "by", "out"}
ABSORBING = {"appeal", "decision", "offer"}
THIRD_PERSON = {"он", "она", "він", "вона", "he", "she"}
RULE_OUT = {"исключать", "исключить", "виключати", "виключити", "exclude", "rule"}
BECAME = {"стал", "стала", "стали", "стало", "став", "стала", "стали", "стало"}  # "не стал обращаться": did not


@dataclass
class Frame:
    type: str
    sentence: Sentence
    trigger: Trigger
    actors: list[str] = field(default_factory=list)
    target: str | None = None
    negated: bool = False
    modality: str = "actual"
    voice: str | None = None  # who asserts it: party id, "media", None (the text itself)
    reported: bool = False  # the reported half of a denial
    outcome: str | None = None
    generic_force: bool = False  # "миротворцы", "the contingent": a force nobody is named for
    collective_force: bool = False  # "миротворческие силы", "peacekeepers": the alliance's own
    recent_state: str | None = None  # the state last acting in the paragraph
    recent_force_owner: tuple[str, str] | None = None  # (party, force noun) the paragraph last named
    force_lemma: str | None = None  # the force noun of a movement with no named contributor
    carried_count: int | None = None  # a troop count the sentence before gave
    own_size: int | None = None  # a listed contingent's own number ("Belarus around 500")
    sentence_date: str = ""  # the document date, ISO (for plans on a weekday)
    same_day: str | None = None  # the last date the paragraph named before this sentence
    referred_date: str | None = None  # "Об этом вчера сообщил X": the date of the sentence after
    lead_date: str | None = None  # the story's date, for the news its lead reports
    story_day: str | None = None  # the story's day, when it is the last date named before the sentence
    story_month: str | None = None  # a page with no date: the month of the last date its story named
    stamp_date: str | None = None  # an undated story's last time stamp before the sentence
    refs: list = field(default_factory=list)  # the sentence's parties
    clauses: Clauses | None = None
    explicit_target: bool = False
    extra_targets: list[str] = field(default_factory=list)
    subject_kind: str | None = None
    denied: bool = False  # the denied half of a denial
    governor: object = None  # governors.Governor of a dependent event word, if any
    clauses_span: tuple[int, int] | None = None  # the trigger's clause
    first_person: bool = False  # "мы обращались", "наше обращение": the speaker's side acts
    own_ground: bool = False  # sent to the mover's own territory ("на своєму фланзі"): no state target
    actor_from_speaker: bool = False  # a force nobody is named for, taken as the speaker's own

    @property
    def at(self) -> int:
        return self.trigger.at


def _can_act(ref: PartyRef) -> bool:
    """Legislators, experts and opposition figures speak, but do not act for a state (rule 6)."""
    return ref.voice != "media" or ref.kind in {"state", "metonym", "state_adj", "org", "body", "force"}


def _is_content(trig: Trigger, governor: Trigger, toks, lex: Lexicon) -> bool:
    """Is `trig` what `governor` asks for, offers or decides ("asked them to send troops",
    "решил направить силы", "попросила про консультації"), rather than an event of its own?"""
    tok = toks[trig.at]
    infinitive = tok.infinitive or (trig.at > 0 and toks[trig.at - 1].lower == "to")
    if trig.type in {"deployment", "withdrawal"}:
        # "asked them to send troops", "одобрил отправку военных", "a request for the deployment of"
        return infinitive or (trig.nominal and trig.at - governor.at <= 3)
    if trig.type == "decision":
        return trig.feature == "mission" and (infinitive or governor.type == "offer")
    if trig.type == "consultation":
        return governor.type == "appeal" and not governor.nominal
    return trig.type == "offer" and (governor.type == "appeal" or governor.feature == "grant")


def _under_a_rule(sentence: Sentence, k: int, clauses: Clauses, lex: Lexicon) -> bool:
    """"assistance is provided when a member state asks for it", "если государство-член
    подвергнется агрессии": an unnamed, generic party in the event's own clause or in a
    condition or 'when' clause bound to it makes the event a rule of the treaty, not a report."""
    toks = sentence.tokens
    own = clauses.owner[k]
    bound = [(a, b) for a, b in clauses.conditions_on(k)]
    for j in lex.generic_parties.positions(toks):
        lo, _ = clauses.span_of(j)
        indefinite = lex.generic_parties.phrase_at(toks, j) > 0  # "a member state", "любое государство"
        if (indefinite and clauses.owner[j] == own) or any(a <= j < b for a, b in bound):
            return True
        if abs(clauses.owner[j] - own) == 1 and lex.temporal_markers.any_in(toks, lo, j):
            return True
    return False


def _passive(toks, k: int, lex: Lexicon) -> bool:
    """A passive predicate: a short participle ("запрошена", "надіслано"), a passive verb, or an
    English participle after a form of 'be'."""
    tok = toks[k]
    if tok.pos == "PRTS" or "pssv" in tok.grams or "Impe" in tok.grams:  # Ukrainian "надіслано", "ухвалено"
        return True
    return any(t.lower in lex.passive_aux.words for t in toks[max(0, k - 2):k]) and (tok.lower.endswith("ed") or tok.pos in {"PRTS", "PRTF"})


def _vague_offer(toks, k: int, hi: int, lex: Lexicon) -> bool:
    """Readiness only to 'take steps' or 'measures', with no help named."""
    after = toks[k + 1:hi]
    concrete = any((lex.help_nouns.has(t) and not lex.vague_help.has(t))
                   or (lex.help_verbs.has(t) and not lex.light_help_verbs.has(t)) for t in after)
    return lex.vague_help.any_in(toks, k + 1, hi) and not concrete


def _deliberates(toks, lo: int, hi: int, lex: Lexicon) -> bool:
    """A deliberation word before the event ("weighing whether to send", "неясно, обратится ли"),
    not counting a particle that belongs to a hedge ("вряд ли", "навряд чи")."""
    return any(lex.deliberation.has(toks[j]) and not (j > 0 and lex.hedges.has(toks[j - 1])) or lex.deliberation.phrase_at(toks, j)
               for j in range(max(lo, 0), hi))


def _asks(toks, j: int, lex: Lexicon) -> bool:
    """A governor that asks or calls for the act ("просил направить", "urged to invoke",
    "выступила за вывод")."""
    return lex.appeal_verbs.has(toks[j]) or lex.exhortation.has(toks[j]) or bool(lex.exhortation.phrase_at(toks, j))


def frame_negatable(tok, lex: Lexicon) -> bool:
    return lex.negative_dets.has(tok)


def _parties(refs: list[PartyRef], kinds: set[str]) -> list[PartyRef]:
    return [r for r in refs if r.kind in kinds and r.party]


def _negated(sentence: Sentence, k: int, lo: int, lex: Lexicon, nominal: bool, hi: int) -> bool:
    toks = sentence.tokens
    if sentence.lang == "en" and k >= 2 and toks[k - 2].lower == "yet" and toks[k - 1].lower == "to":
        return True  # "has yet to ask"
    window = range(max(lo, k - 4), k)
    for j in window:
        if toks[j].lower.endswith("n't") or (toks[j].lower == "t" and j > 1 and toks[j - 1].text in {"'", "’"}
                                             and toks[j - 2].lower.endswith("n")):
            return True  # "hasn't asked", "didn't request"
        if lex.negators.has(toks[j]) or (lex.negative_dets.has(toks[j]) and toks[j].lower not in {"any"}):
            if j + 1 < len(toks) and (lex.not_only.has(toks[j + 1]) or toks[j + 1].lemma in RULE_OUT):
                continue  # "не только", and "не исключает" (a possibility, see _modality)
            between = toks[j + 1:k]
            if nominal and any(t.pos in {"VERB", "INFN", "PRTS"}
                               and not lex.carrier_verbs.has(t) for t in between):
                continue  # "не может проигнорировать просьбу": the negation is the other verb's
            return True
    if nominal:
        for j in range(k + 1, min(hi, k + 14)):
            if lex.negators.has(toks[j]) and j + 1 < len(toks) and not lex.not_only.has(toks[j + 1]) \
                    and any(lex.carrier_verbs.has(t) for t in toks[j + 1:j + 3]):
                return True  # "обращения ... не было", "запроса не поступало"
    if not nominal:
        for j in range(k + 1, min(hi, k + 5)):
            if lex.negators.has(toks[j]) and j + 1 < len(toks) and (
                    lex.future_aux.has(toks[j + 1]) or toks[j + 1].lemma in {"стать", "стати"} or toks[j + 1].lower in BECAME):
                return True  # "просить о помощи не станет", "звертатися не став"
    if sentence.lang == "en" and k > 0 and toks[k - 1].lower == "any":
        return any(lex.negators.has(t) for t in toks[max(lo, k - 6):k])
    if not nominal:
        # "sent no troops", "made no request": a negative determiner on the verb's object
        for j in range(k + 1, min(hi, k + 4)):
            if lex.negative_dets.has(toks[j]) and toks[j].lower != "any" and any(
                    lex.force_nouns.has(t) or lex.appeal_nouns.has(t) or lex.help_nouns.has(t) for t in toks[j + 1:j + 4]):
                return True
    return False


def _modality(sentence: Sentence, k: int, lo: int, hi: int, lex: Lexicon, clauses: Clauses, nominal: bool) -> str:
    toks = sentence.tokens
    tok = toks[k]
    if any(lex.hedges.has(t) for t in toks[max(lo, k - 6):min(hi, k + 3)]):
        return "uncertain"
    if any(lex.negators.has(toks[j]) and toks[j + 1].lemma in RULE_OUT for j in range(max(lo, k - 5), k - 1)):
        return "uncertain"  # "Эстония не исключает обращения к НАТО", "did not rule out asking"
    if not nominal and any(lex.possibility.has(t) for t in toks[max(lo, k - 3):k]):
        return "uncertain"  # "Россия может обратиться", "Tajikistan may ask"
    if any(lex.negators.has(toks[j]) and j + 1 < len(toks) and lex.future_aux.has(toks[j + 1]) for j in range(k + 1, min(hi, k + 5))):
        return "intended"
    conditions = clauses.conditions_on(k)
    if nominal and "nomn" in tok.grams:
        # "Заседание ... продлится дольше, если ...": the condition binds the predicate, not its subject
        conditions = [(a, b) for a, b in conditions if clauses.owner[a] == clauses.owner[k]]
    conditional = bool(conditions)
    near_lo = max(lo, k - (6 if nominal else 4))
    near = toks[near_lo:k]
    if nominal:
        # "станет обращение", "will be the request": a copula names the act, it does not plan it
        near = [t for j, t in enumerate(near, near_lo) if not (lex.copulas.has(t) and not any(
            u.pos in {"INFN", "PRTS", "VERB"} or u.infinitive for u in toks[j + 1:k]))]
    future = ("futr" in tok.grams and tok.pos == "VERB") or any(lex.future_aux.has(t) for t in near) \
        or any(lex.intent_words.has(t) for t in near)
    if nominal and not future:
        verb = next((t for t in reversed(toks[lo:k]) if t.pos == "VERB" and not t.infinitive), None)
        # "організують повернення підрозділів": the act named by the object of a future verb is planned
        future = verb is not None and "futr" in verb.grams and not lex.copulas.has(verb)
    if nominal:
        future = future or any(lex.future_aux.has(t) or "futr" in t.grams and t.pos == "VERB" or lex.intent_words.has(t)
                               for t in toks[k + 1:min(hi, k + 9)])
    if conditional:
        return "conditional"
    return "intended" if future else "actual"


class FrameBuilder:
    def __init__(self, lex: Lexicon, org_ids: frozenset[str]):
        self.lex = lex
        self.org_ids = org_ids  # the organizations of data/parties.yaml

    def build(self, sentence: Sentence, triggers: list[Trigger], refs: list[PartyRef],
              clauses: Clauses, speakers: list[Speaker]) -> list[Frame]:
        frames: list[Frame] = []
        lex = self.lex
        toks = sentence.tokens
        kept: list[Trigger] = []
        governed = {}
        if lex.procedure_words.any_in(toks):
            return []  # statements of general procedure ("a member in need must appeal officially")
        for trig in triggers:
            if clauses.in_condition(trig.at):
                continue  # "if Dushanbe asks": the condition of another event, not an event
            lo, hi = clauses.span_of(trig.at)
            if trig.type in {"appeal", "offer"} and lex.non_security_help.any_in(toks, max(lo, trig.at - 3), min(hi, trig.at + 8)):
                continue  # "asked the EU for a loan": not collective-security assistance
            if lex.question_particles.any_in(toks, trig.at + 1, trig.at + 3):
                continue  # "Обратится ли Душанбе к союзникам?"
            reach = max(0, trig.at - 14)
            for j in range(trig.at - 1, reach - 1, -1):
                if toks[j].text in {":", ";"}:
                    reach = j + 1
                    break
            if trig.type in {"deployment", "withdrawal"} and lex.discuss_verbs.any_in(toks, reach, trig.at):
                continue  # "discussing the deployment of Russian troops": talk about a move, not a move
            if _deliberates(toks, reach, trig.at, lex) and not (trig.type == "appeal" and trig.nominal):
                continue  # "weighing whether to send" (rule 12); the request weighed was still made
            if trig.type == "appeal" and lex.exhortation.any_in(toks, max(lo, trig.at - 6), trig.at) and (
                    toks[trig.at].infinitive or trig.at > 0 and toks[trig.at - 1].lower == "to"):
                continue  # "urged the government to invoke Article 4": somebody else's call
            if trig.at > 0 and lex.generic_quantifiers.has(toks[trig.at - 1]) and trig.nominal and not frame_negatable(toks[trig.at - 1], lex):
                continue  # "any decision on military aid": general talk
            governor = next((t for t in reversed(kept) if t.type in ABSORBING and t.type != trig.type
                             and clauses.span_of(t.at) == (lo, hi) and 0 < trig.at - t.at <= 7), None)
            if governor is not None and _is_content(trig, governor, toks, lex):
                continue  # "asked them to send troops", "решил направить силы": the content of the governor
            if any(t.type == trig.type and clauses.span_of(t.at) == (lo, hi) and abs(t.at - trig.at) <= 8 for t in kept):
                continue  # "обратился с просьбой": one event
            if _under_a_rule(sentence, trig.at, clauses, lex):
                continue  # treaty text or general procedure with an unnamed party
            if lex.habitual_adverbs.any_in(toks, lo, hi):
                continue  # "allies sometimes invoked the article": a habit, not an episode
            if trig.type in {"deployment", "withdrawal"} and trig.nominal and trig.at > 0 \
                    and lex.content_preps.has(toks[trig.at - 1]):
                continue  # "решение о направлении сил", "домовленість про перекидання військ": what was agreed or asked
            if in_irrealis_clause(sentence, trig.at, lo, lex) and not (
                    trig.nominal and (lex.discuss_verbs.any_in(toks, lo, trig.at) or lex.deliberation.any_in(toks, lo, trig.at))):
                # "призвал, чтобы войска были выведены": a wish, not an act; but "собрались,
                # чтобы обсудить просьбу Таджикистана" presupposes the request
                continue
            gov = governor_of(sentence, trig.at, lex, trig.nominal)
            if gov is not None and gov.kind in {"advice", "provision"}:
                continue  # "Армении стоит обратиться": advice; "Article 4 provides for consultations": treaty text
            if gov is not None and gov.kind in {"content", "irrealis"} and not gov.negated and (
                    gov.with_object or gov.kind == "irrealis" or _asks(toks, gov.at, lex)):
                continue  # "demanded that Russia withdraw", "expecting the troops to pull back": somebody's wish
            governed[trig.at] = gov
            kept.append(trig)

        for trig in kept:
            lo, hi = clauses.span_of(trig.at)
            frame = Frame(trig.type, sentence, trig)
            frame.governor = governed.get(trig.at)
            frame.negated = _negated(sentence, trig.at, lo, lex, trig.nominal, hi)
            frame.modality = _modality(sentence, trig.at, lo, hi, lex, clauses, trig.nominal)
            gov = governed.get(trig.at)
            if gov is not None and gov.kind == "refrain":
                frame.negated = not gov.negated  # "held back from triggering", "воздержалась от обращения"
            elif gov is not None and gov.kind == "content" and frame.modality == "actual":
                frame.modality = "intended"  # "Россия хочет вывести войска": the subject's own wish
            elif gov is not None and gov.kind == "willing":
                frame.modality = "conditional"  # "не против вывести войска", "ready to pull out"
                if gov.owns_negator:
                    frame.negated = gov.negated  # "не против": the negator is the phrase's own
            self._arguments(frame, refs, clauses)
            frame.first_person = lex.first_person.any_in(toks, max(lo, trig.at - 4), trig.at)
            sp = speaker_for(trig.at, speakers)
            if not frame.actors and sp is not None and sp.ref is not None and sp.postposed and sp.at > trig.at \
                    and sp.ref.party and sp.ref.kind in ACTOR_KINDS and sp.ref.party != frame.target \
                    and trig.type in {"deployment", "offer", "appeal", "withdrawal"} and not frame.generic_force:
                # "«...намерены участвовать в операции», — говорится в заявлении МИД Таджикистана"
                frame.actors = [sp.ref.party]
            if not frame.actors and sp is not None and sp.ref is not None and sp.at < trig.at and not sp.postposed \
                    and sp.ref.party and sp.ref.kind in ACTOR_KINDS and sp.ref.party != frame.target \
                    and (not trig.nominal or trig.feature == "grant") \
                    and (clauses.owner[sp.at] != clauses.owner[trig.at] or toks[sp.at].text == ":"):
                # "Токаев заявил, что обратился": the speaker's own act
                frame.actors = [self._acting_party(frame, sp.ref)]
            if not frame.actors and trig.type == "offer" and sp is not None and sp.ref is not None and sp.ref.party \
                    and sp.at < trig.at and sp.ref.kind in ACTOR_KINDS and sp.ref.party != frame.target:
                frame.actors = [sp.ref.party]  # "X заявил о готовности помочь"
            if not frame.actors and sp is not None and sp.voice and sp.voice not in {"media", "__previous__"} \
                    and not trig.nominal and any(t.lower in THIRD_PERSON for t in toks[max(lo, trig.at - 4):trig.at]):
                frame.actors = [sp.voice]  # "По его словам, ... он обратился к ОДКБ": the one speaking
            if not frame.actors and sp is not None and sp.ref is not None and sp.ref.party \
                    and lex.first_person.any_in(toks, max(lo, trig.at - 4), trig.at):
                frame.actors = [sp.ref.party]  # "we are ready to help": the speaker's party
            if not frame.actors and sp is not None and sp.ref is not None and sp.ref.party and trig.type == "decision":
                acting = self._acting_party(frame, sp.ref)
                if acting in self.org_ids:
                    frame.actors = [acting]  # "all members supported the request, Mogherini said"
            if frame.generic_force and not frame.actors and sp is not None and sp.ref is not None \
                    and sp.ref.kind in {"institution", "person", "state", "metonym"} and sp.ref.party \
                    and sp.ref.party not in self.org_ids and sp.ref.party != frame.target:
                frame.actors = [sp.ref.party]  # "the Defence Ministry said a unit was sent"
                frame.actor_from_speaker = True
            if sp is not None:
                frame.voice = sp.voice
                if sp.ref is not None and sp.ref.kind == "person":
                    # Pashinyan reporting the Council's decision speaks as its chair
                    frame.voice = next((party for party, _ in sp.ref.roles if party in frame.actors), frame.voice)
                if sp.hedged:
                    frame.modality = "uncertain"
            frame = self._reinterpret(frame, refs, clauses)
            if frame is not None:
                frames.append(frame)
        deciders = [a for f in frames if f.type == "decision" for a in f.actors]
        for f in frames:
            if f.type == "appeal" and f.trigger.nominal and f.target is None and deciders:
                f.target = deciders[0]  # "The Kremlin turned down Kyrgyzstan's request"
        requesters = [a for f in frames if f.type == "appeal" and not f.negated for a in f.actors]
        for f in frames:
            if f.type == "consultation" and requesters:
                f.target = requesters[0]  # "по просьбе Анкары провёл заседание", "met at Turkey's request"
                f.explicit_target = True
        return frames

    def _reinterpret(self, frame: Frame, refs: list[PartyRef], clauses: Clauses) -> Frame | None:
        """Readings that depend on the arguments found."""
        lex = self.lex
        toks = frame.sentence.tokens
        lo, hi = clauses.span_of(frame.at)
        if frame.type == "offer" and not frame.explicit_target and _vague_offer(toks, frame.at, hi, lex):
            return None  # "not prepared to take decisive steps": no help and nobody to help named
        if frame.type == "offer" and lex.operation_words.any_in(toks):
            # rule 7: readiness to take part in an agreed collective operation
            frame.type, frame.modality = "deployment", "intended"
            frame.trigger = Trigger("deployment", frame.at, False, "readiness")
            return frame
        if frame.type == "consultation" and frame.trigger.feature == "discuss" and frame.subject_kind not in ORG_KINDS | {"person"} \
                and not (frame.subject_kind is None and lex.meeting_nouns.any_in(toks, lo, hi)):
            return None  # a state "discussing" something with an alliance is deliberation (rule 12)
        if frame.type == "consultation" and frame.trigger.nominal and any(
                r.kind in {"institution", "state"} and 0 < r.start - frame.at <= 3 and r.prep is None
                and r.party not in self.org_ids for r in refs):
            return None  # "an emergency meeting of Kyrgyzstan's cabinet": a national meeting
        if frame.type == "consultation":
            if frame.subject_kind in {"state", "metonym", "state_adj"} and frame.trigger.feature != "discuss":
                # "Армения запустила консультации в ОДКБ": the state asks for them
                frame.type, frame.trigger = "appeal", Trigger("appeal", frame.at, True, "consultation")
                frame.target = next((r.party for r in refs if r.kind in ORG_KINDS and r.party and lo <= r.start < hi), None)
                return frame
            if frame.subject_kind in {"state", "metonym", "state_adj"} or not any(r.kind in ORG_KINDS for r in refs):
                return None  # a national meeting, or talks with no alliance in sight
        passive = toks[frame.at].pos == "PRTS" or "pssv" in toks[frame.at].grams or (
            frame.at > 0 and toks[frame.at - 1].lower in {"were", "was", "been", "be"})
        chose_not = any(t.lower in BECAME or t.lemma in {"стать", "стати"} for t in toks[max(0, frame.at - 2):frame.at])
        if frame.type == "deployment" and frame.negated and frame.subject_kind and not passive and (chose_not or frame.modality == "intended" and (
                any(lex.future_aux.has(t) for t in toks[max(0, frame.at - 4):frame.at]) or "futr" in toks[frame.at].grams)):
            # "will not send peacekeepers": a decision to decline
            frame.type, frame.negated, frame.modality = "decision", False, "actual"
            frame.trigger = Trigger("decision", frame.at, False, "decline")
        return frame

    # -- arguments ---------------------------------------------------------------
    def _arguments(self, frame: Frame, refs: list[PartyRef], clauses: Clauses) -> None:
        k = frame.at
        lo, hi = clauses.span_of(k)
        frame.clauses_span = (lo, hi)
        toks = frame.sentence.tokens
        if lo > 0 and (toks[lo].lemma in self.lex.relative_pronouns.words or clauses.owner[lo] in clauses.relative):
            lo = clauses.span_of(lo - 1)[0]  # "..., which returned home": the antecedent's clause
        in_clause = [r for r in refs if lo <= r.start < hi and r.party and r.kind in ACTOR_KINDS]
        before = [r for r in in_clause if r.end <= k]
        after = [r for r in in_clause if r.start > k]
        t = frame.type
        if t == "appeal":
            self._appeal(frame, before, after, refs)
        elif t in {"deployment", "withdrawal"}:
            self._movement(frame, before, after, refs, (lo, hi))
        else:
            self._response(frame, before, after, refs)

    def _subject(self, before: list[PartyRef], after: list[PartyRef], sentence: Sentence, kinds: set[str],
                 allow_attached: bool = False, at: int | None = None) -> PartyRef | None:
        cands = [r for r in before if r.kind in kinds and r.prep is None and not r.attached
                 and (sentence.lang == "en" or r.nominative()) and _can_act(r)]
        named = [r for r in cands if r.role != "anaphora"]
        if named or cands:
            return (named or cands)[-1]
        if allow_attached:
            # "Вместо войск ОДКБ решила ...": an indeclinable name after a noun may still be the subject
            cands = [r for r in before if r.kind in kinds and r.prep in {None, "of"} and r.kind in ORG_KINDS]
            if cands:
                return cands[-1]
        if sentence.lang == "en" or not after:
            return None
        # a subject after its verb ("в Казахстан направлены миротворцы"), unless a noun before it is the subject
        k = at if at is not None else after[0].start
        lo = max(0, k - 6)
        refs_span = {j for r in before for j in range(r.start, r.end)}
        if any(t.pos in {"NOUN", "NPRO"} and "nomn" in t.grams and j not in refs_span for j, t in enumerate(sentence.tokens[lo:k], lo)):
            return None
        cands = [r for r in after if r.kind in kinds and r.prep is None and not r.attached and "nomn" in r.case]
        return cands[0] if cands else None

    def _appeal(self, frame, before, after, refs) -> None:
        sentence, k = frame.sentence, frame.at
        toks = sentence.tokens
        subject = None
        if frame.trigger.nominal:
            # "просьба Токаева", "Turkey's request", "a request from Turkey", "made by Bulgaria, ..."
            subject = next((r for r in after if r.kind in STATE_KINDS and (
                (r.prep in FROM_PREPS | {"of"} and r.start - k <= 5)
                or (r.prep is None and r.start - k <= 2 and ("gent" in r.case or "Fixd" in r.case)))), None)
            if subject is None:
                subject = next((r for r in reversed(before) if r.end == k and r.kind in STATE_KINDS), None)  # "казахстанская просьба"
            if subject is None and sentence.lang == "en":
                subject = next((r for r in reversed(before) if k - r.end <= 3 and r.kind in STATE_KINDS
                                and r.end < len(toks) and toks[r.end].text in {"'s", "’s", "'", "’"}), None)
            carrier = next((j for j in range(k - 1, max(-1, k - 5), -1) if self.lex.carrier_verbs.has(toks[j])), None)
            if carrier is None and frame.governor is not None:
                carrier = frame.governor.at  # "Румыния воздержалась от обращения": the governor's subject asks
            if carrier is None:
                carrier = self._carrier_before(toks, k)
            lo, hi = frame.clauses_span if frame.clauses_span else (0, len(toks))
            later = self._predicate_after(toks, k, hi)
            if subject is None and carrier is None:
                agent = self._passive_agent(sentence, refs, later, lo, hi) if later is not None else None
                if agent is not None and agent.kind in STATE_KINDS:
                    subject = agent  # "Официальный запрос ... был направлен Казахстаном в ОДКБ"
            if subject is None and carrier is None and later is not None and sentence.lang != "en" \
                    and self.lex.addressing_verbs.has(toks[later]) and not _passive(toks, later, self.lex):
                # "Просьбу о помощи Бишкек адресовал Москве": the request is the object put
                # first, the verb's subject asks (a neuter noun's accusative looks nominative)
                named = next((r for r in refs if k < r.start < later and r.kind in STATE_KINDS
                              and r.prep is None and "nomn" in (r.may_case or r.case)), None)
                if named is not None and ("accs" in toks[k].grams or "inan" in toks[k].grams and "femn" not in toks[k].grams):
                    subject = named
            if subject is None and carrier is not None:
                agent = self._passive_agent(sentence, refs, carrier, lo, hi)
                if agent is not None and agent.kind in STATE_KINDS:
                    subject = agent  # "запрос был направлен Казахстаном", "a request was sent by Kazakhstan"
            if carrier is not None and self.lex.receive_verbs.has(toks[carrier]):
                # "Москва не получала от Душанбе просьб", "NATO received a request from Turkey":
                # who received is the addressee, the "from" phrase the one asking
                receiver = self._subject([r for r in before if r.end <= carrier and not self._clause_opener_between(toks, r.end, carrier)],
                                         [], sentence, ACTOR_KINDS)
                if receiver is not None:
                    frame.target, frame.explicit_target = receiver.party, True
                if subject is None or subject is receiver:
                    subject = next((r for r in before + after if r.prep in FROM_PREPS and r.start > carrier
                                    and r.kind in STATE_KINDS and r is not receiver), None)
            elif subject is None and carrier is not None:
                # "Армения за время боёв не направляла в ОДКБ никаких запросов": the carrier's subject asks
                subject = self._subject([r for r in before if r.end <= carrier and not self._clause_opener_between(toks, r.end, carrier)],
                                        [], sentence, STATE_KINDS)
            if carrier is not None and frame.target is None:
                # the carrier's own addressee: "направила в ОДКБ запрос", "sent to NATO a request"
                frame.target = next((r.party for r in before if r.start > carrier and r.kind in ORG_KINDS | STATE_KINDS
                                     and r.prep in TO_PREPS and r is not subject), None)
                frame.explicit_target = frame.target is not None
        else:
            lo, hi = frame.clauses_span if frame.clauses_span else (0, len(toks))
            agent = next((r for r in after if r.prep == "by" and r.start - k <= 3), None) \
                or self._passive_agent(sentence, refs, k, lo, hi)
            subject = agent or self._subject(before, after, sentence, STATE_KINDS, at=k)
            if frame.trigger.feature == "invoke":
                acting = agent or self._subject(before, after, sentence, ACTOR_KINDS, at=k)
                members = acting is not None and (acting.role == "anaphora" or acting.end < len(toks)
                                                  and self.lex.org_anaphora.has(toks[acting.end]))
                if acting is not None and acting.kind in ORG_KINDS and not members:
                    # "NATO invoked Article 5": the alliance declares its clause applies (a decision)
                    frame.type = "decision"
                    frame.trigger = Trigger("decision", k, False, "invoke")
                    frame.actors = [acting.party]
                    # for whom: a state named by a noun in the clause ("for Poland", "в Польшу"),
                    # not one named by an adjective of something else ("российских дронов")
                    helped = next((r for r in before + after if r.kind in {"state", "metonym"} and r.party != acting.party
                                   and not r.is_venue() and r.prep not in self.lex.opposing_preps.words
                                   and (r.prep is not None or "datv" in r.case)), None)
                    if helped is not None:
                        frame.target, frame.explicit_target = helped.party, True
                    return
        if subject is not None:
            frame.actors = [r.party for r in coordinated(sentence, refs, subject, STATE_KINDS)]
        barred = {"with", "from", "against", "in", "on", "about", "by", "of", "против", "с", "со", "из", "от", "з", "із", "від", "проти", "о", "об", "про", "при"}
        target = None
        invoked = frame.trigger.feature == "invoke"  # "triggering Article 4": the article's alliance is asked
        addressed = self._addressing_predicate(frame, toks)
        for r in (after if frame.target is None else []):
            if r.party in frame.actors or r.prep in barred or r is subject or r.is_venue():
                continue
            if invoked and not (r.kind in ORG_KINDS and r.start - k <= 6):
                continue
            direct = r.start - k <= 2 and (sentence.lang == "en" or r.case & {"accs", "gent", "datv"} or not r.case)
            if not frame.trigger.nominal and sentence.lang != "en" and not toks[k].lemma.endswith(("ся", "сь")) \
                    and r.prep is None and not r.attached \
                    and "accs" in (r.may_case or r.case) and "nomn" not in r.case and r.kind in STATE_KINDS | ORG_KINDS:
                direct = True  # "просили о помощи Россию": the asked one in the accusative, wherever it stands
            if addressed is not None and self._addressee_of(r, addressed, k):
                direct = True  # "обращение было адресовано не России": the addressee in the dative
            if r.kind in ORG_KINDS or r.prep in TO_PREPS or direct:
                target = r
                break
        if target is None and frame.target is None and not frame.trigger.nominal:
            # "Пашинян у Путина помощи не просил", "К союзникам Ереван обратился": the addressee
            # put before the verb
            target = next((r for r in reversed(before) if r.prep in {"к", "у", "до", "to"} and r.party not in frame.actors
                           and r is not subject and r.kind in STATE_KINDS | ORG_KINDS and not r.is_venue()), None)
        if target is None and frame.target is None:
            # "до статті 5 Північноатлантичного договору не звертався": the treaty's alliance
            treaty = next((r for r in refs if r.kind == "treaty" and r.treaty_org and abs(r.start - k) <= 8), None)
            if treaty is not None:
                frame.target = treaty.treaty_org
        if target is None and frame.target is None:
            # "попросил о помощи, которую Россия может предоставить": the one to provide it
            for j in range(k + 1, len(toks)):
                if self.lex.help_verbs.has(toks[j]):
                    target = next((r for r in refs if r.kind in {"state", "metonym"} and 0 < j - r.end <= 3
                                   and r.party not in frame.actors and (sentence.lang == "en" or "nomn" in r.case)), None)
                    if target is not None:
                        break
        if target is not None:
            frame.target = target.party
            frame.explicit_target = True
            frame.extra_targets.extend(_group_siblings(refs, target))  # "asked the Baltic states": each of them
            joiners = {",", "и", "і", "й", "та", "and", "к", "в", "до", "to", "—", "а", "также", "но", "але", "but", "separately", "then",
                       "also", "as", "well", "not", "only", "не", "только", "лише", "тільки", "і", "ще", "же", "the"}
            rest = [r for r in refs if r.start > target.start and r.party and r.party not in frame.actors
                    and r.kind in STATE_KINDS | ORG_KINDS]
            prev_end = target.end
            for r in rest:
                if all(t.lower in joiners for t in toks[prev_end:r.start]) and r.start - prev_end <= 5:
                    frame.extra_targets.append(r.party)
                    prev_end = r.end
                else:
                    break

    def _response(self, frame, before, after, refs) -> None:
        sentence = frame.sentence
        candidates_after = after
        if frame.type == "offer":
            # "о готовности поддержать Душанбе заявила Москва": Dushanbe is who would be helped
            helped = {j for j, t in enumerate(sentence.tokens) if self.lex.help_verbs.has(t)}
            candidates_after = [r for r in after if not any(0 < r.start - j <= 3 for j in helped)]
        lo, hi = frame.clauses_span if frame.clauses_span else (0, len(sentence.tokens))
        predicate = frame.at
        if frame.trigger.nominal:
            # "Решение ... было принято главами государств ОДКБ": the agent of the noun's passive predicate
            predicate = self._predicate_after(sentence.tokens, frame.at, hi)
        agent = self._passive_agent(sentence, refs, predicate, lo, hi) if predicate is not None else None
        subject = agent or self._subject(before, candidates_after, sentence, ACTOR_KINDS, allow_attached=True, at=frame.at)
        if frame.trigger.feature == "grant" and frame.trigger.nominal \
                and self.lex.winning_verbs.any_in(sentence.tokens, max(lo, frame.at - 3), frame.at):
            # "X won the backing of the Security Council": the body after the noun grants, X is granted
            granting = next((r for r in after if r.kind in ORG_KINDS and r.start - frame.at <= 4), None)
            if granting is not None:
                frame.actors, frame.subject_kind = [self._acting_party(frame, granting)], granting.kind
                granted = subject if subject is not None and subject.kind in STATE_KINDS else None
                if granted is not None:
                    frame.target, frame.explicit_target = granted.party, True
                return
        if subject is None and frame.trigger.nominal:
            # "решения СКБ ОДКБ о направлении", "the Council's decision": the noun's owner decides
            subject = next((r for r in after if r.start - frame.at <= 2 and r.prep is None and r.kind in ACTOR_KINDS
                            and ("gent" in r.case or "Fixd" in r.case)), None)
        if subject is None and frame.type == "decision":
            subject = next((r for r in after if r.prep == "by" or "ablt" in r.case and r.kind in ORG_KINDS), None)
        if subject is not None:
            frame.actors = [self._acting_party(frame, r) for r in coordinated(sentence, refs, subject, ACTOR_KINDS)]
            frame.subject_kind = subject.kind
        preps = TO_PREPS | {"for", "для", "over", "on", "about", "по", "щодо", "в", "у", "in"}
        venue = PartyRef.is_venue  # "talks in Moscow"
        consult = frame.type == "consultation"
        fits = [r for r in after if r.kind in STATE_KINDS and r.party not in frame.actors and not r.attached and not venue(r)
                and (r.prep in preps or (not consult and (r.case & {"datv", "accs", "loct"}
                                                          or sentence.lang == "en" and r.start - frame.at <= 2)))]
        # a state named by a noun before one named by an adjective of something else ("после
        # вторжения российских дронов в Польшу": Poland)
        target = next((r for r in fits if r.kind != "state_adj"), fits[0] if fits else None)
        if target is None:
            target = next((r for r in reversed(before) if r.kind in STATE_KINDS and r.party not in frame.actors and not venue(r) and
                           (r.prep in {"по", "at", "for", "для"} or "datv" in r.case or consult and r.prep in {"в", "у", "in", "on", "over"})), None)
        if target is None and frame.type == "offer":
            helper = next((j for j in range(frame.at, min(len(sentence.tokens), frame.at + 5))
                           if self.lex.help_verbs.has(sentence.tokens[j])), None)
            if helper is not None:  # "ready to help Uzbekistan", "готова помочь Армении"
                target = next((r for r in after if r.kind in {"state", "metonym"} and 0 < r.start - helper <= 3
                               and r.party not in frame.actors), None)
        if target is None and frame.type == "offer":
            target = next((r for r in after if r.kind in {"state", "metonym"} and r.prep == "of" and r.party not in frame.actors), None)
        if target is not None:
            frame.target = target.party
            frame.explicit_target = True
            frame.extra_targets.extend(_group_siblings(refs, target))

    def _addressing_predicate(self, frame: Frame, toks) -> int | None:
        """The verb that addresses a request noun to someone: its predicate ("запрос был
        адресован", "звернення адресоване") or the verb it is the object of ("направил
        обращение"), when that verb is one of addressing."""
        if not frame.trigger.nominal:
            return None
        lo, hi = frame.clauses_span if frame.clauses_span else (0, len(toks))
        k = frame.at
        for j in (self._predicate_after(toks, k, hi), self._carrier_before(toks, k)):
            if j is not None and self.lex.addressing_verbs.has(toks[j]):
                return j
        j = next((j for j in range(k + 1, min(hi, k + 4)) if self.lex.addressing_verbs.has(toks[j])), None)
        return j  # "обращение, адресованное Москве": a participle after the noun

    @staticmethod
    def _addressee_of(r: PartyRef, verb: int, noun: int) -> bool:
        """A bare dative next to the addressing verb ("адресовано Москве", "Москве не
        направлял"), not a genitive of a noun ("посол Армении")."""
        if r.prep is not None or r.attached or "datv" not in (r.may_case or r.case) or "nomn" in r.case:
            return False
        return 0 < r.start - verb <= 3 or noun < r.start < verb and verb - r.end <= 3

    def _predicate_after(self, toks, k: int, hi: int) -> int | None:
        """The predicate a nominal event is the subject of ("запрос ... был направлен")."""
        for j in range(k + 1, hi):
            if toks[j].text in {",", ";", ":"}:
                return None
            if toks[j].lower in self.lex.passive_aux.words or self.lex.copulas.has(toks[j]):
                continue  # "был направлен": the participle is the predicate
            if toks[j].pos in {"VERB", "PRTS"} and not toks[j].infinitive or (
                    toks[j].lower.endswith("ed") and any(t.lower in self.lex.passive_aux.words for t in toks[max(0, j - 2):j])):
                return j
        return None

    def _passive_agent(self, sentence, refs, k: int, lo: int, hi: int) -> PartyRef | None:
        """The agent of a passive predicate at k: "by X", an instrumental ("было принято главами
        государств ОДКБ", "запрошена правительством Киргизии"), or "со стороны X", "з боку X"."""
        toks = sentence.tokens
        if not _passive(toks, k, self.lex):
            return None
        for r in refs:
            if not (lo <= r.start < hi) or r.kind not in ACTOR_KINDS or not r.party:
                continue
            if r.prep == "by" or (r.prep is None and "ablt" in r.case and sentence.lang != "en"):
                return r
            if self.lex.agent_markers.any_in(toks, max(lo, r.start - 3), r.start):
                return r
        return None

    def _force_owner(self, sentence, refs, lo: int, hi: int, host) -> PartyRef | None:
        """The state a force noun belongs to when it follows the noun: a genitive
        ("контингенты России"), "from"/"of" ("units from Belarus", "troops of Armenia")."""
        toks = sentence.tokens
        for j in range(lo, hi):
            if not self.lex.force_nouns.has(toks[j]):
                continue
            ref = next((r for r in refs if r.start in {j + 1, j + 2} and r.kind in {"state", "metonym"} and r is not host
                        and (r.prep in {"from", "of", "из", "з", "із"} or r.prep is None and "gent" in r.case)), None)
            if ref is not None:
                return ref
        return None

    def _clause_opener_between(self, toks, a: int, b: int) -> bool:
        """"the country that had made the request": a relative word between a party and a verb
        makes the relative word the verb's subject."""
        return any(self.lex.relative_pronouns.has(t) or self.lex.complementizers.has(t) for t in toks[a:b])

    def _carrier_before(self, toks, k: int) -> int | None:
        """The verb whose object the request noun is, when only its own phrase stands between
        ("не направляла в ОДКБ никаких запросов", "has received no request")."""
        for j in range(k - 1, max(-1, k - 8), -1):
            if self.lex.carrier_verbs.has(toks[j]) or self.lex.receive_verbs.has(toks[j]):
                return j
            if toks[j].text in {",", ";", ":"} or self.lex.complementizers.has(toks[j]):
                return None
        return None

    def _acting_party(self, frame: Frame, ref: PartyRef) -> str:
        """A chair of an organization's council acts for the organization in its decisions."""
        if ref.kind == "person" and frame.type in {"decision", "consultation"}:
            for party, role in ref.roles:
                if party in self.org_ids:
                    return party
        return ref.party

    def _movement(self, frame, before, after, refs, span) -> None:
        sentence, k = frame.sentence, frame.at
        lex = self.lex
        lo, hi = span
        toks = sentence.tokens
        host_preps = (FROM_PREPS - {"by"}) if frame.type == "withdrawal" else TO_PREPS

        def out_of(r: PartyRef) -> bool:  # "pulling its contingent out of Nagorno-Karabakh"
            return frame.type == "withdrawal" and r.prep == "of" and any(
                t.lower == "out" for t in toks[max(0, r.start - 4):r.start])

        host = next((r for r in after if r.kind in {"state", "metonym", "place"} and not r.is_venue() and (
            r.prep in host_preps or out_of(r) or (frame.type == "withdrawal" and r.prep is None and not r.attached
                                     and (r.case & {"accs", "nomn"} or sentence.lang == "en")))), None)
        if host is None:
            # a region names where the force goes or leaves ("out of Nagorno-Karabakh", "в Ошскую область")
            host = next((r for r in refs if r.kind == "place" and lo <= r.start < hi and r.start > k
                         and (r.prep in host_preps or out_of(r))), None)
        if host is None and frame.type == "withdrawal":
            host = next((r for r in before if r.kind in {"state", "metonym"} and r.prep in host_preps), None)
        if host is None and frame.type == "deployment" and lex.arrival_verbs.has(toks[k]):
            # "arrived in Kazakhstan", "landed at Kazakhstan's airports"
            host = next((r for r in after if r.kind in {"state", "metonym"} and not r.is_venue()
                         and r.prep in {"in", "at"}), None)
        actors: list[PartyRef] = []
        by = [r for r in after if r.prep == "by" and r.kind in ACTOR_KINDS]
        agent = self._passive_agent(sentence, refs, k, lo, hi)
        if agent is not None and agent is not host and not by:
            by = [agent]  # "были выведены армянскими подразделениями", "sent ... by the Netherlands"
        if by:
            actors = coordinated(sentence, refs, by[0], ACTOR_KINDS)
        if not actors:
            owner = self._force_owner(sentence, refs, lo, hi, host)
            if owner is not None:
                # "прибыли контингенты России, Белоруссии и Армении", "contingents from Russia and Belarus"
                actors = coordinated(sentence, refs, owner, {"state", "metonym"})
        if not actors:
            subject = self._subject(before, after, sentence, {"state", "metonym", "org", "body", "force", "institution", "person"}, at=k)
            if subject is not None and subject is not host:
                actors = coordinated(sentence, refs, subject, ACTOR_KINDS)
        # national contingents named by adjective: "белорусские военнослужащие", "Dutch units"
        seg_lo, seg_hi = _segment(toks, k, lo, hi)
        rel = next((j for j in range(seg_lo, k) if lex.relative_pronouns.has(toks[j])), None)
        if rel is not None:
            # "from Dutch units, which returned home": the antecedent before the pronoun
            antecedent = next((j for j in range(rel - 1, max(lo, rel - 4) - 1, -1) if lex.force_nouns.has(toks[j])), None)
            if antecedent is not None:
                adj = next((r for r in refs if r.kind == "state_adj" and 0 < antecedent - r.start <= 2), None)
                if adj is not None:
                    actors = [adj]
                seg_lo = seg_hi = k
        force_positions = [j for j in range(seg_lo, seg_hi) if lex.force_nouns.has(toks[j])]
        for r in refs:
            if r.kind == "state_adj" and seg_lo <= r.start < seg_hi and r is not host and any(0 < j - r.start <= 3 for j in force_positions):
                actors.extend(coordinated(sentence, refs, r, {"state_adj"}))
        seen: list[str] = []
        for r in actors:
            if r.party and r.party not in seen and (host is None or r.party != host.party):
                seen.append(r.party)
        frame.actors = seen
        if host is not None:
            frame.target = host.party
            frame.explicit_target = True
            # "to Poland and Romania": one contingent event per host
            frame.extra_targets = [r.party for r in coordinated(sentence, refs, host, {"state", "metonym"})
                                   if r.party != host.party and r.party not in seen]
        if actors and not by:
            frame.subject_kind = actors[0].kind
        if host is None and frame.type == "deployment":
            # "розгорнути на своєму східному фланзі", "deploy to its eastern flank": the mover's
            # own ground, not a state it is sent to
            frame.own_ground = any(toks[j].lower in TO_PREPS | {"on", "in", "along"} and j + 1 < hi
                                   and (lex.possessive_own.has(toks[j + 1]) or lex.possessive_pronouns.has(toks[j + 1]))
                                   for j in range(k + 1, hi))
        own = any(lex.possessive_own.has(toks[j]) for j in range(lo, hi))
        if not seen and not own and any(lex.force_nouns.has(toks[j]) for j in range(lo, hi)):
            frame.generic_force = True
            frame.force_lemma = next(toks[j].lemma for j in range(lo, hi) if lex.force_nouns.has(toks[j]))
            frame.collective_force = lex.collective_force_words.any_in(toks, lo, hi)


def _group_siblings(refs: list[PartyRef], target: PartyRef) -> list[str]:
    """The other members of the group a target ref came from ("to the Baltic states")."""
    if target.group is None:
        return []
    return [r.party for r in refs if r.group == target.group and r.start == target.start and r is not target]


def _segment(toks, k: int, lo: int, hi: int) -> tuple[int, int]:
    """The stretch between commas around token k; after a colon, the list that follows."""
    a = k
    while a > lo and toks[a - 1].text not in {",", "—", "–", ";"}:
        a -= 1
    b = k
    colon = False
    while b < hi and (toks[b].text not in {",", "—", "–", ";"} or colon):
        colon = colon or toks[b].text == ":"
        b += 1
    # a comma inside a list of adjectives ("білоруських, вірменських і таджицьких") does not end it
    while a > lo + 1 and toks[a - 1].text == "," and toks[a - 2].pos in {"ADJF"}:
        a -= 2
        while a > lo and toks[a - 1].text not in {",", "—", "–", ";"}:
            a -= 1
    return a, b
