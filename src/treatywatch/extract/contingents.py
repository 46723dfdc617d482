"""National contingents listed after one verb ("gapping"):

    "Россия направила в Казахстан около 3000 военнослужащих, Белоруссия — около 500,
     Таджикистан — 200", "Russia sent about 3,000 troops, Belarus around 500 and Armenia 100"

Each listed state with its number, and no verb of its own, repeats the movement of the
first clause: same type, host, polarity and modality, with its own size.
"""

from __future__ import annotations

import copy

from treatywatch.extract.frames import Frame
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.parties import PartyRef
from treatywatch.extract.quantity import bare_number
from treatywatch.extract.segment import Sentence

SEPARATORS = {",", ";"}
DASHES = {"—", "–", "-"}
CONTINGENT_KINDS = {"state", "metonym", "state_adj"}


def _segments(toks, start: int):
    """Stretches after `start` cut at commas, semicolons and a list's last conjunction."""
    seg: list[int] = []
    for j in range(start, len(toks)):
        if toks[j].text in SEPARATORS or toks[j].lower in {"и", "і", "й", "та", "and", "а"} or toks[j].text == ".":
            if seg:
                yield seg
            seg = []
            continue
        seg.append(j)
    if seg:
        yield seg


def _listed(seg: list[int], toks, refs: list[PartyRef], lex: Lexicon) -> tuple[PartyRef, int] | None:
    """(the state, its number) when a stretch is just 'State [—] [about] N [troops]'."""
    ref = next((r for r in refs if r.start == seg[0] and r.kind in CONTINGENT_KINDS and r.party), None)
    if ref is None:
        return None
    i = ref.end
    while i <= seg[-1] and (toks[i].text in DASHES or lex.quantity_approx.has(toks[i])):
        i += 1
    if i > seg[-1]:
        return None
    value, used = bare_number(toks, i, lex)
    if value is None:
        return None
    rest = [toks[j] for j in range(i + used, seg[-1] + 1)]
    if any(not (lex.troop_nouns.has(t) or lex.force_nouns.has(t) or t.text in {")", "("}) for t in rest):
        return None
    return ref, value


def gapped_movements(frames: list[Frame], sentence: Sentence, refs: list[PartyRef], lex: Lexicon) -> list[Frame]:
    toks = sentence.tokens
    out = list(frames)
    for frame in frames:
        if frame.type not in {"deployment", "withdrawal"} or not frame.actors:
            continue
        start = frame.at + 1
        seen = set(frame.actors) | {frame.target}
        for seg in _segments(toks, start):
            listed = _listed(seg, toks, refs, lex)
            if listed is None:
                continue
            ref, value = listed
            if ref.party in frame.extra_targets:
                frame.extra_targets = [t for t in frame.extra_targets if t != ref.party]  # "to Kazakhstan, Belarus 500": not a host
                seen.discard(ref.party)
            if ref.party in seen:
                continue
            seen.add(ref.party)
            twin = copy.copy(frame)
            twin.actors, twin.own_size, twin.extra_targets = [ref.party], value, []
            out.append(twin)
    return out
