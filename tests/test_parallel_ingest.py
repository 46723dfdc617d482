"""`ingest --workers 2` on a Dask LocalCluster: the same store as one process (export
byte-equal), the extractor made once per worker, and a SIGKILL mid-run, of a worker or of
the whole run, followed by a re-run loses and duplicates nothing.

The input mixes the corpus stories (events) with off-topic filler written here, an exact
duplicate and a near-duplicate, across a gzip JSON Lines file, a WARC file and a folder.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from conftest import DEV, REPO, SEEDS, corpus_files
from test_ingest_streams import write_warc
from treatywatch.store import open_store
from treatywatch.store.export import export_all
from treatywatch.store.models import DocumentRow

pytestmark = pytest.mark.slow  # each run starts a cluster of two worker processes

CLI = "from treatywatch.cli import main; main()"
PLACES = ("the river port", "the mountain villages", "the old quarter", "the coastal towns")
SUBJECTS = ("The town hall", "A local school", "The regional museum", "Farmers' cooperatives")
DEEDS = ("opened a new library", "repaired the bridge", "held a spring fair",
         "planted two hundred trees", "published its yearly budget")


def filler(n: int) -> str:
    """An off-topic story: nothing about alliances, troops or help."""
    return (f"{SUBJECTS[n % 4]} in {PLACES[n // 4 % 4]} {DEEDS[n % 5]} on day {n} of the "
            f"season. Residents said the work took {n % 7 + 2} weeks and cost less than "
            f"planned. The next meeting on the matter is set for week {n % 9 + 1}.")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, shared_corpus) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    stories = [p for p in corpus_files(SEEDS) + corpus_files(DEV)]
    records = []
    for path in stories[:-3]:
        field = "html" if path.suffix in (".html", ".htm") else "text"
        records.append({"id": path.name, field: path.read_text(encoding="utf-8")})
    records += [{"id": f"filler-{n}", "text": filler(n)} for n in range(60)]
    records.append(dict(records[0], id="copy-of-first"))  # an exact duplicate
    longest = max((r["text"] for r in records if "text" in r), key=len)
    records.append({"id": "republished", "text": longest + "\nThe report was updated."})
    with gzip.open(folder / "wires.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    pages = [(f"https://local.example/{p.stem}", "text/html" if p.suffix == ".html" else "text/plain",
              p.read_bytes()) for p in stories[-3:-1]]
    pages.append(("https://local.example/fair", "text/plain", filler(99).encode()))
    write_warc(folder / "crawl.warc.gz", pages)
    loose = folder / "loose"
    loose.mkdir()
    (loose / stories[-1].name).write_bytes(stories[-1].read_bytes())
    (loose / "notice.txt").write_text(filler(100))
    (loose / "blank.txt").write_text("  \n")  # an error, reported and counted alike
    return [str(folder / "wires.jsonl.gz"), str(folder / "crawl.warc.gz"), str(loose)]


def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True,
                          timeout=timeout, env=_env())


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env(), start_new_session=True)


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(REPO / "src"), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_COLOR": "1", "TERM": "dumb"}


def exports(db: str) -> dict[str, bytes]:
    with open_store(db) as store:
        store.refresh_cases()
        with store.session() as session:
            return {f"{table}.{fmt}": data for (table, fmt), data in export_all(session, ("jsonl", "csv")).items()}


def stored(db: str) -> int:
    try:
        with open_store(db) as store, store.session() as session:
            return session.scalar(select(func.count()).select_from(DocumentRow))
    except Exception:  # the run is still creating the store
        return 0


def summary(stderr: str) -> str:
    return next(line for line in stderr.splitlines() if "document(s):" in line)


@pytest.fixture(scope="module")
def single_run(inputs, tmp_path_factory) -> tuple[dict[str, bytes], str]:
    db = str(tmp_path_factory.mktemp("single") / "one.sqlite")
    done = cli("ingest", *inputs, "--db", db)
    assert done.returncode == 1, done.stderr  # the blank file
    return exports(db), done.stderr


def test_parallel_ingest_with_two_workers_stores_exactly_what_one_process_stores(
        inputs, single_run, tmp_path):
    reference, single_stderr = single_run
    db = str(tmp_path / "two.sqlite")
    done = cli("ingest", *inputs, "--db", db, "--workers", "2", "--batch-size", "8")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert summary(done.stderr) == summary(single_stderr)
    assert "1 duplicate" in summary(done.stderr) and "1 failed" in summary(done.stderr)
    assert f"Error: {inputs[2]}/blank.txt: document has only whitespace" in done.stderr
    on_topic = [line for line in done.stderr.splitlines() if "on topic" in line]
    assert on_topic and on_topic[0].split()[0] == next(
        line for line in single_stderr.splitlines() if "on topic" in line).split()[0]
    assert 30 < int(on_topic[0].split()[0]) < 50  # the filler is off topic
    assert exports(db) == reference
    assert reference["events.jsonl"].count(b"\n") > 50
    documents = [json.loads(line) for line in reference["documents.jsonl"].splitlines()]
    assert sum(1 for d in documents if d["duplicate_of"]) == 1  # the republished story


def test_parallel_ingest_makes_one_extractor_per_worker(inputs, tmp_path):
    from treatywatch.parallel import BatchOptions, dask_client, ingest_in_parallel

    loose = inputs[2]  # two stories and an off-topic notice
    with open_store(str(tmp_path / "w.sqlite")) as store, dask_client(workers=2) as client:
        tally = ingest_in_parallel([loose, inputs[1]], store, client, BatchOptions(), batch_size=1)
    assert tally.batches == 6  # blank.txt fails on its worker
    assert len(tally.extractors) <= 2 and len(tally.peak_rss) == len(tally.extractors)
    assert tally.counts == {"new": 5, "duplicate": 0, "near_duplicate": 0, "failed": 1}
    assert tally.on_topic == 3
    assert all(tally.seconds[stage] > 0 for stage in ("read", "filter", "extract", "store"))
    # CPU time per process, for the benchmark's scaling argument
    assert set(tally.worker_cpu) == set(tally.peak_rss) and all(s > 0 for s in tally.worker_cpu.values())
    assert 0 < tally.writer_cpu


def _workers_of(process: subprocess.Popen) -> list:
    import psutil

    children = psutil.Process(process.pid).children(recursive=True)
    return [c for c in children if any("spawn_main" in part for part in c.cmdline())]


def _wait_for_stored(db: str, process: subprocess.Popen, at_least: int = 1) -> None:
    deadline = time.monotonic() + 180
    while stored(db) < at_least:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "nothing was stored"
        time.sleep(0.2)


def test_parallel_ingest_a_worker_killed_midway_then_a_rerun_loses_and_duplicates_nothing(
        inputs, single_run, tmp_path):
    reference, _ = single_run
    db = str(tmp_path / "killed-worker.sqlite")
    run = start("ingest", *inputs, "--db", db, "--workers", "2", "--batch-size", "4")
    _wait_for_stored(db, run)
    victim = _workers_of(run)[0]
    victim.send_signal(signal.SIGKILL)
    _, stderr = run.communicate(timeout=300)
    assert run.returncode in (0, 1), stderr  # Dask runs the lost batches again elsewhere
    assert "Traceback" not in stderr
    rerun = cli("ingest", *inputs, "--db", db)  # one process: stored documents are skipped
    assert rerun.returncode == 1 and "0 new" in summary(rerun.stderr), rerun.stderr
    assert exports(db) == reference


def test_parallel_ingest_the_whole_run_killed_midway_then_a_rerun_loses_and_duplicates_nothing(
        inputs, single_run, tmp_path):
    reference, _ = single_run
    db = str(tmp_path / "killed-run.sqlite")
    run = start("ingest", *inputs, "--db", db, "--workers", "2", "--batch-size", "4")
    _wait_for_stored(db, run, at_least=8)
    workers = _workers_of(run)
    os.killpg(run.pid, signal.SIGKILL)  # the writer and its workers, as in a crash
    run.communicate(timeout=60)
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except Exception:
            pass
    partial = stored(db)
    assert 8 <= partial < reference["documents.jsonl"].count(b"\n")  # killed midway
    rerun = cli("ingest", *inputs, "--db", db)
    assert rerun.returncode == 1, rerun.stderr
    assert exports(db) == reference


class CountingExtractor:
    """The real extractor, counting the documents it reads."""

    made: list["CountingExtractor"] = []

    def __init__(self):
        from treatywatch.extract import Extractor

        self.inner = Extractor()
        self.topic = self.inner.topic
        self.read: list[str] = []
        CountingExtractor.made.append(self)

    def __call__(self, doc):
        self.read.append(doc.id)
        return self.inner(doc)


def rows(result) -> list:
    """The documents of a worker's batch, without its errors."""
    from treatywatch.store.write import DocumentRows

    return [item for item in result.items if isinstance(item, DocumentRows)]


def test_parallel_worker_does_not_extract_texts_already_stored(inputs, tmp_path):
    from treatywatch.ingest.reader import read_raw_documents
    from treatywatch.parallel.worker import BatchOptions, read_batch

    url = f"sqlite:///{tmp_path / 'rerun.sqlite'}"
    raws = [r for r in read_raw_documents([inputs[2]]) if not hasattr(r, "problem")]
    options = BatchOptions(extractor=f"{__name__}:CountingExtractor", store_url=url)
    first = read_batch(raws, options)
    with open_store(url) as store:
        assert [r.status for r in store.write_rows(rows(first))] == ["new", "new"]
    extractor = CountingExtractor.made[-1]
    assert len(extractor.read) == 1  # the story; the notice is off topic
    again = read_batch(raws, options)
    assert len(CountingExtractor.made) == 1 and len(extractor.read) == 1  # nothing read again
    assert again.on_topic == 1 and [r.minhash for r in rows(again)] == [b"", b""]
    with open_store(url) as store:
        assert [r.status for r in store.write_rows(rows(again))] == ["duplicate"] * 2


def test_parallel_ingest_on_an_existing_cluster_given_by_address(inputs, tmp_path, monkeypatch):
    from distributed import LocalCluster

    from treatywatch.errors import ConfigError
    from treatywatch.parallel import BatchOptions, dask_client, ingest_in_parallel
    import treatywatch.parallel.cluster as cluster_module

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://",
                      host="127.0.0.1", dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster:
        with open_store(str(tmp_path / "s.sqlite")) as store, \
                dask_client(scheduler=cluster.scheduler_address) as client:
            tally = ingest_in_parallel([inputs[2]], store, client, BatchOptions(), batch_size=2)
    assert tally.counts == {"new": 2, "duplicate": 0, "near_duplicate": 0, "failed": 1}

    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        with dask_client(scheduler="tcp://127.0.0.1:9"):
            pass
