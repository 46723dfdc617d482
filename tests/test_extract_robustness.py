"""Extraction never raises on text: odd, mixed or hostile input gives events or none."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["ОДКБ", "НАТО", "NATO", "CSTO", "Армения", "Вірменія", "Kazakhstan", "обратилась", "не", "якобы",
         "asked", "not", "if", "если", "«", "»", ",", ".", "?", ":", "—", "войска", "troops", "5", "января",
         "статья", "Article", "4", "готова", "помочь", "will", "send", "опровергла", "denied", "reports", "that"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([None, "ru", "uk", "en"]))
def test_extract_never_raises_on_word_salad(words, lang):
    from treatywatch.extract import extract_text

    events = extract_text(" ".join(words), lang=lang)
    for event in events:
        assert event.actor != event.target
        assert event.evidence


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_extract_never_raises_on_any_text(text):
    from treatywatch.extract import extract_text

    assert isinstance(extract_text("ОДКБ " + text), list)
