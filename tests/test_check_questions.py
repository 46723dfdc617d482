"""`check` questions that cannot be answered as asked get a clear error; a
question about a time the record holds nothing for still gets the treaty's
membership findings for that time."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from treatywatch.cli import app
from treatywatch.errors import ConfigError
from treatywatch.serve.answers import Answers
from treatywatch.store import open_store


@pytest.fixture
def answers(tmp_path):
    with Answers(open_store(f"sqlite:///{tmp_path / 'empty.sqlite'}")) as answers:
        yield answers


@pytest.mark.parametrize("state, org", [
    ("Tajikistan", "Таджикистан"), ("TJK", "tjk"), ("Казахстан", "Kazakhstan"),
])
def test_check_the_state_asking_given_as_the_addressee_is_an_error(answers, state, org):
    with pytest.raises(ConfigError, match="the state asking"):
        answers.check(state, org, "2025")


@pytest.mark.parametrize("state", ["CSTO", "ОДКБ", "NATO", "Європейський Союз"])
def test_check_an_organization_given_as_the_state_is_an_error(answers, state):
    with pytest.raises(ConfigError, match="is an organization .*not a state"):
        answers.check(state, "Tajikistan", None)


def test_check_a_date_in_the_future_is_an_error(answers):
    next_year = str(dt.date.today().year + 1)
    with pytest.raises(ConfigError, match="in the future"):
        answers.check("Armenia", "CSTO", next_year)
    assert answers.check("Armenia", "CSTO", str(dt.date.today().year))["appeal"] == "none_found"


@pytest.mark.parametrize("state, org, when, status, words", [
    ("Uzbekistan", "CSTO", "2023", "violation", ["suspended", "2012-06-28"]),
    ("Armenia", "ОДКБ", "2025-03", "warning", ["frozen", "2024-02-22"]),
    ("Kazakhstan", "CSTO", "2022-01", "ok", ["member"]),
    ("Georgia", "CSTO", "2008", "violation", ["not a member", "ended on 1999-04-20"]),
])
def test_check_with_nothing_recorded_still_states_membership_on_that_date(
        answers, state, org, when, status, words):
    result = answers.check(state, org, when)
    assert result["appeal"] == "none_found" and result["case"] is None
    [finding] = [f for f in result["findings"] if f["rule"] == "membership"]
    assert finding["status"] == status
    for word in words:
        assert word in finding["message"]


def test_check_membership_changing_within_the_period_gives_both_ends(answers):
    findings = answers.check("Armenia", "CSTO", "2024")["findings"]
    assert [f["status"] for f in findings] == ["ok", "warning"]


def test_cli_check_errors_and_membership_lines(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    runner = CliRunner()
    same = runner.invoke(app, ["check", "Tajikistan", "--org", "Таджикистан", "--db", db])
    assert same.exit_code == 1 and same.stderr.startswith("Error: 'Таджикистан' is Tajikistan")
    uzb = runner.invoke(app, ["check", "Uzbekistan", "--org", "CSTO", "--when", "2023",
                              "--db", db])
    assert uzb.exit_code == 0
    assert "✗ UZB's membership of CSTO was suspended on 2023-01-01" in uzb.stdout


def test_the_check_answer_explains_itself_in_cli_web_and_api(tmp_path):
    from fastapi.testclient import TestClient

    from serve_fixtures import TAJIKISTAN, TJK_DENIAL, TJK_RUMOUR, open_test_answers
    from treatywatch.serve.app import ServeSettings, create_app

    answers = open_test_answers(tmp_path)
    answers.ingest_record(TAJIKISTAN.record)
    result = answers.check("TJK", "CSTO", "2025-11")
    rows = result["explanation"]["rows"]
    assert [(r["counted"], r["side"], r["source"]) for r in rows] == [
        ("decided", "not_made", "CSTO"), ("outweighed", "reported", "media")]
    assert [(c["n"], c["side"], c["sentence"]) for c in result["evidence"]] == [
        (1, "not_made", TJK_DENIAL), (2, "reported", TJK_RUMOUR)]
    with TestClient(create_app(settings=ServeSettings(), answers=answers)) as client:
        api = client.get("/api/check", params={"state": "TJK", "org": "CSTO", "when": "2025-11"})
        assert api.json()["explanation"]["rows"] == rows
        page = client.get("/check", params={"state": "TJK", "org": "CSTO", "when": "2025-11"}).text
        assert 'id="why"' in page and "outweighed" in page and 'id="cite-2"' in page
    db = answers.store.url
    answers.close()
    out = CliRunner().invoke(app, ["check", "TJK", "--org", "CSTO", "--when", "2025-11",
                                   "--db", db]).stdout
    assert "decided: CSTO (an organization's body) said there was none" in out
    assert "outweighed: media (media) only reported it" in out
    assert out.count("[2] only reported it, outweighed") == 1
