"""Treaty findings per case, with the facts from the knowledge files."""

from __future__ import annotations

import pytest

from record_fixtures import claim
from treatywatch.model import Evidence
from treatywatch.reason.cases import build_cases


def findings_of(knowledge, *claims) -> dict[str, dict]:
    [case] = build_cases(list(claims), knowledge)
    return {f["rule"]: f for f in case.verdict["findings"]}


@pytest.mark.parametrize("state, when, status, words", [
    ("KAZ", "2022-01-05", "ok", "KAZ was a member of CSTO on 2022-01-05"),
    ("ARM", "2025-03-10", "warning", "ARM had frozen its participation in CSTO"),
    ("UZB", "2013-05-10", "violation", "UZB's membership of CSTO was suspended"),
    ("AZE", "2020-10-01", "violation", "AZE was not a member of CSTO on 2020-10-01"),
])
def test_reason_requester_membership_on_the_date(knowledge, state, when, status, words):
    found = findings_of(knowledge, claim("a", when, "appeal", state, "CSTO", when=when,
                                         source=state))
    assert found["membership"]["status"] == status
    assert words in found["membership"]["message"]


def test_reason_bilateral_cases_have_no_treaty_findings(knowledge):
    assert findings_of(knowledge, claim("a", "2022-09-14", "appeal", "ARM", "RUS",
                                        when="2022-09-13", source="ARM")) == {}


def test_reason_appeal_made_by_someone_who_speaks_for_the_state(knowledge):
    reported = claim("a", "2022-01-06", "appeal", "KAZ", "CSTO", when="2022-01-05", source="RUS")
    assert findings_of(knowledge, reported)["appeal_authority"]["status"] == "unknown"
    reported.event.evidence.append(Evidence("a", 0, 60, "Президент Касым-Жомарт Токаев "
                                                        "обратился к главам государств ОДКБ."))
    found = findings_of(knowledge, reported)["appeal_authority"]
    assert found["status"] == "ok" and "Kassym-Jomart Tokayev" in found["message"]
    own = claim("b", "2022-01-06", "appeal", "KAZ", "CSTO", when="2022-01-05", source="KAZ")
    assert findings_of(knowledge, own)["appeal_authority"]["status"] == "ok"


def test_reason_decision_must_precede_deployments(knowledge):
    appeal = claim("a", "2022-01-06", "appeal", "KAZ", "CSTO", when="2022-01-05", source="KAZ")
    early = claim("b", "2022-01-06", "deployment", "RUS", "KAZ", when="2022-01-04", via="CSTO")
    decision = claim("c", "2022-01-07", "decision", "CSTO", "KAZ", when="2022-01-06",
                     source="CSTO", outcome="deploy")
    late = claim("d", "2022-01-07", "deployment", "RUS", "KAZ", when="2022-01-07", via="CSTO")
    assert findings_of(knowledge, appeal, decision, late)["decision_first"]["status"] == "ok"
    assert findings_of(knowledge, appeal, decision, early)["decision_first"]["status"] == "violation"
    assert findings_of(knowledge, appeal, late)["decision_first"]["status"] == "violation"


def test_reason_contributors_outside_the_organization_are_flagged(knowledge):
    appeal = claim("a", "2022-01-06", "appeal", "KAZ", "CSTO", when="2022-01-05", source="KAZ")
    members = claim("b", "2022-01-07", "deployment", "BLR", "KAZ", when="2022-01-07", via="CSTO")
    outsider = claim("c", "2022-01-07", "deployment", "UZB", "KAZ", when="2022-01-07", via="CSTO")
    assert findings_of(knowledge, appeal, members)["contributors_members"]["status"] == "ok"
    found = findings_of(knowledge, appeal, members, outsider)["contributors_members"]
    assert found["status"] == "warning" and found["message"].startswith("UZB contributed")
