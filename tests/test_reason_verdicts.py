"""Verdicts from weighed sources: appeal, basis, decision, contributors, conflicts."""

from __future__ import annotations

import pytest

from record_fixtures import ORGS, claim
from treatywatch.reason.appeal import judge_appeal
from treatywatch.reason.response import judge_basis, judge_contributors, judge_decision

RUMOUR = dict(modality="uncertain", source="media")


def appeal_of(*claims):
    return judge_appeal(list(claims), ORGS).verdict


@pytest.mark.parametrize("claims, verdict", [
    ([], "none_found"),
    ([("a", "2022-01-06", dict(source="KAZ", when="2022-01-05"))], "made"),
    ([("a", "2022-01-06", dict(source=None))], "made"),
    ([("a", "2025-12-02", RUMOUR)], "reported"),
    ([("a", "2025-12-02", dict(modality="actual", source="media"))], "reported"),
    # an official denial weighs more than earlier rumours
    ([("a", "2025-12-02", RUMOUR),
      ("b", "2025-12-23", dict(polarity="negative", source="CSTO"))], "denied"),
    # ... and more than rumours printed after it
    ([("b", "2025-12-23", dict(polarity="negative", source="CSTO")),
      ("c", "2025-12-28", RUMOUR)], "denied"),
    ([("a", "2024-08-15", dict(polarity="negative", source="CSTO"))], "not_made"),
    ([("a", "2024-08-15", dict(polarity="negative", source=None))], "not_made"),
    ([("a", "2024-08-15", dict(polarity="negative", source="media"))], "unclear"),
    ([("a", "2012-11-20", dict(modality="intended", source="TUR"))], "unclear"),
    # the party itself outweighs the text's own voice, and the reverse
    ([("a", "2021-07-08", dict(source="TJK", when="2021-07-07")),
      ("b", "2021-07-20", dict(polarity="negative", source=None))], "made"),
    ([("a", "2021-07-08", dict(source="RUS")),
      ("b", "2021-07-08", dict(polarity="negative", source="TJK"))], "denied"),
    # equal official voices disagree
    ([("a", "2021-07-08", dict(source="TJK", when="2021-07-07")),
      ("b", "2021-07-08", dict(polarity="negative", source="TJK"))], "unclear"),
])
def test_reason_appeal_verdict(claims, verdict):
    built = [claim(doc, published, "appeal", "TJK", "CSTO", **fields)
             for doc, published, fields in claims]
    assert appeal_of(*built) == verdict


def test_reason_not_yet_asked_is_superseded_by_a_later_report_of_the_appeal():
    not_yet = claim("d014", "2012-11-20", "appeal", "TUR", "NATO", polarity="negative", source="TUR")
    asked = claim("d011", "2013-01-28", "appeal", "TUR", "NATO", when="2012-11")
    finding = judge_appeal([not_yet, asked], ORGS)
    assert (finding.verdict, finding.superseded) == ("made", [not_yet])
    # the same report printed before the statement supersedes nothing
    earlier = claim("x", "2012-11-10", "appeal", "TUR", "NATO", when="2012-11")
    assert judge_appeal([not_yet, earlier], ORGS).verdict == "denied"


def test_reason_not_under_article_4_does_not_deny_an_appeal_under_article_2():
    under_2 = claim("d016", "2021-05-14", "appeal", "ARM", "CSTO", source="ARM", when="2021-05",
                    basis="CST-2")
    not_4 = claim("d016", "2021-05-14", "appeal", "ARM", "CSTO", polarity="negative",
                  source="ARM", basis="CST-4")
    assert appeal_of(under_2, not_4) == "made"
    assert appeal_of(claim("x", "2021-05-14", "appeal", "ARM", "CSTO", source="ARM",
                           basis="CST-4"), not_4) == "unclear"


def test_reason_basis_conflict_article_2_or_4_is_shown_with_its_sources():
    claims = [
        claim("yerevan", "2022-09-14", "appeal", "ARM", "CSTO", source="ARM", basis="CST-4"),
        claim("wire", "2022-09-14", "appeal", "ARM", "CSTO", source="media", basis="CST-2"),
        claim("council", "2022-09-14", "decision", "CSTO", "ARM", source="CSTO", basis="CST"),
    ]
    basis, conflicts = judge_basis(claims, ORGS)
    assert basis == "CST-4"
    [conflict] = conflicts
    assert conflict["field"] == "basis"
    assert [(side["value"], [e["doc"] for e in side["evidence"]]) for side in conflict["values"]] \
        == [("CST-4", ["yerevan"]), ("CST-2", ["wire"])]


def test_reason_bare_treaty_agrees_with_its_article():
    claims = [claim("a", "2022-01-06", "appeal", "KAZ", "CSTO", source="KAZ", basis="CST"),
              claim("b", "2022-01-07", "decision", "CSTO", "KAZ", source="CSTO", basis="CST-4")]
    assert judge_basis(claims, ORGS) == ("CST-4", [])


def test_reason_equally_sourced_articles_leave_the_basis_open():
    claims = [claim("a", "2022-09-14", "appeal", "ARM", "CSTO", source="ARM", basis="CST-4"),
              claim("b", "2022-09-14", "appeal", "ARM", "CSTO", source="ARM", basis="CST-2")]
    basis, conflicts = judge_basis(claims, ORGS)
    assert basis == "CST" and len(conflicts) == 1
    claims[1] = claim("b", "2022-09-14", "appeal", "ARM", "CSTO", source="ARM", basis="NATO-4")
    assert judge_basis(claims, ORGS)[0] is None


def test_reason_decision_prefers_the_specific_outcome_and_reports_disagreement():
    grant = claim("a", "2022-01-06", "decision", "CSTO", "KAZ", source="CSTO", outcome="grant")
    deploy = claim("b", "2022-01-07", "decision", "CSTO", "KAZ", source="CSTO", outcome="deploy",
                   when="2022-01-06", basis="CST-4")
    decision, conflicts = judge_decision([grant, deploy], "CSTO", ORGS, None)
    assert (decision["outcome"], decision["when"], decision["basis"], conflicts) == \
        ("deploy", "2022-01-06", "CST-4", [])
    decline = claim("c", "2022-01-07", "decision", "CSTO", "KAZ", source="media", outcome="decline")
    decision, conflicts = judge_decision([grant, deploy, decline], "CSTO", ORGS, None)
    assert decision["outcome"] == "deploy"
    assert [side["value"] for side in conflicts[0]["values"]] == ["deploy", "grant", "decline"]


def test_reason_a_states_own_decision_is_not_the_organizations():
    national = claim("a", "2022-01-07", "decision", "KGZ", "KAZ", outcome="deploy")
    assert judge_decision([national], "CSTO", ORGS, None) == (None, [])


def test_reason_contributors_with_status_size_and_size_conflicts():
    claims = [
        claim("s1", "2022-01-06", "deployment", "ARM", "KAZ", via="CSTO", source="media", size=70),
        claim("d2", "2022-01-07", "deployment", "ARM", "KAZ", via="CSTO", source="ARM", size=100),
        claim("s1", "2022-01-06", "deployment", "TJK", "KAZ", via="CSTO", source="TJK",
              modality="intended", size=70),
        claim("d2", "2022-01-07", "deployment", "TJK", "KAZ", via="CSTO", **RUMOUR, size=200),
        claim("d2", "2022-01-07", "decision", "KGZ", "KAZ", outcome="deploy"),
        claim("d2", "2022-01-07", "deployment", "KGZ", "KAZ", via="CSTO", modality="intended",
              size=150),
        claim("d4", "2022-01-20", "withdrawal", "BLR", "KAZ", via="CSTO", when="2022-01-14"),
        claim("r", "2022-01-08", "deployment", "UZB", "KAZ", via="CSTO", **RUMOUR),
        claim("d1", "2022-01-06", "deployment", "CSTO", "KAZ", via="CSTO", source="CSTO",
              size=2500),
        claim("d4", "2022-01-20", "deployment", "CSTO", "KAZ", via="CSTO", size=2000),
    ]
    contributors, force, conflicts = judge_contributors(claims, "CSTO", ORGS)
    assert [(c["state"], c["size"], c["status"]) for c in contributors] == [
        ("ARM", 100, "actual"), ("BLR", None, "actual"), ("KGZ", 150, "intended"),
        ("TJK", 70, "intended"), ("UZB", None, "uncertain")]
    assert contributors[1]["withdrawn"] == "2022-01-14"
    assert (force["size"], force["status"]) == (2500, "actual")
    assert {(c["subject"], tuple(side["value"] for side in c["values"])) for c in conflicts} == {
        ("ARM", (100, 70)), ("TJK", (70, 200)), ("CSTO", (2500, 2000))}


def test_reason_in_a_bilateral_case_the_addressees_troops_are_contributors():
    claims = [claim("a", "2010-06-13", "deployment", "RUS", "KGZ", size=150)]
    contributors, force, _ = judge_contributors(claims, "RUS", ORGS)
    assert ([c["state"] for c in contributors], force) == (["RUS"], None)
