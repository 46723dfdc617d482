"""Was there an official appeal? Claims about it weighed by their sources.

| verdict | when |
| --- | --- |
| `made` | an appeal is stated as fact by a source above media, and no stronger source says otherwise |
| `denied` | the party or the organization says there was none, against reports that there was |
| `not_made` | sources above media say there was none, and nothing reports one |
| `reported` | only rumours, unnamed sources or media say there was one |
| `unclear` | equally strong sources disagree, or only announcements, conditions or media denials |
| `none_found` | nothing about an appeal in the episode |

A denial naming another basis ("not under Article 4") does not contradict an appeal
under a different article. A statement that no appeal had been made is superseded by a later document that
reports one made after that statement (Turkey had "not yet formally asked" on
20 November 2012; it asked the next day).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from treatywatch.reason.claims import OFFICIAL, RANK_MEDIA, Claim
from treatywatch.reason.response import basis_compatible

APPEAL_VERDICTS = ("made", "not_made", "denied", "reported", "unclear", "none_found")


@dataclass
class AppealFinding:
    verdict: str
    supporting: list[Claim] = field(default_factory=list)  # what the verdict rests on
    opposing: list[Claim] = field(default_factory=list)  # claims the verdict overrules
    superseded: list[Claim] = field(default_factory=list)  # earlier "no appeal (yet)"
    rumours: list[Claim] = field(default_factory=list)
    announced: list[Claim] = field(default_factory=list)  # intended or conditional appeals


def judge_appeal(claims: list[Claim], organizations: frozenset[str]) -> AppealFinding:
    appeals = [c for c in claims if c.event.type == "appeal"]
    if not appeals:
        return AppealFinding("none_found")

    def rank(c: Claim) -> int:
        return c.rank(organizations)

    positive = [c for c in appeals if c.is_("appeal", "positive", "actual") and rank(c) > RANK_MEDIA]
    rumours = [c for c in appeals if c.is_("appeal", "positive", "uncertain")
               or (c.is_("appeal", "positive", "actual") and rank(c) == RANK_MEDIA)]
    negative = [c for c in appeals if c.is_("appeal", "negative", "actual")]
    announced = [c for c in appeals if c.event.polarity == "positive"
                 and c.event.modality in ("intended", "conditional")]
    superseded = [n for n in negative if any(_supersedes(p, n) for p in positive)]
    negative = [n for n in negative if n not in superseded and not _other_basis(n, positive)]
    strong_negative = [n for n in negative if rank(n) > RANK_MEDIA]
    finding = AppealFinding("unclear", rumours=rumours, announced=announced,
                            superseded=superseded)

    if positive and strong_negative:
        best_yes = max(rank(c) for c in positive)
        best_no = max(rank(c) for c in strong_negative)
        if best_yes > best_no:
            finding.verdict, finding.supporting, finding.opposing = "made", positive, strong_negative
        elif best_no > best_yes:
            finding.verdict = "denied" if best_no >= OFFICIAL else "not_made"
            finding.supporting, finding.opposing = strong_negative, positive
        else:
            finding.supporting = positive + strong_negative
        return finding
    if positive:
        finding.verdict, finding.supporting = "made", positive
        return finding
    if strong_negative:
        best_no = max(rank(c) for c in strong_negative)
        finding.verdict = "denied" if rumours and best_no >= OFFICIAL else "not_made"
        finding.supporting, finding.opposing = strong_negative, rumours
        return finding
    if rumours:
        finding.verdict, finding.supporting = "reported", rumours
        return finding
    finding.supporting = negative + announced
    return finding


def _other_basis(negative: Claim, positive: list[Claim]) -> bool:
    """"Not under Article 4" says nothing against an appeal under Article 2."""
    said_not = negative.event.basis
    return bool(said_not) and any(
        p.event.basis and not basis_compatible(p.event.basis, said_not) for p in positive)


def _supersedes(positive: Claim, negative: Claim) -> bool:
    """`positive` reports, in a later document, an appeal not dated before the
    document that said there was none."""
    said_none, said_made = negative.doc.published, positive.doc.published
    if said_none is None or said_made is None or said_made <= said_none:
        return False
    period = positive.period
    return period is None or period.end >= said_none
