"""The other fields of an event, read from its sentence: when, size, basis, assistance,
outcome."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from treatywatch.extract.frames import Frame
from treatywatch.extract.lexicon import Lexicon
from treatywatch.extract.parties import PartyRef
from treatywatch.extract.quantity import Count
from treatywatch.extract.timex import TimeExpr

ARTICLE = re.compile(
    r"(?:стат(?:ья|ьи|ьей|ье|ью|ьёй|ьям|ьях)|статт(?:я|і|ею|ю)|article|art\.)\s*(\d+(?:\.\d+)?)"
    r"|(\d+(?:\.\d+)?)(?:-?(?:й|я|ю|ї|ої))?\s+(?:стать|статт|article)",
    re.I,
)
ORDINAL_ARTICLE = re.compile(
    r"(втор|четв[её]рт|пят|друг|четверт|п['’]ят|second|fourth|fifth)\w*\s+(?:стать|статт|article)", re.I)
ORDINALS = {"втор": "2", "друг": "2", "second": "2", "четв": "4", "fourth": "4", "пят": "5", "п'ят": "5", "п’ят": "5", "fifth": "5"}


@dataclass(frozen=True)
class TreatyTable:
    """What the basis of an event may be, from data/treaties.yaml: each treaty's recorded
    articles, the treaty whose articles an organization's text means, the treaties with
    no articles of their own (a charter is cited whole), and the bilateral ones (no basis)."""

    articles: dict[str, frozenset[str]]
    treaty_of_org: dict[str, str]
    whole: frozenset[str]
    bilateral: frozenset[str]

    @classmethod
    def from_knowledge(cls, knowledge) -> "TreatyTable":
        articles, of_org, whole, bilateral = {}, {}, set(), set()
        for treaty in knowledge.treaties():
            if treaty.bilateral:
                bilateral.add(treaty.id)
            elif treaty.articles:
                articles[treaty.id] = frozenset(a.number for a in treaty.articles)
                if treaty.org:
                    of_org.setdefault(treaty.org, treaty.id)  # the first listed: TEU before TFEU
            else:
                whole.add(treaty.id)
        return cls(articles, of_org, frozenset(whole), frozenset(bilateral))
ASSISTANCE_ORDER = ("peacekeeping", "monitoring", "military", "consultative", "humanitarian")


# "через неделю, 12 мая" names the act's own date; "через два дня после X" is caught by "после"
OTHER_EVENT = re.compile(r"(?:после|після|after|following|перед|before)\s+\S+(?:\s+\S+){0,6}\s*$", re.I)
# "the Treaty of Friendship of 1997", "Договора о дружбе ... 1997 года": the treaty's date
TREATY_DATE = re.compile(r"(?:договор|договір|treaty|устав|статут|charter)\w*(?:\s+\S+){0,8}\s*(?:от|від|of)?\s*$", re.I)
TREATY_AFTER = re.compile(r"^\s*(?:\S+\s+){0,3}(?:договор|договір|treaty|устав|статут|charter)", re.I)  # "the 1992 Collective Security Treaty"


# "прибули 6 січня, наступного дня після того, як президент попросив": the act came a day earlier
DAY_AFTER = re.compile(r"^\W{0,3}(?:наступного\s+дня|на\s+следующий\s+день|(?:the|a|one)\s+day)\s+(?:після|после|after)\b", re.I)

AFTER_THAT = re.compile(r"\s*(?:того\s*,?\s*(?:як|как)|that)\b", re.I)


def _of_other_event(text: str, t: TimeExpr, trig_char: int) -> bool:
    """A date after "after X" / "після X" is X's, unless the act itself is the X
    ("after Turkey formally asked the alliance in November")."""
    window = max(0, t.start - 60)
    m = OTHER_EVENT.search(text[window:t.start])
    return m is not None and not (window + m.start() < trig_char < t.start)


def is_treaty_date(text: str, t: TimeExpr) -> bool:
    """"Договора о дружбе от 29 августа 1997 года", "the 1992 Treaty": a treaty's own date."""
    return (t.explicit and not t.weekday and bool(TREATY_DATE.search(text[max(0, t.start - 80):t.start]))) \
        or (len(t.value) == 4 and bool(TREATY_AFTER.search(text[t.end:t.end + 60])))


def _told_as_day_after(between: str) -> bool:
    """The act is the subject of "the day after ...": the clause runs on to it ("після того,
    як президент попросив"), not "the day after the attacks, when the council agreed"."""
    m = DAY_AFTER.match(between)
    if m is None:
        return False
    rest = between[m.end():]
    return bool(AFTER_THAT.match(rest)) or "," not in rest


def _day_before(value: str) -> str:
    return (dt.date.fromisoformat(value) - dt.timedelta(days=1)).isoformat()


def pick_time(frame: Frame, times: list[TimeExpr], clause: tuple[int, int]) -> str | None:
    text = frame.sentence.text
    # "after the attacks at the end of November": that date is the attacks', not this event's
    trig_char = frame.sentence.tokens[frame.at].start - frame.sentence.start
    times = [t for t in times if not _of_other_event(text, t, trig_char) and not is_treaty_date(text, t)]
    if not times:
        return None
    toks = frame.sentence.tokens
    base = frame.sentence.start
    trig_char = toks[frame.at].start - base
    lo_char = toks[clause[0]].start - base
    hi_char = toks[clause[1] - 1].end - base
    in_clause = [t for t in times if lo_char <= t.start < hi_char]
    # a bare year in another clause ("who chairs the council this year") dates that clause only
    pool = in_clause or [t for t in times if len(t.value) >= 7]
    if not pool:
        return None
    best = min(pool, key=lambda t: abs(t.start - trig_char))
    if best.value == "same-day":
        # "14 січня ..., а контингент того ж дня вирушив": the date told before it in the
        # sentence, else the paragraph's last one
        told = [t for t in times if t.explicit and t.end <= best.start]
        return told[-1].value if told else frame.same_day
    if best.weekday and frame.modality == "intended" and best.value < frame.sentence_date:
        return best.ahead()
    if len(best.value) == 10 and best.end < trig_char and _told_as_day_after(text[best.end:trig_char]):
        return _day_before(best.value)
    return best.value


def pick_size(frame: Frame, counts: list[Count]) -> int | None:
    if not counts or frame.type not in {"deployment", "withdrawal"}:
        return None
    return min(counts, key=lambda c: abs(c.token - frame.at)).value


def article_number(text: str) -> str | None:
    return _article(text)


def _article(text: str) -> str | None:
    m = ARTICLE.search(text)
    if m:
        return m.group(1) or m.group(2)
    m = ORDINAL_ARTICLE.search(text)
    if m:
        word = m.group(1).lower()
        return next((v for stem, v in ORDINALS.items() if word.startswith(stem)), None)
    return None


def pick_basis(frame: Frame, refs: list[PartyRef], main_org: str | None, table: TreatyTable,
               text: str | None = None) -> str | None:
    text = text if text is not None else frame.sentence.text
    treaties = [r.ident for r in refs if r.kind == "treaty" and r.ident]
    article = _article(text)
    family = None
    for ident in treaties:
        if ident in table.whole:
            return ident  # "Устав ОДКБ": the charter, whatever article is named
        if ident not in table.articles:
            return None  # a bilateral or other treaty is not a basis id of the spec
        family = ident
        break
    if family is None and article is not None:
        orgs = [r.party for r in refs if r.kind in {"org", "body", "force"}]
        family = table.treaty_of_org.get(orgs[0] if orgs else main_org or "")
    if family is None:
        return None
    if article and article in table.articles.get(family, frozenset()):
        return f"{family}-{article}"
    if article:
        return None
    return family  # the treaty cited whole (spec: "a treaty id, optionally with article")


def pick_assistance(frame: Frame, lex: Lexicon) -> str | None:
    if frame.type not in {"appeal", "offer", "decision"}:
        return None
    toks = frame.sentence.tokens
    window = toks[frame.at:]
    for kind in ASSISTANCE_ORDER:
        words = lex.assistance.get(kind)
        if words is not None and any(words.has(t) for t in window):
            return kind
    return "unspecified"


def pick_outcome(frame: Frame, lex: Lexicon) -> str | None:
    if frame.type != "decision":
        return None
    feature = frame.trigger.feature
    if feature in {"decline", "grant", "mission", "invoke"}:
        return feature
    toks = frame.sentence.tokens
    window = toks[frame.at + 1:frame.at + 14]
    if any(lex.mission_nouns.has(t) for t in window):
        return "mission"
    if any(lex.force_nouns.has(t) or lex.deploy_verbs.has(t) for t in window):
        return "deploy"
    if any(t.lower in {"measure", "measures", "мера", "меры", "захід", "заходи"} or t.lemma in {"measure", "мера", "захід"} for t in window):
        return "deploy"
    wide = " ".join(t.text for t in toks[frame.at + 1:frame.at + 40])
    if re.search(r"(?:Article|стат\w*)\s+5\b", wide, re.I):
        return "invoke"
    if any(lex.appeal_nouns.has(t) for t in window) and any(lex.grant_words.has(t) or lex.support_words.has(t) or t.lemma in {"approve", "одобрить", "схвалити"} for t in toks[max(0, frame.at - 1):frame.at + 1]):
        return "grant"
    return None
