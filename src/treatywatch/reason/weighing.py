"""Choosing among values that claims give for one field (a basis, an outcome, a
size), and reporting disagreement instead of hiding it.

A value's weight is (its strongest source, how many documents give it). The chosen
value is the heaviest; when two incompatible values are equally heavy none is
chosen. Every incompatible alternative is returned as a conflict with its sources.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Hashable

from treatywatch.reason.claims import RANK_LABELS, Claim


def weigh(values: list[tuple[Hashable, Claim]], organizations: frozenset[str],
          compatible: Callable[[Any, Any], bool] = lambda a, b: a == b,
          ) -> tuple[Any, list[tuple[Any, list[Claim]]]]:
    """The chosen value (or None) and every distinct value with its claims, heaviest
    first. The caller reports a conflict when any two of them are incompatible."""
    by_value: dict[Hashable, list[Claim]] = defaultdict(list)
    for value, claim in values:
        if value is not None:
            by_value[value].append(claim)
    if not by_value:
        return None, []

    def weight(item: tuple[Hashable, list[Claim]]) -> tuple[int, int]:
        claims = item[1]
        return (max(c.rank(organizations) for c in claims), len({c.doc.id for c in claims}))

    ordered = sorted(by_value.items(), key=lambda item: (tuple(-w for w in weight(item)),
                                                         str(item[0])))
    best = ordered[0]
    rivals = [item for item in ordered[1:] if not compatible(best[0], item[0])]
    if rivals and weight(rivals[0]) == weight(best):
        return None, ordered
    return best[0], ordered


def disagreeing(ordered: list[tuple[Any, list[Claim]]],
                compatible: Callable[[Any, Any], bool] = lambda a, b: a == b) -> bool:
    values = [value for value, _ in ordered]
    return any(not compatible(a, b) for i, a in enumerate(values) for b in values[i + 1:])


def conflict(field: str, ordered: list[tuple[Any, list[Claim]]], organizations: frozenset[str],
             subject: str | None = None) -> dict[str, Any]:
    """A conflict as shown to users: each value with the citations that give it."""
    return {
        "field": field,
        "subject": subject,
        "values": [{"value": value,
                    "evidence": [item for c in sorted(claims, key=lambda c: c.id)
                                 for item in cited(c, organizations)]}
                   for value, claims in ordered],
    }


def cited(claim: Claim, organizations: frozenset[str]) -> list[dict[str, Any]]:
    return [{**item, "weight": RANK_LABELS[claim.rank(organizations)]}
            for item in claim.citations(claim.event.type)]
