"""`treatywatch extract` and `treatywatch eval`: output, exit codes, exact error lines."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

import treatywatch.extract
from treatywatch.cli import app
from treatywatch.model import Event, Evidence

STORY = "ЕРЕВАН, 14 мая 2021.\n\nПарламент одобрил новый закон об образовании.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "s1.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


class FakeExtractor:
    """Stands in for the real extractor: one appeal for s1.txt, nothing elsewhere."""

    built = 0

    def __init__(self):
        FakeExtractor.built += 1

    def __call__(self, doc):
        if doc.id == "s1.txt":
            sentence = doc.block_text(doc.readable_blocks()[-1])
            doc.events = [Event("appeal", "ARM", "CSTO", source="ARM", when="2021-05-13",
                                evidence=[Evidence(doc.id, 0, len(sentence), sentence)], confidence=0.9)]
        return doc


@pytest.fixture
def fake_extractor(monkeypatch):
    FakeExtractor.built = 0
    monkeypatch.setattr(treatywatch.extract, "Extractor", FakeExtractor)
    return FakeExtractor


def test_cli_extract_prints_spec_jsonl(runner, story, fake_extractor):
    result = runner.invoke(app, ["extract", str(story)])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert list(record) == ["doc", "lang", "events"]
    assert (record["doc"], record["lang"]) == ("s1.txt", "ru")
    event = record["events"][0]
    assert list(event)[:12] == ["type", "actor", "target", "polarity", "modality", "source", "when",
                                "assistance", "basis", "outcome", "size", "via"]
    assert event["evidence"][0]["sentence"] == "Парламент одобрил новый закон об образовании."


def test_cli_extract_reports_a_failed_document_and_goes_on(runner, story, tmp_path, fake_extractor):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(missing), str(story), str(empty)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {missing}: no such file or directory",
        f"Error: {empty}: file is empty",
    ]
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["s1.txt"]
    assert fake_extractor.built == 1


def test_cli_extract_reads_stdin(runner, fake_extractor):
    result = runner.invoke(app, ["extract", "-"], input="The harbour reopened on Monday.\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"doc": "<stdin>", "lang": "en", "events": []}


def test_cli_extract_bad_date_is_a_usage_error(runner, story):
    result = runner.invoke(app, ["extract", "--date", "2022-13-01", str(story)])
    assert result.exit_code == 2
    message = " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.stderr).split())
    assert "Invalid value for '--date': '2022-13-01' is not a date; write it as YYYY-MM-DD" in message


def test_cli_extract_date_option_resolves_undated_documents(runner, tmp_path, monkeypatch):
    seen = []

    class Recorder:
        def __call__(self, doc):
            seen.append(doc.published.isoformat() if doc.published else None)
            return doc

    monkeypatch.setattr(treatywatch.extract, "Extractor", Recorder)
    path = tmp_path / "undated.txt"
    path.write_text("The harbour reopened on Monday.\n")
    result = runner.invoke(app, ["extract", "--date", "2022-01-07", str(path)])
    assert result.exit_code == 0, result.output
    assert seen == ["2022-01-07"]


def test_cli_extract_max_bytes_is_applied(runner, story, fake_extractor):
    result = runner.invoke(app, ["extract", "--max-bytes", "10", str(story)])
    assert result.exit_code == 1
    size = story.stat().st_size
    assert result.stderr.strip() == (
        f"Error: {story}: is {size:,} bytes, over the limit of 10 bytes (raise it with --max-bytes)")


def test_cli_extract_table_format(runner, story, fake_extractor):
    result = runner.invoke(app, ["extract", "--format", "table", str(story)])
    assert result.exit_code == 0, result.output
    assert "appeal" in result.stdout and "CSTO" in result.stdout
    bad = runner.invoke(app, ["extract", "--format", "xml", str(story)])
    assert bad.exit_code == 2


def _gold(tmp_path, events: list[dict]) -> str:
    path = tmp_path / "gold.jsonl"
    lines = [{"doc": "s1.txt", "lang": "ru", "events": events},
             {"doc": "s2.txt", "lang": "en", "events": [
                 {"type": "offer", "actor": "RUS", "target": "ARM", "polarity": "positive",
                  "modality": "conditional", "source": "RUS", "when": None, "assistance": "military",
                  "basis": None, "outcome": None, "size": None, "via": None}]}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return str(path)


APPEAL = {"type": "appeal", "actor": "ARM", "target": "CSTO", "polarity": "positive", "modality": "actual",
          "source": "ARM", "when": "2021-05", "assistance": None, "basis": None, "outcome": None,
          "size": None, "via": None}


def test_cli_eval_prints_scores_and_the_summary_last(runner, story, tmp_path, fake_extractor):
    other = tmp_path / "s2.txt"
    other.write_text("Moscow said it was ready to help Armenia if asked.\n")
    result = runner.invoke(app, ["eval", _gold(tmp_path, [APPEAL]), str(story), str(other)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "events: P=1.000 R=0.500 F1=0.667"
    assert [line for line in lines if "F1" in line][-1] == lines[-1]
    assert "appeal" in result.stdout and "when" in result.stdout


def test_cli_eval_errors_lists_fp_and_fn_with_sentences(runner, story, tmp_path, fake_extractor):
    wrong = dict(APPEAL, actor="AZE")
    result = runner.invoke(app, ["eval", "--errors", _gold(tmp_path, [wrong]), str(story)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "== s1.txt" in out
    assert "  FP appeal ARM CSTO positive actual (when 2021-05-13)" in out
    assert "       «Парламент одобрил новый закон об образовании.»" in out
    assert "  FN appeal AZE CSTO positive actual (when 2021-05)" in out
    assert "  FN offer RUS ARM positive conditional" in out
    assert out.strip().splitlines()[-1] == "events: P=0.000 R=0.000 F1=0.000"


def test_cli_eval_read_failure_and_bad_gold(runner, story, tmp_path, fake_extractor):
    missing = tmp_path / "s2.txt"
    result = runner.invoke(app, ["eval", _gold(tmp_path, [APPEAL]), str(story), str(missing)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {missing}: no such file or directory"
    assert result.stdout.strip().splitlines()[-1] == "events: P=1.000 R=0.500 F1=0.667"

    no_gold = tmp_path / "none.jsonl"
    result = runner.invoke(app, ["eval", str(no_gold), str(story)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {no_gold}: gold file not found; give the path of a .jsonl gold file"


@pytest.mark.parametrize("command", ["extract", "eval"])
def test_cli_extract_help_has_an_example(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"treatywatch {command} " in result.stdout
