"""Claims of many documents merged into episodes: one requester (a state), one
addressee (an organization or a state), one stretch of time.

- A dated claim covers the period of its `when`. Claims of the same parties whose
  periods lie within `LINK_GAP_DAYS` of each other (single linkage) share an
  episode, so events years apart are distinct episodes while one that spans a new
  year (an appeal in November, deployments in January) stays whole.
- An undated claim in a dated document covers the `UNDATED_LOOKBACK_DAYS` before
  the document's date (news reports the recent past) and links the same way.
- Claims of a document with no date at all join, as a group, the one episode of
  the same parties whose events they resemble most (shared spec keys), or the only
  episode of those parties. When several resemble them equally they join none and
  are listed with each (`maybe`: undated reports that may belong there, not counted
  in its verdict); only with no episode to go to do they form an undated episode.
- A state's own national decision or contingent for a requester (via no
  organization) joins the organization's episode running at that time unless the
  requester also turned to that state directly: Kyrgyzstan's parliament approving
  its contingent belongs to the CSTO operation in Kazakhstan.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from treatywatch.reason.claims import Claim
from treatywatch.reason.periods import Period

LINK_GAP_DAYS = 60
UNDATED_LOOKBACK_DAYS = 60
_CONTRIBUTION_TYPES = ("decision", "deployment", "withdrawal")


@dataclass
class Episode:
    requester: str
    addressee: str
    claims: list[Claim] = field(default_factory=list)
    maybe: list[Claim] = field(default_factory=list)  # undated reports that may belong here
    dated: Period | None = None  # the union of the claims' own dates
    reported: Period | None = None  # the span implied by report dates of undated claims

    @property
    def period(self) -> Period | None:
        """What the episode covers: its events' dates, else what its reports imply."""
        return self.dated or self.reported

    def first_date(self) -> dt.date | None:
        """The earliest event date, read at month precision or better (a day inside
        the earliest month when one is given); a bare year only when nothing is more
        precise; else the latest report date."""
        periods = [c.period for c in self.claims if c.period is not None]
        precise = [p for p in periods if (p.end - p.start).days <= 30]
        if precise:
            first = min(p.start for p in precise)
            days = [p.start for p in precise if p.start == p.end
                    and (p.start - first).days <= 30]
            return min(days) if days and min(days).month == first.month else first
        if periods:
            return min(p.start for p in periods)
        return self.reported.end if self.reported else None

    def add(self, claim: Claim, span: Period | None, dated: bool) -> None:
        self.claims.append(claim)
        if span is None:
            return
        if dated:
            self.dated = span if self.dated is None else self.dated.union(span)
        else:
            self.reported = span if self.reported is None else self.reported.union(span)

    def merge(self, other: "Episode") -> None:
        self.claims.extend(other.claims)
        self.maybe.extend(other.maybe)
        for name in ("dated", "reported"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if theirs is not None:
                setattr(self, name, theirs if mine is None else mine.union(theirs))


def group_episodes(claims: list[Claim], organizations: frozenset[str]) -> list[Episode]:
    """Episodes in a stable order (requester, addressee, period)."""
    by_parties: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        requester, addressee = claim.parties
        if requester and addressee and requester != addressee \
                and requester not in organizations:  # the one in need is a state
            by_parties[(requester, addressee)].append(claim)
    episodes: list[Episode] = []
    for (requester, addressee), group in sorted(by_parties.items()):
        episodes.extend(_split_in_time(requester, addressee, group))
    episodes = _attach_national_contributions(episodes, organizations)
    return sorted(episodes, key=_episode_order)


def _episode_order(episode: Episode) -> tuple:
    period = episode.period
    return (episode.requester, episode.addressee,
            period.start if period else dt.date.max, min(c.id for c in episode.claims))


def _span(claim: Claim) -> tuple[Period | None, bool]:
    period = claim.period
    if period is not None:
        return period, True
    if claim.doc.published is not None:
        end = claim.doc.published
        return Period(end - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), end), False
    return None, False


def _split_in_time(requester: str, addressee: str, claims: list[Claim]) -> list[Episode]:
    placed = sorted(((span, dated, c) for c in claims for span, dated in [_span(c)]
                     if span is not None), key=lambda t: (t[0].start, t[0].end, t[2].id))
    episodes: list[Episode] = []
    reach: dt.date | None = None
    for span, dated, claim in placed:
        if reach is None or (span.start - reach).days > LINK_GAP_DAYS:
            episodes.append(Episode(requester, addressee))
            reach = span.end
        episodes[-1].add(claim, span, dated)
        reach = max(reach, span.end)
    floating: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if _span(claim)[0] is None:
            floating[claim.doc.id].append(claim)
    undated: Episode | None = None
    for doc_id in sorted(floating):
        group = floating[doc_id]
        homes = _fitting(group, episodes)
        if len(homes) > 1:
            for home in homes:
                home.maybe.extend(group)
            continue
        if not homes:
            if undated is None:
                undated = Episode(requester, addressee)
            homes = [undated]
        for claim in group:
            homes[0].add(claim, None, False)
    if undated is not None:
        episodes.append(undated)
    return episodes


def _fitting(group: list[Claim], episodes: list[Episode]) -> list[Episode]:
    """The dated episodes an undated document's claims may belong to: those sharing
    the most spec keys with them, else the only one there is."""
    if len(episodes) == 1:
        return list(episodes)
    keys = {c.event.key for c in group}
    scored = []
    for episode in episodes:
        theirs = {c.event.key for c in episode.claims}
        scored.append((len(keys & theirs) / len(keys | theirs), episode))
    best = max((score for score, _ in scored), default=0.0)
    return [e for score, e in scored if score > 0 and score == best]


def _attach_national_contributions(episodes: list[Episode],
                                   organizations: frozenset[str]) -> list[Episode]:
    kept = []
    for episode in episodes:
        host = None
        if episode.addressee not in organizations and _only_own_contributions(episode):
            host = _running_organization_episode(episode, episodes, organizations)
        if host is None:
            kept.append(episode)
        else:
            host.merge(episode)
    return kept


def _only_own_contributions(episode: Episode) -> bool:
    return all(c.event.type in _CONTRIBUTION_TYPES and c.event.actor == episode.addressee
               and c.event.via is None for c in episode.claims)


def _running_organization_episode(episode: Episode, episodes: list[Episode],
                                  organizations: frozenset[str]) -> Episode | None:
    period = episode.period
    if period is None:
        return None
    candidates = [e for e in episodes if e.requester == episode.requester
                  and e.addressee in organizations and e.period is not None
                  and e.period.gap_to(period) <= LINK_GAP_DAYS]
    if not candidates:
        return None
    return min(candidates, key=lambda e: (e.period.gap_to(period), e.addressee))
