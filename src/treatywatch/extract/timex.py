"""Time expressions in a sentence, normalized against the document date.

Returns ISO strings as precise as the text allows (`2022-01-06`, `2022-01`, `2022`).
The patterns below find the expressions; dateparser reads the day-and-month ones (in three
languages, the year taken from the document date, dates in the past preferred); what it
does not know (`накануне`, `в конце ноября`, weekday names, "last week") is resolved here
against the document date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {
    # stems in ru, uk, en -> month number
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "мая": 5, "май": 5, "мае": 5, "июн": 6, "июл": 7,
    "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "трав": 5, "черв": 6, "лип": 7, "серп": 8,
    "верес": 9, "жовт": 10, "листопад": 11, "груд": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (
    r"(январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|"
    r"січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*|черв\w*|лип\w*|серп\w*|верес\w*|жовт\w*|листопад\w*|груд\w*|"
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|march|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_YEAR = r"((?:19|20)\d\d)"

# a day, or a range of days told by its first ("13–14 сентября", "з 14 по 17 вересня", "from 3 to 5 May")
_DAY_RANGE = r"(?:\s*[-–—]\s*|\s+(?:по|до|to|and|и|і|й|та)\s+)"
DAY_MONTH = re.compile(rf"(?<![\d.])(\d{{1,2}})(?:{_DAY_RANGE}(\d{{1,2}}))?\s+{_MONTH_RE}(?:\s+{_YEAR})?(?!\w)", re.I)
MONTH_DAY = re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?", re.I)
MONTH_YEAR = re.compile(rf"(?<!\d\s){_MONTH_RE}(?![\w-])\s+{_YEAR}", re.I)
MONTH_ALONE = re.compile(
    rf"\b(?:в|во|у|в\s+конце|в\s+начале|в\s+середине|к\s+концу|наприкінці|на\s+початку|в\s+кінці|у\s+середині|"
    rf"in|in\s+late|in\s+early|in\s+mid-?|at\s+the\s+end\s+of|at\s+the\s+start\s+of|since|ещ[её]\s+в|ще\s+в|до)\s+{_MONTH_RE}(?![\w-])(?!\s*\d)",
    re.I,
)
NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b")
ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
YEAR_ALONE = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?:\s*(?:год\w*|г\.|року|році|рік|year))?(?![\d.,]\d)", re.I)

WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресень": 6,
    "понеділ": 0, "вівтор": 1, "серед": 2, "четвер": 3, "п'ятниц": 4, "п’ятниц": 4, "субот": 5, "неділ": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_RE = re.compile(
    r"\b(?:в|во|у|on|last|this|минул\w+|прошл\w+)\s+(?:прошл\w+\s+|минул\w+\s+)?"
    r"(понедельник\w*|вторник\w*|сред[уы]|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*|"
    r"понеділ\w*|вівтор\w*|серед\w*|четвер\w*|п['’]ятниц\w*|субот\w*|неділ\w*|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.I,
)
# News English names the day bare ("NATO said Thursday", "Tuesday's vote" is the vote's);
# ru/uk name a part of it ("на вечер четверга", "ранок понеділка")
BARE_WEEKDAY = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*['’]s?\b)(?!,?\s+(?:\d|January|February|"
    r"March|April|May|June|July|August|September|October|November|December))"
    r"|(?i:\b(?:на\s+)?(?:вечер|утро|ночь|вечір|ранок|ніч)\s+"
    r"(понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья|"
    r"понеділка|вівторка|середи|четверга|п['’]ятниці|суботи|неділі))"
)
RELATIVE = [
    (re.compile(r"\b(позавчера|позавчора|the\s+day\s+before\s+yesterday)\b", re.I), -2),
    (re.compile(r"(накануне|напередодні|вчера|вчора|учора|yesterday|the\s+previous\s+(?:day|evening|night)|the\s+day\s+before|the\s+night\s+before)", re.I), -1),
    (re.compile(r"(сегодня|сьогодні|today|this\s+morning|tonight|утром|вранці|зранку|earlier\s+today)", re.I), 0),
]
WEEK_AGO = re.compile(r"(на\s+прошлой\s+неделе|минулого\s+тижня|на\s+минулому\s+тижні|last\s+week|earlier\s+this\s+week|this\s+week|на\s+этой\s+неделе|цього\s+тижня)", re.I)
THIS_MONTH = re.compile(r"(earlier\s+this\s+month|this\s+month|в\s+этом\s+месяце|цього\s+місяця|в\s+начале\s+месяца)", re.I)
LAST_MONTH = re.compile(r"(last\s+month|в\s+прошлом\s+месяце|минулого\s+місяця)", re.I)
THIS_YEAR = re.compile(r"(this\s+year|в\s+этом\s+году|цього\s+року|этого\s+года)", re.I)
LAST_YEAR = re.compile(r"(last\s+year|в\s+прошлом\s+году|минулого\s+року)", re.I)
SAME_DAY = re.compile(
    r"(в\s+тот\s+же\s+день|того\s+ж(?:е)?\s+дня|того\s+самого\s+дня|the\s+same\s+day|that\s+same\s+day|later\s+that\s+day|"
    # hours before or after what was just told: its day
    r"(?:(?:a\s+few|several|two|three|\w+)\s+)?hours\s+(?:before|after|later|earlier)|"
    r"(?:через|за|спустя)\s+(?:несколько|пару|кілька|декілька|пару)\s+(?:часов|часа|годин)|"
    r"(?:несколько|кілька|декілька)\s+(?:часов|годин)\s+(?:спустя|потому))",
    re.I,
)
# Quick misses, each implied by every match of the patterns it guards: no year, no dated
# expression ("в марте 2022", "осенью 2021", a year told); no digit, no day; none of these
# keywords (below), no match (most sentences name no date; the patterns try every position).
_YEAR_SEEN = re.compile(r"(?:19|20)\d\d")
_DIGIT_SEEN = re.compile(r"\d")
SEASON = re.compile(r"(осенью|осінню|восени|fall\s+of|autumn\s+of|весной|навесні|spring\s+of|летом|влітку|summer\s+of|зимой|взимку|winter\s+of)\s+((?:19|20)\d\d)", re.I)

# The words without which each pattern cannot match, looked for in the lowercased sentence
# (a substring test costs far less than a pattern tried at every position). Lower case
# finds what the patterns' re.I finds for Latin and Cyrillic text; a sentence with other
# letters (re.I folds "ſ", "K", "ᲀ" too) skips no pattern (_FOLD_UNSAFE).
_MONTH_STEMS = tuple(MONTHS)
_WEEKDAY_STEMS = ("понедельник", "вторник", "сред", "четвер", "пятниц", "суббот", "воскресень", "понеділ", "вівтор",
                  "серед", "ятниц", "субот", "неділ", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday")
_KEYWORDS: dict[re.Pattern, tuple[str, ...]] = {
    DAY_MONTH: _MONTH_STEMS, MONTH_DAY: _MONTH_STEMS, MONTH_YEAR: _MONTH_STEMS, MONTH_ALONE: _MONTH_STEMS,
    WEEKDAY_RE: _WEEKDAY_STEMS, BARE_WEEKDAY: _WEEKDAY_STEMS,
    RELATIVE[0][0]: ("позавчера", "позавчора", "yesterday"),
    RELATIVE[1][0]: ("накануне", "напередодні", "вчера", "вчора", "учора", "yesterday", "previous", "before"),
    RELATIVE[2][0]: ("сегодня", "сьогодні", "today", "morning", "tonight", "утром", "вранці", "зранку"),
    WEEK_AGO: ("недел", "тижн", "week"),
    THIS_MONTH: ("month", "месяц", "місяц"), LAST_MONTH: ("month", "месяц", "місяц"),
    THIS_YEAR: ("year", "году", "года", "року"), LAST_YEAR: ("year", "году", "року"),
    SAME_DAY: ("день", "дня", "day", "hours", "час", "годин"),
    SEASON: ("осенью", "осінню", "восени", "fall", "autumn", "весной", "навесні", "spring", "летом", "влітку",
             "summer", "зимой", "взимку", "winter"),
}
_FOLD_UNSAFE = re.compile(r"[^\x00-\x7f\u00a0-\u00bf\u0400-\u04ff\u2000-\u206f\u2116]")


def _matches(pattern: re.Pattern, text: str, lowered: str | None):
    """pattern.finditer(text), or nothing when `lowered` lacks every word the pattern needs."""
    if lowered is not None and not any(word in lowered for word in _KEYWORDS[pattern]):
        return ()
    return pattern.finditer(text)


@dataclass
class TimeExpr:
    start: int  # char offsets within the sentence text
    end: int
    value: str  # ISO, as precise as known
    explicit: bool  # names a date of its own (not "the same day")
    weekday: bool = False  # "on Monday": the last such day, or the next one for a plan

    def ahead(self) -> str:
        """The same weekday a week later: "will meet on Monday" is the coming Monday."""
        day = dt.date.fromisoformat(self.value)
        return (day + dt.timedelta(days=7)).isoformat()


def _month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    for stem, number in MONTHS.items():
        if w.startswith(stem):
            if stem in {"mar", "jun", "jul", "may"} and len(w) > 3 and not ("march".startswith(w) or "june".startswith(w) or "july".startswith(w) or w == "may"):
                continue
            return number
    return None


def _year_for(month: int, day: int | None, ref: dt.date | None) -> int | None:
    if ref is None:
        return None
    year = ref.year
    try:
        candidate = dt.date(year, month, day or 1)
    except ValueError:
        return year
    if candidate > ref + dt.timedelta(days=1):
        year -= 1
    return year


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


@lru_cache(maxsize=4096)
def _dateparser_day(expression: str, lang: str | None, ref: dt.date | None) -> str | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if ref is not None:
        settings["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day) + dt.timedelta(days=1)
    parsed = dateparser.parse(expression, languages=[lang] if lang else ["ru", "uk", "en"], settings=settings)
    return parsed.date().isoformat() if parsed else None


def _years_told(text: str) -> list[tuple[int, int]]:
    """(offset, year) of the dates in `text` that name their year."""
    if not _YEAR_SEEN.search(text):
        return []
    told = [(m.start(), int(m.group(1))) for m in ISO.finditer(text)]
    told += [(m.start(), int(m.group(3))) for m in NUMERIC.finditer(text)]
    told += [(m.start(), int(m.group(4))) for m in DAY_MONTH.finditer(text) if m.group(4) and _month_of(m.group(3))]
    told += [(m.start(), int(m.group(3))) for m in MONTH_DAY.finditer(text) if m.group(3) and _month_of(m.group(1))]
    told += [(m.start(), int(m.group(2))) for m in MONTH_YEAR.finditer(text) if _month_of(m.group(1))]
    return sorted(told)


def find_times(text: str, ref: dt.date | None, lang: str | None = None, year: int | None = None) -> list[TimeExpr]:
    """All time expressions of a sentence, left to right, without overlaps.

    A day or month named without its year takes the year of a date told earlier in the
    sentence ("on 24 June 2012 ... will meet on 26 June"), else the year it has before the
    document date `ref`, else `year`: the year the story is in, for a page with no date.
    """
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    told = _years_told(text)
    digits, years = _DIGIT_SEEN.search(text) is not None, _YEAR_SEEN.search(text) is not None
    lowered = None if _FOLD_UNSAFE.search(text) else text.lower()

    def year_before(offset: int) -> int | None:
        return next((y for at, y in reversed(told) if at < offset), None)

    def year_of(m: re.Match, month: int, day: int | None) -> int | None:
        here = year_before(m.start())
        if here is not None:
            return here
        return _year_for(month, day, ref) if ref is not None else year

    def add(m: re.Match, value: str | None, explicit: bool = True, group: int = 0, weekday: bool = False) -> None:
        if value is None:
            return
        s, e = m.span(group)
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        found.append(TimeExpr(s, e, value, explicit, weekday))

    for m in ISO.finditer(text) if years else ():
        add(m, _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in NUMERIC.finditer(text) if years else ():
        add(m, _iso(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _matches(DAY_MONTH, text, lowered) if digits else ():
        month = _month_of(m.group(3))
        if month is None:
            continue
        day = int(m.group(1))
        if m.group(4) or (ref is not None and year_before(m.start()) is None):
            spoken = f"{day} {m.group(3)}" + (f" {m.group(4)}" if m.group(4) else "")
            value = _dateparser_day(spoken, lang, ref)
            if value is not None:
                add(m, value)
                continue
        add(m, _iso(int(m.group(4)) if m.group(4) else year_of(m, month, day), month, day))
    for m in _matches(MONTH_DAY, text, lowered) if digits else ():
        month = _month_of(m.group(1))
        if month is None:
            continue
        day = int(m.group(2))
        add(m, _iso(int(m.group(3)) if m.group(3) else year_of(m, month, day), month, day))
    for m in _matches(MONTH_YEAR, text, lowered) if years else ():
        month = _month_of(m.group(1))
        if month:
            add(m, _iso(int(m.group(2)), month))
    for m in _matches(MONTH_ALONE, text, lowered):
        month = _month_of(m.group(1))
        if month:
            add(m, _iso(year_of(m, month, None), month))
    for m in _matches(SEASON, text, lowered) if years else ():
        add(m, m.group(2))
    for m in [*_matches(WEEKDAY_RE, text, lowered), *_matches(BARE_WEEKDAY, text, lowered)] if ref is not None else ():
        if ref is None:
            continue
        word = next(g for g in m.groups() if g).lower()
        weekday = next((n for stem, n in WEEKDAYS.items() if word.startswith(stem)), None)
        if weekday is None:
            continue
        back = (ref.weekday() - weekday) % 7
        if m.group(0).lower().startswith(("last", "прошл", "минул")) and back == 0:
            back = 7
        add(m, (ref - dt.timedelta(days=back)).isoformat(), weekday=True)
    if ref is not None:
        for pattern, offset in RELATIVE:
            for m in _matches(pattern, text, lowered):
                add(m, (ref + dt.timedelta(days=offset)).isoformat())
        for m in _matches(WEEK_AGO, text, lowered):
            day = ref - dt.timedelta(days=7 if m.group(0).lower().startswith(("на прош", "мину", "на мину", "last")) else 0)
            add(m, f"{day.year:04d}-{day.month:02d}")
        for m in _matches(THIS_MONTH, text, lowered):
            add(m, f"{ref.year:04d}-{ref.month:02d}")
        for m in _matches(LAST_MONTH, text, lowered):
            prev = ref.replace(day=1) - dt.timedelta(days=1)
            add(m, f"{prev.year:04d}-{prev.month:02d}")
        for m in _matches(THIS_YEAR, text, lowered):
            add(m, f"{ref.year:04d}")
        for m in _matches(LAST_YEAR, text, lowered):
            add(m, f"{ref.year - 1:04d}")
    for m in YEAR_ALONE.finditer(text) if years else ():
        add(m, m.group(1), group=1)
    for m in _matches(SAME_DAY, text, lowered):
        add(m, "same-day", explicit=False)
    found.sort(key=lambda t: t.start)
    return found
