"""The Extractor is shared by every request of the server: documents read at the same time
in several threads must come out exactly as when read one by one."""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from treatywatch.extract import shared_extractor
from treatywatch.ingest import read_documents


def _events_json(extractor, doc) -> str:
    return json.dumps([e.to_json() for e in extractor.extract(doc)], ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def dated_docs(shared_corpus):
    docs = [d for d in read_documents([str(shared_corpus / "dev"), str(shared_corpus / "news")])
            if not isinstance(d, Exception)]
    assert len(docs) > 40
    return docs


def test_threads_give_the_events_of_one_by_one_reading(dated_docs):
    extractor = shared_extractor().warm_up()
    expected = [_events_json(extractor, d) for d in dated_docs]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so per-call state on a shared object would leak
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            for _ in range(2):
                got = list(pool.map(lambda d: _events_json(extractor, d), dated_docs))
                wrong = [d.id for d, a, b in zip(dated_docs, expected, got) if a != b]
                assert wrong == []
    finally:
        sys.setswitchinterval(old)
