"""`treatywatch ingest | cases | case | check | export` through the Typer app."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from conftest import DEV, SEEDS
from record_fixtures import GoldExtractor, build_gold_store, corpus_paths
from treatywatch.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory, shared_corpus) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'gold.sqlite'}"
    build_gold_store(url).close()
    return url


@pytest.fixture
def gold_extraction(monkeypatch):
    """`ingest` extracts with the gold events (extraction quality is not tested here)."""
    import treatywatch.extract

    monkeypatch.setattr(treatywatch.extract, "Extractor", lambda: GoldExtractor(SEEDS, DEV))


def test_cli_ingest_reports_new_duplicate_and_failed_documents(tmp_path, gold_extraction,
                                                               shared_corpus):
    db = str(tmp_path / "record.sqlite")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    paths = corpus_paths()[:3]

    first = run("ingest", *paths, str(empty), "--db", db)
    assert first.exit_code == 1
    assert f"Error: {empty}: document has only whitespace" in first.stderr.splitlines()
    assert "4 document(s): 3 new, 0 duplicate, 0 near-duplicate, 1 failed" in first.stderr
    assert first.stdout == ""

    again = run("ingest", *paths, "--db", db)
    assert again.exit_code == 0, again.stderr
    assert "3 document(s): 0 new, 3 duplicate, 0 near-duplicate, 0 failed" in again.stderr


def test_cli_db_defaults_to_the_environment_variable(tmp_path, gold_extraction, shared_corpus):
    env = {"TREATYWATCH_DB": str(tmp_path / "env.sqlite")}
    assert run("ingest", corpus_paths()[0], env=env).exit_code == 0
    listed = run("cases", "--format", "json", env=env)
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["requester"] == "TJK"
    assert (tmp_path / "env.sqlite").is_file()


def test_cli_cases_table_and_filters(gold_db):
    table = run("cases", "--db", gold_db)
    assert table.exit_code == 0
    assert "KAZ-CSTO-2022-01" in table.stdout and "TJK-CSTO-2025-12" in table.stdout
    filtered = run("cases", "--db", gold_db, "--actor", "Казахстан", "--org", "ОДКБ",
                   "--from", "2022", "--to", "2022-12", "--format", "json")
    rows = json.loads(filtered.stdout)
    assert [(r["id"], r["appeal"], r["decision"]) for r in rows] == [
        ("KAZ-CSTO-2022-01", "made", "deploy")]
    denied = json.loads(run("cases", "--db", gold_db, "--verdict", "denied",
                            "--format", "json").stdout)
    assert {r["requester"] for r in denied} == {"TJK"}


def test_cli_case_prints_the_timeline_with_evidence(gold_db):
    shown = run("case", "KAZ-CSTO-2022-01", "--db", gold_db)
    assert shown.exit_code == 0
    out = shown.stdout
    assert "Appeal: MADE — KAZ appealed to CSTO" in out
    assert "Timeline:" in out
    assert "2022-01-06  decision CSTO → KAZ (positive, actual, source: CSTO, basis: CST-4, " \
           "outcome: deploy" in out
    assert "size of ARM:" in out  # 70 or 100 troops: both shown with their sources


def test_cli_check_text_cites_outlet_date_and_sentence(gold_db, tmp_path):
    from treatywatch.ingest import doc_from_text
    from treatywatch.model import Event, Evidence
    from treatywatch.store import open_store

    sentence = "The CSTO press service said Dushanbe had sent no request for military help."
    doc = doc_from_text("cited.txt", f"MOSCOW, December 20, 2025\n\n{sentence}\n",
                        published=dt.date(2025, 12, 20))
    doc.outlet = "Example Wire"
    start = doc.text.index(sentence)
    doc.events = [Event("appeal", "TJK", "CSTO", polarity="negative", source="CSTO",
                        evidence=[Evidence("cited.txt", start, start + len(sentence), sentence)])]
    db = f"sqlite:///{tmp_path / 'cited.sqlite'}"
    with open_store(db) as store:
        store.ingest(doc)
    result = run("check", "Tajikistan", "--org", "CSTO", "--when", "2025-12", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "Appeal: NOT MADE — CSTO say(s) TJK made no appeal to CSTO" in result.stdout
    assert f"Example Wire, 2025-12-20: [appeal TJK→CSTO negative/actual, source CSTO] «{sentence}»" \
        in result.stdout


def test_cli_check_json_has_the_verdict_fields(gold_db):
    result = run("check", "Таджикистан", "--org", "ОДКБ", "--when", "2025-11", "--format", "json",
                 "--db", gold_db)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"appeal", "basis", "decision", "contributors", "conflicts", "evidence"} <= set(data)
    assert (data["appeal"], data["case"], data["question"]) == (
        "denied", "TJK-CSTO-2025-12", {"state": "TJK", "org": "CSTO", "when": "2025-11"})
    assert all({"doc", "outlet", "published", "sentence", "start", "end"} <= set(e)
               for e in data["evidence"])
    kaz = json.loads(run("check", "KAZ", "--org", "CSTO", "--when", "2022-01", "--format", "json",
                         "--db", gold_db).stdout)
    assert {"state": "ARM", "size": 100, "status": "actual"}.items() <= \
        next(c for c in kaz["contributors"] if c["state"] == "ARM").items()


def test_cli_check_with_nothing_recorded_for_that_time(gold_db):
    result = run("check", "KAZ", "--org", "CSTO", "--when", "2015-03", "--format", "json",
                 "--db", gold_db)
    data = json.loads(result.stdout)
    assert (data["appeal"], data["case"], data["other_cases"]) == (
        "none_found", None, ["KAZ-CSTO-2022-01"])
    text = run("check", "KAZ", "--org", "CSTO", "--when", "2015-03", "--db", gold_db).stdout
    assert "none_found" in text and "KAZ-CSTO-2022-01" in text


@pytest.mark.parametrize("args, message", [
    (("check", "Narnia", "--org", "CSTO"), "Error: unknown state 'Narnia': give an ISO 3166 "
                                           "alpha-3 code (TJK) or a name in Russian, Ukrainian "
                                           "or English (Таджикистан, Tajikistan)"),
    (("check", "TJK", "--org", "Atlantis"), "Error: unknown organization 'Atlantis': use one of"),
    (("check", "TJK", "--org", "CSTO", "--when", "late November"),
     "Error: when 'late November' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
    (("case", "XYZ-CSTO-1999-01"), "Error: no case 'XYZ-CSTO-1999-01' in the store: list them "
                                   "with `treatywatch cases` (ids look like KAZ-CSTO-2022-01)"),
    (("cases", "--actor", "Narnia"), "Error: unknown state 'Narnia'"),
    (("cases", "--verdict", "maybe"), "Error: unknown verdict 'maybe': use one of made, "
                                      "not_made, denied, reported, unclear, none_found"),
])
def test_cli_unknown_values_are_an_error_line_and_exit_1(gold_db, args, message):
    result = run(*args, "--db", gold_db)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.stderr


def test_cli_bad_database_url_is_an_error_line(tmp_path):
    result = run("cases", "--db", "mysql://u@h/d")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unsupported database 'mysql'")


def test_cli_export_is_byte_identical_whatever_the_ingestion_order(tmp_path, gold_db,
                                                                   shared_corpus):
    reversed_db = f"sqlite:///{tmp_path / 'reversed.sqlite'}"
    build_gold_store(reversed_db, corpus_paths()[::-1]).close()
    for table in ("events", "evidence", "documents", "cases"):
        for fmt in ("csv", "jsonl", "parquet"):
            outputs = []
            for db in (gold_db, reversed_db):
                target = tmp_path / f"{table}-{len(outputs)}.{fmt}"
                result = run("export", "--format", fmt, "--table", table, "--output",
                             str(target), "--db", db)
                assert result.exit_code == 0, result.stderr
                outputs.append(target.read_bytes())
            assert outputs[0] == outputs[1], (table, fmt)


def test_cli_export_formats_carry_the_events(gold_db, tmp_path):
    import pyarrow.parquet as pq

    jsonl = run("export", "--format", "jsonl", "--db", gold_db)
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    kaz = [r for r in rows if r["case"] == "KAZ-CSTO-2022-01"]
    assert len(kaz) == 41 and {r["type"] for r in kaz} >= {"appeal", "decision", "deployment"}
    assert "published" in rows[0] and "ingested" not in json.dumps(rows[0])
    csv_text = run("export", "--format", "csv", "--db", gold_db).stdout
    assert csv_text.splitlines()[0].startswith("event,doc,doc_name,outlet,published")
    assert len(csv_text.splitlines()) == len(rows) + 1
    target = tmp_path / "events.parquet"
    run("export", "--format", "parquet", "--output", str(target), "--db", gold_db)
    table = pq.read_table(io.BytesIO(target.read_bytes()))
    assert table.num_rows == len(rows) and "evidence_count" in table.column_names
    assert {"cameo", "cameo_label", "plover", "plover_mode"} <= set(table.column_names)


@pytest.fixture(scope="module")
def evidence_db(tmp_path_factory) -> str:
    """A store whose events carry evidence spans (annotated by hand)."""
    from serve_fixtures import ARMENIA, KAZAKHSTAN, TAJIKISTAN, open_test_answers

    folder = tmp_path_factory.mktemp("evidence")
    with open_test_answers(folder) as answers:
        for annotated in (KAZAKHSTAN, TAJIKISTAN, ARMENIA):
            answers.ingest_record(annotated.record)
    return f"sqlite:///{folder / 'web.sqlite'}"


def test_cli_export_evidence_is_its_own_table_joined_by_ids(evidence_db, tmp_path):
    import pyarrow.parquet as pq

    gold_db = evidence_db
    events = {r["event"]: r for r in map(json.loads, run(
        "export", "--format", "jsonl", "--db", gold_db).stdout.splitlines())}
    documents = {r["doc"]: r for r in map(json.loads, run(
        "export", "--format", "jsonl", "--table", "documents", "--db", gold_db).stdout.splitlines())}
    evidence = [json.loads(line) for line in run(
        "export", "--format", "jsonl", "--table", "evidence", "--db", gold_db).stdout.splitlines()]
    assert evidence and len(evidence) == sum(e["evidence_count"] for e in events.values())
    for row in evidence:
        assert events[row["event"]]["doc"] == row["doc"]
        text = documents[row["doc"]]["text"]
        assert text[row["start"]:row["end"]] in row["sentence"] or \
            row["sentence"] in text[row["start"]:row["end"]]
    target = tmp_path / "evidence.parquet"
    run("export", "--format", "parquet", "--table", "evidence", "--output", str(target),
        "--db", gold_db)
    table = pq.read_table(target)
    assert table.column_names == ["event", "ordinal", "doc", "doc_name", "start", "end", "sentence"]
    assert str(table.schema.field("start").type) == "int64"
    csv_lines = run("export", "--format", "csv", "--table", "evidence", "--db", gold_db).stdout
    assert csv_lines.startswith("event,ordinal,doc,doc_name,start,end,sentence\n")
    assert "{" not in "".join(line.split(",")[0] for line in csv_lines.splitlines())


def test_cli_export_codes_sit_beside_our_types(gold_db):
    rows = [json.loads(line) for line in run("export", "--format", "jsonl", "--db", gold_db)
            .stdout.splitlines()]
    kaz = [r for r in rows if r["case"] == "KAZ-CSTO-2022-01" and r["polarity"] == "positive"]
    by_type = {(r["type"], r["modality"]): (r["cameo"], r["plover"]) for r in kaz}
    assert by_type[("deployment", "actual")] == ("074", "AID")
    assert {r["cameo"][:2] for r in kaz if r["type"] == "appeal"} == {"02"}
    assert all(r["cameo"] is None and r["plover"] is None
               for r in rows if r["polarity"] == "negative")


def test_cli_cases_as_flat_csv_and_jsonl(gold_db):
    listed = json.loads(run("cases", "--format", "json", "--db", gold_db).stdout)
    flat = [json.loads(line) for line in run("cases", "--format", "jsonl", "--db", gold_db)
            .stdout.splitlines()]
    assert [row["case"] for row in flat] == [row["id"] for row in listed]
    assert all(not isinstance(value, (dict, list)) for row in flat for value in row.values())
    kaz = next(row for row in flat if row["case"] == "KAZ-CSTO-2022-01")
    assert kaz["appeal"] == "made" and kaz["decision"] == "deploy" and kaz["decision_by"] == "CSTO"
    assert "RUS" in kaz["contributors"].split(";")
    csv_text = run("cases", "--format", "csv", "--actor", "KAZ", "--db", gold_db).stdout
    lines = csv_text.splitlines()
    assert lines[0].startswith("case,requester,addressee,start,end,dated,appeal,")
    assert len(lines) == 1 + sum(row["requester"] == "KAZ" for row in listed)
    assert max(len(line) for line in lines) < 1000  # no verdict blob
    exported = run("export", "--format", "csv", "--table", "cases", "--db", gold_db).stdout
    assert set(lines[1:]) <= set(exported.splitlines()[1:])


def test_cli_bad_format_is_a_usage_error(gold_db):
    result = run("export", "--format", "xml", "--db", gold_db)
    assert result.exit_code == 2 and "'xml' is not a format" in result.stderr
