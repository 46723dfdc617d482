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


@pytest.mark.parametrize(
    "text, ref, expected",
    [
        # a day without its year takes the year told before it in the sentence, page date or not
        ("On 3 May 2011 the envoys said the council would meet on 9 May.", None, ["2011-05-03", "2011-05-09"]),
        ("On 3 May 2011 the envoys said the council would meet on 9 May.", REF, ["2011-05-03", "2011-05-09"]),
        ("12 апреля 2014 года министры заявили, что совет соберётся 15 апреля.", REF, ["2014-04-12", "2014-04-15"]),
        ("Посли зустрілися 2 лютого 2019 року, а 4 лютого ухвалили рішення.", None, ["2019-02-02", "2019-02-04"]),
        # ranges of days: the first day
        ("Бои шли с 3 по 5 марта.", REF, ["2023-03-03"]),
        ("Сутички тривали з 20 до 22 лютого.", REF, ["2023-02-20"]),
        ("The shelling went on from 1 to 4 March.", REF, ["2023-03-01"]),
    ],
)
def test_timex_day_takes_the_year_of_its_sentence(text, ref, expected):
    assert [t.value for t in find_times(text, ref) if t.explicit] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Сутички почалися 14 вересня.", "2016-09-14"),
        ("The envoys met on June 2.", "2016-06-02"),
        ("В конце ноября совет собрался снова.", "2016-11"),
    ],
)
def test_timex_story_year_dates_a_page_without_date(text, expected):
    assert [t.value for t in find_times(text, None, year=2016)] == [expected]
    assert find_times(text, None) == []  # no year anywhere: not resolvable


def test_timex_story_year_does_not_override_the_page_date():
    assert find_times("Совет собрался 2 февраля.", REF, year=2016)[0].value == "2023-02-02"


@pytest.mark.parametrize(
    "text",
    [
        "Hours before the vote, the minister had asked for help.",
        "A few hours later the council agreed.",
        "Через несколько часов министр обратился к союзникам.",
        "Відповідь надійшла через кілька годин.",
        "За кілька годин до засідання уряд звернувся до союзників.",
    ],
)
def test_timex_hours_before_or_after_is_the_day_last_named(text):
    assert [(t.value, t.explicit) for t in find_times(text, REF)] == [("same-day", False)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NATO said Thursday it would send more jets.", ["2023-03-09"]),
        ("The envoys will meet Monday morning.", ["2023-03-06"]),
        ("Вылет назначили на вечер четверга.", ["2023-03-09"]),
        ("Засідання перенесли на ранок понеділка.", ["2023-03-06"]),
        ("after Friday's attacks in the capital", []),  # the attacks' day, told as theirs
        ("Thursday, March 9, 2023", ["2023-03-09"]),  # the date itself, not a second weekday
    ],
)
def test_timex_weekday_without_preposition(text, expected):
    assert [t.value for t in find_times(text, REF)] == expected
