"""An ingest killed with SIGKILL in the middle of a document's transaction, then run
again, leaves the same store as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from record_fixtures import corpus_paths
from treatywatch.store import open_store
from treatywatch.store.export import export_all
from treatywatch.store.models import DocumentRow


TESTS = Path(__file__).resolve().parent
KILL_AFTER = 15

# Ingests the corpus with gold events; with a number N, the process kills itself
# inside the transaction of document N+1, after its rows are written, before commit.
INGEST = """
import os, signal, sys
sys.path.insert(0, {tests!r})
from record_fixtures import GoldExtractor, SEEDS, DEV
import treatywatch.store.write as write
from treatywatch.ingest import read_documents
from treatywatch.model import Doc
from treatywatch.store import open_store

url, kill_after, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
real_mark_stale, written = write.mark_stale, []

def mark_stale_then_maybe_die(session, requesters):
    real_mark_stale(session, requesters)
    session.flush()
    written.append(1)
    if kill_after and len(written) == kill_after + 1:
        os.kill(os.getpid(), signal.SIGKILL)

write.mark_stale = mark_stale_then_maybe_die
with open_store(url) as store:
    extractor = GoldExtractor(SEEDS, DEV)
    for doc in read_documents(paths):
        if isinstance(doc, Doc):
            store.ingest(doc, extractor)
    store.refresh_cases()
"""


def run_ingest(url: str, kill_after: int, paths: list[str]) -> subprocess.CompletedProcess:
    script = INGEST.format(tests=str(TESTS))
    return subprocess.run([sys.executable, "-c", script, url, str(kill_after), *paths],
                          capture_output=True, text=True, timeout=240,
                          env={**os.environ,  # this tree's code, not an installed copy
                               "PYTHONPATH": os.pathsep.join([str(TESTS.parent / "src"), str(TESTS)])})


def exported(url: str) -> dict[tuple[str, str], bytes]:
    with open_store(url) as store:
        store.refresh_cases()
        with store.session() as session:
            return export_all(session)


def test_store_ingest_killed_midway_then_rerun_equals_an_uninterrupted_run(fresh_db, shared_corpus):
    paths = corpus_paths()
    interrupted, clean = fresh_db(), fresh_db()

    killed = run_ingest(interrupted, KILL_AFTER, paths)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with open_store(interrupted) as store, store.session() as session:
        assert session.scalar(select(func.count()).select_from(DocumentRow)) == KILL_AFTER

    rerun = run_ingest(interrupted, 0, paths[::-1])  # another order, for good measure
    assert rerun.returncode == 0, rerun.stderr
    whole = run_ingest(clean, 0, paths)
    assert whole.returncode == 0, whole.stderr

    after_rerun, uninterrupted = exported(interrupted), exported(clean)
    assert after_rerun == uninterrupted
    assert uninterrupted["cases", "jsonl"].count(b"\n") > 10
    assert b"KAZ-CSTO-2022-01" in uninterrupted["cases", "csv"]


def test_store_ingest_killed_at_random_times_opens_reruns_and_exports_as_a_clean_run(tmp_path,
                                                                                      shared_corpus):
    """Two trials of bench/kill_ingest.py (which runs a hundred)."""
    import random

    sys.path.insert(0, str(TESTS.parent / "bench"))
    import kill_ingest

    paths = corpus_paths()
    clean_url = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    _, length = kill_ingest.run_child(clean_url, paths)
    clean = kill_ingest.exported(clean_url)
    rng = random.Random(11)
    for n in range(2):
        after = rng.randint(1, len(paths) - 2)
        seen = kill_ingest.trial(tmp_path, n, after, rng.uniform(0, length / len(paths)), paths, clean)
        assert seen["killed"] and seen["docs_at_kill"] >= after, seen
        assert seen["integrity"] in ("ok", "no file"), seen
        assert seen["opens"] is True and seen["rerun"] is True, seen
        assert seen["equal"] is True, seen
