"""Recognise page furniture lines ("Read also", comments, tags, share prompts, ©).

The vocabulary lives in `data/furniture.yaml`; this module only knows how to match it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import yaml

from treatywatch.errors import DataFileError

Scope = Literal["list", "rest", "line"]
SCOPES = ("list", "rest", "line")
MATCHES = ("whole", "prefix")
VOCABULARY_FILE = "furniture.yaml"

# Leading bullets, emoji and digits, trailing colons and counts: "• Comments (12):" -> "comments".
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
# What may follow a header on its line: "Tags: CSTO", "Поделиться | Facebook".
_INLINE_SEPARATOR = re.compile(r"\s*[:：|·—–]\s*")
_BULLET_CHARS = " \t•·▪►>*—–-"
_FIRST_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class FurnitureMatch:
    group: str
    scope: Scope
    inline: bool  # the header is followed by content on its own line


class FurnitureVocabulary:
    """Phrases by scope, ready for O(1) lookups of a normalized line."""

    def __init__(self, groups: dict[str, dict]):
        self._whole: dict[str, tuple[str, Scope]] = {}
        prefixes: list[tuple[str, str, Scope]] = []
        for name, group in groups.items():
            for phrases in group["phrases"].values():
                for phrase in phrases:
                    if group["match"] == "whole":
                        self._whole[_normalize(phrase)] = (name, group["scope"])
                    else:
                        prefixes.append((phrase.lower(), name, group["scope"]))
        self._prefixes = tuple(prefixes)
        self._prefix_starts = tuple(p for p, _, _ in prefixes)
        # Most lines are ruled out by their first word alone.
        self._first_words = frozenset(_FIRST_WORD.search(p).group() for p in self._whole)

    def match(self, line: str) -> FurnitureMatch | None:
        """The furniture group `line` belongs to, if any. `line` is one stripped line."""
        if len(line) > 300:
            return None
        lowered = line.lower().lstrip(_BULLET_CHARS)
        if lowered.startswith(self._prefix_starts):
            for prefix, name, scope in self._prefixes:
                if lowered.startswith(prefix):
                    return FurnitureMatch(name, scope, inline=False)
        first_word = _FIRST_WORD.search(lowered)
        if first_word is None or first_word.group() not in self._first_words:
            return None
        found = self._whole.get(_normalize(lowered))
        if found:
            return FurnitureMatch(found[0], found[1], inline=False)
        parts = _INLINE_SEPARATOR.split(lowered, maxsplit=1)
        if len(parts) == 2 and parts[1].strip():
            found = self._whole.get(_normalize(parts[0]))
            if found:
                return FurnitureMatch(found[0], found[1], inline=True)
        return None


def _normalize(text: str) -> str:
    return " ".join(_EDGES.sub("", text.lower()).split())


@functools.cache
def load_furniture() -> FurnitureVocabulary:
    """The bundled vocabulary, checked once per process."""
    source = resources.files("treatywatch") / "data" / VOCABULARY_FILE
    origin = f"treatywatch/data/{VOCABULARY_FILE}"
    try:
        groups = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{origin}: cannot be read as YAML ({exc}); restore it from git") from exc
    return FurnitureVocabulary(_checked(groups, origin))


def _checked(groups: object, origin: str) -> dict[str, dict]:
    if not isinstance(groups, dict) or not groups:
        raise DataFileError(f"{origin}: expected a mapping of furniture groups at the top level")
    for name, group in groups.items():
        where = f"{origin}: group '{name}'"
        if not isinstance(group, dict):
            raise DataFileError(f"{where} must be a mapping with note, scope, match, phrases")
        if group.get("scope") not in SCOPES:
            raise DataFileError(f"{where}: scope {group.get('scope')!r} must be one of {', '.join(SCOPES)}")
        if group.get("match") not in MATCHES:
            raise DataFileError(f"{where}: match {group.get('match')!r} must be one of {', '.join(MATCHES)}")
        phrases = group.get("phrases")
        if not isinstance(phrases, dict) or not phrases:
            raise DataFileError(f"{where}: phrases must map a language code to a list of phrases")
        for lang, items in phrases.items():
            if not isinstance(items, list) or not all(isinstance(p, str) and p.strip() for p in items):
                raise DataFileError(f"{where}: phrases for '{lang}' must be a list of non-empty strings")
    return groups
