"""Everyday news phrasing the sentence tables leave out: contractions, 'yet to', pronoun
subjects, requests to several addressees, places that are only venues."""

import pytest


@pytest.mark.parametrize("text, key", [
    ("Yerevan hasn't asked the CSTO for military assistance.", ("appeal", "ARM", "CSTO", "negative", "actual")),
    ("Armenia has yet to ask the CSTO for help.", ("appeal", "ARM", "CSTO", "negative", "actual")),
    ("ОДКБ не получала никаких обращений от Армении.", ("appeal", "ARM", "CSTO", "negative", "actual")),
    ("Президент Таджикистана обратился к ОДКБ и к России с просьбой о помощи.", ("appeal", "TJK", "RUS", "positive", "actual")),
    ("The United States deployed 3,000 troops to Poland and Romania.", ("deployment", "USA", "ROU", "positive", "actual")),
    ("Пресс-секретарь Кремля Дмитрий Песков не исключил, что Россия может обратиться к ОДКБ.",
     ("appeal", "RUS", "CSTO", "positive", "uncertain")),
    ("Эстония не исключает обращения к НАТО по статье 4.", ("appeal", "EST", "NATO", "positive", "uncertain")),
    ("NATO's North Atlantic Council met on Friday at the request of Lithuania under Article 4.",
     ("consultation", "NATO", "LTU", "positive", "actual")),
])
def test_extract_phrasing_gives(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}


@pytest.mark.parametrize("text, absent", [
    ("Президент Таджикистана обратился к ОДКБ и к России с просьбой о помощи.", ("appeal", "RUS", "CSTO")),
    ("Министр обратился в ОДКБ, выступая в Брюсселе.", ("appeal", None, "NATO")),
    ("Кремль заявил, что готов рассмотреть просьбу Бишкека о помощи.", ("offer", "RUS", "KGZ")),
])
def test_extract_phrasing_does_not_give(text, absent):
    from treatywatch.extract import extract_text

    assert absent not in {e.key[:3] for e in extract_text(text)} and all(
        e.target != "NATO" for e in extract_text(text) if absent[2] == "NATO")
