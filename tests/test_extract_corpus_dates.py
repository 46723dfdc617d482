"""`when` accuracy on the shared corpora (../shared/corpus), scored by the project's
evaluator as the spec says (matched events whose gold `when` is not null). The floors sit
a little under the figures reached (news 11/12, dev 94/96, seeds 8/8): the issue asks ≥ 0.85 on news."""

from __future__ import annotations

import pytest

from conftest import SHARED, corpus_files

WHEN_FLOORS = {"news": 0.85, "dev": 0.93, "seeds": 0.95}


@pytest.mark.parametrize("name", sorted(WHEN_FLOORS))
def test_extract_corpus_when_accuracy_meets_floor(shared_corpus, extractor, name):
    from treatywatch.evaluate import load_gold, score
    from treatywatch.ingest import read_documents
    from treatywatch.model import doc_to_json

    folder = SHARED / "corpus" / name
    if not (folder / "gold.jsonl").is_file():
        pytest.skip(f"no gold for {name}")
    docs = list(read_documents([str(p) for p in corpus_files(folder)]))
    assert all(not isinstance(d, Exception) for d in docs), docs
    report = score(load_gold(folder / "gold.jsonl"), [doc_to_json(extractor(d)) for d in docs])
    when = report.slots["when"]
    assert when.total > 0
    assert when.accuracy >= WHEN_FLOORS[name], f"{name}: when {when.correct}/{when.total}; {report.summary_line()}"
