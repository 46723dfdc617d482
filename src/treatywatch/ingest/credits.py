"""Who published a text, read off the text itself: a "Источник: …" line, a wire credit
near the top ("(Reuters)", "/ТАСС/", "— Интерфакс"), an agency the lead relays
("..., передает агентство «…».") or an aggregator's "Читать на сайте …". The labels,
verbs and nouns are data (`data/credits.yaml`), the agencies those of `data/outlets.yaml`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).resolve().parents[1] / "data" / "credits.yaml"


@dataclass(frozen=True)
class _Rules:
    source_line: re.Pattern[str]
    wire: re.Pattern[str] | None
    relay: re.Pattern[str]
    read_on: re.Pattern[str]
    max_words: int
    wire_reach: int
    relay_reach: int


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))

    def words(key: str) -> list[str]:
        return [word for values in data[key].values() for word in values]

    line = re.compile(r"^[ \t]*(?:" + _alternatives(words("source_labels"))
                      + r")[ \t]*:[ \t]*(?P<value>[^\n]+?)[ \t.]*$", re.M | re.I)
    names = _alternatives(_agency_names())
    wire = None
    if names:
        # "(Reuters) -": a credit ends in a dash; "(Reuters)" after a photo is a photo credit
        wire = re.compile(r"(?:\(\s*(?P<a>" + names + r")\s*\)[ \t]*[—–-]"
                          r"|/\s*(?P<b>" + names + r")\s*/"
                          r"|[—–]\s*(?P<c>" + names + r")(?=\s*[.,:]|\s*$))", re.M)
    # "..., передает агентство «Степь-Инфо».": the verb, at most two words (an adjective,
    # "Об этом"), the noun, then the name in quotes or a known agency's name
    relay = re.compile(r"(?<!\w)(?:" + _alternatives(words("relay_verbs")) + r")\s+"
                       r"(?:(?:[^\W\d_][\w'’-]*\s+){0,2}?(?:" + _alternatives(words("relay_nouns"))
                       + r")\s+)?(?:[«\"“„](?P<quoted>[^»\"”“\n]{2,40})[»\"”“]"
                       + (r"|(?P<known>" + names + r")(?!\w)" if names else "") + ")", re.I)
    read_on = re.compile(r"^[ \t]*(?:" + _alternatives(words("read_on_labels"))
                         + r")[ \t]+(?P<value>[^\n]+)", re.M | re.I)
    return _Rules(line, wire, relay, read_on, int(data["max_words"]),
                  int(data["wire_credit_chars"]), int(data["relay_credit_chars"]))


@functools.lru_cache(maxsize=1)
def _agency_names() -> tuple[str, ...]:
    from treatywatch.knowledge import load_knowledge

    names = {name.text for outlet in load_knowledge().outlets() for name in outlet.names
             if not name.ambiguous and len(name.text) >= 2}
    return tuple(sorted(names, key=len, reverse=True))


# "МОСКВА, 5 янв — РИА Новости." / "ALMATY, Jan 3 - Steppe News.": a dateline (a
# capitalised place, a comma, a date) then a dash and the agency's name.
_DATELINE_CREDIT = re.compile(
    r"^[^\W\d_][^\n,]{1,30},[ \t]+[^\n]{0,30}?\d[^\n]{0,12}?[ \t]+[—–-][ \t]*"
    r"(?P<name>[^\W\d_][^\n.,;:—–]{1,40}?)[ \t]*\.(?:\s|$)", re.M)
# "RIGA, Latvia (BalticWire.net) — ...": a place, the agency in parentheses, a dash.
_PLACE_CREDIT = re.compile(r"^[^\W\d_][^\n(]{1,40}\((?P<name>[^()\n]{2,40})\)[ \t]*[—–-]", re.M)
# "14 июня 2010, 12:26 [ «Неделя-Пресс» ]": an agency in brackets and quotes.
_BRACKET_CREDIT = re.compile(r"\[[ \t]*[«\"“](?P<name>[^»\"”\n]{2,40})[»\"”][ \t]*\]")
# "MOSCOW, December 22. /Steppe Wire/. ...": any name in slashes right after a dateline
_SLASH_CREDIT = re.compile(
    r"^[^\W\d_][^\n,]{1,30},[ \t]+[^\n/]{0,30}?\d[^\n/]{0,12}?[ \t]*/[ \t]*"
    r"(?P<name>[^\W\d_][^/\n]{1,40}?)[ \t]*/", re.M)
# where a name glued to the story's first word ends: "Степь-ИнфоРоссийская база ..."
_GLUED = re.compile(r"(?<=[^\W\d_])(?<![A-ZА-ЯЁІЇЄҐ])(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’]{2,})")
_HOST_LINE = re.compile(r"^[ \t]*(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})[ \t]*$",
                        re.M | re.I)


def credited_outlet(text: str) -> str | None:
    """The outlet a source line names (the last such line), else a wire credit near
    the top (a known agency in parentheses, slashes or after a dash; any name after
    a dateline's dash or in slashes after it), else an agency the lead relays, else
    an aggregator's "read on the site", else a site's host name on a line of its own
    at the top."""
    rules = _rules()
    found = [m["value"].strip(" \"'«»“”") for m in rules.source_line.finditer(text)]
    found = [value for value in found if value and _short(value, rules)]
    if found:
        return found[-1]
    top = text[:rules.wire_reach]
    if rules.wire is not None:
        match = rules.wire.search(top)
        if match:
            return match["a"] or match["b"] or match["c"]
    for pattern in (_DATELINE_CREDIT, _SLASH_CREDIT, _PLACE_CREDIT, _BRACKET_CREDIT):
        match = pattern.search(top)
        if match and _short(match["name"], rules):
            return match["name"].strip()
    match = rules.relay.search(text[:rules.relay_reach])
    if match:
        name = (match["quoted"] or match["known"]).strip()
        if _short(name, rules):
            return name
    match = rules.read_on.search(text[:rules.relay_reach])
    if match:
        name = _GLUED.split(match["value"], maxsplit=1)[0].strip(" \"'«»“”.,;:—–-")
        if name and _short(name, rules):
            return name
    match = _HOST_LINE.search(top)
    if match:
        return match["host"].lower().removeprefix("www.")
    return None


def _short(name: str, rules: _Rules) -> bool:
    return len(name.split()) <= rules.max_words
