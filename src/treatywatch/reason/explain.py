"""Why the appeal verdict is what it is: the rows that decided it, and the
citations, each once, with its side.

A row gathers the appeal claims of one source that say the same thing:

| side | the claims say |
| --- | --- |
| `made` | an appeal was made (a source above media, as fact) |
| `not_made` | there was none (a denial) |
| `reported` | one was rumoured, or only media said so |
| `announced` | one was intended or offered on condition |

and how the verdict used them (`counted`): `decided` (the verdict rests on them),
`outweighed` (a stronger source says otherwise), `superseded` (a "not yet" that a
later report of the appeal overtook), `other_basis` (a denial of an appeal under
another article), or `considered` (weighed, changed nothing).

Citations are every evidence sentence of the case once (a sentence several events
rest on is cited for the first of them, the others listed in `also`), ordered:
what decided the verdict, what it outweighed, the rest of the appeal, then the
other events. Each carries its `side` (for events other than appeals, their type)
and `counted`, and its outlet.
"""

from __future__ import annotations

from typing import Any

from treatywatch.reason.appeal import AppealFinding, _other_basis
from treatywatch.reason.claims import RANK_LABELS, RANK_MEDIA, Claim, sort_key

COUNTED_ORDER = ("decided", "outweighed", "superseded", "other_basis", "considered")


def side_of(claim: Claim, organizations: frozenset[str]) -> str:
    e = claim.event
    if e.type != "appeal":
        return e.type
    if e.polarity == "negative":
        return "not_made"
    if e.modality in ("intended", "conditional"):
        return "announced"
    if e.modality == "uncertain" or claim.rank(organizations) <= RANK_MEDIA:
        return "reported"
    return "made"


def counted_of(claim: Claim, appeal: AppealFinding) -> str:
    if claim.event.type != "appeal":
        return "considered"
    if claim in appeal.supporting:
        return "decided"
    if claim in appeal.opposing:
        return "outweighed"
    if claim in appeal.superseded:
        return "superseded"
    made = [c for c in appeal.supporting if c.event.polarity == "positive"]
    if claim.event.polarity == "negative" and _other_basis(claim, made):
        return "other_basis"
    return "considered"


def citations(claims: list[Claim], appeal: AppealFinding, organizations: frozenset[str],
              role) -> list[dict[str, Any]]:
    def order(c: Claim) -> tuple[Any, ...]:
        return (c.event.type != "appeal", COUNTED_ORDER.index(counted_of(c, appeal)),
                -c.rank(organizations)) + sort_key(c)

    found: list[dict[str, Any]] = []
    at: dict[tuple[str, Any, Any], dict[str, Any]] = {}
    for claim in sorted(claims, key=order):
        for item in claim.citations(role(claim)):
            key = (item["doc"], item["start"], item["end"]) if item["sentence"] else \
                (item["doc"], claim.id, None)
            if key in at:
                at[key]["also"].append(claim.id)
                continue
            entry = {**item, "side": side_of(claim, organizations),
                     "counted": counted_of(claim, appeal),
                     "weight": RANK_LABELS[claim.rank(organizations)],
                     "outlet": item["outlet"] or None, "also": []}
            at[key] = entry
            found.append(entry)
    for number, entry in enumerate(found, 1):
        entry["n"] = number
    return found


def explanation(claims: list[Claim], appeal: AppealFinding, organizations: frozenset[str],
                cited: list[dict[str, Any]]) -> dict[str, Any]:
    numbers: dict[str, list[int]] = {}
    for entry in cited:
        for event in [entry["event"], *entry["also"]]:
            numbers.setdefault(event, []).append(entry["n"])
    strongest = max((c.rank(organizations) for c in appeal.supporting), default=None)
    groups: dict[tuple[str, str, str | None], list[Claim]] = {}
    for claim in sorted((c for c in claims if c.event.type == "appeal"), key=sort_key):
        key = (side_of(claim, organizations), counted_of(claim, appeal), claim.event.source)
        groups.setdefault(key, []).append(claim)
    rows = []
    for (side, counted, source), group in groups.items():
        rank = max(c.rank(organizations) for c in group)
        rows.append({
            "side": side, "counted": counted, "source": source,
            "weight": RANK_LABELS[rank],
            "documents": len({c.doc.id for c in group}),
            "outlets": sorted({c.doc.outlet or c.doc.name or c.doc.id[:12] for c in group}),
            "citations": sorted({n for c in group for n in numbers.get(c.id, [])}),
            "_rank": rank,
        })
        why, key, fields = _why(counted, side, group, strongest, appeal)
        rows[-1].update({"why": why, "why_key": key, "why_fields": fields})
    rows.sort(key=lambda r: (COUNTED_ORDER.index(r["counted"]), -r["_rank"], r["side"],
                             r["source"] or ""))
    for row in rows:
        del row["_rank"]
    return {"verdict": appeal.verdict, "rows": rows}


def _why(counted: str, side: str, group: list[Claim], strongest: int | None,
         appeal: AppealFinding) -> tuple[str, str, dict[str, Any]]:
    """The row's reason: the English sentence, and a key with fields for the pages."""
    if counted == "decided":
        if appeal.verdict == "unclear":
            return ("inconclusive: equally strong sources disagree, or only announcements or media denials",
                    "decided_unclear", {})
        if side == "reported":
            return "only rumours, unnamed sources or media: no party confirms it", "decided_reported", {}
        return "the strongest source on the appeal", "decided", {}
    if counted == "outweighed":
        label = RANK_LABELS[strongest] if strongest is not None else "a stronger source"
        return (f"outweighed: {label} says otherwise and counts for more", "outweighed",
                {"weight": RANK_LABELS[strongest] if strongest is not None else None})
    if counted == "superseded":
        return "said before a later report of an appeal made after it", "superseded", {}
    if counted == "other_basis":
        basis = next((c.event.basis for c in group if c.event.basis), None)
        return (f"denies an appeal under {basis or 'another article'}, not the one reported",
                "other_basis", {"basis": basis})
    if side == "announced":
        return "an intention or an offer on condition is not an appeal", "announced", {}
    if side == "not_made":
        return "a denial by media does not outweigh the reports", "media_denial", {}
    return "weighed; it did not change the verdict", "weighed", {}
