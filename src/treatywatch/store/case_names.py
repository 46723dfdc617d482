"""Case ids that never change once published.

An id is published when a case is first stored under it. From then on it is a row
of `case_names` and answers for good:

- Each id is tracked by its anchor, the episode's first evidence (its earliest
  event) when the id was given. On every rebuild an id goes to the episode that
  holds its anchor, else to the one holding most of the events it covered.
- An episode claimed by several ids (two episodes merged) keeps the oldest; the
  others answer with it (`merged`).
- An episode that no published id claims (new, or the part of a split that does
  not hold the anchor) gets a fresh id: its stem, numbered past every id already
  given. The id it split from stays with the part that holds its anchor; `parts`
  lists the cases holding the rest of the evidence it covered.
- Ids are compared without case.

Stores built in one run from the same documents give the same ids whatever the
order; ids published by an earlier run are kept, so a store built in batches may
name an episode otherwise than one built at once, and every id it printed resolves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from treatywatch.reason.cases import numbered_ids
from treatywatch.reason.claims import Claim, sort_key
from treatywatch.reason.episodes import Episode
from treatywatch.store.models import CaseEventRow, CaseNameRow, CaseRow


def first_evidence(episode: Episode) -> str:
    return min(episode.claims, key=sort_key).id


@dataclass
class Namer:
    """Names the episodes of one rebuild from the ids published for its requesters;
    `apply(session)` then records where every id now points."""

    published: list[CaseNameRow]
    taken: frozenset[str]  # every id ever given for these requesters
    episodes: list[Episode] | None = None
    ids: list[str] | None = None
    placement: dict[str, int | None] | None = None

    def __call__(self, episodes: list[Episode], stems: list[str]) -> list[str]:
        holder = _holders(episodes)
        claimants: dict[int, list[CaseNameRow]] = defaultdict(list)
        placement: dict[str, int | None] = {}
        for name in sorted(self.published, key=lambda n: n.seq):
            index = holder.get(name.anchor)
            if index is None:
                shared = Counter(holder[e] for e in name.events if e in holder)
                index = min(shared, key=lambda i: (-shared[i], i)) if shared else None
            placement[name.id] = index
            if index is not None:
                claimants[index].append(name)
        unnamed = [i for i in range(len(episodes)) if not claimants[i]]
        new_ids = iter(numbered_ids([episodes[i] for i in unnamed], [stems[i] for i in unnamed],
                                    self.taken))
        ids = [claimants[i][0].id if claimants[i] else next(new_ids)
               for i in range(len(episodes))]
        self.episodes, self.ids, self.placement = episodes, ids, placement
        return ids

    def apply(self, session: Session) -> None:
        assert self.episodes is not None and self.ids is not None and self.placement is not None
        episodes, ids = self.episodes, self.ids
        holder = _holders(episodes)
        for name in self.published:
            index = self.placement[name.id]
            if index is None:
                name.case_id, name.status, name.parts = None, "retired", []
                continue
            name.case_id = ids[index]
            parts = sorted({ids[holder[e]] for e in name.events if e in holder} - {ids[index]})
            name.parts = parts
            if name.id == ids[index]:
                name.status = "current"
                name.events = sorted(set(name.events) | {c.id for c in episodes[index].claims})
            else:
                name.status = "merged"
        known = {n.id for n in self.published}
        seq = next_seq(session)
        for episode, case_id in zip(episodes, ids):
            if case_id in known:
                continue
            seq += 1
            session.add(CaseNameRow(
                id=case_id, requester=episode.requester, seq=seq,
                anchor=first_evidence(episode), events=sorted(c.id for c in episode.claims),
                case_id=case_id, status="current", parts=[]))


def _holders(episodes: list[Episode]) -> dict[str, int]:
    """The episode of each event: where it counts, else (an undated report that may
    belong to several) the first that lists it."""
    holder = {c.id: i for i, e in enumerate(episodes) for c in e.claims}
    for i, episode in enumerate(episodes):
        for claim in episode.maybe:
            holder.setdefault(claim.id, i)
    return holder


def next_seq(session: Session) -> int:
    return session.scalar(select(func.max(CaseNameRow.seq))) or 0


def namer_for(session: Session, requesters: list[str], claims: dict[str, Claim]) -> Namer:
    """The ids published for `requesters`. Cases stored before ids were recorded
    count as published (`claims`, by id, give their first evidence)."""
    published = list(session.scalars(select(CaseNameRow).where(
        CaseNameRow.requester.in_(requesters))))
    register_legacy(session, requesters, published, claims)
    return Namer(published, frozenset(n.id for n in published))


def register_legacy(session: Session, requesters: list[str], published: list[CaseNameRow],
                    claims: dict[str, Claim]) -> None:
    known = {n.id for n in published}
    seq = next_seq(session)
    rows = session.execute(select(CaseRow.id, CaseRow.requester).where(
        CaseRow.requester.in_(requesters)).order_by(CaseRow.start.is_(None), CaseRow.start,
                                                    CaseRow.id)).all()
    for case_id, requester in rows:
        if case_id in known:
            continue
        events = sorted(session.scalars(select(CaseEventRow.event_id).where(
            CaseEventRow.case_id == case_id)))
        known_claims = [claims[e] for e in events if e in claims]
        anchor = min(known_claims, key=sort_key).id if known_claims else \
            (events[0] if events else "")
        seq += 1
        row = CaseNameRow(id=case_id, requester=requester, seq=seq, anchor=anchor,
                          events=events, case_id=case_id, status="current", parts=[])
        session.add(row)
        published.append(row)


def resolve(session: Session, asked: str) -> tuple[CaseRow | None, CaseNameRow | None]:
    """The case an id answers with now, and the published id asked for (None when
    `asked` is no published id). Case does not matter."""
    key = asked.strip()
    row = session.get(CaseRow, key)
    if row is None:
        row = session.scalars(select(CaseRow).where(
            func.upper(CaseRow.id) == key.upper()).limit(1)).first()
    if row is not None:
        return row, None
    name = session.scalars(select(CaseNameRow).where(
        func.upper(CaseNameRow.id) == key.upper()).limit(1)).first()
    if name is None or name.case_id is None:
        return None, name
    return session.get(CaseRow, name.case_id), name


def note(name: CaseNameRow, now: str) -> str:
    rest = [p for p in name.parts if p != now]
    also = f"; part of its evidence is now in {', '.join(rest)}" if rest else ""
    return f"{name.id} was merged into {now}, which holds its first evidence{also}."
