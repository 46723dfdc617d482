"""What the overview page counts, in one query over the cases (their summary
columns and, from each verdict, only the contributors)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from sqlalchemy import func, select

from treatywatch.store.models import CaseRow, DocumentRow

UNDATED = ""  # the year of a case without a start date


@dataclass(frozen=True)
class CaseSummary:
    requester: str
    addressee: str
    year: str  # "2022", or UNDATED
    appeal: str
    decision: str | None
    sent: frozenset[str] = frozenset()  # states whose contingents moved (fact)
    pledged: frozenset[str] = frozenset()  # announced, offered or only reported


@dataclass
class RecordCounts:
    cases: int = 0
    documents: int = 0
    by_year: Counter = field(default_factory=Counter)  # (year, addressee) -> cases
    verdicts: Counter = field(default_factory=Counter)  # appeal verdict -> cases
    decisions: Counter = field(default_factory=Counter)  # outcome (None: none) -> cases
    asked: Counter = field(default_factory=Counter)  # state -> cases it asked in
    sent: Counter = field(default_factory=Counter)  # state -> cases it sent contingents in
    pledged: Counter = field(default_factory=Counter)  # state -> cases with pledges only

    @property
    def years(self) -> list[str]:
        """Every year from the first to the last case (empty years too), then UNDATED."""
        dated = sorted({int(y) for y, _ in self.by_year if y != UNDATED})
        years = [str(y) for y in range(dated[0], dated[-1] + 1)] if dated else []
        return years + ([UNDATED] if any(y == UNDATED for y, _ in self.by_year) else [])

    @property
    def addressees(self) -> list[str]:
        """Organizations (and states) asked, the most asked first."""
        totals = Counter()
        for (_, addressee), n in self.by_year.items():
            totals[addressee] += n
        return [a for a, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))]

    @property
    def states(self) -> list[str]:
        return sorted(set(self.asked) | set(self.sent) | set(self.pledged))


def count_record(summaries: Iterable[CaseSummary], documents: int = 0) -> RecordCounts:
    counts = RecordCounts(documents=documents)
    for case in summaries:
        counts.cases += 1
        counts.by_year[(case.year, case.addressee)] += 1
        counts.verdicts[case.appeal] += 1
        counts.decisions[case.decision] += 1
        counts.asked[case.requester] += 1
        for state in case.sent:
            counts.sent[state] += 1
        for state in case.pledged - case.sent:
            counts.pledged[state] += 1
    return counts


def contingents(contributors: Iterable[dict[str, Any]] | None) -> tuple[frozenset[str], frozenset[str]]:
    """(states that sent, states only announced or reported) of a verdict's contributors."""
    sent, pledged = set(), set()
    for c in contributors or []:
        if not isinstance(c, dict) or not c.get("state"):
            continue
        (sent if c.get("status") == "actual" else pledged).add(c["state"])
    return frozenset(sent), frozenset(pledged - sent)


def record_counts(answers: Any) -> RecordCounts:
    answers.refresh()
    query = select(CaseRow.requester, CaseRow.addressee, CaseRow.start, CaseRow.appeal,
                   CaseRow.decision, CaseRow.verdict["contributors"], CaseRow.verdict["bilateral"])
    with answers.store.session() as session:
        documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
        summaries = []
        for requester, addressee, start, appeal, decision, contributors, bilateral in session.execute(query):
            sent, pledged = contingents([*(contributors or []), *(bilateral or [])])
            summaries.append(CaseSummary(requester, addressee, str(start.year) if start else UNDATED,
                                         appeal, decision, sent, pledged))
    return count_record(summaries, documents)
