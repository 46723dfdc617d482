"""Denials and reports (spec rule 2).

"X denied reports that Y asked for help" is two events: the reported appeal (positive,
uncertain, source media) and the denial (negative, actual, source X). "X did not deny
that Y asked" is a positive event asserted by X, and so is "X confirmed reports that Y
asked". "X rejected Y's request" is a refusal (a decision), not a denial. "Reports that Y asked" alone make the
appeal uncertain, asserted by media.
"""

from __future__ import annotations

import copy

from treatywatch.extract.frames import Frame
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.parties import PartyRef
from treatywatch.extract.refusals import rejects_a_request
from treatywatch.extract.segment import Sentence


def _owned_statement(sentence: Sentence, refs: list[PartyRef], k: int, lex: Lexicon) -> bool:
    """A statement noun with its owner: a possessive before it, or a party right after it."""
    toks = sentence.tokens
    if not lex.statement_nouns.has(toks[k]):
        return False
    owner_after = any(r.start in {k + 1, k + 2} and r.party and r.voice and r.voice != "media" for r in refs)
    return (k > 0 and lex.possessive_pronouns.has(toks[k - 1])) or owner_after


def _anchors(sentence: Sentence, lex: Lexicon, refs: list[PartyRef]) -> list[tuple[int, str]]:
    """(token index, 'denial' | 'report') of each denial word or report noun that
    introduces content ("сообщения о том, что", "reports that", "информацию об обращении")."""
    toks = sentence.tokens
    out = []
    for k, tok in enumerate(toks):
        if lex.denial_verbs.has(tok) and rejects_a_request(toks, k, lex):
            continue  # "rejected Armenia's request": a refusal (a decision), the request was made
        if lex.denial_verbs.has(tok) or lex.falsity_words.has(tok):
            out.append((k, "denial"))
        elif lex.report_nouns.has(tok) and tok.pos in {"NOUN", None} and _owned_statement(sentence, refs, k, lex):
            continue  # "в его заявлении отмечается, что ...", "в заявлении МИД": a party's statement, no rumour
        elif lex.report_nouns.has(tok) and (tok.pos in {"NOUN", None} or _reported_by_no_party(refs, k)):
            nxt = [t.lower for t in toks[k + 1:k + 5]]
            if nxt and (nxt[0] in {"о", "об", "про", "of", "about", ","} or any(w in {"that", "что", "що"} for w in nxt)):
                out.append((k, "report"))
    return out


def _reported_by_no_party(refs: list[PartyRef], k: int) -> bool:
    """'Telegram channels claimed that ...', 'Meridian reported that ...': the verb of a
    report word ("report", "claim") with no party of the text just before it as its
    subject passes on what the media say."""
    return not any(r.voice and r.voice != "media" and r.end <= k and k - r.end <= 3 for r in refs)


def _denier(sentence: Sentence, refs: list[PartyRef], k: int) -> str | None:
    voiced = [r for r in refs if r.voice and r.voice != "media" and r.end <= k]
    if voiced:
        return voiced[-1].voice
    after = [r for r in refs if r.voice and r.start > k and r.start - k <= 4]
    return after[0].voice if after else None


def apply_denials(frames: list[Frame], sentence: Sentence, refs: list[PartyRef], lex: Lexicon) -> list[Frame]:
    anchors = _anchors(sentence, lex, refs)
    if not anchors:
        return frames
    out: list[Frame] = []
    toks = sentence.tokens
    for frame in frames:
        governing = [(k, kind) for k, kind in anchors if k < frame.at]
        if not governing:
            out.append(frame)
            continue
        k, kind = governing[-1]
        if kind == "report" and any(kd == "denial" for _, kd in governing):
            kind = "denial"
            k = max(a for a, kd in governing if kd == "denial")
        if kind == "report" and any(a > frame.at and kd == "denial" for a, kd in anchors):
            kind = "denial"  # "Reports that Armenia had asked ... were false, the secretariat said"
            k = next(a for a, kd in anchors if a > frame.at and kd == "denial")
        if kind == "report" and lex.confirm_verbs.any_in(toks, max(0, k - 3), k):
            # "the Kremlin confirmed reports that ...": the confirmer asserts it
            frame.voice = _denier(sentence, refs, k) or frame.voice
            out.append(frame)
            continue
        if kind == "report":
            # "reports that Ankara had asked": asserted by the reports, not by who mentions them
            frame.modality, frame.voice, frame.negated = "uncertain", "media", False
            out.append(frame)
            continue
        denial_negated = any(lex.negators.has(t) for t in toks[max(0, k - 3):k])
        denier = _denier(sentence, refs, k) or frame.voice
        if denial_negated:
            frame.negated, frame.modality, frame.voice = False, "actual", denier
            out.append(frame)
            continue
        reported = copy.copy(frame)
        reported.negated, reported.modality, reported.voice, reported.reported = False, "uncertain", "media", True
        denied = copy.copy(frame)
        denied.negated, denied.modality, denied.voice, denied.denied = True, "actual", denier, True
        out.extend([reported, denied])
    return out
