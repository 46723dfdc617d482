"""Doc -> Doc with events: the steps in order.

    segment -> parties -> (clauses, speakers, triggers) -> frames -> denials
            -> document context fills open arguments -> slots -> events -> merge
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from treatywatch.extract import slots
from treatywatch.extract.attribution import attribute_document, find_speakers, refers_back
from treatywatch.extract.clauses import split_clauses
from treatywatch.extract.context import DocContext, fill_arguments, tally
from treatywatch.extract.contingents import gapped_movements
from treatywatch.extract.contrast import split_contrasts
from treatywatch.extract.denials import apply_denials
from treatywatch.extract.frames import Frame, FrameBuilder
from treatywatch.extract.lexicon import LANGS, load_lexicon
from treatywatch.extract.merge import complete_slots, merge_events
from treatywatch.extract.parties import ORG_BODY_ROLES, PartyRef, PartyResolver, _prep_before
from treatywatch.extract.quantity import find_counts
from treatywatch.extract.segment import segment
from treatywatch.extract.timex import find_times
from treatywatch.extract.topic import TopicFilter
from treatywatch.extract.triggers import find_triggers
from treatywatch.errors import NotFoundError
from treatywatch.model import Doc, Event, Evidence

TREATY_WORDS = {"договор", "договір", "treaty", "устав", "статут", "charter"}
LEAD_NEWS_DAYS = 7  # a lead's date this close before the page date is the news the story tells


@dataclass
class Reading:
    """What the paragraphs read so far tell the next sentence (keyed by block)."""

    last_voice: dict[int, str | None] = field(default_factory=dict)
    recent_state: dict[int, str] = field(default_factory=dict)
    role_holders: dict[str, str] = field(default_factory=dict)  # role -> party of the last person named in it
    recent_force_owner: dict[int, tuple[str, str]] = field(default_factory=dict)  # "Контингент ОДКБ": (party, noun)
    pending_count: dict[int, int] = field(default_factory=dict)
    block_frames: dict[int, list[Frame]] = field(default_factory=dict)
    frames_so_far: list[Frame] = field(default_factory=list)  # every frame of the document read before
    spoken: dict[int, list] = field(default_factory=dict)  # speakers per sentence
    times: dict[int, list] = field(default_factory=dict)  # time expressions per sentence, found once
    counts: dict[int, list] = field(default_factory=dict)  # troop counts per sentence, found once


def _force_owner_named(sentence, refs, lex) -> str | None:
    """(party, force noun) when this sentence gives a force noun its party: "Контингент ОДКБ",
    "the CSTO force", "белорусские военные"."""
    toks = sentence.tokens
    for j, tok in enumerate(toks):
        if not lex.force_nouns.has(tok):
            continue
        owner = next((r.party for r in refs if r.party and (r.start in {j + 1, j + 2} and r.kind in {"org", "body", "state", "metonym"}
                                                             and r.prep is None or r.end == j and r.kind in {"org", "state_adj"}
                                                             or r.kind == "force" and r.start <= j < r.end)), None)
        if owner:
            return owner, tok.lemma
    return None


def _remember_count(sentence, lex, pending: dict[int, int]) -> None:
    """"About 70 troops, Armenian media write. The contingent has already left": a count in
    a sentence with no movement belongs to the next sentence's contingent."""
    counts = find_counts(sentence.tokens, lex)
    if counts:
        pending[sentence.block] = counts[0].value


def _date_from_twins(events: list[Event]) -> None:
    """"Takes note of Turkey's request" after "Turkey's request, set out in its letter dated
    10 February": an act told again with no date of its own (or only the story's) is the
    act the text dated elsewhere, whatever the modality each mention has; of several
    such dates, the one told nearest."""
    dated: dict[tuple, list[Event]] = {}
    for e in events:
        if e.when and not e.when_inferred:
            dated.setdefault((e.type, e.actor, e.target, e.polarity), []).append(e)
    for e in events:
        twins = dated.get((e.type, e.actor, e.target, e.polarity))
        if twins and (e.when is None or e.when_inferred):
            start = e.evidence[0].start
            nearest = min(twins, key=lambda t: abs(t.evidence[0].start - start))
            e.when, e.when_inferred = nearest.when, True


class Extractor:
    """Reads documents for events. Heavy resources (morphology, name index) are built
    once, on first use, and shared by every document."""

    def __init__(self, knowledge=None, morph=None, names=None):
        self._knowledge = knowledge
        self._morph = morph
        self._names = names
        self.lexicons = {lang: load_lexicon(lang) for lang in LANGS}

    @cached_property
    def knowledge(self):
        if self._knowledge is None:
            from treatywatch.knowledge import load_knowledge
            self._knowledge = load_knowledge()
        return self._knowledge

    @cached_property
    def morph(self):
        if self._morph is None:
            from treatywatch.extract.lang.morph import Morph
            self._morph = Morph()
        return self._morph

    @cached_property
    def names(self):
        if self._names is None:
            from treatywatch.extract.names import NameIndex
            self._names = NameIndex(self.knowledge, self.morph)
        return self._names

    @cached_property
    def builders(self) -> dict[str, FrameBuilder]:
        return {lang: FrameBuilder(self.lexicons[lang], self.org_ids) for lang in LANGS}

    @cached_property
    def treaty_table(self) -> slots.TreatyTable:
        return slots.TreatyTable.from_knowledge(self.knowledge)

    @cached_property
    def org_ids(self) -> frozenset[str]:
        return self.knowledge.organization_ids()

    @cached_property
    def resolver(self) -> PartyResolver:
        return PartyResolver(self.names, self.knowledge, self.lexicons)

    @cached_property
    def topic(self) -> TopicFilter:
        named = [*self.knowledge.organizations(), *self.knowledge.bodies(), *self.knowledge.treaties()]
        return TopicFilter((name.text for record in named for name in record.names),
                           (stem for lex in self.lexicons.values() for stem in lex.topic_stems.words))

    def warm_up(self) -> "Extractor":
        """Build the knowledge, morphology, name index and topic filter now rather than on
        the first document (servers and benchmarks want the cost up front)."""
        _ = self.resolver, self.topic
        self.extract(Doc(id="<warm-up>", text="ОДКБ. NATO. Організація.", lang="ru"))
        for lang in ("uk", "en"):
            self.morph.analyze("допомога" if lang == "uk" else "help", lang)
        self.morph.tag_sentence(["Help", "was", "requested", "."], "en")  # English tagger's tables
        return self

    def __call__(self, doc: Doc) -> Doc:
        doc.events = self.extract(doc)
        return doc

    def extract(self, doc: Doc) -> list[Event]:
        if not doc.text or not self.topic(doc.text):
            return []
        sentences = [s for s in segment(doc, self.morph, doc.lang or "ru") if s.lang in self.lexicons]
        when = doc.published
        refs_by_sentence = [self.resolver.resolve(s, when, None) for s in sentences]
        ctx = tally([(s.kind, refs) for s, refs in zip(sentences, refs_by_sentence)], self._treaty_org)
        for sentence, refs in zip(sentences, refs_by_sentence):
            self._bind_to_main_org(sentence, refs, ctx)

        exercise_doc = any(self.lexicons[s.lang].exercise_words.any_in(s.tokens) for s in sentences if s.kind == "title")
        state = Reading()  # everything this call learns lives here, never on self
        frames: list[Frame] = []
        for sentence, refs in zip(sentences, refs_by_sentence):
            if sentence.kind != "dateline" and sentence.tokens:
                frames.extend(self._read_sentence(sentence, refs, state, ctx, exercise_doc))
        spoken = state.spoken

        attribute_document(doc, sentences, frames, spoken, refs_by_sentence)
        frames = fill_arguments(frames, ctx, lambda state, f: self._alliance_of(state, f, doc))
        self._dates_in_context(sentences, frames, doc, state.times)
        candidates = [event for f in frames for event in self._events(f, doc, ctx, state)]
        _date_from_twins(candidates)
        candidates = self._consultations_per_requester(candidates)
        return complete_slots(merge_events(candidates, self.org_ids))

    def _read_sentence(self, sentence, refs: list[PartyRef], state: "Reading", ctx: DocContext,
                       exercise_doc: bool) -> list[Frame]:
        """One sentence's frames, with what the paragraph so far tells about them (who spoke
        last, which state acted last, a troop count waiting for its contingent)."""
        block = sentence.block
        lex = self.lexicons[sentence.lang]
        clauses = split_clauses(sentence, lex)
        self._bind_country_anaphora(sentence, refs, state.recent_state.get(block), state.role_holders)
        for r in refs:
            if r.kind in {"person", "institution"} and r.role and r.party and not r.anaphoric and not r.guessed:
                state.role_holders[r.role] = r.party  # "президент Токаев": whose "глава государства" is next
        speakers = find_speakers(sentence, refs, clauses, lex)
        for sp in speakers:
            if sp.voice == "__previous__":
                sp.voice = state.last_voice.get(block)
        if refers_back(sentence) and speakers:
            for f in state.block_frames.get(block, []):
                if f.voice is None:
                    f.voice = speakers[0].voice
                    if speakers[0].hedged:
                        f.modality = "uncertain"
        state.spoken[sentence.index] = speakers
        real = [sp for sp in speakers if sp.voice]
        if real:
            state.last_voice[block] = real[-1].voice
        owner = _force_owner_named(sentence, refs, lex)
        if owner:
            state.recent_force_owner[block] = owner  # "Контингент ОДКБ ...": whose "the contingent" is next
        if sentence.is_question:
            return []
        after_appeal = any(f.type == "appeal" and not f.negated for f in state.frames_so_far)
        triggers = find_triggers(sentence, lex, clauses, refs, after_appeal)
        if not triggers:
            _remember_count(sentence, lex, state.pending_count)
            return []
        frames = self.builders[sentence.lang].build(sentence, triggers, refs, clauses, speakers)
        frames = split_contrasts(frames, sentence, refs, lex)
        frames = gapped_movements(frames, sentence, refs, lex)
        frames = apply_denials(frames, sentence, refs, lex)
        if lex.scenario_words.any_in(sentence.tokens) and lex.exercise_words.any_in(sentence.tokens):
            frames = []  # "по замыслу учений Таджикистан обращается к ОДКБ": the exercise's story, not an event
        if exercise_doc or lex.exercise_words.any_in(sentence.tokens) or lex.programme_words.any_in(sentence.tokens):
            frames = [f for f in frames if f.type not in {"deployment", "withdrawal"}]
        movements = [f for f in frames if f.type in {"deployment", "withdrawal"}]
        for f in movements:
            f.carried_count = state.pending_count.pop(block, None)
        if not movements:
            _remember_count(sentence, lex, state.pending_count)
        for f in frames:
            f.refs, f.clauses = refs, clauses
            f.recent_state = state.recent_state.get(block)
            f.recent_force_owner = state.recent_force_owner.get(block)
            states = [a for a in f.actors if a not in self.org_ids]
            if states:
                state.recent_state[block] = states[0]
        if not any(f.actors for f in frames):
            named = [r.party for r in refs if r.kind in {"state", "metonym"} and r.party and r.party != ctx.main_state]
            if named:
                state.recent_state[block] = named[-1]
        state.block_frames.setdefault(block, []).extend(frames)
        state.frames_so_far.extend(frames)
        return frames

    def _dates_in_context(self, sentences, frames: list[Frame], doc: Doc, times: dict[int, list]) -> None:
        """Dates a sentence takes from its paragraph: "в тот же день" is the last date named
        before it; "Об этом вчера заявил X" dates the sentence it refers back to; the lead
        of a dated story tells that day's news."""
        last_date: dict[int, str] = {}
        before: dict[int, str | None] = {}
        own: dict[int, str | None] = {}
        stamp: dict[int, str | None] = {}
        last_stamp = None
        story_last: dict[int, str | None] = {}  # the last date the story named before each sentence
        last_in_story = None
        story_year = None  # a page with no date: the year its text last named ("13 сентября" after "2022")
        first_body = min((s.block for s in sentences if s.kind == "body"), default=None)
        wanted_blocks = {f.sentence.block for f in frames} | {first_body}
        for s in sentences:
            before[s.index] = last_date.get(s.block)
            story_last[s.index] = last_in_story
            if s.block not in wanted_blocks and len(s.text) >= 60 and s.kind != "dateline" and doc.published:
                continue  # nothing in this paragraph needs its dates
            if s.index not in times:
                times[s.index] = find_times(s.text, doc.published, s.lang, story_year)
            explicit = [t for t in times[s.index] if t.explicit and not slots.is_treaty_date(s.text, t)]
            years = [t.value[:4] for t in explicit if t.value[:4].isdigit()]
            if years:
                story_year = int(years[-1])
            own[s.index] = explicit[0].value if explicit else None
            if explicit:
                days = [t for t in explicit if len(t.value) == 10]  # "on Tuesday ... this year": the day
                last_date[s.block] = last_in_story = (days or explicit)[-1].value
            if len(s.text) < 60 and explicit and len(explicit[0].value) == 10:
                last_stamp = explicit[0].value  # "UPD от 01:47, 06.01.2022": a live update's time stamp
            stamp[s.index] = last_stamp
        by_index = {s.index: s for s in sentences}
        # the story's day: its page date, and the day its lead tells ("France yesterday invoked")
        story_days = {doc.published.isoformat()} if doc.published else set()
        lead_days = [t.value for s in sentences if s.block == first_body for t in times.get(s.index, [])
                     if t.explicit and len(t.value) == 10]
        story_days.update(lead_days[:1])
        lead_day = next((d for d in lead_days[:1] if doc.published and
                         0 <= (doc.published - dt.date.fromisoformat(d)).days <= LEAD_NEWS_DAYS), None)
        for f in frames:
            if story_last.get(f.sentence.index) in story_days:
                # "The request was made by ...", paragraphs after a lead dated "on Thursday"
                # with no other date named between: that day's news
                f.story_day = story_last[f.sentence.index]
            f.sentence_date = doc.published.isoformat() if doc.published else ""
            f.same_day = before.get(f.sentence.index)
            if not doc.published and story_last.get(f.sentence.index):
                f.story_month = story_last[f.sentence.index][:7]  # a page with no date: the month it last named
            if not doc.published:
                f.stamp_date = stamp.get(f.sentence.index)
            following = by_index.get(f.sentence.index + 1)
            if following is not None and following.block == f.sentence.block and refers_back(following):
                f.referred_date = own.get(following.index)
            if doc.published and (f.sentence.kind == "title" or f.sentence.block == first_body) \
                    and not f.negated and (f.modality in {"actual", "intended"} or f.type == "offer"):
                # rule 9: an offer is dated by when it was made, a conditional one too;
                # a headline tells the news of the lead, dated by it ("Пашинян учора надіслав")
                f.lead_date = lead_day or doc.published.isoformat()

    def _treaty_org(self, ident: str | None) -> str | None:
        try:
            return self.knowledge.treaty(ident).org if ident else None
        except NotFoundError:
            return None

    def _alliance_of(self, state: str, frame: Frame, doc: Doc) -> str | None:
        """Only when the sentence speaks of an article, a treaty or consultations, and the
        state belongs to exactly one alliance whose clause fits ("Article 4" is NATO's or the
        CST's, "42.7" the EU's)."""
        lex = self.lexicons[frame.sentence.lang]
        toks = frame.sentence.tokens
        treaty_word = any(t.lemma in TREATY_WORDS for t in toks)
        if not (lex.article_words.any_in(toks) or lex.consultation_nouns.any_in(toks) or treaty_word):
            return None
        article = slots.article_number(frame.sentence.text)
        table = self.treaty_table
        orgs = [org for org, family in table.treaty_of_org.items()
                if article is None or article in table.articles[family]]
        found = [org for org in orgs if self._is_member(state, org, doc.published)]
        return found[0] if len(found) == 1 else None

    def _is_member(self, state: str, org: str, when) -> bool:
        try:
            return self.knowledge.member_of(state, org, when).status == "member"
        except NotFoundError:  # an organization whose memberships the data does not record (the UN)
            return False

    def _bind_country_anaphora(self, sentence, refs: list[PartyRef], recent: str | None,
                               role_holders: dict[str, str]) -> None:
        """'Министерство обороны республики' after a sentence about Armenia is Armenia's;
        "заявил глава государства" after "президент Токаев" is Kazakhstan's, whatever
        state the quotation before it names."""
        for r in refs:
            if r.kind == "institution" and r.guessed and role_holders.get(r.role):
                r.party = role_holders[r.role]  # "the Prime Minister" after "Prime Minister Pashinyan"
                r.voice = "media" if self.resolver._as_media(r.role) else r.party
            elif r.kind == "institution" and r.party is None and r.anaphoric:
                party = role_holders.get(r.role) or recent
                if party is not None:
                    r.party = party
                    r.voice = "media" if self.resolver._as_media(r.role) else party

    def _bind_to_main_org(self, sentence, refs: list[PartyRef], ctx: DocContext) -> None:
        """'the alliance', 'союзники по блоку', 'секретариат организации': the document's alliance."""
        if not ctx.main_org:
            return
        for r in refs:
            if r.kind == "treaty":
                r.treaty_org = self._treaty_org(r.ident)
            if r.party is None and (r.kind in {"org", "body"} or r.kind == "institution" and r.role in ORG_BODY_ROLES):
                r.party = r.voice = ctx.main_org
            elif r.alternatives and ctx.main_org in r.alternatives + (r.ident,):
                r.party = ctx.main_org  # "альянс" in a text about NATO is NATO
                r.voice = r.voice and ctx.main_org
        lex = self.lexicons[sentence.lang]
        taken = {k for r in refs for k in range(r.start, r.end)}
        for k, tok in enumerate(sentence.tokens):
            if k not in taken and lex.org_anaphora.has(tok):
                refs.append(PartyRef(k, k + 1, ctx.main_org, "org", ctx.main_org, "anaphora", tok.lemma, tok.grams,
                                     _prep_before(sentence, k)))
        refs.sort(key=lambda r: r.start)

    def _events(self, f: Frame, doc: Doc, ctx: DocContext, state: Reading) -> list[Event]:
        lex = self.lexicons[f.sentence.lang]
        clause = f.clauses.span_of(f.at)
        times = state.times.get(f.sentence.index)
        if times is None:
            times = state.times[f.sentence.index] = find_times(f.sentence.text, doc.published, f.sentence.lang)
        counts = state.counts.get(f.sentence.index)
        if counts is None:
            counts = state.counts[f.sentence.index] = find_counts(f.sentence.tokens, lex)
        outcome = slots.pick_outcome(f, lex)
        if f.type == "decision" and outcome is None:
            return []
        evidence = Evidence(doc.id, f.sentence.start, f.sentence.end, f.sentence.text)
        targets = [f.target] + [t for t in f.extra_targets if t]
        events = []
        for actor in f.actors:
            for target in targets:
                if not actor or not target or actor == target:
                    continue
                event = Event(
                    type=f.type, actor=actor, target=target,
                    polarity="negative" if f.negated else "positive",
                    modality=f.modality,
                    source=("media" if f.modality == "uncertain" else None) if f.voice in (None, "__previous__") else f.voice,
                    when=slots.pick_time(f, times, clause),
                    assistance=slots.pick_assistance(f, lex),
                    basis=slots.pick_basis(f, f.refs, ctx.main_org, self.treaty_table),
                    outcome=outcome if f.type == "decision" else None,
                    size=f.own_size or slots.pick_size(f, counts) or (f.carried_count if f.type in {"deployment", "withdrawal"} else None),
                    evidence=[evidence],
                    confidence=(0.5 if f.trigger.nominal else 0.6) + (0.15 if f.explicit_target else 0) + (0.1 if f.voice else 0),
                )
                if event.when is None and (f.referred_date or f.lead_date or f.stamp_date):
                    event.when, event.when_inferred = f.referred_date or f.lead_date or f.stamp_date, f.referred_date is None
                elif event.when is None and f.story_day and event.polarity == "positive" \
                        and (event.modality == "actual" or f.type == "offer"):
                    # an offer is dated by when it was made (rule 9), a conditional one too
                    event.when, event.when_inferred = f.story_day, True
                elif event.when is None and f.same_day and event.polarity == "positive" and event.modality == "actual":
                    # "In June 2010 ... Both Russia and the CSTO refused": the paragraph's last date
                    event.when, event.when_inferred = f.same_day[:7], True
                elif event.when is None and doc.published and event.polarity == "positive" and event.modality == "actual":
                    # rule 9: a reported act with no date of its own happened by the story's month
                    event.when, event.when_inferred = doc.published.isoformat()[:7], True
                elif event.when is None and f.story_month and event.polarity == "positive" and event.modality == "actual":
                    # the same on a page with no date: the month its story last named
                    event.when, event.when_inferred = f.story_month, True
                if f.type == "decision" and outcome == "mission":
                    event.assistance = "monitoring"
                if f.type in {"deployment", "withdrawal", "offer"}:
                    event.via = actor if actor in self.org_ids else (None if f.type == "offer" else self._via(f, ctx))
                if f.type in {"consultation", "deployment", "withdrawal"}:
                    event.assistance = None
                if f.type == "offer" and (event.modality == "actual" or f.trigger.feature == "help" and event.modality == "intended"):
                    event.modality = "conditional"  # readiness, or a promise to help, stands until asked (rule 7)
                events.append(event)
                invoked = self.knowledge.article_of_basis(event.basis) if outcome == "invoke" else None
                if f.type == "decision" and invoked is not None and invoked.provides == "consultation" \
                        and actor in self.org_ids:
                    # "НАТО задіяло статтю 4": invoking a consultation clause is the allies consulting
                    consulted = Event.from_json(event.to_json())
                    consulted.type, consulted.outcome, consulted.assistance = "consultation", None, None
                    consulted.evidence, consulted.when_inferred = event.evidence, event.when_inferred
                    events.append(consulted)
        return events

    def _via(self, f: Frame, ctx: DocContext) -> str | None:
        orgs = [r.party for r in f.refs if r.kind in {"org", "body", "force"} and r.party in self.org_ids]
        return orgs[0] if orgs else ctx.main_org

    def _consultations_per_requester(self, events: list[Event]) -> list[Event]:
        """Rule 8: a consultation's target is each state that asked for it, when several
        asked together ("the request was made by Bulgaria, the Czech Republic, ...")."""
        by_sentence: dict[tuple, list[Event]] = {}
        for e in events:
            if e.type == "appeal" and e.polarity == "positive" and e.modality == "actual":
                by_sentence.setdefault((e.target, e.evidence[0].start), []).append(e)
        asked: dict[str, list[str]] = {}
        for (target, _), group in by_sentence.items():
            if len({e.actor for e in group}) > 1:
                for e in group:
                    if e.actor not in asked.setdefault(target, []):
                        asked[target].append(e.actor)
        out = []
        for e in events:
            requesters = asked.get(e.actor, [])
            if e.type == "consultation" and len(requesters) > 1:
                for actor in requesters:
                    copy = Event.from_json(e.to_json())
                    copy.target = actor
                    copy.evidence = e.evidence
                    out.append(copy)
            else:
                out.append(e)
        return out
