"""One row per event across documents: the claims of many reports that state the
same event, folded together with how many sources carry it and which.

Claims state the same event when they agree on type, actor, target, polarity,
modality (and a decision's outcome), and their dates nest (`2022-01` and
`2022-01-06` may be the same event) or lie a day apart (time zones, "overnight");
days further apart are two events. A claim
without a date joins the one dated row of its kind, else a row of the undated
ones. Dated and undated rows are returned apart.

A row's `status` is one word for polarity and modality together
(`positive_intended`: announced), so its labels cannot contradict each other.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from treatywatch.reason.claims import RANK_LABELS, Claim, sort_key
from treatywatch.reason.periods import Period
from treatywatch.reason.sizes import states_size

FIELDS = ("assistance", "basis", "outcome", "size", "via")


def _kind(claim: Claim) -> tuple[Any, ...]:
    e = claim.event
    return (*e.key, e.outcome if e.type == "decision" else None)


SAME_EVENT_DAYS = 1  # reports a day apart (time zones, "overnight") state one event


def _same_time(a: Period, b: Period) -> bool:
    nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return nested or a.gap_to(b) <= SAME_EVENT_DAYS


def group_rows(claims: list[Claim]) -> tuple[list[list[Claim]], list[list[Claim]]]:
    """(dated groups, undated groups), each group a list of claims."""
    by_kind: dict[tuple[Any, ...], list[Claim]] = {}
    for claim in sorted(claims, key=sort_key):
        by_kind.setdefault(_kind(claim), []).append(claim)
    dated: list[list[Claim]] = []
    undated: list[list[Claim]] = []
    for group in by_kind.values():
        timed = sorted((c for c in group if c.period is not None),
                       key=lambda c: ((c.period.end - c.period.start).days, sort_key(c)))
        rows: list[tuple[Period, list[Claim]]] = []
        for claim in timed:  # the most precise dates first: each starts or joins a row
            home = next((row for row in rows if _same_time(row[0], claim.period)), None)
            if home is None:
                rows.append((claim.period, [claim]))
            else:
                home[1].append(claim)
        loose = [c for c in group if c.period is None]
        if loose and len(rows) == 1:
            rows[0][1].extend(loose)
        elif loose:
            undated.append(loose)
        dated.extend(sorted(r[1], key=sort_key) for r in rows)
    return dated, undated


def event_rows(claims: list[Claim], organizations: frozenset[str],
               role: Callable[[Claim], str], superseded: set[str]
               ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dated, undated = group_rows(claims)
    rows = [_row(g, organizations, role, superseded) for g in dated]
    loose = [_row(g, organizations, role, superseded) for g in undated]
    rows.sort(key=lambda r: (r["_start"], r["reported"] or "9999", r["id"]))
    loose.sort(key=lambda r: (r["reported"] or "9999", r["id"]))
    for row in rows + loose:
        del row["_start"]
    return rows, loose


def _row(group: list[Claim], organizations: frozenset[str], role: Callable[[Claim], str],
         superseded: set[str]) -> dict[str, Any]:
    def rank(c: Claim) -> int:
        return c.rank(organizations)

    strongest = sorted(group, key=lambda c: (-rank(c), sort_key(c)))
    lead = strongest[0]
    timed = [c for c in group if c.period is not None]
    precise = min(timed, key=lambda c: ((c.period.end - c.period.start).days, sort_key(c))) \
        if timed else None
    e = lead.event
    reported = [c.doc.published for c in group if c.doc.published]
    said: dict[str | None, dict[str, Any]] = {}
    for c in strongest:
        entry = said.setdefault(c.event.source, {"source": c.event.source,
                                                 "weight": RANK_LABELS[rank(c)], "documents": set()})
        entry["documents"].add(c.doc.id)
    evidence, seen = [], set()
    for c in [lead, *[c for c in sorted(group, key=sort_key) if c is not lead]]:
        for item in c.citations(role(c)):
            key = (item["doc"], item["sentence"])
            if key not in seen:
                seen.add(key)
                evidence.append({**item, "weight": RANK_LABELS[rank(c)]})
    row = {
        "id": evidence[0]["event"] if evidence else lead.id,
        "events": sorted(c.id for c in group),
        "when": precise.event.when if precise else None,
        "reported": min(reported).isoformat() if reported else None,
        "type": e.type, "actor": e.actor, "target": e.target,
        "polarity": e.polarity, "modality": e.modality,
        "status": f"{e.polarity}_{e.modality}",
        "source": e.source,
        "weight": RANK_LABELS[rank(lead)],
        "said_by": [{**s, "documents": len(s["documents"])} for s in said.values()],
        "documents": len({c.doc.id for c in group}),
        "outlets": sorted({c.doc.outlet or c.doc.name or c.doc.id[:12] for c in group}),
        "superseded": any(c.id in superseded for c in group),
        "evidence": evidence,
        "_start": precise.period.start if precise else dt.date.max,
    }
    for name in FIELDS:  # the strongest source's value, else the first given
        row[name] = next((getattr(c.event, name) for c in strongest
                          if getattr(c.event, name) is not None
                          and (name != "size" or _size_stated(c))), None)
    return row


def _size_stated(claim: Claim) -> bool:
    """A size is shown only with a sentence stating it (or with no evidence at all,
    for events entered by hand)."""
    spans = claim.event.evidence
    return not spans or any(states_size(span.sentence, claim.event.size) for span in spans)
