"""SIGKILL at random points of an ingest, N trials: after each kill the store opens
(and passes SQLite's integrity check), the same ingest run again completes, and the
export of every table in every format is byte-equal to that of a clean run.

    python bench/kill_ingest.py [--trials 100] [--seed 0] [--db-dir DIR]

The ingest is a child process reading the shared corpus (seeds + dev) into a fresh
SQLite store, with the gold events standing in for extraction so that a trial takes
seconds. Nine kills in ten come after a random number of stored documents (the child
says when each is stored) plus a random part of one document's time, so they land
inside documents' transactions, between them and in the rebuilding of cases, however
loaded the machine; one in ten comes at a random time of the start-up (imports,
creating and migrating the store). The figures say where kills landed. The
re-run reads the documents in reverse order, for good measure.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
sys.path.insert(0, str(TESTS))

# The child: open (create, migrate) the store, say "ready", ingest `paths` (saying
# "stored" after each document), rebuild the cases.
CHILD = """
import sys
sys.path.insert(0, {tests!r})
from record_fixtures import GoldExtractor, SEEDS, DEV
from treatywatch.ingest import read_documents
from treatywatch.model import Doc
from treatywatch.store import open_store

url, paths = sys.argv[1], sys.argv[2:]
with open_store(url) as store:
    extractor = GoldExtractor(SEEDS, DEV)
    print("ready", flush=True)
    for doc in read_documents(paths):
        if isinstance(doc, Doc):
            store.ingest(doc, extractor)
            print("stored", flush=True)
    store.refresh_cases()
"""


def corpus() -> list[str]:
    from record_fixtures import corpus_paths

    return corpus_paths()


def start_child(url: str, paths: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(TESTS)])}
    return subprocess.Popen([sys.executable, "-c", CHILD.format(tests=str(TESTS)), url, *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def run_child(url: str, paths: list[str]) -> tuple[float, float]:
    """A whole run: (seconds to "ready", seconds from "ready" to exit)."""
    started = time.monotonic()
    child = start_child(url, paths)
    child.stdout.readline()
    ready = time.monotonic()
    _, err = child.communicate(timeout=600)
    if child.returncode != 0:
        raise RuntimeError(f"ingest failed ({child.returncode}): {err.decode(errors='replace')[-2000:]}")
    return ready - started, time.monotonic() - ready


def exported(url: str) -> dict[tuple[str, str], bytes]:
    from treatywatch.store import open_store
    from treatywatch.store.export import export_all

    with open_store(url) as store:
        store.refresh_cases()
        with store.session() as session:
            return export_all(session)


def stored_documents(path: Path) -> int | None:
    """Documents committed so far (None: no documents table yet)."""
    with sqlite3.connect(path) as conn:
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            return None


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def trial(folder: Path, n: int, after: int | None, delay: float, paths: list[str],
          clean: dict[tuple[str, str], bytes]) -> dict[str, object]:
    """One kill `delay` seconds after the child has stored `after` documents (None:
    after its start, in start-up), then the checks. Returns what was seen."""
    from treatywatch.store import open_store

    path = folder / f"trial-{n}.sqlite"
    url = f"sqlite:///{path}"
    child = start_child(url, paths)
    if after is not None:
        child.stdout.readline()  # ready
        for _ in range(after):
            child.stdout.readline()
    time.sleep(delay)
    finished_first = child.poll() is not None
    if not finished_first:
        child.send_signal(signal.SIGKILL)
    child.communicate()
    seen: dict[str, object] = {"delay": delay, "killed": not finished_first}
    seen["docs_at_kill"] = stored_documents(path) if path.exists() else None
    seen["integrity"] = integrity(path) if path.exists() else "no file"
    try:
        open_store(url).close()
        seen["opens"] = True
    except Exception as exc:  # noqa: BLE001 - the figure to report
        seen["opens"] = f"{type(exc).__name__}: {exc}"
    try:
        run_child(url, paths[::-1])
        seen["rerun"] = True
        seen["equal"] = exported(url) == clean
    except Exception as exc:  # noqa: BLE001
        seen["rerun"], seen["equal"] = f"{type(exc).__name__}: {exc}", False
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return seen


def where(seen: dict[str, object], total_docs: int) -> str:
    docs = seen["docs_at_kill"]
    if not seen["killed"]:
        return "after exit"
    if docs is None:
        return "start-up / migrations"
    if docs == 0:
        return "before the first commit"
    if docs < total_docs:
        return "between documents"
    return "rebuilding cases"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db-dir", type=Path, default=None)
    args = parser.parse_args()

    paths = corpus()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(dir=args.db_dir) as tmp:
        folder = Path(tmp)
        clean_url = f"sqlite:///{folder / 'clean.sqlite'}"
        start_up, length = run_child(clean_url, paths)
        clean = exported(clean_url)
        total_docs = stored_documents(folder / "clean.sqlite")
        per_doc = length / (total_docs + 1)
        print(f"clean run: {len(paths)} files, {total_docs} documents, start-up {start_up:.1f} s, "
              f"ingest {length:.1f} s; one kill in ten in start-up, the others after a random "
              f"number of stored documents (0–{total_docs}) and 0–{per_doc:.2f} s more")
        results, places = [], {}
        started = time.monotonic()
        for n in range(args.trials):
            if n % 10 == 9:
                after, delay = None, rng.uniform(0, start_up)
            else:
                after, delay = rng.randint(0, total_docs), rng.uniform(0, per_doc)
            seen = trial(folder, n, after, delay, paths, clean)
            results.append(seen)
            place = where(seen, total_docs)
            places[place] = places.get(place, 0) + 1
            ok = seen["opens"] is True and seen["rerun"] is True and seen["equal"] \
                and seen["integrity"] in ("ok", "no file")
            if not ok:
                print(f"  trial {n}: FAILED {seen}")
            if (n + 1) % 10 == 0:
                print(f"  {n + 1} trials ({time.monotonic() - started:.0f} s)", flush=True)
    killed = sum(1 for r in results if r["killed"])
    opened = sum(1 for r in results if r["opens"] is True)
    intact = sum(1 for r in results if r["integrity"] in ("ok", "no file"))
    reran = sum(1 for r in results if r["rerun"] is True)
    equal = sum(1 for r in results if r["equal"])
    print(f"trials: {len(results)} · killed mid-run: {killed} · store opens: {opened}/{len(results)} · "
          f"integrity ok: {intact}/{len(results)} · re-run completes: {reran}/{len(results)} · "
          f"export byte-equal to a clean run: {equal}/{len(results)}")
    print("kill points: " + ", ".join(f"{place} {count}" for place, count in sorted(places.items())))
    if equal != len(results) or opened != len(results):
        sys.exit(1)


if __name__ == "__main__":
    main()
