"""Cost of the pictures: building a case's timeline and map, and the overview page's
counts and charts. Prints milliseconds (median of --repeat runs) and sizes in bytes.

    python bench/bench_pictures.py [--db URL] [--events 200] [--repeat 20]

Without --db, the store is built from samples/ in a temporary folder. The synthetic
timeline has --events events over two years, of every kind and status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from treatywatch.serve.i18n import translator
from treatywatch.serve.pictures import world
from treatywatch.serve.pictures.pages import case_pictures, overview_pictures
from treatywatch.serve.pictures.timeline import LANES, timeline_svg

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
STATUSES = ("positive_actual", "positive_intended", "positive_uncertain", "negative_actual")
STATES = ("KAZ", "RUS", "ARM", "BLR", "KGZ", "TJK", "POL", "EST")


def timed(call, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def synthetic_timeline(count: int) -> list[dict]:
    first = dt.date(2022, 1, 1)
    events = []
    for n in range(count):
        day = first + dt.timedelta(days=(n * 7) % 730)
        when = day.isoformat() if n % 3 else day.isoformat()[:7]
        status = STATUSES[n % len(STATUSES)]
        polarity, modality = status.split("_")
        events.append({"id": f"{n:024x}", "type": LANES[n % len(LANES)], "when": when,
                       "actor": STATES[n % len(STATES)], "target": "KAZ", "polarity": polarity,
                       "modality": modality, "status": status, "documents": 1 + n % 3})
    return events


def build_samples_store(folder: Path) -> str:
    from treatywatch.extract import Extractor
    from treatywatch.ingest import read_documents
    from treatywatch.model import Doc
    from treatywatch.store import open_store

    url = f"sqlite:///{folder / 'samples.sqlite'}"
    store = open_store(url)
    extract = Extractor()
    for doc in read_documents([str(SAMPLES)]):
        if isinstance(doc, Doc):
            store.ingest(doc, extract)
    store.refresh_cases()
    store.close()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store URL (default: one built from samples/)")
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    t = translator("en")

    start = time.perf_counter()
    world.world_shapes()
    print(f"world shapes, first load: {(time.perf_counter() - start) * 1000:.1f} ms "
          f"({len(world.world_shapes().paths)} countries)")
    start = time.perf_counter()
    base = world.base_map_svg()
    print(f"base map file: {(time.perf_counter() - start) * 1000:.1f} ms, {len(base):,} bytes")

    events = synthetic_timeline(args.events)
    ms, svg = timed(lambda: timeline_svg(events, [], t), args.repeat)
    print(f"timeline of {args.events} events: {ms:.1f} ms, {len(svg):,} bytes")

    from treatywatch.serve.answers import Answers
    from treatywatch.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        url = args.db or build_samples_store(Path(folder))
        with Answers(open_store(url)) as answers:
            cases = answers.list_cases()
            case = answers.get_case(max(cases, key=lambda c: c["events"])["id"])
            start = time.perf_counter()
            case_pictures(case, answers.knowledge, translator("en", answers.knowledge))
            print(f"case {case['id']} ({len(case['timeline'])} rows), first pictures "
                  f"(cold map boxes): {(time.perf_counter() - start) * 1000:.1f} ms")
            ms, pictures = timed(lambda: case_pictures(case, answers.knowledge, translator("en", answers.knowledge)), args.repeat)
            print(f"case {case['id']} pictures: {ms:.1f} ms; timeline {len(pictures['timeline']):,} "
                  f"bytes, map {len(pictures['map'] or ''):,} bytes")
            ms, overview = timed(lambda: overview_pictures(answers, translator("en", answers.knowledge), lambda p, **q: p), args.repeat)
            size = sum(len(overview[k] or "") for k in ("by_year", "verdicts", "decisions", "map"))
            print(f"overview of {len(cases)} cases: {ms:.1f} ms, pictures {size:,} bytes")


if __name__ == "__main__":
    main()
