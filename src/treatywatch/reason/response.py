"""What answered the appeal: the legal basis, the addressee's decision, and who sent
how many.

- Basis: from positive appeals, consultations, decisions and deployments. A bare
  treaty (`CST`) agrees with any of its articles (`CST-4`); two articles disagree.
- Decision: the addressee's own positive decisions, most certain modality first.
  `grant` (the request accepted, nothing more said) agrees with any outcome, and
  `invoke` with `deploy` and `mission`; the rest disagree.
- Contributors: states sending contingents (or authorizing them); the status is
  `actual` when a source above media reports the contingent sent or withdrawn,
  else `intended` when announced or authorized, else `uncertain`. An
  organization's own force (the CSTO peacekeepers as a whole) is reported apart.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from treatywatch.reason.claims import RANK_LABELS, RANK_MEDIA, Claim, sort_key
from treatywatch.reason.sizes import states_size
from treatywatch.reason.weighing import cited, conflict, disagreeing, weigh

MODALITY_ORDER = ("actual", "intended", "conditional", "uncertain")
_AGREES_WITH_ALL = {"grant"}
_AGREEING_PAIRS = {frozenset({"invoke", "deploy"}), frozenset({"invoke", "mission"})}


def basis_compatible(a: str, b: str) -> bool:
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def outcome_compatible(a: str, b: str) -> bool:
    return a == b or a in _AGREES_WITH_ALL or b in _AGREES_WITH_ALL \
        or frozenset({a, b}) in _AGREEING_PAIRS


def judge_basis(claims: list[Claim], organizations: frozenset[str]
                ) -> tuple[str | None, list[dict[str, Any]]]:
    """The most specific basis the sources support. Values that another value
    refines (`CST` under `CST-4`) only support it; the most specific values are
    weighed against each other. When they are equally weighed, the treaty they
    share (`CST` for `CST-2` against `CST-4`) is all that can be said."""
    values = [(c.event.basis, c) for c in claims
              if c.event.polarity == "positive" and c.event.basis
              and c.event.type in ("appeal", "consultation", "decision", "deployment")]
    given = {value for value, _ in values}
    leaves = [(v, c) for v, c in values if not any(o.startswith(v + "-") for o in given)]
    chosen, ordered = weigh(leaves, organizations, basis_compatible)
    if chosen is None and ordered:
        treaties = {value.split("-")[0] for value, _ in ordered}
        chosen = treaties.pop() if len(treaties) == 1 else None
    conflicts = []
    if disagreeing(ordered, basis_compatible):
        conflicts.append(conflict("basis", ordered, organizations))
    return chosen, conflicts


def judge_decision(claims: list[Claim], addressee: str, organizations: frozenset[str],
                   basis: str | None) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    decisions = [c for c in claims if c.event.type == "decision"
                 and c.event.actor == addressee and c.event.polarity == "positive"]
    if not decisions:
        return None, []
    modality = min((c.event.modality for c in decisions), key=MODALITY_ORDER.index)
    chosen_group = [c for c in decisions if c.event.modality == modality]
    values = [(c.event.outcome or "grant", c) for c in chosen_group]
    outcome, ordered = weigh(values, organizations, outcome_compatible)
    if outcome in _AGREES_WITH_ALL:
        specific = [v for v, _ in ordered if v not in _AGREES_WITH_ALL]
        if specific and not disagreeing([(v, []) for v in specific], outcome_compatible):
            outcome = specific[0]
    supporting = sorted((c for c in chosen_group if (c.event.outcome or "grant") == outcome),
                        key=sort_key)
    decision_basis = next((c.event.basis for c in supporting if c.event.basis), None) or basis
    decision = {
        "outcome": outcome,
        "by": addressee,
        "modality": modality,
        "when": next((c.event.when for c in supporting if c.event.when), None),
        "basis": decision_basis,
        "assistance": next((c.event.assistance for c in supporting if c.event.assistance), None),
        "sources": len({c.doc.id for c in supporting}),
    }
    conflicts = []
    if disagreeing(ordered, outcome_compatible):
        conflicts.append(conflict("decision", ordered, organizations, subject=addressee))
    return decision, conflicts


def judge_contributors(claims: list[Claim], addressee: str, organizations: frozenset[str],
                       decision: dict[str, Any] | None = None,
                       ) -> tuple[list[dict[str, Any]], dict[str, Any] | None, list[dict[str, Any]]]:
    """(contributors, the organization's own force or None, conflicts).

    Each contributor says whether it came `under` the organization's mandate: sent
    via the organization, or (via nothing named) into an operation the organization
    decided to deploy. A state's move via nothing or via another party, when the
    organization decided no deployment, is bilateral (`under` null); so is every
    state's move when the organization declined: there is no mandate to come under,
    whatever a report says (Russia's battalion in Kyrgyzstan in 2010)."""
    by_actor: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        e = c.event
        if e.polarity != "positive" or not e.actor:
            continue
        national_decision = (e.type == "decision" and e.actor != addressee
                             and e.outcome == "deploy")
        if e.type in ("deployment", "withdrawal") or national_decision:
            by_actor[e.actor].append(c)
    deployed_by_org = addressee in organizations and decision is not None \
        and decision.get("outcome") in ("deploy", "grant", "invoke")
    declined = addressee in organizations and decision is not None \
        and decision.get("outcome") == "decline"
    contributors, force, conflicts = [], None, []
    for actor in sorted(by_actor):
        entry, size_conflict = _contribution(actor, by_actor[actor], organizations)
        if size_conflict:
            conflicts.append(size_conflict)
        if actor == addressee and addressee in organizations:
            force = entry
        elif actor in organizations:
            continue  # another organization's force: not a contributor of this one
        else:
            entry["under"] = None if declined else \
                _mandate(by_actor[actor], addressee, organizations, deployed_by_org)
            contributors.append(entry)
    return contributors, force, conflicts


def _mandate(claims: list[Claim], addressee: str, organizations: frozenset[str],
             deployed_by_org: bool) -> str | None:
    """The organization whose mandate the contingent came under, or None (a
    bilateral move; in a case addressed to a state, that state)."""
    if addressee not in organizations:
        return None
    if any(c.event.via == addressee for c in claims):
        return addressee
    if deployed_by_org and all(c.event.via is None for c in claims):
        return addressee
    return None


def _contribution(actor: str, claims: list[Claim], organizations: frozenset[str]
                  ) -> tuple[dict[str, Any], dict[str, Any] | None]:
    def rank(c: Claim) -> int:
        return c.rank(organizations)

    sent = [c for c in claims if c.event.type == "deployment"]
    left = [c for c in claims if c.event.type == "withdrawal"]
    authorized = [c for c in claims if c.event.type == "decision"]
    if any(c.event.modality == "actual" and rank(c) > RANK_MEDIA for c in sent + left):
        status = "actual"
    elif any(c.event.modality == "intended" for c in sent) or authorized:
        status = "intended"
    else:
        status = "uncertain"
    # sizes of the contingent sent; a withdrawal's size only when no deployment gives one;
    # a size no cited sentence states is not shown
    sized = [c for c in sent if c.event.size] or [c for c in left if c.event.size]
    uncited = sorted({c.event.size for c in sized if not size_citations(c, organizations)
                      and c.event.evidence})
    sized = [c for c in sized if size_citations(c, organizations) or not c.event.evidence]
    ordered_by_status = sorted(sized, key=lambda c: (_status_rank(c, rank), -rank(c), c.id))
    best_status = _status_rank(ordered_by_status[0], rank) if ordered_by_status else None
    values = [(c.event.size, c) for c in ordered_by_status
              if _status_rank(c, rank) == best_status]
    size, _ = weigh(values, organizations)
    _, all_sizes = weigh([(c.event.size, c) for c in sized], organizations)
    sizes = [_size_entry(value, group, organizations) for value, group in all_sizes]
    size_conflict = None
    if disagreeing(all_sizes):  # each side cites the sentences that state its number
        size_conflict = {"field": "size", "subject": actor,
                         "values": [{**s, "evidence": s["evidence"] or
                                     [e for c in group for e in cited(c, organizations)]}
                                    for s, (_, group) in zip(sizes, all_sizes)]}
    actual_exits = sorted((c for c in left if c.event.modality == "actual"), key=sort_key)
    entry = {
        "state": actor,
        "size": size,
        "size_detail": next((s for s in sizes if s["value"] == size), None),
        "sizes": sizes,
        "uncited_sizes": uncited,
        "status": status,
        "under": None,
        "via": next((c.event.via for c in sent + left if c.event.via), None),
        "deployed": next((c.event.when for c in sorted(sent, key=sort_key)
                          if c.event.when and c.event.modality == "actual"), None),
        "withdrawn": actual_exits[-1].event.when if actual_exits else None,
        "sources": len({c.doc.id for c in claims}),
    }
    return entry, size_conflict


def size_citations(claim: Claim, organizations: frozenset[str]) -> list[dict[str, Any]]:
    """The citations of `claim` whose sentence states its size."""
    return [item for item in cited(claim, organizations)
            if states_size(item.get("sentence"), claim.event.size)]


def _size_entry(value: int, claims: list[Claim], organizations: frozenset[str]) -> dict[str, Any]:
    """One size with how it is given: the strongest claim's modality (actual or
    announced) and source, and the sentences stating it."""
    best = max(claims, key=lambda c: (c.event.modality == "actual", c.rank(organizations),
                                      -len(c.id), c.id))
    citations = [item for c in sorted(claims, key=lambda c: c.id)
                 for item in size_citations(c, organizations)]
    return {"value": value, "modality": best.event.modality, "source": best.event.source,
            "weight": RANK_LABELS[best.rank(organizations)],
            "documents": len({c.doc.id for c in claims}), "evidence": citations}


def _status_rank(claim: Claim, rank) -> int:
    if claim.event.modality == "actual" and rank(claim) > RANK_MEDIA:
        return 0
    if claim.event.modality == "intended":
        return 1
    return 2
