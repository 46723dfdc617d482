"""What search by lemma costs: indexing time per document and query latency.

Reads the documents of a folder (default: the bundled samples and the shared news
corpus when present), times `store.search.lemma_text` on each (the work added to every
ingest), stores them (extraction bypassed) in a fresh SQLite store, or the one given by
--db, then times `Answers.search` for inflected forms in each language and prints
p50/p95. Asserts nothing.

    .venv/bin/python bench/bench_search.py [--db URL] [--repeat 20] [PATH ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src")]

from treatywatch.ingest import read_documents  # noqa: E402
from treatywatch.serve.answers import Answers  # noqa: E402
from treatywatch.store import open_store  # noqa: E402
from treatywatch.store.search import lemma_text, lemmas_of  # noqa: E402

QUERIES = ["ОДКБ", "Таджикистана", "миротворцев", "Казахстану войска", "миротворці",
           "Вірменії", "консультацій", "troops", "deployed peacekeepers", "Article 4",
           "consultations", "NATO allies"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--db")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    paths = args.paths or [p for p in (str(HERE.parent / "samples"),
                                       str(HERE.parent.parent / "shared" / "corpus" / "news"))
                           if Path(p).exists()]
    docs = [d for d in read_documents(paths) if hasattr(d, "text")]
    chars = sum(len(d.text) for d in docs)
    for word, lang in (("прогрев", "ru"), ("warm", "en"), ("тест", "uk")):
        lemma_text(None, word, lang)  # load the analyzers before timing
    lemmas_of.cache_clear()
    started = time.perf_counter()
    for doc in docs:
        lemma_text(doc.title, doc.text, doc.lang)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        lemma_text(doc.title, doc.text, doc.lang)
    warm = time.perf_counter() - started
    print(f"{len(docs)} documents, {chars:,} characters")
    print(f"lemma index text: {1000 * cold / len(docs):.1f} ms/document with an empty word cache, "
          f"{1000 * warm / len(docs):.1f} ms warm ({chars / cold / 1000:,.0f} kchar/s cold)")

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(args.db or str(Path(folder) / "bench.sqlite"))
        for doc in docs:
            store.ingest(doc)
        with Answers(store) as answers:
            answers.search(QUERIES[0])
            for query in QUERIES:
                times, hits = [], 0
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    hits = len(answers.search(query))
                    times.append(1000 * (time.perf_counter() - started))
                times.sort()
                p95 = times[max(0, int(0.95 * len(times)) - 1)]
                print(f"  {query!r:28} {hits:3d} hit(s)  p50 {statistics.median(times):6.1f} ms"
                      f"  p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()
