"""Contrastive negation on an argument: "не к ОДКБ, а к Москве", "not to the CSTO but to
Moscow", "to Moscow, not to the CSTO", "не войска, а миссию".

The negator negates the argument it stands before, not the predicate: the act happened
with the other argument, and did not happen with the negated one. So one frame becomes
two: a negative one for the negated party and a positive one for its replacement. When
the negated argument is the force ("sent not troops but a mission"), what was sent is a
mission: a decision with outcome `mission` (spec rule 11), not a deployment.
"""

from __future__ import annotations

import copy

from treatywatch.extract.frames import ACTOR_KINDS, Frame
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.parties import PartyRef
from treatywatch.extract.segment import Sentence
from treatywatch.extract.triggers import Trigger

CONTRASTED_TYPES = {"appeal", "deployment", "withdrawal", "offer"}
MAX_BETWEEN = 6  # tokens between the two arguments: ", а напрямую к", "for help, not to the"


def _negated_before(toks, ref: PartyRef, lex: Lexicon) -> bool:
    """A negator right before the argument or before its preposition and article."""
    for j in range(ref.start - 1, max(-1, ref.start - 4), -1):
        if lex.negators.has(toks[j]):
            return not (j + 1 < len(toks) and lex.not_only.has(toks[j + 1]))  # "не только ..., но и": both
        if toks[j].text in {",", ";", ":"}:
            return False
    return False


def contrasted(sentence: Sentence, refs: list[PartyRef], lex: Lexicon) -> list[tuple[PartyRef, bool, PartyRef, bool]]:
    """(first, first negated, second, second negated) for each contrasted pair of parties."""
    toks = sentence.tokens
    parties = [r for r in refs if r.kind in ACTOR_KINDS and r.party]
    out = []
    for first, second in zip(parties, parties[1:]):
        between = toks[first.end:second.start]
        if not between or len(between) > MAX_BETWEEN:
            continue
        conj = any(lex.contrast_conjunctions.has(t) for t in between)
        neg_second = any(lex.negators.has(t) and not (j + 1 < len(between) and lex.not_only.has(between[j + 1]))
                         for j, t in enumerate(between))
        neg_first = _negated_before(toks, first, lex)
        if conj and neg_first and not neg_second:
            out.append((first, True, second, False))  # "не к ОДКБ, а к Москве"
        elif neg_second and not neg_first and (conj or any(t.text == "," for t in between)):
            out.append((first, False, second, True))  # "к Москве, а не к ОДКБ", "to Moscow, not to the CSTO"
    return out


def split_contrasts(frames: list[Frame], sentence: Sentence, refs: list[PartyRef], lex: Lexicon) -> list[Frame]:
    pairs = contrasted(sentence, refs, lex)
    out: list[Frame] = []
    for frame in frames:
        out.extend(_split(frame, pairs, sentence, lex))
    return out


def _split(frame: Frame, pairs, sentence: Sentence, lex: Lexicon) -> list[Frame]:
    if frame.type in {"deployment", "withdrawal"}:
        mission = _force_contrasted_with_mission(frame, sentence, lex)
        if mission is not None:
            return [mission]
    if frame.type not in CONTRASTED_TYPES or frame.negated:
        return [frame]
    for first, neg_first, second, neg_second in pairs:
        if first.start <= frame.at and frame.type != "appeal":
            continue
        if frame.target not in {first.party, second.party} or first.party in frame.actors or second.party in frame.actors:
            continue
        one, other = copy.copy(frame), copy.copy(frame)
        one.target, one.negated, one.extra_targets = first.party, neg_first, []
        other.target, other.negated, other.extra_targets = second.party, neg_second, []
        return [one, other]
    return [frame]


def _force_contrasted_with_mission(frame: Frame, sentence: Sentence, lex: Lexicon) -> Frame | None:
    """"направила не войска, а миссию", "sent not troops but a fact-finding mission"."""
    toks = sentence.tokens
    k = frame.at
    for j in range(k + 1, min(len(toks), k + 5)):
        # "sends a mission, not troops": the mission first, the force negated after it
        if lex.mission_nouns.has(toks[j]):
            tail = toks[j + 1:j + 5]
            if any(lex.negators.has(t) for t in tail) and any(lex.force_nouns.has(t) for t in tail):
                decided = copy.copy(frame)
                decided.type = "decision"
                decided.trigger = Trigger("decision", k, False, "mission")
                return decided
            break
    for j in range(k + 1, min(len(toks), k + 8)):
        if lex.force_nouns.has(toks[j]) and any(lex.negators.has(t) for t in toks[max(k + 1, j - 3):j]):
            tail = toks[j + 1:j + 6]
            if any(lex.contrast_conjunctions.has(t) for t in tail) and any(lex.mission_nouns.has(t) for t in tail):
                decided = copy.copy(frame)
                decided.type = "decision"
                decided.trigger = Trigger("decision", k, False, "mission")
                return decided
            return None
    return None
