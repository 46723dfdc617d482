"""`when` values (ISO 8601 at day, month or year precision) as date intervals."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end

    def gap_to(self, other: "Period") -> int:
        """Days between the two periods; 0 when they overlap."""
        if self.overlaps(other):
            return 0
        if self.end < other.start:
            return (other.start - self.end).days
        return (self.start - other.end).days

    def union(self, other: "Period") -> "Period":
        return Period(min(self.start, other.start), max(self.end, other.end))

    def iso(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def _bounds(text: str) -> Period | None:
    match = _DATE.match(text.strip())
    if not match:
        return None
    year = int(match[1])
    try:
        if match[3]:
            day = dt.date(year, int(match[2]), int(match[3]))
            return Period(day, day)
        if match[2]:
            month = int(match[2])
            last = calendar.monthrange(year, month)[1]
            return Period(dt.date(year, month, 1), dt.date(year, month, last))
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    except ValueError:
        return None


def parse_when(value: str | None) -> Period | None:
    """`2022-01-06`, `2022-01`, `2022`, or an interval `2025-11-20/2025-11-30`;
    None for anything else."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = _bounds(first), _bounds(last)
        if a and b and a.start <= b.end:
            return Period(a.start, b.end)
        return None
    return _bounds(value)


def day_period(day: dt.date) -> Period:
    return Period(day, day)
