"""Inputs that fuzzing found (or that seed it), kept in fuzz_corpus/<target>/: each goes
through its target again and must give a Doc, events or a clear error, never a crash.
Before the fixes, the reading inputs crashed: control characters in a JSON record's
HTML (lxml refused them), a URL that is not one (urlsplit raised), lone surrogates."""

from __future__ import annotations

from pathlib import Path

import pytest

import fuzz_targets as targets

CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
CASES = sorted((folder.name, path) for folder in CORPUS.iterdir() if folder.is_dir()
               for path in folder.iterdir() if path.is_file())


def test_the_corpus_has_inputs_for_every_target():
    assert {target for target, _ in CASES} == set(targets.TARGETS)


@pytest.mark.parametrize("target, path", CASES, ids=[f"{t}/{p.name}" for t, p in CASES])
def test_a_fuzzed_input_gives_no_crash(target, path):
    assert targets.CHECKS[target](path.read_bytes()) in ("ok", "error")


def test_an_upload_with_control_characters_and_surrogates_is_stored_as_text(tmp_path):
    """What the reading regressions found, through the API: one record with NUL and
    other controls in its HTML, a lone surrogate in its text's title and a URL that is
    not one, stored (the characters become spaces) rather than answered 500."""
    import json

    from fastapi.testclient import TestClient

    from serve_fixtures import TOKEN, open_test_answers
    from treatywatch.serve.app import ServeSettings, create_app

    answers = open_test_answers(tmp_path)
    app = create_app(settings=ServeSettings(token=TOKEN), answers=answers)
    body = json.dumps({"html": "<p>Border talks\u0000 went on\u0007 all day.</p>",
                       "title": "Talks \ud800 report", "url": "http://[x"})
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            response = client.post("/api/documents", content=body.encode(), headers={
                "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
            assert response.status_code == 201, response.text
            stored = client.get(f"/api/documents/{response.json()['id']}").json()["document"]
    finally:
        answers.close()
    assert "Border talks went on all day." in stored["text"]
    assert stored["title"] == "Talks report" and stored["outlet"] is None
    assert any("replaced by spaces" in w for w in stored["warnings"])


def test_a_number_too_long_for_any_count_is_no_troop_count():
    """Found by fuzzing /api/check?claim=: 400 digits overflowed to infinity and the
    extractor raised; a count the store's integer column cannot hold is no count."""
    from treatywatch.extract import extract_text

    assert extract_text("Russia sent " + "9" * 400 + " troops to Kazakhstan.") is not None
    sizes = [e.size for e in extract_text("Russia sent 99999999999 troops to Kazakhstan.")]
    assert all(size is None for size in sizes)
    assert [e.size for e in extract_text("Russia sent 3,000 paratroopers to Kazakhstan.")] == [3000]
