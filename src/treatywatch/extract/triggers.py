"""Event triggers in a sentence: the words that say an appeal, offer, consultation,
decision, deployment or withdrawal is being reported, with what they govern."""

from __future__ import annotations

from dataclasses import dataclass

from treatywatch.extract.clauses import Clauses
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.segment import Sentence

# Parts of speech (OpenCorpora, as lang/en_pos.py gives them) that predicate an act: finite
# and infinitive forms, a passive participle after "be", an -ing form governed by a verb
# ("will start leaving"). An attributive participle describes a thing ("the meeting
# convened for Monday", "batteries sent by the allies"), and a gerund after a preposition
# is a NOUN.
EN_VERB_POS = {"VERB", "INFN", "PRTS", "GRND"}


@dataclass
class Trigger:
    type: str
    at: int  # token index
    nominal: bool = False  # a noun ("просьба", "request") rather than a verb
    feature: str | None = None  # "decline", "grant", "mission", "home", "invoke", "readiness", "help", "discuss"


def _is_en_noun(toks, k: int) -> bool:
    """The sentence's tagger (lang/en_pos.py) read the word as a noun ("the request", "for help")."""
    return toks[k].pos == "NOUN" and "Ger" not in toks[k].grams  # a gerund ("from triggering") acts as a verb


def _looks_en_verb(toks, k: int) -> bool:
    """The sentence's tagger read the word as a verb form ("requested", "will send", "was deployed")."""
    return toks[k].pos in EN_VERB_POS


def _window_has(wc, toks, lo: int, hi: int) -> bool:
    return wc.any_in(toks, max(0, lo), min(len(toks), hi))


def find_triggers(sentence: Sentence, lex: Lexicon, clauses: Clauses, refs=(), after_appeal: bool = False) -> list[Trigger]:
    """`after_appeal`: the story has already told of an appeal, which a meeting of the body
    then answers ("The Council is to meet in this format in the coming days")."""
    toks = sentence.tokens

    def has_party_after(k: int) -> bool:
        """A party after the verb, or an alliance anywhere in its clause ("в организацию не обращалась")."""
        lo, hi = clauses.span_of(k)
        return any(r.start > k and r.party for r in refs) or any(
            lo <= r.start < hi and r.kind in {"org", "body"} and r.party for r in refs)

    def has_body_after(k: int) -> bool:
        return any(0 < r.start - k <= 3 and r.kind in {"body", "org"} for r in refs)

    def has_org_near(k: int) -> bool:
        lo, hi = clauses.span_of(k)
        return any(lo <= r.start < hi and abs(r.start - k) <= 5 and r.kind in {"body", "org"} and r.party for r in refs)

    en = sentence.lang == "en"
    found: list[Trigger] = []
    words = lex.trigger_words | LIGHT_VERBS | GATHER_VERBS
    for k, tok in enumerate(toks):
        if tok.lemma not in words and tok.lower not in words and tok.verb_lemma not in words:
            continue
        lo, hi = clauses.span_of(k)
        if lo > 0 and (lex.relative_pronouns.has(toks[lo]) or clauses.owner[lo] in clauses.relative):
            lo = clauses.span_of(lo - 1)[0]  # "Dutch units, which returned home"
        noun = (tok.pos == "NOUN" and not tok.verb_lemma) if not en else _is_en_noun(toks, k)
        if en and not noun and tok.lower.endswith("s") and any(r.end == k and r.prep for r in refs):
            noun = True  # "agree to US requests": a name after a preposition modifies a noun
        verb = not noun and (not en or _looks_en_verb(toks, k) or tok.lemma in {"ask", "request", "appeal", "invoke", "trigger"})
        if tok.verb_lemma and not noun:
            tok = tok.as_verb()  # "прибыли": the verb, not the plural of "прибыль"
        trig = _appeal(toks, k, tok, lex, en, noun, verb, hi, has_party_after) \
            or _offer(toks, k, tok, lex, lo, hi) \
            or _consultation(toks, k, tok, lex, en, noun, verb, lo, hi, has_body_after, has_org_near, after_appeal, clauses) \
            or _decision(toks, k, tok, lex, en, noun, verb, lo, hi) \
            or _movement(toks, k, tok, lex, en, noun, verb, lo, hi)
        if trig is not None:
            found.append(trig)
    return found


def _appeal(toks, k, tok, lex, en, noun, verb, hi, has_party_after) -> Trigger | None:
    if lex.appeal_verbs.has(tok) and verb and lex.question_complements.any_in(toks, k + 1, k + 3):
        return None  # "asked whether ...", "спросили, ли": a question, not a request
    if lex.appeal_verbs.has(tok) and verb and tok.pos not in {"PRTF", "ADJF"}:
        help_near = _window_has(lex.help_words, toks, k - 8, k + 12) or _window_has(lex.consultation_nouns, toks, k - 8, hi) \
            or _window_has(lex.article_words, toks, k - 8, k + 8)
        nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
        if en and tok.lemma == "turn" and nxt != "to" and not (
                nxt in {"not", "first", "directly", "instead", "again", "then", "also"} and any(t.lower == "to" for t in toks[k + 2:k + 5])):
            return None  # "turned not to the CSTO but to Moscow"
        if en and tok.lemma == "call" and nxt not in {"for", "on", "upon"}:
            return None
        if en and tok.lemma in {"trigger", "invoke", "apply"}:
            ok = _window_has(lex.article_words, toks, k + 1, k + 9) or _window_has(lex.consultation_nouns, toks, k + 1, k + 9)
            return Trigger("appeal", k, feature="invoke") if ok else None
        if en and tok.lemma == "seek" and not help_near:
            return None
        if lex.exhortation.has(tok) or tok.lemma in {"призвать", "призывать", "закликати", "call"}:
            # "призвал Дамаск прекратить наступление" calls on someone; only a call for help is an appeal
            return Trigger("appeal", k) if help_near else None
        if help_near or has_party_after(k):
            return Trigger("appeal", k)
        return None
    if lex.appeal_nouns.has(tok) and noun:
        return Trigger("appeal", k, nominal=True)
    if lex.invoke_verbs.has(tok) and verb and _window_has(lex.article_words, toks, k + 1, k + 9):
        return Trigger("appeal", k, feature="invoke")
    return None


def _offer(toks, k, tok, lex, lo, hi) -> Trigger | None:
    """Readiness to help ("готова оказать помощь", "ready to assist"); or help promised in
    the future on a condition ("поможет при необходимости", "will give ... if")."""
    if lex.readiness.has(tok):
        if k > 0 and lex.alert_levels.has(toks[k - 1]):
            return None  # "forces on higher readiness", "повышенная боевая готовность": an alert level
        if _window_has(lex.deliberation, toks, k + 1, min(hi, k + 4)):
            return None  # "готов рассмотреть просьбу": deliberation, not an offer (rule 12)
        if _window_has(lex.help_verbs, toks, k + 1, min(hi, k + 8)) or _window_has(lex.help_nouns, toks, k + 1, min(hi, k + 8)):
            return Trigger("offer", k, feature="readiness")
        if not lex.intent_words.has(tok) and _window_has(lex.deploy_verbs, toks, k + 1, min(hi, k + 4)) \
                and _window_has(lex.force_nouns, toks, k + 1, min(hi, k + 10)):
            # "готова перебросить свои войска", "ready to move its troops": help offered as a force
            # (rule 7; readiness for an agreed operation is read as a deployment later)
            return Trigger("offer", k, feature="readiness")
        return None
    if lex.help_verbs.has(tok) and tok.pos not in {"NOUN"}:
        future = ("futr" in tok.grams and tok.pos == "VERB") or any(lex.future_aux.has(t) for t in toks[max(lo, k - 3):k])
        conditioned = any(lex.condition_markers.has(t) or lex.condition_markers.phrase_at(toks, j)
                          for j, t in enumerate(toks) if abs(j - k) <= 14)
        helpish = tok.lemma in {"помочь", "допомогти", "help", "assist"} or _window_has(lex.help_nouns, toks, k + 1, min(hi, k + 10))
        if future and conditioned and helpish:
            return Trigger("offer", k, feature="help")
        promised = tok.lemma in {"помочь", "допомогти", "help", "assist"} and future
        if promised and k + 1 < len(toks) and any(t.pos in {"NOUN"} and t.text[:1].isupper() for t in toks[k + 1:k + 3]):
            return Trigger("offer", k, feature="help")  # "Москва поможет Душанбе": a promise to help a named party
    return None


GATHER_VERBS = {"собраться", "собираться", "встретиться", "зібратися", "збиратися", "зустрітися", "meet", "convene", "gather"}


def _occasioned(toks, lo, hi, lex, after_appeal, clauses, own_clause: bool = False) -> bool:
    """A meeting answers a crisis when the story told of an appeal before, or the sentence
    names the situation, a request or a treaty article, other than inside a condition
    ("how to react if a member state were to activate Article 42.7" occasions nothing)."""
    if after_appeal or lex.situation_words.any_in(toks, lo, hi):
        return True
    span = list(range(lo, hi)) if own_clause else range(len(toks))
    if own_clause and clauses is not None:
        # and a clause that gives the reason: "will gather on 26 June, because Turkey has invoked"
        for a, b in clauses.spans:
            if a >= hi and (lex.cause_markers.has(toks[a]) or lex.cause_markers.phrase_at(toks, a)
                            or a + 1 < b and (lex.cause_markers.has(toks[a + 1]) or lex.cause_markers.phrase_at(toks, a + 1))):
                span += range(a, b)
    real = [j for j in span if clauses is None or not clauses.in_condition(j)]
    return any(lex.appeal_nouns.has(toks[j]) or lex.article_words.has(toks[j]) for j in real)


def _consultation(toks, k, tok, lex, en, noun, verb, lo, hi, has_body_after, has_org_near, after_appeal=False,
                  clauses=None) -> Trigger | None:
    if lex.routine_adjs.any_in(toks, max(lo, k - 3), k):
        return None
    urgent = lex.urgent_adjs.any_in(toks, max(lo, k - 3), k) or lex.urgent_adjs.any_in(toks, k + 1, min(hi, k + 2))
    convened = any(lex.convene_verbs.has(t) and j != k and t.pos not in {"NOUN"} for j, t in enumerate(toks[lo:hi], lo))
    if lex.consultation_nouns.has(tok):
        if urgent or convened or _window_has(lex.article_words, toks, k - 6, k + 6):
            return Trigger("consultation", k, nominal=True)
        return None
    if lex.meeting_nouns.has(tok) and (noun or en and not verb):
        if lex.routine_adjs.any_in(toks, lo, hi) and not urgent:
            return None  # "the regular annual summit, held back-to-back with a summit of the SCO"
        occasioned = _occasioned(toks, lo, hi, lex, after_appeal, clauses)
        if urgent or (convened and has_body_after(k) and occasioned):
            return Trigger("consultation", k, nominal=True)  # "an NAC meeting over the situation is to be held"
        return None  # "the summit took place in Bishkek": a meeting with no crisis named is routine
    if lex.discuss_verbs.has(tok) and verb:
        if lex.private_channels.any_in(toks, lo, hi):
            return None  # "discussed the situation by phone": a call between officials, not a session
        if not (after_appeal or lex.situation_words.any_in(toks, k + 1, hi) or lex.appeal_nouns.any_in(toks, k + 1, hi)):
            return None  # "discussed the budget": business of a routine meeting
        return Trigger("consultation", k, feature="discuss")
    if tok.lemma in GATHER_VERBS and verb and has_org_near(k) and not lex.routine_adjs.any_in(toks, lo, hi) \
            and (urgent or _occasioned(toks, lo, hi, lex, after_appeal, clauses, own_clause=True)):
        return Trigger("consultation", k, feature="gather")  # "послы стран НАТО собрались", "ambassadors met"
    return None


def _decision(toks, k, tok, lex, en, noun, verb, lo, hi) -> Trigger | None:
    if lex.decline_verbs.has(tok) and verb and not _window_has(lex.report_nouns, toks, k + 1, k + 4):
        # "rejected reports that ..." is a denial (denials.py), not a refusal
        if en and tok.lemma in {"rule", "turn"} and not any(t.lower in {"out", "down"} for t in toks[k + 1:k + 5]):
            return None
        if en and tok.lemma in {"deny", "dismiss", "reject"} and not _window_has(lex.appeal_nouns, toks, k + 1, k + 5):
            return None
        return Trigger("decision", k, feature="decline")
    if lex.grant_words.has(tok) and verb:
        return Trigger("decision", k, feature="grant")
    if lex.decision_verbs.has(tok) and verb:
        if any((t.pos == "NUMR" or t.text.isdigit()) and j + 1 < len(toks) and lex.decision_nouns.has(toks[j + 1])
               for j, t in enumerate(toks[k + 1:k + 4], k + 1)):
            return None  # "ухвалили 15 рішень", "adopted 12 decisions": a tally of a meeting's papers
        return Trigger("decision", k)
    if lex.decision_nouns.has(tok) and noun and k > 0 and (toks[k - 1].pos == "NUMR" or toks[k - 1].text.isdigit()):
        return None  # "ухвалили 15 рішень": a tally of a meeting's papers, not a decision
    if lex.decision_nouns.has(tok) and noun:
        # "решение о ...", "Решение СКБ ОДКБ о направлении", "the decision to deploy": the decided act follows
        for j in range(k + 1, min(hi, k + 7)):  # the body's name between: "Ради колективної безпеки ОДКБ"
            if toks[j].lower in {"о", "об", "про", "on", "to", "щодо"} or toks[j].infinitive:
                return Trigger("decision", k, nominal=True)
            if toks[j].text in {",", ";", ":"} or (toks[j].pos not in {"NOUN", "ADJF", None} and not toks[j].text.isupper()):
                break
        return None
    if lex.support_words.has(tok) and (noun or tok.pos == "NOUN") and lex.winning_verbs.any_in(toks, max(lo, k - 3), k):
        # "won the backing of the UN Security Council", "получил одобрение СКБ": the body grants
        return Trigger("decision", k, nominal=True, feature="grant")
    if lex.support_words.has(tok) and (
            _window_has(lex.appeal_nouns, toks, k + 1, min(hi, k + 4))
            or any(t.lower in {"unanimous", "одностайно", "единогласно", "одноголосно", "единодушно", "unanimously"}
                   for t in toks[max(lo, k - 3):k + 1])):
        return Trigger("decision", k, feature="grant")
    return None


ARRIVAL_VERBS = {"прибыть", "прибывать", "прибути", "прибувати", "arrive", "land", "высадиться", "вылететь", "вилетіти"}
PARTICIPATION_NOUNS = {"участие", "участь", "part"}
LIGHT_VERBS = {"принять", "принимать", "брать", "взять", "брати", "взяти", "take"}


def _participates(toks, k: int, tok, lex) -> bool:
    """'участвовать', 'participate', or a light verb with its noun: 'примут участие', 'take part'."""
    if tok.lemma in PARTICIPATION_NOUNS or tok.lower in PARTICIPATION_NOUNS:
        return False
    if tok.lemma in LIGHT_VERBS or tok.lower in LIGHT_VERBS:
        return any(t.lemma in PARTICIPATION_NOUNS or t.lower in PARTICIPATION_NOUNS for t in toks[k + 1:k + 3])
    return lex.participation_verbs.has(tok) and tok.pos != "NOUN"


def _sends_a_request(toks, k: int, lex) -> bool:
    """The sent thing is a request: its noun is the verb's subject or object, with nothing but
    auxiliaries, modifiers and names between."""
    for j in range(k + 1, min(len(toks), k + 4)):
        if lex.appeal_nouns.has(toks[j]):  # "направила запрос", "sent a formal request"
            return not any(lex.force_nouns.has(t) or t.text in {",", ";"} for t in toks[k + 1:j])
    for j in range(k - 1, -1, -1):  # the subject: "Официальный запрос о вводе миротворцев был направлен"
        if toks[j].text in {",", ";", ":", "—"}:
            break
        if lex.appeal_nouns.has(toks[j]) and toks[j].pos in {"NOUN", None}:
            m = j
            while m > 0 and toks[m - 1].pos in {"ADJF", "PRTF"}:
                m -= 1
            before = toks[m - 1] if m > 0 else None
            if before is None or not (before.pos == "PREP" or lex.prepositions.has(before)):
                return True  # not "на прохання ...", "at the request of ..."
    return False


OBJECT_PARTS = {"ADJF", "NOUN", "NUMR", "PRCL", None}  # words of a noun group, quotes and figures too


def _particle_after(toks, k: int, lex) -> str | None:
    """An English verb's particle, right after it or after its object ("pull out troops",
    "pulling its "peacekeeping" contingent out of")."""
    j = k + 1
    while j < len(toks) and not lex.verb_particles.has(toks[j]) \
            and toks[j].pos in OBJECT_PARTS and toks[j].text not in {",", ";", ".", ":"}:
        j += 1
    return toks[j].lower if j < len(toks) else None


def _movement(toks, k, tok, lex, en, noun, verb, lo, hi) -> Trigger | None:
    force = lex.force_nouns.any_in(toks, lo, hi)
    mission_only = not force and lex.mission_nouns.any_in(toks, lo, hi)
    if lex.withdrawal_nouns.has(tok) and noun:
        return Trigger("withdrawal", k, nominal=True) if force else None
    if lex.deployment_nouns.has(tok) and noun:
        # "ввод войск", "переброска контингентов", "the deployment of Patriot batteries"
        return Trigger("deployment", k, nominal=True) if force and _window_has(lex.force_nouns, toks, k + 1, k + 5) else None
    home = _window_has(lex.home_words, toks, k + 1, k + 4)
    if lex.withdrawal_verbs.has(tok) and verb:
        ambiguous = lex.deploy_verbs.has(tok) or tok.lemma in {"leave", "return", "вернуться", "повернутися", "покинуть", "залишити", "вылететь", "вилетіти"}
        from_after = _window_has(lex.from_preps, toks, k - 6, k + 4)
        if en and tok.lemma == "pull" and _particle_after(toks, k, lex) not in {"out", "back"}:
            return None
        if force and (not ambiguous or from_after or home or tok.lemma in {"покинуть", "залишити", "leave", "left", "залишати"}):
            return Trigger("withdrawal", k, feature="home" if home else None)
        if not lex.deploy_verbs.has(tok):
            return None
    if lex.operation_words.any_in(toks, lo, hi) and _participates(toks, k, tok, lex):
        return Trigger("deployment", k, feature="participation")  # "will take part in the operation"
    if lex.deploy_verbs.has(tok) and verb and _sends_a_request(toks, k, lex):
        return None  # "запрос был направлен в ОДКБ", "sent a formal request": a request, not a force
    if lex.deploy_verbs.has(tok) and verb:
        if home and force:
            return Trigger("withdrawal", k, feature="home")
        if force or (en and tok.lemma == "deploy"):
            return Trigger("deployment", k)
        if mission_only and tok.lemma not in ARRIVAL_VERBS:
            return Trigger("decision", k, feature="mission")  # "ОДКБ направит миссию"; an arrival is no event
    return None
