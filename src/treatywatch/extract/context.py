"""What a document is about, and the arguments a sentence leaves to it: the alliance
most talked of, the state in trouble, who asked whom, who spoke last."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from treatywatch.extract.frames import Frame
from treatywatch.extract.parties import PartyRef

ORG_KINDS = {"org", "body", "force"}
STATE_KINDS = {"state", "metonym", "state_adj"}


@dataclass
class DocContext:
    main_org: str | None = None
    main_state: str | None = None
    org_counts: Counter = field(default_factory=Counter)
    state_counts: Counter = field(default_factory=Counter)
    appeals: list[Frame] = field(default_factory=list)  # positive appeals in document order


def tally(sentence_refs: list[tuple[str, list[PartyRef]]], treaty_org=lambda ident: None) -> DocContext:
    """`sentence_refs`: (block kind, refs) per sentence; `treaty_org` names the
    organization a treaty belongs to ("the Washington Treaty" is NATO's)."""
    ctx = DocContext()
    for kind, refs in sentence_refs:
        weight = 2 if kind == "title" else 1
        for r in refs:
            if r.kind in ORG_KINDS and r.party:
                ctx.org_counts[r.party] += weight
            elif r.kind == "treaty" and treaty_org(r.ident):
                ctx.org_counts[treaty_org(r.ident)] += weight
            elif r.kind in STATE_KINDS and r.party:
                ctx.state_counts[r.party] += weight
    if ctx.org_counts:
        ctx.main_org = ctx.org_counts.most_common(1)[0][0]
    if ctx.state_counts:
        ctx.main_state = ctx.state_counts.most_common(1)[0][0]
    return ctx


def _nearest(frames: list[Frame], frame: Frame, predicate) -> Frame | None:
    """The closest frame satisfying `predicate`, preferring the same paragraph, then earlier ones."""
    candidates = [f for f in frames if predicate(f)]
    if not candidates:
        return None
    s = frame.sentence
    return min(candidates, key=lambda f: (f.sentence.block != s.block, abs(f.sentence.index - s.index)))


def fill_arguments(frames: list[Frame], ctx: DocContext, alliance_of=lambda state, frame: None) -> list[Frame]:
    """`alliance_of(state, frame)`: the one alliance the state belongs to, when the text
    names none ("eight allies requested consultations under Article 4")."""
    appeals = [f for f in frames if f.type == "appeal" and f.actors and not f.negated]
    appeals = [a for a in appeals if a.actors]
    ctx.appeals = appeals
    out: list[Frame] = []
    for f in frames:
        if f.type in {"appeal", "offer"} and not f.actors and f.first_person and ctx.main_state \
                and ctx.main_state != f.target and f.voice not in {"media"}:
            # "Когда мы обращались ...", "наше обращение" in a story about one state: its leader speaks
            f.actors = [ctx.main_state]
        if f.type == "appeal":
            if not f.actors and (f.reported or f.denied):
                # "denied that any such request had been made": the request reported before
                prev = _nearest(appeals, f, lambda a: a is not f and a.sentence.index <= f.sentence.index) \
                    or _nearest(appeals, f, lambda a: a is not f)
                if prev is not None:
                    f.actors = list(prev.actors)
                    f.target = f.target or prev.target
            if f.target is None:
                f.target = ctx.main_org or (alliance_of(f.actors[0], f) if f.actors else None)
        elif f.type in {"decision", "consultation", "offer"}:
            if f.type == "consultation" and not any(a in ctx.org_counts for a in f.actors):
                f.actors = [ctx.main_org] if ctx.main_org else []
            if f.target is None:
                asked = _nearest(appeals, f, lambda a: a.target in f.actors) or _nearest(appeals, f, lambda a: True)
                f.target = asked.actors[0] if asked and asked.actors else ctx.main_state
        else:  # deployment, withdrawal
            movers = [m for m in frames if m is not f and m.type in {"deployment", "withdrawal"} and m.sentence.block == f.sentence.block]
            if f.target is None and f.own_ground:
                continue  # "будет развёрнуто на своём восточном фланге": no state is the host
            if f.target is None:
                # "прибыл в Алматы" (a city the gazetteer does not hold): where the other contingents went
                went = _nearest(movers, f, lambda m: m.explicit_target and m.target)
                asked = _nearest(appeals, f, lambda a: True)
                f.target = (asked.actors[0] if asked and asked.actors else None) or (went.target if went else None) or ctx.main_state
            named = f.recent_force_owner
            if f.actor_from_speaker and named and named[1] == f.force_lemma and named[0] != f.target:
                # "Контингент ОДКБ ... контингент ушёл из страны", said the host's president:
                # the force the paragraph named, not the speaker's own
                f.actors = [named[0]]
            if not f.actors and f.generic_force:
                if named and named[1] == f.force_lemma and named[0] != f.target:
                    f.actors = [named[0]]  # "Контингент ОДКБ ... контингент ушёл из страны": the same force again
                elif not f.collective_force and f.recent_state and f.recent_state != f.target:
                    f.actors = [f.recent_state]  # "По решению депутатов ... отправятся 150 военных"
                elif ctx.main_org:
                    f.actors = [ctx.main_org]
                else:  # "it would send a unit; the unit flew to Kazakhstan"
                    sender = _nearest(movers, f, lambda m: bool(m.actors))
                    f.actors = list(sender.actors) if sender else []
        f.actors = [a for a in f.actors if a and a != f.target]
        if f.actors and f.target:
            out.append(f)
    return out
