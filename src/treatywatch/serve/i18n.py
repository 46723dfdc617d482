"""Interface language: message catalogues (locales/*.yaml), the choice of language, and
what a page says in it.

The language is chosen by `?lang=` first, then the browser's Accept-Language, then
English. Catalogues are flat `key: text` maps; `str.format` fields fill the blanks.
A key missing in a catalogue falls back to English (a test keeps them complete). Keys
built from data values (`outcome.<value>`) may name a value the catalogues do not know
yet: the page then shows the value itself rather than failing.

`Interface(lang, knowledge)` is the `t` of every template: `t(key, **fields)` for a
message, and for the data a page shows

    t.name("KAZ")          Казахстан (parties, groups, bodies, people: their data files' names)
    t.names(["RUS", ...])  Россия, Беларусь
    t.when("2022-01-05")   5 января 2022 (`2022-01`: январь 2022; month names from CLDR, via Babel)
    t.short_when(...)      5 янв. (`2022-01`: янв. 2022), for a timeline's axis
    t.basis("CST-4")       Договор о коллективной безопасности, ст. 4 (treaties.yaml)
    t.finding(f)           a treaty finding (reason/findings.py: `key` and `fields`)
    t.why(row)             why an explanation row counted as it did (reason/explain.py)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

import yaml
from babel.dates import format_date

from treatywatch.errors import DataFileError

LANGUAGES = ("en", "ru", "uk")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "uk": "Українська"}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?$")  # a day, or its timestamp
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

# Fields of findings (reason/findings.py) by what they hold; the others are shown as given.
PARTY_FIELDS = frozenset({"state", "org"})
PARTY_LIST_FIELDS = frozenset({"states"})
PERSON_LIST_FIELDS = frozenset({"speakers"})
DATE_FIELDS = frozenset({"when", "since", "ended", "decided", "sent", "month"})
# Optional fields that a finding's text shows through a phrase of their own ("since …").
OPTIONAL_PHRASES = frozenset({"since", "ended", "source"})


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """The messages of one interface language, loaded once."""
    path = resources.files("treatywatch.serve") / "locales" / f"{lang}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read message catalogue ({exc}); fix the YAML") from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise DataFileError(f"{path}: a catalogue must be a flat map of key: text")
    return data


def format_when(value: object, lang: str) -> str:
    """An ISO day, month or year in words of `lang` ("5 January 2022", "январь 2022");
    anything else as it is."""
    text = str(value or "").strip()
    if "/" in text:  # an interval: 2025-11-20/2025-11-30
        return " – ".join(format_when(part, lang) for part in text.split("/", 1))
    locale = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    try:
        if day := _DAY.match(text):
            return format_date(dt.date(*map(int, day.groups())), "d MMMM y", locale=locale)
        if month := _MONTH.match(text):
            return format_date(dt.date(int(month[1]), int(month[2]), 1), "LLLL y", locale=locale)
    except ValueError:  # 2022-13: not a date after all
        return text
    return text


def format_short_when(value: object, lang: str) -> str:
    """A day or month as a timeline axis says it ("5 янв.", "янв. 2022"); else as it is."""
    text = str(value or "").strip()
    locale = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    try:
        if day := _DAY.match(text):
            return format_date(dt.date(*map(int, day.groups())), "d MMM", locale=locale)
        if month := _MONTH.match(text):
            return format_date(dt.date(int(month[1]), int(month[2]), 1), "LLL y", locale=locale)
    except ValueError:
        return text
    return text


class Interface:
    """What a page says in one language. Built per request; holds no state of its own
    beyond the language and the (read-only) knowledge."""

    def __init__(self, lang: str, knowledge: Any = None):
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._own = catalogue(self.lang)
        self._fallback = catalogue(DEFAULT_LANGUAGE)
        self._knowledge = knowledge

    def __call__(self, key: str, **fields: object) -> str:
        text = self._own.get(key) or self._fallback.get(key)
        if text is None:
            return key.rsplit(".", 1)[-1]
        return text.format(**fields) if fields else text

    def has(self, key: str) -> bool:
        return key in self._own or key in self._fallback

    # --- data in the interface language ---------------------------------------------

    def name(self, code: object) -> str:
        """A party (or group, body, person) id in this language; `media` and no source
        in words; an id the data does not know as it is."""
        if code is None or code == "":
            return "—"
        if code == "media":
            return self("source.media")
        if self._knowledge is None:
            return str(code)
        return self._knowledge.display_name(str(code), self.lang)

    def names(self, codes: Iterable[object]) -> str:
        return ", ".join(self.name(c) for c in codes or ())

    def when(self, value: object) -> str:
        return format_when(value, self.lang) if value else ""

    def short_when(self, value: object) -> str:
        return format_short_when(value, self.lang) if value else ""

    def basis(self, basis_id: object) -> str:
        """A treaty or article id (`CST`, `CST-4`, `TEU-42.7`) as the treaty's name here."""
        if not basis_id:
            return "—"
        wanted = str(basis_id)
        for treaty in self._knowledge.treaties() if self._knowledge is not None else ():
            if treaty.basis == wanted:
                return treaty.name(self.lang)
            for article in treaty.articles:
                if article.basis == wanted:
                    return self("basis.article", treaty=treaty.name(self.lang), article=article.number)
        return wanted

    def finding(self, finding: Mapping[str, Any]) -> str:
        """A treaty finding in this language; its English message when it has no key
        (a store built by an older version) or the key is not in the catalogues."""
        key = f"finding.text.{finding.get('key')}"
        if not finding.get("key") or not self.has(key):
            return str(finding.get("message") or "")
        fields = {name: self._field(name, value) for name, value in (finding.get("fields") or {}).items()}
        return self(key, **fields)

    def why(self, row: Mapping[str, Any]) -> str:
        key = f"why.text.{row.get('why_key')}"
        if not row.get("why_key") or not self.has(key):
            return str(row.get("why") or "")
        fields = dict(row.get("why_fields") or {})
        if "weight" in fields:
            fields["weight"] = self(f"weight.{fields['weight']}") if fields["weight"] else self("why.stronger")
        if "basis" in fields:
            fields["basis"] = self.basis(fields["basis"]) if fields["basis"] else self("why.another_article")
        return self(key, **fields)

    def _field(self, name: str, value: Any) -> str:
        if name in OPTIONAL_PHRASES:
            if not value:
                return ""
            shown = self.when(value) if name in DATE_FIELDS else str(value)
            return self(f"finding.part.{name}", value=shown)
        if name in PARTY_FIELDS:
            return self.name(value)
        if name in PARTY_LIST_FIELDS:
            return self.names(value)
        if name in PERSON_LIST_FIELDS:
            return ", ".join(sorted(self.name(p) for p in value or ()))
        if name in DATE_FIELDS:
            return self.when(value)
        if name == "outcome":
            return self(f"outcome.{value}")
        return str(value)


def translator(lang: str, knowledge: Any = None) -> Interface:
    """`t(key, **fields)` for one language, falling back to English per key."""
    return Interface(lang, knowledge)


def choose_language(query_lang: str | None, accept_language: str | None) -> str:
    """`?lang=` if it names a supported language, else the best Accept-Language match."""
    if query_lang and query_lang.lower() in LANGUAGES:
        return query_lang.lower()
    for lang in _accepted(accept_language or ""):
        if lang in LANGUAGES:
            return lang
    return DEFAULT_LANGUAGE


def _accepted(header: str) -> list[str]:
    """Primary language tags of an Accept-Language header, best first."""
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary and quality > 0:
            weighted.append((-quality, position, primary))
    return [tag for _, _, tag in sorted(weighted)]
