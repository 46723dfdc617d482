"""Help that is not collective-security assistance, and everyday news that only sounds
like it, give no event; the security request next to it still does."""

import pytest


@pytest.mark.parametrize("text", [
    "Украина попросила у Евросоюза финансовой помощи для восстановления энергосистемы.",
    "Kazakhstan asked the EU for an energy loan to modernise its grid.",
    "Молдова звернулася до ЄС по кредит на закупівлю газу.",
    "The Kazakh football federation asked UEFA to move the match to Astana.",
    "ОДКБ утвердила план совместной подготовки на 2026 год.",
    "NATO allies held their regular annual summit in The Hague.",
])
def test_extract_scope_gives_nothing(text):
    from treatywatch.extract import extract_text

    assert extract_text(text) == []


@pytest.mark.parametrize("text, key", [
    ("Армения попросила ОДКБ о военной помощи.", ("appeal", "ARM", "CSTO", "positive", "actual")),
    ("Kyrgyzstan asked Russia to send peacekeepers.", ("appeal", "KGZ", "RUS", "positive", "actual")),
])
def test_extract_scope_keeps_security_requests(text, key):
    from treatywatch.extract import extract_text

    assert key in {e.key for e in extract_text(text)}
