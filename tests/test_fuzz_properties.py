"""Property tests (hypothesis, small budgets; bench/fuzz_inputs.py runs 10^5 inputs):
reading every format and encoding, extraction, the claim check and every API parameter
never crash, and every failure is a clear error (see fuzz_targets.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

import fuzz_targets as targets
from treatywatch.ingest import read_documents

FAST = settings(max_examples=25, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

news_text = st.lists(st.one_of(st.sampled_from(targets.FRAGMENTS), st.text(max_size=4)),
                     max_size=40).map(" ".join)
words = st.lists(st.sampled_from(["ОДКБ", "Таджикистан", "обратился", "помощь", "військових",
                                  "NATO", "asked", "troops", "— «", "»", "2025", "\n"]),
                 min_size=1, max_size=30).map(" ".join)


@FAST
@given(st.binary(max_size=600))
def test_reading_any_bytes_in_any_form_is_a_doc_or_a_clear_error(data):
    assert targets.check_reading(data) in ("ok", "error")


@FAST
@given(words, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"]),
       st.sampled_from([".txt", ".html", ""]))
def test_reading_text_in_every_encoding_keeps_its_words(tmp_path_factory, text, encoding, suffix):
    body = f"<p>{text}</p>" if suffix == ".html" else text
    try:
        data = body.encode(encoding)
    except UnicodeEncodeError:  # koi8-r and cp1251 have no letter for some Ukrainian ones
        assume(False)
    path = tmp_path_factory.mktemp("enc") / f"doc{suffix}"
    path.write_bytes(data)
    [item] = list(read_documents([str(path)]))
    if isinstance(item, Exception):
        targets.assert_clear(item, str(path))
        return
    targets.assert_doc(item)
    if encoding.startswith("utf") and suffix != ".html":
        assert item.text.split() == text.split()  # Unicode encodings are never guessed wrong


@FAST
@given(st.binary(max_size=200))
def test_extraction_of_news_like_noise_gives_well_formed_events(data):
    assert targets.check_extraction(data) in ("ok", "error")


@FAST
@given(news_text)
def test_extraction_of_fragments_gives_events_with_spans_inside_the_text(text):
    from treatywatch.errors import InputError
    from treatywatch.ingest import doc_from_text

    try:
        doc = doc_from_text("prop.txt", text)
    except InputError as error:
        targets.assert_clear(error, "prop.txt")
        return
    targets.assert_events(targets.extractor().extract(doc), doc.text)


@FAST
@given(st.binary(max_size=160))
def test_claim_check_always_judges(data):
    assert targets.check_claims(data) == "ok"


@pytest.mark.parametrize("route, names", targets.ROUTES)
def test_every_api_parameter_answers_cleanly(route, names):
    @settings(max_examples=10, deadline=None, database=None)
    @given(st.sampled_from(names or (None,)),
           st.one_of(st.text(max_size=60), news_text, st.sampled_from(["", " ", "%", "..", "2025-02-30"])))
    def check(name, value):
        value = value.encode("utf-8", errors="replace").decode("utf-8")
        assert targets.check_api_value(route, name, value) in ("ok", "error")

    check()
