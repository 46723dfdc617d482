"""Who published a text, read off the text itself: a "Источник: …" line, or a wire
credit near the top ("(Reuters)", "/ТАСС/", "— Интерфакс"). The labels are data
(`data/credits.yaml`), the agencies those of `data/outlets.yaml`."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).resolve().parents[1] / "data" / "credits.yaml"


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], int, re.Pattern[str] | None, int]:
    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    labels = sorted({label for values in data["source_labels"].values() for label in values},
                    key=len, reverse=True)
    line = re.compile(r"^[ \t]*(?:" + "|".join(re.escape(label) for label in labels)
                      + r")[ \t]*:[ \t]*(?P<value>[^\n]+?)[ \t.]*$", re.M | re.I)
    names = _agency_names()
    wire = None
    if names:
        alternatives = "|".join(re.escape(n) for n in names)
        # "(Reuters) -": a credit ends in a dash; "(Reuters)" after a photo is a photo credit
        wire = re.compile(r"(?:\(\s*(?P<a>" + alternatives + r")\s*\)[ \t]*[—–-]"
                          r"|/\s*(?P<b>" + alternatives + r")\s*/"
                          r"|[—–]\s*(?P<c>" + alternatives + r")(?=\s*[.,:]|\s*$))", re.M)
    return line, int(data["max_words"]), wire, int(data["wire_credit_chars"])


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
_HOST_LINE = re.compile(r"^[ \t]*(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})[ \t]*$",
                        re.M | re.I)


def credited_outlet(text: str) -> str | None:
    """The outlet a source line names (the last such line), else a wire credit near
    the top (a known agency in parentheses, slashes or after a dash; any name after
    a dateline's dash), else a site's host name on a line of its own at the top."""
    line, max_words, wire, reach = _rules()
    found = [m["value"].strip(" \"'«»“”") for m in line.finditer(text)]
    found = [value for value in found if value and len(value.split()) <= max_words]
    if found:
        return found[-1]
    top = text[:reach]
    if wire is not None:
        match = wire.search(top)
        if match:
            return match["a"] or match["b"] or match["c"]
    for pattern in (_DATELINE_CREDIT, _PLACE_CREDIT, _BRACKET_CREDIT):
        match = pattern.search(top)
        if match and len(match["name"].split()) <= max_words:
            return match["name"].strip()
    match = _HOST_LINE.search(top)
    if match:
        return match["host"].lower().removeprefix("www.")
    return None
