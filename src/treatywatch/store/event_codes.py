"""CAMEO and PLOVER codes for our events, from `data/event_codes.yaml` (which gives the
sources and why each code was chosen).

    codes_for({"type": "appeal", "polarity": "positive", "assistance": "military", ...})
        -> EventCodes(cameo="0232", cameo_label="Appeal for military aid",
                      plover="REQUEST", plover_mode=None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

from treatywatch.errors import DataFileError

FIELDS = ("type", "polarity", "modality", "assistance", "outcome", "via")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "event_codes.yaml"
_CAMEO_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class EventCodes:
    cameo: str | None = None
    cameo_label: str | None = None
    plover: str | None = None
    plover_mode: str | None = None


@dataclass(frozen=True)
class _Rule:
    when: dict[str, frozenset[str]]
    codes: EventCodes

    def matches(self, event: Mapping[str, Any]) -> bool:
        return all(event.get(name) in values for name, values in self.when.items())


def codes_for(event: Mapping[str, Any]) -> EventCodes:
    """The codes of the first rule `event` (a mapping of spec fields) satisfies."""
    for rule in _rules():
        if rule.matches(event):
            return rule.codes
    return EventCodes()


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    path = DATA_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc}); fix the YAML") from exc
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise DataFileError(f"{path}: needs a list of `rules`")
    return tuple(_rule(path, n, item) for n, item in enumerate(data["rules"], 1))


def _rule(path: Any, n: int, item: Any) -> _Rule:
    where = f"{path}: rule {n}"
    if not isinstance(item, dict) or not isinstance(item.get("when"), dict):
        raise DataFileError(f"{where}: needs `when`, a map of event fields")
    unknown = set(item["when"]) - set(FIELDS)
    if unknown:
        raise DataFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))} in `when`")
    when = {name: frozenset(v if isinstance(v, list) else [v]) for name, v in item["when"].items()}
    cameo, plover = item.get("cameo"), item.get("plover")
    if cameo is not None and not (isinstance(cameo, list) and len(cameo) == 2
                                  and _CAMEO_CODE.match(str(cameo[0])) and cameo[1]):
        raise DataFileError(f"{where}: `cameo` must be null or [\"code\", \"label\"]")
    if plover is not None and not (isinstance(plover, list) and len(plover) == 2
                                   and plover[0] in PLOVER_TYPES):
        raise DataFileError(f"{where}: `plover` must be null or [TYPE, mode] with TYPE "
                            f"one of {', '.join(PLOVER_TYPES)}")
    codes = EventCodes(*(cameo or (None, None)), *(plover or (None, None)))
    return _Rule(when, codes)
