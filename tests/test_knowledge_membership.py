"""Membership answers on the dates that matter (memberships.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from treatywatch.errors import NotFoundError

MEMBERSHIP_CASES = [
    # state, org, date, expected status
    ("UZB", "CSTO", "1995-06-01", "member"),     # an original signatory of the Treaty
    ("UZB", "CSTO", "2001-01-01", "former"),     # did not renew in 1999
    ("UZB", "CSTO", "2010-06-12", "member"),     # came back in 2006
    ("UZB", "CSTO", "2013-01-01", "suspended"),  # suspended in 2012
    ("ARM", "CSTO", "2022-09-13", "member"),
    ("ARM", "CSTO", "2025-03-01", "frozen"),     # froze its participation in 2024
    ("GEO", "CSTO", "1993-01-01", "never"),      # joined in December 1993
    ("GEO", "CSTO", "1998-01-01", "member"),
    ("GEO", "CSTO", "2008-08-08", "former"),
    ("BLR", "CSTO", "2022-01-06", "member"),
    ("FIN", "NATO", "2022-06-01", "never"),
    ("FIN", "NATO", "2024-01-01", "member"),
    ("SWE", "NATO", "2023-12-31", "never"),
    ("SWE", "NATO", "2024-03-07", "member"),
    ("TUR", "NATO", "2012-06-22", "member"),
    ("POL", "NATO", "1998-01-01", "never"),
    ("GBR", "EU", "2019-12-31", "member"),
    ("GBR", "EU", "2020-01-31", "member"),      # its last day
    ("GBR", "EU", "2020-02-01", "former"),
    ("FRA", "EU", "2015-11-17", "member"),
    ("UKR", "NATO", "2022-02-24", "never"),
    ("IRN", "SCO", "2023-07-04", "member"),
]


@pytest.mark.parametrize("state, org, date, expected", MEMBERSHIP_CASES)
def test_knowledge_member_of_on_date(knowledge, state, org, date, expected):
    answer = knowledge.member_of(state, org, date)
    assert answer.status == expected
    assert answer.date == dt.date.fromisoformat(date)
    if expected == "never":
        assert answer.record is None and answer.source is None
    else:
        assert answer.record is not None and answer.record.state == state
        assert answer.source


def test_knowledge_member_of_accepts_date_objects_and_cites_the_record(knowledge):
    answer = knowledge.member_of("UZB", "CSTO", dt.date(2013, 1, 1))
    assert answer.record.period.start == dt.date(2012, 6, 28)
    assert answer.record.file == "memberships.yaml" and answer.record.line > 0
    assert not answer.is_member


def test_knowledge_members_leave_out_frozen_and_suspended(knowledge):
    assert knowledge.members("CSTO", "2022-01-06") == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert knowledge.members("CSTO", "2025-06-01") == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert knowledge.members("CSTO", "2025-06-01", statuses=("member", "frozen")) == [
        "ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert knowledge.members("CSTO", "2011-01-01") == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"]


def test_knowledge_members_count_nato_and_eu_over_time(knowledge):
    assert len(knowledge.members("NATO", "2001-09-12")) == 19
    assert len(knowledge.members("NATO", "2022-02-24")) == 30
    assert len(knowledge.members("NATO", "2024-06-01")) == 32
    assert len(knowledge.members("EU", "2015-11-17")) == 28
    assert len(knowledge.members("EU", "2021-01-01")) == 27


@pytest.mark.parametrize("state, org, problem", [
    ("XXX", "CSTO", "unknown party 'XXX'"),
    ("KAZ", "UN", "memberships of UN are not recorded"),
    ("KAZ", "RUS", "'RUS' is a state, not an organization"),
])
def test_knowledge_member_of_refuses_what_it_cannot_answer(knowledge, state, org, problem):
    with pytest.raises(NotFoundError, match=problem):
        knowledge.member_of(state, org, "2020-01-01")
