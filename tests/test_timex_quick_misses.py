"""find_times skips a pattern only when the sentence lacks every word the pattern needs
(timex._KEYWORDS); each row here is found through one of those words, in each language."""

import datetime as dt

import pytest

from treatywatch.extract.timex import find_times

REF = dt.date(2024, 3, 14)  # a Thursday

ROWS = [
    ("Делегация прибыла в Минск ещё в ноябре.", "ru", "2023-11"),
    ("Посол назвал сроки: 5 мая.", "ru", "2023-05-05"),
    ("Переговоры прошли в четверг в столице.", "ru", "2024-03-14"),
    ("Накануне министр отверг эти сведения.", "ru", "2024-03-13"),
    ("Позавчора уряд скликав нараду.", "uk", "2024-03-12"),
    ("Сьогодні рада збереться знову.", "uk", "2024-03-14"),
    ("Минулого тижня штаб отримав запит.", "uk", "2024-03"),
    ("Того ж дня посольство відповіло.", "uk", "same-day"),
    ("The envoy left the day before.", "en", "2024-03-13"),
    ("Officials met on Tuesday to discuss it.", "en", "2024-03-12"),
    ("Talks resumed earlier this month.", "en", "2024-03"),
    ("The request was filed last year.", "en", "2023"),
    ("The bloc answered a few hours later.", "en", "same-day"),
    ("Exercises were held in the autumn of 2021.", "en", "2021"),
    ("The letter came in March 2022.", "en", "2022-03"),
    # a letter re.I folds but lower() does not ("ſ" is "s"): no pattern may be skipped
    ("They arrived yeſterday.", "en", "2024-03-13"),
]


@pytest.mark.parametrize("text,lang,value", ROWS)
def test_each_kind_of_expression_is_still_found(text, lang, value):
    assert value in [t.value for t in find_times(text, REF, lang)]


def test_a_sentence_with_no_time_words_has_no_times():
    assert find_times("The council discussed the situation in the region.", REF, "en") == []
