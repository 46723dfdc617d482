"""lang/tokens.razdel_spans cuts text exactly as razdel.tokenize does (it replaces razdel's
per-atom records with tuples for speed; the rules must stay razdel's)."""

import random

import pytest
from razdel import tokenize as razdel_tokenize

from treatywatch.extract.lang.tokens import razdel_spans, tokenize

SENTENCES = [
    "Президент Армении в четверг направил письмо в ОДКБ с просьбой о помощи.",
    "Кто-то сообщил, что 2,5 тыс. военных прибудут к 15:00 — так, по крайней мере, пишут СМИ.",
    "Прем'єр-міністр заявив: «Ми не зверталися до Організації»… Чи буде відповідь?!",
    "Сили НАТО — близько 1/3 контингенту — залишаться у країні до 2025 р.",
    "NATO's Secretary-General didn't rule out Article 4 talks (e.g. on 3.5% spending) :-) ;) =(((",
    "Yahoo! reported U.S. troops--about 1,200 of them--left ***before*** dawn; ΔP = 0,75 mβж.",
    "snake_case_word, e-mail, №5, 10-15 км, 24/7 ... ?! !!! -- -",
    "",
    "   \n\t  ",
    "Її та їхні війська, ґанок і п'ять ʼєдиних",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_written_sentences_cut_as_razdel_cuts_them(text):
    assert razdel_spans(text) == [(t.start, t.stop) for t in razdel_tokenize(text)]


def test_random_strings_of_every_character_class_cut_as_razdel_cuts_them():
    rng = random.Random(7)
    alphabet = list("аБвёЁіїєґabcXYZ019 .,-—–‑−_/\\:;()[]{}=*!?…«»\"„'’ʼ`Δσ€\n\t") + ["yahoo", "Yahoo", ":-)", "--", "**", "1/2", "3,5"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
        assert razdel_spans(text) == [(t.start, t.stop) for t in razdel_tokenize(text)], repr(text)


def test_tokenize_glues_ukrainian_apostrophes_back_but_not_english_ones():
    assert [t.text for t in tokenize("прем'єр та NATO's")] == ["прем'єр", "та", "NATO", "'", "s"]
    assert [t.text for t in tokenize("прем'єр", merge_apostrophes=False)] == ["прем", "'", "єр"]
