"""Event triggers in a sentence: the words that say an appeal, offer, consultation,
decision, deployment or withdrawal is being reported, with what they govern."""

from __future__ import annotations

from dataclasses import dataclass

from treatywatch.extract.clauses import Clauses
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.segment import Sentence

EN_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our", "any", "such", "no", "this", "that",
                  "formal", "official", "first", "second", "new", "written", "'s", "’s", "urgent", "similar"}
FINITE = {"VERB", "PRTS", "GRND", "INFN", "PRTF", None}
EN_NOT_VERB_AFTER = {"for", "from", "by", "of"}


@dataclass
class Trigger:
    type: str
    at: int  # token index
    nominal: bool = False  # a noun ("просьба", "request") rather than a verb
    feature: str | None = None  # outcome hint for decisions, "home" for returns, "invoke", "readiness"


def _is_en_noun(toks, k: int) -> bool:
    prev = toks[k - 1].lower if k > 0 else ""
    nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
    return prev in EN_DETERMINERS or (k > 0 and toks[k - 1].text.endswith(("'s", "’s"))) or (
        nxt in EN_NOT_VERB_AFTER and prev not in {"to", "will", "would", "had", "has", "have", "did", "formally", "officially"}
        and not toks[k].lower.endswith("ed"))


def _has_force(sentence: Sentence, lex: Lexicon, lo: int, hi: int) -> bool:
    return lex.force_nouns.any_in(sentence.tokens, lo, hi) or lex.mission_nouns.any_in(sentence.tokens, lo, hi)


def _window(clauses: Clauses, k: int, n: int) -> tuple[int, int]:
    lo, hi = clauses.span_of(k)
    return max(lo, k - n), min(hi, k + n + 1)


def find_triggers(sentence: Sentence, lex: Lexicon, clauses: Clauses, has_party_after) -> list[Trigger]:
    toks = sentence.tokens
    en = sentence.lang == "en"
    found: list[Trigger] = []
    for k, tok in enumerate(toks):
        lo, hi = clauses.span_of(k)
        noun = (tok.pos == "NOUN") if not en else _is_en_noun(toks, k)

        # appeals
        if lex.appeal_verbs.has(tok) and not noun:
            help_near = lex.help_words.any_in(toks, k + 1, min(len(toks), k + 12)) or lex.consultation_nouns.any_in(toks, k, hi)
            if en and tok.lemma == "turn" and not (k + 1 < len(toks) and toks[k + 1].lower == "to"):
                pass
            elif en and tok.lemma == "call" and not (k + 1 < len(toks) and toks[k + 1].lower in {"for", "on", "in", "upon"}):
                pass
            elif en and tok.lemma in {"trigger", "invoke", "apply"} and not (
                    lex.article_words.any_in(toks, k + 1, min(len(toks), k + 8)) or lex.consultation_nouns.any_in(toks, k + 1, min(len(toks), k + 8))):
                pass
            elif en and tok.lemma == "seek" and not help_near:
                pass
            elif help_near or has_party_after(k):
                found.append(Trigger("appeal", k))
                continue
        if lex.appeal_nouns.has(tok) and noun:
            found.append(Trigger("appeal", k, nominal=True))
            continue
        if lex.invoke_verbs.has(tok) and not noun and lex.article_words.any_in(toks, k + 1, min(len(toks), k + 6)):
            found.append(Trigger("appeal", k, feature="invoke"))
            continue

        # offers: readiness to help
        if lex.readiness.has(tok):
            w_lo, w_hi = k, min(hi, k + 8)
            if lex.help_verbs.any_in(toks, w_lo + 1, w_hi) or lex.help_nouns.any_in(toks, w_lo + 1, w_hi):
                found.append(Trigger("offer", k, feature="readiness"))
                continue

        # consultations
        if lex.consultation_nouns.has(tok) or (lex.meeting_nouns.has(tok) and (
                lex.urgent_adjs.any_in(toks, max(lo, k - 3), k) or lex.urgent_adjs.any_in(toks, k + 1, min(hi, k + 2)))):
            if not lex.routine_adjs.any_in(toks, max(lo, k - 3), k):
                found.append(Trigger("consultation", k, nominal=True))
                continue
        if lex.discuss_verbs.has(tok) and not noun:
            found.append(Trigger("consultation", k, feature="discuss"))
            continue

        # decisions
        if lex.decline_verbs.has(tok) and not noun:
            if not en or tok.lemma not in {"rule", "turn"} or (k + 1 < len(toks) and toks[k + 1].lower in {"out", "down"}) \
                    or (k + 3 < len(toks) and any(t.lower in {"out", "down"} for t in toks[k + 1:k + 4])):
                found.append(Trigger("decision", k, feature="decline"))
                continue
        if lex.grant_words.has(tok) and not noun:
            found.append(Trigger("decision", k, feature="grant"))
            continue
        if (lex.decision_verbs.has(tok) and not noun) or (lex.decision_nouns.has(tok) and noun):
            found.append(Trigger("decision", k, nominal=noun))
            continue
        if lex.support_words.has(tok) and (lex.appeal_nouns.any_in(toks, k + 1, min(hi, k + 4))
                                            or any(t.lower in {"unanimous", "одностайно", "единогласно", "full", "одноголосно"} for t in toks[max(lo, k - 3):k + 1])):
            found.append(Trigger("decision", k, feature="grant"))
            continue

        # withdrawals (before deployments: "вернуться домой", "вылететь из")
        if lex.withdrawal_nouns.has(tok) and noun:
            found.append(Trigger("withdrawal", k, nominal=True))
            continue
        if lex.withdrawal_verbs.has(tok) and not noun:
            ambiguous = lex.deploy_verbs.has(tok)
            from_after = lex.from_preps.any_in(toks, k + 1, min(len(toks), k + 4)) or lex.home_words.any_in(toks, k + 1, min(len(toks), k + 4))
            if (not ambiguous or from_after) and (en and tok.lemma in {"pull", "withdraw"} or _has_force(sentence, lex, lo, hi)
                                                  or lex.home_words.any_in(toks, k + 1, min(len(toks), k + 4))
                                                  or tok.lemma in {"вывести", "вивести", "withdraw"}):
                if not (en and tok.lemma == "pull" and not any(t.lower in {"out", "back"} for t in toks[k + 1:k + 4])):
                    found.append(Trigger("withdrawal", k))
                    continue
        if lex.deploy_verbs.has(tok) and not noun and lex.home_words.any_in(toks, k + 1, min(len(toks), k + 4)):
            found.append(Trigger("withdrawal", k, feature="home"))
            continue

        # deployments
        if lex.deploy_verbs.has(tok) and not noun and (_has_force(sentence, lex, lo, hi) or (en and tok.lemma == "deploy")):
            found.append(Trigger("deployment", k))
            continue
    return found
