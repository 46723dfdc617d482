"""One sentence -> frames: an event trigger with its actor(s), target, polarity, modality
and the voice that asserts it. Arguments the sentence leaves open are filled later from
the document (see context.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from treatywatch.extract.attribution import Speaker, speaker_for
from treatywatch.extract.clauses import Clauses
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
    generic_force: bool = False  # "миротворцы", "the contingent": the organization's force
    explicit_target: bool = False
    extra_targets: list[str] = field(default_factory=list)

    @property
    def at(self) -> int:
        return self.trigger.at


def _parties(refs: list[PartyRef], kinds: set[str]) -> list[PartyRef]:
    return [r for r in refs if r.kind in kinds and r.party]


def _negated(sentence: Sentence, k: int, lo: int, lex: Lexicon, nominal: bool, hi: int) -> bool:
    toks = sentence.tokens
    window = range(max(lo, k - 4), k)
    for j in window:
        if lex.negators.has(toks[j]) or (lex.negative_dets.has(toks[j]) and toks[j].lower not in {"any"}):
            if j + 1 < len(toks) and lex.not_only.has(toks[j + 1]):
                continue
            return True
    if nominal:
        for j in range(k + 1, min(hi, k + 8)):
            if lex.negators.has(toks[j]) and j + 1 < len(toks) and not lex.not_only.has(toks[j + 1]):
                return True
    if sentence.lang == "en" and k > 0 and toks[k - 1].lower == "any":
        return any(lex.negators.has(t) for t in toks[max(lo, k - 6):k])
    return False


def _modality(sentence: Sentence, k: int, lo: int, hi: int, lex: Lexicon, clauses: Clauses, nominal: bool) -> str:
    toks = sentence.tokens
    tok = toks[k]
    if any(lex.hedges.has(t) for t in toks[max(lo, k - 6):min(hi, k + 3)]):
        return "uncertain"
    conditional = any(not (a <= k < b) for a, b in clauses.conditions)
    near = toks[max(lo, k - 4):k]
    future = ("futr" in tok.grams and tok.pos == "VERB") or any(lex.future_aux.has(t) for t in near) \
        or any(lex.intent_words.has(t) for t in near)
    if nominal:
        future = future or any(lex.future_aux.has(t) or "futr" in t.grams and t.pos == "VERB" or lex.intent_words.has(t)
                               for t in toks[k + 1:min(hi, k + 6)])
    if sentence.lang == "en" and k + 1 < len(toks) and tok.lower in {"to"}:
        future = True
    if conditional:
        return "conditional"
    return "intended" if future else "actual"


class FrameBuilder:
    def __init__(self, lex: Lexicon):
        self.lex = lex

    def build(self, sentence: Sentence, triggers: list[Trigger], refs: list[PartyRef],
              clauses: Clauses, speakers: list[Speaker]) -> list[Frame]:
        frames: list[Frame] = []
        lex = self.lex
        toks = sentence.tokens
        kept: list[Trigger] = []
        for trig in triggers:
            if clauses.in_condition(trig.at):
                continue  # "if Dushanbe asks": the condition of another event, not an event
            lo, hi = clauses.span_of(trig.at)
            governor = next((t for t in reversed(kept) if t.type in ABSORBING and t.type != trig.type
                             and (clauses.span_of(t.at) == (lo, hi) or trig.at - t.at <= 6) and t.at < trig.at), None)
            if governor is not None and trig.type in {"deployment", "consultation", "offer", "withdrawal"}:
                continue  # "asked them to send troops", "решил направить силы": the content of the governor
            if any(t.type == trig.type and clauses.span_of(t.at) == (lo, hi) and abs(t.at - trig.at) <= 6 for t in kept):
                continue  # "обратился с просьбой": one event
            kept.append(trig)

        for trig in kept:
            lo, hi = clauses.span_of(trig.at)
            frame = Frame(trig.type, sentence, trig)
            frame.negated = _negated(sentence, trig.at, lo, lex, trig.nominal, hi)
            frame.modality = _modality(sentence, trig.at, lo, hi, lex, clauses, trig.nominal)
            self._arguments(frame, refs, clauses)
            sp = speaker_for(trig.at, speakers)
            if sp is not None:
                frame.voice = sp.voice
                if sp.hedged:
                    frame.modality = "uncertain"
            frames.append(frame)
        return frames

    # -- arguments ---------------------------------------------------------------
    def _arguments(self, frame: Frame, refs: list[PartyRef], clauses: Clauses) -> None:
        k = frame.at
        lo, hi = clauses.span_of(k)
        sentence = frame.sentence
        in_clause = [r for r in refs if lo <= r.start < hi and r.party and r.kind in ACTOR_KINDS]
        before = [r for r in in_clause if r.end <= k]
        after = [r for r in in_clause if r.start > k]
        t = frame.type
        if t == "appeal":
            self._appeal(frame, before, after, refs, clauses)
        elif t in {"deployment", "withdrawal"}:
            self._movement(frame, before, after, refs, clauses)
        else:
            self._response(frame, before, after, refs, clauses)

    def _subject(self, before: list[PartyRef], after: list[PartyRef], sentence: Sentence, kinds: set[str]) -> PartyRef | None:
        cands = [r for r in before if r.kind in kinds and r.prep is None and (sentence.lang == "en" or r.nominative())]
        if cands:
            return cands[-1]
        cands = [r for r in after if r.kind in kinds and r.prep is None and sentence.lang != "en" and "nomn" in r.case]
        return cands[0] if cands else None

    def _appeal(self, frame, before, after, refs, clauses) -> None:
        sentence, k = frame.sentence, frame.at
        if frame.trigger.nominal:
            # "просьба Токаева", "Turkey's request", "a request from Turkey", "по просьбе Анкары"
            owner = next((r for r in after if r.start - k <= 3 and r.kind in STATE_KINDS and
                          (r.prep in FROM_PREPS or r.prep is None and ("gent" in r.case or sentence.lang == "en" and r.prep in {"of"}))), None)
            if owner is None:
                owner = next((r for r in reversed(before) if k - r.end <= 1 and r.kind in STATE_KINDS), None)
                if owner is None and sentence.lang == "en":
                    owner = next((r for r in reversed(before) if k - r.end <= 3 and r.kind in STATE_KINDS
                                  and sentence.tokens[r.end:r.end + 1] and sentence.tokens[r.end].text in {"'s", "’s"}), None)
            subject = owner
        else:
            subject = self._subject(before, after, sentence, STATE_KINDS)
        if subject is not None:
            frame.actors = [r.party for r in coordinated(sentence, refs, subject, STATE_KINDS)]
        target = next((r for r in after if r.party not in frame.actors and (
            r.kind in ORG_KINDS or r.prep in TO_PREPS or "accs" in r.case or "datv" in r.case or sentence.lang == "en")), None)
        if target is None:
            target = next((r for r in after if r.kind in ORG_KINDS), None)
        if target is not None:
            frame.target = target.party
            frame.explicit_target = True
            if target.kind in STATE_KINDS:
                group = coordinated(sentence, refs, target, STATE_KINDS | ORG_KINDS)
                frame.extra_targets = [r.party for r in group if r.party != target.party]

    def _response(self, frame, before, after, refs, clauses) -> None:
        sentence = frame.sentence
        kinds = ACTOR_KINDS
        subject = self._subject(before, after, sentence, kinds)
        if subject is None and frame.type == "decision":
            # "The request was approved by NATO", "удовлетворена ... ОДКБ"
            subject = next((r for r in after if r.prep in {"by"} or "ablt" in r.case), None)
        if subject is not None:
            frame.actors = [r.party for r in coordinated(sentence, refs, subject, kinds)]
        target = next((r for r in after if r.kind in STATE_KINDS and r.party not in frame.actors and
                       (r.prep in TO_PREPS | {"for", "для", "over", "on", "about", "по"} or "datv" in r.case or "accs" in r.case
                        or "loct" in r.case)), None)
        if target is None:
            target = next((r for r in before if r.kind in STATE_KINDS and r.party not in frame.actors and
                           (r.prep in {"по", "at", "for", "для"} or "datv" in r.case)), None)
        if target is not None:
            frame.target = target.party
            frame.explicit_target = True

    def _movement(self, frame, before, after, refs, clauses) -> None:
        sentence, k = frame.sentence, frame.at
        lex = self.lex
        lo, hi = clauses.span_of(k)
        toks = sentence.tokens
        host_preps = FROM_PREPS - {"by"} if frame.type == "withdrawal" else TO_PREPS
        host = next((r for r in after if r.kind in STATE_KINDS - {"state_adj", "person", "institution"} and (
            r.prep in host_preps or (frame.type == "withdrawal" and "accs" in r.case))), None)
        if host is None and frame.type == "withdrawal":
            host = next((r for r in before if r.kind in {"state", "metonym"} and r.prep in host_preps), None)
        actors: list[PartyRef] = []
        by = [r for r in after if r.prep == "by" and r.kind in ACTOR_KINDS]
        if by:
            actors = coordinated(sentence, refs, by[0], ACTOR_KINDS)
        if not actors:
            subject = self._subject(before, after, sentence, {"state", "metonym", "org", "body", "force", "institution", "person"})
            if subject is not None and subject is not host:
                actors = coordinated(sentence, refs, subject, ACTOR_KINDS)
        # national contingents named by adjective: "белорусские военнослужащие", "Dutch units"
        force_positions = [j for j in range(lo, hi) if lex.force_nouns.has(toks[j])]
        for r in refs:
            if r.kind == "state_adj" and lo <= r.start < hi and r is not host and any(0 < j - r.start <= 3 for j in force_positions):
                actors.extend(coordinated(sentence, refs, r, {"state_adj"}))
        seen: list[str] = []
        for r in actors:
            if r.party and r.party not in seen and (host is None or r.party != host.party):
                seen.append(r.party)
        frame.actors = seen
        if host is not None:
            frame.target = host.party
            frame.explicit_target = True
        if not seen and any(lex.force_nouns.has(toks[j]) or lex.mission_nouns.has(toks[j]) for j in range(lo, hi)):
            frame.generic_force = True
