"""Datelines: short lines that date the story ("АЛМАТЫ, 6 января 2022.", "20 січня 2022 року",
"NUR-SULTAN, January 11, 2022", "By X · January 10, 2022 · 19:05", "06.01.2022").

A cheap shape test picks candidate lines. Month names come from dateparser's own
language data (ru, uk, en, all their forms); a date whose month word is not found there
goes to dateparser.parse, once per distinct string (a millisecond a call, far more on the
first call per language).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import re

MAX_DATELINE_CHARS = 120
# Words a dateline may carry besides its date: a city, "By <author>", a rubric, "UPD".
MAX_OTHER_WORDS = 4
DATEPARSER_LANGUAGES = ["ru", "uk", "en"]

_WORD = r"[^\W\d_]{3,}\.?"
_DATE = re.compile(
    r"(?<![\d.])(?:"
    rf"(?P<day_first>(?P<d1>\d{{1,2}})\s+(?P<w1>{_WORD})\s*,?\s+(?P<y1>\d{{4}}))"
    rf"|(?P<month_first>(?P<w2>{_WORD})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{{4}}))"
    r"|(?P<dmy>(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4}))"
    r"|(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
    r")(?!\d)"
)
_YEAR_DIGITS = re.compile(r"\d{4}")  # every date _DATE finds has its year in figures: a quick miss
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_TOKEN = re.compile(r"[^\W_]+")
# "2022 года", "2022 року", "2022 г.", "р." and time zones do not count as extra words.
_DATE_WORDS = frozenset({"год", "года", "г", "рік", "року", "р", "utc", "gmt", "msk", "мск", "eet", "cet"})


def dateline_date(line: str) -> dt.date | None:
    """The date of `line` if the line is a dateline, else None."""
    if len(line) > MAX_DATELINE_CHARS or not _YEAR_DIGITS.search(line):
        return None
    found = _DATE.search(line)
    if not found:
        return None
    rest = _TIME.sub(" ", line[:found.start()] + " " + line[found.end():])
    others = [t for t in _TOKEN.findall(rest) if t.lower() not in _DATE_WORDS]
    if len(others) > MAX_OTHER_WORDS:
        return None
    if found["dmy"]:
        return _checked_date(int(found["y"]), int(found["m"]), int(found["d"]))
    if found["iso"]:
        return _checked_date(int(found["iy"]), int(found["im"]), int(found["id"]))
    day, word, year = (found["d1"], found["w1"], found["y1"]) if found["day_first"] else \
        (found["d2"], found["w2"], found["y2"])
    month = month_names().get(word.lower().rstrip("."))
    if month is not None:
        return _checked_date(int(year), month, int(day))
    return parse_date_words(found.group(0))


def _checked_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if _plausible(date) else None


def _plausible(date: dt.date) -> bool:
    return 1900 <= date.year <= dt.date.today().year + 1


MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")


@functools.cache
def month_names() -> dict[str, int]:
    """Month words of dateparser's ru/uk/en data ('января', 'січень', 'jan') -> 1..12."""
    names: dict[str, int] = {}
    for language in DATEPARSER_LANGUAGES:
        try:
            info = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
        except (ImportError, AttributeError):  # layout changed: dateparser.parse does it all
            continue
        for number, key in enumerate(MONTH_KEYS, start=1):
            for name in info.get(key, []):
                names[name.lower().rstrip(".")] = number
    return names


@functools.lru_cache(maxsize=4096)
def parse_date_words(text: str) -> dt.date | None:
    """'6 января 2022', '20 січня 2022', 'January 11, 2022' -> date (dateparser, cached)."""
    import dateparser  # slow import, kept off the path of documents without datelines

    parsed = dateparser.parse(
        text,
        languages=DATEPARSER_LANGUAGES,
        settings={"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY",
                  "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        return None
    date = parsed.date()
    return date if _plausible(date) else None


# What may follow the date of a dateline that opens the lead: a time, the agency in
# brackets, then a dash or a bar ("Prague, 2 October 2001 (Agency) -- ...", "06.01.2022 | 22:17 ...").
_LEAD_SEPARATOR = re.compile(r"\s*(?:,?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:\([^()]{1,60}\))?\s*(?:--|[—–|-])\s*")
LEAD_DATELINE_CHARS = 80


def lead_date(paragraph: str) -> dt.date | None:
    """The date of a dateline run into a story's first paragraph: a city or a word or two,
    the date, then a dash or a bar; or an ISO date, which no story's prose is written in
    ("date 2025-12-04 Earlier the agency ...")."""
    head = paragraph[:LEAD_DATELINE_CHARS]
    found = _DATE.search(head)
    if not found:
        return None
    others = [t for t in _TOKEN.findall(head[:found.start()]) if t.lower() not in _DATE_WORDS]
    if len(others) > MAX_OTHER_WORDS:
        return None
    if not found["iso"] and not _LEAD_SEPARATOR.match(paragraph, found.end()):
        return None
    return dateline_date(found.group(0))


# /2022/01/06/, /2022-01-06/, /20220106/ in the path of a story's address
_URL_DATE = re.compile(r"/((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/._-]|$)")


def url_date(url: str | None) -> dt.date | None:
    """The date a story's URL carries in its path, if any."""
    found = _URL_DATE.search(url or "")
    return _checked_date(int(found[1]), int(found[3]), int(found[4])) if found else None
