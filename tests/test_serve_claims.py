"""Judging a claimed event against the record's verdict."""

from __future__ import annotations

import pytest

from treatywatch.model import Event
from treatywatch.serve.claims import check_claim


def record(**fields):
    base = {"appeal": "none_found", "decision": None, "contributors": [], "evidence": []}
    return {**base, **fields}


def asked_with(result):
    asked = []

    def check(state, org, when):
        asked.append((state, org, when))
        return result

    return check, asked


@pytest.mark.parametrize("polarity, appeal, judgement, reason", [
    ("positive", "made", "confirms", "appeal_made"),
    ("negative", "made", "contradicts", "appeal_made"),
    ("positive", "denied", "contradicts", "appeal_denied"),
    ("negative", "denied", "confirms", "appeal_denied"),
    ("positive", "not_made", "contradicts", "appeal_not_made"),
    ("positive", "reported", "cannot_judge", "appeal_reported"),
    ("positive", "unclear", "cannot_judge", "appeal_unclear"),
    ("positive", "none_found", "cannot_judge", "nothing_found"),
])
def test_claims_appeal(polarity, appeal, judgement, reason):
    check, asked = asked_with(record(appeal=appeal))
    event = Event("appeal", "TJK", "CSTO", polarity=polarity, when="2025-11")
    result = check_claim("…", [event], check)
    assert (result.judgement, result.reason) == (judgement, reason)
    assert asked == [("TJK", "CSTO", "2025-11")]


def test_claims_date_from_the_form_when_the_sentence_has_none():
    check, asked = asked_with(record(appeal="made"))
    check_claim("…", [Event("appeal", "KAZ", "CSTO")], check, when="2022-01")
    assert asked == [("KAZ", "CSTO", "2022-01")]


@pytest.mark.parametrize("outcome, claimed, polarity, judgement", [
    ("deploy", "deploy", "positive", "confirms"),
    ("mission", "deploy", "positive", "contradicts"),
    ("mission", "deploy", "negative", "confirms"),
    (None, "deploy", "positive", "cannot_judge"),
])
def test_claims_decision(outcome, claimed, polarity, judgement):
    decision = {"outcome": outcome} if outcome else None
    check, asked = asked_with(record(appeal="made", decision=decision))
    event = Event("decision", "CSTO", "ARM", polarity=polarity, outcome=claimed, when="2022-09")
    assert check_claim("…", [event], check).judgement == judgement
    assert asked == [("ARM", "CSTO", "2022-09")]


def test_claims_deployment_is_judged_by_the_contributors():
    check, asked = asked_with(record(appeal="made", contributors=[{"state": "RUS", "size": 3000}]))
    sent = Event("deployment", "RUS", "KAZ", via="CSTO", when="2022-01")
    assert check_claim("…", [sent], check).judgement == "confirms"
    absent = Event("deployment", "UZB", "KAZ", via="CSTO", when="2022-01")
    assert check_claim("…", [absent], check).judgement == "cannot_judge"
    assert asked[0] == ("KAZ", "CSTO", "2022-01")


@pytest.mark.parametrize("events, reason", [
    ([], "no_event"),
    ([Event("offer", "RUS", "TJK")], "unsupported_type"),
    ([Event("appeal", "TJK", None)], "no_parties"),
    ([Event("deployment", "RUS", "KAZ")], "no_parties"),  # no mandate: whose verdict?
])
def test_claims_that_cannot_be_asked(events, reason):
    check, asked = asked_with(record())
    result = check_claim("…", events, check)
    assert (result.judgement, result.reason) == ("cannot_judge", reason)
    assert asked == []


def test_claims_prefer_the_appeal_among_several_events():
    check, asked = asked_with(record(appeal="denied"))
    events = [Event("offer", "RUS", "TJK"), Event("appeal", "TJK", "CSTO")]
    result = check_claim("…", events, check)
    assert result.event.type == "appeal" and result.judgement == "contradicts"
    assert result.to_json()["claimed_event"]["actor"] == "TJK"
