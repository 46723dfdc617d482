"""Events of many documents merged into episodes (requester, addressee, time)."""

from __future__ import annotations

import datetime as dt

import pytest

from record_fixtures import ORGS, claim
from treatywatch.reason.episodes import group_episodes
from treatywatch.reason.periods import Period, parse_when

def shape(episodes) -> list[tuple[str, str, list[str]]]:
    return [(e.requester, e.addressee, sorted(c.doc.id for c in e.claims)) for e in episodes]


@pytest.mark.parametrize("value, start, end", [
    ("2022-01-06", "2022-01-06", "2022-01-06"),
    ("2022-02", "2022-02-01", "2022-02-28"),
    ("2024", "2024-01-01", "2024-12-31"),
    ("2025-11-20/2025-11-30", "2025-11-20", "2025-11-30"),
])
def test_reason_when_values_become_periods(value, start, end):
    assert parse_when(value) == Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize("value", [None, "", "late November", "2022-13", "2022-02-30", "2025-12/2025-01"])
def test_reason_unreadable_when_is_no_period(value):
    assert parse_when(value) is None


def test_reason_parties_and_roles_key_the_episode():
    episodes = group_episodes([
        claim("a", "2022-01-07", "appeal", "KAZ", "CSTO", when="2022-01-05"),
        claim("b", "2022-01-07", "decision", "CSTO", "KAZ", when="2022-01-06", outcome="deploy"),
        claim("c", "2022-01-08", "deployment", "RUS", "KAZ", when="2022-01-06", via="CSTO"),
        claim("d", "2022-01-08", "consultation", "CSTO", "KAZ", when="2022-01-06"),
        claim("e", "2022-01-08", "appeal", "KAZ", "RUS", when="2022-01-05"),
        claim("f", "2022-01-08", "appeal", "CSTO", "UN", when="2022-01-05"),  # not a state
        claim("g", "2022-01-08", "appeal", None, "CSTO", when="2022-01-05"),
    ], ORGS)
    assert shape(episodes) == [("KAZ", "CSTO", ["a", "b", "c", "d"]), ("KAZ", "RUS", ["e"])]


def test_reason_years_apart_are_distinct_episodes_but_a_new_year_does_not_split_one():
    episodes = group_episodes([
        claim("a", "2021-05-14", "appeal", "ARM", "CSTO", when="2021-05", basis="CST-2"),
        claim("b", "2022-09-14", "appeal", "ARM", "CSTO", when="2022-09-13"),
        claim("c", "2012-11-25", "appeal", "TUR", "NATO", when="2012-11"),
        claim("d", "2013-01-28", "deployment", "USA", "TUR", when="2013-01", via="NATO"),
    ], ORGS)
    assert shape(episodes) == [("ARM", "CSTO", ["a"]), ("ARM", "CSTO", ["b"]),
                               ("TUR", "NATO", ["c", "d"])]


def test_reason_undated_events_join_by_the_date_of_their_report():
    episodes = group_episodes([
        claim("old", "2021-07-08", "appeal", "TJK", "CSTO", when="2021-07-07"),
        claim("rumour", "2025-12-02", "appeal", "TJK", "CSTO", modality="uncertain", source="media"),
        claim("denial", "2025-12-23", "appeal", "TJK", "CSTO", polarity="negative", source="CSTO"),
        claim("late", "2021-07-20", "appeal", "TJK", "CSTO", polarity="negative"),
    ], ORGS)
    assert shape(episodes) == [("TJK", "CSTO", ["late", "old"]),
                               ("TJK", "CSTO", ["denial", "rumour"])]
    assert episodes[1].dated is None
    assert episodes[1].period == Period(dt.date(2025, 10, 3), dt.date(2025, 12, 23))


def test_reason_undated_document_joins_the_episode_it_resembles():
    episodes = group_episodes([
        claim("2021", "2021-07-08", "appeal", "TJK", "CSTO", when="2021-07-07"),
        claim("2025a", "2025-12-23", "appeal", "TJK", "CSTO", polarity="negative", source="CSTO"),
        claim("2025a", "2025-12-23", "appeal", "TJK", "CSTO", modality="uncertain", source="media"),
        claim("nodate", None, "appeal", "TJK", "CSTO", polarity="negative", source="CSTO"),
        claim("nodate", None, "appeal", "TJK", "CSTO", modality="uncertain", source="media"),
        claim("alone", None, "offer", "RUS", "UZB", modality="conditional"),
    ], ORGS)
    assert shape(episodes) == [("TJK", "CSTO", ["2021"]),
                               ("TJK", "CSTO", ["2025a", "2025a", "nodate", "nodate"]),
                               ("UZB", "RUS", ["alone"])]
    assert episodes[2].period is None


def test_reason_national_contribution_joins_the_organizations_operation():
    episodes = group_episodes([
        claim("a", "2022-01-07", "appeal", "KAZ", "CSTO", when="2022-01-05"),
        claim("b", "2022-01-07", "decision", "KGZ", "KAZ", when="2022-01-07", outcome="deploy"),
        claim("c", "2010-06-12", "appeal", "KGZ", "RUS", when="2010-06-12"),
        claim("d", "2010-06-13", "deployment", "RUS", "KGZ", when="2010-06-13"),
        claim("e", "2010-06-18", "decision", "CSTO", "KGZ", when="2010-06", outcome="decline"),
    ], ORGS)
    # Kyrgyzstan's parliament approving its contingent belongs to the CSTO operation;
    # Russia's battalion answered Kyrgyzstan's appeal to Russia and stays there.
    assert shape(episodes) == [("KAZ", "CSTO", ["a", "b"]), ("KGZ", "CSTO", ["e"]),
                               ("KGZ", "RUS", ["c", "d"])]
