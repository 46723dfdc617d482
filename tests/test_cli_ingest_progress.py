"""`treatywatch ingest` progress: a total, rate and time left when the input size is
known; plain lines on stderr when it is not a terminal; nothing with --quiet."""

from __future__ import annotations

import gzip
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from treatywatch.cli import app
from treatywatch.cli.ingest_progress import IngestProgress, expected_documents, plain_line
from treatywatch.parallel.tally import IngestTally
from treatywatch.store.write import IngestResult

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
TEXTS = ["Погода в горах остаётся тёплой третий день подряд.",
         "The city council approved a new budget for public parks.",
         "Фестиваль вуличної музики відкрився у старому місті."]


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n, body in enumerate(TEXTS):
        (docs / f"d{n}.txt").write_text(body, encoding="utf-8")
    return docs


@pytest.fixture
def no_extraction(monkeypatch):
    """Progress is tested apart from extraction: documents are stored without events."""
    import treatywatch.extract

    monkeypatch.setattr(treatywatch.extract, "Extractor", lambda: (lambda doc: doc))


def test_progress_total_counts_files_and_json_lines(folder):
    (folder / "wire.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n{"text": "three"}\n')
    (folder / "gold.jsonl").write_text('{"doc": "skipped, as the reader skips it"}\n')
    assert expected_documents([str(folder)]) == 6
    assert expected_documents([str(folder / "d0.txt"), str(folder / "wire.jsonl")]) == 4


@pytest.mark.parametrize("name", ["crawl.warc.gz", "wire.jsonl.gz"])
def test_progress_total_is_unknown_for_compressed_archives_and_stdin(folder, name):
    with gzip.open(folder / name, "wb") as handle:
        handle.write(b'{"text": "one"}\n')
    assert expected_documents([str(folder)]) is None
    assert expected_documents([str(folder / "d0.txt"), "-"]) is None


def _tally(done: int, seconds: float) -> IngestTally:
    tally = IngestTally()
    tally.started -= seconds
    for _ in range(done):
        tally.stored(IngestResult("id", "name", "new"))
    return tally


def test_progress_plain_line_gives_total_rate_and_time_left():
    line = plain_line(_tally(25, 10.0), 100)
    assert re.fullmatch(r"Ingested 25/100 documents \(25%\), 2\.5 docs/s, about (29|30)s left", line)
    # 10 done in 60 s, 990 left at 1/6 a second: 99 minutes
    assert re.search(r"about 1h 3[89]m left$", plain_line(_tally(10, 60.0), 1000))
    assert re.search(r"about 2m 0[0-9]s left$", plain_line(_tally(10, 20.0), 70))
    assert plain_line(_tally(7, 2.0), None) == "Ingested 7 documents, 3.5 docs/s"


def test_progress_plain_lines_come_at_most_every_interval():
    now = [0.0]
    out = io.StringIO()
    progress = IngestProgress(10, every=5.0, stream=out, clock=lambda: now[0])
    with progress:
        for step in range(12):
            now[0] = float(step)
            progress.update(_tally(step, 1.0 + step))
    lines = out.getvalue().splitlines()
    assert [line.split()[1] for line in lines] == ["5/10", "10/10"]


def test_progress_on_a_dumb_terminal_is_plain_lines(monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    with IngestProgress(3, stream=io.StringIO(), terminal=True) as progress:
        assert not progress.live


def test_progress_on_a_terminal_is_a_bar_with_the_total(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    out = io.StringIO()
    with IngestProgress(3, stream=out, terminal=True) as progress:
        progress.update(_tally(2, 1.0), "Ingesting d1.txt")
        progress.console.file.flush()
        progress._progress.refresh()
    shown = out.getvalue()
    assert "2/3" in shown and "Ingesting d1.txt" in shown and "docs/s" in shown


def test_cli_ingest_piped_prints_plain_progress_lines(folder, tmp_path, no_extraction):
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "r.sqlite"),
                                 "--progress-every", "0"])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("Ingested ")] == \
        ["0/3", "1/3", "2/3", "3/3"]
    assert "Rebuilding cases…" in lines
    assert "3 document(s): 3 new" in result.stderr
    assert "\x1b[" not in result.stderr  # no terminal control codes in a log


def test_cli_ingest_quiet_prints_errors_only(folder, tmp_path, no_extraction):
    (folder / "empty.txt").write_text("  \n")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "r.sqlite"),
                                 "--quiet", "--progress-every", "0"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {folder / 'empty.txt'}: document has only whitespace"]
    again = runner.invoke(app, ["ingest", str(folder / "d0.txt"), "--db",
                                str(tmp_path / "r.sqlite"), "-q"])
    assert again.exit_code == 0 and again.stderr == "" and again.stdout == ""


def test_cli_ingest_in_a_real_process_with_stderr_piped(folder, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(
        [sys.executable, "-c", "from treatywatch.cli import main; main()", "ingest",
         str(folder), "--db", str(tmp_path / "r.sqlite"), "--progress-every", "0"],
        capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    progress = [line for line in done.stderr.splitlines() if line.startswith("Ingested ")]
    assert progress[-1].startswith("Ingested 3/3 documents (100%)")
    assert "\x1b[" not in done.stderr
