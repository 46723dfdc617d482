"""Which case answers `check STATE --org ORG --when PERIOD`."""

from __future__ import annotations

import datetime as dt
from collections import namedtuple

import pytest

from treatywatch.reason.periods import parse_when
from treatywatch.serve.answers import _choose_case

Row = namedtuple("Row", "id start end documents")
D = dt.date

ROWS = [
    Row("TJK-CSTO-2021-06", D(2021, 6, 1), D(2021, 9, 16), 3),
    Row("TJK-CSTO-2025-11", D(2025, 10, 3), D(2025, 12, 24), 4),
    Row("TJK-CSTO-2025-12", D(2025, 12, 20), D(2025, 12, 31), 1),
    Row("TJK-CSTO-undated", None, None, 1),
]


@pytest.mark.parametrize("when, chosen", [
    ("2025-11", "TJK-CSTO-2025-11"),        # the one that overlaps
    ("2025-12", "TJK-CSTO-2025-11"),        # both overlap: the longer shared stretch wins
    ("2025-12-30", "TJK-CSTO-2025-12"),
    ("2021", "TJK-CSTO-2021-06"),
    ("2021-10-10", "TJK-CSTO-2021-06"),     # within a month of a case
    ("2023-05", "TJK-CSTO-undated"),        # nothing near: the undated reports, if any
    (None, "TJK-CSTO-2025-12"),             # no time asked: the latest
])
def test_store_check_chooses_the_case_covering_the_time(when, chosen):
    assert _choose_case(ROWS, parse_when(when) if when else None) == chosen


def test_store_check_without_a_near_case_chooses_none():
    assert _choose_case(ROWS[:3], parse_when("2023-05")) is None
    assert _choose_case([], parse_when("2023-05")) is None
