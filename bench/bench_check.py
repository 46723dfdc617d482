"""How fast `check` answers on a store of 10,000 documents.

Builds (or reuses) a store of synthetic documents with their events (extraction
bypassed: each document carries the events it states), then times
`Answers.check(state, org, when)` — the function behind `treatywatch check` and
`/api/check` — over many questions, and prints the figures.

    .venv/bin/python bench/bench_check.py                        # SQLite in /tmp
    .venv/bin/python bench/bench_check.py --db postgresql+psycopg://tw@127.0.0.1:55432/bench
    .venv/bin/python bench/bench_check.py --docs 2000 --questions 200

The store is reused when it already holds the requested number of documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import time

from treatywatch.model import Doc, Event, Evidence
from treatywatch.serve.answers import Answers
from treatywatch.store import open_store

REQUESTERS = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB", "POL", "EST", "LVA", "LTU",
              "TUR", "ROU", "BGR", "FRA", "DEU", "ITA", "ESP", "NLD", "CZE", "SVK", "HUN"]
ORGS = {"ARM": "CSTO", "BLR": "CSTO", "KAZ": "CSTO", "KGZ": "CSTO", "RUS": "CSTO",
        "TJK": "CSTO", "UZB": "CSTO"}
EPISODE_SIZE = 8  # documents per synthetic crisis, on average
WORDS = ("border council troops ministry statement request assistance session allies "
         "peacekeepers security treaty article summit delegation capital crisis talks "
         "convoy airport agreement spokesman envoy region shelling forces mission report "
         "parliament vote government meeting operation").split()


def synthetic_episodes(count: int, rng: random.Random) -> list[tuple[str, int, int]]:
    """(requester, year, month) of the crises the synthetic news reports on."""
    return [(rng.choice(REQUESTERS), rng.randint(1995, 2025), rng.randint(1, 12))
            for _ in range(count)]


def synthetic_doc(number: int, rng: random.Random,
                  episodes: list[tuple[str, int, int]]) -> Doc:
    requester, year, month = rng.choice(episodes)
    org = ORGS.get(requester, "NATO")
    day = rng.randint(1, 28)
    published = dt.date(year, month, day)
    sentence = (f"Officials of {requester} asked {org} for help on {published.isoformat()} "
                f"after incident {number}.")
    filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 140)))
    text = f"Report {number}: {requester} and {org}\n\n{sentence} {filler} {number}."
    start = text.index(sentence)
    evidence = [Evidence(str(number), start, start + len(sentence), sentence)]
    when = f"{year}-{month:02d}"
    events = [Event("appeal", requester, org, rng.choice(["positive", "negative"]),
                    rng.choice(["actual", "actual", "uncertain"]),
                    rng.choice([requester, org, "media", None]), when, "military",
                    rng.choice([None, "CST-4", "NATO-4", "CST-2"]), evidence=evidence,
                    confidence=0.7)]
    if rng.random() < 0.5:
        events.append(Event("decision", org, requester, "positive", "actual", org, when,
                            "military", None, rng.choice(["deploy", "mission", "decline"]),
                            evidence=evidence, confidence=0.6))
    if rng.random() < 0.4:
        events.append(Event("deployment", rng.choice(REQUESTERS), requester, "positive",
                            "actual", None, when, size=rng.choice([None, 70, 100, 150, 2000]),
                            via=org, evidence=evidence, confidence=0.6))
    return Doc(id=f"synthetic-{number:05d}.txt", text=text, lang="en", published=published,
               events=events)


def build(url: str, docs: int, seed: int) -> None:
    with open_store(url) as store:
        with store.session() as session:
            from sqlalchemy import func, select

            from treatywatch.store.models import DocumentRow

            have = session.scalar(select(func.count()).select_from(DocumentRow))
        if have >= docs:
            print(f"reusing the store: {have} documents", file=sys.stderr)
            return
        rng = random.Random(seed)
        episodes = synthetic_episodes(docs // EPISODE_SIZE, rng)
        started = time.perf_counter()
        for number in range(docs):
            doc = synthetic_doc(number, rng, episodes)
            store.ingest(doc)
            if (number + 1) % 1000 == 0:
                print(f"  {number + 1} documents ingested", file=sys.stderr)
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        rebuilt = store.refresh_cases()
        cases_s = time.perf_counter() - started
    print(f"built: {docs} documents in {ingest_s:.1f} s ({docs / ingest_s:.0f} docs/s, one "
          f"transaction each); cases for {len(rebuilt)} requesters rebuilt in {cases_s:.1f} s")


def time_checks(url: str, questions: int, seed: int) -> None:
    rng = random.Random(seed + 1)
    with Answers(open_store(url)) as answers:
        started = time.perf_counter()
        answers.check("KAZ", "CSTO", "2022-01")  # first call: knowledge loaded, caches warm
        first_ms = (time.perf_counter() - started) * 1000
        cases = answers.list_cases()
        timings, found = [], 0
        for number in range(questions):
            if number % 2 and cases:  # half the questions about a recorded episode
                case = rng.choice(cases)
                requester, org, when = case["requester"], case["addressee"], case["end"][:7]
            else:
                requester = rng.choice(REQUESTERS)
                org = ORGS.get(requester, "NATO")
                when = f"{rng.randint(1995, 2025)}-{rng.randint(1, 12):02d}"
            name = rng.choice([requester, answers.knowledge.party(requester).name("ru")])
            started = time.perf_counter()
            result = answers.check(name, org, when)
            timings.append((time.perf_counter() - started) * 1000)
            found += result["case"] is not None
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"check over {len(cases)} cases: first call {first_ms:.0f} ms; then {len(timings)} "
          f"questions ({found} answered by a case): median {statistics.median(timings):.1f} ms, "
          f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms (budget 200 ms)")


def time_cli(url: str, runs: int = 3) -> None:
    """`treatywatch check` as a user runs it: a new process each time."""
    command = [sys.executable, "-c", "from treatywatch.cli import main; main()", "check",
               "Казахстан", "--org", "CSTO", "--when", "2022-01", "--format", "json", "--db", url]
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    print(f"`treatywatch check` as a new process (interpreter start, imports, knowledge files, "
          f"query): best of {runs} {min(timings):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/treatywatch-bench-check.sqlite")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build(args.db, args.docs, args.seed)
    time_checks(args.db, args.questions, args.seed)
    time_cli(args.db)


if __name__ == "__main__":
    main()
