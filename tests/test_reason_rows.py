"""One row per event across documents, dated and undated apart; undated reports
attach to the one episode they fit, or are listed as 'may belong here'; the
appeal verdict explains itself with rows and each citation once with its side."""

from __future__ import annotations

import datetime as dt

from record_fixtures import ORGS, claim
from treatywatch.model import Evidence
from treatywatch.reason.appeal import judge_appeal
from treatywatch.reason.cases import build_cases
from treatywatch.reason.episodes import group_episodes
from treatywatch.reason.explain import citations, explanation
from treatywatch.reason.rows import event_rows


def _cited(c, sentence, start=0):
    c.event.evidence.append(Evidence(c.doc.id, start, start + len(sentence), sentence))
    return c


def _role(c):
    return c.event.type


def test_the_same_event_in_many_reports_is_one_row_with_its_sources():
    claims = [
        _cited(claim("wire", "2022-01-06", "appeal", "KAZ", "CSTO", source="KAZ",
                     when="2022-01-05"), "Tokayev asked the CSTO for help."),
        _cited(claim("paper", "2022-01-07", "appeal", "KAZ", "CSTO", when="2022-01"),
               "Kazakhstan turned to the bloc this month."),
        _cited(claim("blog", "2022-01-08", "appeal", "KAZ", "CSTO", source="KAZ",
                     when="2022-01-05"), "Tokayev asked the CSTO for help."),
        claim("tv", "2022-01-09", "appeal", "KAZ", "CSTO"),  # undated: the one row of its kind
        _cited(claim("wire", "2022-01-06", "deployment", "RUS", "KAZ", via="CSTO",
                     when="2022-01-06"), "Russian paratroopers landed."),
        _cited(claim("paper", "2022-01-07", "deployment", "RUS", "KAZ", via="CSTO",
                     when="2022-01-12"), "More Russian units arrived on Wednesday."),
    ]
    rows, undated = event_rows(claims, ORGS, _role, set())
    assert undated == []
    appeal = next(r for r in rows if r["type"] == "appeal")
    assert (appeal["when"], appeal["documents"], appeal["source"]) == ("2022-01-05", 4, "KAZ")
    assert appeal["outlets"] == ["blog", "paper", "tv", "wire"]
    # the same sentence in two documents is cited for each; one sentence is never cited twice
    assert len(appeal["evidence"]) == len({(e["doc"], e["sentence"]) for e in appeal["evidence"]})
    assert [r["when"] for r in rows if r["type"] == "deployment"] == ["2022-01-06", "2022-01-12"]
    assert rows == sorted(rows, key=lambda r: r["when"])


def test_undated_items_are_kept_apart_and_labels_are_one_status():
    claims = [
        claim("a", "2022-01-06", "deployment", "ARM", "KAZ", via="CSTO", when="2022-01-06"),
        claim("b", "2022-01-07", "deployment", "ARM", "KAZ", via="CSTO", when="2022-01-09"),
        claim("c", "2022-01-08", "deployment", "ARM", "KAZ", via="CSTO"),  # which of the two?
        claim("c", "2022-01-08", "deployment", "BLR", "KAZ", via="CSTO", modality="intended"),
    ]
    rows, undated = event_rows(claims, ORGS, _role, set())
    assert [r["when"] for r in rows] == ["2022-01-06", "2022-01-09"]
    assert {(r["actor"], r["status"]) for r in undated} == {("ARM", "positive_actual"),
                                                            ("BLR", "positive_intended")}
    assert all(r["when"] is None for r in undated)


def test_an_undated_report_joins_the_one_episode_its_facts_fit():
    dated = [claim("a", "2012-11-22", "appeal", "TUR", "NATO", source="TUR", when="2012-11-21"),
             claim("b", "2020-02-28", "consultation", "NATO", "TUR", when="2020-02-28")]
    undated = claim("c", None, "appeal", "TUR", "NATO", source="TUR")
    episodes = group_episodes(dated + [undated], ORGS)
    assert len(episodes) == 2
    home = next(e for e in episodes if undated in e.claims)
    assert home.dated.start.year == 2012 and not any(e.maybe for e in episodes)


def test_an_undated_report_that_fits_two_episodes_is_listed_with_each_not_a_case(knowledge):
    dated = [claim("a", "2012-11-22", "appeal", "TUR", "NATO", source="TUR", when="2012-11-21"),
             claim("b", "2020-02-28", "appeal", "TUR", "NATO", source="TUR", when="2020-02-28")]
    undated = claim("c", None, "appeal", "TUR", "NATO", source="TUR")
    cases = build_cases(dated + [undated], knowledge)
    assert [c.id for c in cases] == ["TUR-NATO-2012-11", "TUR-NATO-2020-02"]
    for case in cases:
        assert undated.id not in case.event_ids
        assert [r["events"] for r in case.verdict["maybe"]] == [[undated.id]]
        assert case.verdict["appeal"] == "made"


def test_two_episodes_of_one_pair_in_one_document_stay_apart(knowledge):
    one_doc = [
        claim("history", "2020-02-29", "decision", "NATO", "TUR", source="NATO",
              when="2012-12-04", outcome="deploy"),
        claim("history", "2020-02-29", "appeal", "TUR", "NATO", source="TUR",
              when="2012-11-21"),
        claim("history", "2020-02-29", "appeal", "TUR", "NATO", source="TUR",
              when="2020-02-28", basis="NATO-4"),
    ]
    cases = build_cases(one_doc, knowledge)
    assert [(c.id, c.verdict["basis"]) for c in cases] == [("TUR-NATO-2012-11", None),
                                                          ("TUR-NATO-2020-02", "NATO-4")]


def test_the_verdict_explains_itself_with_sides_and_each_citation_once():
    denial = "The CSTO said Tajikistan had not asked for help, denying reports that it had."
    claims = [
        _cited(claim("d1", "2025-12-02", "appeal", "TJK", "CSTO", polarity="negative",
                     source="CSTO", when="2025-11"), denial),
        # the same sentence read as the rumour it denies
        _cited(claim("d1", "2025-12-02", "appeal", "TJK", "CSTO", modality="uncertain",
                     source="media", when="2025-11"), denial),
        _cited(claim("d2", "2025-11-30", "appeal", "TJK", "CSTO", modality="uncertain",
                     source="media", when="2025-11"), "Telegram channels wrote Dushanbe asked for troops."),
    ]
    appeal = judge_appeal(claims, ORGS)
    assert appeal.verdict == "denied"
    cited = citations(claims, appeal, ORGS, _role)
    assert [c["sentence"] for c in cited].count(denial) == 1
    first = cited[0]
    assert (first["side"], first["counted"], first["n"]) == ("not_made", "decided", 1)
    assert first["also"] == [claims[1].id]
    rows = explanation(claims, appeal, ORGS, cited)["rows"]
    assert [(r["side"], r["counted"], r["source"]) for r in rows] == [
        ("not_made", "decided", "CSTO"), ("reported", "outweighed", "media")]
    assert "outweighed" in rows[1]["why"] and rows[1]["citations"] == [1, 2]
    assert rows[1]["outlets"] == ["d1", "d2"]


def test_the_kaz_case_of_the_samples_is_merged_rows_with_folded_evidence(tmp_path, extractor):
    """Without a browser: the page of the KAZ 2022 case built from our samples lists
    one row per event (no two rows of the same event), each with its evidence folded."""
    from pathlib import Path

    from fastapi.testclient import TestClient

    from treatywatch.ingest import read_documents
    from treatywatch.model import Doc
    from treatywatch.serve.answers import Answers
    from treatywatch.serve.app import ServeSettings, create_app
    from treatywatch.store import open_store

    samples = Path(__file__).resolve().parents[1] / "samples"
    answers = Answers(open_store(f"sqlite:///{tmp_path / 'samples.sqlite'}"))
    for doc in read_documents([str(samples)]):
        if isinstance(doc, Doc):
            answers.store.ingest(doc, extractor)
    answers.store.refresh_cases()
    case = answers.get_case("KAZ-CSTO-2022-01")
    rows = case["timeline"] + case["verdict"]["undated"]
    kinds = [(r["type"], r["actor"], r["target"], r["polarity"], r["modality"], r["when"])
             for r in rows]
    assert len(kinds) == len(set(kinds)) and len(rows) <= 14
    assert case["events"] > len(rows) or any(r["documents"] > 1 for r in rows)
    with TestClient(create_app(settings=ServeSettings(), answers=answers)) as client:
        html = client.get("/cases/KAZ-CSTO-2022-01").text
    assert html.count('<details class="sources">') == len(rows)
    assert html.count("<blockquote") == sum(len(r["evidence"]) for r in rows) + \
        sum(len(v["evidence"]) for c in case["verdict"]["conflicts"] for v in c["values"])
    answers.close()


def test_reports_a_day_apart_are_one_event_and_days_further_apart_are_two():
    claims = [
        claim("moscow", "2022-01-06", "appeal", "KAZ", "CSTO", source="KAZ", when="2022-01-05"),
        claim("almaty", "2022-01-07", "appeal", "KAZ", "CSTO", source="KAZ", when="2022-01-06"),
        claim("later", "2022-01-10", "appeal", "KAZ", "CSTO", source="KAZ"),  # joins the one row
        claim("moscow", "2022-01-06", "withdrawal", "CSTO", "KAZ", when="2022-01-13"),
        claim("almaty", "2022-01-20", "withdrawal", "CSTO", "KAZ", when="2022-01-19"),
    ]
    rows, undated = event_rows(claims, ORGS, _role, set())
    assert [(r["type"], r["when"], r["documents"]) for r in rows] == [
        ("appeal", "2022-01-05", 3), ("withdrawal", "2022-01-13", 1),
        ("withdrawal", "2022-01-19", 1)]
    assert undated == []
