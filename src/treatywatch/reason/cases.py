"""Episodes turned into cases: an id, a timeline, a verdict and the treaty's findings.

`build_cases(claims, knowledge, name=...)` is the whole of it; the store calls it for
the requesters whose events changed and keeps the result. `name` gives the episodes
their ids from the stems (`KAZ-CSTO-2022-01`); by default the stem, then `-2`, `-3`
for later episodes with the same stem. The store passes one that keeps every id it
has published (`store/case_names.py`). `REASONING_VERSION` changes
with any change to what cases say: stores built with another rebuild all cases.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable

from treatywatch.reason.appeal import AppealFinding, judge_appeal
from treatywatch.reason.claims import RANK_LABELS, Claim, sort_key
from treatywatch.reason.episodes import Episode, group_episodes
from treatywatch.reason.explain import citations, explanation
from treatywatch.reason.rows import event_rows
from treatywatch.reason.findings import treaty_findings
from treatywatch.reason.response import judge_basis, judge_contributors, judge_decision
from treatywatch.reason.weighing import conflict

REASONING_VERSION = "7"  # 7: findings and explanation rows carry keys and fields for the pages


@dataclass
class Case:
    id: str
    requester: str
    addressee: str
    start: dt.date | None
    end: dt.date | None
    verdict: dict[str, Any]
    event_ids: list[str]

    @property
    def appeal(self) -> str:
        return self.verdict["appeal"]


Namer = Callable[[list[Episode], list[str]], list[str]]


def numbered_ids(episodes: list[Episode], stems: list[str],
                 taken: frozenset[str] = frozenset()) -> list[str]:
    """The stem, else the stem with the first free number from 2 (ids in `taken`,
    compared without case, are not free)."""
    used = {t.upper() for t in taken}
    ids = []
    for stem in stems:
        case_id, number = stem, 1
        while case_id.upper() in used:
            number += 1
            case_id = f"{stem}-{number}"
        used.add(case_id.upper())
        ids.append(case_id)
    return ids


def build_cases(claims: list[Claim], knowledge: Any, name: Namer = numbered_ids) -> list[Case]:
    organizations = organization_ids(knowledge)
    episodes = group_episodes(claims, organizations)
    ids = name(episodes, [case_stem(e) for e in episodes])
    return [_case(case_id, episode, organizations, knowledge)
            for case_id, episode in zip(ids, episodes)]


def organization_ids(knowledge: Any) -> frozenset[str]:
    return frozenset(party.id for party in knowledge.organizations())


def case_stem(episode: Episode) -> str:
    """`KAZ-CSTO-2022-01`: the month of the earliest event dated to a month or a day
    (a year alone: `ARM-CSTO-2020`), else of the latest report; `-undated` without
    either."""
    periods = [c.period for c in episode.claims if c.period is not None]
    precise = [p for p in periods if (p.end - p.start).days < 31]
    if precise:
        when = min(p.start for p in precise).strftime("%Y-%m")
    elif periods:
        when = str(min(p.start for p in periods).year)
    elif episode.reported:
        when = episode.reported.end.strftime("%Y-%m")
    else:
        when = "undated"
    return f"{episode.requester}-{episode.addressee}-{when}"


def _case(case_id: str, episode: Episode, organizations: frozenset[str], knowledge: Any) -> Case:
    claims = sorted(episode.claims, key=sort_key)
    appeal = judge_appeal(claims, organizations)
    basis, basis_conflicts = judge_basis(claims, organizations)
    decision, decision_conflicts = judge_decision(claims, episode.addressee, organizations, basis)
    contributors, force, size_conflicts = judge_contributors(claims, episode.addressee,
                                                             organizations, decision)
    bilateral = [c for c in contributors
                 if c["under"] is None and episode.addressee in organizations]
    contributors = [c for c in contributors if c not in bilateral]
    appeal_conflicts = _appeal_conflicts(appeal, organizations)
    period = episode.period
    verdict = {
        "case": case_id,
        "requester": episode.requester,
        "addressee": episode.addressee,
        "period": _period_json(episode),
        "appeal": appeal.verdict,
        "appeal_detail": _appeal_detail(appeal, organizations),
        "basis": basis,
        "decision": decision,
        "contributors": contributors,
        "bilateral": bilateral,
        "force": force,
        "conflicts": appeal_conflicts + basis_conflicts + decision_conflicts + size_conflicts,
        "findings": treaty_findings(episode, appeal, decision, contributors,
                                    _mandated(claims, bilateral), organizations, knowledge),
    }
    role = _roles(appeal)
    superseded = {c.id for c in appeal.superseded}
    rows, undated = event_rows(claims, organizations, role, superseded)
    maybe_dated, maybe_undated = event_rows(episode.maybe, organizations,
                                            lambda c: c.event.type, set())
    cited = citations(claims, appeal, organizations, role)
    verdict.update({
        "explanation": explanation(claims, appeal, organizations, cited),
        "timeline": rows,
        "undated": undated,
        "maybe": maybe_dated + maybe_undated,
        "evidence": cited,
        "documents": len({c.doc.id for c in claims}),
        "events": len(claims),
        "rows": len(rows) + len(undated),
    })
    return Case(case_id, episode.requester, episode.addressee,
                period.start if period else None, period.end if period else None,
                verdict, sorted(c.id for c in claims))


def _mandated(claims: list[Claim], bilateral: list[dict[str, Any]]) -> list[Claim]:
    """The claims without the bilateral moves, which the treaty's rules do not judge."""
    apart = {c["state"] for c in bilateral}
    return [c for c in claims if not (c.event.type in ("deployment", "withdrawal", "decision")
                                      and c.event.actor in apart)]


def _period_json(episode: Episode) -> dict[str, Any] | None:
    period = episode.period
    if period is None:
        return None
    return {**period.iso(), "dated": episode.dated is not None}


def _appeal_detail(appeal: AppealFinding, organizations: frozenset[str]) -> dict[str, Any]:
    def who(claims: list[Claim]) -> list[str]:
        return sorted({c.event.source or "news text" for c in claims})

    return {
        "verdict": appeal.verdict,
        "said_by": who(appeal.supporting),
        "overruled": who(appeal.opposing),
        "rumoured_by": who(appeal.rumours),
        "superseded": who(appeal.superseded),
        "announced": who(appeal.announced),
        "strongest_source": RANK_LABELS[max(c.rank(organizations) for c in appeal.supporting)]
        if appeal.supporting else None,
    }


def _appeal_conflicts(appeal: AppealFinding, organizations: frozenset[str]) -> list[dict[str, Any]]:
    """Sources that disagree on whether an appeal was made, as weighed."""
    weighed = appeal.supporting + appeal.opposing
    made = [c for c in weighed if c.is_("appeal", "positive", "actual") and c not in appeal.rumours]
    reported = [c for c in weighed if c in appeal.rumours]
    no = [c for c in weighed if c.event.polarity == "negative"]
    if not no or not (made or reported):
        return []
    sides = [(value, claims) for value, claims in
             (("made", made), ("reported", reported), ("not_made", no)) if claims]
    return [conflict("appeal", sides, organizations)]


def _roles(appeal: AppealFinding):
    def role(claim: Claim) -> str:
        if claim in appeal.supporting:
            return "appeal"
        if claim in appeal.opposing or claim in appeal.superseded or claim in appeal.rumours:
            return "appeal_other"
        return claim.event.type
    return role

