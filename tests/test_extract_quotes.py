"""Quotations of several sentences take the voice of whoever the text names where they
open or close."""

import pytest


@pytest.mark.parametrize("text, key", [
    ("«Мы обратились к ОДКБ за помощью. Союзники ответили быстро», — заявил министр иностранных дел Армении.",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    ("Міністр закордонних справ Вірменії заявив: «Ми звернулися до ОДКБ. Відповіді поки немає».",
     ("appeal", "ARM", "CSTO", "positive", "actual", "ARM")),
    ('"We have asked NATO for consultations. Our allies understand why," the Polish prime minister said.',
     ("appeal", "POL", "NATO", "positive", "actual", "POL")),
])
def test_extract_quote_voice(text, key):
    from treatywatch.extract import extract_text

    got = {(e.type, e.actor, e.target, e.polarity, e.modality, e.source) for e in extract_text(text)}
    assert key in got, got
