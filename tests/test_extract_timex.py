"""Time expressions resolved against the document date (our own phrases)."""

import datetime as dt

import pytest

from treatywatch.extract.timex import find_times

REF = dt.date(2023, 3, 10)  # a Friday


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Министр прилетел 7 марта.", "2023-03-07"),
        ("Делегация прибыла 28 декабря.", "2022-12-28"),  # a later month means last year
        ("Решение приняли 4 серпня 2021 року.", "2021-08-04"),
        ("The talks began on February 2, 2023.", "2023-02-02"),
        ("The request came on Feb. 14.", "2023-02-14"),
        ("Заявление сделано накануне вечером.", "2023-03-09"),
        ("Про це вчора повідомило відомство.", "2023-03-09"),
        ("The envoy said so yesterday.", "2023-03-09"),
        ("Сегодня утром прошло совещание.", "2023-03-10"),
        ("Парламент проголосовал в среду.", "2023-03-08"),
        ("The council met on Friday.", "2023-03-10"),
        ("They had asked last Friday.", "2023-03-03"),
        ("В конце ноября начались обстрелы.", "2022-11"),
        ("Наприкінці лютого сталася спроба.", "2023-02"),
        ("The plea was made in late January.", "2023-01"),
        ("Войска ввели в январе 2022 года.", "2022-01"),
        ("У червні 2010 року почалися сутички.", "2010-06"),
        ("Это было осенью 2020 года.", "2020"),
        ("Ещё в 2013 году совет принял решение.", "2013"),
        ("Опубликовано 06.01.2022.", "2022-01-06"),
        ("last week the ministry confirmed it", "2023-03"),
    ],
)
def test_timex_resolves_against_document_date(text, expected):
    values = [t.value for t in find_times(text, REF)]
    assert values and values[0] == expected, values


def test_timex_ignores_words_that_only_look_like_months():
    assert find_times("Он максимально мартышкин труд назвал", REF) == []


def test_timex_without_document_date_keeps_absolute_dates_only():
    values = [t.value for t in find_times("Накануне, 5 января 2022 года, он обратился", None)]
    assert values == ["2022-01-05"]


def test_timex_day_ranges_take_the_first_day():
    assert find_times("события 13–14 сентября", REF)[0].value == "2022-09-13"
